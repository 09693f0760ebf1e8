// The public face of the interpreter. Everything above WasmVM (host, session,
// wast runner, UI) uses only what is declared here; the executor may grow it,
// never reshape it. Bodies marked `unimplemented` are filled by the executor work.

/// A host function's implementation. It gets the arguments and the calling
/// instance's memory; it returns results matching its type or throws a Trap
/// (normally `host_error`). It must not call back into the machine.
public typealias HostFunctionBody = (inout HostCallContext) throws(Trap) -> [Value]

public struct HostCallContext {
    public let name: String
    public let arguments: [Value]
    /// Memory 0 of the instance that made the call (nil if it has none).
    public let memory: Memory?
    /// Extra fuel the host wants charged for this call (added after it returns).
    public var extraFuel: UInt64 = 0
    /// Fuel left for `extraFuel` once the call's base cost is paid: a host checks it before
    /// costly work (growing memory), so that work is never done for a call that cannot pay.
    public var fuelAvailable: UInt64 = .max
    public init(name: String, arguments: [Value], memory: Memory?) {
        self.name = name; self.arguments = arguments; self.memory = memory
    }
}

/// An external value a module can import: a store address of the given kind.
public enum ExternalValue: Hashable, Sendable {
    case function(Int)
    case table(Int)
    case memory(Int)
    case global(Int)
}

/// Resolves a module's imports, in order, to external values of the machine's store.
/// Return nil for "no such import"; the machine checks kinds and types and
/// reports unlinkable imports with both types.
public typealias ImportResolver = (Import) -> ExternalValue?

/// A module instance: its index spaces mapped to store addresses.
public struct Instance: Hashable, Sendable {
    public let id: Int
    public let module: Module
    public static func == (l: Instance, r: Instance) -> Bool { l.id == r.id }
    public func hash(into h: inout Hasher) { h.combine(id) }
    public init(id: Int, module: Module) { self.id = id; self.module = module }
}

/// Where execution is, for the code pane and breakpoints.
public struct CodeLocation: Hashable, Sendable {
    public var instance: Int
    /// Function index in the module's function index space.
    public var function: Int
    /// Index into the function's `CompiledFunction.code`.
    public var pc: Int
    /// Module byte offset of that instruction.
    public var offset: Int
    public init(instance: Int, function: Int, pc: Int, offset: Int) {
        self.instance = instance; self.function = function; self.pc = pc; self.offset = offset
    }
}

/// One call frame, for the call-stack and locals panes.
public struct FrameInfo: Hashable, Sendable {
    public var location: CodeLocation
    /// Params then declared locals.
    public var locals: [Value]
    /// Operand stack of this frame, bottom first, typed (types from the validator).
    public var operands: [Value]
}

/// A host call the machine is about to make (or has just made).
public struct HostCallEvent: Hashable, Sendable {
    public var function: Int          // store function address
    public var importModule: String
    public var importName: String
    public var arguments: [Value]
    public var results: [Value]?      // set after the call
    public var callSite: CodeLocation // the `call` instruction
}

/// Why `run` returned.
public enum ExecutionEvent: Hashable, Sendable {
    /// The call finished; the values it returned.
    case returned([Value])
    /// A trap; frames are kept for inspection (before unwinding) until the next call starts.
    case trapped(Trap)
    /// Paused before executing the instruction at a breakpoint.
    case breakpoint(id: Int, at: CodeLocation)
    /// The step budget (`RunLimits.maxSteps`) ran out: paused before the next instruction.
    case stepLimit
    /// Used fuel reached `RunLimits.pauseAtFuel`: paused before the instruction that would pass it.
    case fuelLimit
    /// Paused before a host call: its arguments are still on the stack, nothing charged yet.
    case hostCallPending(HostCallEvent)
    /// Paused right after a host call returned (results pushed, pc after the call).
    case hostCallReturned(HostCallEvent)
    /// Paused right after a store wrote into a watched range.
    case memoryWatch(address: UInt64, length: UInt64, at: CodeLocation)
}

