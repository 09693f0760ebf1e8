import DebuggerCore

/// Params and locals of the selected frame, then the globals.
public enum LocalsPane {
    public static func title(_ snapshot: SessionSnapshot) -> String {
        snapshot.source != nil ? "Variables / Locals" : Pane.locals.title
    }

    public static func lines(_ snapshot: SessionSnapshot, width: Int) -> [StyledLine] {
        var lines: [StyledLine] = []
        // Source variables first when the module has debug info: `amount = 250  (uint64_t)`.
        if snapshot.source != nil {
            lines.append(StyledLine("variables (\(snapshot.variables.count))", .title))
            for variable in snapshot.variables {
                var line = StyledLine("  \(variable.name) = \(variable.value)")
                line.append("  \(variable.typeName)", .dim)
                lines.append(line)
            }
        }
        // One column order on every row, the Stack pane's: type, raw bits, readable value
        // (`i32 0x00000100  256`). When a row of a section would not fit, the bits go from
        // every row of it (`i32 256`), so the columns stay the same down the section.
        // A v128 has no bits column and wraps between lanes: it never decides the section's form.
        func rows(_ values: [NamedValue], bits: Bool) -> [[String]] {
            let nameWidth = values.map { DisplayText.width($0.name) }.max() ?? 0
            return values.map { Format.wrapped("  " + Format.padded($0.name, nameWidth) + "  ", $0.value, v128: snapshot.v128Shape, width: width, bits: bits) }
        }
        func section(_ title: String, _ values: [NamedValue]) {
            lines.append(StyledLine("\(title) (\(values.count))", .title))
            let bits = zip(values, rows(values, bits: true)).allSatisfy { $0.0.value.type == .v128 || $0.1.allSatisfy { DisplayText.width($0) <= width } }
            for row in rows(values, bits: bits).joined() { lines.append(StyledLine(row)) }
        }
        section("locals", snapshot.locals)
        section("globals", snapshot.globals)
        return lines
    }
}
