/// Everything the host changes while a call runs: the draft, the host-call log,
/// the allocator and which snapshot UTXOs are spent. A value type, so a
/// checkpoint is a plain copy.
public struct HostState: Sendable, Equatable {
    public var draft = TransactionDraft()
    public var log: [HostCallRecord] = []
    public var allocator: HeapAllocator
    /// Indices into the snapshot's `utxos` spent by this call.
    public var spentUTXOs: Set<Int> = []

    public init(heapBase: UInt64) { allocator = HeapAllocator(base: heapBase) }
}
