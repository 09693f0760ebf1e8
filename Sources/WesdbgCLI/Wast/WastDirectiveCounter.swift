/// Scans a script's top level without parsing it: how many directives it has (so that a
/// skipped file still reports what it skipped), and any stray text between them (where
/// WAT's script parser would silently stop).
enum WastDirectiveCounter {
    struct Scan {
        var directives = 0
        /// The first text outside any directive: its 1-based line and the token.
        var stray: (line: Int, text: String)?
    }

    static func count(_ script: String) -> Int { scan(script).directives }

    static func scan(_ script: String) -> Scan {
        let bytes = Array(script.utf8)
        var result = Scan()
        var depth = 0, i = 0, line = 1
        func at(_ k: Int, _ c: Unicode.Scalar) -> Bool { k < bytes.count && bytes[k] == UInt8(ascii: c) }
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\n") { line += 1; i += 1; continue }
            if at(i, ";") && at(i + 1, ";") {
                while i < bytes.count && bytes[i] != UInt8(ascii: "\n") { i += 1 }
                continue
            }
            if at(i, "(") && at(i + 1, ";") {
                // Block comments nest.
                var nesting = 1
                i += 2
                while i < bytes.count && nesting > 0 {
                    if at(i, "(") && at(i + 1, ";") { nesting += 1; i += 2 }
                    else if at(i, ";") && at(i + 1, ")") { nesting -= 1; i += 2 }
                    else { if bytes[i] == UInt8(ascii: "\n") { line += 1 }; i += 1 }
                }
                continue
            }
            switch b {
            case UInt8(ascii: "\""):
                i += 1
                while i < bytes.count && bytes[i] != UInt8(ascii: "\"") {
                    if bytes[i] == UInt8(ascii: "\n") { line += 1 }
                    i += bytes[i] == UInt8(ascii: "\\") ? 2 : 1
                }
            case UInt8(ascii: "("):
                if depth == 0 { result.directives += 1 }
                depth += 1
            case UInt8(ascii: ")"):
                if depth == 0, result.stray == nil { result.stray = (line, ")") }
                depth = max(0, depth - 1)
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                break
            default:
                if depth == 0, result.stray == nil {
                    var end = i
                    while end < bytes.count, !" \t\r\n()".utf8.contains(bytes[end]) { end += 1 }
                    result.stray = (line, String(decoding: bytes[i..<end], as: UTF8.self))
                }
            }
            i += 1
        }
        return result
    }
}
