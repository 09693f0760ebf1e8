import DebuggerCore
import DebuggerUI
import Testing

@Suite struct InputHandlerTests {
    /// Feeds keys through a keymap into a fake session; returns the state.
    @discardableResult
    static func drive(_ keys: [Key], keymap: Keymap = .default, session: FakeSession,
                      size: Size = Size(width: 120, height: 40), state initial: ViewState? = nil) -> (ViewState, Bool) {
        var state = initial ?? ViewState(size: size)
        state.normalize(for: session.snapshot)
        let handler = InputHandler(keymap: keymap)
        var quit = false
        for key in keys { quit = handler.handle(key, state: &state, session: session).quit || quit }
        return (state, quit)
    }

    static func chars(_ text: String) -> [Key] { text.map { .character($0) } }

    @Test func runningKeysSendCommands() {
        let session = FakeSession()
        Self.drive(Self.chars("snfcSCr"), session: session)
        #expect(session.commands == ["step", "next", "finish", "continue", "reverse-step", "reverse-continue", "restart"])
    }

    @Test func emacsChordsSendCommands() throws {
        let session = FakeSession()
        let emacs = try #require(Keymap.builtin("emacs"))
        let (state, _) = Self.drive([.control("x"), .control("a")], keymap: emacs, session: session)
        #expect(state.pendingKeys == [.control("x"), .control("a")])
        #expect(session.commands.isEmpty)
        Self.drive([.control("x"), .control("a"), .control("n"), .control("x"), .character("z"), .control("x"), .control("a"), .control("s")],
                   keymap: emacs, session: session)
        #expect(session.commands == ["next", "step"])
    }

    @Test func vimSequenceKeys() throws {
        let session = FakeSession()
        let vim = try #require(Keymap.builtin("vim"))
        let (state, _) = Self.drive(Self.chars("jjkggsn"), keymap: vim, session: session)
        #expect(session.commands == ["step", "next"])
        #expect(state.codeCursor == 8) // each step moves the cursor to the next instruction
    }

    @Test func toggleBreakpointOnCursorLine() {
        let session = FakeSession()
        // Cursor starts on the current line (index 8, offset 0x3a1): no breakpoint there yet.
        var (state, _) = Self.drive(Self.chars("b"), session: session)
        #expect(session.commands == ["break 0x3a1"])
        // Up six lines to offset 0x395, which has breakpoint 1.
        (state, _) = Self.drive(Array(repeating: .up, count: 6) + Self.chars("b"), session: session, state: state)
        #expect(state.codeCursor == 2)
        #expect(session.commands == ["break 0x3a1", "delete 1"])
    }

    /// `b` in the Source pane: `break FILE:LINE` on the cursor's line, `delete ID` where one is.
    @Test func toggleBreakpointOnSourceLine() {
        let session = FakeSession(snapshot: Fixture.sourceSnapshot)
        // The Source pane has the focus, the cursor on the current line 12.
        var (state, _) = Self.drive(Self.chars("b"), session: session)
        #expect(state.focus == .source)
        #expect(session.commands == ["break token/token.c:12"])
        // Up three lines to line 9, which has breakpoint 2.
        (state, _) = Self.drive(Array(repeating: .up, count: 3) + Self.chars("b"), session: session, state: state)
        #expect(state.sourceCursor == 8)
        #expect(session.commands == ["break token/token.c:12", "delete 2"])
        // Tab goes on to the Code pane, and round to Source again.
        (state, _) = Self.drive([.tab], session: session, state: state)
        #expect(state.focus == .code)
    }

