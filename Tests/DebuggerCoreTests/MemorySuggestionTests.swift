import DebuggerCore
import Testing
import WasmVM

/// Where the Memory pane should look (`MemoryView.suggestedRange`): the call's data, not address 0.
struct MemorySuggestionTests {
    @Test func entryPointerArgumentAtTheStart() throws {
        let session = try makeSession("spin", arguments: [.i32(0x400)])
        #expect(session.snapshot.memory.suggestedAddress == 0x400)
        // A step that touches no memory leaves the pane where it is.
        session.must("step")
        #expect(session.snapshot.memory.suggestedRange == nil)
        // Back at the start (restart), the entry argument again.
        session.must("restart")
        #expect(session.snapshot.memory.suggestedAddress == 0x400)
    }

    @Test func argumentsThatAreNoAddressAreIgnored() throws {
        #expect(try makeSession("spin", arguments: [.i32(0)]).snapshot.memory.suggestedRange == nil)
        #expect(try makeSession("spin", arguments: [.i32(0x10_0000)]).snapshot.memory.suggestedRange == nil)
        #expect(try makeSession().snapshot.memory.suggestedRange == nil)
        #expect(MemoryView.suggestion(lastAccesses: [], pendingHostRanges: [], entryArguments: [.i64(5), .i32(0), .i32(9)],
                                      byteCount: 100) == 9 ..< 10)
    }

    @Test func pendingHostCallRangeThenAccesses() throws {
        let session = try makeSession()
        var steps = 0
        while session.snapshot.memory.pendingHostRanges.isEmpty && steps < 100 {
            session.must("step"); steps += 1
        }
        #expect(session.snapshot.memory.pendingHostRanges.first?.range == 32 ..< 40)
        #expect(session.snapshot.memory.suggestedRange == 32 ..< 40)
        session.must("step")
        #expect(session.snapshot.memory.suggestedRange == session.snapshot.memory.lastAccesses.first?.range)
        #expect(session.snapshot.memory.suggestedRange != nil)
    }
}
