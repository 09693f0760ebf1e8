import ContractHost
import WasmVM

/// A debugging session over one contract call: breakpoints, stepping, time
/// travel and the command language. Commands in (`execute`), plain-value
/// snapshots out (`snapshot`); batch mode and the terminal UI drive the same commands.
///
/// Running forward goes through the machine's own pauses (patched-op
/// breakpoints, store watches, host-call pauses, fuel pauses) in
/// `RunLimits.maxSteps` chunks, checkpointing between chunks; the session
/// never single-steps in Swift except for the commands that step.
public final class DebugSession: DebugSessionDriving {
    let target: DebugTarget
    let machine: Machine
    let instance: Instance
    /// The instance's module, or its copy showing raw names (`set print demangle off`).
    var module: Module

    var breakpoints: [Breakpoint] = [Breakpoint(id: 0, kind: .trap)] { didSet { breakpointsVersion &+= 1 } }
    /// Changes with every change of `breakpoints`: the machine is re-armed only when it moved.
    var breakpointsVersion = 0
    /// The `breakpointsVersion` and mode the machine was last armed for (without temporary stops).
    var armedFor: (version: Int, armed: Bool)?
    var armedHostPauses = false
    var nextBreakpointID = 1
    var state: StopState = .notStarted
    var history: CheckpointHistory
    /// Said once after the next move when checkpoints could not be allocated and history was dropped.
    var historyNote: String?
    let initialCheckpoint: TargetCheckpoint
    /// Step number of the state shown (machine.steps while paused).
    var currentStep: UInt64 = 0
    /// Memory the last executed instruction read and wrote (exact after single steps and time travel).
    var lastAccesses: [MemoryRange] = []
    var lastCost: UInt64 = 0
    /// False after a stop reached by `machine.run`: `lastAccesses`/`lastCost` are then
    /// recomputed on demand by re-executing the last instruction (`ensureLastStep`).
    var lastStepExact = true
    /// Changes in effect (`set`, `return`, `mock`, `unmock`, applied snapshot edits), in step order.
    var changes: [Change] = []
    /// The snapshot's edits, applied when execution reaches their steps (`DebugSession+Edits.swift`).
    var scheduledEdits: [SnapshotEdit] = []
    /// Scheduled edits that could not be applied at their step (index → why): dropped from the schedule.
    var editFailures: [Int: String] = [:]
    /// Set while a scheduled edit is applied: `record` tags the change with its index.
    var applyingEdit: Int?
    /// Lines said after the next stop (scheduled edits applied on the way).
    var editNotes: [String] = []
    /// Command lines executed so far, refused ones as `# refused: …` (`save --bundle` writes them).
    var commandHistory: [String] = []
    /// Innermost-first index of the frame `frame N` selected.
    var selectedFrame = 0
    /// Draft and host-log lines at the previous stop, to mark what is new.
    var previousDraft: Set<String> = []
    var previousHostLogCount = 0
    /// Machine breakpoints currently patched in, by machine id.
    var armedLocations: [Int: CodeLocationKey] = [:]
    var armedWatches: [Range<UInt64>] = []
    /// Watches the last single step triggered.
    var pendingWatchHits: [Int] = []
    /// What each watch held at its last hit (or when the run started): the "old" of the next hit.
    var watchSeen: [Int: String] = [:]
    /// The instruction or host call the last single step ran (the writer a watch hit names).
    var lastWriter: Writer?
    /// Polled between run chunks (every `CheckpointHistory.interval` instructions); true pauses the run.
    var interruptCheck: (() -> Bool)?

    public func setInterruptCheck(_ check: (() -> Bool)?) { interruptCheck = check }
    /// The machine is paused where a plain `run` would pause again at once.
    var mustStepBeforeRun = false
    /// The entry point's results once finished.
    var results: [Value]?
    var cachedSnapshot: SessionSnapshot?
    /// Changes whenever `set` changes are made or undone: the execution is another one.
    var timeline = 0
    /// DWARF and source files (empty for modules without debug info).
    let sources: SourceContext
    /// `print`'s value history number (`$1`, `$2`, ...).
    var printCount = 0
    /// How v128 values show (`set v128 SHAPE`): a display setting, the execution is unchanged.
    var v128Shape: V128Shape = .hex
    /// The line `list` shows around next (file as recorded, line), moved on by each `list`.
    var listCursor: (file: String, line: Int)?
    var disassemblyCache: [Int: [DisassembledInstruction]] = [:]
    /// How conditions evaluated now count: on a forward run (hits counted, notes given),
    /// reverse-continue's scan (no counting), or a replay whose results are not used.
    var conditionMode: ConditionMode = .quiet
    /// Notes about conditions that could not be evaluated (each once per breakpoint), said after the move.
    var conditionNotes: [String] = []
    /// Hand lowered conditions to the machine (off: every arrival wakes the session, the reference path in tests).
    var lowersConditions = true
    /// Conditions the session evaluated itself (tests tell the two paths apart by it).
    var sessionConditionChecks = 0
    /// What compiled conditions read, refilled at each evaluation.
    lazy var conditionFrame = ConditionFrame(machine: machine, instance: instance) { [unowned self] in upcomingHostCall() }

