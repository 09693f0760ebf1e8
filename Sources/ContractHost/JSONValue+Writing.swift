extension JSONValue {
    /// Compact text: no spaces, members in their stored order. Non-ASCII stays raw UTF-8.
    public var compactText: String {
        var out = ""
        write(to: &out, indent: nil, level: 0)
        return out
    }

    /// Indented with two spaces per level; an array or object whose one-line form is short
    /// (at most 100 characters, no arrays of containers inside) stays on one line, so results
    /// read like the documentation.
    public var prettyText: String {
        var out = ""
        write(to: &out, indent: "  ", level: 0)
        return out
    }

    /// Canonical JSON (HOST-ABI.md params): object keys sorted by their UTF-8 bytes, no spaces.
    public var canonical: JSONValue {
        switch self {
        case .array(let items): .array(items.map(\.canonical))
        case .object(let members):
            .object(members.map { ($0.key, $0.value.canonical) }.sorted { Array($0.0.utf8).lexicographicallyPrecedes(Array($1.0.utf8)) })
        default: self
        }
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }

    /// Whether the pretty form keeps this container on one line.
    private var fitsOnOneLine: Bool {
        func simple(_ v: JSONValue) -> Bool {
            switch v {
            case .array(let items): items.allSatisfy(\.isScalar)
            case .object(let members): members.allSatisfy { simple($0.value) }
            default: true
            }
        }
        guard simple(self) else { return false }
        var line = ""
        write(to: &line, indent: "", level: 0, forceInline: true)
        return line.count <= 100
    }

    private func write(to out: inout String, indent: String?, level: Int, forceInline: Bool = false) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += n
        case .string(let s): JSONValue.writeString(s, to: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            let inline = indent == nil || forceInline || fitsOnOneLine
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += inline && indent != nil ? ", " : "," }
                if !inline, let indent { out += "\n" + String(repeating: indent, count: level + 1) }
                item.write(to: &out, indent: indent, level: level + 1, forceInline: forceInline)
            }
            if !inline, let indent { out += "\n" + String(repeating: indent, count: level) }
            out += "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            let inline = indent == nil || forceInline || fitsOnOneLine
            let sep = indent == nil ? ":" : ": "
            out += inline && indent != nil ? "{ " : "{"
            for (i, m) in members.enumerated() {
                if i > 0 { out += inline && indent != nil ? ", " : "," }
                if !inline, let indent { out += "\n" + String(repeating: indent, count: level + 1) }
                JSONValue.writeString(m.key, to: &out)
                out += sep
                m.value.write(to: &out, indent: indent, level: level + 1, forceInline: forceInline)
            }
            if !inline, let indent { out += "\n" + String(repeating: indent, count: level) }
            out += inline && indent != nil ? " }" : "}"
        }
    }

    static func writeString(_ s: String, to out: inout String) {
        out += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if u.value < 0x20 || u.value == 0x7F {
                    let h = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - h.count) + h
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        out += "\""
    }
}
