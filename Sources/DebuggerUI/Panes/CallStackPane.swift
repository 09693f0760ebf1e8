import DebuggerCore

/// Frames, innermost first; host frames while a host call is under way. A frame
/// that does not fit the pane wraps (its offset on a line of its own) rather than being cut.
public enum CallStackPane {
    public static func lines(_ snapshot: SessionSnapshot, width: Int = .max) -> [StyledLine] {
        rows(snapshot, width: width).map(\.line)
    }

    /// Each line with the index (into `snapshot.frames`) of the frame it belongs to (a click on it selects that frame).
    public static func rows(_ snapshot: SessionSnapshot, width: Int = .max) -> [(line: StyledLine, frame: Int?)] {
        if snapshot.frames.isEmpty { return [(StyledLine("(no frames)", .dim), nil)] }
        var rows: [(line: StyledLine, frame: Int?)] = []
        for (index, frame) in snapshot.frames.enumerated() {
            let number = "#\(index) ", style: Style = frame.isHost ? .pendingHost : .normal
            let offset = frame.offset.map { "(offset 0x\(Format.hex($0, digits: 1)))" }
            let whole = number + frame.name + (offset.map { "  " + $0 } ?? "")
            if DisplayText.width(whole) <= width {
                var line = StyledLine(number)
                line.append(frame.name, style)
                if let offset { line.append("  " + offset, .dim) }
                rows.append((line, index))
                continue
            }
            // Wrapped: the name in pieces under the frame number, then the offset.
            let indent = String(repeating: " ", count: number.count)
            let pieces = wrap(frame.name, width: max(1, width - number.count))
            for (i, piece) in pieces.enumerated() {
                var line = StyledLine(i == 0 ? number : indent)
                line.append(piece, style)
                rows.append((line, index))
            }
            if let offset { rows.append((StyledLine(indent + offset, .dim), index)) }
        }
        return rows
    }

    /// Splits `text` into pieces of at most `width` cells, at spaces when it can.
    static func wrap(_ text: String, width: Int) -> [String] {
        var pieces: [String] = [], current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            let candidate = current.isEmpty ? word : current + " " + word
            if DisplayText.width(candidate) <= width { current = candidate; continue }
            if !current.isEmpty { pieces.append(current); current = "" }
            var rest = word
            while DisplayText.width(rest) > width {
                var head = "", cells = 0
                for ch in rest {
                    let w = DisplayText.width(String(ch))
                    if cells + w > width { break }
                    head.append(ch); cells += w
                }
                if head.isEmpty { head = String(rest.first!) }
                pieces.append(head)
                rest = String(rest.dropFirst(head.count))
            }
            current = rest
        }
        if !current.isEmpty || pieces.isEmpty { pieces.append(current) }
        return pieces
    }
}
