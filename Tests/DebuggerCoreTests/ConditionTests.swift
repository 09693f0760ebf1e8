@testable import DebuggerCore
import Testing
import WasmVM

extension DebugSession {
    /// A condition compiled and evaluated here, as for a code breakpoint at this instruction
    /// (`hits` reads 7): whether it holds and the failures taken as false.
    func evaluate(_ text: String) throws(CommandError) -> (holds: Bool, failures: [String]) {
        guard let location = machine.location else { throw CommandError("not running") }
        let scope = conditionScope(.offset(0), at: (location.function, location.pc))
        let code = try ConditionCompiler(scope: scope).compile(ConditionNode.parse(text))
        conditionFrame.reset(hits: 7, hitsKnown: true, hostCall: nil)
        return (code(conditionFrame), conditionFrame.failures)
    }

    func refusal(_ text: String) -> String {
        do throws(CommandError) {
            _ = try evaluate(text)
            return "accepted"
        } catch {
            return error.message
        }
    }
}

/// The condition language: parsing with columns, C precedence, 64-bit wrapping arithmetic,
/// names, and what is refused when set or taken as false at a stop.
struct ConditionTests {
    /// spin(1000) paused at its first instruction, the loop head: n = 1000, i = 0, acc = 0.
    func spin() throws -> DebugSession { try makeSession("spin", arguments: [.i32(1000)]) }

    @Test func syntaxErrorsNameTheColumn() {
        let cases: [(String, String)] = [
            ("amount >", "condition: column 9: expected an operand"),
            ("", "condition: empty expression"),
            ("(1 == 1", "condition: column 8: expected ')'"),
            ("1 == 1 )", "condition: column 8: unexpected ')'"),
            ("a = 1", "condition: column 3: '=' is assignment: compare with '=='"),
            ("a ? b", "condition: column 3: unexpected '?'"),
            ("1 + / 2", "condition: column 5: expected an operand, not '/'"),
            ("stack[x] == 0", "condition: column 7: stack[K] takes a number K (0 = top)"),
            ("stack[1000000] == 0", "condition: column 7: stack[1000000]: K must be 0...999999"),
            ("local.50000 == 0", "condition: column 1: local.50000: the index must be 0...49999"),
            ("99999999999999999999 > 1", "condition: column 1: 99999999999999999999 does not fit in 64 bits (at most 18446744073709551615)"),
            ("0x1g > 1", "condition: column 1: '0x1g' is not a number"),
            ("token == \"GOLD", "condition: column 10: unterminated string"),
            ("c == 'ab'", "condition: column 6: a character literal holds one byte ('a', '\\n', '\\x41')"),
            ("s == \"\\q\"", "condition: column 7: unknown escape '\\q' (\\n \\t \\r \\0 \\\\ \\\" \\' \\xHH)"),
            ("p->", "condition: column 4: expected a member name"),
            ("mem32[4 == 0", "condition: column 13: expected ']'"),
            ("$ == 1", "condition: column 1: '$' must start a name ($amount)"),
            // Bounded, so compiling cannot run out of stack.
            (Array(repeating: "1", count: 3000).joined(separator: " + "),
             "condition: column 159: more than 40 levels of operators (split it, or use fewer terms)"),
            (String(repeating: "(", count: 70) + "1" + String(repeating: ")", count: 70), "condition: column 41: expression nested too deeply"),
        ]
        for (text, message) in cases {
            do throws(CommandError) {
                _ = try ConditionNode.parse(text)
                Issue.record("\(text) was accepted")
            } catch {
                #expect(error.message == message, "\(text)")
            }
        }
    }

    @Test func cPrecedenceAndWrappingIntegers() throws {
        let session = try spin()
        for text in ["1 + 2 * 3 == 7", "(1 + 2) * 3 == 9", "1 << 2 + 1 == 8", "!(6 & 3 == 2)", "(6 & 3) == 2",
                     "(1 | 2 ^ 3 & 4) == 3", "10 - 2 - 3 == 5", "100 / 10 / 5 == 2", "-7 / 2 == -3", "-7 % 2 == -1",
                     "~0 == -1", "!0 && !!5", "-(3) == -3 && +3 == 3", "3 > 2 == 1", "1 == 2 && 1 == 1 || 2 == 2",
                     "!(1 == 2 && (1 == 1 || 2 == 2))", "0x7fffffffffffffff + 1 == -9223372036854775808",
                     "-9223372036854775808 / -1 == -9223372036854775808", "-9223372036854775808 % -1 == 0",
                     "18446744073709551615 == -1", "0xffffffffffffffff * 2 == -2", "1 << 64 == 1", "1 << 63 < 0",
                     "-16 >> 2 == -4", "'A' == 65 && '\\n' == 10 && '\\x41' == 65 && '\\'' == 39",
                     "0b101 == 5 && 1_000 == 1000", "true && !false", "(2 < 1) + (2 > 1) == 1"] {
            #expect(try session.evaluate(text) == (true, []), "\(text)")
        }
        for text in ["1 == 2", "0", "2 < 1 || 3 <= 2", "!7"] {
            #expect(try session.evaluate(text) == (false, []), "\(text)")
        }
    }

