// Ops whose semantics are hand-written in the loops (Machine+Execute.swift, Machine+Fast.swift):
// the table gives their opcode, text, fuel and how the fast compiler treats them.
extension Table {
    static let control: [Section] = [
        Section("Control", [
            Row("unreachable", fast: [.island]),
            Row("jump", doc: "a: target pc (no stack change; used for `else`)"),
            Row("jumpIfZero", doc: "a: target pc; pops i32 (used for `if`)"),
            Row("br", doc: "a: target pc, b: packBranch(arity, height)"),
            Row("brIf", doc: "a: target pc, b: packBranch(arity, height); pops i32 condition first"),
            Row("brTable", doc: "a: first index into branchTables, b: count of entries (last = default); pops i32"),
            Row("return", doc: "a: result count; copies results to fp, pops the frame"),
            Row("call", fuel: .call, doc: "a: function index (module function index space, imports first)"),
            // An indirect call through a table other than 0 is an island (FastCompiler.isIsland).
            Row("callIndirect", fuel: .call, doc: "a: type index, b: table index; pops i32 element index"),
            Row("breakpoint", fuel: .variable, fast: [.island],
                doc: "a: breakpoint id (meaning is the executor's); replaces a patched instruction, the patcher keeps the original"),
        ]),
        Section("Parametric", [
            Row("drop"),
            Row("select", doc: "pops i32 cond, v2, v1; pushes cond != 0 ? v1 : v2 (also typed select)"),
        ]),
        Section("Variables", [
            Row("localGet", doc: "a: local index (fp-relative slot)"),
            Row("localSet", doc: "a: local index"),
            Row("localTee", doc: "a: local index"),
            Row("globalGet", doc: "a: global index"),
            Row("globalSet", doc: "a: global index"),
        ]),
        Section("Tables", [
            Row("tableGet", fast: [.island], doc: "a: table index"),
            Row("tableSet", fast: [.island], doc: "a: table index"),
            Row("tableSize", fast: [.island], doc: "a: table index"),
            Row("tableGrow", fuel: .variable, fast: [.island], doc: "a: table index"),
            Row("tableFill", fuel: .variable, fast: [.island], doc: "a: table index"),
            Row("tableCopy", fuel: .variable, fast: [.island], doc: "a: destination table, b: source table"),
            Row("tableInit", fuel: .variable, fast: [.island], doc: "a: table index, b: element segment index"),
            Row("elemDrop", fast: [.island], doc: "a: element segment index"),
        ]),
        Section("Memory: loads and stores, a: static offset (memarg.offset), b: alignment exponent (informational)", [
            load("i32Load", "i32.load", .i32, 2, "i32Load"),
            load("i64Load", "i64.load", .i64, 3, "i64Load"),
            load("f32Load", "f32.load", .f32, 2, "i32Load"),
            load("f64Load", "f64.load", .f64, 3, "i64Load"),
            load("i32Load8S", "i32.load8_s", .i32, 0, "i32Load8S"),
            load("i32Load8U", "i32.load8_u", .i32, 0, "i32Load8U"),
            load("i32Load16S", "i32.load16_s", .i32, 1, "i32Load16S"),
            load("i32Load16U", "i32.load16_u", .i32, 1, "i32Load16U"),
            load("i64Load8S", "i64.load8_s", .i64, 0, "i64Load8S"),
            load("i64Load8U", "i64.load8_u", .i64, 0, "i64Load8U"),
            load("i64Load16S", "i64.load16_s", .i64, 1, "i64Load16S"),
            load("i64Load16U", "i64.load16_u", .i64, 1, "i64Load16U"),
            load("i64Load32S", "i64.load32_s", .i64, 2, "i64Load32S"),
            load("i64Load32U", "i64.load32_u", .i64, 2, "i64Load32U"),
            store("i32Store", "i32.store", .i32, 2, "store32"),
            store("i64Store", "i64.store", .i64, 3, "store64"),
            store("f32Store", "f32.store", .f32, 2, "store32"),
            store("f64Store", "f64.store", .f64, 3, "store64"),
            store("i32Store8", "i32.store8", .i32, 0, "store8"),
            store("i32Store16", "i32.store16", .i32, 1, "store16"),
            store("i64Store8", "i64.store8", .i64, 0, "store8"),
            store("i64Store16", "i64.store16", .i64, 1, "store16"),
            store("i64Store32", "i64.store32", .i64, 2, "store32"),
            Row("memorySize"),
            Row("memoryGrow", fuel: .variable, fast: [.island]),
            Row("memoryFill", fuel: .variable, fast: [.island]),
            Row("memoryCopy", fuel: .variable, fast: [.island]),
            Row("memoryInit", fuel: .variable, fast: [.island], doc: "a: data segment index"),
            Row("dataDrop", fast: [.island], doc: "a: data segment index"),
        ]),
        Section("Constants: b holds the bit pattern (i32/f32 in the low 32 bits)", [
            Row("i32Const"), Row("i64Const"), Row("f32Const"), Row("f64Const"),
        ]),
        Section("References", [
            Row("refNull", fast: [.island], doc: "a: ValueType.rawValue of the reference type; pushes slot 0"),
            Row("refIsNull", fast: [.island]),
            Row("refFunc", fast: [.island], doc: "a: function index"),
        ]),
    ]

    /// A load: pops the i32 address, pushes `type`; `fastOp` is the FastOp it compiles to.
    static func load(_ name: String, _ mnemonic: String, _ type: ValueKind, _ alignment: Int, _ fastOp: String) -> Row {
        Row(name, mnemonic, parser: .load, [.i32], [type], immediates: [.memarg(naturalAlignment: alignment)],
            fast: [.load(fastOp)])
    }

    /// A store: pops the value, then the i32 address.
    static func store(_ name: String, _ mnemonic: String, _ type: ValueKind, _ alignment: Int, _ fastOp: String) -> Row {
        Row(name, mnemonic, parser: .store, [.i32, type], [], immediates: [.memarg(naturalAlignment: alignment)],
            fast: [.store(fastOp)])
    }
}
