/// A horizontal run of changed cells sharing one style.
public struct CanvasRun: Hashable, Sendable {
    public var row: Int
    public var column: Int
    /// What to send: a wide character covers two of the run's columns.
    public var text: String
    public var style: Style
}

extension Canvas {
    /// The cells that differ from `previous`, as runs of one style: what the
    /// terminal must repaint. All cells when `previous` is nil or another size.
    public func changes(from previous: Canvas?) -> [CanvasRun] {
        let previous = previous?.size == size ? previous : nil
        var runs: [CanvasRun] = []
        for row in 0..<height {
            var column = 0
            while column < width {
                let cell = self[column, row]
                if let previous, previous[column, row] == cell { column += 1; continue }
                var run = CanvasRun(row: row, column: column, text: "", style: cell.style)
                while column < width {
                    let next = self[column, row]
                    if next.style != cell.style || previous?[column, row] == next { break }
                    // A wide character's second cell adds nothing: the terminal fills it with the first.
                    if let shown = displayed(column: column, row: row) { run.text.append(shown) }
                    column += 1
                }
                runs.append(run)
            }
        }
        return runs
    }
}
