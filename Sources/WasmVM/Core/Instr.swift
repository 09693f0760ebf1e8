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

// OpCode, the interpreter opcodes: OpCode.generated.swift (from the instruction table).
