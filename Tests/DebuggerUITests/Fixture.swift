import DebuggerCore
import WasmVM

/// A token transfer paused inside `transfer`, just before a host call.
enum Fixture {
    static let codeLines: [CodeLine] = [
        CodeLine(offset: 0x390, text: "local.get 0", depth: 0, isCurrent: false, hasBreakpoint: false),
        CodeLine(offset: 0x392, text: "i32.load offset=4", depth: 0, isCurrent: false, hasBreakpoint: false),
        CodeLine(offset: 0x395, text: "local.set 2", depth: 0, isCurrent: false, hasBreakpoint: true, breakpointID: 1),
        CodeLine(offset: 0x397, text: "block", depth: 0, isCurrent: false, hasBreakpoint: false),
        CodeLine(offset: 0x399, text: "local.get 2", depth: 1, isCurrent: false, hasBreakpoint: false),
        CodeLine(offset: 0x39b, text: "i32.eqz", depth: 1, isCurrent: false, hasBreakpoint: false),
        CodeLine(offset: 0x39c, text: "br_if 0", depth: 1, isCurrent: false, hasBreakpoint: false),
        CodeLine(offset: 0x39e, text: "i32.const 256", depth: 1, isCurrent: false, hasBreakpoint: false),
        CodeLine(offset: 0x3a1, text: "call 0 <env.execute_utxo_transfer>", depth: 1, isCurrent: true, hasBreakpoint: false),
        CodeLine(offset: 0x3a3, text: "drop", depth: 1, isCurrent: false, hasBreakpoint: false),
        CodeLine(offset: 0x3a4, text: "end", depth: 0, isCurrent: false, hasBreakpoint: false),
        CodeLine(offset: 0x3a5, text: "i32.const 0", depth: 0, isCurrent: false, hasBreakpoint: false),
        CodeLine(offset: 0x3a7, text: "end", depth: 0, isCurrent: false, hasBreakpoint: false),
    ]

    static let snapshot: SessionSnapshot = {
        var s = stop
        s.location = "transfer+0x11 (offset 0x3a1)"
        s.breakpoints = [BreakpointView(id: 0, what: "any trap", isEnabled: true, hits: 0, offsets: []),
                         BreakpointView(id: 1, what: "offset 0x395", isEnabled: true, hits: 0, offsets: [0x395])]
        return s
    }()

    private static let stop = SessionSnapshot(
        state: .paused(reason: .moved("step")),
        statusLine: "paused at transfer+0x11 (offset 0x3a1)",
        step: 42,
        code: CodeView(functionName: "transfer", functionIndex: 3, lines: codeLines, currentLine: 8),
        stack: [StackEntry(value: .i32(256), willPop: true), StackEntry(value: .i32(42), willPop: false),
                StackEntry(value: .i64(UInt64(bitPattern: -1)), willPop: false), StackEntry(value: .f64(1.5.bitPattern), willPop: false)],
        locals: [NamedValue(name: "0 params", value: .i32(0x100)), NamedValue(name: "1 len", value: .i32(64)),
                 NamedValue(name: "2 amount", value: .i32(42))],
        globals: [NamedValue(name: "0 __stack_pointer", value: .i32(65536))],
        frames: [FrameView(name: "transfer+0x11", offset: 0x3a1, isHost: false),
                 FrameView(name: "main+0x8", offset: 0x2f0, isHost: false)],
        memory: MemoryView(byteCount: 65536,
                           lastAccesses: [MemoryRange(range: 0x104..<0x108, kind: .read)],
                           pendingHostRanges: [MemoryRange(range: 0x100..<0x140, kind: .read)]),
        fuel: FuelView(used: 1234, limit: 100_000, lastCost: 2,
                       byFunction: [FunctionFuelLine(name: "transfer", selfFuel: 1000, totalFuel: 1000, calls: 1),
                                    FunctionFuelLine(name: "main", selfFuel: 234, totalFuel: 1234, calls: 1)], modified: false),
        draft: DraftView(sections: [
            (title: "inputs", entries: [ListEntry(text: "utxo 0xab12…:0  100 WES", isNew: false)]),
            (title: "outputs", entries: [ListEntry(text: "alice  58 WES", isNew: false), ListEntry(text: "bob  42 WES", isNew: true)]),
            (title: "state writes", entries: []),
            (title: "events", entries: [ListEntry(text: "Transfer(alice, bob, 42)", isNew: true)]),
            (title: "return data", entries: []),
        ], discarded: false),
        hostCalls: [HostCallView(name: "get_caller", arguments: [], results: [.i32(1)]),
                    HostCallView(name: "log", arguments: [HostCallView.Argument(name: "msg", value: .i32(0x200), decoded: "\"hello\""),
                                                          HostCallView.Argument(name: "msg_len", value: .i32(5))],
                                 results: [.i32(1)], ranges: [MemoryRange(range: 0x200..<0x205, kind: .read)], isNew: true)])

    /// The same stop in a module built with -g: the Source pane and source variables.
    static let sourceSnapshot: SessionSnapshot = {
        var s = snapshot
        s.statusLine = "paused at transfer+0x11 (offset 0x3a1) at token/token.c:12"
        s.location = "transfer+0x11 (offset 0x3a1) at token/token.c:12"
        s.source = SourceView(path: "token/token.c", lines: [
            "#include \"wes.h\"", "", "/* Moves amount of GOLD from the caller to `to`. */",
            "int transfer(const char *params, int len) {", "\tuint64_t amount = 0;", "\tconst char *to = 0;",
            "\tif (!read_params(params, len, &amount, &to))", "\t\treturn INVALID_PARAMS;", "\tif (amount == 0)",
            "\t\treturn INVALID_PARAMS;", "\tstruct balance b = { .owner = to, .amount = amount };",
            "\treturn execute_utxo_transfer(b.owner, b.amount) ? 0 : 2;", "}",
        ], currentLine: 12, breakpoints: [9: 2], message: nil, functionName: "transfer")
        s.variables = [
            SourceVariable(name: "params", typeName: "const char *", value: "0x100 \"{\\\"amount\\\":42}\"", isParameter: true),
            SourceVariable(name: "len", typeName: "int", value: "64", isParameter: true),
            SourceVariable(name: "amount", typeName: "uint64_t", value: "42", isParameter: false),
            SourceVariable(name: "b", typeName: "struct balance", value: "{owner = 0x140 \"bob\", amount = 42}", isParameter: false),
        ]
        return s
    }()

    /// 64 KiB with a message at 0x100 and a counter at 0x200.
    static let memory: [UInt8] = {
        var bytes = [UInt8](repeating: 0, count: 65536)
        let text = Array("transfer 42 to bob\u{0}\u{1}".utf8)
        bytes.replaceSubrange(0x100..<0x100 + text.count, with: text)
        for i in 0..<32 { bytes[0x200 + i] = UInt8(i * 7 & 0xff) }
        return bytes
    }()
}
