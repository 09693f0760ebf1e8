import WasmVM

/// Fuel the host charges on top of `FuelCosts.hostCall` (documented in docs/host.md).
public enum HostFuel {
    /// Per started 8 bytes the host reads from or writes to guest memory.
    public static let perEightBytes: UInt64 = 1
    /// Per draft entry added or replaced (input, output, state write, event, return data).
    public static let perDraftEntry: UInt64 = 10
    /// Per page `malloc` grows guest memory by (as `memory.grow`).
    public static let perGrownPage: UInt64 = FuelCosts.memoryGrowPerPage
}

/// Performs one host call against the snapshot and the host state.
struct HostCallHandler {
    let snapshot: ChainSnapshot
    var ledger: Ledger
    var memory: GuestMemory
    let function: HostFunction
    let arguments: [Value]
    var decoded: [String?]
    var grownPages = 0
    /// Fuel left for this call's extra cost (`HostCallContext.fuelAvailable`).
    var fuelAvailable: UInt64 = .max

    init(function: HostFunction, arguments: [Value], memory: Memory?, snapshot: ChainSnapshot, state: HostState) {
        self.snapshot = snapshot
        self.function = function
        self.arguments = arguments
        self.memory = GuestMemory(memory: memory, function: function.importName)
        ledger = Ledger(snapshot: snapshot, state: state)
        decoded = Array(repeating: nil, count: arguments.count)
    }

    var state: HostState { ledger.state }

    /// Runs the call; the record is appended to the log whether it returns, fails or traps.
    /// The state is moved into the handler and back (never copied), so long logs and drafts
    /// cost nothing per call. Every handler checks memory bounds before changing anything,
    /// so a trapping call leaves the state as it was, apart from its log record.
    static func perform(_ function: HostFunction, arguments: [Value], memory: Memory?, snapshot: ChainSnapshot,
                        state: inout HostState, fuelAvailable: UInt64 = .max) throws(Trap) -> (results: [Value], extraFuel: UInt64) {
        var h = HostCallHandler(function: function, arguments: arguments, memory: memory, snapshot: snapshot,
                                state: HostState(heapBase: 0))
        h.fuelAvailable = fuelAvailable
        swap(&h.ledger.state, &state)
        let before = h.ledger.state.draft.entryCount
        var record = HostCallRecord(function: function, arguments: [], results: [], failure: nil, trap: nil, extraFuel: 0)
        var thrown: Trap?
        do {
            switch try h.body() {
            case .success(let values): record.results = values
            case .failure(let f):
                record.failure = f.reason
                record.results = function.type.results.map { Value.zero($0) }
            }
        } catch {
            thrown = error
            record.trap = error.message
        }
        swap(&h.ledger.state, &state)
        record.arguments = zip(function.parameterNames, arguments).enumerated().map {
            HostCallRecord.Argument(name: $1.0, value: $1.1, decoded: h.decoded[$0])
        }
        record.memoryAccesses = h.memory.accesses
        var entries = state.draft.entryCount - before
        if thrown == nil, function == .setReturnData || function == .stateSet && record.failure == nil && entries == 0 { entries += 1 }
        record.extraFuel = (h.memory.bytesMoved + 7) / 8 * HostFuel.perEightBytes + UInt64(entries) * HostFuel.perDraftEntry
            + UInt64(h.grownPages) * HostFuel.perGrownPage
        state.log.append(record)
        if let thrown { throw thrown }
        return (record.results, record.extraFuel)
    }

    // MARK: Argument access

    func i32(_ i: Int) -> UInt32 { if case .i32(let v) = arguments[i] { return v }; preconditionFailure("host argument type") }
    func i64(_ i: Int) -> UInt64 { if case .i64(let v) = arguments[i] { return v }; preconditionFailure("host argument type") }
    func pointer(_ i: Int) -> UInt64 { UInt64(i32(i)) }

    mutating func bytes(_ ptr: Int, _ len: Int) throws(Trap) -> [UInt8] {
        let b = try memory.read(pointer(ptr), UInt64(i32(len)))
        decoded[ptr] = displayBytes(b)
        return b
    }

    mutating func address(_ ptr: Int) throws(Trap) -> Result<Address, HostFailure> {
        let b = try memory.read(pointer(ptr), 42)
        decoded[ptr] = displayBytes(b)
        guard let a = Address(bytes: b) else { return .failure(HostFailure("malformed address \(displayBytes(b))")) }
        return .success(a)
    }

    /// An address given with an explicit length (seed variants): the length must be 42.
    mutating func address(_ ptr: Int, length: Int) throws(Trap) -> Result<Address, HostFailure> {
        let b = try bytes(ptr, length)
        guard let a = Address(bytes: b) else { return .failure(HostFailure("malformed address \(displayBytes(b))")) }
        return .success(a)
    }

    static func token(_ b: [UInt8]) -> Result<String, HostFailure> {
        guard b.count <= 64 else { return .failure(HostFailure("token id longer than 64 bytes")) }
        guard let s = String(validating: b, as: UTF8.self) else { return .failure(HostFailure("token id is not UTF-8")) }
        return .success(s)
    }

    mutating func amount(_ i: Int) -> UInt64 {
        let v = i64(i)
        decoded[i] = String(v)
        return v
    }

    static let ok: [Value] = [.i32(1)]
}
