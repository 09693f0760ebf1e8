/// A breakpoint condition as written: C's operators and precedence over 64-bit integers.
///
///     condition := expr
///     expr      := C binary operators  || && | ^ & == != < <= > >= << >> + - * / %
///     unary     := ! ~ - + * &  unary | postfix
///     postfix   := primary ( [expr] | .NAME | ->NAME )*
///     primary   := INTEGER | FLOAT | 'c' | "text" | ( expr ) | NAME | $NAME | local.N | global.N
///                | local[N] | global[N] | stack[K] | mem8[A] | mem16[A] | mem32[A] | mem64[A] | fuel | hits | true | false
///
/// A v128 lane is a postfix on a wasm value: `stack[0].i32x4[2]`, `local.1.f32x4[0]`
/// (ConditionCompiler+Lanes.swift); FLOAT (`1.5`, `2.5e3`) only compares with float lanes.
///
/// Parsing is independent of where the breakpoint is; `ConditionCompiler` resolves names
/// and types for its locations. Columns are 1-based in the condition's text.
struct ConditionNode: Equatable, Sendable {
    indirect enum Kind: Equatable, Sendable {
        case integer(Int64)
        /// `1.5`: compares with a float lane.
        case float(Double)
        case string([UInt8])
        /// A bare name: host argument, source variable, wasm local or global name (in that order).
        case name(String)
        /// `$name`: a wasm local or global from the name section or a `.wat`.
        case wasmName(String)
        case local(Int)
        case global(Int)
        case stack(Int)
        case memory(bytes: Int, address: ConditionNode)
        case fuel
        case hits
        case unary(UnaryOperator, ConditionNode)
        case binary(BinaryOperator, ConditionNode, ConditionNode)
        case member(ConditionNode, String)
        case arrow(ConditionNode, String)
        case index(ConditionNode, ConditionNode)
        case dereference(ConditionNode)
        case addressOf(ConditionNode)
    }

    var kind: Kind
    var column: Int
    /// Levels of operands below and including this one (compiling recurses that deep).
    var depth: Int

    init(_ kind: Kind, _ column: Int) {
        self.kind = kind
        self.column = column
        switch kind {
        case .integer, .float, .string, .name, .wasmName, .local, .global, .stack, .fuel, .hits: depth = 1
        case .memory(_, let e), .unary(_, let e), .member(let e, _), .arrow(let e, _), .dereference(let e), .addressOf(let e): depth = e.depth + 1
        case .binary(_, let l, let r), .index(let l, let r): depth = max(l.depth, r.depth) + 1
        }
    }

    /// At most this many levels of operators and operands (`a || b || …` counts one per operator).
    static let depthLimit = 40

    /// Whether anything in it depends on the code location (names other than `fixed` ones,
    /// the operand stack, source values).
    func needsLocation(fixed: Set<String>) -> Bool {
        switch kind {
        case .integer, .float, .string, .local, .global, .fuel, .hits: false
        case .name(let n): !fixed.contains(n)
        case .wasmName, .stack, .member, .arrow, .index, .dereference, .addressOf: true
        case .memory(_, let e), .unary(_, let e): e.needsLocation(fixed: fixed)
        case .binary(_, let l, let r): l.needsLocation(fixed: fixed) || r.needsLocation(fixed: fixed)
        }
    }

    var usesHits: Bool {
        switch kind {
        case .hits: true
        case .integer, .float, .string, .local, .global, .fuel, .name, .wasmName, .stack: false
        case .memory(_, let e), .unary(_, let e), .member(let e, _), .arrow(let e, _), .dereference(let e), .addressOf(let e): e.usesHits
        case .binary(_, let l, let r), .index(let l, let r): l.usesHits || r.usesHits
        }
    }

    /// Bare names, in order, with their columns.
    var names: [(name: String, column: Int)] {
        switch kind {
        case .name(let n): [(n, column)]
        case .integer, .float, .string, .local, .global, .fuel, .hits, .wasmName, .stack: []
        case .memory(_, let e), .unary(_, let e), .member(let e, _), .arrow(let e, _), .dereference(let e), .addressOf(let e): e.names
        case .binary(_, let l, let r), .index(let l, let r): l.names + r.names
        }
    }
}

enum UnaryOperator: String, Sendable { case not = "!", complement = "~", negate = "-", plus = "+" }

enum BinaryOperator: String, Sendable, CaseIterable {
    case or = "||", and = "&&", bitOr = "|", bitXor = "^", bitAnd = "&"
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case shiftLeft = "<<", shiftRight = ">>", add = "+", subtract = "-", multiply = "*", divide = "/", remainder = "%"

