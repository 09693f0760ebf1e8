import DebuggerCore
import DebuggerUI
import Testing
import WasmVM

/// A stop at a host-call breakpoint: the reason on the status line, the detail view
/// of the pending call with every argument, at the three sizes DEBUGGER.md names.
@Suite struct HostCallStopTests {
    static let transfer = HostCallView(
        name: "execute_utxo_transfer",
        arguments: [HostCallView.Argument(name: "from", value: .i32(0x100), decoded: "\"0x8209c622d851832908d7089992787a9f1a39ffe5\""),
                    HostCallView.Argument(name: "from_len", value: .i32(42)),
                    HostCallView.Argument(name: "to", value: .i32(0x140), decoded: "\"0xc1d73080c71c19539eb4f22cf2cb85cc820817a3\""),
                    HostCallView.Argument(name: "to_len", value: .i32(42)),
                    HostCallView.Argument(name: "amount", value: .i64(250)),
                    HostCallView.Argument(name: "token", value: .i32(0x180), decoded: "\"GOLD\""),
                    HostCallView.Argument(name: "token_len", value: .i32(4))],
        pending: true,
        ranges: [MemoryRange(range: 0x100..<0x12a, kind: .read), MemoryRange(range: 0x140..<0x16a, kind: .read),
                 MemoryRange(range: 0x180..<0x184, kind: .read)],
        isNew: true)

    static let snapshot: SessionSnapshot = {
        var s = Fixture.snapshot
        s.state = .paused(reason: .breakpoint(ids: [1], hit: .hostCall(transfer)))
        s.hostCalls.append(transfer)
        s.memory.pendingHostRanges = transfer.ranges
        return s
    }()

    static let memory: [UInt8] = {
        var bytes = Fixture.memory
        for (address, text) in [(0x100, "0x8209c622d851832908d7089992787a9f1a39ffe5"), (0x140, "0xc1d73080c71c19539eb4f22cf2cb85cc820817a3"),
                                (0x180, "GOLD")] {
            let b = Array(text.utf8)
            bytes.replaceSubrange(address..<address + b.count, with: b)
        }
        return bytes
    }()

    static let sizes = [Size(width: 120, height: 40), Size(width: 100, height: 30), Size(width: 80, height: 24)]

    static func screen(_ size: Size, detail: Bool) -> Screen {
        let session = FakeSession(snapshot: snapshot, memory: memory)
        var state = ViewState(size: size)
        state.focus(.hostCalls)
        state.selection[.hostCalls] = 2
        state.normalize(for: snapshot)
        if detail {
            _ = InputHandler(keymap: .default).handle(.enter, state: &state, session: session)
        }
        return Screen(snapshot: snapshot, state: state, keymap: .default, memory: session.memoryBytes)
    }

    @Test(arguments: sizes) func statusLineSaysWhy(_ size: Size) {
        let canvas = Self.screen(size, detail: false).render()
        Golden.check(canvas, "screen-\(size.width)x\(size.height)-host-stop")
        let status = canvas.text.split(separator: "\n", omittingEmptySubsequences: false)[size.height - 1]
        #expect(status.hasPrefix(" breakpoint 1 (host call execute_utxo_transfer) at transfer+0x11"), "\(status)")
        #expect(status.contains("step 42"))
    }

    @Test(arguments: sizes) func detailViewShowsEveryArgument(_ size: Size) {
        let screen = Self.screen(size, detail: true)
        guard case .detail = screen.state.mode else { Issue.record("no detail view"); return }
        let canvas = screen.render()
        Golden.check(canvas, "screen-\(size.width)x\(size.height)-host-detail")
        for text in ["amount    = 250", "token     = 384", "\"GOLD\"", "from_len  = 42", "token_len = 4", "pending", "memory read (3)"] {
            #expect(canvas.text.contains(text), "\(text) at \(size.width)x\(size.height)")
        }
        // Every line fits the overlay: nothing is cut at 80 columns.
        let content = DetailView.content(Self.snapshot, pane: .hostCalls, line: 2, memory: { a, n in Array(Self.memory[Int(a)..<Int(a) + n]) })
        let lines = content?.lines.map(\.plainText) ?? []
        #expect(lines.contains("  0x180..0x184 (4 bytes)"))
        #expect(lines.contains { $0.hasSuffix("GOLD") && $0.contains("47 4f 4c 44") })
        #expect(lines.allSatisfy { $0.count <= 80 - 6 }, "\(lines.filter { $0.count > 74 })")
    }

