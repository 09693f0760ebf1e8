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

    @Test func staticDataWhenTheEntryTakesNoPointer() throws {
        let wat = """
            (module
              (memory (export "memory") 1)
              (data (i32.const 2048) "late")
              (data (i32.const 1024) "GOLD")
              (func (export "main") (result i32) i32.const 0))
            """
        let session = try makeSession(wat: wat)
        #expect(session.snapshot.memory.suggestedRange == 1024 ..< 1028)
        // A pointer argument comes first.
        #expect(MemoryView.suggestion(lastAccesses: [], pendingHostRanges: [], entryArguments: [.i32(64)], staticData: 1024 ..< 1028,
                                      byteCount: 65536) == 64 ..< 65)
        // Only at the entry.
        #expect(MemoryView.suggestion(lastAccesses: [], pendingHostRanges: [], entryArguments: nil, staticData: 1024 ..< 1028,
                                      byteCount: 65536) == nil)
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
