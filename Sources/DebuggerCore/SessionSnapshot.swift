import ContractHost
import WasmVM

// Plain values the panes render: the contract between DebugSession and the UI.
// The session fills them; the UI never reaches past them into the VM or host.

/// Where execution stands; `statusLine` is the console's status text.
public enum StopState: Hashable, Sendable {
    case notStarted
    /// Paused, and why (the last move's stop: a breakpoint, a step, a watch…).
    case paused(reason: StopReason)
    case trapped(Trap)
    /// Returned: success, or failure with the entry point's status code.
    case finished(Outcome)

    /// Why execution stopped, for the status line: `breakpoint 1 (host call execute_utxo_transfer)`,
    /// `watch 2: 0x490..0x498`, `trap: memory_out_of_bounds`, `step`, `finished: failure (code 2)`.
    public var reasonSummary: String {
        switch self {
        case .notStarted: "not started"
        case .paused(let reason): reason.summary
        case .trapped(let trap): "trap: \(trap.kind.rawValue)"
        case .finished(let outcome): "finished: \(outcome.text)"
        }
    }

    /// The call can no longer run forward (finished or trapped).
    public var isOver: Bool {
        switch self {
        case .finished, .trapped: true
        case .paused, .notStarted: false
        }
    }
}

public struct CodeLine: Hashable, Sendable {
    public var offset: Int
    public var text: String
    public var depth: Int
    public var isCurrent: Bool
    public var hasBreakpoint: Bool
    /// The breakpoint's id when `hasBreakpoint` (the UI's `b` sends `delete ID`; without it, `clear 0xOFFSET`).
    public var breakpointID: Int?
    public init(offset: Int, text: String, depth: Int, isCurrent: Bool, hasBreakpoint: Bool, breakpointID: Int? = nil) {
        self.offset = offset; self.text = text; self.depth = depth; self.isCurrent = isCurrent; self.hasBreakpoint = hasBreakpoint
        self.breakpointID = breakpointID
    }
}

public struct CodeView: Hashable, Sendable {
    public var functionName: String
    public var functionIndex: Int
    public var lines: [CodeLine]
    /// Index into `lines` of the next instruction, if in this function.
    public var currentLine: Int?
    public init(functionName: String, functionIndex: Int, lines: [CodeLine], currentLine: Int?) {
        self.functionName = functionName; self.functionIndex = functionIndex; self.lines = lines; self.currentLine = currentLine
    }
}

public struct StackEntry: Hashable, Sendable {
    public var value: Value
    /// The next instruction pops this entry.
    public var willPop: Bool
    public init(value: Value, willPop: Bool) { self.value = value; self.willPop = willPop }
}

public struct NamedValue: Hashable, Sendable {
    public var name: String
    public var value: Value
    public init(name: String, value: Value) { self.name = name; self.value = value }
}

public struct FrameView: Hashable, Sendable {
    /// `transfer+0x1c` or `env.execute_utxo_transfer (host)`.
    public var name: String
    public var offset: Int?
    public var isHost: Bool
    public init(name: String, offset: Int?, isHost: Bool) { self.name = name; self.offset = offset; self.isHost = isHost }
}

public enum MemoryAccessKind: String, Hashable, Sendable { case read, write }

public struct MemoryRange: Hashable, Sendable {
    public var range: Range<UInt64>
    public var kind: MemoryAccessKind
    public init(range: Range<UInt64>, kind: MemoryAccessKind) { self.range = range; self.kind = kind }
}

public struct MemoryView: Hashable, Sendable {
    public var byteCount: Int
    /// What the last step read and wrote (highlighted in two colours).
    public var lastAccesses: [MemoryRange]
    /// What the pending host call will read and write.
    public var pendingHostRanges: [MemoryRange]
    /// Where the Memory pane should look at this stop, nil to stay where it is: the last
    /// step's first access, else the pending host call's first range, else (before the
    /// first instruction) the entry function's first pointer argument, else the module's
    /// static data (its lowest active data segment).
    public var suggestedRange: Range<UInt64>?
    public init(byteCount: Int, lastAccesses: [MemoryRange], pendingHostRanges: [MemoryRange], suggestedRange: Range<UInt64>? = nil) {
        self.byteCount = byteCount; self.lastAccesses = lastAccesses; self.pendingHostRanges = pendingHostRanges
        // Without an explicit suggestion: the access or pending range, as the session would.
        self.suggestedRange = suggestedRange ?? MemoryView.suggestion(lastAccesses: lastAccesses, pendingHostRanges: pendingHostRanges,
                                                                      entryArguments: nil, byteCount: byteCount)
    }

    /// The first address of `suggestedRange`.
    public var suggestedAddress: UInt64? { suggestedRange?.lowerBound }

    /// The suggestion: an access or a pending host range if any; at the entry (`entryArguments`
    /// non-nil) the first entry argument that is an i32 address inside memory (not 0: a null
    /// pointer or a count), else `staticData`.
    public static func suggestion(lastAccesses: [MemoryRange], pendingHostRanges: [MemoryRange], entryArguments: [Value]?,
                                  staticData: Range<UInt64>? = nil, byteCount: Int) -> Range<UInt64>? {
        if let range = lastAccesses.first?.range ?? pendingHostRanges.first?.range { return range }
        guard let entryArguments else { return nil }
        for case .i32(let v) in entryArguments where v > 0 && UInt64(v) < UInt64(byteCount) {
            return UInt64(v) ..< UInt64(v) + 1
        }
        return staticData.flatMap { $0.lowerBound < UInt64(byteCount) ? $0 : nil }
    }
}

