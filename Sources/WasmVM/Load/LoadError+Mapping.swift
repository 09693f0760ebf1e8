import WasmParser
import WAT

extension LoadError {
    /// WasmParser keeps its error's offset package-private, so it is recovered from
    /// the description ("... at offset 0x1f"); `fallback` is used when none is given
    /// (LEB errors) and is the start of the construct being decoded.
    init(_ error: WasmParserError, fallback: Int) {
        var text = error.description
        var offset = fallback
        if let range = text.ranges(of: " at offset 0x").last {
            let digits = text[range.upperBound...].prefix { $0.isHexDigit }
            if let value = Int(digits, radix: 16) { offset = value }
            text.removeSubrange(range.lowerBound..<text.index(range.upperBound, offsetBy: digits.count))
        }
        if text.hasPrefix("\""), text.hasSuffix("\""), text.count >= 2 { text = String(text.dropFirst().dropLast()) }
        if text.hasPrefix("Message(text: \""), text.hasSuffix("\")") { text = String(text.dropFirst(15).dropLast(2)) }
        switch text {
        case "overflow": text = "integer too large"
        case "integerRepresentationTooLong": text = "integer representation too long"
        case "insufficientBytes": text = "unexpected end"
        default: break
        }
        text = text.trimmed(of: [" ", "."])
        // WasmParser capitalizes some messages; ours are lower case throughout.
        if let first = text.first, first.isUppercase, text.dropFirst().first?.isLowercase == true {
            text = first.lowercased() + text.dropFirst()
        }
        self.init(.malformed, text, offset: offset)
    }

    /// A WAT syntax error: the message carries `line:column` (1-based) and no byte offset.
    init(_ error: WatParserError) {
        var text = error.description
        guard let location = error.location else {
            self.init(.malformed, "text: \(text)")
            return
        }
        if let range = text.ranges(of: " at Location").last { text = String(text[..<range.lowerBound]) }
        let (line, column) = location.computeLineAndColumn()
        self.init(.malformed, "\(line):\(column + 1): \(text)")
    }
}

extension String {
    fileprivate func trimmed(of set: Set<Character>) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
