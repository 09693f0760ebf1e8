/// Numbers typed in commands. Each is range-checked where it is read, with a
/// one-line error naming the accepted range, so nothing downstream can overflow.
enum UserNumber {
    /// Decimal or `0x` hex, no sign; nil if it is not a number or exceeds 2^64-1.
    static func unsigned(_ text: String) -> UInt64? {
        if text.hasPrefix("0x") || text.hasPrefix("0X") { return UInt64(text.dropFirst(2), radix: 16) }
        guard text.first?.isNumber == true else { return nil }
        return UInt64(text)
    }

    /// `text` in `range`, else `WHAT must be LO...HI (NOTE), not 'TEXT'`.
    static func parse(_ text: String, _ what: String, in range: ClosedRange<UInt64>, hex: Bool = false,
                      note: String? = nil) throws(CommandError) -> UInt64 {
        guard let n = unsigned(text), range.contains(n) else {
            throw CommandError("\(what) must be \(describe(range, hex: hex))\(note.map { " (\($0))" } ?? ""), not '\(text)'")
        }
        return n
    }

    static func describe(_ range: ClosedRange<UInt64>, hex: Bool) -> String {
        func show(_ n: UInt64) -> String { hex ? "0x" + String(n, radix: 16) : String(n) }
        return "\(show(range.lowerBound))...\(show(range.upperBound))"
    }

    /// `a + b`, or 2^64-1 if that overflows (step targets: the call ends long before).
    static func saturatingSum(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? .max : sum
    }
}
