/// A table of the store. Elements are raw reference slots: 0 is null, otherwise
/// a function store address + 1 (funcref) or host value + 1 (externref).
final class Table {
    let elementType: ValueType
    let max: UInt64?
    var elements: [UInt64]

    init(type: TableType, limit: Int) {
        elementType = type.elementType
        max = type.limits.max
        elements = Array(repeating: 0, count: Int(type.limits.min))
        self.limit = limit
    }

    /// Growth stops here even without a declared maximum (MachineConfiguration.maxTableElements).
    let limit: Int

    var type: TableType { TableType(elementType: elementType, limits: Limits(min: UInt64(elements.count), max: max)) }

    /// Returns the old size, or nil when the limits forbid growing by `count`.
    func grow(by count: UInt64, filling value: UInt64) -> Int? {
        let old = elements.count
        let cap = Swift.min(UInt64(limit), max ?? UInt64(UInt32.max))
        guard count <= cap &- UInt64(old), UInt64(old) <= cap else { return nil }
        elements.append(contentsOf: repeatElement(value, count: Int(count)))
        return old
    }
}
