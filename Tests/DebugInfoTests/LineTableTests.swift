import Testing
@testable import DebugInfo

/// Line rows and breakpoint locations, against `llvm-dwarfdump-14 --debug-line samples/token/token.*.wasm`
/// (DWARF addresses; module offset = address + code section payload start, 0x1e5 in token.debug.wasm
/// and token.dwarf5.wasm, 0x19c in token.O1.wasm: `llvm-objdump-14 -h` lists the code section).
@Suite struct LineTableTests {
    @Test func codeSectionStart() {
        #expect(Fixtures.debug.codeSectionStart == 0x1e5)
        #expect(Fixtures.dwarf5.codeSectionStart == 0x1e5)
        #expect(Fixtures.o1.codeSectionStart == 0x19c)
    }

    @Test func unitsDescribeTheirCompiler() {
        #expect(Fixtures.debug.compileUnits == [CompileUnit(name: "token/token.c", compDirectory: ".",
                                                            producer: "Debian clang version 14.0.6", language: "C99", version: 4)])
        let unit = Fixtures.dwarf5.compileUnits[0]
        #expect(unit.version == 5 && unit.language == "C11" && unit.name == "token/token.c")
        #expect(unit.producer.hasPrefix("clang version 21."))
    }

    @Test func sourceFilesJoinTheirDirectory() {
        // include_directories "include", "token" (v4) and ".", "include" (v5): the same two paths.
        #expect(Fixtures.debug.sourceFiles == ["token/token.c", "include/wes.h"])
        #expect(Fixtures.dwarf5.sourceFiles == ["token/token.c", "include/wes.h"])
    }

    /// `transfer` in token.debug.wasm: 0x218 line 59, 0x25f line 62 col 10 (prologue_end), 0x279 62:9,
    /// 0x28e line 0, 0x28f line 63 col 10, ..., 0x558 line 87, end_sequence 0x577.
    @Test func rowsOfTransferDWARF4() {
        let info = Fixtures.debug
        let base = info.codeSectionStart
        #expect(info.line(at: base + 0x218) == LineRow(moduleOffset: base + 0x218, file: "token/token.c", line: 59, column: 0, isStatement: true))
        #expect(info.line(at: base + 0x25e)?.line == 59)
        #expect(info.line(at: base + 0x25f) == LineRow(moduleOffset: base + 0x25f, file: "token/token.c", line: 62, column: 10, isStatement: true, isPrologueEnd: true))
        #expect(info.line(at: base + 0x27a) == LineRow(moduleOffset: base + 0x279, file: "token/token.c", line: 62, column: 9, isStatement: false))
        #expect(info.line(at: base + 0x28e) == nil)  // line 0: compiler-made code
        #expect(info.line(at: base + 0x28f)?.line == 63)
        #expect(info.line(at: base + 0x576)?.line == 87)
        #expect(info.line(at: base + 0x577) == nil)  // end_sequence; the next sequence starts at 0x579
        #expect(info.line(at: base + 0x579)?.file == "include/wes.h")
        #expect(info.line(at: base + 0x579)?.line == 305)
        #expect(info.line(at: 0) == nil)
    }

    /// token.dwarf5.wasm (clang 21): memcpy 0x3 line 89, 0x26 line 90 col 18, 0x8f end_sequence.
    @Test func rowsDWARF5() {
        let info = Fixtures.dwarf5
        let base = info.codeSectionStart
        #expect(info.line(at: base + 0x3) == LineRow(moduleOffset: base + 0x3, file: "include/wes.h", line: 89, column: 0, isStatement: true))
        #expect(info.line(at: base + 0x26) == LineRow(moduleOffset: base + 0x26, file: "include/wes.h", line: 90, column: 18, isStatement: true, isPrologueEnd: true))
        #expect(info.line(at: base + 0x2d)?.column == 14)
        #expect(info.line(at: base + 0x8e)?.line == 93)
        #expect(info.line(at: base + 0x8f) == nil)
    }

    /// transfer's body [0x218, 0x577): 0x218 59, 0x25f 62 (prologue_end), 0x279 62, 0x281 62, 0x28e line 0, ...
    @Test func rowsOfAFunction() {
        let info = Fixtures.debug
        let body = info.functions(named: "transfer")[0].ranges[0]
        let rows = info.lineRows(in: body)
        #expect(rows.count == 65)
        #expect(rows.prefix(5).map { "0x\(String($0.moduleOffset - info.codeSectionStart, radix: 16)) \($0.line)\($0.isPrologueEnd ? " pe" : "")" }
                == ["0x218 59", "0x25f 62 pe", "0x279 62", "0x281 62", "0x28e 0"])
        #expect(rows.last?.line == 87 && rows.last?.moduleOffset == info.codeSectionStart + 0x558)
        #expect(info.lineRows(in: 0..<info.codeSectionStart).isEmpty)
    }
}
