import DebuggerCore
import DebuggerUI
import Testing
import WasmVM

@Suite struct PaneGoldenTests {
    static func screen(_ size: Size, focus: Pane = .code, snapshot: SessionSnapshot = Fixture.snapshot,
                       configure: (inout ViewState) -> Void = { _ in }) -> Screen {
        var state = ViewState(size: size)
        state.focus(focus)
        state.normalize(for: snapshot)
        configure(&state)
        let session = FakeSession(snapshot: snapshot)
        return Screen(snapshot: snapshot, state: state, keymap: .default, memory: session.memoryBytes)
    }

    static let wide = Size(width: 120, height: 40), small = Size(width: 80, height: 24)

    /// Each pane at the size the 120x40 layout gives it.
    @Test(arguments: Pane.order(hasSource: false)) func paneAtWideLayout(_ pane: Pane) throws {
        let screen = Self.screen(Self.wide, focus: pane)
        let rect = try #require(screen.state.layout.panes[pane])
        Golden.check(screen.renderPane(pane, size: Size(width: rect.width, height: rect.height)), "pane-120x40-\(pane.rawValue)")
    }

    /// Each pane as the full-width tab of the 80x24 layout.
    @Test(arguments: Pane.tabbed(hasSource: false)) func paneAsSmallTab(_ pane: Pane) throws {
        let screen = Self.screen(Self.small, focus: pane)
        let rect = try #require(screen.state.layout.panes[pane])
        #expect(rect == Rect(x: 0, y: 1, width: 80, height: 17))
        Golden.check(screen.renderPane(pane, size: Size(width: rect.width, height: rect.height)), "pane-80x24-\(pane.rawValue)")
    }

    /// A module with line info: Source beside Code at 120x40, a tab at 80x24, variables above the locals.
    @Test func sourcePaneWide() throws {
        let screen = Self.screen(Self.wide, focus: .source, snapshot: Fixture.sourceSnapshot)
        Golden.check(screen.render(), "screen-120x40-source")
        let rect = try #require(screen.state.layout.panes[.source])
        #expect(rect == Rect(x: 0, y: 0, width: 42, height: 13))
    }

    @Test func sourcePaneSmallTab() throws {
        let screen = Self.screen(Self.small, focus: .source, snapshot: Fixture.sourceSnapshot)
        Golden.check(screen.render(), "screen-80x24-source")
        #expect(screen.state.layout.panes[.source] == Rect(x: 0, y: 1, width: 80, height: 17))
        let variables = Self.screen(Self.small, focus: .locals, snapshot: Fixture.sourceSnapshot)
        Golden.check(variables.renderPane(.locals, size: Size(width: 80, height: 17)), "pane-80x24-variables")
    }

    @Test func sourceLinesMarkCurrentAndBreakpoints() {
        var state = ViewState(size: Self.wide)
        state.normalize(for: Fixture.sourceSnapshot)
        #expect(state.focus == .source)
        #expect(state.sourceCursor == 11)
        let lines = SourcePane.lines(Fixture.sourceSnapshot, state: state).map(\.plainText)
        #expect(lines[8] == "*   9      if (amount == 0)")
        #expect(lines[11] == " > 12      return execute_utxo_transfer(b.owner, b.amount) ? 0 : 2;")
    }

    @Test func fullScreenWide() {
        Golden.check(Self.screen(Self.wide).render(), "screen-120x40")
    }

    @Test func fullScreenSmall() {
        Golden.check(Self.screen(Self.small, focus: .memory).render(), "screen-80x24-memory")
    }

    @Test func helpOverlay() {
        Golden.check(Self.screen(Self.small) { $0.mode = .help }.render(), "screen-80x24-help")
    }

    @Test func hostPromptOverlay() {
        let prompt = Prompt(kind: .hostBreakpoint, options: ["*", "env.execute_utxo_transfer", "env.get_caller", "env.log"])
        Golden.check(Self.screen(Self.wide) { $0.mode = .prompt(prompt) }.render(), "screen-120x40-host-prompt")
    }

    @Test func trappedWithDiscardedDraftAndModifiedFuel() {
        var snapshot = Fixture.snapshot
        snapshot.state = .trapped(Trap(.outOfFuel, offset: 0x3a1))
        snapshot.statusLine = "trapped: out_of_fuel"
        snapshot.draft.discarded = true
        snapshot.fuel = FuelView(used: 100_000, limit: 100_000, lastCost: 5, byFunction: [FunctionFuelLine(name: "transfer", selfFuel: 100_000, totalFuel: 100_000, calls: 1)], modified: true)
        snapshot.debuggerChanges = ["step 40: set fuel 100000"]
        Golden.check(Self.screen(Self.wide, snapshot: snapshot).render(), "screen-120x40-trapped")
    }

    @Test func consoleInputAndOutput() {
        let screen = Self.screen(Self.small) { state in
            state.focus(.console)
            state.mode = .console
            state.console.append("(wesdbg) x 0x100 8", style: .dim)
            state.console.append("00000100  74 72 61 6e 73 66 65 72  transfer")
            state.console.append("unknown command: frobnicate", style: .error)
            state.console.input = "info breakpoints"
        }
        Golden.check(screen.renderPane(.console, size: Size(width: 80, height: 5)), "pane-80x24-console-input")
    }

