import DebuggerCore
import DebuggerUI
import Testing

/// What a key makes the terminal repaint: only the cells that changed.
@Suite struct RedrawTests {
    static func render(_ session: FakeSession, _ state: ViewState) -> Canvas {
        Screen(snapshot: session.snapshot, state: state, keymap: .default, memory: session.memoryBytes).render()
    }

    @Test func firstFrameRepaintsEverything() {
        let session = FakeSession()
        var state = ViewState(size: Size(width: 80, height: 24))
        state.normalize(for: session.snapshot)
        let canvas = Self.render(session, state)
        let runs = canvas.changes(from: nil)
        #expect(runs.map(\.text.count).reduce(0, +) == 80 * 24)
        #expect(canvas.changes(from: Canvas(width: 120, height: 40)).count == runs.count)
    }

    @Test func aStepRepaintsOnlyWhatChanged() {
        let session = FakeSession()
        var state = ViewState(size: Size(width: 120, height: 40))
        state.normalize(for: session.snapshot)
        let before = Self.render(session, state)
        // The next instruction moves one line down and the stack shrinks.
        var next = session.snapshot
        next.step += 1
        next.code!.lines[8].isCurrent = false
        next.code!.lines[9].isCurrent = true
        next.code!.currentLine = 9
        next.stack.removeFirst()
        next.memory.lastAccesses = []
        next.memory.pendingHostRanges = []
        next.statusLine = "paused at transfer+0x13 (offset 0x3a3)"
        session.snapshot = next
        _ = InputHandler(keymap: .default).handle(.character("s"), state: &state, session: session)
        let after = Self.render(session, state)
        let runs = after.changes(from: before)
        let rows = Set(runs.map(\.row))
        // Code lines 0x3a1 and 0x3a3 (rows 9, 10), the stack (title row 0, entries 1..4),
        // the memory rows 0x100..0x13f that lost their highlights (15...18) and the status line (39).
        #expect(rows == [0, 1, 2, 3, 4, 9, 10, 15, 16, 17, 18, 39])
        let cells = runs.map(\.text.count).reduce(0, +)
        #expect(cells < 120 * 40 / 10)
        #expect(cells == 377)
    }
}
