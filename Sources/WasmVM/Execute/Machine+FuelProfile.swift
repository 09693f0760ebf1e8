// Fuel by function while `profilesFuel` is on. Both loops call these hooks at the same
// points (wasm calls, returns, host calls) with the same fuel counts, so the numbers are
// identical whichever loop ran; between hooks the running function's share is the fuel
// since `tallyMark`, added when asked. Without profiling the loops pay one never-taken
// branch per call and return.

extension Machine {
    /// Zeroes the tallies for a call of `entry` (a wasm function's store address; nil for a host function).
    func resetFuelProfile(entry: Int?) {
        guard profilesFuel || tallyCapacity > 0 else { return }
        let count = storeFunctions.count
        if tallyCapacity < count {
            tallies.deallocate()
            tallies = .allocate(capacity: count)
            tallyCapacity = count
        }
        tallies.initialize(repeating: FunctionTally(), count: tallyCapacity)
        tallyMark = 0
        callTree = CallTree()
        guard profilesFuel, let entry else { return }
        enter(entry, 0)
    }

    /// Credits the fuel since the mark to `address` (and to the current stack).
    @inline(__always)
    func settle(_ address: Int, _ fuelUsed: UInt64) {
        let delta = fuelUsed &- tallyMark
        tallies[address].selfFuel &+= delta
        if recordsCallStacks { callTree.selfFuel[Int(callTree.current)] &+= delta }
        tallyMark = fuelUsed
    }

    @inline(__always)
    func enter(_ address: Int, _ fuelUsed: UInt64) {
        tallies.tallyActivation(address, fuelUsed)
        if recordsCallStacks { callTree.enter(address) }
    }

    // The hooks take store addresses, not `FunctionCode`s: the loops hold those
    // `unowned(unsafe)`, and passing one as a strong argument costs a retain and a release.

    // The two hooks are leaves but for the call-stack branch, which is out of line: so they
    // save no registers (callgrind: 37 and 34 instructions a call before, with the
    // stack code's pushes and pops on every call).

    /// A wasm call from `caller` to `callee` (store addresses); `fuelUsed` includes the call's own cost.
    @inline(never)
    func profileCall(_ caller: Int, _ callee: Int, _ fuelUsed: UInt64) {
        let delta = tallies.tallyCall(caller, callee, fuelUsed, mark: &tallyMark)
        if recordsCallStacks { stackCall(callee, delta) }
    }

    /// A return from `function` (a store address); `fuelUsed` includes the return's own cost.
    @inline(never)
    func profileReturn(_ function: Int, _ fuelUsed: UInt64) {
        let delta = tallies.tallyReturn(function, fuelUsed, mark: &tallyMark)
        if recordsCallStacks { stackReturn(delta) }
    }

    @inline(never)
    func stackCall(_ callee: Int, _ delta: UInt64) {
        callTree.selfFuel[Int(callTree.current)] &+= delta
        callTree.enter(callee)
    }

    @inline(never)
    func stackReturn(_ delta: UInt64) {
        callTree.selfFuel[Int(callTree.current)] &+= delta
        callTree.leave()
    }

    /// A host call that was charged `after - before` (its own row; `caller` nil for a direct call).
    @inline(never)
    func profileHostCall(_ caller: Int?, address: Int, before: UInt64, after: UInt64) {
        if let caller { settle(caller, before) }
        let fuel = after &- before
        let t = tallies + address
        t.pointee.calls &+= 1
        t.pointee.selfFuel &+= fuel
        t.pointee.totalFuel &+= fuel
        if recordsCallStacks {
            callTree.enter(address)
            callTree.selfFuel[Int(callTree.current)] &+= fuel
            callTree.leave()
        }
        tallyMark = after
    }

    /// The fuel since the last settlement, owed to the running function (and its stack).
    private var pendingFuel: (address: Int, fuel: UInt64)? {
        guard callState == .active || callState == .trapped, let top = callFrames.last, fuelUsedValue > tallyMark else { return nil }
        return (top.function.address, fuelUsedValue &- tallyMark)
    }

