/// Lines of a text table: the first column left-aligned, the others right-aligned, two
/// spaces apart, trailing spaces dropped (the fuel tables of `profile` and `fuel`).
public struct TextColumns: Sendable {
    public var widths: [Int]
    public init(widths: [Int]) { self.widths = widths }

    public func line(_ cells: [String]) -> String {
        var text = ""
        for (k, cell) in cells.enumerated() {
            let pad = String(repeating: " ", count: max(0, (k < widths.count ? widths[k] : 0) - cell.count))
            if k > 0 { text += "  " }
            text += k == 0 ? cell + pad : pad + cell
        }
        while text.last == " " { text.removeLast() }
        return text
    }
}
