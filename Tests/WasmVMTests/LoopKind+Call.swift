import WasmVM

extension LoopKind {
    /// Calls export `name` of the text module `wat` in this loop, to its return or trap.
    func call(_ wat: String, _ name: String, _ arguments: [Value], fuel: UInt64 = 1_000) throws -> [Value] {
        var configuration = MachineConfiguration()
        configuration.usesFastCode = self == .fast
        let machine = Machine(configuration: configuration)
        let instance = try machine.instantiate(try Module.load(text: wat), imports: { _ in nil })
        guard case .function(let address)? = machine.export(instance, named: name) else { throw Trap(.hostError, "no \(name)") }
        try machine.startCall(function: address, arguments: arguments, fuel: fuel)
        while true {
            switch self == .stepped ? machine.step() : machine.run() {
            case .returned(let values): return values
            case .trapped(let trap): throw trap
            default: continue
            }
        }
    }
}
