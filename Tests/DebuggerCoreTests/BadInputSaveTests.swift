import ContractHost
import Foundation
import Testing
import WasmVM
@testable import DebuggerCore

/// `save FILE` never overwrites the snapshot or module being debugged, and says why a write failed.
@Suite struct BadInputSaveTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    @Test func saveRefusesInputsAndExplainsFailures() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("wesdbg-save-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir + "/sub", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for name in ["transfer_zero.snapshot.json", "token.wasm"] {
            try FileManager.default.copyItem(atPath: Self.root + "/samples/token/" + name, toPath: dir + "/" + name)
        }
        let snapshot = try ChainSnapshot.load(path: dir + "/transfer_zero.snapshot.json")
        let session = try DebugSession(target: ContractTarget(snapshot: snapshot, module: try snapshot.loadModule()))
        let before = try Data(contentsOf: URL(fileURLWithPath: dir + "/token.wasm"))
        let refused = session.execute("save \(dir)/sub/../token.wasm")
        #expect(refused.isError)
        #expect(refused.output == "save: \(dir)/sub/../token.wasm is an input of this session (snapshot or module); choose another file")
        #expect(session.execute("save \(dir)/transfer_zero.snapshot.json").isError)
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/token.wasm")) == before)
        #expect(session.execute("save \(dir)/sub").output == "save: cannot write \(dir)/sub: it is a directory")
        #expect(session.execute("save \(dir)/missing/x.json").output == "save: cannot write \(dir)/missing/x.json: its directory does not exist")
        #expect(!session.execute("save \(dir)/copy.json").isError)
        // Failed before: "saved /dev/full" (and, as root, /dev/full became a regular file).
        var info = stat()
        try #require(lstat("/dev/full", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR, "/dev/full must be a device")
        let full = session.execute("save /dev/full")
        #expect(full.isError)
        #expect(full.output == "save: cannot write /dev/full: no space left on device")
    }
}
