import DebuggerCore

/// The selected frame's source file: `*>  60  if (amount == 0)`, where `*` marks a
/// breakpoint on the line and `>` the current line. Tabs are shown as four spaces.
public enum SourcePane {
    public static func title(_ snapshot: SessionSnapshot) -> String {
        guard let source = snapshot.source, !source.path.isEmpty else { return "Source" }
        return "Source: \(source.path)" + (source.functionName.isEmpty ? "" : " (\(source.functionName))")
    }

    public static func lines(_ snapshot: SessionSnapshot, state: ViewState) -> [StyledLine] {
        guard let source = snapshot.source else { return [StyledLine("no debug info", .dim)] }
        if source.lines.isEmpty { return [StyledLine(source.message ?? "no source", .error)] }
        let digits = String(source.lines.count).count
        return source.lines.enumerated().map { index, text in
            let number = index + 1
            let isCurrent = number == source.currentLine
            let isCursor = index == state.sourceCursor && state.focus == .source && !isCurrent
            let hasBreakpoint = source.breakpoints[number] != nil
            var styled = StyledLine(background: isCurrent ? .currentLine : isCursor ? .cursor : nil)
            styled.append(hasBreakpoint ? "*" : " ", hasBreakpoint ? .breakpoint : .normal)
            styled.append(isCurrent ? "> " : "  ")
            styled.append(Format.rightAligned(String(number), digits), isCurrent ? .normal : .dim)
            styled.append("  " + text.replacingOccurrences(of: "\t", with: "    "))
            return styled
        }
    }
}
