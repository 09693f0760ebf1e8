/// A C/Rust expression for `print` and `ptype`: names, literals, `*e`, `&e`, `-e`, `e.f`, `e->f`,
/// `e[i]`, parentheses, and `+`/`-` between integers (or a pointer and an integer).
indirect enum SourceExpression: Equatable {
    case name(String)
    case number(UInt64)
    case dereference(SourceExpression)
    case addressOf(SourceExpression)
    case negate(SourceExpression)
    case member(SourceExpression, String)
    case arrow(SourceExpression, String)
    case index(SourceExpression, SourceExpression)
    case add(SourceExpression, SourceExpression)
    case subtract(SourceExpression, SourceExpression)

    /// Parses the whole text; errors say where, as gdb does.
    static func parse(_ text: String) throws(DebugInfoError) -> SourceExpression {
        var p = Parser(chars: Array(text))
        let e = try p.sum(depth: 0)
        p.skipSpace()
        guard p.at == p.chars.count else { throw p.syntaxError() }
        return e
    }

    private struct Parser {
        let chars: [Character]
        var at = 0

        mutating func skipSpace() { while at < chars.count && chars[at].isWhitespace { at += 1 } }

        func syntaxError() -> DebugInfoError {
            at >= chars.count ? DebugInfoError("a syntax error in expression, near `'")
                : DebugInfoError("a syntax error in expression, near `\(String(chars[at...]))'")
        }

        mutating func take(_ s: String) -> Bool {
            skipSpace()
            let c = Array(s)
            guard at + c.count <= chars.count, Array(chars[at..<at + c.count]) == c else { return false }
            at += c.count
            return true
        }

        mutating func sum(depth: Int) throws(DebugInfoError) -> SourceExpression {
            var e = try unary(depth: depth + 1)
            while true {
                skipSpace()
                if at + 1 < chars.count, chars[at] == "-", chars[at + 1] == ">" { return e }
                if take("+") { e = .add(e, try unary(depth: depth + 1)) }
                else if take("-") { e = .subtract(e, try unary(depth: depth + 1)) }
                else { return e }
            }
        }

        mutating func unary(depth: Int) throws(DebugInfoError) -> SourceExpression {
            guard depth < 64 else { throw DebugInfoError("expression nested too deeply") }
            if take("*") { return .dereference(try unary(depth: depth + 1)) }
            if take("&") { return .addressOf(try unary(depth: depth + 1)) }
            if take("-") { return .negate(try unary(depth: depth + 1)) }
            var e = try primary(depth: depth)
            while true {
                if take("->") { e = .arrow(e, try identifier()) }
                else if take(".") { e = .member(e, try identifier()) }
                else if take("[") {
                    let i = try sum(depth: depth + 1)
                    guard take("]") else { throw syntaxError() }
                    e = .index(e, i)
                } else { return e }
            }
        }

        mutating func primary(depth: Int) throws(DebugInfoError) -> SourceExpression {
            if take("(") {
                let e = try sum(depth: depth + 1)
                guard take(")") else { throw syntaxError() }
                return e
            }
            skipSpace()
            guard at < chars.count else { throw syntaxError() }
            if chars[at].isNumber { return .number(try number()) }
            return .name(try identifier())
        }

        mutating func identifier() throws(DebugInfoError) -> String {
            skipSpace()
            let from = at
            // Rust paths (a::b) are one name.
            while at < chars.count, chars[at].isLetter || chars[at].isNumber || chars[at] == "_" || chars[at] == "$"
                    || (chars[at] == ":" && at + 1 < chars.count && chars[at + 1] == ":") {
                at += chars[at] == ":" ? 2 : 1
            }
            guard at > from, !chars[from].isNumber else { throw syntaxError() }
            return String(chars[from..<at])
        }

        mutating func number() throws(DebugInfoError) -> UInt64 {
            let from = at
            while at < chars.count, chars[at].isLetter || chars[at].isNumber { at += 1 }
            var text = String(chars[from..<at]).lowercased()
            while let last = text.last, last == "u" || last == "l", !text.hasPrefix("0x") || text.count > 2 {
                if text.hasPrefix("0x"), last != "u", last != "l" { break }
                text.removeLast()
            }
            let value: UInt64?
            if text.hasPrefix("0x") { value = UInt64(text.dropFirst(2), radix: 16) }
            else if text.count > 1, text.hasPrefix("0") { value = UInt64(text.dropFirst(), radix: 8) }
            else { value = UInt64(text) }
            guard let value else { throw DebugInfoError("invalid number \"\(String(chars[from..<at]))\"") }
            return value
        }
    }
}
