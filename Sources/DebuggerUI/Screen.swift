import DebuggerCore

/// Renders a whole frame: panes by the layout for the state's size, the tab bar
/// at small sizes, the status line and any overlay. Pure: same inputs, same canvas.
public struct Screen {
    public var snapshot: SessionSnapshot
    public var state: ViewState
    public var keymap: Keymap
    /// Memory 0 bytes at an address (the session's `memoryBytes`).
    public var memory: (UInt64, Int) -> [UInt8]

    public init(snapshot: SessionSnapshot, state: ViewState, keymap: Keymap, memory: @escaping (UInt64, Int) -> [UInt8]) {
        self.snapshot = snapshot; self.state = state; self.keymap = keymap; self.memory = memory
    }

    public func render() -> Canvas {
        let layout = state.layout
        var canvas = Canvas(width: state.size.width, height: state.size.height)
        if layout.isTooSmall {
            // Wrapped to the terminal it is shown on, however narrow.
            let message = "terminal too small: need \(Layout.minimum.width)x\(Layout.minimum.height) (80x24 or more is best)"
            let width = max(1, state.size.width)
            var row = 0
            for line in CallStackPane.wrap(message, width: width) { canvas.put(line, column: 0, row: row, style: .error); row += 1 }
            for line in CallStackPane.wrap(snapshot.statusLine, width: width) { canvas.put(line, column: 0, row: row); row += 1 }
            return canvas
        }
        if let bar = layout.tabBar { drawTabBar(on: &canvas, bar) }
        for pane in Pane.allCases {
            guard let rect = layout.panes[pane] else { continue }
            drawPane(pane, in: rect, on: &canvas)
        }
        drawStatusLine(on: &canvas, layout.statusLine)
        switch state.mode {
        case .help: drawHelp(on: &canvas)
        case .prompt(let prompt): drawPrompt(prompt, on: &canvas)
        case .detail(let detail): drawDetail(detail, on: &canvas)
        case .normal, .console: break
        }
        return canvas
    }

    /// One pane alone, border included, at `size` (for golden screens).
    public func renderPane(_ pane: Pane, size: Size) -> Canvas {
        var canvas = Canvas(width: size.width, height: size.height)
        drawPane(pane, in: Rect(x: 0, y: 0, width: size.width, height: size.height), on: &canvas)
        return canvas
    }

    /// A pane's title and all its lines (memory and console: the visible ones) at an interior size.
    public func content(_ pane: Pane, interior: Size) -> (title: String, lines: [StyledLine]) {
        switch pane {
        case .source: (SourcePane.title(snapshot), SourcePane.lines(snapshot, state: state))
        case .code: (CodePane.title(snapshot), CodePane.lines(snapshot, state: state))
        case .stack: (StackPane.title(snapshot), StackPane.lines(snapshot, width: interior.width))
        case .locals: (LocalsPane.title(snapshot), LocalsPane.lines(snapshot, width: interior.width))
        case .callStack: (pane.title, CallStackPane.lines(snapshot, width: interior.width))
        case .memory: (MemoryPane.title(snapshot, state: state),
                       MemoryPane.lines(snapshot, address: state.memoryAddress, rows: interior.height,
                                        bytes: memory(state.memoryAddress, interior.height * MemoryPane.bytesPerRow)))
        case .fuel: (FuelPane.title(snapshot), FuelPane.lines(snapshot, width: interior.width))
        case .draft: (DraftPane.title(snapshot), DraftPane.lines(snapshot))
        case .state: (StatePane.title(snapshot), StatePane.lines(snapshot))
        case .hostCalls: (HostCallsPane.title(snapshot), HostCallsPane.lines(snapshot))
        case .console: (pane.title, ConsolePane.lines(state, rows: interior.height, width: interior.width, keymap: keymap))
        }
    }

    /// First visible line of a pane whose lines scroll (clamped; the code pane keeps the cursor in view).
    public static func top(_ pane: Pane, state: ViewState, count: Int, rows: Int) -> Int {
        switch pane {
        case .memory, .console: 0
        case .code: CodePane.top(cursor: state.codeCursor, top: state.scroll[.code] ?? 0, rows: rows, count: count)
        case .source: CodePane.top(cursor: state.sourceCursor, top: state.scroll[.source] ?? 0, rows: rows, count: count)
        default: max(0, min(state.scroll[pane] ?? 0, count - rows))
        }
    }

