/// Counts the top-level directives of a script without parsing them, so that a
/// skipped file still reports how many directives it skipped.
enum WastDirectiveCounter {
    static func count(_ script: String) -> Int {
        let bytes = Array(script.utf8)
        var count = 0, depth = 0, i = 0
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case UInt8(ascii: ";") where i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: ";"):
                while i < bytes.count && bytes[i] != UInt8(ascii: "\n") { i += 1 }
                continue
            case UInt8(ascii: "(") where i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: ";"):
                // Block comments nest.
                var nesting = 1
                i += 2
                while i < bytes.count && nesting > 0 {
                    if bytes[i] == UInt8(ascii: "(") && i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: ";") {
                        nesting += 1; i += 2
                    } else if bytes[i] == UInt8(ascii: ";") && i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: ")") {
                        nesting -= 1; i += 2
                    } else {
                        i += 1
                    }
                }
                continue
            case UInt8(ascii: "\""):
                i += 1
                while i < bytes.count && bytes[i] != UInt8(ascii: "\"") {
                    i += bytes[i] == UInt8(ascii: "\\") ? 2 : 1
                }
            case UInt8(ascii: "("):
                if depth == 0 { count += 1 }
                depth += 1
            case UInt8(ascii: ")"):
                depth = max(0, depth - 1)
            default:
                break
            }
            i += 1
        }
        return count
    }
}
