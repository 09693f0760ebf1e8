@testable import DebuggerCore
import Testing

/// The condition language on its own (no interpreter needed).
struct ConditionTests {
    func holds(_ text: String, _ values: [Condition.Operand: Int64] = [:]) throws -> Bool {
        try Condition.parse(text).evaluate { operand in
            if case .literal(let n) = operand { return n }
            return values[operand]
        }
    }

    @Test func comparisonsAndOperands() throws {
        #expect(try holds("local.2 > 100", [.local(2): 101]))
        #expect(!(try holds("local.2 > 100", [.local(2): 100])))
        #expect(try holds("stack[0] == 0", [.stack(0): 0]))
        #expect(try holds("global.1 != -1", [.global(1): 5]))
        #expect(try holds("fuel >= 0x10", [.fuel: 16]))
        #expect(try holds("amount <= 10", [.argument("amount"): 10]))
        #expect(try holds("local.0", [.local(0): 3]))
    }

    @Test func andBindsTighterThanOr() throws {
        #expect(try holds("1 == 2 && 1 == 1 || 2 == 2"))
        #expect(!(try holds("1 == 2 && (1 == 1 || 2 == 2)")))
        #expect(try holds("(1 < 2)"))
    }

    @Test func missingOperandsMakeItFalse() throws {
        #expect(!(try holds("stack[3] == 0")))
        #expect(try holds("stack[3] == 0 || 1 == 1"))
    }

    @Test func badConditionsAreRefused() {
        for bad in ["", "local.x > 1", "1 >", "stack[ > 1", "(1 == 1", "1 == 1 )", "a ? b", "local.1 >> 2"] {
            #expect(throws: CommandError.self, "\(bad)") { try Condition.parse(bad) }
        }
    }

    @Test func integersParseInDecimalAndHex() {
        #expect(parseInteger("42") == 42)
        #expect(parseInteger("-7") == -7)
        #expect(parseInteger("0x2a") == 42)
        #expect(parseInteger("18446744073709551615") == -1)
        #expect(parseInteger("4x") == nil)
    }
}
