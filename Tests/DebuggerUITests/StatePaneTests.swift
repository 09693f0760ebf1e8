import DebuggerCore
import DebuggerUI
import Testing

/// The State pane: keys this call read or wrote first, then the snapshot's, then UTXOs.
@Suite struct StatePaneTests {
    static let chain = SessionSnapshot.Chain(state: [
        .init(key: "\"counter\"", rawKey: Array("counter".utf8), value: "\"42\"", previous: "\"41\"", written: true, read: true),
        .init(key: "\"owner\"", rawKey: Array("owner".utf8), value: "\"0xc1d73080c71c19539eb4f22cf2cb85cc820817a3\"", read: true),
        .init(key: "\"fresh\"", rawKey: Array("fresh".utf8), value: "\"1\"", written: true, isNew: true),
        .init(key: "\"admin\"", rawKey: Array("admin".utf8), value: "\"0x83d0114d9d72e6d6a9e168f4beaceddef4d8d351\""),
        .init(key: "0x00ff", rawKey: [0, 0xff], value: "0x01"),
    ], coins: [
        .init(id: "0x7e2706944a313524d6bda3071718585afda2e0093ea444cbeb3d11f50c08fc2f:0", owner: "0x8209c622d851832908d7089992787a9f1a39ffe5",
              amount: 600, token: "\"GOLD\"", spent: true),
        .init(id: "0x99ecad0f5039b76d2fbfa89b681bd15749627fa649f48cfafa7e6b555d769342:0", owner: "0x8209c622d851832908d7089992787a9f1a39ffe5",
              amount: 5000, token: "\"GOLD\"", locked: true),
        .init(id: "draft:0", owner: "0xc1d73080c71c19539eb4f22cf2cb85cc820817a3", amount: 250, token: "\"GOLD\"", fromDraft: true),
        .init(id: "draft:1", owner: "0x8209c622d851832908d7089992787a9f1a39ffe5", amount: 350, token: "native", fromDraft: true),
    ], touchedCount: 3)

    static var snapshot: SessionSnapshot {
        var s = Fixture.snapshot
        s.chain = chain
        return s
    }

    @Test func statePaneAsSmallTab() throws {
        let screen = PaneGoldenTests.screen(PaneGoldenTests.small, focus: .state, snapshot: Self.snapshot)
        let rect = try #require(screen.state.layout.panes[.state])
        #expect(rect == Rect(x: 0, y: 1, width: 80, height: 17))
        Golden.check(screen.renderPane(.state, size: Size(width: rect.width, height: rect.height)), "pane-80x24-state-chain")
        Golden.check(screen.render(), "screen-80x24-state")
    }

    @Test func statePaneInTheWideLayout() throws {
        let screen = PaneGoldenTests.screen(PaneGoldenTests.wide, focus: .state, snapshot: Self.snapshot)
        #expect(screen.state.layout.panes[.state] == Rect(x: 56, y: 23, width: 30, height: 10))
        Golden.check(screen.render(), "screen-120x40-state")
    }

    @Test func linesMarkWhatTheCallTouched() {
        let text = StatePane.lines(Self.snapshot).map(\.plainText)
        #expect(text == [
            "this call (3)",
            "* \"counter\" = \"42\"  read, written (was \"41\")",
            "  \"owner\" = \"0xc1d73080c71c19539eb4f22cf2cb85cc820817a3\"  read",
            "* \"fresh\" = \"1\"  written (new)",
            "snapshot (2)",
            "  \"admin\" = \"0x83d0114d9d72e6d6a9e168f4beaceddef4d8d351\"",
            "  0x00ff = 0x01",
            "UTXOs (4)",
            "  600 \"GOLD\" 0x8209c6…ffe5  spent  0x7e2706…:0",
            "  5000 \"GOLD\" 0x8209c6…ffe5  locked  0x99ecad…:0",
            "+ 250 \"GOLD\" 0xc1d730…17a3  new  draft:0",
            "+ 350 native 0x8209c6…ffe5  new  draft:1",
        ])
        #expect(StatePane.title(Self.snapshot) == "State (5 keys, 4 UTXOs)")
        #expect(StatePane.lines(Fixture.snapshot).map(\.plainText) == ["(no chain: a bare module call)"])
    }
}
