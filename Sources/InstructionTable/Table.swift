/// The instruction table: every interpreter opcode, in `OpCode` order (the order is the
/// opcodes' raw values, which index the exact loop's jump table and the fuel cost array).
public enum Table {
    public static let sections: [Section] = control + [comparisons, integerArithmetic, floatArithmetic] + conversions
        + [simdVariables, simdMemory, simdLanes, simdBitwise, simdCompares, simdInteger, simdFloat]

    public static var rows: [Row] { sections.flatMap(\.rows) }

    /// Ops whose result an add takes next fuse with it into one fast op, as the two ops compute
    /// it: `<op>AddSSS` is z + (x op y) (`sum += a * b`), `<op>FirstAddSSS` (x op y) + z (the
    /// order matters to which NaN a float add returns). Adds of adds are sums unrolled.
    public static let fusedAdds = [("i32Mul", "i32Add"), ("i64Mul", "i64Add"), ("f32Mul", "f32Add"), ("f64Mul", "f64Add"),
                                   ("i32Add", "i32Add"), ("i64Add", "i64Add"), ("f32Add", "f32Add"), ("f64Add", "f64Add")]

    // Fast forms the numeric rows share.
    static let slotOrImmediate: [FastForm] = [.slotSlot, .slotImmediate(fits: nil)]
    static let commutative: [FastForm] = slotOrImmediate + [.commutative]
    // i64 ops whose constants often need all 64 bits (hashes, masks): the SW form takes them whole.
    static let wide: [FastForm] = slotOrImmediate + [.slotWide]
    static let commutativeWide: [FastForm] = commutative + [.slotWide]
}
