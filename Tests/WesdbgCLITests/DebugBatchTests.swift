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

    /// The acceptance scenario on the token sample.
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
}
