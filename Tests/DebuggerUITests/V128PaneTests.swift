import DebuggerCore
import DebuggerUI
import Testing
import WasmVM

/// v128 values in the panes (issue 13 item 3): a real session over a small module with v128
/// params, locals, globals and operands, shown in the shape `set v128` (the `v` key) picks.
@Suite struct V128PaneTests {
    static let wat = """
        (module
          (global $lanes (mut v128) (v128.const i16x8 1 -2 3 -4 5 -6 7 -8))
          (func $mix (export "mix") (param $p v128) (result v128)
            (local $sum v128)
            (local $n i32)
            v128.const i32x4 1 2 3 4
            local.set $sum
            i32.const 7
            v128.const f32x4 1.5 -0 nan inf
            local.get $sum
            local.get $p
            i32x4.add
            drop
            drop
            drop
            local.get $sum))
        """

    /// Paused with i32x4 [1 2 3 4] on top, f32x4 [1.5 -0 nan inf] below it, then i32 7.
    static func session() throws -> DebugSession {
        let module = try Module.load(text: wat)
        let argument = V128(low: 0x0000_0002_ffff_ffff, high: 0x8000_0000_0000_0010)
        let session = try DebugSession(target: ModuleTarget(module: module, function: "mix", arguments: [.v128(argument)]))
        #expect(!session.execute("stepi 5").isError)
        return session
    }

    static func screen(_ session: DebugSession, _ size: Size, focus: Pane = .stack) -> Screen {
        var state = ViewState(size: size)
        state.focus(focus)
        state.normalize(for: session.snapshot)
        return Screen(snapshot: session.snapshot, state: state, keymap: .default, memory: session.memoryBytes)
    }

    @Test func wideScreenInLanes() throws {
        let session = try Self.session()
        Golden.check(Self.screen(session, PaneGoldenTests.wide).render(), "screen-120x40-v128-hex")
        #expect(!session.execute("set v128 i32x4").isError)
        Golden.check(Self.screen(session, PaneGoldenTests.wide).render(), "screen-120x40-v128-i32x4")
        #expect(!session.execute("set v128 f32x4").isError)
        Golden.check(Self.screen(session, PaneGoldenTests.wide).render(), "screen-120x40-v128-f32x4")
    }

    /// At 80x24 a tab is the full width: the widest shape (i8x16) still fits its rows or is cut at the border.
    @Test func smallTabsInLanes() throws {
        let session = try Self.session()
        #expect(!session.execute("set v128 i8x16").isError)
        Golden.check(Self.screen(session, PaneGoldenTests.small, focus: .stack).render(), "screen-80x24-v128-stack")
        #expect(!session.execute("set v128 i64x2").isError)
        Golden.check(Self.screen(session, PaneGoldenTests.small, focus: .locals).render(), "screen-80x24-v128-locals")
    }

    /// `v` sends `set v128 next` in every shipped keymap (emacs: `C-x C-a v`).
    @Test func theKeyCyclesTheShape() throws {
        let session = try Self.session()
        var state = ViewState(size: PaneGoldenTests.wide)
        let handler = InputHandler(keymap: .default)
        _ = handler.handle(.character("v"), state: &state, session: session)
        #expect(session.snapshot.v128Shape == .i8x16)
        _ = handler.handle(.character("v"), state: &state, session: session)
        #expect(session.snapshot.v128Shape == .i16x8)
        #expect(StackPane.lines(session.snapshot).first?.plainText == "  i16x8 [1 0 2 0 3 0 4 0]")
        for name in ["default", "vim"] {
            #expect(try #require(Keymap.builtin(name)).bindings.contains { $0.keys == [.character("v")] && $0.action == .v128Shape })
        }
        #expect(try #require(Keymap.builtin("emacs")).bindings.contains { $0.keys == [.control("x"), .control("a"), .character("v")] && $0.action == .v128Shape })
    }
}
