extension Module {
    /// Names come from the module (exports, imports, the name section) and may hold any
    /// character: control characters would reach the user's terminal as escape sequences
    /// and newlines would split one-line output, so they are shown as `\u{1b}`.
    public static func printable(_ name: String) -> String {
        guard name.unicodeScalars.contains(where: isControl) else { return name }
        var text = ""
        for scalar in name.unicodeScalars {
            if isControl(scalar) { text += "\\u{\(String(scalar.value, radix: 16))}" } else { text.unicodeScalars.append(scalar) }
        }
        return text
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7f ... 0x9f).contains(scalar.value)
    }
}
