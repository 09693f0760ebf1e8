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
        func section(_ title: String, _ values: [NamedValue]) {
            lines.append(StyledLine("\(title) (\(values.count))", .title))
            let nameWidth = values.map(\.name.count).max() ?? 0
            for value in values {
                // Readable value first; the raw bits when the pane is wide enough.
                let text = "  " + Format.padded(value.name, nameWidth) + "  " + Format.readable(value.value)
                let bits = Format.bits(value.value).map { "  " + $0 } ?? ""
                lines.append(StyledLine(text + (text.count + bits.count <= width ? bits : "")))
            }
        }
        section("locals", snapshot.locals)
        section("globals", snapshot.globals)
        return lines
    }
}
