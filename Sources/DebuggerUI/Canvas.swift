import DebuggerCore

/// One character cell of the screen.
public struct Cell: Hashable, Sendable {
    public var character: Character
    public var style: Style
    public init(_ character: Character = " ", _ style: Style = .normal) {
        self.character = character; self.style = style
    }
    /// The second cell of a wide character (never drawn: the terminal fills it with the first).
    public static let wideTail: Character = "\u{0}"
}

/// An in-memory screen: panes draw into it, the terminal adapter copies the cells
/// that changed since the last frame, and tests compare it with golden screens.
public struct Canvas: Hashable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width); self.height = max(0, height)
        cells = Array(repeating: Cell(), count: self.width * self.height)
    }

    public var size: Size { Size(width: width, height: height) }

    public subscript(column: Int, row: Int) -> Cell {
        get { cells[row * width + column] }
        set { cells[row * width + column] = newValue }
    }

    /// Writes `text` from (`column`, `row`), clipped to `limit` columns and the canvas.
    /// Control characters are shown escaped (`\t`, `\x1b`: `DisplayText.escaped`) so guest
    /// data cannot move the cursor; a wide (CJK) character takes two cells (the second
    /// holds `Cell.wideTail`), and one that does not fit whole leaves a space.
    /// Returns the column after the last cell written.
    @discardableResult
    public mutating func put(_ text: some StringProtocol, column: Int, row: Int, style: Style = .normal, limit: Int? = nil) -> Int {
        guard row >= 0, row < height else { return column }
        let end = min(width, limit.map { column + max(0, $0) } ?? width)
        var x = column
        for ch in DisplayText.escaped(text) {
            if x >= end { break }
            let cells = DisplayText.width(ch)
            if cells == 2 && x + 1 >= end {
                if x >= 0 { set(x, row, Cell(" ", style)) }
                x += 1
                break
            }
            if x >= 0 { set(x, row, Cell(ch, style)) }
            if cells == 2 {
                if x + 1 >= 0 { set(x + 1, row, Cell(Cell.wideTail, style)) }
                if x < 0 && x + 1 >= 0 { set(x + 1, row, Cell(" ", style)) }
            }
            x += cells
        }
        return x
    }

    /// Sets one cell, blanking the other half of a wide character it overwrites.
    private mutating func set(_ x: Int, _ row: Int, _ cell: Cell) {
        let i = row * width + x
        if cells[i].character == Cell.wideTail && x > 0 && cell.character != Cell.wideTail { cells[i - 1].character = " " }
        if x + 1 < width && cells[i + 1].character == Cell.wideTail && DisplayText.width(cells[i].character) == 2 {
            cells[i + 1].character = " "
        }
        cells[i] = cell
    }

    /// What the terminal shows for a cell: its character, nil for the second half of a
    /// wide character, a space for half a wide character left by a fill or a clip.
    public func displayed(column: Int, row: Int) -> Character? {
        let ch = self[column, row].character
        if ch == Cell.wideTail {
            return column > 0 && DisplayText.width(self[column - 1, row].character) == 2 ? nil : " "
        }
        if DisplayText.width(ch) == 2 && (column + 1 >= width || self[column + 1, row].character != Cell.wideTail) { return " " }
        return ch
    }

    /// Fills a rectangle with one cell.
    public mutating func fill(_ rect: Rect, with cell: Cell = Cell()) {
        for row in max(0, rect.y)..<min(height, rect.y + rect.height) {
            for column in max(0, rect.x)..<min(width, rect.x + rect.width) {
                cells[row * width + column] = cell
            }
        }
    }

    /// Restyles existing cells of a row span (keeps characters).
    public mutating func restyle(row: Int, columns: Range<Int>, style: Style) {
        guard row >= 0, row < height else { return }
        for column in max(0, columns.lowerBound)..<min(width, columns.upperBound) {
            cells[row * width + column].style = style
        }
    }

    /// Copies `other` with its top-left at (`column`, `row`), clipped.
    public mutating func blit(_ other: Canvas, column: Int, row: Int) {
        for y in 0..<other.height where row + y >= 0 && row + y < height {
            for x in 0..<other.width where column + x >= 0 && column + x < width {
                cells[(row + y) * width + column + x] = other.cells[y * other.width + x]
            }
        }
    }

    /// Draws a box border with a title on its top edge.
    public mutating func box(_ rect: Rect, title: String, focused: Bool) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let border: Style = focused ? .focusedBorder : .border
        let right = rect.x + rect.width - 1, bottom = rect.y + rect.height - 1
        for x in rect.x...right {
            put("─", column: x, row: rect.y, style: border)
            put("─", column: x, row: bottom, style: border)
        }
        for y in rect.y...bottom {
            put("│", column: rect.x, row: y, style: border)
            put("│", column: right, row: y, style: border)
        }
        put("┌", column: rect.x, row: rect.y, style: border)
        put("┐", column: right, row: rect.y, style: border)
        put("└", column: rect.x, row: bottom, style: border)
        put("┘", column: right, row: bottom, style: border)
        if rect.width > 4 {
            put(" \(title) ", column: rect.x + 1, row: rect.y, style: focused ? .focusedTitle : .title, limit: rect.width - 2)
        }
    }

    /// The characters, one line per row, trailing spaces trimmed.
    public var text: String {
        var lines: [String] = []
        for row in 0..<height {
            var line = ""
            for column in 0..<width { if let ch = displayed(column: column, row: row) { line.append(ch) } }
            while line.last == " " { line.removeLast() }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The style codes (`Style.code`), one line per row, trailing `.` trimmed.
    public var styleMap: String {
        rows(trimming: ".") { $0.style.code }
    }

    /// Text then style map: the golden-screen form.
    public var golden: String { text + "\n--- styles ---\n" + styleMap }

    private func rows(trimming blank: Character, _ pick: (Cell) -> Character) -> String {
        var lines: [String] = []
        for row in 0..<height {
            var line = String(cells[row * width..<(row + 1) * width].map(pick))
            while line.last == blank { line.removeLast() }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
