import Foundation

extension RunCommand {
    /// `--trace` or `--save-failure` naming the snapshot or the contract's module would
    /// overwrite the user's input; returns the one-line error for the first such option.
    func outputClobbersInput(_ inputs: [String]) -> String? {
        for (option, path) in [("--trace", trace), ("--save-failure", saveFailure)] {
            guard let path, inputs.contains(where: { Self.sameFile($0, path) }) else { continue }
            return "\(path): \(option) would overwrite an input of this run; choose another file\n"
        }
        return nil
    }

    /// Same device and inode (so `./a.json`, links and `../dir/a.json` all match); false when either is missing.
    static func sameFile(_ a: String, _ b: String) -> Bool {
        var sa = stat(), sb = stat()
        guard stat(a, &sa) == 0, stat(b, &sb) == 0 else { return false }
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino
    }
}
