import DebuggerCore

/// Memory 0 as hex and ASCII, 16 bytes a row. Bytes the last step wrote, read,
/// and the ranges a pending host call will touch are highlighted (in that priority).
public enum MemoryPane {
    /// Interior width of one row: `00000100  xx ×8  xx ×8  ascii`.
    public static let width = 76
    public static let bytesPerRow = 16

    public static func title(_ snapshot: SessionSnapshot, state: ViewState) -> String {
        let pin = state.memoryFollows ? "follows accesses" : "g: address"
        return "Memory @0x\(Format.hex(state.memoryAddress, digits: 1)) of \(snapshot.memory.byteCount) bytes (\(pin))"
    }

    /// `rows` rows from `address`; `bytes` are what the session returned there
    /// (shorter at the end of memory).
    public static func lines(_ snapshot: SessionSnapshot, address: UInt64, rows: Int, bytes: [UInt8]) -> [StyledLine] {
        if snapshot.memory.byteCount == 0 { return [StyledLine("(no memory)", .dim)] }
        var lines: [StyledLine] = []
        for row in 0..<rows {
            let rowAddress = address + UInt64(row * bytesPerRow)
            if rowAddress >= UInt64(snapshot.memory.byteCount) { break }
            var line = StyledLine(Format.hex(rowAddress, digits: 8) + "  ", .dim)
            var ascii = StyledLine()
            for column in 0..<bytesPerRow {
                let index = row * bytesPerRow + column
                if column == 8 { line.append(" ") }
                guard index < bytes.count else {
                    line.append("   "); ascii.append(" ")
                    continue
                }
                let byte = bytes[index], style = highlight(snapshot.memory, rowAddress + UInt64(column))
                line.append(Format.hex(byte, digits: 2), style)
                line.append(" ")
                ascii.append((0x20..<0x7f).contains(byte) ? String(UnicodeScalar(byte)) : ".", style)
            }
            line.append(" ")
            line.spans += ascii.spans
            lines.append(line)
        }
        return lines
    }

    static func highlight(_ memory: MemoryView, _ address: UInt64) -> Style {
        if memory.lastAccesses.contains(where: { $0.kind == .write && $0.range.contains(address) }) { return .write }
        if memory.lastAccesses.contains(where: { $0.kind == .read && $0.range.contains(address) }) { return .read }
        if memory.pendingHostRanges.contains(where: { $0.range.contains(address) }) { return .pendingHost }
        return .normal
    }

    /// Row-aligned start that shows `range` with a row of context above.
    static func address(showing range: Range<UInt64>, current: UInt64, rows: Int) -> UInt64 {
        let span = UInt64(max(1, rows) * bytesPerRow)
        if range.lowerBound >= current && range.upperBound <= current + span { return current }
        let row = range.lowerBound / UInt64(bytesPerRow) * UInt64(bytesPerRow)
        return row >= UInt64(bytesPerRow) && rows > 2 ? row - UInt64(bytesPerRow) : row
    }
}
