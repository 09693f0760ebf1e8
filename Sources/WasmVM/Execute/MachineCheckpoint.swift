/// A checkpoint of everything that changes while guest code runs (memories,
/// tables, globals, segment drops, value stack, frames, pc, fuel, steps, the
/// paused-at state). Restoring it and running again reproduces the same
/// execution exactly. Breakpoint patches are not state and are not captured.
public struct MachineCheckpoint: @unchecked Sendable {
    // @unchecked: holds references to immutable function code of one Machine only.
    var memories: [[UInt8]]
    var tables: [[UInt64]]
    var globals: [UInt64]
    var elements: [[[UInt64]]]
    var droppedData: [[Bool]]
    var stack: [UInt64]
    var frames: [Frame]
    var callState: Machine.CallState
    var fuelLimit: UInt64
    var fuelUsed: UInt64
    var steps: UInt64
    var pausedAtStep: UInt64?
    var hostPauseTakenAt: UInt64?
    var directHostCall: (address: Int, arguments: [Value])?
    var results: [Value]
    var lastTrap: Trap?
    var fuelProfile: FuelProfileCheckpoint

    /// Approximate bytes held, for the debugger's memory bound.
    public var byteSize: Int {
        memories.reduce(0) { $0 + $1.count }
            + tables.reduce(0) { $0 + $1.count * 8 }
            + globals.count * 8
            + elements.reduce(0) { $0 + $1.reduce(0) { $0 + $1.count * 8 } }
            + stack.count * 8
            + frames.count * MemoryLayout<Frame>.stride
            + 256
    }
}

extension Machine {
    public func checkpoint() -> MachineCheckpoint {
        MachineCheckpoint(
            memories: storeMemories.map { $0.snapshot() },
            tables: storeTables.map(\.elements),
            globals: globalCells.map(\.pointee),
            elements: instances.map(\.elements),
            droppedData: instances.map(\.droppedData),
            stack: Array(UnsafeBufferPointer(start: stack, count: sp)),
            frames: callFrames, callState: callState, fuelLimit: fuelLimitValue, fuelUsed: fuelUsedValue,
            steps: stepCount, pausedAtStep: pausedAtStep, hostPauseTakenAt: hostPauseTakenAt, directHostCall: directHostCall,
            results: results, lastTrap: lastTrap,
            fuelProfile: fuelProfileCheckpoint())
    }

    /// Puts the machine back to `checkpoint` (taken from this machine). Store entities
    /// created after it (new instances, host additions) stay but keep their current state.
    public func restore(_ checkpoint: MachineCheckpoint) {
        for (memory, bytes) in zip(storeMemories, checkpoint.memories) { memory.restore(bytes) }
        for (table, elements) in zip(storeTables, checkpoint.tables) { table.elements = elements }
        for (cell, value) in zip(globalCells, checkpoint.globals) { cell.pointee = value }
        for (instance, elements) in zip(instances, checkpoint.elements) { instance.elements = elements }
        for (instance, dropped) in zip(instances, checkpoint.droppedData) { instance.droppedData = dropped }
        checkpoint.stack.withUnsafeBufferPointer { if let base = $0.baseAddress { stack.update(from: base, count: $0.count) } }
        sp = checkpoint.stack.count
        callFrames = checkpoint.frames
        callState = checkpoint.callState
        fuelLimitValue = checkpoint.fuelLimit
        fuelUsedValue = checkpoint.fuelUsed
        stepCount = checkpoint.steps
        pausedAtStep = checkpoint.pausedAtStep
        hostPauseTakenAt = checkpoint.hostPauseTakenAt
        directHostCall = checkpoint.directHostCall
        results = checkpoint.results
        lastTrap = checkpoint.lastTrap
        restoreFuelProfile(checkpoint.fuelProfile)
    }
}
