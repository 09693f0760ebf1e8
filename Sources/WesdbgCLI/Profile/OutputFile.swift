import Foundation

/// Writes a profile output. A regular (or new) file is written to a temporary file
/// beside it and renamed over it, so a failed write never leaves half a file; a
/// device, FIFO or `/dev/stdout` is written in place. Returns the one-line error, or nil.
///
/// The one place profile outputs are written: swap it for the project's shared
/// output-file helper once that is on main.
func writeOutputFile(_ text: String, to path: String) -> String? {
    let data = Data(text.utf8)
    var info = stat()
    if stat(path, &info) == 0 && (info.st_mode & S_IFMT) != S_IFREG {
        if (info.st_mode & S_IFMT) == S_IFDIR { return "\(path): is a directory" }
        guard let handle = FileHandle(forWritingAtPath: path) else { return "\(path): cannot be written" }
        defer { try? handle.close() }
        do { try handle.write(contentsOf: data) } catch { return "\(path): cannot be written" }
        return nil
    }
    let url = URL(fileURLWithPath: path)
    let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
    guard FileManager.default.createFile(atPath: temporary.path, contents: data) else { return "\(path): cannot be written" }
    guard rename(temporary.path, path) == 0 else {
        unlink(temporary.path)
        return "\(path): cannot be written"
    }
    return nil
}
