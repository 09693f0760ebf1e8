import ContractHost
import DebugInfo
import WasmVM

/// Self fuel by source line (`profile --lines`): every instruction's charge goes to the
/// line DWARF gives its offset; a host call's charge goes to the line of its `call`.
/// Steps the exact loop, so it costs more than the function table (docs/profile.md).
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

    /// Runs `execution` to its end one instruction at a time, crediting each charge.
    init(running execution: ContractExecution, lines info: DebugInfo) {
        let machine = execution.machine
        machine.pauseBeforeHostCalls = false
        machine.pauseAfterHostCalls = false
        if !execution.isStarted { execution.start() }
        var byOffset: [Int: UInt64] = [:]
        var unplaced: UInt64 = 0
        var fuel = machine.fuelUsed
        while execution.result == nil {
            let offset = machine.location?.offset
            _ = execution.step()
            let now = execution.result?.fuelUsed ?? machine.fuelUsed
            if let offset { byOffset[offset, default: 0] += now &- fuel } else { unplaced += now &- fuel }
            fuel = now
        }
        var byPlace: [String: UInt64] = [:]
        for (offset, charge) in byOffset where charge > 0 {
            let place = info.line(at: offset).map { "\($0.file):\($0.line)" } ?? Self.noLine
            byPlace[place, default: 0] += charge
        }
        if unplaced > 0 { byPlace[Self.noLine, default: 0] += unplaced }
        rows = byPlace.map { Row(place: $0.key, fuel: $0.value) }
            .sorted { $0.fuel != $1.fuel ? $0.fuel > $1.fuel : $0.place < $1.place }
        total = fuel
    }

    /// `line  self  share` rows and a total line; shares as the function table rounds them.
    func table(shares profile: FuelProfile) -> String {
        let placeWidth = max(8, rows.map(\.place.count).max() ?? 0)
        let fuelWidth = max(6, String(total).count)
        func line(_ place: String, _ fuel: String, _ share: String) -> String {
            place.padding(toLength: placeWidth, withPad: " ", startingAt: 0) + "  "
                + String(repeating: " ", count: max(0, fuelWidth - fuel.count)) + fuel + "  "
                + String(repeating: " ", count: max(0, 6 - share.count)) + share
        }
        var lines = [line("line", "self", "share")]
        for row in rows { lines.append(line(row.place, String(row.fuel), profile.share(row.fuel))) }
        lines.append(line("total", String(total), profile.share(total)))
        return lines.joined(separator: "\n") + "\n"
    }
}
