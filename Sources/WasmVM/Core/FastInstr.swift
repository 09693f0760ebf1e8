/// One instruction of a function's fast code: the register form run mode executes.
///
/// The fast compiler (FastCompiler.swift) rewrites the stack code of `Instr.swift`
/// so operands are frame slots (locals, or the slot a stack value would occupy), which
/// folds most `local.get`/`local.set`/`const` instructions into the instruction using
/// them. Fuel and steps are charged once per straight-line block, at its head
/// (`charge`); wherever the fast code may stop, its state equals the stack code's at
/// `FastCode.origin`, so the exact loop can take over there (traps, host calls,
/// breakpoints, watch hits, the last block before a fuel or step limit).
public struct FastInstr: Sendable, Equatable {
    /// Setting the op (a breakpoint's `deopt`, a probe) sets its handler too.
    var op: FastOp { didSet { handler = FastInstr.handler(op) } }
    /// Fuel of the block this instruction heads (0 inside a block).
    var charge: UInt16
    var a: UInt32
    var b: UInt64
    /// The op's C handler (CFastDispatch), which the previous instruction's handler jumps to:
    /// direct threading, no table lookup per instruction. Its offset, 16, is in FastDispatch.h.
    private(set) var handler: UInt
    init(_ op: FastOp, a: UInt32 = 0, b: UInt64 = 0) {
        self.op = op; charge = 0; self.a = a; self.b = b; handler = FastInstr.handler(op)
    }

    /// Uses the op's handler that keeps fuel by function (if it has one; in a function never
    /// nested, its unnested one if it has one), or the plain one.
    mutating func retarget(tallied: Bool, unnested: Bool) { handler = FastInstr.handler(op, tallied: tallied, unnested: unnested) }

    /// `b` as a slot, pc or count (always below 2^32): `Int(b)` would check the sign bit on every use.
    @inline(__always) var slotB: Int { Int(truncatingIfNeeded: b) }
    @inline(__always) var lo: Int { Int(UInt32(truncatingIfNeeded: b)) }
    @inline(__always) var hi: Int { Int(b >> 32) }
}

/// A branch that moves values (or a `br_table` entry): targets are fast pcs, slots frame-relative.
public struct FastBranch: Sendable, Equatable {
    var target: UInt32
    var source: UInt32
    var destination: UInt32
    var count: UInt32
}

/// A deferred operand written to its stack slot when fast code stops: from a local or a constant.
public struct FastFixup: Sendable, Equatable {
    var slot: UInt32
    var fromLocal: Bool
    var value: UInt64
}

/// A function's fast code and the maps back to its stack code.
public struct FastCode: Sendable {
    var code: [FastInstr]
    var branches: [FastBranch]
    /// Per fast pc: the stack-code pc whose state holds when this instruction starts, or
    /// `notExact` when it starts inside a fused group (such instructions never stop).
    var origin: [UInt32]
    /// Per fast pc: fuel charged at the block head but not yet spent at `origin` (0 when not exact).
    var unspent: [UInt32]
    /// Per stack-code pc: the fast pc of the block head there, or -1.
    var entry: [Int32]
    /// Per fast pc that may stop at its own pc with operands still deferred: how to put them in their slots.
    var fixups: [Int: [FastFixup]]
    /// Counting mode only (`profile --lines`): what each `countBlock` counts.
    var counted: CountedBlocks? = nil

    static let notExact = UInt32.max
    public var count: Int { code.count }
}

/// The blocks of counting-mode fast code: a block entered n times ran each stack-code
/// instruction of its range n times, less the tails fast code gave back where it left.
public struct CountedBlocks: Sendable {
    /// Per block (a `countBlock`'s `a`): the stack-code pcs it charges for.
    var ranges: [Range<UInt32>]
    /// Per fast pc: the block it lies in after its counter, or -1 (counters, islands).
    var blockOf: [Int32]

    init(count: Int, fastCount: Int) {
        ranges = Array(repeating: 0 ..< 0, count: count)
        blockOf = Array(repeating: -1, count: fastCount)
    }
}

extension FastOp {
    /// A load's form that adds to its address first (`i32.add x, imm` fused into it): the `Add`
    /// ops follow the loads in the same order (Scripts/FastOp.control.txt).
    var addingToAddress: FastOp {
        FastOp(rawValue: rawValue - FastOp.i32Load.rawValue + FastOp.i32LoadAdd.rawValue)!
    }

    /// Whether this is one of the `Add` loads.
    @inline(__always) var addsToAddress: Bool {
        rawValue &- FastOp.i32LoadAdd.rawValue <= FastOp.i64Load32UAdd.rawValue - FastOp.i32LoadAdd.rawValue
    }
}
