// Numeric instructions (comparisons, arithmetic, conversions) with exact
// WebAssembly semantics: wrapping integers, IEEE floats with wasm's min/max,
// bit-exact abs/neg/copysign, trapping and saturating truncations.

extension Machine {
    /// Executes a numeric op on the stack top (`sp` is one past it). Returns how many
    /// slots the stack shrinks by (0 or 1), or `trap` with `kind` set (operands then stay).
    /// `sp` is passed by value so the loop can keep it in a register.
    @inline(__always)
    static func numeric(_ op: OpCode, _ sp: UnsafeMutablePointer<UInt64>, _ kind: inout TrapKind?) -> Int {
        let x = sp[-1]
        switch op {
        // i32 comparisons
        case .i32Eqz: sp[-1] = asSlot(asU32(x) == 0)
        case .i32Eq: sp[-2] = asSlot(asU32(sp[-2]) == asU32(x)); return 1
        case .i32Ne: sp[-2] = asSlot(asU32(sp[-2]) != asU32(x)); return 1
        case .i32LtS: sp[-2] = asSlot(asS32(sp[-2]) < asS32(x)); return 1
        case .i32LtU: sp[-2] = asSlot(asU32(sp[-2]) < asU32(x)); return 1
        case .i32GtS: sp[-2] = asSlot(asS32(sp[-2]) > asS32(x)); return 1
        case .i32GtU: sp[-2] = asSlot(asU32(sp[-2]) > asU32(x)); return 1
        case .i32LeS: sp[-2] = asSlot(asS32(sp[-2]) <= asS32(x)); return 1
        case .i32LeU: sp[-2] = asSlot(asU32(sp[-2]) <= asU32(x)); return 1
        case .i32GeS: sp[-2] = asSlot(asS32(sp[-2]) >= asS32(x)); return 1
        case .i32GeU: sp[-2] = asSlot(asU32(sp[-2]) >= asU32(x)); return 1
        // i64 comparisons
        case .i64Eqz: sp[-1] = asSlot(x == 0)
        case .i64Eq: sp[-2] = asSlot(sp[-2] == x); return 1
        case .i64Ne: sp[-2] = asSlot(sp[-2] != x); return 1
        case .i64LtS: sp[-2] = asSlot(Int64(bitPattern: sp[-2]) < Int64(bitPattern: x)); return 1
        case .i64LtU: sp[-2] = asSlot(sp[-2] < x); return 1
        case .i64GtS: sp[-2] = asSlot(Int64(bitPattern: sp[-2]) > Int64(bitPattern: x)); return 1
        case .i64GtU: sp[-2] = asSlot(sp[-2] > x); return 1
        case .i64LeS: sp[-2] = asSlot(Int64(bitPattern: sp[-2]) <= Int64(bitPattern: x)); return 1
        case .i64LeU: sp[-2] = asSlot(sp[-2] <= x); return 1
        case .i64GeS: sp[-2] = asSlot(Int64(bitPattern: sp[-2]) >= Int64(bitPattern: x)); return 1
        case .i64GeU: sp[-2] = asSlot(sp[-2] >= x); return 1
        // float comparisons
        case .f32Eq: sp[-2] = asSlot(asF32(sp[-2]) == asF32(x)); return 1
        case .f32Ne: sp[-2] = asSlot(asF32(sp[-2]) != asF32(x)); return 1
        case .f32Lt: sp[-2] = asSlot(asF32(sp[-2]) < asF32(x)); return 1
        case .f32Gt: sp[-2] = asSlot(asF32(sp[-2]) > asF32(x)); return 1
        case .f32Le: sp[-2] = asSlot(asF32(sp[-2]) <= asF32(x)); return 1
        case .f32Ge: sp[-2] = asSlot(asF32(sp[-2]) >= asF32(x)); return 1
        case .f64Eq: sp[-2] = asSlot(asF64(sp[-2]) == asF64(x)); return 1
        case .f64Ne: sp[-2] = asSlot(asF64(sp[-2]) != asF64(x)); return 1
        case .f64Lt: sp[-2] = asSlot(asF64(sp[-2]) < asF64(x)); return 1
        case .f64Gt: sp[-2] = asSlot(asF64(sp[-2]) > asF64(x)); return 1
        case .f64Le: sp[-2] = asSlot(asF64(sp[-2]) <= asF64(x)); return 1
        case .f64Ge: sp[-2] = asSlot(asF64(sp[-2]) >= asF64(x)); return 1
        // i32 arithmetic
        case .i32Clz: sp[-1] = UInt64(asU32(x).leadingZeroBitCount)
        case .i32Ctz: sp[-1] = UInt64(asU32(x).trailingZeroBitCount)
        case .i32Popcnt: sp[-1] = UInt64(asU32(x).nonzeroBitCount)
        case .i32Add: sp[-2] = asSlot(asU32(sp[-2]) &+ asU32(x)); return 1
        case .i32Sub: sp[-2] = asSlot(asU32(sp[-2]) &- asU32(x)); return 1
        case .i32Mul: sp[-2] = asSlot(asU32(sp[-2]) &* asU32(x)); return 1
        case .i32DivS:
            let a = asS32(sp[-2]), b = asS32(x)
            if b == 0 { kind = .integerDivideByZero; return Machine.numericTrap }
            if a == .min && b == -1 { kind = .integerOverflow; return Machine.numericTrap }
            sp[-2] = asSlot(a / b); return 1
        case .i32DivU:
            let b = asU32(x)
            if b == 0 { kind = .integerDivideByZero; return Machine.numericTrap }
            sp[-2] = asSlot(asU32(sp[-2]) / b); return 1
        case .i32RemS:
            let a = asS32(sp[-2]), b = asS32(x)
            if b == 0 { kind = .integerDivideByZero; return Machine.numericTrap }
            sp[-2] = b == -1 ? 0 : asSlot(a % b); return 1
        case .i32RemU:
            let b = asU32(x)
            if b == 0 { kind = .integerDivideByZero; return Machine.numericTrap }
            sp[-2] = asSlot(asU32(sp[-2]) % b); return 1
        case .i32And: sp[-2] = asSlot(asU32(sp[-2]) & asU32(x)); return 1
        case .i32Or: sp[-2] = asSlot(asU32(sp[-2]) | asU32(x)); return 1
        case .i32Xor: sp[-2] = asSlot(asU32(sp[-2]) ^ asU32(x)); return 1
        case .i32Shl: sp[-2] = asSlot(asU32(sp[-2]) &<< (asU32(x) & 31)); return 1
        case .i32ShrS: sp[-2] = asSlot(asS32(sp[-2]) &>> Int32(bitPattern: asU32(x) & 31)); return 1
        case .i32ShrU: sp[-2] = asSlot(asU32(sp[-2]) &>> (asU32(x) & 31)); return 1
        case .i32Rotl: sp[-2] = asSlot(rotateLeft(asU32(sp[-2]), asU32(x))); return 1
        case .i32Rotr: sp[-2] = asSlot(rotateLeft(asU32(sp[-2]), 32 &- asU32(x))); return 1
        // i64 arithmetic
        case .i64Clz: sp[-1] = UInt64(x.leadingZeroBitCount)
        case .i64Ctz: sp[-1] = UInt64(x.trailingZeroBitCount)
        case .i64Popcnt: sp[-1] = UInt64(x.nonzeroBitCount)
        case .i64Add: sp[-2] = sp[-2] &+ x; return 1
        case .i64Sub: sp[-2] = sp[-2] &- x; return 1
        case .i64Mul: sp[-2] = sp[-2] &* x; return 1
        case .i64DivS:
            let a = Int64(bitPattern: sp[-2]), b = Int64(bitPattern: x)
            if b == 0 { kind = .integerDivideByZero; return Machine.numericTrap }
            if a == .min && b == -1 { kind = .integerOverflow; return Machine.numericTrap }
            sp[-2] = asSlot(a / b); return 1
        case .i64DivU:
            if x == 0 { kind = .integerDivideByZero; return Machine.numericTrap }
            sp[-2] = sp[-2] / x; return 1
        case .i64RemS:
            let a = Int64(bitPattern: sp[-2]), b = Int64(bitPattern: x)
            if b == 0 { kind = .integerDivideByZero; return Machine.numericTrap }
            sp[-2] = b == -1 ? 0 : asSlot(a % b); return 1
        case .i64RemU:
            if x == 0 { kind = .integerDivideByZero; return Machine.numericTrap }
            sp[-2] = sp[-2] % x; return 1
        case .i64And: sp[-2] = sp[-2] & x; return 1
        case .i64Or: sp[-2] = sp[-2] | x; return 1
        case .i64Xor: sp[-2] = sp[-2] ^ x; return 1
        case .i64Shl: sp[-2] = sp[-2] &<< (x & 63); return 1
        case .i64ShrS: sp[-2] = asSlot(Int64(bitPattern: sp[-2]) &>> Int64(x & 63)); return 1
        case .i64ShrU: sp[-2] = sp[-2] &>> (x & 63); return 1
        case .i64Rotl: sp[-2] = rotateLeft(sp[-2], x); return 1
        case .i64Rotr: sp[-2] = rotateLeft(sp[-2], 64 &- x); return 1
        // f32 arithmetic
        case .f32Abs: sp[-1] = x & 0x7fff_ffff
        case .f32Neg: sp[-1] = (x ^ 0x8000_0000) & 0xffff_ffff
        case .f32Ceil: sp[-1] = asSlot(asF32(x).rounded(.up))
        case .f32Floor: sp[-1] = asSlot(asF32(x).rounded(.down))
        case .f32Trunc: sp[-1] = asSlot(asF32(x).rounded(.towardZero))
        case .f32Nearest: sp[-1] = asSlot(asF32(x).rounded(.toNearestOrEven))
        case .f32Sqrt: sp[-1] = asSlot(asF32(x).squareRoot())
        case .f32Add: sp[-2] = asSlot(Machine.wasmAdd(asF32(sp[-2]), asF32(x))); return 1
        case .f32Sub: sp[-2] = asSlot(asF32(sp[-2]) - asF32(x)); return 1
        case .f32Mul: sp[-2] = asSlot(Machine.wasmMul(asF32(sp[-2]), asF32(x))); return 1
        case .f32Div: sp[-2] = asSlot(asF32(sp[-2]) / asF32(x)); return 1
        case .f32Min: sp[-2] = asSlot(wasmMin(asF32(sp[-2]), asF32(x))); return 1
        case .f32Max: sp[-2] = asSlot(wasmMax(asF32(sp[-2]), asF32(x))); return 1
        case .f32Copysign: sp[-2] = (sp[-2] & 0x7fff_ffff) | (x & 0x8000_0000); return 1
        // f64 arithmetic
        case .f64Abs: sp[-1] = x & 0x7fff_ffff_ffff_ffff
        case .f64Neg: sp[-1] = x ^ 0x8000_0000_0000_0000
        case .f64Ceil: sp[-1] = asSlot(asF64(x).rounded(.up))
        case .f64Floor: sp[-1] = asSlot(asF64(x).rounded(.down))
        case .f64Trunc: sp[-1] = asSlot(asF64(x).rounded(.towardZero))
        case .f64Nearest: sp[-1] = asSlot(asF64(x).rounded(.toNearestOrEven))
        case .f64Sqrt: sp[-1] = asSlot(asF64(x).squareRoot())
        case .f64Add: sp[-2] = asSlot(Machine.wasmAdd(asF64(sp[-2]), asF64(x))); return 1
        case .f64Sub: sp[-2] = asSlot(asF64(sp[-2]) - asF64(x)); return 1
        case .f64Mul: sp[-2] = asSlot(Machine.wasmMul(asF64(sp[-2]), asF64(x))); return 1
        case .f64Div: sp[-2] = asSlot(asF64(sp[-2]) / asF64(x)); return 1
        case .f64Min: sp[-2] = asSlot(wasmMin(asF64(sp[-2]), asF64(x))); return 1
        case .f64Max: sp[-2] = asSlot(wasmMax(asF64(sp[-2]), asF64(x))); return 1
        case .f64Copysign: sp[-2] = (sp[-2] & 0x7fff_ffff_ffff_ffff) | (x & 0x8000_0000_0000_0000); return 1
        // conversions
        case .i32WrapI64: sp[-1] = x & 0xffff_ffff
        case .i32TruncF32S: return truncate(Double(asF32(x)), -2147483649, 2147483648) { asSlot(Int32($0)) }
        case .i32TruncF32U: return truncate(Double(asF32(x)), -1, 4294967296) { asSlot(UInt32($0)) }
        case .i32TruncF64S: return truncate(asF64(x), -2147483649, 2147483648) { asSlot(Int32($0)) }
        case .i32TruncF64U: return truncate(asF64(x), -1, 4294967296) { asSlot(UInt32($0)) }
        case .i64ExtendI32S: sp[-1] = asSlot(Int64(asS32(x)))
        case .i64ExtendI32U: sp[-1] = x & 0xffff_ffff
        case .i64TruncF32S: return truncate(Double(asF32(x)), -9223372036854777856, 9223372036854775808) { asSlot(Int64($0)) }
        case .i64TruncF32U: return truncate(Double(asF32(x)), -1, 18446744073709551616) { UInt64($0) }
        case .i64TruncF64S: return truncate(asF64(x), -9223372036854777856, 9223372036854775808) { asSlot(Int64($0)) }
        case .i64TruncF64U: return truncate(asF64(x), -1, 18446744073709551616) { UInt64($0) }
        case .f32ConvertI32S: sp[-1] = asSlot(Float(asS32(x)))
        case .f32ConvertI32U: sp[-1] = asSlot(Float(asU32(x)))
        case .f32ConvertI64S: sp[-1] = asSlot(Float(Int64(bitPattern: x)))
        case .f32ConvertI64U: sp[-1] = asSlot(Float(x))
        case .f32DemoteF64: sp[-1] = asSlot(Float(asF64(x)))
        case .f64ConvertI32S: sp[-1] = asSlot(Double(asS32(x)))
        case .f64ConvertI32U: sp[-1] = asSlot(Double(asU32(x)))
        case .f64ConvertI64S: sp[-1] = asSlot(Double(Int64(bitPattern: x)))
        case .f64ConvertI64U: sp[-1] = asSlot(Double(x))
        case .f64PromoteF32: sp[-1] = asSlot(Double(asF32(x)))
        case .i32ReinterpretF32, .i64ReinterpretF64, .f32ReinterpretI32, .f64ReinterpretI64: break
        case .i32Extend8S: sp[-1] = asSlot(Int32(Int8(truncatingIfNeeded: x)))
        case .i32Extend16S: sp[-1] = asSlot(Int32(Int16(truncatingIfNeeded: x)))
        case .i64Extend8S: sp[-1] = asSlot(Int64(Int8(truncatingIfNeeded: x)))
        case .i64Extend16S: sp[-1] = asSlot(Int64(Int16(truncatingIfNeeded: x)))
        case .i64Extend32S: sp[-1] = asSlot(Int64(Int32(truncatingIfNeeded: x)))
        case .i32TruncSatF32S: sp[-1] = asSlot(saturate(Double(asF32(x)), Int32.self))
        case .i32TruncSatF32U: sp[-1] = asSlot(saturate(Double(asF32(x)), UInt32.self))
        case .i32TruncSatF64S: sp[-1] = asSlot(saturate(asF64(x), Int32.self))
        case .i32TruncSatF64U: sp[-1] = asSlot(saturate(asF64(x), UInt32.self))
        case .i64TruncSatF32S: sp[-1] = asSlot(saturate(Double(asF32(x)), Int64.self))
        case .i64TruncSatF32U: sp[-1] = saturate(Double(asF32(x)), UInt64.self)
        case .i64TruncSatF64S: sp[-1] = asSlot(saturate(asF64(x), Int64.self))
        case .i64TruncSatF64U: sp[-1] = saturate(asF64(x), UInt64.self)
        default: preconditionFailure("opcode \(op) is not numeric")
        }
        return 0

        /// Trapping truncation: valid when `lower < v < upper` (exclusive bounds, exact in Double).
        @inline(__always)
        func truncate(_ v: Double, _ lower: Double, _ upper: Double, _ convert: (Double) -> UInt64) -> Int {
            if v.isNaN { kind = .invalidConversion; return Machine.numericTrap }
            guard v > lower, v < upper else { kind = .integerOverflow; return Machine.numericTrap }
            sp[-1] = convert(v)
            return 0
        }
    }

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

    /// The first NaN of `a`, `b` with its quiet bit set, else `r`.
    @inline(never)
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
