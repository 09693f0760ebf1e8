import DebuggerCore

extension InputHandler {
    /// The help overlay: PgUp/PgDn scroll it, any other key (arrows too) closes it.
    func handleHelp(_ key: Key, state: inout ViewState) {
        switch key {
        case .pageUp: state.helpScroll = max(0, state.helpScroll - 10)
        case .pageDown: state.helpScroll = min(keymap.bindings.count, state.helpScroll + 10)
        default: state.mode = .normal
        }
    }

    /// The detail view: Esc (or Enter, q) closes it; arrows and PgUp/PgDn scroll and pan it.
    func handleDetail(_ key: Key, detail: ViewState.Detail, state: inout ViewState) {
        var detail = detail
        let page = max(1, state.size.height - 6)
        switch key {
        case .escape, .enter, .character("q"), .control("c"):
            state.mode = .normal
            return
        case .up: detail.scroll = max(0, detail.scroll - 1)
        case .down: detail.scroll = min(1 << 20, detail.scroll + 1)
        case .pageUp: detail.scroll = max(0, detail.scroll - page)
        case .pageDown: detail.scroll = min(1 << 20, detail.scroll + page)
        case .home: detail.scroll = 0; detail.column = 0
        case .left: detail.column = max(0, detail.column - InputHandler.panStep)
        case .right: detail.column = min(1 << 16, detail.column + InputHandler.panStep)
        default: break
        }
        state.mode = .detail(detail)
    }

    func handleConsole(_ key: Key, state: inout ViewState, session: DebugSessionDriving, response: inout Response) {
        switch key {
        case .character(let ch):
            state.console.input.append(ch)
            state.console.historyIndex = nil
        case .backspace, .control("h"):
            if !state.console.input.isEmpty { state.console.input.removeLast() }
        case .control("u"):
            state.console.input = ""
        case .escape:
            state.mode = .normal
        case .control("c"):
            if state.console.input.isEmpty { response.quit = true } else { state.console.input = "" }
        case .up, .down:
            let history = state.console.history
            guard !history.isEmpty else { return }
            var index = state.console.historyIndex ?? history.count
            index += key == .up ? -1 : 1
            if index >= history.count {
                state.console.historyIndex = nil
                state.console.input = ""
            } else {
                index = max(0, index)
                state.console.historyIndex = index
                state.console.input = history[index]
            }
        case .pageUp, .pageDown:
            let page = max(1, state.layout.visibleRows(.console) - 2)
            state.scroll[.console, default: 0] += key == .pageUp ? page : -page
        case .enter:
            let line = state.console.input.trimmingSpaces
            state.console.input = ""
            state.console.historyIndex = nil
            guard !line.isEmpty else { return }
            if state.console.history.last != line { state.console.history.append(line) }
            var sent = Response()
            // The session prints nothing for its own echo; show what was typed.
            state.console.append(ConsolePane.promptText + line, style: .dim)
            perform(.command(line), state: &state, session: session, response: &sent)
            response.commands += sent.commands
            response.quit = response.quit || sent.quit
        default:
            break
        }
    }

    func handlePrompt(_ key: Key, prompt: Prompt, state: inout ViewState, session: DebugSessionDriving, response: inout Response) {
        var prompt = prompt
        switch key {
        case .character(let ch):
            prompt.text.append(ch); prompt.selection = 0
        case .backspace, .control("h"):
            if !prompt.text.isEmpty { prompt.text.removeLast() }
            prompt.selection = 0
        case .up: prompt.selection = max(0, prompt.selection - 1)
        case .down, .tab: prompt.selection = min(max(0, prompt.matches.count - 1), prompt.selection + 1)
        case .escape, .control("c"):
            state.mode = .normal
            return
        case .enter:
            state.mode = .normal
            submit(prompt, state: &state, session: session, response: &response)
            return
        default: break
        }
        state.mode = .prompt(prompt)
    }

