/// The linear memory an instruction is about to read or write.
public struct InstrMemoryAccess: Hashable, Sendable {
    public var range: Range<UInt64>
    public var isWrite: Bool
    public init(range: Range<UInt64>, isWrite: Bool) { self.range = range; self.isWrite = isWrite }
}

extension Instr {
    /// The memory this instruction reads and writes, decoded from it and the operand
    /// stack before it runs (`operands` bottom first, as `FrameInfo.operands`), so the
    /// fast path pays nothing. Empty accesses (a zero-length fill) are left out.
    public func memoryAccesses(operands: [Value]) -> [InstrMemoryAccess] {
        func operand(_ fromTop: Int) -> UInt64? {
            guard operands.count > fromTop else { return nil }
            // Addresses are i32: the low 32 bits of the slot, whatever type the stack pane inferred.
            return operands[operands.count - 1 - fromTop].slot & 0xffff_ffff
        }
        func range(_ start: UInt64, _ count: UInt64, write: Bool) -> [InstrMemoryAccess] {
            count == 0 ? [] : [InstrMemoryAccess(range: start ..< start + count, isWrite: write)]
        }
        if let size = Self.loadSize(op), let base = operand(0) { return range(base + UInt64(a), size, write: false) }
        if let size = Self.storeSize(op), let base = operand(1) { return range(base + UInt64(a), size, write: true) }
        switch op {
        case .memoryFill, .memoryInit:
            guard let n = operand(0), let d = operand(2) else { return [] }
            return range(d, n, write: true)
        case .memoryCopy:
            guard let n = operand(0), let s = operand(1), let d = operand(2) else { return [] }
            return range(s, n, write: false) + range(d, n, write: true)
        default:
            return []
        }
    }

    /// Whether `memoryAccesses` can find anything for this opcode (only then are operands needed).
    public static func touchesMemory(_ op: OpCode) -> Bool {
        loadSize(op) != nil || storeSize(op) != nil || op == .memoryFill || op == .memoryCopy || op == .memoryInit
    }

    public static func loadSize(_ op: OpCode) -> UInt64? {
        switch op {
        case .i32Load, .f32Load, .i64Load32S, .i64Load32U: 4
        case .i64Load, .f64Load: 8
        case .i32Load8S, .i32Load8U, .i64Load8S, .i64Load8U: 1
        case .i32Load16S, .i32Load16U, .i64Load16S, .i64Load16U: 2
        default: nil
        }
    }

    public static func storeSize(_ op: OpCode) -> UInt64? {
        switch op {
        case .i32Store, .f32Store, .i64Store32: 4
        case .i64Store, .f64Store: 8
        case .i32Store8, .i64Store8: 1
        case .i32Store16, .i64Store16: 2
        default: nil
        }
    }
}
