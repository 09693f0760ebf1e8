/// Fuel attribution counters of one store function for the current call
/// (`Machine.profilesFuel`). Updated only at calls, returns and host calls: an activation's
/// fuel is what was charged between its call and its return (`Frame.entryFuel` keeps each
/// frame's start); at the return it goes to the function's activations and to its caller's
/// callees. Self and total fuel are differences of these sums, so that a return stores three
/// counters (stores bound a call-heavy loop), an unnested function's two (`FunctionCode.isUnnested`).
/// A wasm function's tally is inline in its `FunctionCode`, where fast calls and returns already
/// look; a host function's is in `Machine.hostTallies` (`Machine.withTally`).
struct FunctionTally {
    /// Fuel of finished activations, those inside another activation of this function included.
    var activationFuel: UInt64 = 0
    /// Calls begun, running ones included (what a profile reports).
    var calls: UInt64 = 0
    /// Fuel of finished calls made from this function's activations, finished or not.
    var calleeFuel: UInt64 = 0
    /// Running activations, but for an unnested function's (`FunctionCode.isUnnested`: none is
    /// ever below another, and its returns skip this). Apart from `calls`: next to it, the
    /// two increments became four vector instructions.
    var active: UInt64 = 0
    /// Fuel of finished activations inside another activation of this function (recursion),
    /// which total fuel counts once, as part of the outer one.
    var nestedFuel: UInt64 = 0

    /// Fuel of finished activations less that of their callees; it wraps below zero while a
    /// running activation's callees have returned (`Machine.fuelByFunction` adds the running share).
    var selfFuel: UInt64 { activationFuel &- calleeFuel }
    /// Fuel of finished outermost activations.
    var totalFuel: UInt64 { activationFuel &- nestedFuel }

    /// A wasm call of this function (its frame holds the entry fuel). Shared by both loops' hooks.
    @inline(__always)
    mutating func enter() {
        calls &+= 1
        active &+= 1
    }

    /// A return from this function's activation that began at `entry`, at `fuelUsed`, which includes
    /// the return's own cost: the activation's fuel, which goes to the caller's `calleeFuel`.
    /// `unnested`: this function is never nested (`FunctionCode.isUnnested`).
    @inline(__always)
    mutating func exit(entry: UInt64, _ fuelUsed: UInt64, unnested: Bool) -> UInt64 {
        let fuel = fuelUsed &- entry
        activationFuel &+= fuel
        if !unnested {
            active &-= 1
            if active != 0 { nestedFuel &+= fuel }   // no _slowPath: in a recursion (fib) it is the common case
        }
        return fuel
    }

    /// A host call charged `fuel`: one finished activation with no callees.
    mutating func hostCall(_ fuel: UInt64) {
        calls &+= 1
        activationFuel &+= fuel
    }
}

extension Unmanaged where Instance == FunctionCode {
    /// The function's tally, updated with no retain and release (through a reference, the update retained and released it).
    @inline(__always)
    func updateTally<R>(_ body: (inout FunctionTally) -> R) -> R { _withUnsafeGuaranteedRef { body(&$0.tally) } }

    /// A return from this function's activation begun at `entry` to `caller` (nil: the outermost);
    /// `unnested`: this function is never nested. A return into another activation of the same function
    /// changes neither self nor total fuel (its fuel would go to both sums of each difference), so
    /// it only counts the activation off: a recursion's returns store one counter, not four.
    @inline(__always)
    func tallyReturn(to caller: Unmanaged<FunctionCode>?, entry: UInt64, _ fuelUsed: UInt64, unnested: Bool) {
        if !unnested, let caller, caller.toOpaque() == toOpaque() {
            updateTally { $0.active &-= 1 }
            return
        }
        let fuel = updateTally { $0.exit(entry: entry, fuelUsed, unnested: unnested) }
        caller?.updateTally { $0.calleeFuel &+= fuel }
    }
}