    private func submit(_ prompt: Prompt, state: inout ViewState, session: DebugSessionDriving, response: inout Response) {
        switch prompt.kind {
        case .hostBreakpoint:
            let matches = prompt.matches
            let name = matches.indices.contains(prompt.selection) ? matches[prompt.selection] : prompt.text.trimmingSpaces
            guard !name.isEmpty else { return }
            perform(.command("break host \(name)"), state: &state, session: session, response: &response)
        case .memoryAddress:
            let text = prompt.text.trimmingSpaces
            if text.isEmpty {
                state.memoryFollows = true
                return
            }
            guard let address = InputHandler.parseAddress(text) else {
                state.console.append("not an address: \(text) (use 0x hex or decimal)", style: .error)
                return
            }
            state.memoryAddress = address / UInt64(MemoryPane.bytesPerRow) * UInt64(MemoryPane.bytesPerRow)
            state.memoryFollows = false
            state.focus(.memory)
        }
    }

    static func parseAddress(_ text: String) -> UInt64? {
        if text.hasPrefix("0x") || text.hasPrefix("0X") { return UInt64(text.dropFirst(2), radix: 16) }
        return UInt64(text)
    }

    func handleMouse(_ event: MouseEvent, state: inout ViewState, session: DebugSessionDriving, response: inout Response) {
        let wheel = event.kind == .wheelUp ? -InputHandler.wheelStep : event.kind == .wheelDown ? InputHandler.wheelStep : 0
        // An overlay takes the wheel (the panes under it stay put); a click closes the help, as a key does.
        switch state.mode {
        case .help:
            if wheel != 0 { state.helpScroll = max(0, min(keymap.bindings.count, state.helpScroll + wheel)) } else { state.mode = .normal }
            return
        case .detail(var detail):
            if wheel != 0 {
                detail.scroll = max(0, min(1 << 20, detail.scroll + wheel))
                state.mode = .detail(detail)
            }
            return
        case .prompt(var prompt):
            if wheel != 0, !prompt.matches.isEmpty {
                prompt.selection = max(0, min(prompt.matches.count - 1, prompt.selection + wheel.signum()))
                state.mode = .prompt(prompt)
            }
            return
        case .normal, .console:
            break
        }
        let layout = state.layout
        if let bar = layout.tabBar, bar.contains(column: event.column, row: event.row) {
            if event.kind == .click, let tab = layout.tab(atColumn: event.column) { state.focus(tab) }
            return
        }
        guard let pane = layout.pane(atColumn: event.column, row: event.row), let rect = layout.panes[pane] else { return }
        switch event.kind {
        case .click:
            state.focus(pane)
            if pane == .code, let count = state.syncedLineCount {
                let rows = rect.height - 2
                let top = CodePane.top(cursor: state.codeCursor, top: state.scroll[.code] ?? 0, rows: rows, count: count)
                let line = top + event.row - rect.y - 1
                if event.row > rect.y, event.row < rect.y + rect.height - 1, line < count { state.codeCursor = line }
            }
            // A click on a host call, draft or state entry selects it; a click on the selected one opens it.
            if DetailView.panes.contains(pane), event.row > rect.y, event.row < rect.y + rect.height - 1 {
                let line = (state.scroll[pane] ?? 0) + event.row - rect.y - 1
                if state.selection[pane] == line { openDetail(state: &state, session: session) } else { state.selection[pane] = line }
            }
            // A click on a wasm frame selects it for the stack, locals and code panes.
            if pane == .callStack, event.row > rect.y, event.row < rect.y + rect.height - 1 {
                let line = (state.scroll[.callStack] ?? 0) + event.row - rect.y - 1
                let rows = CallStackPane.rows(session.snapshot, width: rect.interior.width)
                let frames = session.snapshot.frames
                if rows.indices.contains(line), let index = rows[line].frame, frames.indices.contains(index), !frames[index].isHost {
                    // Frame numbers count wasm frames only, as `backtrace` shows them.
                    let number = frames[..<index].filter { !$0.isHost }.count
                    perform(.command("frame \(number)"), state: &state, session: session, response: &response)
                }
            }
        case .wheelUp, .wheelDown:
            // Whatever the pane: lines, the code or source cursor, memory rows, console history, the selected entry.
            scroll(pane, by: wheel, state: &state)
        }
    }
}