    /// Starts the target's call and pauses before its first instruction.
    /// `historyBudget`: bytes the time-travel checkpoints may hold (`CheckpointHistory.defaultBudget`).
    public init(target: DebugTarget, sources options: SourceOptions = SourceOptions(),
                historyBudget: Int = CheckpointHistory.defaultBudget) throws {
        self.target = target
        history = CheckpointHistory(budget: historyBudget)
        machine = target.machine
        instance = target.instance
        module = target.instance.module
        sources = SourceContext(module: module, options: options)
        // Fuel by function from the first instruction on (the fuel pane, `fuel`, `profile`).
        machine.profilesFuel = true
        try target.start()
        guard let initial = target.checkpoint() else { throw SessionError("out of host memory for the first checkpoint") }
        initialCheckpoint = initial
        history.insert(step: 0, checkpoint: initialCheckpoint)
        // A trap before the first instruction is shown where it happened, as `run` reports it.
        state = target.startTrap.map { .trapped($0) } ?? .paused(reason: .start)
        scheduledEdits = target.edits
        applyDueEdits()
        editNotes = []
        previousDraft = Set(draftLines())
    }

    public var hostFunctionNames: [String] { target.hostFunctionNames }

    /// One line when the module's debug info is malformed (source-level debugging is then partial or off).
    public var debugInfoWarning: String? { sources.warning }

    public func memoryBytes(at address: UInt64, count: Int) -> [UInt8] {
        guard let memory = machine.memory(of: instance), count > 0, address < UInt64(memory.byteCount) else { return [] }
        let n = min(UInt64(count), UInt64(memory.byteCount) - address)
        return (try? memory.read(address, count: Int(n))) ?? []
    }

    /// True while the call can still run forward.
    var isRunning: Bool {
        if case .paused = state { return true }
        return false
    }

    // MARK: Where execution stands

    struct CodeLocationKey: Hashable {
        var function: Int
        var pc: Int
        var machineID: Int { function << 32 | pc }
    }

    /// Wasm frames, innermost first (empty once finished).
    var frames: [FrameInfo] {
        switch state {
        case .finished, .notStarted: return []
        case .trapped:
            return breakpoints[0].isEnabled ? machine.frames.reversed() : []
        case .paused: return machine.frames.reversed()
        }
    }

    func instruction(at location: CodeLocation) -> Instr? {
        let defined = location.function - module.importedFunctionCount
        guard defined >= 0, defined < module.functions.count, location.pc < module.functions[defined].code.count else { return nil }
        return module.functions[defined].code[location.pc]
    }

    /// Import `(module, name)` of a function index, if it is imported.
    func importName(ofFunction index: Int) -> (module: String, name: String)? {
        var k = 0
        for imp in module.imports {
            if case .function = imp.descriptor {
                if k == index { return (imp.module, imp.name) }
                k += 1
            }
        }
        return nil
    }

    /// The host call the next instruction makes, decoded, if it calls a host function.
    func upcomingHostCall() -> PendingHostCall? {
        guard isRunning, let call = machine.pendingHostCall else { return nil }
        return target.describe(call)
    }

    /// `transfer+0x1c (offset 0x3a1)`
    func describe(_ location: CodeLocation) -> String {
        let defined = location.function - module.importedFunctionCount
        let start = defined >= 0 && defined < module.functions.count ? module.functions[defined].bodyRange.lowerBound : location.offset
        return "\(module.displayName(ofFunction: location.function))+0x\(hex(UInt64(location.offset - start))) (offset 0x\(hex(UInt64(location.offset))))"
    }

    var statusLine: String {
        switch state {
        case .notStarted: return "not started"
        case .paused:
            return machine.location.map { "paused at \(describe($0))\(sourceSuffix($0))" } ?? "paused"
        case .trapped(let trap): return "trapped: \(trap.kind.rawValue)"
        case .finished(let outcome): return "finished: \(outcome.text)"
        }
    }

    func invalidate() {
        cachedSnapshot = nil
    }
}
