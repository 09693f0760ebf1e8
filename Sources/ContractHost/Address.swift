/// A WES address: exactly 42 ASCII bytes, `0x` and 40 lowercase hex digits.
public struct Address: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let text: String

    public init?(_ text: String) {
        guard Address.isValid(Array(text.utf8)) else { return nil }
        self.text = text
    }

    /// From the 42 bytes a contract passed.
    public init?(bytes: [UInt8]) {
        guard Address.isValid(bytes) else { return nil }
        text = String(decoding: bytes, as: UTF8.self)
    }

    public var bytes: [UInt8] { Array(text.utf8) }
    public var description: String { text }
    public static func < (l: Address, r: Address) -> Bool { l.text < r.text }

    public static let byteCount = 42

    static func isValid(_ b: [UInt8]) -> Bool {
        guard b.count == 42, b[0] == UInt8(ascii: "0"), b[1] == UInt8(ascii: "x") else { return false }
        return b[2...].allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }
    }
}
