import WasmVM

/// Machine and host state together: restoring it resumes the same execution exactly.
public struct ExecutionCheckpoint: @unchecked Sendable {
    public let machine: MachineCheckpoint
    public let host: HostState
    let isStarted: Bool
    let result: ExecutionResult?

    /// Approximate bytes held, for the debugger's memory bound.
    public var byteSize: Int { machine.byteSize + host.log.count * 128 + host.draft.outputs.count * 96 }
}

extension ContractExecution {
    /// Nil when the host cannot allocate the copies of the memory pages written since the last one.
    public func checkpoint() -> ExecutionCheckpoint? {
        machine.checkpoint().map { ExecutionCheckpoint(machine: $0, host: host, isStarted: isStarted, result: result) }
    }

    public func restore(_ checkpoint: ExecutionCheckpoint) {
        machine.restore(checkpoint.machine)
        host = checkpoint.host
        isStarted = checkpoint.isStarted
        result = checkpoint.result
    }
}
