// Helpers of the numeric instructions' semantics, which the instruction table
// (Sources/InstructionTable) writes once for both loops: `Machine.numeric` (the exact
// loop, Machine+Numeric.generated.swift) and the fast loop's register forms.

extension Machine {
    /// `numeric`'s result when the op traps.
    static let numericTrap = -1

    /// Rotation by `k` modulo the width (`&<<`/`&>>` mask the shift, so k = 0 works).
    @inline(__always)
    static func rotateLeft<I: FixedWidthInteger & UnsignedInteger>(_ v: I, _ k: I) -> I {
        let s = k & I(I.bitWidth - 1)
        return (v &<< s) | (v &>> (I(I.bitWidth) &- s))
    }

    // NaN results are chosen here, not by the hardware: add and mul commute, so LLVM may emit
    // their operands in either order, and x86 returns the first operand's NaN when both are NaN.
    // The fast and exact loops (compiled separately) then returned different NaNs for the same
    // instruction (f32.add of -x and x, x = 0xffffffff). WebAssembly allows any NaN there; wesdbg
    // picks one so that run and debug always agree: the first NaN operand, quieted, else the
    // hardware's default NaN (both operands are numbers, as in inf - inf).
    @inline(__always)
    static func wasmAdd<F: BinaryFloatingPoint>(_ a: F, _ b: F) -> F {
        let r = a + b
        return _slowPath(r.isNaN) ? nanResult(a, b, r) : r
    }

    @inline(__always)
    static func wasmMul<F: BinaryFloatingPoint>(_ a: F, _ b: F) -> F {
        let r = a * b
        return _slowPath(r.isNaN) ? nanResult(a, b, r) : r
    }

    /// The first NaN of `a`, `b` with its quiet bit set, else `r`. Inlined: a call in a fast
    /// handler makes every run of it save registers.
    @inline(__always)
    static func nanResult<F: BinaryFloatingPoint>(_ a: F, _ b: F, _ r: F) -> F {
        guard let n = a.isNaN ? a : b.isNaN ? b : nil else { return r }
        return F(sign: n.sign, exponentBitPattern: n.exponentBitPattern,
                 significandBitPattern: n.significandBitPattern | (1 << (F.significandBitCount - 1)))
    }

    @inline(__always)
    static func wasmMin<F: BinaryFloatingPoint>(_ a: F, _ b: F) -> F {
        if a.isNaN || b.isNaN { return nanResult(a, b, a) }
        if a == b { return a.sign == .minus ? a : b }   // -0 < +0
        return a < b ? a : b
    }

    @inline(__always)
    static func wasmMax<F: BinaryFloatingPoint>(_ a: F, _ b: F) -> F {
        if a.isNaN || b.isNaN { return nanResult(a, b, a) }
        if a == b { return a.sign == .minus ? b : a }
        return a > b ? a : b
    }

    @inline(__always)
    static func saturate<I: FixedWidthInteger>(_ v: Double, _: I.Type) -> I {
        if v.isNaN { return 0 }
        if v <= Double(I.min) { return I.min }
        if v >= Double(I.max) { return I.max }   // Double(I.max) rounds up to 2^n for 64 bits
        return I(v)
    }
}
