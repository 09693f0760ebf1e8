/// Hex and byte-string helpers shared by snapshots, the draft and results.
enum Hex {
    static func encode(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Lower- or upper-case hex, even length, no `0x`.
    static func decode(_ text: String) -> [UInt8]? {
        let u = Array(text.utf8)
        guard u.count % 2 == 0 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(u.count / 2)
        var i = 0
        while i < u.count {
            guard let h = nibble(u[i]), let l = nibble(u[i + 1]) else { return nil }
            out.append(h << 4 | l)
            i += 2
        }
        return out
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30 ... 0x39: c - 0x30
        case 0x61 ... 0x66: c - 0x61 + 10
        case 0x41 ... 0x46: c - 0x41 + 10
        default: nil
        }
    }
}

extension JSONValue {
    /// A byte string as results write it: `{ "hex": "…" }` plus `"text"` when valid UTF-8.
    public static func byteString(_ bytes: [UInt8]) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [("hex", .string(Hex.encode(bytes)))]
        if let text = String(validating: bytes, as: UTF8.self) { members.append(("text", .string(text))) }
        return .object(members)
    }

    /// A key, name or id: a plain string when UTF-8, else `{ "hex": "…" }`.
    static func textOrHex(_ bytes: [UInt8]) -> JSONValue {
        if let text = String(validating: bytes, as: UTF8.self) { return .string(text) }
        return .object([("hex", .string(Hex.encode(bytes)))])
    }
}

/// Display text for logs and human output: UTF-8 text quoted (JSON escapes), else `0x…` hex;
/// past `limit` characters (text) or bytes (hex), `…` and `PayloadPreview.tail`. Only the
/// first `4 * limit` bytes are looked at, so the cost does not grow with the payload (but
/// for hashing it when `digest` is not given).
func displayBytes(_ bytes: [UInt8], limit: Int = PayloadPreview.limit, digest: UInt64? = nil) -> String {
    let head = PayloadPreview.head(bytes, count: 4 * limit)
    let controls = head.count { $0 < 0x20 && $0 != 0x0A && $0 != 0x09 || $0 == 0x7F }
    var out: String
    let shownBytes: Int
    if controls * 4 <= head.count, let s = String(validating: head, as: UTF8.self) {
        let shown = String(s.prefix(limit))
        shownBytes = shown.utf8.count
        out = ""
        JSONValue.writeString(shown, to: &out)
    } else {
        shownBytes = Swift.min(limit, bytes.count)
        out = "0x" + Hex.encode(bytes.prefix(limit))
    }
    if shownBytes < bytes.count {
        out += "…" + PayloadPreview.tail(count: bytes.count, digest: digest ?? PayloadPreview.digest(bytes))
    }
    return out
}
