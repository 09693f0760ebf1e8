import WasmVM

/// Why execution paused: what the session's last move stopped for.
public enum StopReason: Hashable, Sendable {
    /// Before the first instruction (a new session, `restart`, a reverse scan that found nothing).
    case start
    /// A move reached its goal: `step`, `next`, `until`, `finish`, `goto`, `reverse-step`, `reverse-next`, `restarted`, `scan`.
    case moved(String)
    /// Enabled breakpoints held here (ids in order) and what kind of place it is.
    case breakpoint(ids: [Int], hit: BreakpointHit)
    /// Memory or state watches the last instruction triggered.
    case watch([WatchHit])
    /// The front end asked the run to stop (Ctrl-C).
    case interrupted
    /// A stop reached by running into a trap (the state then is `.trapped`).
    case trap
    /// A stop reached by running to the end (the state then is `.finished`).
    case finished
    /// A move that says why it stopped where it did (`no earlier breakpoint: back at the start`).
    case note(String)

    /// The line batch mode prints for the stop (`breakpoint 1: host call execute_utxo_transfer(…)`).
    public var text: String {
        switch self {
        case .start: "start"
        case .moved(let name): name
        case .breakpoint(let ids, let hit):
            switch hit {
            case .code: "breakpoint \(Self.list(ids))"
            case .hostCall(let call): "breakpoint \(Self.list(ids)): host call \(call.text)"
            case .fuel(let used): "breakpoint \(Self.list(ids)): fuel used \(used)"
            }
        case .watch(let hits): hits.map(\.text).joined(separator: "; ")
        case .interrupted: "interrupted"
        case .trap: "trap"
        case .finished: "finished"
        case .note(let text): text
        }
    }

    /// The status line's short form: `breakpoint 1 (host call execute_utxo_transfer)`, `watch 2: 0x490..0x498`, `step`.
    public var summary: String {
        switch self {
        case .breakpoint(let ids, let hit):
            switch hit {
            case .code: "breakpoint \(Self.list(ids))"
            case .hostCall(let call): "breakpoint \(Self.list(ids)) (host call \(call.name))"
            case .fuel(let used): "breakpoint \(Self.list(ids)) (fuel used \(used))"
            }
        case .watch(let hits):
            hits.map { hit in
                if let range = hit.range { "watch \(hit.id): 0x\(hex(range.lowerBound))..0x\(hex(range.upperBound))" } else { "watch \(hit.id): \(hit.what)" }
            }.joined(separator: "; ")
        default: text
        }
    }

    /// Breakpoint and watch ids this stop counts as hits.
    public var breakpointIDs: [Int] {
        switch self {
        case .breakpoint(let ids, _): ids
        case .watch(let hits): hits.map(\.id)
        default: []
        }
    }

    static func list(_ ids: [Int]) -> String { ids.map(String.init).joined(separator: ", ") }
}

/// What kind of place a breakpoint stopped at.
public enum BreakpointHit: Hashable, Sendable {
    /// A code location (function entry, offset, source line).
    case code
    /// Before a host call (`break host NAME`), with the call as it will be made.
    case hostCall(HostCallView)
    /// A fuel threshold (`break fuel N`) with the fuel used when it paused.
    case fuel(used: UInt64)
}

/// One watch that a write triggered.
public struct WatchHit: Hashable, Sendable {
    public var id: Int
    /// `memory 0x490..0x498 (8 bytes) written`, `state key "count" written`.
    public var what: String
    /// The watched memory (nil for a state watch).
    public var range: Range<UInt64>?
    /// `i64.store align=8 at main+0x5 (offset 0x2b)`, `host call state_set`.
    public var writer: String?
    /// The watched bytes (hex, at most 16) or state value before and after the write.
    public var change: (old: String, new: String)?
    public init(id: Int, what: String, range: Range<UInt64>?, writer: String? = nil, change: (old: String, new: String)? = nil) {
        self.id = id; self.what = what; self.range = range; self.writer = writer; self.change = change
    }
    /// `watch 1: memory 0x10..0x14 (4 bytes) written by i64.store … at main+0x5 (offset 0x2b): 00 00 00 00 → 2a 00 00 00`
    public var text: String {
        "watch \(id): \(what)" + (writer.map { " by " + $0 } ?? "") + (change.map { ": \($0.old) → \($0.new)" } ?? "")
    }
    public static func == (l: WatchHit, r: WatchHit) -> Bool {
        l.id == r.id && l.what == r.what && l.range == r.range && l.writer == r.writer && l.change?.old == r.change?.old && l.change?.new == r.change?.new
    }
    public func hash(into h: inout Hasher) { h.combine(id); h.combine(what); h.combine(range); h.combine(writer); h.combine(change?.old); h.combine(change?.new) }
}