    private func drawPane(_ pane: Pane, in rect: Rect, on canvas: inout Canvas) {
        let interior = rect.interior
        let (title, lines) = content(pane, interior: Size(width: interior.width, height: interior.height))
        canvas.fill(rect)
        canvas.box(rect, title: title, focused: state.focus == pane)
        let top = Screen.top(pane, state: state, count: lines.count, rows: interior.height)
        // The focused pane scrolls sideways (Left/Right); the selected entry of a detail pane is highlighted.
        let column = state.focus == pane ? state.column[pane] ?? 0 : 0
        let selected = state.focus == pane && DetailView.panes.contains(pane) ? state.selection[pane] : nil
        for row in 0..<interior.height {
            let index = top + row
            guard index < lines.count else { break }
            var line = column > 0 ? lines[index].droppingColumns(column) : lines[index]
            if index == selected { line.background = .cursor }
            line.draw(on: &canvas, column: interior.x, row: interior.y + row, width: interior.width)
        }
        if column > 0 { canvas.put("←", column: rect.x, row: interior.y, style: .focusedBorder) }
        // Scroll marks on the right border when there is more above or below.
        if top > 0 { canvas.put("↑", column: rect.x + rect.width - 1, row: interior.y, style: .focusedBorder) }
        if top + interior.height < lines.count {
            canvas.put("↓", column: rect.x + rect.width - 1, row: interior.y + interior.height - 1, style: .focusedBorder)
        }
    }

    private func drawTabBar(on canvas: inout Canvas, _ bar: Rect) {
        canvas.fill(bar, with: Cell(" ", .tab))
        var x = bar.x
        for pane in Pane.tabbed(hasSource: state.hasSource) {
            x = canvas.put(" \(pane.tabLabel) ", column: x, row: bar.y, style: pane == state.activeTab ? .activeTab : .tab) + 1
        }
    }

    /// `breakpoint 1 (host call execute_utxo_transfer) at transfer+0x11 (offset 0x3a1)  step 42`: why, where,
    /// the step. The where part is cut first when the line does not fit `width`.
    public static func statusText(_ snapshot: SessionSnapshot, pendingKeys: [Key], width: Int) -> String {
        var reason = " " + snapshot.state.reasonSummary
        var place = snapshot.location.map { " at \($0)" } ?? ""
        if case .notStarted = snapshot.state { place = "" }
        var tail = "  step \(snapshot.step)"
        if snapshot.fuel.modified || !snapshot.debuggerChanges.isEmpty { tail += "  [modified]" }
        if !pendingKeys.isEmpty { tail += "  keys: " + pendingKeys.map(\.name).joined(separator: " ") + " -" }
        // Cells, not characters: a wide host-function name or an escaped byte takes what it shows.
        let w = { (text: String) in DisplayText.width(text) }
        let room = width - w(reason) - w(tail)
        if w(place) > room { place = room > 4 ? Format.prefix(place, cells: room - 1) + "…" : "" }
        if w(reason) + w(place) + w(tail) > width { reason = Format.prefix(reason, cells: max(1, width - w(tail) - 1)) + "…" }
        return reason + place + tail
    }

    private func drawStatusLine(on canvas: inout Canvas, _ rect: Rect) {
        canvas.fill(rect, with: Cell(" ", .statusBar))
        // The stop reason and step always fit; hints take what is left.
        let left = Screen.statusText(snapshot, pendingKeys: state.pendingKeys, width: rect.width - 1)
        let end = canvas.put(left, column: rect.x, row: rect.y, style: .statusBar)
        var hints = hintText
        while !hints.isEmpty && end + 2 + hints.map(\.count).reduce(0, +) + 2 * hints.count > rect.width { hints.removeLast() }
        let text = hints.joined(separator: "  ") + " "
        canvas.put(text, column: rect.width - text.count, row: rect.y, style: .hint)
    }

    private var hintText: [String] {
        switch state.mode {
        case .console: return ["Enter run", "Up/Down history", "Esc leave"]
        case .prompt: return ["Enter choose", "Up/Down select", "Esc cancel"]
        case .help: return ["any key closes"]
        case .detail: return ["Esc close", "Up/Down scroll", "Left/Right pan"]
        case .normal:
            // Most useful first: hints that do not fit are dropped from the end. Once the call is
            // over only moving back helps, so restart and the reverse keys replace the forward ones.
            var actions: [(Action, String)] = snapshot.state.isOver
                ? [(.help, "help"), (.restart, "restart"), (.reverseStep, "back"), (.reverseContinue, "rev-cont"), (.console, "cmd"),
                   (.quit, "quit")]
                : [(.help, "help"), (.step, "step"), (.next, "next"), (.continue, "cont"), (.quit, "quit"), (.console, "cmd"),
                   (.reverseStep, "back"), (.toggleBreakpoint, "break")]
            var hints = actions.compactMap { action, label in keymap.keys(for: action).map { "\($0) \(label)" } }
            if DetailView.panes.contains(state.focus) { hints.insert("Enter details", at: min(1, hints.count)) }
            return hints
        }
    }
}
