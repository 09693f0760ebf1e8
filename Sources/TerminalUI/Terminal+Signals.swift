import CNcurses
import Glibc

/// Leaves the screen usable whatever ends the process: a signal from outside
/// (SIGINT, SIGTERM, SIGHUP, SIGQUIT), a wesdbg bug (precondition: SIGILL/SIGTRAP,
/// SIGABRT, SIGSEGV, SIGBUS) or `exit` from anywhere.
extension Terminal {
    nonisolated(unsafe) private static var installed = false

    static func installSignalHandlers() {
        guard !installed else { return }
        installed = true
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS] {
            Glibc.signal(signal, restoreTerminalAndReraise)
        }
        atexit { if Terminal.isActive { Terminal.isActive = false; endwin() } }
    }
}

/// Restores the terminal, then lets the signal do what it would have done.
private func restoreTerminalAndReraise(_ signal: Int32) {
    if Terminal.isActive {
        Terminal.isActive = false
        endwin()
    }
    Glibc.signal(signal, SIG_DFL)
    raise(signal)
}
