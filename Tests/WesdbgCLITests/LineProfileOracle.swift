import ContractHost
import DebugInfo
@testable import WesdbgCLI
import WasmVM

/// The first `profile --lines`: steps the exact loop one instruction at a time and credits
/// each charge to the offset it ran at. Slow (about 100x `run`), kept only as the reference
/// the counting implementation must equal line for line.
enum LineProfileOracle {
    static func profile(_ execution: ContractExecution, lines info: DebugInfo) -> LineProfile {
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
        return LineProfile(byOffset: byOffset, unplaced: unplaced, total: fuel, lines: info)
    }
}
