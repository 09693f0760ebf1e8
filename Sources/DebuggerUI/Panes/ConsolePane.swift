import DebuggerCore

/// Command output, newest at the bottom, above the input line.
public enum ConsolePane {
    public static let promptText = "(wesdbg) "

    /// `rows` lines: output scrolled up by `scroll` lines, then the input line.
    public static func lines(_ state: ViewState, rows: Int, width: Int, keymap: Keymap) -> [StyledLine] {
        guard rows > 0 else { return [] }
        let output = state.console.output
        let outputRows = rows - 1
        let scroll = max(0, min(state.scroll[.console] ?? 0, output.count - outputRows))
        let end = output.count - scroll, start = max(0, end - outputRows)
        var lines = output[start..<end].map { StyledLine($0.text, $0.style) }
        while lines.count < outputRows { lines.insert(StyledLine(), at: 0) }
        if state.mode == .console {
            // Long input scrolls left so the end stays visible.
            let room = max(1, width - promptText.count - 1)
            var input = StyledLine(promptText, .input)
            input.append(Format.suffix(state.console.input, cells: room), .input)
            input.append(" ", .cursor)
            lines.append(input)
        } else {
            // Only keys the keymap has: without a console key there is no command line to offer.
            var parts: [String] = []
            if let key = keymap.keys(for: .console) { parts.append("press \(key) to type a command") }
            if let key = keymap.keys(for: .help) { parts.append("\(key) for keys") }
            lines.append(StyledLine(parts.joined(separator: ", "), .dim))
        }
        return lines
    }
}
