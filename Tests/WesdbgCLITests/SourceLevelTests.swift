import DebuggerCore
import DebuggerUI
import Foundation
import Testing
@testable import WesdbgCLI

/// Source-level debugging on the `-g` samples, as batch transcripts. Offsets are
/// module offsets: `llvm-dwarfdump-14 --debug-line` addresses plus the code section's
/// start (`wasm-objdump -h`: 0x1e5 in token.debug.wasm and token.dwarf5.wasm, 0x19c in token.O1.wasm).
struct SourceLevelTests {
    static let samples = DebugBatchTests.samples

    func run(_ arguments: [String], _ commands: [String]) throws -> (lines: [String], session: DebugSession) {
        let session = try DebugCommand.parse(arguments).makeSession()
        var text = ""
        let valid = DebugCommand.runBatch(session: session, commands: commands) { text += $0 }
        #expect(valid, "a command failed:\n\(text)")
        return (text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init), session)
    }

    /// Line 83 is row 0x4a1 (is_stmt) of token.debug.wasm's line table: offset 0x686.
    @Test func breakAtALineStopsThereAndNextGoesToTheNextLine() throws {
        let (lines, _) = try run([Self.samples + "/token/transfer.debug.snapshot.json"],
                                 ["break token.c:83", "continue", "bt", "next"])
        #expect(lines == [
            "(wesdbg) break token.c:83",
            "breakpoint 1: token/token.c:83",
            "(wesdbg) continue",
            "breakpoint 1",
            "paused at transfer+0x289 (offset 0x686) at token/token.c:83, step 55073",
            "83\t    if (!wes_execute_utxo_transfer(caller, to_ptr, amount, TOKEN, token_len))",
            "=> 0x686  i32.const 48",
            "(wesdbg) bt",
            "=> #0 transfer (token/token.c:83) at transfer+0x289 (offset 0x686)",
            "(wesdbg) next",
            "paused at transfer+0x302 (offset 0x6ff) at token/token.c:85, step 55101",
            "85\t    report_transfer(caller, to.ptr, amount, token_len);",
            "=> 0x6ff  i32.const 48",
            "",
        ])
    }

    /// `break FUNC` goes after the prologue: line 62's prologue_end row 0x25f (offset 0x444).
    /// `step` enters wes_params after its prologue (wes.h:306); `finish` returns with its value.
    @Test func functionBreakpointStepIntoAndFinish() throws {
        let (lines, _) = try run([Self.samples + "/token/transfer.debug.snapshot.json"],
                                 ["break transfer", "continue", "step", "bt", "finish"])
        #expect(lines.contains("breakpoint 1: transfer (func 11) entry"))
        #expect(lines.contains("paused at transfer+0x47 (offset 0x444) at token/token.c:62, step 10"))
        #expect(lines.contains("paused at wes_params+0x25 (offset 0x783) at include/wes.h:306, step 33"))
        #expect(lines.contains("306\t    int32_t n = wes_get_contract_params_len();"))
        // Stopped before the host call on line 306: the backtrace shows it first.
        let bt = try #require(lines.firstIndex(of: "(wesdbg) bt"))
        #expect(Array(lines[bt + 1 ... bt + 3]) == [
            "   host get_contract_params_len() (about to be called)",
            "=> #0 wes_params (include/wes.h:306) at wes_params+0x25 (offset 0x783)",
            "   #1 transfer (token/token.c:62) at transfer+0x59 (offset 0x456)",
        ])
        #expect(lines.contains("paused at transfer+0x5f (offset 0x45c) at token/token.c:62, step 121"))
        #expect(lines.contains("Run till exit from wes_params"))
        #expect(lines.contains("Value returned: i32:1"))
    }

    /// -O1: wes_params is inlined four times; line 307 (rows 0xa5, 0x959, ...) has four locations,
    /// and the backtrace shows the inlined frame above its caller's line.
    @Test func inlinedCopiesAreLocationsAndFrames() throws {
        let (lines, _) = try run([Self.samples + "/token/transfer.O1.snapshot.json"],
                                 ["break wes.h:307", "info breakpoints", "continue", "bt"])
        #expect(lines[1] == "breakpoint 1: include/wes.h:307 (4 locations)")
        #expect(lines[5].hasSuffix("include/wes.h:307 at offset 0x241 (include/wes.h:307), offset 0xaf5 (include/wes.h:307), "
                                   + "offset 0x1002 (include/wes.h:307), offset 0x162d (include/wes.h:307)"))
        #expect(lines[8] == "paused at transfer+0x28 (offset 0x241) at include/wes.h:307, step 10")
        #expect(lines[12] == "=> #0 wes_params (include/wes.h:307) [inlined]")
        #expect(lines[13] == "   #0 transfer (token/token.c:62) at transfer+0x28 (offset 0x241)")
    }

    /// clang 21 -gdwarf-5: line 83 is row 0x2dd, offset 0x4c2; info source names DWARF 5.
    @Test func dwarf5Lines() throws {
        let (lines, _) = try run([Self.samples + "/token/transfer.dwarf5.snapshot.json"],
                                 ["break token.c:83", "continue", "info source"])
        #expect(lines[4] == "paused at transfer+0x189 (offset 0x4c2) at token/token.c:83, step 26749")
        #expect(lines.contains { $0.hasPrefix("compile unit token/token.c, directory ., language ") && $0.contains("DWARF 5") })
    }

    /// `next` and `until` run a million iterations at full speed; `until` leaves the loop;
    /// reverse-step goes back a line, reverse-next over the call on line 27.
    @Test func stepOverALongLoopAndBackByLines() throws {
        let (lines, _) = try run([Self.samples + "/debug/loop.wasm", "--call", "run", "--args", "i32:1000000", "--fuel", "1000000000"],
                                 ["break loop.c:27", "continue", "delete 1", "until", "until", "reverse-step", "reverse-step", "reverse-next"])
        let stops = lines.filter { $0.hasPrefix("paused at") }
        #expect(stops == [
            "paused at run+0xbe (offset 0x11c) at debug/loop.c:27, step 81",
            "paused at run+0xfb (offset 0x159) at debug/loop.c:28, step 179000081",
            "paused at run+0x116 (offset 0x174) at debug/loop.c:29, step 179000093",
            "paused at run+0xfb (offset 0x159) at debug/loop.c:28, step 179000081",
            "paused at run+0xde (offset 0x13c) at debug/loop.c:26, step 179000045",
            "paused at run+0xbe (offset 0x11c) at debug/loop.c:27, step 178999902",
        ])
    }

    /// Variables at token.c:83 of the -O0 build (locations `DW_OP_fbreg` over `__stack_pointer`, as
    /// `llvm-dwarfdump-14 --debug-info` shows them): a struct, its fields, a pointer's target, an array element.
    @Test func printAndInfoLocals() throws {
        let (lines, _) = try run([Self.samples + "/token/transfer.debug.snapshot.json"],
                                 ["break token.c:83", "continue", "info locals", "print amount", "print to.len", "print *to.ptr",
                                  "print caller[1]", "ptype to", "info args"])
        let locals = try #require(lines.firstIndex(of: "(wesdbg) info locals"))
        #expect(Array(lines[locals + 1 ... locals + 6]) == [
            "p = {ptr = 0x490 \"{\\\"amount\\\":250,\\\"to\\\":\\\"0xc1d73080c71c19539eb4f22cf2cb85cc820817a3\\\"}\", len = 64}",
            "to = {ptr = 0x4a4 \"0xc1d73080c71c19539eb4f22cf2cb85cc820817a3\\\"}\", len = 42}",
            "amount = 250",
            "token_len = 4",
            "caller = \"0x8209c622d851832908d7089992787a9f1a39ffe5\"",
            "to_ptr = 0x4a4 \"0xc1d73080c71c19539eb4f22cf2cb85cc820817a3\\\"}\"",
        ])
        #expect(lines.contains("$1 = 250"))
        #expect(lines.contains("$2 = 42"))
        #expect(lines.contains("$3 = 48 '0'"))
        #expect(lines.contains("$4 = 120 'x'"))
        let ptype = try #require(lines.firstIndex(of: "(wesdbg) ptype to"))
        #expect(Array(lines[ptype + 1 ... ptype + 4]) == ["type = struct {", "    const char *ptr;", "    size_t len;", "}"])
        #expect(lines.last(where: { !$0.isEmpty }) == "no arguments")
    }

    /// -O1: `amount` has no DW_AT_location and `to` a location list not covering the pc.
    @Test func optimizedOutVariablesSaySo() throws {
        let (lines, _) = try run([Self.samples + "/token/transfer.O1.snapshot.json"], ["break token.c:83", "continue", "print amount", "print to"])
        #expect(lines.contains("$1 = <optimized out>"))
        #expect(lines.contains("$2 = <optimized out>"))
    }

    /// The real screen at 120x40: Source beside Code, the current line marked, variables above the locals.
    @Test func screenShowsTheSource() throws {
        let (_, session) = try run([Self.samples + "/token/transfer.debug.snapshot.json"], ["break token.c:83", "continue"])
        var state = ViewState(size: Size(width: 120, height: 40))
        state.normalize(for: session.snapshot)
        let text = Screen(snapshot: session.snapshot, state: state, keymap: .default, memory: session.memoryBytes).render().text
        let rows = text.split(separator: "\n").map(String.init)
        #expect(rows[0].hasPrefix("┌ Source: token/token.c (transfer) "))
        #expect(rows.contains { $0.hasPrefix("│*>  83      if (!wes_execute_utxo_transf││*> 0x0686    i32.const 48") })
        #expect(rows.contains { $0.contains("│variables (6)") })
        #expect(rows.last?.contains(" at transfer+0x289 (offset 0x686) at token/token.c:83  step 55073") == true, "\(rows.last ?? "")")
    }

    /// `list` around the current line, then the next ten; files found above the module's directory.
    @Test func listPagesThroughTheSource() throws {
        let (lines, _) = try run([Self.samples + "/token/transfer.debug.snapshot.json"],
                                 ["break wes_params", "continue", "list", "list"])
        let first = try #require(lines.firstIndex(of: "(wesdbg) list"))
        #expect(lines[first + 1] == "    301  #endif")
        #expect(lines[first + 6] == "=>  306      int32_t n = wes_get_contract_params_len();")
        #expect(lines[first + 11] == "(wesdbg) list")
        #expect(lines[first + 12] == "    311      return 1;")
        #expect(lines[first + 21] == "    320      char d[20];")
    }

    /// Without debug info: one instruction per step, and the source commands say why they cannot work.
    @Test func withoutDebugInfoStepIsOneInstruction() throws {
        let session = try DebugCommand.parse([Self.samples + "/token/transfer.snapshot.json"]).makeSession()
        #expect(session.snapshot.source == nil)
        _ = session.execute("step")
        #expect(session.snapshot.step == 1)
        let list = session.execute("list")
        #expect(list.isError && list.output == "list: the module has no debug info (build it with -g)")
        #expect(session.execute("break token.c:83").output == "break token.c:83: the module has no debug info (build it with -g)")
    }

    /// The Source pane's data follows the stop.
    @Test func snapshotCarriesTheSourceView() throws {
        let (_, session) = try run([Self.samples + "/token/transfer.debug.snapshot.json"], ["break token.c:83", "continue"])
        let source = try #require(session.snapshot.source)
        #expect(source.path == "token/token.c")
        #expect(source.currentLine == 83)
        #expect(source.breakpoints == [83: 1])
        #expect(source.lines.count == 146)
        #expect(source.message == nil)
    }

    /// A module whose .debug_line is cut short still opens, with a warning, debugging by instruction.
    @Test func malformedDebugInfoWarnsAndStillOpens() throws {
        let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Self.samples + "/debug/loop.wasm")))
        let name = Array(".debug_line".utf8)
        let at = try #require((0 ..< original.count - name.count).first { Array(original[$0 ..< $0 + name.count]) == name })
        var bytes = original
        // Garbage over the line program's header (its unit length and version).
        for i in at + name.count ..< at + name.count + 8 { bytes[i] = 0xff }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("wesdbg-bad-line-\(getpid()).wasm").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let session = try DebugCommand.parse([path, "--call", "run", "--args", "i32:3"]).makeSession()
        #expect(session.debugInfoWarning != nil)
        _ = session.execute("step")
        #expect(session.snapshot.step == 1)
    }
}