    /// A code line without a breakpoint id: the id comes from the snapshot's breakpoint list, never from command output.
    @Test func toggleBreakpointFindsTheIdInTheSnapshot() {
        var snapshot = Fixture.snapshot
        snapshot.code!.lines[2].breakpointID = nil
        snapshot.code!.lines[8].hasBreakpoint = true
        snapshot.breakpoints = [BreakpointView(id: 0, what: "any trap", isEnabled: true, hits: 0, offsets: []),
                                BreakpointView(id: 3, what: "offset 0x3a1", isEnabled: true, hits: 1, offsets: [0x3a1]),
                                BreakpointView(id: 4, what: "transfer (offset 0x395)", isEnabled: true, hits: 0, offsets: [0x395])]
        let session = FakeSession(snapshot: snapshot)
        var (state, _) = Self.drive(Self.chars("b"), session: session)
        (state, _) = Self.drive(Array(repeating: .up, count: 6) + Self.chars("b"), session: session, state: state)
        #expect(session.commands == ["delete 3", "delete 4"])
        session.snapshot.breakpoints = []
        (state, _) = Self.drive(Self.chars("b"), session: session, state: state)
        #expect(state.console.output.last?.text == "cannot tell which breakpoint is at 0x395; use info breakpoints and delete ID")
    }

    @Test func breakOnHostCallAsksWhich() {
        let session = FakeSession()
        var (state, _) = Self.drive(Self.chars("h"), session: session)
        guard case .prompt(let prompt) = state.mode else { Issue.record("no prompt"); return }
        #expect(prompt.options == ["*", "env.execute_utxo_transfer", "env.get_caller", "env.log"])
        (state, _) = Self.drive(Self.chars("log") + [.enter], session: session, state: state)
        #expect(session.commands == ["break host env.log"])
        #expect(state.mode == .normal)
        (state, _) = Self.drive(Self.chars("h") + [.enter], session: session, state: state)
        (state, _) = Self.drive(Self.chars("h") + [.down, .down, .enter], session: session, state: state)
        (state, _) = Self.drive(Self.chars("h") + [.escape], session: session, state: state)
        #expect(session.commands == ["break host env.log", "break host *", "break host env.get_caller"])
    }

    @Test func memoryPaneOpensAtTheSuggestedAddress() {
        var snapshot = Fixture.snapshot
        snapshot.step = 0
        snapshot.memory = MemoryView(byteCount: 65536, lastAccesses: [], pendingHostRanges: [], suggestedRange: 0x400 ..< 0x401)
        var state = ViewState(size: Size(width: 120, height: 40))
        state.normalize(for: snapshot)
        // A row of context above the entry's pointer argument.
        #expect(state.memoryAddress == 0x3f0)
        // A later stop with nothing to suggest leaves it there.
        snapshot.step = 1
        snapshot.memory = MemoryView(byteCount: 65536, lastAccesses: [], pendingHostRanges: [])
        state.normalize(for: snapshot)
        #expect(state.memoryAddress == 0x3f0)
    }

    @Test func gotoAddressPinsTheMemoryPane() {
        let session = FakeSession()
        var (state, _) = Self.drive(Self.chars("g0x205") + [.enter], session: session)
        #expect(state.memoryAddress == 0x200)
        #expect(!state.memoryFollows)
        #expect(state.focus == .memory)
        (state, _) = Self.drive([.down, .down, .up], session: session, state: state)
        #expect(state.memoryAddress == 0x210)
        (state, _) = Self.drive(Self.chars("gzz") + [.enter], session: session, state: state)
        #expect(state.console.output.last == ConsoleState.Line("not an address: zz (use 0x hex or decimal)", .error))
        (state, _) = Self.drive(Self.chars("g") + [.enter], session: session, state: state)
        #expect(state.memoryFollows)
        #expect(session.commands.isEmpty)
    }

