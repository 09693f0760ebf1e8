#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An output file the user named (`run --trace`, `run --save-failure`, the debugger's `save`).
///
/// A regular file, or a path that does not exist yet, is written to a temporary file beside it
/// and renamed over it at `close()`, so a failed write leaves what was there. A symlink is
/// followed: its target is replaced, the link stays. Anything else (a device, a FIFO,
/// `/dev/stdout`, `/dev/null`) is opened and written in place, never replaced. Every write and
/// close error is kept and reported by `close()`; nothing is renamed after one.
package final class OutputFile {
    /// The path as the user gave it (for messages).
    package let path: String
    private let descriptor: Int32
    /// Set when writing beside the target: (temporary file, the file it replaces).
    private let replacement: (temporary: String, target: String)?
    private var buffer: [UInt8] = []
    private var failure: String?

    /// Opens the output, or says in one line why it cannot be written.
    package init(path: String) throws(OutputError) {
        self.path = path
        // A reader that goes away must give EPIPE (reported), not kill the process.
        signal(SIGPIPE, SIG_IGN)
        switch try Self.destination(of: path) {
        case .inPlace:
            let fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC)
            guard fd >= 0 else { throw OutputError(path: path, reason: Self.reason(errno)) }
            descriptor = fd
            replacement = nil
        case .replace(let target, let mode):
            let name = "." + Self.baseName(target) + ".wesdbg-XXXXXX"
            var template = Array(FilePaths.join(FilePaths.directory(of: target), name).utf8CString)
            let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            guard fd >= 0 else { throw OutputError(path: path, reason: errno == ENOENT ? "its directory does not exist" : Self.reason(errno)) }
            // mkstemp makes the file 0600; give it the mode the replaced file had (or a new file's).
            _ = fchmod(fd, mode)
            descriptor = fd
            replacement = (String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self), target)
        }
        buffer.reserveCapacity(1 << 16)
    }

    /// Buffers bytes; the first failed write is kept and later writes are dropped.
    package func write(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    package func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Writes the rest, closes, and renames a temporary file into place. Throws the first
    /// error met since opening (the temporary file is then removed, the target left as it was).
    package func close() throws(OutputError) {
        flush()
        if Glibc.close(descriptor) != 0, failure == nil { failure = Self.reason(errno) }
        if let (temporary, target) = replacement {
            if failure == nil, rename(temporary, target) != 0 { failure = Self.reason(errno) }
            if failure != nil { unlink(temporary) }
        }
        if let failure { throw OutputError(path: path, reason: failure) }
    }

    /// Writes `text` to `path` in one go.
    package static func write(_ text: String, to path: String) throws(OutputError) {
        let file = try OutputFile(path: path)
        file.write(text)
        try file.close()
    }

    private func flush() {
        defer { buffer.removeAll(keepingCapacity: true) }
        guard failure == nil, !buffer.isEmpty else { return }
        var written = 0
        while written < buffer.count {
            let n = buffer.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                failure = Self.reason(errno)
                return
            }
            written += n
        }
    }

    // MARK: Where the bytes go

    enum Destination: Equatable {
        /// Write to a temporary file beside `target`, then rename it there.
        case replace(target: String, mode: mode_t)
        /// Open the path and write to it (devices, FIFOs, `/dev/stdout`).
        case inPlace
    }

    /// Follows symlinks to the file they name; `/proc` links (`/dev/stdout` is one) stay in place.
    static func destination(of path: String) throws(OutputError) -> Destination {
        func failure(_ reason: String) -> OutputError { OutputError(path: path, reason: reason) }
        var target = path
        for _ in 0 ..< 40 {
            var info = stat()
            if lstat(target, &info) != 0 {
                guard errno == ENOENT else { throw failure(reason(errno)) }
                let mask = umask(0)
                umask(mask)
                return .replace(target: target, mode: 0o666 & ~mask)
            }
            switch info.st_mode & S_IFMT {
            case S_IFREG:
                return .replace(target: target, mode: info.st_mode & 0o7777)
            case S_IFDIR:
                throw failure("it is a directory")
            case S_IFLNK:
                guard let link = readLink(target) else { throw failure(reason(errno)) }
                // /proc's links name open descriptors (`pipe:[…]`), not files to replace.
                if link.hasPrefix("/proc/") || target.hasPrefix("/proc/") { return .inPlace }
                target = FilePaths.join(FilePaths.directory(of: target), link)
            default:
                return .inPlace
            }
        }
        throw failure(reason(ELOOP))
    }

    static func readLink(_ path: String) -> String? {
        var bytes = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink(path, &bytes, bytes.count - 1)
        guard n >= 0 else { return nil }
        return String(decoding: bytes[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func baseName(_ path: String) -> String {
        path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
    }

    /// `No space left on device` → `no space left on device`.
    static func reason(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}

/// An output that could not be written: `OUT: cannot be written: no space left on device`.
package struct OutputError: Error, Equatable, Sendable, CustomStringConvertible {
    package var path: String
    package var reason: String
    package init(path: String, reason: String) { self.path = path; self.reason = reason }
    package var description: String { "\(path): cannot be written: \(reason)" }
}
