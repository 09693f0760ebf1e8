import WasmVM

/// One call of one contract against one snapshot: the ABI check, the machine, the
/// instance and the host state. Drive it with `start()` then `run`/`step`; the
/// debugger checkpoints and restores it for time travel.
public final class ContractExecution {
    public let snapshot: ChainSnapshot
    public let module: Module
    public let machine: Machine
    public let abi: ABICheck
    public private(set) var instance: Instance!
    /// Draft, host-call log, allocator, spent UTXOs.
    public internal(set) var host: HostState
    /// Function index (module index space) of the entry point.
    public let entryFunction: Int
    public internal(set) var isStarted = false
    /// Set once the call has returned or trapped.
    public internal(set) var result: ExecutionResult?
    /// A trap of the module's start function during instantiation (reported as the call's result).
    public private(set) var instantiationTrap: Trap?
    /// A trap that ended the call before its first instruction (set by `start()`): the start
    /// function's, or a call needing more value-stack slots than the machine has.
    public private(set) var startTrap: Trap?

    /// Checks the ABI and the call, then instantiates. `module` is loaded once by the caller and reused across restarts.
    public init(snapshot: ChainSnapshot, module: Module, configuration: MachineConfiguration = MachineConfiguration()) throws(InputError) {
        self.snapshot = snapshot
        self.module = module
        abi = ABICheck(module: module)
        if let b = abi.bindings.first(where: { $0.error != nil }) {
            throw snapshot.moduleError("ABI error: " + b.error!)
        }
        if let e = abi.moduleErrors.first { throw snapshot.moduleError("ABI error: " + e) }
        entryFunction = try Self.resolveEntry(snapshot: snapshot, module: module)
        host = HostState(heapBase: Self.heapBase(module))
        // A start function runs within the call's fuel, so a looping one traps `out_of_fuel` instead of hanging.
        var configuration = configuration
        configuration.startFunctionFuel = min(configuration.startFunctionFuel, snapshot.call.fuel)
        machine = Machine(configuration: configuration)

        var externals: [Int: ExternalValue] = [:]
        for b in abi.bindings {
            guard let f = b.function else { continue }
            externals[b.importIndex] = machine.addHostFunction(module: b.import.module, name: b.import.name, type: f.type) {
                [unowned self] (context: inout HostCallContext) throws(Trap) -> [Value] in
                // A mocked call runs nothing: no memory read or written, no fuel beyond the base cost.
                if let mock = self.host.takeMock(for: b.import.name) {
                    self.host.log.append(HostCallRecord(mocked: f, arguments: context.arguments, mock: mock))
                    context.extraFuel = 0
                    return mock.results
                }
                let (results, extra) = try HostCallHandler.perform(f, arguments: context.arguments, memory: context.memory,
                                                                   snapshot: self.snapshot, state: &self.host,
                                                                   fuelAvailable: context.fuelAvailable)
                context.extraFuel = extra
                return results
            }
        }
        let imports = module.imports
        do {
            // A trapping start function leaves the instance and the machine where it trapped (debug opens there).
            (instance, instantiationTrap) = try machine.instantiateKeepingTrap(module) { imp in
                imports.firstIndex(of: imp).flatMap { externals[$0] }
            }
        } catch {
            throw snapshot.moduleError("cannot instantiate: \(error)")
        }
    }

    /// Where the call's settings live, for messages: the snapshot's JSON path or the command-line option.
    private static func place(_ snapshot: ChainSnapshot, _ field: String) -> String {
        if case .file(let p) = snapshot.code, snapshot.file == p, snapshot.baseDirectory.isEmpty { return "--\(field == "function" ? "call" : field)" }
        return "call.\(field)"
    }

    static func resolveEntry(snapshot: ChainSnapshot, module: Module) throws(InputError) -> Int {
        let name = snapshot.call.function
        guard let e = module.exports.first(where: { $0.name == name && $0.kind == .function }) else {
            let names = module.exports.filter { $0.kind == .function }.map(\.name)
            throw InputError(file: snapshot.file, place: place(snapshot, "function"),
                             message: "the module exports no function \"\(name)\" (exported functions: \(names.isEmpty ? "none" : names.joined(separator: ", ")))")
        }
        let type = module.functionType(Int(e.index))
        let given = snapshot.call.args.map(\.type)
        guard given == type.parameters else {
            throw InputError(file: snapshot.file, place: place(snapshot, "args"),
                             message: "\(name) takes (\(type.parameters.map(\.description).joined(separator: ", "))) but the args give (\(given.map(\.description).joined(separator: ", ")))")
        }
        return Int(e.index)
    }

