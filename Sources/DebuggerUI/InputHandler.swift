import DebuggerCore

/// Turns keys into view changes and session commands. Pure apart from the
/// session it drives, so key sequences are testable with a fake session.
public struct InputHandler {
    /// What one key did.
    public struct Response: Hashable, Sendable {
        /// Debugger command lines sent to the session, in order.
        public var commands: [String] = []
        public var quit = false
        /// Repaint every cell (Ctrl-l), not just the changed ones.
        public var fullRedraw = false
        public init() {}
    }

    public var keymap: Keymap
    /// Called with each command line just before the session runs it (the
    /// terminal shows `running ...` while a long `continue` works).
    public var willRun: ((String) -> Void)?
    /// Lines one wheel notch scrolls.
    public static let wheelStep = 3

    public init(keymap: Keymap, willRun: ((String) -> Void)? = nil) { self.keymap = keymap; self.willRun = willRun }

    public func handle(_ key: Key, state: inout ViewState, session: DebugSessionDriving) -> Response {
        var response = Response()
        switch key {
        case .resize(let size):
            state.size = size
        case .mouse(let event):
            handleMouse(event, state: &state, session: session, response: &response)
        default:
            switch state.mode {
            case .help: handleHelp(key, state: &state)
            case .detail(let detail): handleDetail(key, detail: detail, state: &state)
            case .prompt(let prompt): handlePrompt(key, prompt: prompt, state: &state, session: session, response: &response)
            case .console: handleConsole(key, state: &state, session: session, response: &response)
            case .normal: handleNormal(key, state: &state, session: session, response: &response)
            }
        }
        state.normalize(for: session.snapshot)
        return response
    }

    // MARK: Normal mode

    private func handleNormal(_ key: Key, state: inout ViewState, session: DebugSessionDriving, response: inout Response) {
        let keys = state.pendingKeys + [key]
        switch keymap.match(keys) {
        case .prefix:
            state.pendingKeys = keys
        case .action(let action):
            state.pendingKeys = []
            perform(action, state: &state, session: session, response: &response)
        case .none:
            state.pendingKeys = []
            switch key {
            // Ctrl-c always gets the user out unless the keymap claims it.
            case .control("c"): response.quit = true
            // Unless the keymap binds them: Enter opens the selected entry, Left/Right pan the focused pane.
            case .enter: openDetail(state: &state, session: session)
            case .left: state.column[state.focus] = max(0, (state.column[state.focus] ?? 0) - InputHandler.panStep)
            case .right: state.column[state.focus] = min(1 << 16, (state.column[state.focus] ?? 0) + InputHandler.panStep)
            default: break
            }
        }
    }

    func perform(_ action: Action, state: inout ViewState, session: DebugSessionDriving, response: inout Response) {
        if let command = action.sessionCommand {
            run(command, echo: false, state: &state, session: session, response: &response)
            return
        }
        let layout = state.layout
        let page = max(1, layout.visibleRows(state.focus == .console ? .console : state.focus) - 1)
        switch action {
        case .toggleBreakpoint where state.focus == .source:
            toggleSourceBreakpoint(state: &state, session: session, response: &response)
        case .toggleBreakpoint:
            guard let code = session.snapshot.code, let cursor = state.codeCursor, code.lines.indices.contains(cursor) else {
                state.console.append("no code line under the cursor", style: .error)
                return
            }
            let line = code.lines[cursor], offset = "0x\(Format.hex(line.offset, digits: 1))"
            guard line.hasBreakpoint else {
                run("break \(offset)", echo: true, state: &state, session: session, response: &response)
                return
            }
            // The snapshot names the breakpoint: the line's own id, else one listed at this offset.
            let id = line.breakpointID ?? session.snapshot.breakpoints.first { $0.isEnabled && $0.offsets.contains(line.offset) }?.id
            guard let id else {
                state.console.append("cannot tell which breakpoint is at \(offset); use info breakpoints and delete ID", style: .error)
                return
            }
            run("delete \(id)", echo: true, state: &state, session: session, response: &response)
        case .breakHost:
            state.mode = .prompt(Prompt(kind: .hostBreakpoint, options: ["*"] + session.hostFunctionNames))
        case .gotoAddress:
            state.mode = .prompt(Prompt(kind: .memoryAddress))
        case .focusNext: state.focus(state.focus.next(hasSource: state.hasSource))
        case .focusPrevious: state.focus(state.focus.previous(hasSource: state.hasSource))
        case .focus(let pane): state.focus(pane)
        case .scrollUp: scroll(state.focus, by: -1, state: &state)
        case .scrollDown: scroll(state.focus, by: 1, state: &state)
        case .pageUp: scroll(state.focus, by: -page, state: &state)
        case .pageDown: scroll(state.focus, by: page, state: &state)
        case .top: scroll(state.focus, by: Int.min / 2, state: &state)
        case .bottom: scroll(state.focus, by: Int.max / 2, state: &state)
        case .console:
            state.focus(.console)
            state.mode = .console
        case .help:
            state.mode = .help
            state.helpScroll = 0
        case .quit: response.quit = true
        case .redraw: response.fullRedraw = true
        case .zoom: state.zoomed.toggle()
        case .step, .next, .finish, .continue, .reverseStep, .reverseContinue, .restart, .v128Shape, .command:
            preconditionFailure("running actions have a session command")
        }
    }

