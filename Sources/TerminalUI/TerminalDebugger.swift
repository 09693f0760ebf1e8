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
    // WESDBG_UI_TIMING=FILE appends "KEY MICROSECONDS" per key: command + render + draw (docs/ui.md).
    let timing = getenv("WESDBG_UI_TIMING").flatMap { fopen($0, "a") }
    defer { if let timing { fclose(timing) } }
    var pending: (key: Key, start: UInt64)?
    while true {
        let screen = Screen(snapshot: session.snapshot, state: state, keymap: keymap, memory: session.memoryBytes)
        let canvas = screen.render()
        terminal.draw(canvas)
        shown = canvas
        if let timing, let (key, start) = pending {
            fputs("\(key.name) \((monotonicNanoseconds() - start) / 1000)\n", timing)
            fflush(timing)
        }
        guard let key = terminal.readKey() else { continue }
        pending = timing == nil ? nil : (key, monotonicNanoseconds())
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

private func monotonicNanoseconds() -> UInt64 {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
}
