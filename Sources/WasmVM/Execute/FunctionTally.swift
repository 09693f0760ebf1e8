/// Fuel attribution counters of one store function for the current call
/// (`Machine.profilesFuel`). Updated only at calls, returns and host calls: an activation's
/// fuel is what was charged between its call and its return (`Machine.entryFuels` keeps each
/// frame's start); at the return it goes to the function's self fuel and comes off its
/// caller's. No running mark to settle at every call (half of the old hooks' work).
/// A wasm function's tally is inline in its `FunctionCode`, where fast calls and returns already
/// look; a host function's is in `Machine.hostTallies` (`Machine.withTally`).
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

    /// A wasm call of this function whose frame is at `depth`, at `fuelUsed`, which includes the
    /// call's own cost. Shared by both loops' hooks.
    @inline(__always)
    mutating func enter(depth: Int, _ fuelUsed: UInt64, entryFuels: UnsafeMutablePointer<UInt64>) {
        entryFuels[depth] = fuelUsed
        active &+= 1
    }

    /// A return from this function whose frame is at `depth`, at `fuelUsed`, which includes the
    /// return's own cost: the activation's fuel, which the caller's self fuel gives back.
    @inline(__always)
    mutating func exit(depth: Int, _ fuelUsed: UInt64, entryFuels: UnsafeMutablePointer<UInt64>) -> UInt64 {
        let fuel = fuelUsed &- entryFuels[depth]
        selfFuel &+= fuel
        active &-= 1
        if active == 0 { totalFuel &+= fuel }
        calls &+= 1   // apart from `active`: next to it, the two became four vector instructions
        return fuel
    }
}

extension Unmanaged where Instance == FunctionCode {
    /// The function's tally, updated with no retain and release (through a reference, the update retained and released it).
    @inline(__always)
    func updateTally<R>(_ body: (inout FunctionTally) -> R) -> R { _withUnsafeGuaranteedRef { body(&$0.tally) } }
}