    /// Where `malloc` starts: above the `__heap_base` export when present, else above the memory's initial size.
    static func heapBase(_ module: Module) -> UInt64 {
        if let e = module.export(named: "__heap_base"), e.kind == .global {
            let importedGlobals = module.imports.count { if case .global = $0.descriptor { true } else { false } }
            let i = Int(e.index) - importedGlobals
            if i >= 0, i < module.globals.count, case .value(.i32(let v)) = module.globals[i].initializer { return UInt64(v) }
        }
        return (module.memories.first?.limits.min ?? 0) * UInt64(wasmPageSize)
    }

    /// Whether the entry point returns a status code (`() -> i32`).
    public var entryReturnsStatus: Bool {
        let t = module.functionType(entryFunction)
        return t.parameters.isEmpty && t.results == [.i32]
    }

    public var entryName: String { snapshot.call.function }

    /// Prepares the call of the entry point with the snapshot's fuel. Nothing runs until `run`/`step`.
    public func start() {
        precondition(!isStarted, "ContractExecution.start called twice")
        isStarted = true
        if let trap = instantiationTrap { startTrap = trap; finish(.trapped(trap)); return }
        let address = machine.functionAddress(instance, function: entryFunction)
        do { try machine.startCall(function: address, arguments: snapshot.call.args, fuel: snapshot.call.fuel) } catch {
            // Arguments were checked against the type; what remains is a function too big for the value stack.
            precondition(error.kind == .callStackExhausted, "entry arguments were checked against the type: \(error)")
            startTrap = error
            finish(.trapped(error))
        }
    }

    /// Runs until the call finishes or a pause condition holds.
    public func run(_ limits: RunLimits = RunLimits()) -> ExecutionEvent {
        if let r = result { return finishedEvent(r) }
        let event = machine.run(limits)
        finish(event)
        return event
    }

    /// Executes one instruction (a host call counts as one).
    public func step() -> ExecutionEvent {
        if let r = result { return finishedEvent(r) }
        let event = machine.step()
        finish(event)
        return event
    }

    /// Starts (if needed) and runs to the end with no pauses.
    @discardableResult
    public func runToEnd() -> ExecutionResult {
        if !isStarted { start() }
        machine.pauseBeforeHostCalls = false
        machine.pauseAfterHostCalls = false
        while result == nil { _ = run() }
        return result!
    }

    public var draft: TransactionDraft { host.draft }
    public var hostLog: [HostCallRecord] { host.log }

    private func finishedEvent(_ r: ExecutionResult) -> ExecutionEvent {
        if let t = r.trap { return .trapped(t) }
        return .returned(r.results)
    }

    private func finish(_ event: ExecutionEvent) {
        switch event {
        case .returned(let values):
            var r = baseResult()
            r.results = values
            if entryReturnsStatus, case .i32(let v) = values.first {
                r.code = Int32(bitPattern: v)
                r.status = v == 0 ? .success : .failure
            }
            result = r
        case .trapped(var trap):
            if trap.function == nil || trap.offset == nil, let loc = machine.location {
                trap.function = trap.function ?? loc.function
                trap.offset = trap.offset ?? loc.offset
            }
            var r = baseResult()
            r.status = .trap
            r.trap = trap
            r.trapFunction = trap.function.map { module.displayName(ofFunction: $0) }
            result = r
        default:
            break
        }
    }

    private func baseResult() -> ExecutionResult {
        ExecutionResult(status: .success, code: nil, results: [], trap: nil, trapFunction: nil,
                        fuelLimit: instantiationTrap == nil ? machine.fuelLimit : snapshot.call.fuel, fuelUsed: machine.fuelUsed,
                        draft: host.draft, hostCalls: host.log.count, expected: snapshot.expect)
    }
}
