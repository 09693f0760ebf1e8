import Foundation

extension Keymap {
    public static var builtinNames: [String] { builtinTexts.map(\.name) }

    /// A shipped keymap (`default`, `vim`, `emacs`).
    public static func builtin(_ name: String) -> Keymap? {
        guard let text = builtinTexts.first(where: { $0.name == name })?.text else { return nil }
        // The shipped texts are checked by tests, so a failure here is a wesdbg bug.
        do { return try Keymap(parsing: text, file: "keymaps/\(name)", name: name) } catch {
            preconditionFailure("builtin keymap \(name): \(error)")
        }
    }

    public static let `default`: Keymap = builtin("default")!

    /// `--keymap NAME|PATH`: a shipped name, else a file path.
    public static func load(_ nameOrPath: String) throws(KeymapError) -> Keymap {
        if !nameOrPath.contains("/"), let keymap = builtin(nameOrPath) { return keymap }
        if let kind = notAFile(nameOrPath) {
            throw KeymapError(file: nameOrPath, line: 0, message: "is \(kind), not a keymap file")
        }
        guard let data = FileManager.default.contents(atPath: nameOrPath) else {
            if FileManager.default.fileExists(atPath: nameOrPath) {
                throw KeymapError(file: nameOrPath, line: 0, message: "cannot be read")
            }
            let known = builtinNames.joined(separator: ", ")
            throw KeymapError(file: nameOrPath, line: 0,
                              message: "no such keymap (shipped: \(known); or give a file path)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw KeymapError(file: nameOrPath, line: 1, message: "not UTF-8 text")
        }
        return try Keymap(parsing: text, file: nameOrPath)
    }

    /// What a path is when it exists but is not a regular file (`a directory`, `a character device`...).
    static func notAFile(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "a directory"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFIFO: return "a FIFO"
        case S_IFSOCK: return "a socket"
        default: return "something other than a regular file"
        }
    }
}
