import ContractHost
import WasmVM

/// Fuel by function for the fuel pane, `fuel` and `profile`. The machine attributes fuel
/// as it runs (`profilesFuel`, on from the call's start) and its attribution is part of
/// every checkpoint, so the numbers are exact at every stop, after time travel too, for
/// runs of any length; nothing is re-executed to compute them.
extension DebugSession {
    func fuelProfile() -> FuelProfile {
        ensureLastStep()
        return FuelProfile(machine: machine, module: module, instance: instance)
    }

    /// Function rows for the fuel pane, most self fuel first.
    func fuelByFunction() -> [FunctionFuelLine] {
        fuelProfile().rows.map { FunctionFuelLine(name: $0.name, selfFuel: $0.selfFuel, totalFuel: $0.totalFuel, calls: $0.calls) }
    }

    /// `profile`: the whole table for the run so far (as `wesdbg profile` prints it).
    func profileText() -> String {
        var text = fuelProfile().table()
        text.removeLast()
        return text
    }
}
