import WasmVM

/// The loops a module can run in.
public enum LoopKind: String, CaseIterable, Sendable {
    /// Fast code from every block head (run mode).
    case fast
    /// Every instruction through the exact stepping loop (`wast --exact`).
    case exact
    /// `Machine.step()` one instruction at a time (the debugger's stepi).
    case stepped
}

/// One module run the same way in a chosen loop: load, instantiate (imports stubbed), then
/// every exported function called in export order with zero arguments (then ones, then all bits
/// set, if it takes any) and a fuel budget.
/// `transcript(of:loop:)` is what the loops must agree on byte for byte: each call's returned values
/// (bit patterns) or trap (kind, message, function, offset), its fuel and steps, and a hash
/// of memory 0 and the globals after it.
/// (Shared by the Fuzzing package and, through a symlink, Tests/WasmVMTests.)
public struct ModuleRun: Sendable {
    /// Fuel for each exported call and for the start function.
    public var fuel: UInt64
    /// Memories and tables are capped so that a declared 4 GiB memory does not swamp a fuzzer.
    public var maxMemoryPages: Int
    public var maxTableElements: Int
    /// Value-stack slots (the machine's default is 4 Mi; a fuzzer allocates a stack per input).
    public var maxStackSlots: Int
    /// Exported functions called, in export order (bounds the work of a module with thousands).
    public var maxCalledExports: Int

    public init(fuel: UInt64 = 100_000, maxMemoryPages: Int = 64, maxTableElements: Int = 10_000,
                maxStackSlots: Int = MachineConfiguration().maxStackSlots, maxCalledExports: Int = .max) {
        self.fuel = fuel; self.maxMemoryPages = maxMemoryPages; self.maxTableElements = maxTableElements
        self.maxStackSlots = maxStackSlots; self.maxCalledExports = maxCalledExports
    }

    /// The lines a loop produced for `module`.
    public func transcript(of module: Module, loop: LoopKind) -> [String] { run(module, loop: loop).lines }

    /// One exported call: what it was given and how it ended (for comparing with another engine).
    public struct Call: Sendable {
        public var export: String
        public var arguments: [Value]
        /// nil when it trapped.
        public var results: [Value]?
        public var trap: TrapKind?
    }

    public struct Outcome: Sendable {
        public var lines: [String]
        /// Empty when instantiation failed or the start function trapped (`startTrap`).
        public var calls: [Call]
        public var startTrap: TrapKind?
    }

