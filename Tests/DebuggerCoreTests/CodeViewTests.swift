import DebuggerCore
import Testing
import WasmVM

@Suite struct CodeViewTests {
    /// The code pane knows which breakpoint sits on a line, so `b` can delete it by id.
    @Test func breakpointLinesCarryTheirID() throws {
        let session = try makeSession()
        session.must("break main")
        session.must("step")
        let lines = try #require(session.snapshot.code?.lines)
        let marked = lines.filter(\.hasBreakpoint)
        #expect(marked.count == 1)
        #expect(marked.first?.breakpointID == 1)
        #expect(lines.filter { !$0.hasBreakpoint }.allSatisfy { $0.breakpointID == nil })
        session.must("disable 1")
        #expect(session.snapshot.code?.lines.contains { $0.hasBreakpoint || $0.breakpointID != nil } == false)
    }
}
