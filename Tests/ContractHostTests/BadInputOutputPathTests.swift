import Foundation
import Testing
@testable import ContractHost

/// Outputs check `isInput` so they never overwrite the snapshot or its module.
@Suite struct BadInputOutputPathTests {
    @Test func inputsAreRecognisedThroughAnyPathSpelling() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        let snapshot = try ChainSnapshot.load(path: root + "/samples/token/transfer.snapshot.json")
        #expect(snapshot.isInput(root + "/samples/token/transfer.snapshot.json"))
        #expect(snapshot.isInput(root + "/samples/nft/../token/token.wasm"))
        #expect(!snapshot.isInput(root + "/samples/token/transfer_zero.snapshot.json"))
        #expect(!snapshot.isInput(root + "/samples/token/not-there.json"))
    }

    // MARK: OutputFile (issue 10 item 3)

    static func temporaryDirectory() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("wesdbg-out-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    static func type(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
    }

    static func inode(_ path: String) -> UInt64 {
        var info = stat()
        return lstat(path, &info) == 0 ? UInt64(info.st_ino) : 0
    }

    /// A regular file is replaced by a renamed temporary file (a new inode, the old mode, no leftovers).
    @Test func aRegularFileIsWrittenBesideAndRenamed() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/out.json"
        try "old".write(toFile: path, atomically: false, encoding: .utf8)
        chmod(path, 0o640)
        let before = Self.inode(path)
        try OutputFile.write("new\n", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new\n")
        #expect(Self.inode(path) != before)
        var info = stat()
        lstat(path, &info)
        #expect(info.st_mode & 0o777 == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["out.json"])
        try OutputFile.write("fresh", to: dir + "/new.json")
        #expect(try String(contentsOfFile: dir + "/new.json", encoding: .utf8) == "fresh")
    }

    /// Failed before: `save` and `--save-failure` replaced the link with a regular file.
    @Test func aSymlinkIsWrittenThroughAndKept() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/real", withIntermediateDirectories: true)
        try "old".write(toFile: dir + "/real/target.json", atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: dir + "/link.json", withDestinationPath: "real/target.json")
        try OutputFile.write("through", to: dir + "/link.json")
        #expect(Self.type(dir + "/link.json") == S_IFLNK)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dir + "/link.json") == "real/target.json")
        #expect(try String(contentsOfFile: dir + "/real/target.json", encoding: .utf8) == "through")
        // A dangling link creates its target.
        try FileManager.default.createSymbolicLink(atPath: dir + "/dangling.json", withDestinationPath: "real/later.json")
        try OutputFile.write("later", to: dir + "/dangling.json")
        #expect(Self.type(dir + "/dangling.json") == S_IFLNK)
        #expect(try String(contentsOfFile: dir + "/real/later.json", encoding: .utf8) == "later")
    }

    /// Failed before: `--trace FIFO` replaced the FIFO with a regular file and the reader got nothing.
    @Test func aFIFOIsWrittenInPlace() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fifo = dir + "/pipe"
        #expect(mkfifo(fifo, 0o600) == 0)
        final class Received: @unchecked Sendable { var bytes: [UInt8] = [] }
        let received = Received(), done = DispatchSemaphore(value: 0)
        let reader = Thread {
            let fd = open(fifo, O_RDONLY)
            var chunk = [UInt8](repeating: 0, count: 4096)
            while true {
                let n = read(fd, &chunk, chunk.count)
                if n <= 0 { break }
                received.bytes += chunk[..<n]
            }
            close(fd)
            done.signal()
        }
        reader.start()
        let file = try OutputFile(path: fifo)
        for i in 0 ..< 10_000 { file.write("line \(i)\n") }
        try file.close()
        #expect(done.wait(timeout: .now() + 30) == .success)
        let text = String(decoding: received.bytes, as: UTF8.self)
        #expect(text.hasPrefix("line 0\nline 1\n"))
        #expect(text.hasSuffix("line 9999\n"))
        #expect(text.split(separator: "\n").count == 10_000)
        #expect(Self.type(fifo) == S_IFIFO)
    }

    /// Failed before: as root, `--trace /dev/null` replaced /dev/null and `save /dev/full` said "saved".
    @Test func devicesAreWrittenInPlaceAndWriteErrorsReported() throws {
        try #require(Self.type("/dev/null") == S_IFCHR && Self.type("/dev/full") == S_IFCHR, "/dev/null and /dev/full must be devices")
        try OutputFile.write("gone", to: "/dev/null")
        #expect(Self.type("/dev/null") == S_IFCHR)
        #expect(throws: OutputError(path: "/dev/full", reason: "no space left on device")) { try OutputFile.write("x", to: "/dev/full") }
        #expect(Self.type("/dev/full") == S_IFCHR)
        #expect(OutputError(path: "/dev/full", reason: "no space left on device").description == "/dev/full: cannot be written: no space left on device")
    }

    @Test func directoriesAndMissingDirectoriesAreRefused() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(throws: OutputError(path: dir, reason: "it is a directory")) { try OutputFile(path: dir) }
        #expect(throws: OutputError(path: dir + "/no/x", reason: "its directory does not exist")) { try OutputFile(path: dir + "/no/x") }
    }
}