    @Test func escClosesTheDetailView() {
        let session = FakeSession(snapshot: Self.snapshot, memory: Self.memory)
        var state = ViewState(size: Self.sizes[2])
        state.focus(.hostCalls)
        let handler = InputHandler(keymap: .default)
        _ = handler.handle(.down, state: &state, session: session)
        _ = handler.handle(.down, state: &state, session: session)
        #expect(state.selection[.hostCalls] == 2)
        _ = handler.handle(.enter, state: &state, session: session)
        #expect(state.mode == .detail(ViewState.Detail(pane: .hostCalls, line: 2)))
        _ = handler.handle(.down, state: &state, session: session)
        _ = handler.handle(.right, state: &state, session: session)
        guard case .detail(let detail) = state.mode else { Issue.record("closed by a scroll key"); return }
        #expect(detail.scroll == 1 && detail.column == InputHandler.panStep)
        _ = handler.handle(.escape, state: &state, session: session)
        #expect(state.mode == .normal)
        #expect(session.commands.isEmpty)
    }

    @Test func draftAndStateEntriesOpenToo() throws {
        let session = FakeSession(snapshot: Self.snapshot, memory: Self.memory)
        // Draft line 4 is "bob  42 WES" (inputs title, its entry, outputs title, alice, bob).
        let draft = try #require(DetailView.content(Self.snapshot, pane: .draft, line: 4, memory: session.memoryBytes))
        #expect(draft.title == "Draft: outputs")
        #expect(draft.lines.first?.plainText == "bob  42 WES")
        #expect(DetailView.content(Self.snapshot, pane: .draft, line: 0, memory: session.memoryBytes) == nil)
    }

    @Test func focusedPanesPanSideways() {
        let session = FakeSession(snapshot: Self.snapshot, memory: Self.memory)
        var state = ViewState(size: Self.sizes[2])
        state.focus(.hostCalls)
        _ = InputHandler(keymap: .default).handle(.right, state: &state, session: session)
        #expect(state.column[.hostCalls] == InputHandler.panStep)
        let screen = Screen(snapshot: Self.snapshot, state: state, keymap: .default, memory: session.memoryBytes)
        let text = screen.renderPane(.hostCalls, size: Size(width: 80, height: 6)).text
        #expect(text.contains("er(from=256"), "\(text)")
        _ = InputHandler(keymap: .default).handle(.left, state: &state, session: session)
        #expect(state.column[.hostCalls] == 0)
    }

    @Test func overHintsOfferRestartAndReverse() {
        var snapshot = Fixture.snapshot
        snapshot.state = .finished(.failure(code: 2))
        snapshot.location = nil
        snapshot.hostCalls = []
        let screen = Screen(snapshot: snapshot, state: ViewState(size: Self.sizes[2]), keymap: .default, memory: { _, _ in [] })
        let lines = screen.render().text.split(separator: "\n", omittingEmptySubsequences: false)
        let status = lines[23]
        #expect(status.hasPrefix(" finished: failure (code 2)  step 42"), "\(status)")
        #expect(status.contains("r restart") && status.contains("S back"))
        #expect(!status.contains("s step") && !status.contains("c cont"))
        #expect(HostCallsPane.lines(snapshot).map(\.plainText) == ["(none)"])
    }

    @Test func aKeymapWithoutAConsoleKeyOffersNone() throws {
        let keymap = try Keymap(parsing: "s = step\nq = quit\n", file: "mine")
        let lines = ConsolePane.lines(ViewState(size: Self.sizes[2]), rows: 3, width: 80, keymap: keymap).map(\.plainText)
        #expect(!lines.last!.contains("press :"))
        #expect(!lines.last!.contains("?"))
    }

    @Test func helpClosesOnArrows() {
        let session = FakeSession()
        var state = ViewState(size: Self.sizes[2])
        state.mode = .help
        _ = InputHandler(keymap: .default).handle(.down, state: &state, session: session)
        #expect(state.mode == .normal)
    }

    @Test func longWhereIsCutBeforeTheReason() {
        var snapshot = Self.snapshot
        snapshot.location = "transfer_with_a_very_long_function_name+0x1234 (offset 0x12345) at src/some/deep/path/token.c:1234"
        let text = Screen.statusText(snapshot, pendingKeys: [], width: 60)
        #expect(text.count <= 60)
        #expect(text.hasPrefix(" breakpoint 1 (host call execute_utxo_transfer)"))
        #expect(text.hasSuffix("  step 42"))
        // Wide characters count two cells.
        snapshot.location = "转账_转账_转账_转账_转账_转账_转账_转账_转账+0x12 (offset 0x345)"
        let wide = Screen.statusText(snapshot, pendingKeys: [], width: 80)
        #expect(DisplayText.width(wide) <= 80)
        #expect(DisplayText.width(wide) >= 79)
        #expect(wide.hasSuffix("…  step 42"))
    }
}
