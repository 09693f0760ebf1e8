import DebuggerCore

/// Disassembly of the current function: `*> 0x03a1  i32.const 42`, where `*`
/// marks a breakpoint and `>` the next instruction.
public enum CodePane {
    public static func title(_ snapshot: SessionSnapshot) -> String {
        guard let code = snapshot.code else { return "Code" }
        return "Code: \(code.functionName) (func \(code.functionIndex))"
    }

    public static func lines(_ snapshot: SessionSnapshot, state: ViewState) -> [StyledLine] {
        guard let code = snapshot.code else { return [StyledLine("no code to show", .dim)] }
        let digits = max(4, Format.hex(code.lines.map(\.offset).max() ?? 0, digits: 1).count)
        return code.lines.enumerated().map { index, line in
            let isCurrent = line.isCurrent || index == code.currentLine
            let isCursor = index == state.codeCursor && state.focus == .code && !isCurrent
            var styled = StyledLine(background: isCurrent ? .currentLine : isCursor ? .cursor : nil)
            styled.append(line.hasBreakpoint ? "*" : " ", line.hasBreakpoint ? .breakpoint : .normal)
            styled.append(isCurrent ? "> " : "  ")
            styled.append("0x\(Format.hex(line.offset, digits: digits))", isCurrent ? .normal : .dim)
            styled.append("  " + String(repeating: "  ", count: max(0, line.depth)) + line.text)
            return styled
        }
    }

    /// Scroll position that shows the cursor, keeping `top` when it already does.
    static func top(cursor: Int?, top: Int, rows: Int, count: Int) -> Int {
        guard rows > 0 else { return 0 }
        var top = max(0, min(top, count - rows))
        if let cursor, cursor < top || cursor >= top + rows {
            top = max(0, min(cursor - rows / 3, count - rows))
        }
        return top
    }
}
