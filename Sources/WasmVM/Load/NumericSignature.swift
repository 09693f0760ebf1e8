// The translator's view of numeric and memory instructions; the instruction table generates
// their mapping from WasmParser's cases (NumericSignature.generated.swift).

/// Operand and result types of the numeric instructions, with their interpreter opcode.
struct NumericSignature {
    var op: OpCode
    var operand: ValueType
    var arity: Int
    var result: ValueType
}

/// Memory access instructions: opcode, value type and natural alignment exponent; nil for SIMD/atomics.
struct MemoryAccess {
    var op: OpCode
    var type: ValueType
    var naturalAlignment: UInt32
}
