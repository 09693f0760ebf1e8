import Testing
@testable import DebugInfo

/// Source terms compiled once at a location (breakpoint conditions): the same values as `print`
/// in VariableTests' frame of `transfer` (token.debug.wasm), and the same refusals, found when compiled.
@Suite struct CompiledSourceTests {
    let info = Fixtures.debug
    let at = VariableTests.inBlock
    let state = VariableTests.state

    func integer(_ term: SourceTerm, _ s: FakeState? = nil) -> String {
        do throws(DebugInfoError) {
            let read = try info.integerReader(try info.compile(term, at: at))
            return String(try read(s ?? state))
        } catch {
            return "error: \(error.description)"
        }
    }

    func text(_ term: SourceTerm, _ literal: String) -> String {
        do throws(DebugInfoError) {
            return String(try info.textMatcher(try info.compile(term, at: at), Array(literal.utf8))(state))
        } catch {
            return "error: \(error.description)"
        }
    }

    @Test func valuesAsPrintShowsThem() {
        #expect(integer(.name("amount")) == "250")
        #expect(integer(.name("token_len")) == "4")
        #expect(integer(.name("sum")) == "77")
        #expect(integer(.member(.name("p"), "len")) == "14")
        #expect(integer(.dereference(.member(.name("p"), "ptr"))) == "123")
        #expect(integer(.index(.member(.name("p"), "ptr"), { _ in 9 })) == "58")
        #expect(integer(.index(.name("caller"), { _ in 1 })) == "120")
        #expect(integer(.arrow(.addressOf(.name("to")), "len")) == "42")
        #expect(integer(.addressOf(.name("p"))) == "4208")
        #expect(integer(.dereference(.addressOf(.name("amount")))) == "250")
        #expect(integer(.member(.name("to"), "ptr")) == "1280")
    }

    @Test func theLocationIsReadAtEachEvaluation() {
        var later = state
        later.store(VariableTests.frameBase + 96, 0xffff_ffff_ffff_fffe, size: 8)
        later.store(VariableTests.frameBase + 92, 0xffff_fffc, size: 4)
        // uint64_t is the 64-bit pattern; int32_t is sign-extended.
        #expect(integer(.name("amount"), later) == "-2")
        #expect(integer(.name("token_len"), later) == "-4")
    }

    @Test func textOfCharArraysPointersAndGlobals() {
        #expect(text(.name("caller"), "0x8209c622d851832908d7089992787a9f1a39ffe5") == "true")
        #expect(text(.name("caller"), "0x8209") == "false")
        #expect(text(.name("TOKEN"), "GOLD") == "true")
        #expect(text(.name("TOKEN"), "GOLDEN") == "false")
        #expect(text(.member(.name("to"), "ptr"), "0xc1d73080c71c19539eb4f22cf2cb85cc820817a3") == "true")
        #expect(text(.name("amount"), "250") == "error: uint64_t is not text (char *, a char array, &str or &[u8])")
        #expect(text(.name("to_ptr"), "x") == "error: cannot access memory at address 0x7ffffff0")
    }

    @Test func refusalsWhenCompiled() {
        #expect(integer(.name("foo")) == "error: no symbol \"foo\" in current context")
        #expect(integer(.name("p")) == "error: wes_slice is not an integer")
        #expect(integer(.dereference(.name("amount"))) == "error: attempt to take contents of a non-pointer value")
        #expect(integer(.member(.name("p"), "nope")) == "error: there is no member named nope")
        #expect(integer(.member(.name("amount"), "x")) == "error: attempt to extract a component of a value that is not a structure")
        #expect(integer(.index(.name("amount"), { _ in 1 })) == "error: cannot subscript something of type `uint64_t'")
        #expect(integer(.arrow(.name("p"), "len")) == "error: the -> operator needs a pointer to a structure, not wes_slice")
        #expect(integer(.dereference(.name("to_ptr"))) == "error: cannot access memory at address 0x7ffffff0")
    }

    @Test func scopeQueries() {
        #expect(info.hasVariable("sum", at: at))
        #expect(!info.hasVariable("sum", at: info.codeSectionStart + 0x460))
        #expect(info.hasVariable("TOKEN", at: info.codeSectionStart + 0x460))
        #expect(info.hasVariableAnywhere("count"))
        #expect(!info.hasVariableAnywhere("nosuch"))
    }
}
