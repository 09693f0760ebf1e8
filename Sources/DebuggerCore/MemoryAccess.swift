import WasmVM

/// The memory an instruction is about to read and write, as the panes show it
/// (the decoding itself is WasmVM's `Instr.memoryAccesses`, shared with `run --trace-values`).
enum MemoryAccess {
    /// `operands` bottom first, as `FrameInfo.operands`.
    static func predict(_ instr: Instr, operands: [Value]) -> [MemoryRange] {
        instr.memoryAccesses(operands: operands).map { MemoryRange(range: $0.range, kind: $0.isWrite ? .write : .read) }
    }

    /// Whether `predict` can find anything for this instruction (only then are operands needed).
    static func touchesMemory(_ op: OpCode) -> Bool { Instr.touchesMemory(op) }
}

extension Range where Bound == UInt64 {
    func overlapsNonEmpty(_ other: Range<UInt64>) -> Bool { lowerBound < other.upperBound && other.lowerBound < upperBound }
}
