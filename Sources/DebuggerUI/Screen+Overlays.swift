import DebuggerCore

extension Screen {
    func drawHelp(on canvas: inout Canvas) {
        let keyWidth = keymap.bindings.map { $0.keys.map(\.name).joined(separator: " ").count }.max() ?? 0
        let entries = keymap.bindings.map {
            Format.padded($0.keys.map(\.name).joined(separator: " "), keyWidth) + "  " + $0.action.name
        }
        // Two columns when one would not fit the screen and two do fit its width.
        let entryWidth = entries.map(\.count).max() ?? 0
        let columns = entries.count + 6 > canvas.height - 2 && 2 * entryWidth + 3 <= canvas.width - 8 ? 2 : 1
        let rows = (entries.count + columns - 1) / columns
        var lines: [StyledLine] = (0..<rows).map { row in
            var text = ""
            for column in 0..<columns where column * rows + row < entries.count {
                text += (column > 0 ? "   " : "") + Format.padded(entries[column * rows + row], entryWidth)
            }
            return StyledLine(text)
        }
        lines.append(StyledLine())
        lines.append(StyledLine("Ctrl-c quits. Console: Up/Down history.", .dim))
        var legend = StyledLine("Marks: ")
        for (text, style) in [("next instruction >", Style.currentLine), ("breakpoint *", .breakpoint), ("popped >", .willPop)] {
            legend.append(text, style); legend.append(" ")
        }
        lines.append(legend)
        var memory = StyledLine("Memory: ")
        for (text, style) in [("read", Style.read), ("written", .write), ("host call range", .pendingHost), ("new +", .newEntry)] {
            memory.append(text, style); memory.append(" ")
        }
        lines.append(memory)
        overlay(title: "Keys: \(keymap.name)", lines: lines, scroll: state.helpScroll, on: &canvas)
    }

    func drawPrompt(_ prompt: Prompt, on canvas: inout Canvas) {
        var lines = [StyledLine(prompt.question)]
        var input = StyledLine("> " + prompt.text, .input)
        input.append(" ", .cursor)
        lines.append(input)
        for (index, option) in prompt.matches.enumerated() {
            lines.append(StyledLine("  " + option, background: index == prompt.selection ? .cursor : nil))
        }
        overlay(title: prompt.kind == .hostBreakpoint ? "Break on host call" : "Go to address", lines: lines,
                scroll: max(0, prompt.selection + 3 - (state.size.height - 6)), on: &canvas)
    }

    func drawDetail(_ detail: ViewState.Detail, on canvas: inout Canvas) {
        guard let (title, lines) = DetailView.content(snapshot, pane: detail.pane, line: detail.line, memory: memory) else {
            overlay(title: "Details", lines: [StyledLine("nothing to show here: select an entry", .dim)], scroll: 0, on: &canvas)
            return
        }
        let shifted = detail.column > 0 ? lines.map { $0.droppingColumns(detail.column) } : lines
        overlay(title: title, lines: shifted + [StyledLine(), StyledLine("Esc closes, Up/Down/PgUp/PgDn scroll, Left/Right pan", .dim)],
                scroll: detail.scroll, on: &canvas, fullWidth: true)
    }

    /// A centred bordered box over the panes (`fullWidth`: as wide as the screen allows).
    private func overlay(title: String, lines: [StyledLine], scroll: Int, on canvas: inout Canvas, fullWidth: Bool = false) {
        let widest = fullWidth ? canvas.width : max(title.count + 4, lines.map(\.plainText.count).max() ?? 0)
        let width = min(canvas.width - (fullWidth ? 2 : 4), widest + 4), height = min(canvas.height - 2, lines.count + 2)
        let rect = Rect(x: (canvas.width - width) / 2, y: (canvas.height - height) / 2, width: width, height: height)
        canvas.fill(rect, with: Cell(" ", .overlay))
        canvas.box(rect, title: title, focused: true)
        let interior = Rect(x: rect.x + 2, y: rect.y + 1, width: rect.width - 4, height: rect.height - 2)
        let top = max(0, min(scroll, lines.count - interior.height))
        if top > 0 { canvas.put("↑", column: rect.x + rect.width - 1, row: interior.y, style: .focusedBorder) }
        if top + interior.height < lines.count {
            canvas.put("↓", column: rect.x + rect.width - 1, row: interior.y + interior.height - 1, style: .focusedBorder)
        }
        for row in 0..<interior.height where top + row < lines.count {
            var line = lines[top + row]
            if line.background == nil { line.background = .overlay }
            line.draw(on: &canvas, column: interior.x, row: interior.y + row, width: interior.width)
        }
    }
}
