/// The pausable interpreter over one store. Not thread-safe; one call at a time.
///
/// Store entities live in arrays indexed by store address; instances map their
/// index spaces to them. Guest state (value stack, frames, pc, fuel) is explicit
/// so execution can pause anywhere, be inspected, checkpointed and resumed.
public final class Machine {
    public let configuration: MachineConfiguration

    // MARK: Store state
    private(set) var storeFunctions: [StoreFunction] = []
    /// Per store function address: `storeFunctions` as fast code's `call_indirect` reads it
    /// (raw, as an array's getter there was a call and a retain; capacity doubles).
    private(set) var indirectTargets = UnsafeMutableBufferPointer<IndirectTarget>.allocate(capacity: 16)
    var storeMemories: [Memory] = []
    var storeTables: [Table] = []
    var globalCells: [UnsafeMutablePointer<UInt64>] = []
    var globalTypes: [GlobalType] = []
    var instances: [InstanceRuntime] = []
    var typeIDs: [FunctionType: Int] = [:]

    // MARK: Execution state
    /// The value stack: `maxStackSlots` slots, untouched pages cost nothing.
    let stack: UnsafeMutablePointer<UInt64>
    /// Fuel cost per opcode, from FuelCosts; `variableCost` sends an op to the slow path.
    let costs: UnsafeMutablePointer<UInt64>
    var sp = 0
    var callFrames: [Frame] = []
    /// The fast loop's frame stack (`maxCallDepth + 1` frames), copied from and back to `callFrames`.
    let frameBuffer: UnsafeMutablePointer<Frame>
    /// `frameBuffer[0 ..< bufferedFrames]` equals the start of `callFrames`: the fast loop copies
    /// only the rest. Whatever replaces `callFrames` wholesale sets it to 0.
    var bufferedFrames = 0
    var callState: CallState = .idle
    var fuelLimitValue: UInt64 = .max
    var fuelUsedValue: UInt64 = 0
    var stepCount: UInt64 = 0
    /// The step number execution last paused at: a breakpoint there does not pause again,
    /// so continuing from any pause makes progress (as in gdb).
    /// Read at every machine-evaluated condition: unchecked exclusivity, as above.
    @exclusivity(unchecked) var pausedAtStep: UInt64?
    /// The step number whose host-call pause was reported (or stepped over): resuming performs the call.
    var hostPauseTakenAt: UInt64?
    /// A call started directly on a host function (no wasm frame).
    var directHostCall: (address: Int, arguments: [Value])?
    /// Results of the finished call, for `.returned`.
    var results: [Value] = []
    /// The trap that ended the last call, kept for inspection.
    var lastTrap: Trap?
    /// The exact loop's last `.stepLimit` came from `pauseAtDepth` (a return to that depth).
    var lastStopWasDepth = false

    // MARK: Fuel by function (Machine+FuelProfile.swift; set both before `startCall`)
    /// Attribute fuel to functions: self, total and calls (work on calls and returns only).
    public var profilesFuel: Bool = false
    /// With `profilesFuel`, also keep fuel per distinct call stack (`fuelStacks`).
    /// The hooks run on every call and return: their state skips Swift's dynamic
    /// exclusivity checks (a `swift_beginAccess` per property access tripled fib's time).
    @exclusivity(unchecked) public var recordsCallStacks: Bool = false
    /// Host functions' tallies by store address (`tallyCapacity` of them; wasm functions keep
    /// theirs in their code), reset by `startCall`.
    @exclusivity(unchecked) var hostTallies: UnsafeMutablePointer<FunctionTally> = .allocate(capacity: 1)
    var tallyCapacity = 0
    /// Whether fast code's calls and returns use their tallied handlers, and for how many store
    /// functions (`retargetTallies`): they must agree with `profilesFuel` whenever fast code runs.
    var talliedCode = false
    var talliedFunctions = 0
    /// `fuelUsed` when the running call stack's self fuel was last settled (`fuelStacks` only).
    @exclusivity(unchecked) var tallyMark: UInt64 = 0
    @exclusivity(unchecked) var callTree = CallTree()
    /// Counting mode's credits outside block counts (Machine+InstructionFuel.swift).
    var instructionCredits = InstructionCredits()

