// Comparisons. Integer compares fuse with a following br_if or `if` (brIf<op>SS/SI):
// `negated` is the compare `if` tests (it branches when the condition is zero), `mirrored`
// the same compare with its operands swapped (a constant on the left becomes an immediate).
extension Table {
    static let comparisons = Section("Comparisons", [
        Row("i32Eqz", "i32.eqz", parser: .instruction, [.i32], [.i32], .condition("asU32(x) == 0"), fast: [.unary]),
        intCompare("i32Eq", "i32.eq", .i32, "asU32(x) == asU32(y)", negated: "i32Ne", mirrored: "i32Eq", commutative: true),
        intCompare("i32Ne", "i32.ne", .i32, "asU32(x) != asU32(y)", negated: "i32Eq", mirrored: "i32Ne", commutative: true),
        intCompare("i32LtS", "i32.lt_s", .i32, "asS32(x) < asS32(y)", negated: "i32GeS", mirrored: "i32GtS"),
        intCompare("i32LtU", "i32.lt_u", .i32, "asU32(x) < asU32(y)", negated: "i32GeU", mirrored: "i32GtU"),
        intCompare("i32GtS", "i32.gt_s", .i32, "asS32(x) > asS32(y)", negated: "i32LeS", mirrored: "i32LtS"),
        intCompare("i32GtU", "i32.gt_u", .i32, "asU32(x) > asU32(y)", negated: "i32LeU", mirrored: "i32LtU"),
        intCompare("i32LeS", "i32.le_s", .i32, "asS32(x) <= asS32(y)", negated: "i32GtS", mirrored: "i32GeS"),
        intCompare("i32LeU", "i32.le_u", .i32, "asU32(x) <= asU32(y)", negated: "i32GtU", mirrored: "i32GeU"),
        intCompare("i32GeS", "i32.ge_s", .i32, "asS32(x) >= asS32(y)", negated: "i32LtS", mirrored: "i32LeS"),
        intCompare("i32GeU", "i32.ge_u", .i32, "asU32(x) >= asU32(y)", negated: "i32LtU", mirrored: "i32LeU"),
        Row("i64Eqz", "i64.eqz", parser: .instruction, [.i64], [.i32], .condition("x == 0"), fast: [.unary]),
        intCompare("i64Eq", "i64.eq", .i64, "x == y", negated: "i64Ne", mirrored: "i64Eq", commutative: true),
        intCompare("i64Ne", "i64.ne", .i64, "x != y", negated: "i64Eq", mirrored: "i64Ne", commutative: true),
        intCompare("i64LtS", "i64.lt_s", .i64, "Int64(bitPattern: x) < Int64(bitPattern: y)", negated: "i64GeS", mirrored: "i64GtS"),
        intCompare("i64LtU", "i64.lt_u", .i64, "x < y", negated: "i64GeU", mirrored: "i64GtU"),
        intCompare("i64GtS", "i64.gt_s", .i64, "Int64(bitPattern: x) > Int64(bitPattern: y)", negated: "i64LeS", mirrored: "i64LtS"),
        intCompare("i64GtU", "i64.gt_u", .i64, "x > y", negated: "i64LeU", mirrored: "i64LtU"),
        intCompare("i64LeS", "i64.le_s", .i64, "Int64(bitPattern: x) <= Int64(bitPattern: y)", negated: "i64GtS", mirrored: "i64GeS"),
        intCompare("i64LeU", "i64.le_u", .i64, "x <= y", negated: "i64GtU", mirrored: "i64GeU"),
        intCompare("i64GeS", "i64.ge_s", .i64, "Int64(bitPattern: x) >= Int64(bitPattern: y)", negated: "i64LtS", mirrored: "i64LeS"),
        intCompare("i64GeU", "i64.ge_u", .i64, "x >= y", negated: "i64LtU", mirrored: "i64LeU"),
        floatCompare("f32Eq", "f32.eq", .f32, "asF32(x) == asF32(y)"),
        floatCompare("f32Ne", "f32.ne", .f32, "asF32(x) != asF32(y)"),
        floatCompare("f32Lt", "f32.lt", .f32, "asF32(x) < asF32(y)"),
        floatCompare("f32Gt", "f32.gt", .f32, "asF32(x) > asF32(y)"),
        floatCompare("f32Le", "f32.le", .f32, "asF32(x) <= asF32(y)"),
        floatCompare("f32Ge", "f32.ge", .f32, "asF32(x) >= asF32(y)"),
        floatCompare("f64Eq", "f64.eq", .f64, "asF64(x) == asF64(y)"),
        floatCompare("f64Ne", "f64.ne", .f64, "asF64(x) != asF64(y)"),
        floatCompare("f64Lt", "f64.lt", .f64, "asF64(x) < asF64(y)"),
        floatCompare("f64Gt", "f64.gt", .f64, "asF64(x) > asF64(y)"),
        floatCompare("f64Le", "f64.le", .f64, "asF64(x) <= asF64(y)"),
        floatCompare("f64Ge", "f64.ge", .f64, "asF64(x) >= asF64(y)"),
    ])

    static func intCompare(_ name: String, _ mnemonic: String, _ type: ValueKind, _ condition: String,
                           negated: String, mirrored: String, commutative: Bool = false) -> Row {
        Row(name, mnemonic, parser: .cmp, [type, type], [.i32], .condition(condition),
            fast: slotOrImmediate + (commutative ? [.commutative] : []) + [.compare(negated: negated, mirrored: mirrored)])
    }

    static func floatCompare(_ name: String, _ mnemonic: String, _ type: ValueKind, _ condition: String) -> Row {
        Row(name, mnemonic, parser: .cmp, [type, type], [.i32], .condition(condition), fast: [.slotSlot])
    }
}
