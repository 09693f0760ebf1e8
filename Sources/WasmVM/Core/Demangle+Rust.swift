extension Demangle {
    /// Rust's legacy mangling: an Itanium-style nested name `_ZN` {len ident} `E` with
    /// nothing after it but a `.` suffix, its last part the hash `h` + 16 hex digits
    /// (dropped); identifiers escape punctuation as `$LT$`, `$u20$`…, and `..` is `::`.
    /// A C++ nested data name (`_ZN3foo3barE`) reads the same either way.
    static func rustLegacy(_ bytes: [UInt8]) -> String? {
        guard let body = stripPrefix(bytes[...], ["_ZN", "__ZN", "ZN"]) else { return nil }
        var cursor = ManglingCursor(body)
        var parts: [ArraySlice<UInt8>] = []
        while !cursor.eat("E") {
            guard let length = try? cursor.decimal(), length > 0, let part = try? cursor.take(length) else { return nil }
            parts.append(part)
        }
        let suffix = cursor.bytes[cursor.pos...]
        guard !parts.isEmpty, suffix.isEmpty || suffix.first == UInt8(ascii: ".") else { return nil }
        if parts.count > 1, let last = parts.last, isRustHash(last) { parts.removeLast() }
        var names: [String] = []
        for part in parts {
            guard let name = legacyIdentifier(part) else { return nil }
            names.append(name)
        }
        return names.joined(separator: "::") + rustSuffix(suffix)
    }

    static func isRustHash(_ part: ArraySlice<UInt8>) -> Bool {
        part.count == 17 && part.first == UInt8(ascii: "h") && part.dropFirst().allSatisfy(isHexDigit)
    }

    static let legacyEscapes: [String: String] = [
        "SP": "@", "BP": "*", "RF": "&", "LT": "<", "GT": ">", "LP": "(", "RP": ")", "C": ",",
    ]

    static func legacyIdentifier(_ part: ArraySlice<UInt8>) -> String? {
        var rest = part
        // rustc prefixes an identifier that would start with `$` by `_`.
        if rest.starts(with: "_$".utf8) { rest = rest.dropFirst() }
        var text = ""
        while let c = rest.first {
            if c == UInt8(ascii: "$") {
                guard let end = rest.dropFirst().firstIndex(of: UInt8(ascii: "$")) else { return nil }
                let code = String(decoding: rest[(rest.startIndex + 1) ..< end], as: UTF8.self)
                if let plain = legacyEscapes[code] {
                    text += plain
                } else if code.hasPrefix("u"), code.count >= 2, code.count <= 7,
                          let value = UInt32(code.dropFirst(), radix: 16), let scalar = Unicode.Scalar(value) {
                    text.unicodeScalars.append(scalar)
                } else {
                    return nil
                }
                rest = rest[(end + 1)...]
            } else if c == UInt8(ascii: "."), rest.dropFirst().first == UInt8(ascii: ".") {
                text += "::"
                rest = rest.dropFirst(2)
            } else {
                text.unicodeScalars.append(Unicode.Scalar(c))
                rest = rest.dropFirst()
            }
        }
        return text
    }
}