    // MARK: Hooks
    public var pauseBeforeHostCalls: Bool = false
    public var pauseAfterHostCalls: Bool = false
    var patches: [PatchKey: Patch] = [:]
    var breakpointKeys: [Int: PatchKey] = [:]
    var watchRanges: [Range<UInt64>] = []
    var watchedMemory: Memory?

    enum CallState { case idle, active, returned, trapped }

    struct PatchKey: Hashable { let instance: Int; let function: Int; let pc: Int }
    struct Patch {
        let code: FunctionCode
        let original: Instr
        var ids: [Int]
        /// Set when every id has machine conditions (Machine+Conditions.swift).
        var conditions: ConditionSet?
        /// The fast pc of its probe, when fast code evaluates the conditions in place.
        var probe: Int?
    }

    // MARK: Machine-evaluated breakpoint conditions (Machine+Conditions.swift)
    /// Conditions by breakpoint id; a patch all of whose ids have them lets execution go on where they are false.
    var breakConditions: [Int: [MachineCondition]] = [:]
    /// Off, every conditional breakpoint stops for the debugger (as an unconditional one does).
    /// (Both are read at every evaluation: no dynamic exclusivity checks, which cost more than a false condition.)
    @exclusivity(unchecked) public var evaluatesConditions = false
    /// Whether evaluations count arrivals (`hits`); off, a condition reading `hits` goes to the debugger.
    @exclusivity(unchecked) public var countsConditionHits = true
    let conditionStack: UnsafeMutablePointer<Int64> = .allocate(capacity: MachineCondition.stackLimit)

    /// Marks an op whose cost depends on operands or state (or a breakpoint): it takes the slow path.
    static let variableCost: UInt64 = 1 << 63
    /// Fuel budgets are clamped below this so `fuelUsed &+ variableCost` always exceeds them.
    static let budgetCeiling: UInt64 = 1 << 62

    public init(configuration: MachineConfiguration = MachineConfiguration()) {
        self.configuration = configuration
        stack = .allocate(capacity: Swift.max(configuration.maxStackSlots, 16))
        frameBuffer = .allocate(capacity: Swift.max(configuration.maxCallDepth, 1) + 1)
        let ops = OpCode.allCases
        costs = .allocate(capacity: ops.count)
        for op in ops {
            costs[Int(op.rawValue)] = FuelCosts.isVariable(op) ? Machine.variableCost : FuelCosts.base(op)
        }
    }

    deinit {
        stack.deallocate()
        frameBuffer.deallocate()
        indirectTargets.deallocate()
        costs.deallocate()
        hostTallies.deallocate()
        conditionStack.deallocate()
        for cell in globalCells { cell.deallocate() }
    }

    // MARK: Store

    func typeID(_ type: FunctionType) -> Int {
        if let id = typeIDs[type] { return id }
        let id = typeIDs.count
        typeIDs[type] = id
        return id
    }

    public func addHostFunction(module: String, name: String, type: FunctionType, _ body: @escaping HostFunctionBody) -> ExternalValue {
        let host = HostFunction(module: module, name: name, body: body)
        addStoreFunction(StoreFunction(type: type, typeID: typeID(type), wasm: nil, host: host))
        return .function(storeFunctions.count - 1)
    }

    func addStoreFunction(_ function: StoreFunction) {
        if storeFunctions.count == indirectTargets.count {
            let grown = UnsafeMutableBufferPointer<IndirectTarget>.allocate(capacity: 2 * indirectTargets.count)
            _ = grown.initialize(from: indirectTargets)
            indirectTargets.deallocate()
            indirectTargets = grown
        }
        indirectTargets.initializeElement(at: storeFunctions.count,
                                          to: IndirectTarget(typeID: function.typeID, wasm: function.wasm.map { Unmanaged.passUnretained($0) }))
        storeFunctions.append(function)
    }