    /// Fuel by function of the current (or last) call, exact at every stop, while `profilesFuel`
    /// was on from its start: most self fuel first (ties by store address). The self fuel of
    /// all rows adds up to `fuelUsed`.
    public var fuelByFunction: [FunctionFuel] {
        guard profilesFuel, tallyCapacity > 0 else { return [] }
        let pending = pendingFuel
        let onStack = callState == .active || callState == .trapped
        var rows: [FunctionFuel] = []
        for address in 0 ..< tallyCapacity {
            var t = tallies[address]
            if pending?.address == address { t.selfFuel &+= pending!.fuel }
            if onStack && t.active > 0 { t.totalFuel &+= fuelUsedValue &- t.entryFuel }
            guard t.calls > 0 || t.selfFuel > 0 else { continue }
            rows.append(FunctionFuel(function: functionRef(address: address), selfFuel: t.selfFuel, totalFuel: t.totalFuel, calls: t.calls))
        }
        return rows.sorted { ($1.selfFuel, $0.function.address) < ($0.selfFuel, $1.function.address) }
    }

    /// Self fuel per distinct call stack (entry function first) while `recordsCallStacks` was on,
    /// stacks with no self fuel left out, in first-call order. Their fuel adds up to `fuelUsed`.
    public var fuelStacks: [FuelStack] {
        guard profilesFuel, recordsCallStacks, tallyCapacity > 0 else { return [] }
        var fuel = callTree.selfFuel
        if let pending = pendingFuel { fuel[Int(callTree.current)] &+= pending.fuel }
        var refs: [Int: FunctionRef] = [:]
        return (1 ..< fuel.count).compactMap { node in
            guard fuel[node] > 0 else { return nil }
            let stack = callTree.stack(node).map { address in
                if let ref = refs[address] { return ref }
                let ref = functionRef(address: address)
                refs[address] = ref
                return ref
            }
            return FuelStack(stack: stack, selfFuel: fuel[node])
        }
    }

    /// Whether a call was folded into its caller's stack (`CallTree`'s depth and size bounds).
    public var fuelStacksTruncated: Bool { recordsCallStacks && callTree.truncated }
    public static let maxFuelStackDepth = CallTree.maxDepth
    public static let maxFuelStacks = CallTree.maxNodes - 1

    /// What a store function is, for naming profile rows.
    public func functionRef(address: Int) -> FunctionRef {
        let f = storeFunctions[address]
        if let code = f.wasm { return FunctionRef(address: address, instance: code.instanceID, function: code.index, hostName: nil) }
        return FunctionRef(address: address, instance: nil, function: nil, hostName: f.host.map { "\($0.module).\($0.name)" })
    }

    /// The attribution state, for checkpoints.
    func fuelProfileCheckpoint() -> FuelProfileCheckpoint {
        FuelProfileCheckpoint(tallies: Array(UnsafeBufferPointer(start: tallies, count: tallyCapacity)), mark: tallyMark, tree: callTree)
    }

    func restoreFuelProfile(_ checkpoint: FuelProfileCheckpoint) {
        let count = checkpoint.tallies.count
        if tallyCapacity < count {
            tallies.deallocate()
            tallies = .allocate(capacity: count)
            tallyCapacity = count
        }
        checkpoint.tallies.withUnsafeBufferPointer { if let base = $0.baseAddress { tallies.update(from: base, count: count) } }
        (tallies + count).update(repeating: FunctionTally(), count: tallyCapacity - count)
        tallyMark = checkpoint.mark
        callTree = checkpoint.tree
    }
}

/// Fuel attribution captured in a `MachineCheckpoint`.
struct FuelProfileCheckpoint {
    var tallies: [FunctionTally]
    var mark: UInt64
    var tree: CallTree
}
