import DebuggerCore
import DebuggerUI
import Glibc

/// Runs the ncurses debugger over a session until the user quits (`q`, Ctrl-c,
/// or a command that quits). The terminal is restored on every way out.
/// Throws `TerminalUnavailable` when stdin/stdout is not a terminal or TERM is
/// unset/unknown; the caller prints its description and exits with status 2.
public func runTerminalDebugger(session: DebugSessionDriving, keymap: Keymap) throws {
    let terminal = try Terminal.open()
    defer { terminal.close() }
    // raw() delivers Ctrl-C as a key, so a contract looping with ample fuel is stopped by polling.
    session.setInterruptCheck { terminal.interruptTyped() }
    defer { session.setInterruptCheck(nil) }
    var shown: Canvas?
    let handler = InputHandler(keymap: keymap) { command in
        // Only the status line changes, so only it is repainted.
        guard var canvas = shown else { return }
        let row = canvas.height - 1
        canvas.fill(Rect(x: 0, y: row, width: canvas.width, height: 1), with: Cell(" ", .statusBar))
        canvas.put(" running \(command) ...", column: 0, row: row, style: .statusBar)
        terminal.draw(canvas)
    }
    var state = ViewState(size: terminal.size)
    state.normalize(for: session.snapshot)
    // WESDBG_UI_TIMING=FILE appends "KEY WALL_US CPU_US" per key: command + render + draw (docs/ui.md).
    // CPU time too, because wall time on a busy machine mostly measures preemption.
    let timing = getenv("WESDBG_UI_TIMING").flatMap { fopen($0, "a") }
    defer { if let timing { fclose(timing) } }
    var pending: (key: Key, wall: UInt64, cpu: UInt64)?
    while true {
        let screen = Screen(snapshot: session.snapshot, state: state, keymap: keymap, memory: session.memoryBytes)
        let canvas = screen.render()
        terminal.draw(canvas)
        shown = canvas
        if let timing, let (key, wall, cpu) = pending {
            let wallMicros = (nanoseconds(CLOCK_MONOTONIC) - wall) / 1000, cpuMicros = (nanoseconds(CLOCK_THREAD_CPUTIME_ID) - cpu) / 1000
            fputs("\(key.name) \(wallMicros) \(cpuMicros)\n", timing)
            fflush(timing)
        }
        guard let key = terminal.readKey() else { continue }
        pending = timing == nil ? nil : (key, nanoseconds(CLOCK_MONOTONIC), nanoseconds(CLOCK_THREAD_CPUTIME_ID))
        if key == .control("z"), state.mode == .normal, state.pendingKeys.isEmpty, keymap.match([key]) == .none {
            terminal.suspend()
            continue
        }
        if case .resize = key { terminal.invalidate() }
        let response = handler.handle(key, state: &state, session: session)
        if response.fullRedraw { terminal.invalidate() }
        if response.quit { return }
    }
}

private func nanoseconds(_ clock: clockid_t) -> UInt64 {
    var now = timespec()
    clock_gettime(clock, &now)
    return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
}
