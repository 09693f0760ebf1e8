import CNcurses
import DebuggerUI

/// How each style looks: colour pairs when the terminal has colours and NO_COLOR
/// is unset, otherwise bold/reverse/underline alone (still telling roles apart).
struct Palette {
    private var table: [Style: (attr_t, Int16)] = [:]

    init(color: Bool) {
        let bold = wesdbg_a_bold(), reverse = wesdbg_a_reverse(), underline = wesdbg_a_underline(), dim = wesdbg_a_dim()
        let normal = wesdbg_a_normal()
        let mono: [Style: attr_t] = [
            .normal: normal, .dim: dim, .border: normal, .focusedBorder: bold, .title: bold, .focusedTitle: reverse | bold,
            .currentLine: reverse, .breakpoint: bold, .cursor: underline, .willPop: bold, .read: underline,
            .write: reverse | underline, .pendingHost: bold | underline, .newEntry: bold, .error: bold, .modified: bold | underline,
            .statusBar: reverse, .hint: reverse, .tab: normal, .activeTab: reverse | bold, .overlay: normal, .input: bold,
        ]
        for style in Style.allCases { table[style] = (mono[style] ?? normal, 0) }
        guard color else { return }
        start_color()
        use_default_colors()
        // (style, foreground, background, extra attributes); -1 is the terminal's default colour.
        let colored: [(Style, Int16, Int16, attr_t)] = [
            (.focusedBorder, Int16(COLOR_CYAN), -1, bold), (.focusedTitle, Int16(COLOR_BLACK), Int16(COLOR_CYAN), bold),
            (.title, Int16(COLOR_CYAN), -1, bold),
            (.currentLine, Int16(COLOR_BLACK), Int16(COLOR_YELLOW), normal), (.breakpoint, Int16(COLOR_RED), -1, bold),
            (.cursor, Int16(COLOR_WHITE), Int16(COLOR_BLUE), normal), (.willPop, Int16(COLOR_MAGENTA), -1, bold),
            (.read, Int16(COLOR_BLACK), Int16(COLOR_GREEN), normal), (.write, Int16(COLOR_WHITE), Int16(COLOR_RED), bold),
            (.pendingHost, Int16(COLOR_BLACK), Int16(COLOR_CYAN), normal), (.newEntry, Int16(COLOR_GREEN), -1, bold),
            (.error, Int16(COLOR_RED), -1, bold), (.modified, Int16(COLOR_YELLOW), -1, bold),
            (.statusBar, Int16(COLOR_BLACK), Int16(COLOR_WHITE), normal), (.hint, Int16(COLOR_BLUE), Int16(COLOR_WHITE), normal),
            (.activeTab, Int16(COLOR_BLACK), Int16(COLOR_CYAN), bold),
        ]
        for (index, entry) in colored.enumerated() where index + 1 < Int(wesdbg_color_pairs()) {
            let pair = Int16(index + 1)
            init_pair(pair, entry.1, entry.2)
            table[entry.0] = (entry.3, pair)
        }
    }

    subscript(style: Style) -> (attr_t, Int16) { table[style] ?? (wesdbg_a_normal(), 0) }
}
