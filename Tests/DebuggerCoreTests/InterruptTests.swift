import DebuggerCore
import Testing
import WasmVM

/// A contract that loops with ample fuel must stay stoppable from the front end.
@Suite struct InterruptTests {
    static let loopWAT = """
    (module (func (export "main") (loop (br 0))))
    """

    @Test func continueIntoEndlessLoopStopsWhenInterrupted() throws {
        let session = try makeSession(fuel: .max, wat: Self.loopWAT)
        var polls = 0
        session.setInterruptCheck { polls += 1; return polls == 3 }
        let output = session.must("continue")
        // Polled once per 1,048,576-instruction chunk: the third poll stops the run there.
        #expect(polls == 3)
        #expect(session.snapshot.step == 3 * 1_048_576)
        #expect(output.contains("interrupted"), "\(output)")
        guard case .paused(let reason) = session.snapshot.state else { Issue.record("not paused: \(session.snapshot.state)"); return }
        #expect(reason == .interrupted)
        // The session stays usable: stepping goes on from there.
        session.must("step")
        #expect(session.snapshot.step == 3 * 1_048_576 + 1)
    }

    @Test func withoutCheckRunEndsOutOfFuel() throws {
        let session = try makeSession(fuel: 100, wat: Self.loopWAT)
        session.must("continue")
        guard case .trapped(let trap) = session.snapshot.state else { Issue.record("not trapped"); return }
        #expect(trap.kind == .outOfFuel)
    }
}