    @Test func localsGlobalsAndCounters() throws {
        let session = try spin()
        session.must("stepi 11")
        // After one iteration: i = 1, acc = 0; the global $count is 7.
        for text in ["n == 1000 && $n == 1000 && local.0 == 1000", "i == 1 && $i == 1 && local.1 == 1", "acc == 0 && $acc == 0",
                     "count == 7 && $count == 7 && global.0 == 7", "fuel == 11", "hits == 7", "n * n * n == 1000000000",
                     "(n ^ 0xff) == 1000 ^ 255 && (n | 1) == 1001"] {
            #expect(try session.evaluate(text) == (true, []), "\(text)")
        }
    }

    @Test func memoryIsReadLittleEndian() throws {
        let session = try makeSession()
        session.must("break host record")
        session.must("c")
        session.must("stepi")
        // record wrote 10 as 8 little-endian bytes at 32; store wrote 5 at 20.
        for text in ["mem64[32] == 10", "mem8[32] == 10 && mem8[33] == 0", "mem32[20] == 5", "mem16[20] == 5", "mem32[30] == 10 << 16",
                     "mem8[65535] == 0", "mem64[65528] == 0"] {
            #expect(try session.evaluate(text) == (true, []), "\(text)")
        }
    }

    @Test func whatCannotBeEvaluatedIsFalseWithAReason() throws {
        let session = try spin()
        #expect(try session.evaluate("1 / (n - n) == 0") == (false, ["division by zero"]))
        #expect(try session.evaluate("n % (i * 2) == 0") == (false, ["division by zero"]))
        // Either side of || or && that fails is false; the other side still decides.
        #expect(try session.evaluate("1 / (n - n) == 0 || n == 1000") == (true, ["division by zero"]))
        #expect(try session.evaluate("mem32[65533] == 0") == (false, ["mem32[0xfffd] is outside memory (65536 bytes)"]))
        #expect(try session.evaluate("mem8[n - 1001] == 0") == (false, ["mem8[-1] is outside memory (65536 bytes)"]))
    }

    @Test func refusedWhenSetWithTheColumn() throws {
        let session = try spin()
        let cases: [(String, String)] = [
            ("nosuch > 1", "condition: column 1: no symbol \"nosuch\" in scope at spin+0x5 (offset 0xb2)"),
            ("$nosuch == 1", "condition: column 1: no wasm local or global named $nosuch at spin+0x5 (offset 0xb2)"),
            ("local.3 == 0", "condition: column 1: no local.3 in spin (it has local.0...local.2)"),
            ("global.1 == 0", "condition: column 1: no global.1 (the module has global.0)"),
            ("stack[0] == 0", "condition: column 1: stack[0]: the operand stack is empty at spin+0x5 (offset 0xb2)"),
            ("n / 0 == 1", "condition: column 3: division by zero"),
            ("n % (1 - 1) == 1", "condition: column 3: division by zero"),
            ("\"a\" == \"b\"", "condition: column 1: compare a string with a host argument or a source variable, not with another string"),
            ("n == \"GOLD\"", "condition: column 1: a number compares with a number, not with a string"),
            ("\"GOLD\" < n", "condition: column 8: a string compares only with == or !="),
            ("\"GOLD\" + 1 == 2", "condition: column 1: a string compares only with == or != (with a host argument or a source variable)"),
            ("n.x == 1", "condition: column 2: '.' needs source variables: the module has no debug info (build it with -g)"),
            ("*n == 1", "condition: column 1: unary '*' needs source variables: the module has no debug info (build it with -g)"),
            ("mem32[4294967296] == 0", "condition: column 7: mem32[4294967296]: the address must be 0...4294967295"),
            ("mem8[-1] == 0", "condition: column 6: mem8[-1]: the address must be 0...4294967295"),
        ]
        for (text, message) in cases { #expect(session.refusal(text) == message, "\(text)") }
    }

    @Test func integersParseInDecimalAndHex() {
        #expect(parseInteger("42") == 42)
        #expect(parseInteger("-7") == -7)
        #expect(parseInteger("0x2a") == 42)
        #expect(parseInteger("18446744073709551615") == -1)
        #expect(parseInteger("4x") == nil)
    }
}