    @Test func tooSmallTerminalSaysSo() {
        let canvas = Self.screen(Size(width: 30, height: 8)).render()
        #expect(canvas.text.hasPrefix("terminal too small: need 40x12"))
        // The message wraps to the terminal it is shown on, however narrow.
        Golden.check(Self.screen(Size(width: 30, height: 8)).render(), "screen-30x8-too-small")
        Golden.check(Self.screen(Size(width: 16, height: 10)).render(), "screen-16x10-too-small")
        let narrow = Self.screen(Size(width: 16, height: 10)).render().text
        #expect(narrow.contains("80x24"))
    }

    @Test func fuelGaugeKeepsItsWidthAtTheEnd() {
        func gauge(_ used: UInt64) -> String {
            var snapshot = Fixture.snapshot
            snapshot.fuel.used = used
            return FuelPane.lines(snapshot, width: 30)[1].plainText
        }
        #expect(gauge(100_000).count == 30)
        #expect(gauge(12_340).count == 30)
        #expect(gauge(0).count == 30)
        #expect(gauge(100_000).hasSuffix("] 100.0%"))
        #expect(gauge(12_340).hasSuffix("]  12.3%"))
        var snapshot = Fixture.snapshot
        snapshot.fuel.used = 100_000
        Golden.check(Self.screen(Self.small, focus: .fuel, snapshot: snapshot).renderPane(.fuel, size: Size(width: 24, height: 8)),
                     "pane-fuel-full")
    }

    @Test func localsUseTheStackColumnOrderOnEveryRow() {
        let wide = LocalsPane.lines(Fixture.snapshot, width: 50).map(\.plainText)
        #expect(wide == ["locals (3)", "  0 params  i32 0x00000100  256", "  1 len     i32 0x00000040  64",
                         "  2 amount  i32 0x0000002a  42", "globals (1)", "  0 __stack_pointer  i32 0x00010000  65536"])
        // Too narrow for a row with its bits: no row of that section shows them.
        let narrow = LocalsPane.lines(Fixture.snapshot, width: 40).map(\.plainText)
        #expect(narrow == ["locals (3)", "  0 params  i32 0x00000100  256", "  1 len     i32 0x00000040  64",
                           "  2 amount  i32 0x0000002a  42", "globals (1)", "  0 __stack_pointer  i32 65536"])
        let narrower = LocalsPane.lines(Fixture.snapshot, width: 30).map(\.plainText)
        #expect(narrower[1...3] == ["  0 params  i32 256", "  1 len     i32 64", "  2 amount  i32 42"])
    }

    @Test func callStackWrapsRatherThanCuts() {
        var snapshot = Fixture.snapshot
        snapshot.frames.insert(FrameView(name: "env.execute_utxo_transfer (host)", offset: nil, isHost: true), at: 0)
        let rows = CallStackPane.rows(snapshot, width: 20)
        #expect(rows.map(\.line.plainText) == ["#0 env.execute_utxo_", "   transfer (host)", "#1 transfer+0x11", "   (offset 0x3a1)",
                                                "#2 main+0x8", "   (offset 0x2f0)"])
        #expect(rows.map(\.frame) == [0, 0, 1, 1, 2, 2])
        #expect(rows.allSatisfy { DisplayText.width($0.line.plainText) <= 20 })
        #expect(CallStackPane.lines(snapshot).map(\.plainText)[1] == "#1 transfer+0x11  (offset 0x3a1)")
    }

    @Test func wideAndControlCharactersKeepColumns() {
        var snapshot = Fixture.snapshot
        snapshot.draft.sections[1].entries = [ListEntry(text: "金币  58 WES", isNew: false), ListEntry(text: "bob\t\u{1b}[2J  42 WES", isNew: true)]
        snapshot.hostCalls.append(HostCallView(name: "log", arguments: [HostCallView.Argument(name: "msg", value: .i32(0x300),
                                                                                           decoded: "\"トークン\"")], results: [.i32(1)]))
        Golden.check(Self.screen(Self.small, focus: .draft, snapshot: snapshot).renderPane(.draft, size: Size(width: 30, height: 12)),
                     "pane-draft-wide-characters")
        Golden.check(Self.screen(Self.small, focus: .hostCalls, snapshot: snapshot).renderPane(.hostCalls, size: Size(width: 40, height: 8)),
                     "pane-host-wide-characters")
    }

    @Test func stackEntriesAreTyped() {
        let lines = StackPane.lines(Fixture.snapshot).map(\.plainText)
        #expect(lines == ["> i32 0x00000100  256", "  i32 0x0000002a  42",
                          "  i64 0xffffffffffffffff  -1", "  f64 0x3ff8000000000000  1.5"])
    }

    @Test func memoryHighlightsWritesOverReadsOverHostRanges() {
        var snapshot = Fixture.snapshot
        snapshot.memory.lastAccesses.append(MemoryRange(range: 0x106..<0x107, kind: .write))
        let line = MemoryPane.lines(snapshot, address: 0x100, rows: 1, bytes: Array(Fixture.memory[0x100..<0x110]))[0]
        let hexStyles = line.spans.filter { $0.text.count == 2 }.map(\.style)
        #expect(hexStyles == [.pendingHost, .pendingHost, .pendingHost, .pendingHost, .read, .read, .write, .read]
            + Array(repeating: .pendingHost, count: 8))
    }
}
