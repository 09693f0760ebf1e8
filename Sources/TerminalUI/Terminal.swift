import CNcurses
import DebuggerUI
import Glibc

/// The ncurses screen, set up on `open` and restored by `close`, by signals and
/// at exit (see `Terminal+Signals.swift`). One at a time.
final class Terminal {
    /// True between `open` and `close`; read by signal handlers and the exit hook.
    nonisolated(unsafe) static var isActive = false

    private let screen: OpaquePointer
    let window: UnsafeMutablePointer<WINDOW>
    let palette: Palette
    /// Box drawing and other non-ASCII characters need a UTF-8 locale.
    let unicode: Bool
    /// The canvas on the screen now; nil forces a full repaint.
    private var shown: Canvas?

    /// Refuses (`TerminalUnavailable`) when stdin/stdout is not a tty or TERM is unset or unknown.
    static func open() throws(TerminalUnavailable) -> Terminal {
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1, !term.isEmpty else { throw .noTerminal }
        setlocale(LC_ALL, "")
        Terminal.installSignalHandlers()
        // newterm (unlike initscr) returns nil for an unknown TERM instead of exiting.
        guard let screen = newterm(nil, wesdbg_stdout(), wesdbg_stdin()) else { throw .noTerminal }
        isActive = true
        return Terminal(screen: screen)
    }

    private init(screen: OpaquePointer) {
        self.screen = screen
        window = wesdbg_stdscr()
        raw()           // Ctrl-c, Ctrl-z, Ctrl-s arrive as keys (the keymaps use them)
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(25)
        curs_set(0)
        mousemask(wesdbg_mouse_mask(), nil)
        mouseinterval(0)
        let noColor = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false
        palette = Palette(color: !noColor && has_colors())
        unicode = String(cString: wesdbg_codeset()) == "UTF-8"
    }

    /// Restores the terminal (idempotent).
    func close() {
        guard Terminal.isActive else { return }
        Terminal.isActive = false
        endwin()
        delscreen(screen)
    }

    var size: Size { Size(width: Int(wesdbg_cols()), height: Int(wesdbg_lines())) }

    /// Forgets what is on the screen so the next draw repaints every cell.
    func invalidate() {
        shown = nil
        clearok(window, true)
    }

    /// Copies the cells that differ from the last frame, in runs of one style.
    func draw(_ canvas: Canvas) {
        let previous = shown?.size == canvas.size ? shown : nil
        if previous == nil { werase(window) }
        var text: [wchar_t] = []
        for run in canvas.changes(from: previous) {
            text.removeAll(keepingCapacity: true)
            for character in run.text {
                for scalar in displayed(character).unicodeScalars { text.append(wchar_t(bitPattern: scalar.value)) }
            }
            let (attributes, pair) = palette[run.style]
            wattr_set(window, attributes, pair, nil)
            let count = Int32(text.count)
            text.append(0)
            _ = mvwaddnwstr(window, Int32(run.row), Int32(run.column), text, count)
        }
        wattr_set(window, wesdbg_a_normal(), 0, nil)
        wrefresh(window)
        shown = canvas
    }

    /// Box drawing falls back to ASCII outside UTF-8 locales.
    private func displayed(_ character: Character) -> Character {
        if unicode || character.isASCII { return character }
        switch character {
        case "─": return "-"
        case "│": return "|"
        case "┌", "┐", "└", "┘": return "+"
        case "↑": return "^"
        case "↓": return "v"
        default: return "?"
        }
    }

    /// Stops the process like Ctrl-z in a shell, then repaints on `fg`.
    func suspend() {
        def_prog_mode()
        endwin()
        kill(getpid(), SIGSTOP)
        reset_prog_mode()
        invalidate()
    }
}

/// Why the terminal UI cannot start: the CLI prints it and exits with status 2.
public enum TerminalUnavailable: Error, CustomStringConvertible {
    case noTerminal
    public var description: String { "wesdbg: no terminal (TERM unset or not a tty); use --batch SCRIPT or -x CMD" }
}
