import Foundation

extension ChainSnapshot {
    /// Whether writing `path` would overwrite this snapshot's file or its module (same
    /// device and inode, so `./a.json`, links and `../dir/a.json` all match). Outputs
    /// (`--trace`, `--save-failure`, `save`) refuse such paths: a user file never changes.
    public func isInput(_ path: String) -> Bool {
        ([file] + (codePath.map { [$0] } ?? [])).contains { Self.sameFile($0, path) }
    }

    private static func sameFile(_ a: String, _ b: String) -> Bool {
        var sa = stat(), sb = stat()
        guard stat(a, &sa) == 0, stat(b, &sb) == 0 else { return false }
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino
    }
}
