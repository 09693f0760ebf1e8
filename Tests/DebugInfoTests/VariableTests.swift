import Testing
@testable import DebugInfo

/// Variables and values against `llvm-dwarfdump-14 --debug-info samples/token/token.*.wasm`: in
/// token.debug.wasm `transfer` has DW_AT_frame_base (DW_OP_WASM_location 0x0 0x2, DW_OP_stack_value),
/// p at DW_OP_fbreg +112, to +104, amount +96, token_len +92, caller (char[42]) +48, to_ptr +40,
/// and sum +44 in the lexical block [0x40f, 0x459); TOKEN is DW_OP_addr 0x484.
@Suite struct VariableTests {
    static let frameBase: UInt64 = 0x1000

    /// transfer's frame in the middle of the debug_overflow block, with hand-built memory.
    static var state: FakeState {
        var s = FakeState()
        s.locals[2] = frameBase
        s.store(frameBase + 112, 0x400, size: 4)
        s.store(frameBase + 116, 14, size: 4)
        s.store(0x400, "{\"amount\":250}")
        s.store(frameBase + 104, 0x500, size: 4)
        s.store(frameBase + 108, 42, size: 4)
        s.store(0x500, "0xc1d73080c71c19539eb4f22cf2cb85cc820817a3")
        s.store(frameBase + 96, 250, size: 8)
        s.store(frameBase + 92, 4, size: 4)
        s.store(frameBase + 48, "0x8209c622d851832908d7089992787a9f1a39ffe5")
        s.store(frameBase + 40, 0x7fff_fff0, size: 4)
        s.store(frameBase + 44, 77, size: 4)
        s.store(0x484, "GOLD")
        return s
    }

    static let inBlock = Fixtures.debug.codeSectionStart + 0x420