public struct FuelView: Hashable, Sendable {
    public var used: UInt64
    public var limit: UInt64
    public var lastCost: UInt64
    /// Every function that ran so far (host functions as `NAME (host)`), most self fuel first.
    public var byFunction: [FunctionFuelLine]
    /// `set fuel` was used: the run no longer matches the snapshot.
    public var modified: Bool
    public init(used: UInt64, limit: UInt64, lastCost: UInt64, byFunction: [FunctionFuelLine], modified: Bool) {
        self.used = used; self.limit = limit; self.lastCost = lastCost; self.byFunction = byFunction; self.modified = modified
    }
}

/// One function's fuel so far: its own instructions (self) and with its callees (total).
public struct FunctionFuelLine: Hashable, Sendable {
    public var name: String
    public var selfFuel: UInt64
    public var totalFuel: UInt64
    public var calls: UInt64
    public init(name: String, selfFuel: UInt64, totalFuel: UInt64, calls: UInt64) {
        self.name = name; self.selfFuel = selfFuel; self.totalFuel = totalFuel; self.calls = calls
    }
}

/// One entry of the draft pane.
public struct ListEntry: Hashable, Sendable {
    public var text: String
    /// Added by the last step/continue (highlighted).
    public var isNew: Bool
    /// The entry's payloads whole (the detail view shows them as hex and text).
    public var fields: [DetailField]
    public init(text: String, isNew: Bool, fields: [DetailField] = []) { self.text = text; self.isNew = isNew; self.fields = fields }
}

/// A labelled payload of a draft or state entry (`key`, `value`, `data`).
public struct DetailField: Hashable, Sendable {
    public var label: String
    public var bytes: [UInt8]
    public init(label: String, bytes: [UInt8]) { self.label = label; self.bytes = bytes }
}

public struct DraftView: Hashable, Sendable {
    /// Section titles ("inputs", "outputs", "state writes", "events", "return data") with their entries.
    public var sections: [(title: String, entries: [ListEntry])]
    /// Shown as `discarded` after a failure or trap.
    public var discarded: Bool
    public init(sections: [(title: String, entries: [ListEntry])], discarded: Bool) { self.sections = sections; self.discarded = discarded }
    public static func == (l: DraftView, r: DraftView) -> Bool {
        l.discarded == r.discarded && l.sections.map(\.title) == r.sections.map(\.title) && l.sections.map(\.entries) == r.sections.map(\.entries)
    }
    public func hash(into h: inout Hasher) { h.combine(discarded); for s in sections { h.combine(s.title); h.combine(s.entries) } }
}

/// Everything the panes show at one stop.
public struct SessionSnapshot: Hashable, Sendable {
    public var state: StopState
    /// `paused at transfer+0x1c (offset 0x3a1)`, `trapped: out_of_fuel`, `finished: success`.
    public var statusLine: String
    /// Executed instructions so far (the `goto` step number).
    public var step: UInt64
    public var code: CodeView?
    /// Operand stack of the selected frame, top first.
    public var stack: [StackEntry]
    public var locals: [NamedValue]
    public var globals: [NamedValue]
    /// Innermost first; host frames included while a host call is under way.
    public var frames: [FrameView]
    public var memory: MemoryView
    public var fuel: FuelView
    public var draft: DraftView
    /// Host calls made so far, then the pending one (`pending`) if the next instruction makes one.
    public var hostCalls: [HostCallView]
    /// Every breakpoint with its id (0 is the trap breakpoint).
    public var breakpoints: [BreakpointView] = []
    /// Where execution stands: `transfer+0x11 (offset 0x3a1) at token.c:12`; nil once finished.
    public var location: String?
    /// `set` changes in effect (`step 12: set mem 0x100 0a0b`): the run no longer matches the snapshot.
    public var debuggerChanges: [String] = []
    /// The Source pane (nil when the module has no line info).
    public var source: SourceView?
    /// Source variables of the selected frame (params first); empty without debug info.
    public var variables: [SourceVariable] = []
    /// State and UTXOs as a read would see them now; nil for a bare module call.
    public var chain: Chain?
    /// How the panes show v128 values (`set v128 SHAPE`).
    public var v128Shape: V128Shape = .hex
    public init(state: StopState, statusLine: String, step: UInt64, code: CodeView?, stack: [StackEntry], locals: [NamedValue],
                globals: [NamedValue], frames: [FrameView], memory: MemoryView, fuel: FuelView, draft: DraftView, hostCalls: [HostCallView]) {
        self.state = state; self.statusLine = statusLine; self.step = step; self.code = code; self.stack = stack; self.locals = locals
        self.globals = globals; self.frames = frames; self.memory = memory; self.fuel = fuel; self.draft = draft; self.hostCalls = hostCalls
    }
}

/// What a command printed; `isError` for bad commands (the session is unchanged).
public struct CommandResult: Hashable, Sendable {
    public var output: String
    public var isError: Bool
    public var quit: Bool
    public init(output: String, isError: Bool = false, quit: Bool = false) { self.output = output; self.isError = isError; self.quit = quit }
}
