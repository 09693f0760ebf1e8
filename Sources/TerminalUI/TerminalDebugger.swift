import DebuggerCore
import DebuggerUI

/// Runs the ncurses debugger over a session until the user quits (`q`, Ctrl-c,
/// or a command that quits). The terminal is restored on every way out.
/// Throws `TerminalUnavailable` when stdin/stdout is not a terminal or TERM is
/// unset/unknown; the caller prints its description and exits with status 2.
public func runTerminalDebugger(session: DebugSessionDriving, keymap: Keymap) throws {
    let terminal = try Terminal.open()
    defer { terminal.close() }
    let handler = InputHandler(keymap: keymap)
    var state = ViewState(size: terminal.size)
    state.normalize(for: session.snapshot)
    while true {
        let screen = Screen(snapshot: session.snapshot, state: state, keymap: keymap, memory: session.memoryBytes)
        terminal.draw(screen.render())
        guard let key = terminal.readKey() else { continue }
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