    @Test func localsOfTransferInnermostBlockFirst() {
        let vars = Fixtures.debug.variables(at: Self.inBlock, state: Self.state)
        #expect(vars.map { "\($0.name): \($0.typeName) = \($0.value)" } == [
            "sum: uint32_t = 77",
            "p: wes_slice = {ptr = 0x400 \"{\\\"amount\\\":250}\", len = 14}",
            "to: wes_slice = {ptr = 0x500 \"0xc1d73080c71c19539eb4f22cf2cb85cc820817a3\", len = 42}",
            "amount: uint64_t = 250",
            "token_len: int32_t = 4",
            "caller: char [42] = \"0x8209c622d851832908d7089992787a9f1a39ffe5\"",
            "to_ptr: const char * = 0x7ffffff0 <error: Cannot access memory at address 0x7ffffff0>",
        ])
        #expect(vars.allSatisfy { !$0.isParameter })
        // Outside the block, sum is out of scope.
        #expect(!Fixtures.debug.variables(at: Fixtures.debug.codeSectionStart + 0x460, state: Self.state).contains { $0.name == "sum" })
    }

    @Test func parametersComeFirst() {
        // memo_checksum(const uint8_t *bytes, uint64_t count) at 0xc0e..0xcfa.
        let vars = Fixtures.debug.variables(at: Fixtures.debug.codeSectionStart + 0xc49, state: FakeState())
        #expect(vars.prefix(2).map { "\($0.name): \($0.typeName) \($0.isParameter)" } == ["bytes: const uint8_t * true", "count: uint64_t true"])
    }

    func print(_ e: String, _ info: DebugInfo = Fixtures.debug, at: Int = inBlock, _ s: FakeState = state) -> String {
        do { return try info.evaluate(e, at: at, state: s) } catch { return "error: \(error.description)" }
    }

    @Test func printStructFieldPointerTargetArrayElement() {
        #expect(print("p.len") == "14")
        #expect(print("*p.ptr") == "123 '{'")
        #expect(print("p.ptr[9]") == "58 ':'")
        #expect(print("caller[1]") == "120 'x'")
        #expect(print("&p") == "(wes_slice *) 0x1070")
        #expect(print("(&p)->len") == "14")
        #expect(print("&caller") == "(char (*)[42]) 0x1030")
        #expect(print("*&amount") == "250")
        #expect(print("amount + 1") == "251")
        #expect(print("TOKEN") == "\"GOLD\"")
        #expect(print("to.ptr") == "0x500 \"0xc1d73080c71c19539eb4f22cf2cb85cc820817a3\"")
    }

    @Test func printErrorsAreOneLine() {
        #expect(print("foo") == "error: no symbol \"foo\" in current context")
        #expect(print("*amount") == "error: attempt to take contents of a non-pointer value")
        #expect(print("p.nope") == "error: there is no member named nope")
        #expect(print("amount.x") == "error: attempt to extract a component of a value that is not a structure")
        #expect(print("amount[1]") == "error: cannot subscript something of type `uint64_t'")
        #expect(print("p +") == "error: a syntax error in expression, near `'")
        #expect(print("*to_ptr") == "error: cannot access memory at address 0x7ffffff0")
    }

    @Test func ptype() throws {
        let info = Fixtures.debug
        #expect(try info.typeDescription(of: "p", at: Self.inBlock, state: Self.state) == "type = struct {\n    const char *ptr;\n    size_t len;\n}")
        #expect(try info.typeDescription(of: "&p", at: Self.inBlock, state: Self.state) == "type = struct {\n    const char *ptr;\n    size_t len;\n} *")
        #expect(try info.typeDescription(of: "wes_slice", at: Self.inBlock, state: Self.state) == "type = struct {\n    const char *ptr;\n    size_t len;\n}")
        #expect(try info.typeDescription(of: "caller", at: Self.inBlock, state: Self.state) == "type = char [42]")
        #expect(try info.typeDescription(of: "amount", at: Self.inBlock, state: Self.state) == "type = unsigned long long")
        #expect(try info.typeDescription(of: "TOKEN", at: Self.inBlock, state: Self.state) == "type = const char [5]")
        #expect(throws: DebugInfoError("no struct type named nope")) { try info.typeDescription(of: "struct nope", at: Self.inBlock, state: Self.state) }
    }

    /// DWARF 5 (clang 21): frame base local 0, p at fbreg +116, amount +96.
    @Test func dwarf5Values() {
        var s = FakeState()
        s.locals[0] = 0x2000
        s.store(0x2000 + 116, 0x400, size: 4)
        s.store(0x2000 + 120, 3, size: 4)
        s.store(0x2000 + 96, 99, size: 8)
        s.store(0x400, "abc")
        let at = Fixtures.dwarf5.functions(named: "transfer")[0].ranges[0].lowerBound + 0x40
        #expect(print("p", Fixtures.dwarf5, at: at, s) == "{ptr = 0x400 \"abc\", len = 3}")
        #expect(print("amount", Fixtures.dwarf5, at: at, s) == "99")
    }

    /// token.O1.wasm: p's location list, at [0xc4, 0xc7): DW_OP_WASM_location 0x2 0x1 (the operand stack),
    /// DW_OP_stack_value, DW_OP_piece 0x4, DW_OP_piece 0x4; `amount` has no location at all.
    @Test func optimizedPiecesAndOperands() {
        var s = FakeState()
        s.operands = [7, 0x500]
        s.store(0x500, "0xc1")
        let at = Fixtures.o1.codeSectionStart + 0xc4
        #expect(print("p", Fixtures.o1, at: at, s) == "{ptr = 0x500 \"0xc1\", len = <optimized out>}")
        #expect(print("amount", Fixtures.o1, at: at, s) == "<optimized out>")
        let vars = Fixtures.o1.variables(at: Fixtures.o1.codeSectionStart + 0x17d, state: s)
        #expect(vars.first { $0.name == "to" }?.value == "{ptr = <optimized out>, len = <optimized out>}")
    }
}
