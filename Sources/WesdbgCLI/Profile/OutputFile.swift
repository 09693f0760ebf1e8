import Foundation

/// Writes a profile output. A regular (or new) file is written to a temporary file
/// beside it and renamed over it, so a failed write never leaves half a file; a
/// device, FIFO, or anything under /dev or /proc (`/dev/stdout` even when it is
/// redirected to a regular file) is written in place. Returns the one-line error, or nil.
///
/// The one place profile outputs are written: swap it for the project's shared
/// output-file helper once that is on main.
func writeOutputFile(_ text: String, to path: String) -> String? {
    let data = Data(text.utf8)
    var info = stat()
    let exists = stat(path, &info) == 0
    if exists && (info.st_mode & S_IFMT) == S_IFDIR { return "\(path): is a directory" }
    let special = path.hasPrefix("/dev/") || path.hasPrefix("/proc/") || (exists && (info.st_mode & S_IFMT) != S_IFREG)
    if special {
        // Our own stdout/stderr through their descriptors (a redirect's offset stays right);
        // anything else appended to, never truncated.
        let standard: [String: Int32] = ["/dev/stdout": 1, "/dev/fd/1": 1, "/proc/self/fd/1": 1,
                                         "/dev/stderr": 2, "/dev/fd/2": 2, "/proc/self/fd/2": 2]
        let fd = standard[path] ?? open(path, O_WRONLY | O_APPEND)
        guard fd >= 0 else { return "\(path): cannot be written" }
        defer { if standard[path] == nil { close(fd) } }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: false)
        do { try handle.write(contentsOf: data) } catch { return "\(path): cannot be written" }
        return nil
    }
    // Rename onto the file a symbolic link names, not onto the link.
    let target = exists ? URL(fileURLWithPath: path).resolvingSymlinksInPath() : URL(fileURLWithPath: path)
    let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).\(getpid()).tmp")
    guard FileManager.default.createFile(atPath: temporary.path, contents: data) else { return "\(path): cannot be written" }
    guard rename(temporary.path, target.path) == 0 else {
        unlink(temporary.path)
        return "\(path): cannot be written"
    }
    return nil
}
