/// The instruction table: every interpreter opcode, in `OpCode` order (the order is the
/// opcodes' raw values, which index the exact loop's jump table and the fuel cost array).
public enum Table {
    public static let sections: [Section] = control + [comparisons, integerArithmetic, floatArithmetic] + conversions
        + [simdVariables, simdMemory, simdLanes, simdBitwise, simdCompares, simdInteger, simdFloat]

    public static var rows: [Row] { sections.flatMap(\.rows) }

    // Fast forms the numeric rows share.
    static let slotOrImmediate: [FastForm] = [.slotSlot, .slotImmediate(fits: nil)]
    static let commutative: [FastForm] = slotOrImmediate + [.commutative]
    // i64 ops whose constants often need all 64 bits (hashes, masks): the SW form takes them whole.
    static let wide: [FastForm] = slotOrImmediate + [.slotWide]
    static let commutativeWide: [FastForm] = commutative + [.slotWide]
}
