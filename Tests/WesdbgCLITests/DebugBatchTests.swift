import ArgumentParser
import ContractHost
import DebuggerCore
import Foundation
import Testing
@testable import WesdbgCLI

/// `wesdbg debug FILE --batch/-x`: the transcript users and handouts rely on.
struct DebugBatchTests {
    static let samples: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("samples").path
    }()

    func session(_ arguments: [String]) throws -> DebugSession {
        let command = try DebugCommand.parse(arguments)
        return try command.makeSession()
    }

    func transcript(_ session: DebugSession, _ commands: [String]) -> (text: String, valid: Bool) {
        var text = ""
        let valid = DebugCommand.runBatch(session: session, commands: commands) { text += $0 }
        return (text, valid)
    }

    /// Failed before: `debug` refused the file (exit 2) while `run` reported the trap (exit 1).
    @Test func aTrappingStartFunctionOpensTrappedWhereRunReportsIt() throws {
        let dir = try CLIFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try CLIFixtures.write("""
            (module (memory (export "memory") 1)
              (func $init (i32.store (i32.const 0) (i32.div_u (i32.const 1) (i32.const 0))))
              (start $init)
              (func (export "main") (result i32) (i32.const 0)))
            """, to: dir + "/start.wat")
        let run = try CLIFixtures.run([dir + "/start.wat"])
        #expect(run.status == 1)
        #expect(run.output.contains("trap: integer_divide_by_zero: integer divide by zero in init at offset 0x3d\n"))
        let (text, valid) = transcript(try session([dir + "/start.wat"]), ["bt", "save \(dir)/again.json"])
        #expect(valid)
        #expect(text == """
            (wesdbg) bt
            => #0 init+0x7 (offset 0x3d)
            (wesdbg) save \(dir)/again.json
            saved \(dir)/again.json (expect trap integer_divide_by_zero)

            """)
    }

    /// The issue's acceptance scenario on the token sample.
    @Test func transferBreaksOnTheHostCallThenFinishes() throws {
        let session = try session([Self.samples + "/token/transfer.snapshot.json"])
        let (text, valid) = transcript(session, ["break host execute_utxo_transfer", "continue", "stack", "draft"])
        #expect(valid)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "(wesdbg) break host execute_utxo_transfer")
        #expect(lines[1] == "breakpoint 1: host call execute_utxo_transfer")
        #expect(lines[2] == "(wesdbg) continue")
        #expect(lines[3].hasPrefix("breakpoint 1: host call execute_utxo_transfer(from="))
        #expect(lines[3].contains("amount=250"))
        #expect(lines[4].hasPrefix("paused at transfer+0x"))
        // The i64 amount is on top, under the token pointer and length.
        let stack = session.snapshot.stack
        #expect(stack.count >= 5)
        #expect(stack[2].value == .i64(250))
        #expect(stack.prefix(5).allSatisfy { $0.willPop })
        #expect(text.contains("outputs: (none)"))
        let atBreak = session.snapshot

        let (more, stillValid) = transcript(session, ["continue", "draft"])
        #expect(stillValid)
        #expect(more.contains("finished: success"))
        let outputs = try #require(session.snapshot.draft.sections.first { $0.title == "outputs" })
        #expect(outputs.entries.map(\.text) == [
            "asset 250 \"GOLD\" -> 0xc1d73080c71c19539eb4f22cf2cb85cc820817a3 issuer 0x83d0114d9d72e6d6a9e168f4beaceddef4d8d351",
            "asset 350 \"GOLD\" -> 0x8209c622d851832908d7089992787a9f1a39ffe5 issuer 0x83d0114d9d72e6d6a9e168f4beaceddef4d8d351",
        ])
        #expect(session.snapshot.draft.discarded == false)

        // Back to the host call: the same stack, draft and host log as when we stopped there.
        _ = transcript(session, ["reverse-continue"])
        let back = session.snapshot
        #expect(back.stack == atBreak.stack)
        #expect(back.step == atBreak.step)
        #expect(back.fuel.used == atBreak.fuel.used)
        #expect(back.draft.sections.map { $0.entries.map(\.text) } == atBreak.draft.sections.map { $0.entries.map(\.text) })
        #expect(back.hostCalls.map(\.text) == atBreak.hostCalls.map(\.text))
    }

    /// reverse-step from any stop restores the exact previous state.
    @Test func reverseStepFromEveryStopOfTheTransfer() throws {
        let session = try session([Self.samples + "/token/transfer.snapshot.json"])
        _ = transcript(session, ["break host *"])
        var stops = 0
        while case .paused = session.snapshot.state {
            _ = session.execute("step")
            let after = session.snapshot
            _ = session.execute("reverse-step")
            let before = session.snapshot
            _ = session.execute("step")
            #expect(session.snapshot.stack == after.stack)
            #expect(session.snapshot.fuel.used == after.fuel.used)
            #expect(before.step + 1 == after.step)
            _ = session.execute("continue")
            stops += 1
        }
        #expect(stops > 3)
    }

    @Test func badCommandsMakeTheBatchFailButTheRestStillRuns() throws {
        let session = try session([Self.samples + "/token/transfer.snapshot.json"])
        let (text, valid) = transcript(session, ["frobnicate", "echo still here", "quit", "echo never"])
        #expect(!valid)
        #expect(text == "(wesdbg) frobnicate\nerror: unknown command 'frobnicate' (try help)\n(wesdbg) echo still here\nstill here\n(wesdbg) quit\n")
    }

    /// A watch hit names the writing instruction and shows the watched bytes old → new,
    /// also when reverse-continue replays to an earlier hit.
    @Test func memoryWatchHitsSayWhoWroteWhat() throws {
        let dir = try CLIFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try CLIFixtures.write("""
            (module (memory 1)
              (func (export "main") (result i32)
                (i64.store (i32.const 16) (i64.const 42))
                (i32.store8 (i32.const 17) (i32.const 255))
                (i32.const 0)))
            """, to: dir + "/stores.wat")
        let (text, valid) = transcript(try session([dir + "/stores.wat"]), ["watch mem 16 4", "continue", "continue", "reverse-continue"])
        #expect(valid)
        let hits = text.split(separator: "\n").filter { $0.hasPrefix("watch 1: memory 0x10..0x14 (4 bytes) written by") }
        #expect(hits == [
            "watch 1: memory 0x10..0x14 (4 bytes) written by i64.store align=8 at main+0x5 (offset 0x2b): 00 00 00 00 → 2a 00 00 00",
            "watch 1: memory 0x10..0x14 (4 bytes) written by i32.store8 align=1 at main+0xd (offset 0x33): 2a 00 00 00 → 2a ff 00 00",
            "watch 1: memory 0x10..0x14 (4 bytes) written by i64.store align=8 at main+0x5 (offset 0x2b): 00 00 00 00 → 2a 00 00 00",
        ])
    }

    @Test func stateWatchesStopAfterTheHostWritesTheKey() throws {
        let session = try session([Self.samples + "/registry/increment.snapshot.json"])
        let (text, valid) = transcript(session, ["watch state counter", "continue", "draft"])
        #expect(valid)
        #expect(text.contains("(wesdbg) continue\nwatch 1: state key \"counter\" written by host call state_set: \"41\" → \"42\"\npaused at increment+0x"))
        #expect(text.contains("state writes:\n  + \"counter\" = \"42\""))
        let call = try #require(session.snapshot.hostCalls.first { $0.name == "state_set" })
        #expect(call.arguments.map(\.name) == ["key", "key_len", "val", "val_len"])
        #expect(call.arguments.map(\.decoded) == ["\"counter\"", nil, "\"42\"", nil])
        #expect(call.results.map(\.description) == ["i32:1"])
        #expect(call.text.hasSuffix(" \"counter\", key_len=7, val=\(call.arguments[2].value.plainText) \"42\", val_len=2) -> i32:1"))
    }

    @Test func saveWritesASnapshotWithTheOutcomeAndTheChanges() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wesdbg-save-\(UInt32.random(in: 0 ... .max))").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let session = try session([Self.samples + "/token/transfer.snapshot.json"])
        let plain = directory + "/plain.json", changed = directory + "/changed.json"
        let (text, valid) = transcript(session, ["step 5", "save \(plain)", "set fuel 100", "save \(changed)"])
        #expect(valid)
        #expect(text.contains("saved \(plain) (expect success code 0)\n"))
        #expect(text.contains("saved \(changed) (expect trap out_of_fuel; 1 edit, which run and debug replay)\n"))
        let saved = try ChainSnapshot.load(path: plain)
        #expect(saved.expect == Expectation(status: .success, code: 0))
        #expect(saved.call.function == "transfer")
        #expect(saved.edits.isEmpty)
        let altered = try String(contentsOfFile: changed, encoding: .utf8)
        #expect(altered.contains("\"edits\": [\n    { \"step\": 5, \"fuel\": 100 }\n  ],\n  \"expect\": { \"status\": \"trap\", \"trap\": \"out_of_fuel\" }"))
        #expect(try ChainSnapshot.load(path: changed).expect == Expectation(status: .trap, trap: .outOfFuel))
        // The edit replays: the saved snapshot's own expect matches.
        #expect(try CLIFixtures.run([changed]).output.hasSuffix("edits: 1 applied\nexpect: matches ({\"status\":\"trap\",\"trap\":\"out_of_fuel\"})\n"))
        // Still paused where it was: saving runs the rest on the side.
        #expect(session.snapshot.step == 5)
        #expect(session.snapshot.fuel.modified)
    }

    @Test func exitStatusIsOneWhenACommandIsInvalid() throws {
        let ok = try DebugCommand.parse([Self.samples + "/token/transfer.snapshot.json", "-x", "s", "bt"])
        #expect(throws: Never.self) { try ok.run() }
        let bad = try DebugCommand.parse([Self.samples + "/token/transfer.snapshot.json", "-x", "s", "nosuch"])
        #expect(throws: ExitCode(1)) { try bad.run() }
        let missing = try DebugCommand.parse([Self.samples + "/token/nosuch.snapshot.json", "-x", "s"])
        #expect(throws: ExitCode(2)) { try missing.run() }
    }

    /// The issue's scenario on the seed-variant transfer, where the i64 amount is the last
    /// argument (on top of the stack): the whole transcript, byte for byte.
    @Test func seedTransferTranscriptIsStable() throws {
        let session = try session([Self.samples + "/teach/seed_transfer.snapshot.json"])
        let (text, valid) = transcript(session, ["break host execute_utxo_transfer", "continue", "stack", "draft", "continue", "draft",
                                                 "rs", "stack", "hostlog"])
        #expect(valid)
        #expect(text == #"""
(wesdbg) break host execute_utxo_transfer
breakpoint 1: host call execute_utxo_transfer
(wesdbg) continue
breakpoint 1: host call execute_utxo_transfer(from=0 "0x8209c622d851832908d7089992787a9f1a39ffe5", from_len=42, to=64 "0xc1d73080c71c19539eb4f22cf2cb85cc820817a3", to_len=42, amount=250)
paused at transfer+0x11 (offset 0x120), step 8
=> 0x120  call 2 <execute_utxo_transfer>
(wesdbg) stack
stack[0]  i64 0x00000000000000fa  250  <- popped next
stack[1]  i32 0x0000002a  42  <- popped next
stack[2]  i32 0x00000040  64  <- popped next
stack[3]  i32 0x0000002a  42  <- popped next
stack[4]  i32 0x00000000  0  <- popped next
(wesdbg) draft
inputs: (none)
outputs: (none)
state writes: (none)
events: (none)
return data: (none)
(wesdbg) continue
finished: success, step 16
returned i32:0
(wesdbg) draft
inputs:
  + 0x13653321ab77304ac6accaebb050a4b356ea5e50ef291ba0e725c4a06c4e0557:0
outputs:
  + asset 250 native -> 0xc1d73080c71c19539eb4f22cf2cb85cc820817a3
  + asset 750 native -> 0x8209c622d851832908d7089992787a9f1a39ffe5
state writes: (none)
events: (none)
return data:
  + "ok"
(wesdbg) rs
paused at transfer+0x23 (offset 0x132), step 15
=> 0x132  end
(wesdbg) stack
stack[0]  i32 0x00000000  0  <- popped next
(wesdbg) hostlog
1. get_caller(out=0) -> i32:42
2. execute_utxo_transfer(from=0 "0x8209c622d851832908d7089992787a9f1a39ffe5", from_len=42, to=64 "0xc1d73080c71c19539eb4f22cf2cb85cc820817a3", to_len=42, amount=250) -> i32:1
3. set_return_data(ptr=112 "ok", len=2)
"""# + "\n")
    }

    @Test func batchScriptsSkipBlankLinesAndComments() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("wesdbg-script-\(UInt32.random(in: 0 ... .max)).txt").path
        try "# a handout\n\nbreak host execute_utxo_transfer\n  continue  \n# done\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try DebugCommand.scriptLines(path: path) == ["break host execute_utxo_transfer", "continue"])
        #expect(throws: UserError.self) { try DebugCommand.scriptLines(path: path + ".missing") }
    }
}
