import WAT

/// WAT parses `(v128.const f32x4 nan:canonical 1 nan:arithmetic 1)` into one "some NaN" mask;
/// the script's text says which kind each lane wants, so the runner reads it back from there.
enum WastNaNLanes {
    /// Whether `expected` holds a float lane pattern with a NaN lane (only then is the text read).
    static func wantsNaNLanes(_ expected: [WASTExpectValue]) -> Bool {
        expected.contains { value in
            switch value {
            case .v128Pattern(let e): e.nanLaneMask != 0
            case .either(let values): wantsNaNLanes(values)
            default: false
            }
        }
    }

    /// For each `(v128.const f32x4|f64x2 …)` with a `nan:canonical`/`nan:arithmetic` lane in the directive starting at
    /// `line`, `column` (1-based), in order: the mask of its `nan:canonical` lanes.
    static func canonicalMasks(_ lines: [Substring], line: Int, column: Int) -> [UInt8] {
        let text = directive(lines, line: line, column: column)
        var masks: [UInt8] = []
        var rest = text[...]
        while let start = rest.firstRange(of: "(v128.const") {
            rest = rest[start.upperBound...]
            let end = rest.firstIndex(of: ")") ?? rest.endIndex
            let tokens = rest[..<end].split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).dropFirst()
            var mask: UInt8 = 0, hasNaN = false
            // `nan:0x…` is an exact payload, not a pattern.
            for (lane, token) in tokens.enumerated() where token == "nan:canonical" || token == "nan:arithmetic" {
                hasNaN = true
                if token == "nan:canonical" { mask |= 1 << UInt8(lane) }
            }
            if hasNaN { masks.append(mask) }
            rest = rest[end...]
        }
        return masks
    }

    /// The directive's text: from its opening parenthesis to the matching one (strings and
    /// `;;` comments skipped).
    static func directive(_ lines: [Substring], line: Int, column: Int) -> String {
        var out = "", depth = 0, inString = false
        for (k, text) in lines[(line - 1)...].enumerated() {
            var previous: Character = " ", chars = Array(text)
            if k == 0 { chars = Array(chars.dropFirst(column - 1)) }
            var i = 0
            while i < chars.count {
                let c = chars[i]
                if inString {
                    if c == "\"" && previous != "\\" { inString = false }
                } else if c == ";" && i + 1 < chars.count && chars[i + 1] == ";" {
                    break
                } else if c == "\"" {
                    inString = true
                } else if c == "(" {
                    depth += 1
                } else if c == ")" {
                    depth -= 1
                    if depth == 0 { return out + ")" }
                }
                out.append(c)
                previous = c
                i += 1
            }
            out.append("\n")
        }
        return out
    }
}
