import Testing
@testable import DebugInfo

/// Subprograms against `llvm-dwarfdump-14 --debug-info samples/token/token.*.wasm` (low_pc/high_pc, decl_line).
@Suite struct FunctionTests {
    func hex(_ info: DebugInfo, _ ranges: [Range<Int>]) -> [String] {
        ranges.map { "0x\(String($0.lowerBound - info.codeSectionStart, radix: 16))-0x\(String($0.upperBound - info.codeSectionStart, radix: 16))" }
    }

    @Test func functionsByName() {
        let transfer = Fixtures.debug.functions(named: "transfer")
        #expect(transfer.count == 1)
        #expect(transfer.first?.name == "transfer" && transfer.first?.qualifiedName == "transfer")
        #expect(hex(Fixtures.debug, transfer.first?.ranges ?? []) == ["0x218-0x577"])
        #expect(transfer.first?.declFile == "token/token.c" && transfer.first?.declLine == 59)
        let memcpy = Fixtures.dwarf5.functions(named: "memcpy")
        #expect(hex(Fixtures.dwarf5, memcpy.first?.ranges ?? []) == ["0x3-0x8f"])
        #expect(memcpy.first?.declFile == "include/wes.h" && memcpy.first?.declLine == 89)
        #expect(Fixtures.debug.functions(named: "nope").isEmpty)
    }

    @Test func functionContaining() {
        let info = Fixtures.debug
        #expect(info.function(containing: info.codeSectionStart + 0x218)?.name == "transfer")
        #expect(info.function(containing: info.codeSectionStart + 0x576)?.name == "transfer")
        #expect(info.function(containing: info.codeSectionStart + 0x577) == nil)  // between functions
        #expect(info.function(containing: info.codeSectionStart + 0xc0e)?.name == "memo_checksum")
    }

    /// token.O1.wasm: `memo_checksum` and `wes_json_u64` are inlined into `transfer` (DW_TAG_inlined_subroutine).
    @Test func inlinedFrames() {
        let info = Fixtures.o1
        let at = info.codeSectionStart + 0x27d
        #expect(info.function(containing: at)?.name == "transfer")
        let frames = info.inlinedFrames(at: at)
        #expect(frames.map(\.name) == ["wes_dec_to_u64", "wes_json_as_u64", "wes_json_u64"])
        #expect(frames.map { "\($0.callFile ?? "?"):\($0.callLine ?? 0)" } == ["include/wes.h:263", "include/wes.h:273", "token/token.c:64"])
        #expect(info.inlinedFrames(at: info.codeSectionStart + 0x7d).isEmpty)
        // Inlined everywhere: no out-of-line copy, one entry per inlined copy.
        #expect(!info.functions(named: "wes_json_u64").isEmpty)
    }
}
