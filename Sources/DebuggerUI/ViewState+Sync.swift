import DebuggerCore

extension ViewState {
    /// Follows a new stop (cursor to the next instruction, memory to the last
    /// access) and clamps every scroll position to what the panes hold.
    public mutating func normalize(for snapshot: SessionSnapshot) {
        let layout = self.layout
        let function = snapshot.code?.functionIndex
        let sourceCount = snapshot.source?.lines.count ?? 0
        if (snapshot.source != nil) != hasSource {
            hasSource = snapshot.source != nil
            // A module with line info opens on its source.
            if hasSource && focus == .code && syncedStep == nil { focus(.source) }
            if !hasSource && (focus == .source || activeTab == .source) { focus(.code) }
        }
        if snapshot.step != syncedStep || function != syncedFunction || snapshot.state != syncedState {
            syncedStep = snapshot.step; syncedFunction = function; syncedState = snapshot.state
            codeCursor = snapshot.code?.currentLine ?? snapshot.code?.lines.firstIndex(where: \.isCurrent)
            if let line = snapshot.source?.currentLine { sourceCursor = line - 1 }
            if memoryFollows, let range = snapshot.memory.suggestedRange {
                memoryAddress = MemoryPane.address(showing: range, current: memoryAddress, rows: memoryRows(layout))
            }
        }
        syncedLineCount = snapshot.code?.lines.count

        codeCursor = clampedCursor(codeCursor, of: .code, count: snapshot.code?.lines.count ?? 0, layout)
        sourceCursor = clampedCursor(sourceCursor, of: .source, count: sourceCount, layout)
        let row = UInt64(MemoryPane.bytesPerRow)
        let lastRow = UInt64(max(0, snapshot.memory.byteCount - 1)) / row * row
        memoryAddress = min(memoryAddress / row * row, lastRow)

        let width = layout.panes[.fuel]?.interior.width ?? layout.size.width - 2
        let counts: [Pane: Int] = [
            .stack: StackPane.lines(snapshot, width: layout.panes[.stack]?.interior.width ?? width).count, .locals: LocalsPane.lines(snapshot, width: width).count,
            .callStack: CallStackPane.lines(snapshot, width: layout.panes[.callStack]?.interior.width ?? width).count, .fuel: FuelPane.lines(snapshot, width: width).count,
            .draft: DraftPane.lines(snapshot).count, .hostCalls: HostCallsPane.lines(snapshot).count,
            .state: StatePane.lines(snapshot).count,
        ]
        for (pane, count) in counts {
            if DetailView.panes.contains(pane) {
                // The selected entry stays in the pane and in view.
                let selected = max(0, min(selection[pane] ?? 0, count - 1))
                selection[pane] = selected
                scroll[pane] = CodePane.top(cursor: selected, top: scroll[pane] ?? 0, rows: rows(pane, layout), count: count)
            } else {
                scroll[pane] = max(0, min(scroll[pane] ?? 0, count - rows(pane, layout)))
            }
        }
        scroll[.console] = max(0, min(scroll[.console] ?? 0, console.output.count - (rows(.console, layout) - 1)))
    }

    /// Keeps a line cursor (Code, Source) inside the pane's lines and scrolled into view.
    private mutating func clampedCursor(_ cursor: Int?, of pane: Pane, count: Int, _ layout: Layout) -> Int? {
        guard count > 0 else {
            scroll[pane] = 0
            return nil
        }
        let clamped = max(0, min(cursor ?? 0, count - 1))
        scroll[pane] = CodePane.top(cursor: clamped, top: scroll[pane] ?? 0, rows: rows(pane, layout), count: count)
        return clamped
    }

    /// Interior rows of a pane; a hidden tab gets the rows it will have when shown.
    private func rows(_ pane: Pane, _ layout: Layout) -> Int {
        if layout.panes[pane] != nil { return layout.visibleRows(pane) }
        return Layout(size: size, activeTab: pane, zoomed: zoomed ? pane : nil, hasSource: hasSource).visibleRows(pane)
    }

    private func memoryRows(_ layout: Layout) -> Int { rows(.memory, layout) }
}