    /// C's precedence: higher binds tighter.
    var precedence: Int {
        switch self {
        case .or: 1
        case .and: 2
        case .bitOr: 3
        case .bitXor: 4
        case .bitAnd: 5
        case .equal, .notEqual: 6
        case .less, .lessOrEqual, .greater, .greaterOrEqual: 7
        case .shiftLeft, .shiftRight: 8
        case .add, .subtract: 9
        case .multiply, .divide, .remainder: 10
        }
    }

    var isComparison: Bool { precedence == 6 || precedence == 7 }
}

/// A condition error: one line, with the 1-based column in the condition's text.
func conditionError(_ column: Int, _ message: String) -> CommandError {
    CommandError("condition: column \(column): \(message)")
}

extension ConditionNode {
    /// Ranges a user may type: stack depth, local index (wasm's limit is 50000 locals).
    static let stackLimit = 1_000_000
    static let localLimit = 50_000

    /// Parses a whole condition; a syntax error names its column.
    static func parse(_ text: String) throws(CommandError) -> ConditionNode {
        var parser = ConditionParser(tokens: try ConditionLexer.tokens(of: text), end: text.count + 1)
        guard parser.peek != nil else { throw CommandError("condition: empty expression") }
        let node = try parser.expression(minimum: 1, depth: 0)
        if let extra = parser.peek { throw conditionError(extra.column, "unexpected '\(extra.text)'") }
        if node.depth > depthLimit { throw CommandError("condition: more than \(depthLimit) levels of operators (split it, or use fewer terms)") }
        return node
    }
}

struct ConditionToken: Equatable {
    enum Kind: Equatable { case number(UInt64), float(Double), string([UInt8]), name, wasmName, symbol }
    var kind: Kind
    var text: String
    var column: Int
}

enum ConditionLexer {
    static let symbols = ["||", "&&", "==", "!=", "<=", ">=", "<<", ">>", "->",
                          "|", "&", "^", "<", ">", "+", "-", "*", "/", "%", "!", "~", "(", ")", "[", "]", "."]