/// How a finished call ended.
public enum Outcome: Hashable, Sendable {
    /// Returned normally; `code` is the entry point's status code (0) if it returns one.
    case success(code: Int?)
    /// Returned a non-zero status code.
    case failure(code: Int)

    /// `success` or `failure` (the snapshot's `expect.status`).
    public var status: String {
        switch self {
        case .success: "success"
        case .failure: "failure"
        }
    }

    public var code: Int? {
        switch self {
        case .success(let code): code
        case .failure(let code): code
        }
    }

    /// `success`, `failure (code 2)`.
    public var text: String {
        switch self {
        case .success: "success"
        case .failure(let code): "failure (code \(code))"
        }
    }
}

/// A host call as the panes and batch commands show it, made or pending, with typed
/// arguments. `text` is the one formatting of a host call the debugger uses everywhere.
public struct HostCallView: Hashable, Sendable {
    public struct Argument: Hashable, Sendable {
        /// Parameter name from the host ABI (`amount`, `to`), else `arg0`...
        public var name: String
        public var value: Value
        /// What the argument stands for, read by the host (`"GOLD"`, `"0x82…"`), when it differs from the value.
        public var decoded: String?
        public init(name: String, value: Value, decoded: String? = nil) {
            self.name = name; self.value = value
            self.decoded = decoded == value.plainText ? nil : decoded
        }

        /// `amount=250`, `token=1156 "GOLD"`: the value, then what it decodes to.
        public var text: String { "\(name)=\(value.plainText)" + (decoded.map { " \($0)" } ?? "") }
    }

    public var name: String
    public var arguments: [Argument]
    /// Values returned to the contract (empty while pending, when it trapped, or when it returns nothing).
    public var results: [Value]
    /// Why a status-returning call failed.
    public var failure: String?
    /// The host error when the call trapped.
    public var trap: String?
    /// A debugger mock answered (or will answer) the call.
    public var mocked: Bool
    /// Not made yet: the next instruction makes it.
    public var pending: Bool
    /// Memory the call read and wrote (or will).
    public var ranges: [MemoryRange]
    /// Made by the last move (highlighted).
    public var isNew: Bool

    public init(name: String, arguments: [Argument], results: [Value] = [], failure: String? = nil, trap: String? = nil,
                mocked: Bool = false, pending: Bool = false, ranges: [MemoryRange] = [], isNew: Bool = false) {
        self.name = name; self.arguments = arguments; self.results = results; self.failure = failure; self.trap = trap
        self.mocked = mocked; self.pending = pending; self.ranges = ranges; self.isNew = isNew
    }

    /// `execute_utxo_transfer(from=0 "0x82…", amount=250) -> i32:1`, `… failed: insufficient funds`, `… [mocked]` while pending.
    public var text: String {
        var s = "\(name)(\(arguments.map(\.text).joined(separator: ", ")))"
        if pending { return s + (mocked ? " [mocked]" : "") }
        if let trap { return s + " trapped: \(trap)" }
        if !results.isEmpty { s += " -> " + results.map(\.description).joined(separator: ", ") }
        if mocked { return s + (failure != nil ? " failed (mocked)" : " (mocked)") }
        if let failure { s += " failed: \(failure)" }
        return s
    }

    /// `-> i32:1`, `failed: …`, `trapped: …`, `pending`: the result part alone (detail views).
    public var resultText: String {
        if pending { return mocked ? "pending (a mock will answer)" : "pending" }
        if let trap { return "trapped: \(trap)" }
        var parts: [String] = []
        if !results.isEmpty { parts.append("-> " + results.map(\.description).joined(separator: ", ")) }
        if let failure { parts.append("failed: \(failure)") }
        if mocked { parts.append("(mocked)") }
        return parts.isEmpty ? "returned nothing" : parts.joined(separator: " ")
    }
}

/// A breakpoint as the snapshot lists it (the UI never reads `info breakpoints`).
public struct BreakpointView: Hashable, Sendable {
    public var id: Int
    /// `offset 0x2e3`, `host call execute_utxo_transfer`, `any trap`.
    public var what: String
    public var isEnabled: Bool
    public var hits: Int
    /// Module offsets of its code locations (empty for host, trap, fuel, watch breakpoints).
    public var offsets: [Int]
    public init(id: Int, what: String, isEnabled: Bool, hits: Int, offsets: [Int]) {
        self.id = id; self.what = what; self.isEnabled = isEnabled; self.hits = hits; self.offsets = offsets
    }
}
