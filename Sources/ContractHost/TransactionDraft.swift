/// What a call has written: committed only if the call succeeds (HOST-ABI.md).
/// A value type, so checkpoints copy it cheaply.
public struct TransactionDraft: Sendable, Equatable {
    public struct AssetOutput: Sendable, Equatable {
        public var owner: Address
        public var amount: UInt64
        public var token: String
        public var lock: Lock?
        public var issuer: Address?
    }

    public enum Output: Sendable, Equatable {
        case asset(AssetOutput)
        case state(id: [UInt8], data: [UInt8])
        case resource(kind: String, data: [UInt8])
    }

    // Each payload keeps its hash (computed when it is set) so previews are O(1) (PayloadPreview).
    public struct StateWrite: Sendable, Equatable {
        public var key: [UInt8] { didSet { keyDigest = PayloadPreview.digest(key) } }
        public var value: [UInt8] { didSet { valueDigest = PayloadPreview.digest(value) } }
        public private(set) var keyDigest: UInt64
        public private(set) var valueDigest: UInt64

        public init(key: [UInt8], value: [UInt8]) {
            self.key = key; self.value = value
            keyDigest = PayloadPreview.digest(key); valueDigest = PayloadPreview.digest(value)
        }
    }

    public struct Event: Sendable, Equatable {
        public var name: [UInt8] { didSet { nameDigest = PayloadPreview.digest(name) } }
        public var data: [UInt8] { didSet { dataDigest = PayloadPreview.digest(data) } }
        public private(set) var nameDigest: UInt64
        public private(set) var dataDigest: UInt64

        public init(name: [UInt8], data: [UInt8]) {
            self.name = name; self.data = data
            nameDigest = PayloadPreview.digest(name); dataDigest = PayloadPreview.digest(data)
        }
    }

    /// Spent UTXO ids, or `draft:<output index>` for outputs of this draft.
    public var inputs: [String] = []
    public private(set) var outputs: [Output] = []
    /// Hashes of each output's id and data (assets: 0), for previews.
    public private(set) var outputDigests: [OutputDigest] = []

    public struct OutputDigest: Sendable, Equatable {
        public var id: UInt64
        public var data: UInt64
    }
    /// One entry per key (its last value), in first-write order.
    public private(set) var stateWrites: [StateWrite] = []
    /// Position of each key in `stateWrites`, so reads and writes stay O(1) however many keys a call writes.
    private var stateIndex: [[UInt8]: Int] = [:]
    public var events: [Event] = []
    public var returnData: [UInt8]? { didSet { returnDataDigest = returnData.map(PayloadPreview.digest) } }
    public private(set) var returnDataDigest: UInt64?
    /// Indices into `outputs` already spent by a later transfer.
    public private(set) var spentOutputs: Set<Int> = []
    /// Unspent asset outputs by owner and token, in output order: UTXO selection stays
    /// proportional to one owner's coins however long the draft grows.
    private var unspent: [CoinKey: [Int]] = [:]

    struct CoinKey: Hashable, Sendable {
        var owner: Address
        var token: String
    }

    public init() {}

    mutating func append(_ output: Output) {
        if case .asset(let a) = output { unspent[CoinKey(owner: a.owner, token: a.token), default: []].append(outputs.count) }
        outputs.append(output)
        switch output {
        case .asset: outputDigests.append(OutputDigest(id: 0, data: 0))
        case .state(let id, let data): outputDigests.append(OutputDigest(id: PayloadPreview.digest(id), data: PayloadPreview.digest(data)))
        case .resource(_, let data): outputDigests.append(OutputDigest(id: 0, data: PayloadPreview.digest(data)))
        }
    }

    /// One line for output `index` (`Output.summary`), in constant time however large its data.
    public func outputSummary(at index: Int) -> String {
        if case .state(let id, let data) = outputs[index] {
            let d = outputDigests[index]
            return "state \(displayBytes(id, digest: d.id)) = \(displayBytes(data, digest: d.data))"
        }
        return outputs[index].summary
    }

    mutating func spend(output index: Int) {
        guard case .asset(let a) = outputs[index] else { preconditionFailure("only asset outputs are spent") }
        spentOutputs.insert(index)
        unspent[CoinKey(owner: a.owner, token: a.token)]?.removeAll { $0 == index }
    }

    /// Indices of unspent asset outputs of `owner` in `token`, in output order.
    func unspentOutputs(owner: Address, token: String) -> [Int] {
        unspent[CoinKey(owner: owner, token: token)] ?? []
    }

    /// Inputs, outputs, state writes and events: what host-call fuel counts as added entries.
    var entryCount: Int { inputs.count + outputs.count + stateWrites.count + events.count }

    public var isEmpty: Bool { inputs.isEmpty && outputs.isEmpty && stateWrites.isEmpty && events.isEmpty && returnData == nil }

    /// The value this draft wrote for `key`, if any.
    public func stateValue(_ key: [UInt8]) -> [UInt8]? {
        stateIndex[key].map { stateWrites[$0].value }
    }

    mutating func writeState(_ key: [UInt8], _ value: [UInt8]) {
        if let i = stateIndex[key] { stateWrites[i].value = value }   // didSet hashes it once
        else { stateIndex[key] = stateWrites.count; stateWrites.append(StateWrite(key: key, value: value)) }
    }

    /// The `draft` object of the run result.
    public func json(committed: Bool) -> JSONValue {
        .object([
            ("committed", .bool(committed)),
            ("inputs", .array(inputs.map { .string($0) })),
            ("outputs", .array(outputs.map(\.json))),
            ("stateWrites", .array(stateWrites.map { .object([("key", .textOrHex($0.key)), ("value", .byteString($0.value))]) })),
            ("events", .array(events.map { .object([("name", .textOrHex($0.name)), ("data", .byteString($0.data))]) })),
            ("returnData", returnData.map(JSONValue.byteString) ?? .null),
        ])
    }
}

extension TransactionDraft.Output {
    public var json: JSONValue {
        switch self {
        case .asset(let a):
            .object([("kind", .string("asset")), ("owner", .string(a.owner.text)), ("amount", .integer(a.amount)),
                     ("token", .string(a.token)), ("lock", a.lock?.json ?? .null), ("issuer", a.issuer.map { .string($0.text) } ?? .null)])
        case .state(let id, let data):
            .object([("kind", .string("state")), ("id", .textOrHex(id)), ("data", .byteString(data))])
        case .resource(let kind, let data):
            .object([("kind", .string("resource")), ("resourceKind", .string(kind)), ("data", .byteString(data))])
        }
    }

    /// One line for the draft pane and human output.
    public var summary: String {
        switch self {
        case .asset(let a):
            var s = "asset \(a.amount) \(a.token.isEmpty ? "native" : "\"\(a.token)\"") -> \(a.owner.text)"
            if let l = a.lock { s += " locked \(l.json.compactText)" }
            if let i = a.issuer { s += " issuer \(i.text)" }
            return s
        case .state(let id, let data): return "state \(displayBytes(id)) = \(displayBytes(data))"
        case .resource(let kind, let data): return "resource \(kind) (\(data.count) bytes)"
        }
    }
}
