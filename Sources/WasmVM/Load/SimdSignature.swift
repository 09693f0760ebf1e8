/// The translator's view of a SIMD instruction (generated from the instruction table in
/// SimdSignature.generated.swift): opcode, operand and result types, how many lanes its
/// lane immediate may name (0: none) and, for memory lane ops, the natural alignment.
struct SimdSignature {
    var op: OpCode
    var operands: [ValueType]
    var result: ValueType?
    var lanes: Int = 0
    var naturalAlignment: Int = 0
}