    static func tokens(of text: String) throws(CommandError) -> [ConditionToken] {
        let chars = Array(text)
        var tokens: [ConditionToken] = []
        var i = 0
        func isNameStart(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c == "_") }
        func isNamePart(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber || c == "_") }
        while i < chars.count {
            let c = chars[i]
            let column = i + 1
            if c == " " || c == "\t" { i += 1; continue }
            if c.isASCII && c.isNumber {
                var j = i
                while j < chars.count, chars[j].isASCII, chars[j].isLetter || chars[j].isNumber || chars[j] == "_" { j += 1 }
                // `1.5`, `2.5e-3`: decimal digits, a point and a digit make a float literal.
                if chars[i..<j].allSatisfy(\.isNumber), j + 1 < chars.count, chars[j] == ".", chars[j + 1].isASCII, chars[j + 1].isNumber {
                    var k = j + 1
                    while k < chars.count, chars[k].isASCII, chars[k].isNumber { k += 1 }
                    if k + 1 < chars.count, chars[k] == "e" || chars[k] == "E" {
                        var e = k + 1
                        if chars[e] == "+" || chars[e] == "-" { e += 1 }
                        if e < chars.count, chars[e].isASCII, chars[e].isNumber {
                            while e < chars.count, chars[e].isASCII, chars[e].isNumber { e += 1 }
                            k = e
                        }
                    }
                    let word = String(chars[i..<k])
                    guard let d = Double(word), d.isFinite else { throw conditionError(column, "'\(word)' is not a finite float") }
                    tokens.append(ConditionToken(kind: .float(d), text: word, column: column))
                    i = k
                    continue
                }
                let word = String(chars[i..<j])
                let body = word.replacingOccurrences(of: "_", with: "")
                let value: UInt64? = body.lowercased().hasPrefix("0x") ? UInt64(body.dropFirst(2), radix: 16)
                    : body.lowercased().hasPrefix("0b") ? UInt64(body.dropFirst(2), radix: 2) : UInt64(body)
                guard let value else {
                    let digits = body.lowercased().hasPrefix("0x") ? body.dropFirst(2).allSatisfy(\.isHexDigit) && body.count > 2
                        : body.allSatisfy(\.isNumber)
                    throw conditionError(column, digits ? "\(word) does not fit in 64 bits (at most 18446744073709551615)" : "'\(word)' is not a number")
                }
                tokens.append(ConditionToken(kind: .number(value), text: word, column: column))
                i = j
                continue
            }
            if c == "\"" || c == "'" {
                var bytes: [UInt8] = []
                var j = i + 1
                var closed = false
                while j < chars.count {
                    let d = chars[j]
                    if d == c { closed = true; j += 1; break }
                    if d == "\\" {
                        guard j + 1 < chars.count else { break }
                        let e = chars[j + 1]
                        switch e {
                        case "n": bytes.append(10)
                        case "t": bytes.append(9)
                        case "r": bytes.append(13)
                        case "0": bytes.append(0)
                        case "\\", "\"", "'": bytes += Array(String(e).utf8)
                        case "x":
                            let hex = String(chars[(j + 2)..<min(j + 4, chars.count)])
                            guard hex.count == 2, let b = UInt8(hex, radix: 16) else {
                                throw conditionError(j + 1, "\\x takes two hex digits")
                            }
                            bytes.append(b)
                            j += 2
                        default: throw conditionError(j + 1, "unknown escape '\\\(e)' (\\n \\t \\r \\0 \\\\ \\\" \\' \\xHH)")
                        }
                        j += 2
                        continue
                    }
                    bytes += Array(String(d).utf8)
                    j += 1
                }
                guard closed else { throw conditionError(column, "unterminated \(c == "\"" ? "string" : "character")") }
                if c == "'" {
                    guard bytes.count == 1 else { throw conditionError(column, "a character literal holds one byte ('a', '\\n', '\\x41')") }
                    tokens.append(ConditionToken(kind: .number(UInt64(bytes[0])), text: String(chars[i..<j]), column: column))
                } else {
                    tokens.append(ConditionToken(kind: .string(bytes), text: String(chars[i..<j]), column: column))
                }
                i = j
                continue
            }
            if c == "$" {
                var j = i + 1
                while j < chars.count, isNamePart(chars[j]) || chars[j] == "." { j += 1 }
                guard j > i + 1 else { throw conditionError(column, "'$' must start a name ($amount)") }
                tokens.append(ConditionToken(kind: .wasmName, text: String(chars[i + 1..<j]), column: column))
                i = j
                continue
            }
            if isNameStart(c) {
                var j = i
                // Rust paths (vault::MAX) are one name.
                while j < chars.count, isNamePart(chars[j]) || (chars[j] == ":" && j + 2 < chars.count && chars[j + 1] == ":" && isNameStart(chars[j + 2])) {
                    j += chars[j] == ":" ? 2 : 1
                }
                tokens.append(ConditionToken(kind: .name, text: String(chars[i..<j]), column: column))
                i = j
                continue
            }
            if let symbol = symbols.first(where: { s in i + s.count <= chars.count && String(chars[i..<i + s.count]) == s }) {
                tokens.append(ConditionToken(kind: .symbol, text: symbol, column: column))
                i += symbol.count
                continue
            }
            if c == "=" { throw conditionError(column, "'=' is assignment: compare with '=='") }
            throw conditionError(column, "unexpected '\(c)'")
        }
        return tokens
    }
}

private struct ConditionParser {
    var tokens: [ConditionToken]
    /// The column just past the text (where "expected an operand" points when it ends early).
    var end: Int
    var index = 0

    var peek: ConditionToken? { index < tokens.count ? tokens[index] : nil }
    var column: Int { peek?.column ?? end }

    mutating func next() -> ConditionToken? { defer { index += 1 }; return peek }

    func isSymbol(_ s: String) -> Bool { peek.map { $0.kind == .symbol && $0.text == s } ?? false }

    mutating func take(_ s: String) -> Bool {
        guard isSymbol(s) else { return false }
        index += 1
        return true
    }

    mutating func expect(_ s: String, _ what: String) throws(CommandError) {
        guard take(s) else { throw conditionError(column, peek.map { "expected \(what), not '\($0.text)'" } ?? "expected \(what)") }
    }

    /// Precedence climbing: operators at `minimum` precedence or tighter, all left-associative.
    mutating func expression(minimum: Int, depth: Int) throws(CommandError) -> ConditionNode {
        guard depth < 2 * ConditionNode.depthLimit else { throw conditionError(column, "expression nested too deeply") }
        var left = try unary(depth: depth + 1)
        while let token = peek, token.kind == .symbol, let op = BinaryOperator(rawValue: token.text), op.precedence >= minimum {
            index += 1
            let right = try expression(minimum: op.precedence + 1, depth: depth + 1)
            left = ConditionNode(.binary(op, left, right), token.column)
            if left.depth > ConditionNode.depthLimit {
                throw conditionError(token.column, "more than \(ConditionNode.depthLimit) levels of operators (split it, or use fewer terms)")
            }
        }
        return left
    }

