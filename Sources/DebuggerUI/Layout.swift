/// Where each pane goes at one terminal size. Wide terminals (at least 100x30)
/// show every pane at once; smaller ones (from 80x24) show one pane at a time
/// under a tab bar, with the console and status line always visible.
public struct Layout: Hashable, Sendable {
    public static let minimumWide = Size(width: 100, height: 30)
    /// Below this nothing useful fits; the screen says so.
    public static let minimum = Size(width: 40, height: 12)

    public var size: Size
    public var isCompact: Bool
    /// Pane rectangles including their borders; hidden tabs are absent.
    public var panes: [Pane: Rect]
    public var tabBar: Rect?
    public var statusLine: Rect
    public var isTooSmall: Bool { size.width < Layout.minimum.width || size.height < Layout.minimum.height }
    /// The module has line info: a Source pane beside the code (a tab when compact).
    public var hasSource: Bool

    /// `zoomed`: that pane alone fills the screen above the status line.
    public init(size: Size, activeTab: Pane, zoomed: Pane? = nil, hasSource: Bool = false) {
        self.size = size
        self.hasSource = hasSource
        let w = size.width, h = size.height
        statusLine = Rect(x: 0, y: h - 1, width: w, height: 1)
        isCompact = w < Layout.minimumWide.width || h < Layout.minimumWide.height
        panes = [:]
        if let zoomed {
            tabBar = nil
            panes[zoomed] = Rect(x: 0, y: 0, width: w, height: h - 1)
            return
        }
        if isCompact {
            let consoleHeight = h >= 20 ? 5 : 3
            tabBar = Rect(x: 0, y: 0, width: w, height: 1)
            panes[.console] = Rect(x: 0, y: h - 1 - consoleHeight, width: w, height: consoleHeight)
            let tab = activeTab == .console || (activeTab == .source && !hasSource) ? .code : activeTab
            panes[tab] = Rect(x: 0, y: 1, width: w, height: h - 2 - consoleHeight)
            return
        }
        tabBar = nil
        let consoleHeight = max(5, h / 6)
        let available = h - 1 - consoleHeight
        let top = available * 2 / 5, middle = (available - top + 1) / 2, bottom = available - top - middle
        panes[.console] = Rect(x: 0, y: available, width: w, height: consoleHeight)
        // With source: Source, Code, Stack, Locals side by side (source widest).
        let sourceWidth = hasSource ? w * 7 / 20 : 0
        let codeWidth = hasSource ? w / 4 : w * 11 / 25, stackWidth = (w - sourceWidth - codeWidth) / 2
        if hasSource { panes[.source] = Rect(x: 0, y: 0, width: sourceWidth, height: top) }
        panes[.code] = Rect(x: sourceWidth, y: 0, width: codeWidth, height: top)
        panes[.stack] = Rect(x: sourceWidth + codeWidth, y: 0, width: stackWidth, height: top)
        panes[.locals] = Rect(x: sourceWidth + codeWidth + stackWidth, y: 0, width: w - sourceWidth - codeWidth - stackWidth, height: top)
        let memoryWidth = MemoryPane.width + 2
        panes[.memory] = Rect(x: 0, y: top, width: memoryWidth, height: middle)
        panes[.callStack] = Rect(x: memoryWidth, y: top, width: w - memoryWidth, height: middle)
        // Bottom row: fuel, draft, state, host calls (the host-call lines are the longest).
        let quarter = w / 4, fuelWidth = w * 11 / 50
        panes[.fuel] = Rect(x: 0, y: top + middle, width: fuelWidth, height: bottom)
        panes[.draft] = Rect(x: fuelWidth, y: top + middle, width: quarter, height: bottom)
        panes[.state] = Rect(x: fuelWidth + quarter, y: top + middle, width: quarter, height: bottom)
        panes[.hostCalls] = Rect(x: fuelWidth + 2 * quarter, y: top + middle, width: w - fuelWidth - 2 * quarter, height: bottom)
    }

    /// The visible pane under a cell, if any.
    public func pane(atColumn column: Int, row: Int) -> Pane? {
        panes.first { $0.value.contains(column: column, row: row) }?.key
    }

    /// The tab under a column of the tab bar (compact layout only).
    public func tab(atColumn column: Int) -> Pane? {
        guard isCompact else { return nil }
        var x = 0
        for pane in Pane.tabbed(hasSource: hasSource) {
            let width = pane.tabLabel.count + 2
            if column >= x && column < x + width { return pane }
            x += width + 1
        }
        return nil
    }

    /// Lines of content a pane shows (its interior height).
    public func visibleRows(_ pane: Pane) -> Int {
        max(0, (panes[pane]?.height ?? 0) - 2)
    }
}
