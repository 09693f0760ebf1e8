/// Everything the host changes while a call runs: the draft, the host-call log,
/// the allocator and which snapshot UTXOs are spent. A value type, so a
/// checkpoint is a plain copy.
public struct HostState: Sendable, Equatable {
    public var draft = TransactionDraft()
    public var log: [HostCallRecord] = []
    public var allocator: HeapAllocator
    /// Indices into the snapshot's `utxos` spent by this call.
    public var spentUTXOs: Set<Int> = []
    /// State keys the call has read or written, in first-touch order (the debugger's State pane lists them first).
    public private(set) var touchedStateKeys: [[UInt8]] = []
    /// The keys of `touchedStateKeys` the call has read (`state_get`, `state_get_len`, `state_exists`).
    public private(set) var readStateKeys: Set<[UInt8]> = []
    private var touched: Set<[UInt8]> = []
    /// Standing mocks (`mock host NAME …`), one per import, in the order first set.
    public var mocks: [HostMock] = []
    /// The mock of the next host call only (`return VALUE…`), consumed by that call.
    public var nextCallMock: HostMock?

    public init(heapBase: UInt64) { allocator = HeapAllocator(base: heapBase) }

    mutating func noteState(_ key: [UInt8], read: Bool) {
        if touched.insert(key).inserted { touchedStateKeys.append(key) }
        if read { readStateKeys.insert(key) }
    }
}
