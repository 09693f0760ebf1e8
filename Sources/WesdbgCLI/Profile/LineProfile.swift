import ContractHost
import DebugInfo
import WasmVM

/// Self fuel by source line (`profile --lines`): every instruction's charge goes to the
/// line DWARF gives its offset; a host call's charge goes to the line of its `call`.
/// The machine counts fuel by instruction at run speed (`MachineConfiguration.countsBlocks`,
/// docs/profile.md); this maps it to lines.
struct LineProfile {
    struct Row: Equatable {
        /// `FILE:LINE`, or `(no line info)` for code DWARF does not cover.
        var place: String
        var fuel: UInt64
    }

    /// Most fuel first (ties by place).
    var rows: [Row]
    var total: UInt64

    static let noLine = "(no line info)"

    /// From the machine's fuel by instruction; what no instruction charged (a direct host
    /// call's fuel) is `(no line info)`.
    init(_ fuel: [InstructionFuel], total: UInt64, lines info: DebugInfo) {
        var byOffset: [Int: UInt64] = [:]
        var placed: UInt64 = 0
        for f in fuel {
            byOffset[f.location.offset, default: 0] += f.fuel
            placed += f.fuel
        }
        self.init(byOffset: byOffset, unplaced: total - placed, total: total, lines: info)
    }

    /// From fuel by module byte offset.
    init(byOffset: [Int: UInt64], unplaced: UInt64, total: UInt64, lines info: DebugInfo) {
        var byPlace: [String: UInt64] = [:]
        for (offset, charge) in byOffset where charge > 0 {
            let place = info.line(at: offset).map { "\($0.file):\($0.line)" } ?? Self.noLine
            byPlace[place, default: 0] += charge
        }
        if unplaced > 0 { byPlace[Self.noLine, default: 0] += unplaced }
        rows = byPlace.map { Row(place: $0.key, fuel: $0.value) }
            .sorted { $0.fuel != $1.fuel ? $0.fuel > $1.fuel : $0.place < $1.place }
        self.total = total
    }

    /// `line  self  share` rows and a total line; shares as the function table rounds them.
    func table(shares profile: FuelProfile) -> String {
        let columns = TextColumns(widths: [max(8, rows.map(\.place.count).max() ?? 0), max(6, String(total).count), 6])
        var lines = [columns.line(["line", "self", "share"])]
        for row in rows { lines.append(columns.line([row.place, String(row.fuel), profile.share(row.fuel)])) }
        lines.append(columns.line(["total", String(total), profile.share(total)]))
        return lines.joined(separator: "\n") + "\n"
    }
}
