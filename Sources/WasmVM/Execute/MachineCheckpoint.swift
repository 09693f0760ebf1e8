/// A checkpoint of everything that changes while guest code runs (memories,
/// tables, globals, segment drops, value stack, frames, pc, fuel, steps, the
/// paused-at state). Restoring it and running again reproduces the same
/// execution exactly. Breakpoint patches are not state and are not captured.
public struct MachineCheckpoint: @unchecked Sendable {
    // @unchecked: holds references to immutable function code and page copies of one Machine only.
    var memories: [MemoryImage]
    let pageAccounting: [PageAccounting]
    var tables: [[UInt64]]
    var globals: [UInt64]
    /// The high halves of v128 globals, by global address.
    var v128Highs: [Int: UInt64] = [:]
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

    /// Approximate bytes held by this checkpoint alone, for the debugger's memory bound: memory
    /// pages count 8 bytes each here (a reference); their copies are `sharedPageBytes`.
    public var byteSize: Int {
        memories.reduce(0) { $0 + $1.pages.count * 8 }
            + tables.reduce(0) { $0 + $1.count * 8 }
            + globals.count * 8 + v128Highs.count * 16
            + elements.reduce(0) { $0 + $1.reduce(0) { $0 + $1.count * 8 } }
            + stack.count * 8
            + frames.count * MemoryLayout<Frame>.stride
            + 256
    }

    /// Bytes of memory page copies alive for the machine's memories (as of this checkpoint's
    /// store), shared by all its checkpoints: each written page is held once per distinct content.
    public var sharedPageBytes: Int { pageAccounting.reduce(0) { $0 + $1.bytes } }
}

extension Machine {
    /// Copies only the pages written since the last checkpoint or restore. Nil when the host
    /// cannot allocate those copies (the machine is unchanged and can go on running).
    public func checkpoint() -> MachineCheckpoint? {
        var images: [MemoryImage] = []
        for memory in storeMemories {
            guard let image = memory.snapshot() else { return nil }
            images.append(image)
        }
        return MachineCheckpoint(
            memories: images, pageAccounting: storeMemories.map(\.accounting),
            tables: storeTables.map(\.snapshot),
            globals: globalCells.map(\.pointee),
            v128Highs: Dictionary(uniqueKeysWithValues: globalTypes.indices.filter { globalTypes[$0].valueType == .v128 }
                .map { ($0, globalCells[$0][1]) }),
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
        for (memory, image) in zip(storeMemories, checkpoint.memories) { memory.restore(image) }
        for (table, elements) in zip(storeTables, checkpoint.tables) { table.restore(elements) }
        for (cell, value) in zip(globalCells, checkpoint.globals) { cell.pointee = value }
        for (address, high) in checkpoint.v128Highs { globalCells[address][1] = high }
        for (instance, elements) in zip(instances, checkpoint.elements) { instance.elements = elements }
        for (instance, dropped) in zip(instances, checkpoint.droppedData) { instance.droppedData = dropped }
        checkpoint.stack.withUnsafeBufferPointer { if let base = $0.baseAddress { stack.update(from: base, count: $0.count) } }
        sp = checkpoint.stack.count
        callFrames = checkpoint.frames
        bufferedFrames = 0
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