    public func addMemory(_ type: MemoryType) -> ExternalValue {
        // Hosts add small memories (the spec suite's one page); none fails to allocate in practice.
        guard let memory = Memory(type: type, pageLimit: configuration.maxMemoryPages) else {
            preconditionFailure("cannot allocate a memory of \(type.limits.min) pages")
        }
        storeMemories.append(memory)
        return .memory(storeMemories.count - 1)
    }

    public func addTable(_ type: TableType) -> ExternalValue {
        storeTables.append(Table(type: type, limit: configuration.maxTableElements))
        return .table(storeTables.count - 1)
    }

    public func addGlobal(_ type: GlobalType, value: Value) -> ExternalValue {
        // Two slots per cell, so a v128 global fits (the others leave the second 0).
        let cell = UnsafeMutablePointer<UInt64>.allocate(capacity: 2)
        cell.initialize(repeating: 0, count: 2)
        Value.write([value], to: cell)
        globalCells.append(cell)
        globalTypes.append(type)
        return .global(globalCells.count - 1)
    }

    public func export(_ instance: Instance, named name: String) -> ExternalValue? {
        let runtime = instances[instance.id]
        guard let e = runtime.module.export(named: name) else { return nil }
        let i = Int(e.index)
        switch e.kind {
        case .function: return .function(runtime.functionAddresses[i])
        case .table: return .table(runtime.tableAddresses[i])
        case .memory: return .memory(runtime.memoryAddresses[i])
        case .global: return .global(runtime.globalAddresses[i])
        }
    }

    /// Store address of the instance's function `index` (module index space).
    public func functionAddress(_ instance: Instance, function index: Int) -> Int {
        instances[instance.id].functionAddresses[index]
    }
    public func functionType(address: Int) -> FunctionType { storeFunctions[address].type }
    public func memory(address: Int) -> Memory { storeMemories[address] }
    /// Memory 0 of an instance, if it has one.
    public func memory(of instance: Instance) -> Memory? { instances[instance.id].memory }
    public func globalValue(address: Int) -> Value { Value(slots: globalCells[address], type: globalTypes[address].valueType) }
    public func setGlobalValue(address: Int, _ value: Value) { Value.write([value], to: globalCells[address]) }
    /// Global values of an instance in its global index space.
    public func globals(of instance: Instance) -> [Value] {
        instances[instance.id].globalAddresses.map(globalValue(address:))
    }
    public func instance(id: Int) -> Instance { Instance(id: id, module: instances[id].module) }

    /// The type of a table, memory or global of the store (current size as the minimum).
    public func externalType(_ value: ExternalValue) -> ExternalType {
        switch value {
        case .function(let a): .function(storeFunctions[a].type)
        case .table(let a): .table(storeTables[a].type)
        case .memory(let a): .memory(MemoryType(limits: Limits(min: UInt64(storeMemories[a].pageCount), max: storeMemories[a].maxPages.map(UInt64.init))))
        case .global(let a): .global(globalTypes[a])
        }
    }

    /// A table element of the store, typed by the table's element type.
    public func tableElement(address: Int, index: Int) -> Value? {
        let t = storeTables[address]
        guard index >= 0, index < t.elements.count else { return nil }
        return Value(slot: t.elements[index], type: t.elementType)
    }

    public func tableSize(address: Int) -> Int { storeTables[address].elements.count }

    // MARK: Fuel and counters

    public var fuelLimit: UInt64 {
        get { fuelLimitValue }
        set { fuelLimitValue = newValue }
    }
    /// Exact at every instruction boundary.
    public var fuelUsed: UInt64 { fuelUsedValue }
    /// Instructions executed since `startCall`: the step number of the next instruction, or after
    /// a trap of the trapping one (whose fuel is charged, except for `out_of_fuel` and host errors).
    public var steps: UInt64 { stepCount }
    /// True while a started call has not yet returned or trapped.
    public var isCallActive: Bool { callState == .active }
}
