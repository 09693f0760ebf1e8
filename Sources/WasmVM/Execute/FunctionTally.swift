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
