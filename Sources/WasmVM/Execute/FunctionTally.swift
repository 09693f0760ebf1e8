/// Fuel attribution counters of one store function for the current call
/// (`Machine.profilesFuel`). Updated only at calls, returns and host calls: an activation's
/// fuel is what was charged between its call and its return (`Machine.entryFuels` keeps each
/// frame's start); at the return it goes to the function's self fuel and comes off its
/// caller's. No running mark to settle at every call (half of the old hooks' work).
struct FunctionTally {
    /// Fuel of finished activations less that of the calls made from this function's activations,
    /// finished or not: it wraps below zero while a running one's callees have returned. The
    /// running activations' share is added when asked (`fuelByFunction`).
    var selfFuel: UInt64 = 0
    /// Fuel of finished outermost activations (a recursive call's inner activations are inside it).
    var totalFuel: UInt64 = 0
    /// Finished activations (counted at the return, where the tally is at hand anyway: one update
    /// less per call); the running ones are added when asked.
    var calls: UInt64 = 0
    /// Activations of this function on the wasm call stack.
    var active: UInt64 = 0
}

extension UnsafeMutablePointer where Pointee == FunctionTally {
    /// A wasm call of `callee` (a store address) whose frame is at `depth`, at `fuelUsed`, which
    /// includes the call's own cost. Shared by both loops' hooks.
    @inline(__always)
    func tallyCall(_ callee: Int, depth: Int, _ fuelUsed: UInt64, entryFuels: UnsafeMutablePointer<UInt64>) {
        (self + callee).tallyEntry(depth: depth, fuelUsed, entryFuels: entryFuels)
    }

    /// A return from `function` whose frame is at `depth` to `caller` (nil for the outermost
    /// frame), at `fuelUsed`, which includes the return's own cost.
    @inline(__always)
    func tallyReturn(_ function: Int, caller: Int?, depth: Int, _ fuelUsed: UInt64, entryFuels: UnsafeMutablePointer<UInt64>) {
        (self + function).tallyExit(depth: depth, caller: caller.map { self + $0 }, fuelUsed, entryFuels: entryFuels)
    }

    /// `tallyCall` on the callee's own tally.
    @inline(__always)
    func tallyEntry(depth: Int, _ fuelUsed: UInt64, entryFuels: UnsafeMutablePointer<UInt64>) {
        entryFuels[depth] = fuelUsed
        pointee.active &+= 1
    }

    /// `tallyReturn` on the returning function's own tally and its caller's.
    @inline(__always)
    func tallyExit(depth: Int, caller: UnsafeMutablePointer<FunctionTally>?, _ fuelUsed: UInt64, entryFuels: UnsafeMutablePointer<UInt64>) {
        let fuel = fuelUsed &- entryFuels[depth]
        pointee.selfFuel &+= fuel
        pointee.active &-= 1
        if pointee.active == 0 { pointee.totalFuel &+= fuel }
        pointee.calls &+= 1   // apart from `active`: next to it, the two became four vector instructions
        if let caller { caller.pointee.selfFuel &-= fuel }
    }
}
