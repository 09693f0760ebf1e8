/// A breakpoint condition: integer comparisons over `local.N`, `global.N`,
/// `stack[K]` (0 = top), `fuel` (used), host-call argument names and literals,
/// joined with `&&` and `||` (`&&` binds tighter), parentheses allowed.
/// i32/i64 values compare as signed integers; a bare operand is true when non-zero.
/// An operand that does not exist at the stop (no such local, stack too shallow,
/// not a host call) makes the condition false.
indirect enum Condition: Equatable, Sendable {
    case or(Condition, Condition)
    case and(Condition, Condition)
    case compare(Operand, Comparison, Operand)
    case nonZero(Operand)

    enum Operand: Hashable, Sendable {
        case literal(Int64)
        case local(Int)
        case global(Int)
        case stack(Int)
        case fuel
        case argument(String)
    }

    enum Comparison: String, Sendable, CaseIterable {
        case equal = "==", notEqual = "!=", lessOrEqual = "<=", greaterOrEqual = ">=", less = "<", greater = ">"
    }

    /// Evaluates with `value` resolving operands (nil: not available here).
    func evaluate(_ value: (Operand) -> Int64?) -> Bool {
        switch self {
        case .or(let l, let r): return l.evaluate(value) || r.evaluate(value)
        case .and(let l, let r): return l.evaluate(value) && r.evaluate(value)
        case .nonZero(let o): return value(o).map { $0 != 0 } ?? false
        case .compare(let l, let op, let r):
            guard let a = value(l), let b = value(r) else { return false }
            switch op {
            case .equal: return a == b
            case .notEqual: return a != b
            case .less: return a < b
            case .lessOrEqual: return a <= b
            case .greater: return a > b
            case .greaterOrEqual: return a >= b
            }
        }
    }

    /// Argument names the condition uses (checked against a host breakpoint's import).
    var argumentNames: [String] {
        func names(_ o: Operand) -> [String] { if case .argument(let n) = o { [n] } else { [] } }
        switch self {
        case .or(let l, let r), .and(let l, let r): return l.argumentNames + r.argumentNames
        case .compare(let l, _, let r): return names(l) + names(r)
        case .nonZero(let o): return names(o)
        }
    }
}

extension Condition {
    /// Parses `local.2 > 100 && stack[0] == 0`; throws a one-line message.
    static func parse(_ text: String) throws(CommandError) -> Condition {
        var parser = ConditionParser(tokens: try ConditionParser.tokenize(text))
        let condition = try parser.parseOr()
        if let extra = parser.peek { throw CommandError("unexpected '\(extra)' in condition") }
        return condition
    }
}

private struct ConditionParser {
    var tokens: [String]
    var index = 0

    var peek: String? { index < tokens.count ? tokens[index] : nil }
    mutating func next() -> String? { defer { index += 1 }; return peek }

    static func tokenize(_ text: String) throws(CommandError) -> [String] {
        var tokens: [String] = []
        var chars = Array(text)[...]
        while let c = chars.first {
            if c == " " || c == "\t" { chars.removeFirst(); continue }
            let two = String(chars.prefix(2))
            if ["&&", "||", "==", "!=", "<=", ">="].contains(two) { tokens.append(two); chars.removeFirst(2); continue }
            if "<>()".contains(c) { tokens.append(String(c)); chars.removeFirst(); continue }
            if c.isLetter || c.isNumber || c == "_" || c == "-" || c == "." || c == "[" || c == "]" || c == "$" {
                var word = ""
                while let d = chars.first, d.isLetter || d.isNumber || d == "_" || d == "." || d == "[" || d == "]" || d == "$"
                        || (d == "-" && word.isEmpty) {
                    word.append(d); chars.removeFirst()
                }
                tokens.append(word); continue
            }
            throw CommandError("unexpected '\(c)' in condition")
        }
        if tokens.isEmpty { throw CommandError("empty condition") }
        return tokens
    }

    mutating func parseOr() throws(CommandError) -> Condition {
        var left = try parseAnd()
        while peek == "||" { _ = next(); left = .or(left, try parseAnd()) }
        return left
    }

    mutating func parseAnd() throws(CommandError) -> Condition {
        var left = try parseComparison()
        while peek == "&&" { _ = next(); left = .and(left, try parseComparison()) }
        return left
    }

    mutating func parseComparison() throws(CommandError) -> Condition {
        if peek == "(" {
            _ = next()
            let inner = try parseOr()
            guard next() == ")" else { throw CommandError("missing ')' in condition") }
            return inner
        }
        let left = try parseOperand()
        if let token = peek, let op = Condition.Comparison(rawValue: token) {
            _ = next()
            return .compare(left, op, try parseOperand())
        }
        return .nonZero(left)
    }

    mutating func parseOperand() throws(CommandError) -> Condition.Operand {
        guard let token = next() else { throw CommandError("condition ends too early") }
        if let n = parseInteger(token) { return .literal(n) }
        if token == "fuel" { return .fuel }
        if token.hasPrefix("local."), let n = Int(token.dropFirst(6)), n >= 0 { return .local(n) }
        if token.hasPrefix("global."), let n = Int(token.dropFirst(7)), n >= 0 { return .global(n) }
        if token.hasPrefix("stack["), token.hasSuffix("]"), let n = Int(token.dropFirst(6).dropLast()), n >= 0 { return .stack(n) }
        if let first = token.first, first.isLetter || first == "_", token.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) {
            return .argument(token)
        }
        throw CommandError("'\(token)' is not a condition operand (local.N, global.N, stack[K], fuel, an argument name or an integer)")
    }
}

/// Decimal or `0x` hex, optionally negative; values up to 2^64-1 wrap to their signed form.
func parseInteger(_ text: String) -> Int64? {
    var body = Substring(text)
    let negative = body.hasPrefix("-")
    if negative { body = body.dropFirst() }
    let magnitude: UInt64?
    if body.hasPrefix("0x") || body.hasPrefix("0X") { magnitude = UInt64(body.dropFirst(2), radix: 16) }
    else { magnitude = UInt64(body) }
    guard let magnitude else { return nil }
    return negative ? 0 &- Int64(bitPattern: magnitude) : Int64(bitPattern: magnitude)
}

/// A bad command: one line, the session is left unchanged.
struct CommandError: Error, Sendable {
    var message: String
    init(_ message: String) { self.message = message }
}
