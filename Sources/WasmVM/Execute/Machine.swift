// STUB: signatures are the contract; the executor work replaces the bodies
// (and may split this file). Keep every public signature.

/// A linear memory of the store. Hosts and the debugger read and write it through
/// these bounds-checked calls; the interpreter uses its raw buffer directly.
public final class Memory {
    public internal(set) var pageCount: Int = 0
    public let maxPages: Int?
    public var byteCount: Int { pageCount * wasmPageSize }
    init(type: MemoryType) { pageCount = Int(type.limits.min); maxPages = type.limits.max.map(Int.init); fatalError("unimplemented") }

    /// Whether `address ..< address + count` lies inside the memory.
    public func contains(_ address: UInt64, count: UInt64) -> Bool { fatalError("unimplemented") }
    /// Throws `memory_out_of_bounds` (hosts rethrow as `host_error` naming themselves).
    public func read(_ address: UInt64, count: Int) throws(Trap) -> [UInt8] { fatalError("unimplemented") }
    public func write(_ address: UInt64, _ bytes: [UInt8]) throws(Trap) { fatalError("unimplemented") }
    /// Grows by `pages`; returns the old page count, or nil when the limit forbids it.
    public func grow(by pages: Int) -> Int? { fatalError("unimplemented") }
}

/// A checkpoint of everything that changes while guest code runs (memories,
/// tables, globals, value stack, frames, pc, fuel, steps, pending host call).
/// Restoring it and running again reproduces the same execution exactly.
public struct MachineCheckpoint: @unchecked Sendable {
    /// Approximate bytes held, for the debugger's memory bound.
    public var byteSize: Int { fatalError("unimplemented") }
}

/// The pausable interpreter over one store. Not thread-safe; one call at a time.
public final class Machine {
    public let configuration: MachineConfiguration
    public init(configuration: MachineConfiguration = MachineConfiguration()) { self.configuration = configuration; fatalError("unimplemented") }

    // MARK: Store

    public func addHostFunction(module: String, name: String, type: FunctionType, _ body: @escaping HostFunctionBody) -> ExternalValue { fatalError("unimplemented") }
    public func addMemory(_ type: MemoryType) -> ExternalValue { fatalError("unimplemented") }
    public func addTable(_ type: TableType) -> ExternalValue { fatalError("unimplemented") }
    public func addGlobal(_ type: GlobalType, value: Value) -> ExternalValue { fatalError("unimplemented") }

    /// Links imports, allocates, initialises segments and runs the start function.
    /// Throws `LinkError` (unknown import, kind or type mismatch naming the import and
    /// both types; segment out of bounds) or `Trap` (start function trapped).
    public func instantiate(_ module: Module, imports: ImportResolver) throws -> Instance { fatalError("unimplemented") }

    public func export(_ instance: Instance, named name: String) -> ExternalValue? { fatalError("unimplemented") }
    /// Store address of the instance's function `index` (module index space).
    public func functionAddress(_ instance: Instance, function index: Int) -> Int { fatalError("unimplemented") }
    public func functionType(address: Int) -> FunctionType { fatalError("unimplemented") }
    public func memory(address: Int) -> Memory { fatalError("unimplemented") }
    /// Memory 0 of an instance, if it has one.
    public func memory(of instance: Instance) -> Memory? { fatalError("unimplemented") }
    public func globalValue(address: Int) -> Value { fatalError("unimplemented") }
    public func setGlobalValue(address: Int, _ value: Value) { fatalError("unimplemented") }
    /// Global values of an instance in its global index space.
    public func globals(of instance: Instance) -> [Value] { fatalError("unimplemented") }
    public func instance(id: Int) -> Instance { fatalError("unimplemented") }

    // MARK: Calls

    /// Prepares a call of a store function (wasm or host). Nothing runs until `run`/`step`.
    /// Throws a `Trap` if the arguments do not match the function's type.
    public func startCall(function address: Int, arguments: [Value], fuel: UInt64) throws(Trap) { fatalError("unimplemented") }
    /// Runs until the call returns, traps, or a pause condition holds.
    public func run(_ limits: RunLimits = RunLimits()) -> ExecutionEvent { fatalError("unimplemented") }
    /// Executes exactly one instruction (a host call counts as one) and pauses.
    public func step() -> ExecutionEvent { fatalError("unimplemented") }
    /// startCall + run with no pauses (host pauses off for the duration): `.returned` or `.trapped`.
    public func invoke(function address: Int, arguments: [Value], fuel: UInt64 = .max) -> ExecutionEvent { fatalError("unimplemented") }
    /// True while a started call has not yet returned or trapped.
    public var isCallActive: Bool { fatalError("unimplemented") }

    // MARK: Fuel and counters

    public var fuelLimit: UInt64 { get { fatalError("unimplemented") } set { fatalError("unimplemented") } }
    /// Exact at every instruction boundary.
    public var fuelUsed: UInt64 { fatalError("unimplemented") }
    /// Instructions executed since `startCall` (the step number of the next instruction).
    public var steps: UInt64 { fatalError("unimplemented") }

    // MARK: Debugger hooks (free when unused)

    public var pauseBeforeHostCalls: Bool = false
    public var pauseAfterHostCalls: Bool = false
    /// Pauses before executing `pc` of `function` in `instance`. Ids are the caller's.
    public func setBreakpoint(id: Int, instance: Instance, function: Int, pc: Int) { fatalError("unimplemented") }
    public func removeBreakpoint(id: Int) { fatalError("unimplemented") }
    /// Pause after any guest store (or bulk memory op) that writes into one of these byte ranges of memory 0 of `instance`.
    public func setMemoryWatches(_ ranges: [Range<UInt64>], instance: Instance) { fatalError("unimplemented") }

    // MARK: Inspection

    /// Wasm frames of the active call, outermost first. Available while paused and after a trap.
    public var frames: [FrameInfo] { fatalError("unimplemented") }
    /// The next instruction to execute (or the trapping one after a trap).
    public var location: CodeLocation? { fatalError("unimplemented") }
    /// The host call paused on by `.hostCallPending`, if any.
    public var pendingHostCall: HostCallEvent? { fatalError("unimplemented") }

    // MARK: Time travel

    public func checkpoint() -> MachineCheckpoint { fatalError("unimplemented") }
    public func restore(_ checkpoint: MachineCheckpoint) { fatalError("unimplemented") }
}
