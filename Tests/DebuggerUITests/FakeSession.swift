import DebuggerCore
import WasmVM

/// A session that records commands and answers from a fixture, so key
/// sequences can be checked without a VM or a terminal.
final class FakeSession: DebugSessionDriving {
    var commands: [String] = []
    var snapshot: SessionSnapshot
    var memory: [UInt8]
    var hostFunctionNames: [String] = ["env.execute_utxo_transfer", "env.get_caller", "env.log"]
    /// Output per command (default: empty).
    var outputs: [String: CommandResult] = [:]

    init(snapshot: SessionSnapshot = Fixture.snapshot, memory: [UInt8] = Fixture.memory) {
        self.snapshot = snapshot; self.memory = memory
    }

    func execute(_ command: String) -> CommandResult {
        commands.append(command)
        if command == "step" { snapshot.step += 1 }
        return outputs[command] ?? CommandResult(output: "")
    }

    func memoryBytes(at address: UInt64, count: Int) -> [UInt8] {
        guard address < UInt64(memory.count) else { return [] }
        let start = Int(address)
        return Array(memory[start..<min(memory.count, start + count)])
    }
}