    @Test func consoleRunsCommandsWithHistory() {
        let session = FakeSession()
        session.outputs["x 0x100 4"] = CommandResult(output: "00000100  74 72 61 6e  tran\n")
        session.outputs["frob"] = CommandResult(output: "unknown command: frob", isError: true)
        var (state, _) = Self.drive(Self.chars(":x 0x100 4") + [.enter] + Self.chars("frob") + [.enter], session: session)
        #expect(session.commands == ["x 0x100 4", "frob"])
        #expect(state.mode == .console)
        #expect(state.console.output == [
            ConsoleState.Line("(wesdbg) x 0x100 4", .dim), ConsoleState.Line("00000100  74 72 61 6e  tran"),
            ConsoleState.Line("(wesdbg) frob", .dim), ConsoleState.Line("unknown command: frob", .error),
        ])
        (state, _) = Self.drive([.up, .up, .down], session: session, state: state)
        #expect(state.console.input == "frob")
        (state, _) = Self.drive([.up, .enter, .escape] + Self.chars("s"), session: session, state: state)
        #expect(session.commands == ["x 0x100 4", "frob", "x 0x100 4", "step"])
        #expect(state.mode == .normal)
        #expect(state.console.history == ["x 0x100 4", "frob", "x 0x100 4"])
    }

    @Test func quitByKeyByCtrlCAndBySession() {
        #expect(Self.drive(Self.chars("q"), session: FakeSession()).1)
        #expect(Self.drive([.control("c")], session: FakeSession()).1)
        let session = FakeSession()
        session.outputs["quit"] = CommandResult(output: "", quit: true)
        #expect(Self.drive(Self.chars(":quit") + [.enter], session: session).1)
        #expect(!Self.drive(Self.chars("sn?"), session: FakeSession()).1)
    }

    @Test func focusCyclesAndSmallSizesShowTheFocusedTab() {
        let session = FakeSession()
        var (state, _) = Self.drive([.tab, .tab], session: session, size: Size(width: 80, height: 24))
        #expect(state.focus == .locals)
        #expect(state.layout.panes.keys.sorted { $0.rawValue < $1.rawValue } == [.console, .locals])
        (state, _) = Self.drive([.backTab, .backTab, .backTab], session: session, state: state)
        #expect(state.focus == .console)
        #expect(state.activeTab == .code)
        (state, _) = Self.drive(Self.chars("5"), session: session, state: state)
        #expect(state.activeTab == .memory)
    }

    @Test func resizeAndMouse() {
        let session = FakeSession()
        var (state, _) = Self.drive([.resize(Size(width: 80, height: 24))], session: session)
        #expect(state.layout.isCompact)
        // Click on the "Fuel" tab of the tab bar.
        (state, _) = Self.drive([.mouse(MouseEvent(.click, column: 46, row: 0))], session: session, state: state)
        #expect(state.activeTab == .fuel)
        (state, _) = Self.drive([.resize(Size(width: 120, height: 40)), .mouse(MouseEvent(.click, column: 60, row: 3))],
                                session: session, state: state)
        #expect(state.focus == .stack)
        // Click on the code line with offset 0x392 (second line), then wheel down over memory.
        (state, _) = Self.drive([.mouse(MouseEvent(.click, column: 10, row: 2)), .mouse(MouseEvent(.wheelDown, column: 5, row: 16))],
                                session: session, state: state)
        #expect(state.focus == .code)
        #expect(state.codeCursor == 1)
        #expect(state.memoryAddress == 0xf0 + 3 * 16)
    }

    /// A stop with more in every pane than the pane shows.
    static var longSnapshot: SessionSnapshot {
        var s = Fixture.snapshot
        s.stack = (0..<40).map { StackEntry(value: .i32(UInt32($0)), willPop: false) }
        s.locals = (0..<40).map { NamedValue(name: "\($0) l\($0)", value: .i32(UInt32($0))) }
        s.frames = (0..<40).map { FrameView(name: "f\($0)+0x1", offset: 0x100 + $0, isHost: false) }
        s.fuel.byFunction = (0..<40).map { FunctionFuelLine(name: "f\($0)", selfFuel: 10, totalFuel: 10, calls: 1) }
        s.draft.sections[1].entries = (0..<40).map { ListEntry(text: "out \($0)", isNew: false) }
        s.hostCalls = (0..<40).map { _ in HostCallView(name: "get_caller", arguments: [], results: [.i32(1)]) }
        s.chain = SessionSnapshot.Chain(state: (0..<40).map { SessionSnapshot.Chain.StateEntry(key: "k\($0)", rawKey: [UInt8($0)], value: "v") },
                                        coins: [], touchedCount: 0)
        return s
    }

    @Test func theWheelScrollsEveryPane() {
        let session = FakeSession(snapshot: Self.longSnapshot)
        var initial = ViewState(size: Size(width: 120, height: 40))
        for i in 0..<40 { initial.console.append("line \(i)") }
        initial.normalize(for: session.snapshot)
        let layout = initial.layout
        for pane in Pane.order(hasSource: false) {
            let rect = try! #require(layout.panes[pane])
            let notch = MouseEvent(pane == .console ? .wheelUp : .wheelDown, column: rect.x + rect.width / 2, row: rect.y + rect.height / 2)
            let (state, _) = Self.drive([.mouse(notch)], session: session, state: initial)
            // What moved: the first line shown, the selected entry, the code cursor or the memory address.
            let moved = state.scroll[pane] != initial.scroll[pane] || state.selection[pane] != initial.selection[pane]
                || state.codeCursor != initial.codeCursor || state.memoryAddress != initial.memoryAddress
            #expect(moved, "the wheel did not scroll \(pane)")
            #expect(session.commands.isEmpty)
        }
    }

    @Test func overlaysTakeTheWheel() {
        let session = FakeSession()
        var (state, _) = Self.drive([.enter], session: session, state: {
            var s = ViewState(size: Size(width: 120, height: 40)); s.focus(.hostCalls); return s }())
        guard case .detail = state.mode else { Issue.record("no detail view"); return }
        let before = state.scroll
        (state, _) = Self.drive([.mouse(MouseEvent(.wheelDown, column: 60, row: 20))], session: session, state: state)
        guard case .detail(let detail) = state.mode else { Issue.record("the wheel closed the detail view"); return }
        #expect(detail.scroll == InputHandler.wheelStep)
        #expect(state.scroll == before)
        (state, _) = Self.drive(Self.chars("?") + [.mouse(MouseEvent(.wheelDown, column: 60, row: 20))], session: session,
                                state: { var s = state; s.mode = .normal; return s }())
        #expect(state.mode == .help)
        #expect(state.helpScroll == InputHandler.wheelStep)
        (state, _) = Self.drive([.mouse(MouseEvent(.click, column: 1, row: 1))], session: session, state: state)
        #expect(state.mode == .normal)
    }

    @Test func scrollingIsClampedToContent() {
        let session = FakeSession()
        let (state, _) = Self.drive(Self.chars("7") + Array(repeating: .down, count: 50), session: session, size: Size(width: 80, height: 24))
        // Draft has 10 lines; the tab shows 15, so nothing to scroll.
        #expect(state.scroll[.draft] == 0)
        let (code, _) = Self.drive([.end], session: session)
        #expect(code.codeCursor == 12)
    }

    @Test func zoomFillsTheScreenWithTheFocusedPane() {
        let session = FakeSession()
        var (state, _) = Self.drive(Self.chars("5z"), session: session, size: Size(width: 80, height: 24))
        #expect(state.layout.panes == [.memory: Rect(x: 0, y: 0, width: 80, height: 23)])
        (state, _) = Self.drive([.tab], session: session, state: state)
        #expect(state.layout.panes == [.fuel: Rect(x: 0, y: 0, width: 80, height: 23)])
        (state, _) = Self.drive(Self.chars("z"), session: session, state: state)
        #expect(state.layout.isCompact && state.layout.panes[.fuel] != nil && state.layout.panes[.console] != nil)
    }

    @Test func clickingAWasmFrameSelectsIt() {
        var snapshot = Fixture.snapshot
        snapshot.frames.insert(FrameView(name: "env.log (host)", offset: nil, isHost: true), at: 0)
        let session = FakeSession(snapshot: snapshot)
        // The call stack pane's interior starts at row 14, column 79 (120x40).
        Self.drive([.mouse(MouseEvent(.click, column: 90, row: 16)), .mouse(MouseEvent(.click, column: 90, row: 14))], session: session)
        #expect(session.commands == ["frame 1"])
    }
}
