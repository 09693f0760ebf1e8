import WasmVM

/// The memory an instruction is about to read and write, decoded from the
/// instruction and the operand stack before it runs (so the fast path pays nothing).
enum MemoryAccess {
    /// `operands` bottom first, as `FrameInfo.operands`.
    static func predict(_ instr: Instr, operands: [Value]) -> [MemoryRange] {
        func operand(_ fromTop: Int) -> UInt64? {
            guard operands.count > fromTop else { return nil }
            // Addresses are i32: the low 32 bits of the slot, whatever type the stack pane inferred.
            return operands[operands.count - 1 - fromTop].slot & 0xffff_ffff
        }
        func range(_ start: UInt64, _ count: UInt64, _ kind: MemoryAccessKind) -> [MemoryRange] {
            count == 0 ? [] : [MemoryRange(range: start ..< start + count, kind: kind)]
        }
        if let size = loadSize(instr.op), let base = operand(0) {
            return range(base + UInt64(instr.a), size, .read)
        }
        if let size = storeSize(instr.op), let base = operand(1) {
            return range(base + UInt64(instr.a), size, .write)
        }
        switch instr.op {
        case .memoryFill:
            guard let n = operand(0), let d = operand(2) else { return [] }
            return range(d, n, .write)
        case .memoryCopy:
            guard let n = operand(0), let s = operand(1), let d = operand(2) else { return [] }
            return range(s, n, .read) + range(d, n, .write)
        case .memoryInit:
            guard let n = operand(0), let d = operand(2) else { return [] }
            return range(d, n, .write)
        default:
            return []
        }
    }

    /// Whether `predict` can find anything for this instruction (only then are operands needed).
    static func touchesMemory(_ op: OpCode) -> Bool {
        loadSize(op) != nil || storeSize(op) != nil || op == .memoryFill || op == .memoryCopy || op == .memoryInit
    }

    static func loadSize(_ op: OpCode) -> UInt64? {
        switch op {
        case .i32Load, .f32Load, .i64Load32S, .i64Load32U: 4
        case .i64Load, .f64Load: 8
        case .i32Load8S, .i32Load8U, .i64Load8S, .i64Load8U: 1
        case .i32Load16S, .i32Load16U, .i64Load16S, .i64Load16U: 2
        default: nil
        }
    }

    static func storeSize(_ op: OpCode) -> UInt64? {
        switch op {
        case .i32Store, .f32Store, .i64Store32: 4
        case .i64Store, .f64Store: 8
        case .i32Store8, .i64Store8: 1
        case .i32Store16, .i64Store16: 2
        default: nil
        }
    }
}

extension Range where Bound == UInt64 {
    func overlapsNonEmpty(_ other: Range<UInt64>) -> Bool { lowerBound < other.upperBound && other.lowerBound < upperBound }
}
