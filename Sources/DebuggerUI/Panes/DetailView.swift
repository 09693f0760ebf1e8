import DebuggerCore

/// The detail view of one entry (Enter on the Host calls, Draft or State pane): every
/// decoded argument, the memory read and written, the result or failure, payloads as hex and text.
public enum DetailView {
    /// Panes whose entries open a detail view.
    public static let panes: Set<Pane> = [.hostCalls, .draft, .state]

    /// The title and lines for the entry at `line` of `pane`'s lines, nil when that line is no entry (a section title).
    public static func content(_ snapshot: SessionSnapshot, pane: Pane, line: Int,
                               memory: (UInt64, Int) -> [UInt8]) -> (title: String, lines: [StyledLine])? {
        switch pane {
        case .hostCalls:
            guard snapshot.hostCalls.indices.contains(line) else { return nil }
            return hostCall(snapshot.hostCalls[line], number: line + 1, memory: memory)
        case .draft:
            guard let (title, entry) = DraftPane.entry(snapshot, line: line) else { return nil }
            var lines = [StyledLine(entry.text)]
            for field in entry.fields { lines += payload(field.label, field.bytes) }
            if entry.isNew { lines.append(StyledLine("added by the last move", .newEntry)) }
            return ("Draft: \(title)", lines)
        case .state:
            return StatePane.detail(snapshot, line: line)
        default:
            return nil
        }
    }

    static func hostCall(_ call: HostCallView, number: Int, memory: (UInt64, Int) -> [UInt8]) -> (title: String, lines: [StyledLine]) {
        var lines: [StyledLine] = [StyledLine(call.name, .title)]
        lines.append(StyledLine("arguments (\(call.arguments.count))", .title))
        if call.arguments.isEmpty { lines.append(StyledLine("  (none)", .dim)) }
        let width = call.arguments.map(\.name.count).max() ?? 0
        for argument in call.arguments {
            var line = StyledLine("  " + Format.padded(argument.name, width) + " = " + argument.value.plainText)
            line.append("  \(argument.value.type)", .dim)
            if let decoded = argument.decoded { line.append("  " + decoded, .input) }
            lines.append(line)
        }
        lines.append(StyledLine("result", .title))
        lines.append(StyledLine("  " + call.resultText, call.trap != nil || call.failure != nil ? .error : .normal))
        let reads = call.ranges.filter { $0.kind == .read }, writes = call.ranges.filter { $0.kind == .write }
        for (title, ranges, style) in [("memory read", reads, Style.read), ("memory written", writes, .write)] {
            lines.append(StyledLine("\(title) (\(ranges.count))", .title))
            if ranges.isEmpty { lines.append(StyledLine("  (none)", .dim)) }
            for range in ranges {
                let r = range.range
                lines.append(StyledLine("  0x\(Format.hex(r.lowerBound, digits: 1))..0x\(Format.hex(r.upperBound, digits: 1)) (\(r.count) bytes)", style))
                let shown = min(r.count, maximumBytes)
                lines += hexDump(memory(r.lowerBound, shown), address: r.lowerBound, indent: "  ")
                if shown < r.count { lines.append(StyledLine("  … \(r.count - shown) more bytes", .dim)) }
            }
        }
        if !call.ranges.isEmpty {
            lines.append(StyledLine(call.pending ? "bytes: memory now, as the call will see it" : "bytes: memory now (later code may have changed them)", .dim))
        }
        let state = call.pending ? "pending" : "call \(number)"
        return ("Host call \(state)", lines)
    }

    /// Bytes shown per range or payload; the rest is counted.
    static let maximumBytes = 4096

    /// A labelled payload: its length, then hex and text 16 bytes a line.
    static func payload(_ label: String, _ bytes: [UInt8]) -> [StyledLine] {
        var lines = [StyledLine("\(label) (\(bytes.count) bytes)", .title)]
        if bytes.isEmpty { lines.append(StyledLine("  (empty)", .dim)) }
        lines += hexDump(Array(bytes.prefix(maximumBytes)), address: 0, indent: "  ")
        if bytes.count > maximumBytes { lines.append(StyledLine("  … \(bytes.count - maximumBytes) more bytes", .dim)) }
        return lines
    }

    /// `0490  7b 22 61 6d  …  {"am…`: 16 bytes a line, hex then printable ASCII.
    static func hexDump(_ bytes: [UInt8], address: UInt64, indent: String) -> [StyledLine] {
        stride(from: 0, to: bytes.count, by: 16).map { start in
            let row = bytes[start ..< min(start + 16, bytes.count)]
            let hex = row.map { Format.hex($0, digits: 2) }.joined(separator: " ")
            let text = String(row.map { $0 >= 0x20 && $0 < 0x7f ? Character(UnicodeScalar($0)) : "." })
            var line = StyledLine(indent + Format.hex(address + UInt64(start), digits: 4) + "  ", .dim)
            line.append(Format.padded(hex, 47) + "  ")
            line.append(text, .input)
            return line
        }
    }
}
