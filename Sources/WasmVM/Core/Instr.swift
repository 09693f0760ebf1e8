/// One pre-translated interpreter instruction: 16 bytes, flat, no references,
/// so code arrays can be patched (breakpoints) and scanned cheaply.
///
/// Every executed `Instr` is one "step" (the unit of `step`, `goto STEP` and
/// instruction counts). The translator emits no instruction for `nop`, `block`,
/// `loop` or a non-final `end`; `else` becomes a `jump`, a function's final
/// `end` a `return`.
///
/// Stack heights in immediates are *frame-relative slot counts*: the frame's
/// slots start with params, then declared locals, then operands. A branch to a
/// label whose values start at height `h` with arity `n` copies the top `n`
/// slots to `fp + h ..< fp + h + n` and sets `sp = fp + h + n`.
public struct Instr: Sendable, Equatable {
    public var op: OpCode
    public var a: UInt32
    public var b: UInt64
    public init(_ op: OpCode, a: UInt32 = 0, b: UInt64 = 0) { self.op = op; self.a = a; self.b = b }

    /// For branches: `b` packs the label's arity (high 32 bits) and target height (low 32).
    public static func packBranch(arity: Int, height: Int) -> UInt64 { UInt64(arity) << 32 | UInt64(height) }
    public var branchArity: Int { Int(b >> 32) }
    public var branchHeight: Int { Int(b & 0xffff_ffff) }
}

/// One `br_table` target, stored in `CompiledFunction.branchTables`.
public struct BranchTarget: Sendable, Equatable {
    public var pc: UInt32
    public var arity: UInt32
    public var height: UInt32
    public init(pc: UInt32, arity: UInt32, height: UInt32) { self.pc = pc; self.arity = arity; self.height = height }
}

/// Interpreter opcodes. Immediates (a: UInt32, b: UInt64) as commented; none = unused.
/// Memory instructions address memory 0 (WebAssembly 2.0 has one memory).
public enum OpCode: UInt16, Sendable, CaseIterable {
    // Control
    case unreachable
    case jump            // a: target pc (no stack change; used for `else`)
    case jumpIfZero      // a: target pc; pops i32 (used for `if`)
    case br              // a: target pc, b: packBranch(arity, height)
    case brIf            // a: target pc, b: packBranch(arity, height); pops i32 condition first
    case brTable         // a: first index into branchTables, b: count of entries (last = default); pops i32
    case `return`        // a: result count; copies results to fp, pops the frame
    case call            // a: function index (module function index space, imports first)
    case callIndirect    // a: type index, b: table index; pops i32 element index
    // Debugger: replaces a patched instruction; the original is kept by the patcher.
    case breakpoint      // a: breakpoint id (meaning is the executor's)

    // Parametric
    case drop
    case select          // pops i32 cond, v2, v1; pushes cond != 0 ? v1 : v2 (also typed select)

    // Variables
    case localGet, localSet, localTee      // a: local index (fp-relative slot)
    case globalGet, globalSet              // a: global index

    // Tables
    case tableGet, tableSet, tableSize, tableGrow, tableFill   // a: table index
    case tableCopy       // a: destination table, b: source table
    case tableInit       // a: table index, b: element segment index
    case elemDrop        // a: element segment index

    // Memory: loads and stores, a: static offset (memarg.offset), b: alignment exponent (informational)
    case i32Load, i64Load, f32Load, f64Load
    case i32Load8S, i32Load8U, i32Load16S, i32Load16U
    case i64Load8S, i64Load8U, i64Load16S, i64Load16U, i64Load32S, i64Load32U
    case i32Store, i64Store, f32Store, f64Store
    case i32Store8, i32Store16, i64Store8, i64Store16, i64Store32
    case memorySize, memoryGrow, memoryFill
    case memoryCopy
    case memoryInit      // a: data segment index
    case dataDrop        // a: data segment index

    // Constants: b holds the bit pattern (i32/f32 in the low 32 bits)
    case i32Const, i64Const, f32Const, f64Const

    // References
    case refNull         // a: ValueType.rawValue of the reference type; pushes slot 0
    case refIsNull
    case refFunc         // a: function index

    // i32 comparisons and arithmetic
    case i32Eqz, i32Eq, i32Ne, i32LtS, i32LtU, i32GtS, i32GtU, i32LeS, i32LeU, i32GeS, i32GeU
    case i64Eqz, i64Eq, i64Ne, i64LtS, i64LtU, i64GtS, i64GtU, i64LeS, i64LeU, i64GeS, i64GeU
    case f32Eq, f32Ne, f32Lt, f32Gt, f32Le, f32Ge
    case f64Eq, f64Ne, f64Lt, f64Gt, f64Le, f64Ge
    case i32Clz, i32Ctz, i32Popcnt, i32Add, i32Sub, i32Mul, i32DivS, i32DivU, i32RemS, i32RemU
    case i32And, i32Or, i32Xor, i32Shl, i32ShrS, i32ShrU, i32Rotl, i32Rotr
    case i64Clz, i64Ctz, i64Popcnt, i64Add, i64Sub, i64Mul, i64DivS, i64DivU, i64RemS, i64RemU
    case i64And, i64Or, i64Xor, i64Shl, i64ShrS, i64ShrU, i64Rotl, i64Rotr
    case f32Abs, f32Neg, f32Ceil, f32Floor, f32Trunc, f32Nearest, f32Sqrt
    case f32Add, f32Sub, f32Mul, f32Div, f32Min, f32Max, f32Copysign
    case f64Abs, f64Neg, f64Ceil, f64Floor, f64Trunc, f64Nearest, f64Sqrt
    case f64Add, f64Sub, f64Mul, f64Div, f64Min, f64Max, f64Copysign
    // Conversions
    case i32WrapI64, i32TruncF32S, i32TruncF32U, i32TruncF64S, i32TruncF64U
    case i64ExtendI32S, i64ExtendI32U, i64TruncF32S, i64TruncF32U, i64TruncF64S, i64TruncF64U
    case f32ConvertI32S, f32ConvertI32U, f32ConvertI64S, f32ConvertI64U, f32DemoteF64
    case f64ConvertI32S, f64ConvertI32U, f64ConvertI64S, f64ConvertI64U, f64PromoteF32
    case i32ReinterpretF32, i64ReinterpretF64, f32ReinterpretI32, f64ReinterpretI64
    // Sign extension
    case i32Extend8S, i32Extend16S, i64Extend8S, i64Extend16S, i64Extend32S
    // Non-trapping float-to-int
    case i32TruncSatF32S, i32TruncSatF32U, i32TruncSatF64S, i32TruncSatF64U
    case i64TruncSatF32S, i64TruncSatF32U, i64TruncSatF64S, i64TruncSatF64U
}
