import Foundation

/// Path arithmetic on plain strings, so messages show paths as the user wrote them.
enum FilePaths {
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func join(_ directory: String, _ path: String) -> String {
        if path.hasPrefix("/") || directory.isEmpty { return path }
        return directory.hasSuffix("/") ? directory + path : directory + "/" + path
    }

    static func absolute(_ path: String) -> [String] {
        let full = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var parts: [String] = []
        for c in full.split(separator: "/") {
            if c == "." { continue }
            if c == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(String(c))
        }
        return parts
    }

    /// `target` relative to `directory` (both as given; resolved against the current directory).
    static func relative(_ target: String, from directory: String) -> String {
        let t = absolute(target), d = absolute(directory.isEmpty ? "." : directory)
        var common = 0
        while common < t.count, common < d.count, t[common] == d[common] { common += 1 }
        let ups = Array(repeating: "..", count: d.count - common)
        return (ups + t[common...]).joined(separator: "/")
    }

    /// The file's bytes, or a one-line reason.
    static func read(_ path: String) -> Result<[UInt8], InputError> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(InputError(file: path, message: "no such file"))
        }
        if isDirectory.boolValue { return .failure(InputError(file: path, message: "is a directory, not a file")) }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(InputError(file: path, message: "cannot be read"))
        }
        return .success([UInt8](data))
    }
}
