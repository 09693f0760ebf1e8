// Integer arithmetic. Divisions trap (guards in order); their slot-immediate form is used
// only for divisors that cannot trap (`fits`), so only the slot-slot form checks.
extension Table {
    static let integerArithmetic = Section("Integer arithmetic", [
        Row("i32Clz", "i32.clz", parser: .unary, [.i32], [.i32], .value("UInt64(asU32(x).leadingZeroBitCount)"), fast: [.unary]),
        Row("i32Ctz", "i32.ctz", parser: .unary, [.i32], [.i32], .value("UInt64(asU32(x).trailingZeroBitCount)"), fast: [.unary]),
        Row("i32Popcnt", "i32.popcnt", parser: .unary, [.i32], [.i32], .value("UInt64(asU32(x).nonzeroBitCount)"), fast: [.unary]),
        i32("i32Add", "i32.add", "asSlot(asU32(x) &+ asU32(y))", fast: commutative),
        i32("i32Sub", "i32.sub", "asSlot(asU32(x) &- asU32(y))"),
        i32("i32Mul", "i32.mul", "asSlot(asU32(x) &* asU32(y))", fast: commutative),
        i32("i32DivS", "i32.div_s", "asSlot(asS32(x) / asS32(y))",
            traps: [Trap("asS32(y) == 0", "integerDivideByZero"), Trap("asS32(x) == .min && asS32(y) == -1", "integerOverflow")],
            fast: [.slotSlot, .slotImmediate(fits: "Int32(truncatingIfNeeded: v) != 0 && Int32(truncatingIfNeeded: v) != -1")]),
        i32("i32DivU", "i32.div_u", "asSlot(asU32(x) / asU32(y))", traps: [Trap("asU32(y) == 0", "integerDivideByZero")],
            fast: [.slotSlot, .slotImmediate(fits: "UInt32(truncatingIfNeeded: v) != 0")]),
        i32("i32RemS", "i32.rem_s", "asS32(y) == -1 ? 0 : asSlot(asS32(x) % asS32(y))", traps: [Trap("asS32(y) == 0", "integerDivideByZero")],
            fast: [.slotSlot, .slotImmediate(fits: "Int32(truncatingIfNeeded: v) != 0 && Int32(truncatingIfNeeded: v) != -1")]),
        i32("i32RemU", "i32.rem_u", "asSlot(asU32(x) % asU32(y))", traps: [Trap("asU32(y) == 0", "integerDivideByZero")],
            fast: [.slotSlot, .slotImmediate(fits: "UInt32(truncatingIfNeeded: v) != 0")]),
        // i32 slots hold the value zero-extended, so bitwise ops work on the whole slot.
        i32("i32And", "i32.and", "x & y", fast: commutative),
        i32("i32Or", "i32.or", "x | y", fast: commutative),
        i32("i32Xor", "i32.xor", "x ^ y", fast: commutative),
        i32("i32Shl", "i32.shl", "asSlot(asU32(x) &<< (asU32(y) & 31))"),
        i32("i32ShrS", "i32.shr_s", "asSlot(asS32(x) &>> Int32(bitPattern: asU32(y) & 31))"),
        i32("i32ShrU", "i32.shr_u", "asSlot(asU32(x) &>> (asU32(y) & 31))"),
        i32("i32Rotl", "i32.rotl", "asSlot(Machine.rotateLeft(asU32(x), asU32(y)))"),
        i32("i32Rotr", "i32.rotr", "asSlot(Machine.rotateLeft(asU32(x), 32 &- asU32(y)))"),
        Row("i64Clz", "i64.clz", parser: .unary, [.i64], [.i64], .value("UInt64(x.leadingZeroBitCount)"), fast: [.unary]),
        Row("i64Ctz", "i64.ctz", parser: .unary, [.i64], [.i64], .value("UInt64(x.trailingZeroBitCount)"), fast: [.unary]),
        Row("i64Popcnt", "i64.popcnt", parser: .unary, [.i64], [.i64], .value("UInt64(x.nonzeroBitCount)"), fast: [.unary]),
        i64("i64Add", "i64.add", "x &+ y", fast: commutativeWide),
        i64("i64Sub", "i64.sub", "x &- y", fast: wide),
        i64("i64Mul", "i64.mul", "x &* y", fast: commutativeWide),
        i64("i64DivS", "i64.div_s", "asSlot(Int64(bitPattern: x) / Int64(bitPattern: y))",
            traps: [Trap("y == 0", "integerDivideByZero"),
                    Trap("Int64(bitPattern: x) == .min && Int64(bitPattern: y) == -1", "integerOverflow")],
            fast: [.slotSlot, .slotImmediate(fits: "v != 0 && Int64(bitPattern: v) != -1")]),
        i64("i64DivU", "i64.div_u", "x / y", traps: [Trap("y == 0", "integerDivideByZero")],
            fast: [.slotSlot, .slotImmediate(fits: "v != 0")]),
        i64("i64RemS", "i64.rem_s", "Int64(bitPattern: y) == -1 ? 0 : asSlot(Int64(bitPattern: x) % Int64(bitPattern: y))",
            traps: [Trap("y == 0", "integerDivideByZero")],
            fast: [.slotSlot, .slotImmediate(fits: "v != 0 && Int64(bitPattern: v) != -1")]),
        i64("i64RemU", "i64.rem_u", "x % y", traps: [Trap("y == 0", "integerDivideByZero")],
            fast: [.slotSlot, .slotImmediate(fits: "v != 0")]),
        i64("i64And", "i64.and", "x & y", fast: commutativeWide),
        i64("i64Or", "i64.or", "x | y", fast: commutativeWide),
        i64("i64Xor", "i64.xor", "x ^ y", fast: commutativeWide),
        i64("i64Shl", "i64.shl", "x &<< (y & 63)"),
        i64("i64ShrS", "i64.shr_s", "asSlot(Int64(bitPattern: x) &>> Int64(y & 63))"),
        i64("i64ShrU", "i64.shr_u", "x &>> (y & 63)"),
        i64("i64Rotl", "i64.rotl", "Machine.rotateLeft(x, y)"),
        i64("i64Rotr", "i64.rotr", "Machine.rotateLeft(x, 64 &- y)"),
    ])

    static func i32(_ name: String, _ mnemonic: String, _ value: String, traps: [Trap] = [],
                    fast: [FastForm] = slotOrImmediate) -> Row {
        Row(name, mnemonic, parser: .binary, [.i32, .i32], [.i32], .value(value), traps: traps, fast: fast)
    }

    static func i64(_ name: String, _ mnemonic: String, _ value: String, traps: [Trap] = [],
                    fast: [FastForm] = slotOrImmediate) -> Row {
        Row(name, mnemonic, parser: .binary, [.i64, .i64], [.i64], .value(value), traps: traps, fast: fast)
    }
}
