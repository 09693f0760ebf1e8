import DebuggerCore

/// Used / limit as a gauge, the last step's cost and the top functions by self fuel.
public enum FuelPane {
    /// Functions listed (most self fuel first); a last line says how many more there are.
    static let shownFunctions = 10

    public static func title(_ snapshot: SessionSnapshot) -> String {
        snapshot.fuel.modified || !snapshot.debuggerChanges.isEmpty ? "Fuel (modified)" : "Fuel"
    }

    public static func lines(_ snapshot: SessionSnapshot, width: Int) -> [StyledLine] {
        let fuel = snapshot.fuel
        var lines = [StyledLine("used \(fuel.used) / \(fuel.limit)")]
        let permille = fuel.limit == 0 ? 1000 : min(1000, fuel.used.multipliedReportingOverflow(by: 1000).overflow
            ? 1000 : Int(fuel.used * 1000 / fuel.limit))
        // Fixed width (` 42.0%` as wide as `100.0%`): the gauge keeps its length up to the end.
        let percent = " " + Format.rightAligned("\(permille / 10).\(permille % 10)%", 6)
        let gaugeWidth = max(4, width - 2 - percent.count)
        let filled = permille * gaugeWidth / 1000
        var gauge = StyledLine("[")
        gauge.append(String(repeating: "#", count: filled), permille >= 900 ? .error : .currentLine)
        gauge.append(String(repeating: ".", count: gaugeWidth - filled), .dim)
        gauge.append("]" + percent)
        lines.append(gauge)
        lines.append(StyledLine("last step \(fuel.lastCost)"))
        if fuel.modified || !snapshot.debuggerChanges.isEmpty {
            lines.append(StyledLine("modified: differs from the snapshot", .modified))
            for change in snapshot.debuggerChanges { lines.append(StyledLine("  " + change, .modified)) }
        }
        let shown = fuel.byFunction.prefix(shownFunctions)
        let nameWidth = max(8, min(max(8, width - 22), shown.map(\.name.count).max() ?? 0))
        lines.append(StyledLine("  " + Format.padded("function", nameWidth) + " " + Format.rightAligned("self", 10)
                                + " " + Format.rightAligned("total", 10), .title))
        for entry in shown {
            lines.append(StyledLine("  " + Format.padded(entry.name, nameWidth) + " " + Format.rightAligned(String(entry.selfFuel), 10)
                                    + " " + Format.rightAligned(String(entry.totalFuel), 10)))
        }
        if fuel.byFunction.count > shown.count {
            lines.append(StyledLine("  \(fuel.byFunction.count - shown.count) more (`profile` lists all)", .dim))
        }
        return lines
    }
}
