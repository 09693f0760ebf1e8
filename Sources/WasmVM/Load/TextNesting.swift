/// WAT's parser recurses once per nesting level and overflows the thread's stack a few
/// thousand levels deep (a crash, not an error), so text is checked first. Strings and
/// comments are skipped; real modules nest a few dozen levels.
enum TextNesting {
    static let maxDepth = 1000

    /// Throws, with `line:column`, at the first parenthesis nested deeper than `maxDepth`.
    static func check(_ text: String) throws(LoadError) {
        let bytes = Array(text.utf8)
        var depth = 0, line = 1, lineStart = 0, i = 0
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "\n"):
                line += 1
                lineStart = i + 1
            case UInt8(ascii: "\""):
                i += 1
                while i < bytes.count, bytes[i] != UInt8(ascii: "\"") {
                    if bytes[i] == UInt8(ascii: "\\") { i += 1 }
                    i += 1
                }
            case UInt8(ascii: ";") where i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: ";"):
                while i < bytes.count, bytes[i] != UInt8(ascii: "\n") { i += 1 }
                continue
            case UInt8(ascii: "(") where i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: ";"):
                var comments = 0
                repeat {
                    if bytes[i] == UInt8(ascii: "("), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: ";") {
                        comments += 1; i += 2; continue
                    }
                    if bytes[i] == UInt8(ascii: ";"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: ")") {
                        comments -= 1; i += 2; continue
                    }
                    if bytes[i] == UInt8(ascii: "\n") { line += 1; lineStart = i + 1 }
                    i += 1
                } while comments > 0 && i < bytes.count
                continue
            case UInt8(ascii: "("):
                depth += 1
                if depth > maxDepth {
                    let column = String(decoding: bytes[lineStart..<i], as: UTF8.self).count + 1
                    throw LoadError(.malformed, "\(line):\(column): nesting deeper than \(maxDepth) levels")
                }
            case UInt8(ascii: ")"):
                depth -= 1
            default:
                break
            }
            i += 1
        }
    }
}
