import DebuggerCore

/// Used / limit as a gauge, the last step's cost and fuel by function.
public enum FuelPane {
    public static func title(_ snapshot: SessionSnapshot) -> String {
        snapshot.fuel.modified || !snapshot.debuggerChanges.isEmpty ? "Fuel (modified)" : "Fuel"
    }

    public static func lines(_ snapshot: SessionSnapshot, width: Int) -> [StyledLine] {
        let fuel = snapshot.fuel
        var lines = [StyledLine("used \(fuel.used) / \(fuel.limit)")]
        let permille = fuel.limit == 0 ? 1000 : min(1000, fuel.used.multipliedReportingOverflow(by: 1000).overflow
            ? 1000 : Int(fuel.used * 1000 / fuel.limit))
        let percent = " \(permille / 10).\(permille % 10)%"
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
        lines.append(StyledLine("by function", .title))
        let nameWidth = min(max(8, width - 14), fuel.byFunction.map(\.name.count).max() ?? 0)
        for entry in fuel.byFunction {
            lines.append(StyledLine("  " + Format.padded(entry.name, nameWidth) + " " + Format.rightAligned(String(entry.used), 10)))
        }
        return lines
    }
}