    mutating func unary(depth: Int) throws(CommandError) -> ConditionNode {
        guard depth < 2 * ConditionNode.depthLimit else { throw conditionError(column, "expression nested too deeply") }
        let at = column
        if take("!") { return ConditionNode(.unary(.not, try unary(depth: depth + 1)), at) }
        if take("~") { return ConditionNode(.unary(.complement, try unary(depth: depth + 1)), at) }
        if take("-") {
            // -9223372036854775808 is a literal, not the negation of one that does not fit.
            if let t = peek, case .number(let n) = t.kind, n == 1 << 63 {
                index += 1
                return try postfix(ConditionNode(.integer(Int64.min), at), depth: depth)
            }
            return ConditionNode(.unary(.negate, try unary(depth: depth + 1)), at)
        }
        if take("+") { return ConditionNode(.unary(.plus, try unary(depth: depth + 1)), at) }
        if take("*") { return ConditionNode(.dereference(try unary(depth: depth + 1)), at) }
        if take("&") { return ConditionNode(.addressOf(try unary(depth: depth + 1)), at) }
        return try postfix(try primary(depth: depth), depth: depth)
    }

    mutating func postfix(_ base: ConditionNode, depth: Int) throws(CommandError) -> ConditionNode {
        var node = base
        while true {
            let at = column
            if take("[") {
                let index = try expression(minimum: 1, depth: depth + 1)
                try expect("]", "']'")
                node = ConditionNode(.index(node, index), at)
            } else if take(".") {
                node = ConditionNode(.member(node, try memberName()), at)
            } else if take("->") {
                node = ConditionNode(.arrow(node, try memberName()), at)
            } else {
                return node
            }
        }
    }

    mutating func memberName() throws(CommandError) -> String {
        guard let t = peek, t.kind == .name else { throw conditionError(column, "expected a member name") }
        index += 1
        return t.text
    }

    mutating func primary(depth: Int) throws(CommandError) -> ConditionNode {
        guard let token = peek else { throw conditionError(end, "expected an operand") }
        let at = token.column
        switch token.kind {
        case .number(let n):
            index += 1
            return ConditionNode(.integer(Int64(bitPattern: n)), at)
        case .float(let d):
            index += 1
            return ConditionNode(.float(d), at)
        case .string(let bytes):
            index += 1
            return ConditionNode(.string(bytes), at)
        case .wasmName:
            index += 1
            return ConditionNode(.wasmName(token.text), at)
        case .symbol:
            if take("(") {
                let inner = try expression(minimum: 1, depth: depth + 1)
                try expect(")", "')'")
                return inner
            }
            throw conditionError(at, "expected an operand, not '\(token.text)'")
        case .name:
            index += 1
            switch token.text {
            case "fuel": return ConditionNode(.fuel, at)
            case "hits": return ConditionNode(.hits, at)
            case "true": return ConditionNode(.integer(1), at)
            case "false": return ConditionNode(.integer(0), at)
            case "local", "global":
                // `local.N` or `local[N]` (the stack's bracket form).
                guard isSymbol(".") || isSymbol("["), index + 1 < tokens.count, case .number(let n) = tokens[index + 1].kind else { break }
                let bracket = isSymbol("[")
                index += 2
                if bracket { try expect("]", "']'") }
                let limit = token.text == "local" ? ConditionNode.localLimit : Int(UInt32.max)
                guard n < UInt64(limit) else { throw conditionError(at, "\(token.text).\(n): the index must be 0...\(limit - 1)") }
                return ConditionNode(token.text == "local" ? .local(Int(n)) : .global(Int(n)), at)
            case "stack":
                guard take("[") else { break }
                let kColumn = column
                guard let t = next(), case .number(let k) = t.kind else { throw conditionError(kColumn, "stack[K] takes a number K (0 = top)") }
                guard k < UInt64(ConditionNode.stackLimit) else { throw conditionError(t.column, "stack[\(k)]: K must be 0...\(ConditionNode.stackLimit - 1)") }
                try expect("]", "']'")
                return ConditionNode(.stack(Int(k)), at)
            case "mem8", "mem16", "mem32", "mem64":
                guard take("[") else { break }
                let address = try expression(minimum: 1, depth: depth + 1)
                try expect("]", "']'")
                return ConditionNode(.memory(bytes: Int(token.text.dropFirst(3))! / 8, address: address), at)
            default: break
            }
            return ConditionNode(.name(token.text), at)
        }
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
