import Foundation
import Testing
@testable import WesdbgCLI

/// Issue 10 item 7: after one 64 MiB event `draft` took 25 s and 1.5 GB and the terminal UI
/// froze on every stop. Draft and host-log entries are now bounded previews (first bytes,
/// length, hash): a 1 MiB event and state value here, the same lines at any size.
struct LargePayloadTests {
    static let module = """
        (module
          (import "env" "emit_event" (func $emit (param i32 i32 i32 i32)))
          (import "env" "state_set" (func $set (param i32 i32 i32 i32) (result i32)))
          (memory (export "memory") 33)
          (data (i32.const 0) "Big")
          (func (export "main") (result i32)
            (memory.fill (i32.const 16) (i32.const 0x61) (i32.const 1048576))
            (memory.fill (i32.const 1048592) (i32.const 0xff) (i32.const 1048576))
            (call $emit (i32.const 0) (i32.const 3) (i32.const 16) (i32.const 1048576))
            (drop (call $set (i32.const 0) (i32.const 1) (i32.const 1048592) (i32.const 1048576)))
            (i32.const 0)))
        """

    @Test func draftAndHostLogShowBoundedPreviews() throws {
        let dir = try CLIFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/big.wat"
        try Self.module.write(toFile: path, atomically: true, encoding: .utf8)
        let session = try DebugCommand.parse([path]).makeSession()
        var text = ""
        #expect(DebugCommand.runBatch(session: session, commands: ["continue", "draft", "hostlog"]) { text += $0 })
        let a64 = "\"" + String(repeating: "a", count: 64) + "\"… (1048576 bytes, fnv1a 509a9b97ff722325)"
        let ff64 = "0x" + String(repeating: "ff", count: 64) + "… (1048576 bytes, fnv1a a87cb5a6c9f22325)"
        #expect(text.contains("state writes:\n  + \"B\" = " + ff64 + "\n"))
        #expect(text.contains("events:\n  + \"Big\" " + a64 + "\n"))
        // Pointers print as numbers, then what they point at (the one host-call format).
        #expect(text.contains("1. emit_event(name="))
        #expect(text.contains(" \"Big\", name_len=3, data="))
        #expect(text.contains(" " + a64 + ", data_len=1048576)\n"))
        #expect(text.split(separator: "\n").allSatisfy { $0.utf8.count < 400 })
        #expect(session.snapshot.draft.sections.flatMap(\.entries).allSatisfy { $0.text.utf8.count < 300 })
    }
}
