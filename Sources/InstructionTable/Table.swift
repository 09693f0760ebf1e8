/// The instruction table: every interpreter opcode, in `OpCode` order (the order is the
/// opcodes' raw values, which index the exact loop's jump table and the fuel cost array).
public enum Table {
    public static let sections: [Section] = control + [comparisons, integerArithmetic, floatArithmetic] + conversions
        + [simdVariables, simdMemory, simdLanes, simdBitwise, simdCompares, simdInteger, simdFloat]

    public static var rows: [Row] { sections.flatMap(\.rows) }

    /// Pairs of ops fused into one fast op when the consumer takes the producer's result next, as
    /// the two ops compute it: `<producer><Consumer>SS<S|I>` is z op (x producer y),
    /// `<producer>First<Consumer>SS<S|I>` (x producer y) op z (the order matters to which NaN a
    /// float add returns); the producer's y is a slot (SSS) or an immediate (SSI). Products and
    /// sums feed adds (`sum += a * b`, unrolled sums); rotations, shifts and masks feed the xors,
    /// ands and adds of hashes (sha256's sigmas, choose and majority).
    public static let fusedPairs: [FusedPair] = [
        .init("i32Mul", "i32Add"), .init("i64Mul", "i64Add"), .init("f32Mul", "f32Add"), .init("f64Mul", "f64Add"),
        .init("i32Add", "i32Add"), .init("i64Add", "i64Add"), .init("f32Add", "f32Add"), .init("f64Add", "f64Add"),
        .init("i32Rotl", immediate: true, "i32Xor"), .init("i32ShrU", immediate: true, "i32Xor"),
        .init("i32And", "i32Xor"), .init("i32And", "i32Add"), .init("i32Xor", "i32And"), .init("i32Xor", immediate: true, "i32And"),
    ]

    // Fast forms the numeric rows share.
    static let slotOrImmediate: [FastForm] = [.slotSlot, .slotImmediate(fits: nil)]
    static let commutative: [FastForm] = slotOrImmediate + [.commutative]
    // i64 ops whose constants often need all 64 bits (hashes, masks): the SW form takes them whole.
    static let wide: [FastForm] = slotOrImmediate + [.slotWide]
    static let commutativeWide: [FastForm] = commutative + [.slotWide]
}

/// Two ops that fuse into one fast op (`Table.fusedPairs`).
public struct FusedPair: Sendable {
    public let producer: String, consumer: String
    /// The producer's slot-immediate form (else slot-slot) feeds the consumer.
    public let immediate: Bool
    init(_ producer: String, immediate: Bool = false, _ consumer: String) {
        self.producer = producer; self.immediate = immediate; self.consumer = consumer
    }
    /// The producer's fast form that the compiler replaces.
    public var producerForm: String { producer + (immediate ? "SI" : "SS") }
    var operands: String { immediate ? "SSI" : "SSS" }
    var consumerOp: String { String(consumer.drop { !$0.isUppercase }) }
    /// z op p, and p op z.
    public var second: String { producer + consumerOp + operands }
    public var first: String { producer + "First" + consumerOp + operands }
}