    /// Scrolls the focused pane: the code cursor, the memory address, or the first line.
    func scroll(_ pane: Pane, by delta: Int, state: inout ViewState) {
        switch pane {
        case .code:
            state.codeCursor = (state.codeCursor ?? 0) + delta
        case .source:
            state.sourceCursor = (state.sourceCursor ?? 0) + max(-(1 << 30), min(1 << 30, delta))
        case .memory:
            let row = Int64(MemoryPane.bytesPerRow)
            let rows = Int64(max(-(1 << 40), min(1 << 40, delta)))
            let moved = Int64(clamping: state.memoryAddress) + rows * row
            state.memoryAddress = UInt64(max(0, moved))
            state.memoryFollows = false
        case .console:
            // Console scroll counts lines up from the newest.
            state.scroll[.console, default: 0] -= delta
        case let pane where DetailView.panes.contains(pane):
            // A selection moves; the pane scrolls to keep it in view (normalize).
            state.selection[pane] = max(0, (state.selection[pane] ?? 0) + max(-(1 << 30), min(1 << 30, delta)))
        default:
            state.scroll[pane, default: 0] += delta
        }
    }

    /// `b` on the Source pane: a breakpoint on the line under the cursor, or off again.
    private func toggleSourceBreakpoint(state: inout ViewState, session: DebugSessionDriving, response: inout Response) {
        guard let source = session.snapshot.source, let cursor = state.sourceCursor, source.lines.indices.contains(cursor) else {
            state.console.append("no source line under the cursor", style: .error)
            return
        }
        if let id = source.breakpoints[cursor + 1] {
            run("delete \(id)", echo: true, state: &state, session: session, response: &response)
        } else {
            run("break \(source.path):\(cursor + 1)", echo: true, state: &state, session: session, response: &response)
        }
    }

    /// Sends a command, shows its output in the console, follows the new stop.
    private func run(_ command: String, echo: Bool, state: inout ViewState, session: DebugSessionDriving, response: inout Response) {
        response.commands.append(command)
        if echo { state.console.append(ConsolePane.promptText + command, style: .dim) }
        willRun?(command)
        let result = session.execute(command)
        if !result.output.isEmpty {
            var output = result.output
            if output.hasSuffix("\n") { output.removeLast() }
            state.console.append(output, style: result.isError ? .error : .normal)
        }
        state.scroll[.console] = 0
        if result.quit { response.quit = true }
    }

    /// Columns Left/Right move a pane or detail view by.
    public static let panStep = 8

    /// Enter: the detail view of the selected entry of the Host calls, Draft or State pane.
    func openDetail(state: inout ViewState, session: DebugSessionDriving) {
        guard DetailView.panes.contains(state.focus) else { return }
        let line = state.selection[state.focus] ?? 0
        guard DetailView.content(session.snapshot, pane: state.focus, line: line, memory: session.memoryBytes) != nil else {
            state.console.append("no entry selected: move to one with Up/Down, then Enter", style: .error)
            return
        }
        state.mode = .detail(ViewState.Detail(pane: state.focus, line: line))
    }
}
