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
            canvas.put("terminal too small: need \(Layout.minimum.width)x\(Layout.minimum.height) (80x24 or more is best)",
                       column: 0, row: 0, style: .error)
            canvas.put(snapshot.statusLine, column: 0, row: 1)
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
        case .stack: (StackPane.title(snapshot), StackPane.lines(snapshot))
        case .locals: (LocalsPane.title(snapshot), LocalsPane.lines(snapshot, width: interior.width))
        case .callStack: (pane.title, CallStackPane.lines(snapshot))
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
        for row in 0..<interior.height {
            let index = top + row
            guard index < lines.count else { break }
            lines[index].draw(on: &canvas, column: interior.x, row: interior.y + row, width: interior.width)
        }
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

    private func drawStatusLine(on canvas: inout Canvas, _ rect: Rect) {
        canvas.fill(rect, with: Cell(" ", .statusBar))
        var left = " \(snapshot.statusLine)  step \(snapshot.step)"
        if snapshot.fuel.modified || !snapshot.debuggerChanges.isEmpty { left += "  [modified]" }
        if !state.pendingKeys.isEmpty { left += "  keys: " + state.pendingKeys.map(\.name).joined(separator: " ") + " -" }
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
        case .normal:
            // Most useful first: hints that do not fit are dropped from the end.
            let actions: [(Action, String)] = [(.help, "help"), (.quit, "quit"), (.step, "step"), (.next, "next"),
                                               (.continue, "cont"), (.console, "cmd"), (.reverseStep, "back"),
                                               (.toggleBreakpoint, "break")]
            return actions.compactMap { action, label in keymap.keys(for: action).map { "\($0) \(label)" } }
        }
    }
}
