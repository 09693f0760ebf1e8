/// How text takes terminal cells: wide (CJK, emoji) characters take two, and
/// characters that would move the cursor or vanish (control, format, a lone
/// combining mark) are shown escaped, so guest data never shifts a column.
/// The panes, the console and batch `echo` share it.
public enum DisplayText {
    /// `a\tb` for a tab, `\x1b` for ESC, `\u{200b}` for a zero-width space; other text unchanged.
    public static func escaped(_ text: some StringProtocol) -> String {
        guard text.contains(where: needsEscape) else { return String(text) }
        var out = ""
        for ch in text {
            if needsEscape(ch) { out += ch.unicodeScalars.map(escape).joined() } else { out.append(ch) }
        }
        return out
    }

    /// Whether a character is shown escaped.
    public static func needsEscape(_ ch: Character) -> Bool {
        guard let first = ch.unicodeScalars.first else { return false }
        for scalar in ch.unicodeScalars where isControl(scalar) { return true }
        switch first.properties.generalCategory {
        case .format, .nonspacingMark, .enclosingMark, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned: return true
        default: return false
        }
    }

    /// Cells one (unescaped, printable) character takes: 2 for East Asian wide and fullwidth characters and emoji, else 1.
    public static func width(_ ch: Character) -> Int {
        guard let scalar = ch.unicodeScalars.first else { return 0 }
        if scalar.isASCII { return 1 }
        if ch.unicodeScalars.contains(where: { $0.value == 0xfe0f }) && scalar.properties.isEmoji { return 2 }
        return isWide(scalar.value) ? 2 : 1
    }

    /// Cells `text` takes once escaped.
    public static func width(_ text: some StringProtocol) -> Int {
        var total = 0
        for ch in text { total += needsEscape(ch) ? ch.unicodeScalars.map(escape).joined().count : width(ch) }
        return total
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool { scalar.value < 0x20 || (0x7f...0x9f).contains(scalar.value) }

    static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        case "\0": return "\\0"
        default:
            let hex = String(scalar.value, radix: 16)
            if scalar.value < 0x100 { return "\\x" + (hex.count < 2 ? "0" + hex : hex) }
            return "\\u{" + hex + "}"
        }
    }

    /// East Asian Wide (W) and Fullwidth (F) ranges, and the wide emoji blocks.
    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115f, 0x231a...0x231b, 0x2329...0x232a, 0x23e9...0x23ec, 0x23f0, 0x23f3, 0x25fd...0x25fe,
             0x2614...0x2615, 0x2648...0x2653, 0x267f, 0x2693, 0x26a1, 0x26aa...0x26ab, 0x26bd...0x26be, 0x26c4...0x26c5,
             0x26ce, 0x26d4, 0x26ea, 0x26f2...0x26f3, 0x26f5, 0x26fa, 0x26fd, 0x2705, 0x270a...0x270b, 0x2728, 0x274c,
             0x274e, 0x2753...0x2755, 0x2757, 0x2795...0x2797, 0x27b0, 0x27bf, 0x2b1b...0x2b1c, 0x2b50, 0x2b55,
             0x2e80...0x303e, 0x3041...0x33ff, 0x3400...0x4dbf, 0x4e00...0x9fff, 0xa000...0xa4cf, 0xa960...0xa97f,
             0xac00...0xd7a3, 0xf900...0xfaff, 0xfe10...0xfe19, 0xfe30...0xfe6f, 0xff00...0xff60, 0xffe0...0xffe6,
             0x16fe0...0x16fe4, 0x17000...0x18cff, 0x1b000...0x1b2ff, 0x1f004, 0x1f0cf, 0x1f18e, 0x1f191...0x1f19a,
             0x1f200...0x1f251, 0x1f300...0x1f320, 0x1f32d...0x1f335, 0x1f337...0x1f37c, 0x1f37e...0x1f393,
             0x1f3a0...0x1f3ca, 0x1f3cf...0x1f3d3, 0x1f3e0...0x1f3f0, 0x1f3f4, 0x1f3f8...0x1f43e, 0x1f440,
             0x1f442...0x1f4fc, 0x1f4ff...0x1f53d, 0x1f54b...0x1f54e, 0x1f550...0x1f567, 0x1f57a, 0x1f595...0x1f596,
             0x1f5a4, 0x1f5fb...0x1f64f, 0x1f680...0x1f6c5, 0x1f6cc, 0x1f6d0...0x1f6d2, 0x1f6d5...0x1f6d7,
             0x1f6eb...0x1f6ec, 0x1f6f4...0x1f6fc, 0x1f7e0...0x1f7eb, 0x1f90c...0x1f93a, 0x1f93c...0x1f945,
             0x1f947...0x1f9ff, 0x1fa70...0x1faff, 0x20000...0x2fffd, 0x30000...0x3fffd:
            return true
        default:
            return false
        }
    }
}