/// Optional pause conditions for one `run`. The defaults cost nothing in the loop.
public struct RunLimits: Sendable {
    /// Pause once `steps` reaches this (absolute) count.
    public var maxSteps: UInt64?
    /// Pause before an instruction whose charge would take `fuelUsed` past this.
    public var pauseAtFuel: UInt64?
    /// Pause (reported as `.stepLimit`) right after a `return` leaves at most this many wasm
    /// frames: the debugger's `next` (current depth) and `finish` (depth - 1). Checked only on returns.
    public var pauseAtDepth: Int?
    public init(maxSteps: UInt64? = nil, pauseAtFuel: UInt64? = nil, pauseAtDepth: Int? = nil) {
        self.maxSteps = maxSteps; self.pauseAtFuel = pauseAtFuel; self.pauseAtDepth = pauseAtDepth
    }
}

/// A store function named for profiles: a wasm function of an instance, or a host function.
public struct FunctionRef: Hashable, Sendable {
    /// Store address.
    public var address: Int
    /// The defining instance and the function's index in its module's function index space (nil for a host function).
    public var instance: Int?
    public var function: Int?
    /// `module.name` of a host function.
    public var hostName: String?
    public init(address: Int, instance: Int?, function: Int?, hostName: String?) {
        self.address = address; self.instance = instance; self.function = function; self.hostName = hostName
    }
}

/// Fuel attributed to one function over a call (`Machine.fuelByFunction`).
public struct FunctionFuel: Hashable, Sendable {
    public var function: FunctionRef
    /// Fuel charged while it was the running function: its own instructions, its calls'
    /// `call` instructions; not the host calls it made (host functions have their own rows).
    public var selfFuel: UInt64
    /// Fuel from entering it to returning, callees included; a recursive activation is inside
    /// the outermost one on the stack and counts once.
    public var totalFuel: UInt64
    public var calls: UInt64
    public init(function: FunctionRef, selfFuel: UInt64, totalFuel: UInt64, calls: UInt64) {
        self.function = function; self.selfFuel = selfFuel; self.totalFuel = totalFuel; self.calls = calls
    }
}

/// Self fuel of one distinct call stack (`Machine.fuelStacks`), entry function first.
public struct FuelStack: Hashable, Sendable {
    public var stack: [FunctionRef]
    public var selfFuel: UInt64
    public init(stack: [FunctionRef], selfFuel: UInt64) { self.stack = stack; self.selfFuel = selfFuel }
}

/// Fuel charged at one instruction (`Machine.fuelByInstruction`): its executions times its
/// cost, with a host call's fuel at its `call` and variable costs as charged.
public struct InstructionFuel: Hashable, Sendable {
    public var location: CodeLocation
    public var fuel: UInt64
    public init(location: CodeLocation, fuel: UInt64) { self.location = location; self.fuel = fuel }
}

public struct MachineConfiguration: Sendable {
    /// Wasm call depth limit; deeper calls trap `call_stack_exhausted`.
    public var maxCallDepth: Int = 20_000
    /// Value stack capacity in 64-bit slots; overflowing it also traps `call_stack_exhausted`.
    public var maxStackSlots: Int = 4 << 20
    /// Memories never grow past this many 64 KiB pages, whatever their declared maximum.
    public var maxMemoryPages: Int = 65536
    /// Tables never grow past this many elements, whatever their declared maximum.
    public var maxTableElements: Int = 10_000_000
    /// Fuel for the module's start function during `instantiate` (hosts bound it so a looping start function cannot hang).
    public var startFunctionFuel: UInt64 = .max
    /// Run mode executes fast code (register form, fuel charged per block); false keeps
    /// everything in the exact loop (the reference for differential tests and benchmarks).
    public var usesFastCode = true
    /// Counting mode for `Machine.fuelByInstruction` (`profile --lines`): fast code counts
    /// its block entries and the exact loop credits each instruction it runs. Set before
    /// instantiating; without it no code counts anything. The counts cover one forward run
    /// from `startCall`: checkpoints do not hold them (profiling, not time travel, uses it).
    public var countsBlocks = false
    public init() {}
}
