/// A table of the store. Elements are raw reference slots: 0 is null, otherwise
/// a function store address + 1 (funcref) or host value + 1 (externref).
final class Table {
    let elementType: ValueType
    let max: UInt64?
    /// Raw storage, so fast code's `call_indirect` reads an element with no reference counting
    /// or exclusivity check (issue 16). Callers check indices against `elements.count`.
    @exclusivity(unchecked) private(set) var elements: UnsafeMutableBufferPointer<UInt64>

    init(type: TableType, limit: Int) {
        elementType = type.elementType
        max = type.limits.max
        elements = .allocate(capacity: Int(type.limits.min))
        elements.initialize(repeating: 0)
        self.limit = limit
    }

    deinit { elements.deallocate() }

    /// Growth stops here even without a declared maximum (MachineConfiguration.maxTableElements).
    let limit: Int

    var type: TableType { TableType(elementType: elementType, limits: Limits(min: UInt64(elements.count), max: max)) }

    /// Returns the old size, or nil when the limits forbid growing by `count`.
    func grow(by count: UInt64, filling value: UInt64) -> Int? {
        let old = elements.count
        let cap = Swift.min(UInt64(limit), max ?? UInt64(UInt32.max))
        guard count <= cap &- UInt64(old), UInt64(old) <= cap else { return nil }
        let grown = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: old + Int(count))
        _ = grown.initialize(from: elements)
        grown[old...].initialize(repeating: value)
        elements.deallocate()
        elements = grown
        return old
    }

    /// Writes `items` from element `offset` on; the caller has checked the range.
    func write<C: Collection<UInt64>>(_ items: C, at offset: Int) {
        _ = UnsafeMutableBufferPointer(rebasing: elements[offset ..< offset + items.count]).update(fromContentsOf: items)
    }

    /// All elements, for checkpoints.
    var snapshot: [UInt64] { Array(elements) }

    /// Restores a checkpoint's elements (the size may differ: the table may have grown since).
    func restore(_ saved: [UInt64]) {
        if saved.count != elements.count {
            elements.deallocate()
            elements = .allocate(capacity: saved.count)
        }
        _ = elements.initialize(from: saved)
    }
}
