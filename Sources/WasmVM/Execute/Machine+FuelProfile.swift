// Fuel by function while `profilesFuel` is on. Both loops call these hooks at the same
// points (wasm calls, returns, host calls) with the same fuel counts, so the numbers are
// identical whichever loop ran; the running activations' share comes from their frames'
// entry fuel, added when asked. Without profiling the exact loop pays one never-taken branch
// per call and return, fast code nothing (its calls and returns have tallied handlers).

extension Machine {
    /// Zeroes the tallies for a call of `entry` (a wasm function's store address; nil for a host function).
    func resetFuelProfile(entry: Int?) {
        guard profilesFuel || tallyCapacity > 0 else { return }
        setTallies([])
        tallyMark = 0
        callTree = CallTree()
        guard profilesFuel, let entry else { return }
        withTally(entry) { $0.enter() }
        if recordsCallStacks { callTree.enter(entry) }
    }

    /// Points fast code's calls and returns at the handlers that keep fuel by function while
    /// `profilesFuel` is on, and back at the plain ones when off: run mode's never test for it.
    func retargetTallies() {
        for function in storeFunctions { function.wasm?.retarget(tallied: profilesFuel) }
        (talliedCode, talliedFunctions) = (profilesFuel, storeFunctions.count)
    }

    // The hooks take store addresses, not `FunctionCode`s: the loops hold those
    // `unowned(unsafe)`, and passing one as a strong argument costs a retain and a release.

    /// The tally of the store function at `address`: a wasm function's own (through
    /// `indirectTargets`' unmanaged reference: no retain and release per hook), a host function's in `hostTallies`.
    @inline(__always)
    func withTally<R>(_ address: Int, _ body: (inout FunctionTally) -> R) -> R {
        if let code = indirectTargets[address].wasm { return code.updateTally(body) }
        return body(&hostTallies[address])
    }

    /// Every store function's tally, by store address.
    private var allTallies: [FunctionTally] {
        (0 ..< Swift.min(tallyCapacity, storeFunctions.count)).map { withTally($0) { $0 } }
    }

    /// Sets the tallies to `values` by store address, and those past them to zero.
    private func setTallies(_ values: [FunctionTally]) {
        let count = storeFunctions.count
        if tallyCapacity < count {
            hostTallies.deallocate()
            hostTallies = .allocate(capacity: count)
            tallyCapacity = count
        }
        hostTallies.initialize(repeating: FunctionTally(), count: tallyCapacity)
        for address in 0 ..< count {
            let value = address < values.count ? values[address] : FunctionTally()
            withTally(address) { $0 = value }
        }
    }

    // The two hooks are leaves but for the call-stack branch, which is out of line: so they
    // save no registers (callgrind: 37 and 34 instructions a call before, with the
    // stack code's pushes and pops on every call).

    /// A wasm call of `callee` (a store address); `fuelUsed` includes the call's own cost.
    @inline(never)
    func profileCall(_ callee: Int, _ fuelUsed: UInt64) {
        withTally(callee) { $0.enter() }
        if recordsCallStacks { stackCall(callee, fuelUsed) }
    }

    /// A return from `function` (a store address; `unnested`: FunctionCode.isUnnested) whose activation began
    /// at `entry`, to `caller` (nil from the outermost frame); `fuelUsed` includes the return's own cost.
    @inline(never)
    func profileReturn(_ function: Int, caller: Int?, entry: UInt64, unnested: Bool, _ fuelUsed: UInt64) {
        // Both are wasm functions: fast code's returns update their tallies the same way.
        indirectTargets[function].wasm.unsafelyUnwrapped.tallyReturn(to: caller.map { indirectTargets[$0].wasm.unsafelyUnwrapped },
                                                                     entry: entry, fuelUsed, unnested: unnested)
        if recordsCallStacks { stackReturn(fuelUsed) }
    }

    /// The call stack's self fuel since the mark, to its current node.
    @inline(__always)
    private func settleStack(_ fuelUsed: UInt64) {
        callTree.selfFuel[Int(callTree.current)] &+= fuelUsed &- tallyMark
        tallyMark = fuelUsed
    }

    @inline(never)
    func stackCall(_ callee: Int, _ fuelUsed: UInt64) {
        settleStack(fuelUsed)
        callTree.enter(callee)
    }

    @inline(never)
    func stackReturn(_ fuelUsed: UInt64) {
        settleStack(fuelUsed)
        callTree.leave()
    }

    /// A host call that was charged `after - before` (its own row; `caller` nil for a direct call).
    @inline(never)
    func profileHostCall(_ caller: Int?, address: Int, before: UInt64, after: UInt64) {
        let fuel = after &- before
        withTally(address) { $0.hostCall(fuel) }
        if let caller { withTally(caller) { $0.calleeFuel &+= fuel } }   // inside the caller's activation, not its own
        if recordsCallStacks {
            settleStack(before)
            callTree.enter(address)
            callTree.selfFuel[Int(callTree.current)] &+= fuel
            callTree.leave()
            tallyMark = after
        }
    }

    /// Whether the call's frames are still there (running, paused or trapped).
    private var framesLive: Bool { callState == .active || callState == .trapped }

    /// Fuel by function of the current (or last) call, exact at every stop, while `profilesFuel`
    /// was on from its start: most self fuel first (ties by store address). The self fuel of
    /// all rows adds up to `fuelUsed`.
    public var fuelByFunction: [FunctionFuel] {
        guard profilesFuel, tallyCapacity > 0 else { return [] }
        var tally = allTallies
        if framesLive {
            // The running activations as if they returned now (their calls are counted already), outermost first.
            var outermost = Set<Int>()
            for (depth, frame) in callFrames.enumerated() {
                let address = frame.function.address, fuel = fuelUsedValue &- frame.entryFuel
                tally[address].activationFuel &+= fuel
                if depth > 0 { tally[callFrames[depth - 1].function.address].calleeFuel &+= fuel }
                if !outermost.insert(address).inserted { tally[address].nestedFuel &+= fuel }
            }
        }
        var rows: [FunctionFuel] = []
        for (address, t) in tally.enumerated() {
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
        if framesLive && !callFrames.isEmpty { fuel[Int(callTree.current)] &+= fuelUsedValue &- tallyMark }
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
        FuelProfileCheckpoint(tallies: allTallies, mark: tallyMark, tree: callTree)
    }

    func restoreFuelProfile(_ checkpoint: FuelProfileCheckpoint) {
        setTallies(checkpoint.tallies)
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
