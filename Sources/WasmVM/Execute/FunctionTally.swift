/// Fuel attribution counters of one store function for the current call
/// (`Machine.profilesFuel`). Updated only at calls, returns and host calls.
struct FunctionTally {
    /// Fuel charged while this function was the running one, settled up to the machine's mark.
    var selfFuel: UInt64 = 0
    /// Fuel of finished outermost activations (a recursive call's inner activations are inside it).
    var totalFuel: UInt64 = 0
    var calls: UInt64 = 0
    /// `fuelUsed` when the outermost activation on the stack began (valid while `active > 0`).
    var entryFuel: UInt64 = 0
    /// Activations of this function on the wasm call stack.
    var active: UInt64 = 0
}

extension UnsafeMutablePointer where Pointee == FunctionTally {
    /// A wasm call from `caller` to `callee` (store addresses) at `fuelUsed`, which includes the
    /// call's own cost: the caller's self fuel since `mark`, then the callee's activation.
    /// Returns the fuel credited to the caller. Shared by both loops' hooks; the fast loop keeps
    /// its own `mark` while it runs.
    @inline(__always)
    func tallyCall(_ caller: Int, _ callee: Int, _ fuelUsed: UInt64, mark: inout UInt64) -> UInt64 {
        let delta = fuelUsed &- mark
        mark = fuelUsed
        self[caller].selfFuel &+= delta
        tallyActivation(callee, fuelUsed)
        return delta
    }

    /// One more call of `function`, and an activation that began at `fuelUsed`.
    @inline(__always)
    func tallyActivation(_ function: Int, _ fuelUsed: UInt64) {
        let t = self + function
        t.pointee.calls &+= 1
        if t.pointee.active == 0 { t.pointee.entryFuel = fuelUsed }
        t.pointee.active &+= 1
    }

    /// A return from `function` at `fuelUsed` (including the return's own cost). Returns the
    /// fuel credited to it.
    @inline(__always)
    func tallyReturn(_ function: Int, _ fuelUsed: UInt64, mark: inout UInt64) -> UInt64 {
        let delta = fuelUsed &- mark
        mark = fuelUsed
        let t = self + function
        t.pointee.selfFuel &+= delta
        t.pointee.active &-= 1
        if t.pointee.active == 0 { t.pointee.totalFuel &+= fuelUsed &- t.pointee.entryFuel }
        return delta
    }
}