    public func run(_ module: Module, loop: LoopKind) -> Outcome {
        var configuration = MachineConfiguration()
        configuration.usesFastCode = loop == .fast
        configuration.startFunctionFuel = fuel
        configuration.maxMemoryPages = maxMemoryPages
        configuration.maxTableElements = maxTableElements
        configuration.maxStackSlots = maxStackSlots
        let machine = Machine(configuration: configuration)
        var lines: [String] = []
        var calls: [Call] = []
        var externals: [ExternalValue?] = []
        for item in module.imports {
            switch item.descriptor {
            case .function(let typeIndex):
                guard Int(typeIndex) < module.types.count else { externals.append(nil); continue }
                let type = module.types[Int(typeIndex)]
                let name = "\(item.module).\(item.name)"
                // A stub host function: zero results; an import named "trap" traps host_error.
                externals.append(machine.addHostFunction(module: item.module, name: item.name, type: type) {
                    (context: inout HostCallContext) throws(Trap) -> [Value] in
                    if item.name == "trap" { throw Trap(.hostError, "stub \(name) traps") }
                    return type.results.map(Value.zero)
                })
            case .memory(let type): externals.append(machine.addMemory(type))
            case .table(let type): externals.append(machine.addTable(type))
            case .global(let type): externals.append(machine.addGlobal(type, value: .zero(type.valueType)))
            }
        }
        let imports = module.imports
        let instance: Instance
        do {
            let (made, trap) = try machine.instantiateKeepingTrap(module) { imp in
                imports.firstIndex(of: imp).flatMap { externals[$0] }
            }
            instance = made
            if let trap {
                lines.append("start trapped: \(Self.describe(trap)) fuel \(machine.fuelUsed) steps \(machine.steps)")
                return Outcome(lines: lines, calls: [], startTrap: trap.kind)
            }
        } catch {
            lines.append("cannot instantiate: \(error)")
            return Outcome(lines: lines, calls: [])
        }
        lines.append("instantiated: " + state(machine, instance))
        for export in module.exports.filter({ $0.kind == .function }).prefix(maxCalledExports) {
            guard case .function(let address)? = machine.export(instance, named: export.name) else { continue }
            let type = machine.functionType(address: address)
            for (set, make) in Self.argumentSets.enumerated() where set == 0 || !type.parameters.isEmpty {
                let event: ExecutionEvent
                let arguments = type.parameters.map(make)
                do {
                    try machine.startCall(function: address, arguments: arguments, fuel: fuel)
                    event = loop == .stepped ? stepToEnd(machine) : machine.run()
                } catch {
                    event = .trapped(error)
                }
                let outcome: String
                switch event {
                case .returned(let values):
                    outcome = "returned \(values)"
                    calls.append(Call(export: export.name, arguments: arguments, results: values))
                case .trapped(let trap):
                    outcome = "trapped \(Self.describe(trap))"
                    calls.append(Call(export: export.name, arguments: arguments, trap: trap.kind))
                default: outcome = "paused \(event)"
                }
                lines.append("\(export.name) #\(set): \(outcome) fuel \(machine.fuelUsed) steps \(machine.steps) " + state(machine, instance))
            }
        }
        return Outcome(lines: lines, calls: calls)
    }

    /// The arguments each export is called with: zeros, then (if it takes any) ones and all bits set.
    static let argumentSets: [@Sendable (ValueType) -> Value] = [
        Value.zero,
        { type in
            switch type {
            case .i32: .i32(1)
            case .i64: .i64(1)
            case .f32: .f32(Float(1).bitPattern)
            case .f64: .f64(Double(1).bitPattern)
            case .v128: .v128(V128(SIMD4<UInt32>(repeating: 1)))
            case .funcref, .externref: .zero(type)
            }
        },
        { type in
            switch type {
            case .i32: .i32(.max)
            case .i64: .i64(.max)
            case .f32: .f32(.max)
            case .f64: .f64(.max)
            case .v128: .v128(V128(low: .max, high: .max))
            case .funcref, .externref: .zero(type)
            }
        },
    ]

    private func stepToEnd(_ machine: Machine) -> ExecutionEvent {
        while true {
            let event = machine.step()
            switch event {
            case .returned, .trapped: return event
            default: continue
            }
        }
    }

    static func describe(_ trap: Trap) -> String {
        "\(trap.kind.rawValue) '\(trap.message)' function \(trap.function.map(String.init) ?? "-") offset \(trap.offset.map(String.init) ?? "-")"
    }

    /// Memory 0 (size and an FNV-1a hash) and the instance's globals.
    private func state(_ machine: Machine, _ instance: Instance) -> String {
        var text = "globals \(machine.globals(of: instance))"
        if let memory = machine.memory(of: instance) {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            if let bytes = try? memory.read(0, count: memory.byteCount) {
                for b in bytes { hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3 }
            }
            text += " memory \(memory.pageCount) pages fnv \(String(hash, radix: 16))"
        }
        return text
    }

    /// Where two transcripts first differ, or nil.
    public static func firstDifference(_ a: [String], _ b: [String]) -> (index: Int, a: String, b: String)? {
        for i in 0..<max(a.count, b.count) {
            let x = i < a.count ? a[i] : "(nothing)"
            let y = i < b.count ? b[i] : "(nothing)"
            if x != y { return (i, x, y) }
        }
        return nil
    }
}
