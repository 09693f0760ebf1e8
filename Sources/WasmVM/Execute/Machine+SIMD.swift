// Helpers of the SIMD rows' semantics (Sources/InstructionTable/Table+SIMD*.swift), which
// Machine+SIMD.generated.swift runs. Lanes are Swift SIMD vectors (V128's views); lane-wise
// loops over them keep each lane's result exactly the scalar op's (float NaN choice included).

extension V128 {
    /// All-ones lanes where `mask` holds, zero elsewhere (the compares' result).
    @inline(__always) init<M: SIMD>(mask: SIMDMask<M>) where M.Scalar: FixedWidthInteger & SignedInteger, M.MaskStorage == M {
        self.init(M(repeating: 0).replacing(with: -1, where: mask))
    }
}

extension Machine {
    @inline(__always)
    static func lanes<V: SIMD>(_ a: V, _ f: (V.Scalar) -> V.Scalar) -> V {
        var r = a
        for i in r.indices { r[i] = f(a[i]) }
        return r
    }

    @inline(__always)
    static func lanes<V: SIMD>(_ a: V, _ b: V, _ f: (V.Scalar, V.Scalar) -> V.Scalar) -> V {
        var r = a
        for i in r.indices { r[i] = f(a[i], b[i]) }
        return r
    }

    /// Lane i of `a` mapped into lane i of a vector of another lane type (same lane count).
    @inline(__always)
    static func map<V: SIMD, R: SIMD>(_ a: V, _: R.Type, _ f: (V.Scalar) -> R.Scalar) -> R {
        var r = R()
        for i in r.indices { r[i] = f(a[i]) }
        return r
    }

    static func allTrue<V: SIMD>(_ a: V) -> Bool where V.Scalar: FixedWidthInteger {
        for i in a.indices where a[i] == 0 { return false }
        return true
    }

    /// Lane i's sign bit as bit i (an i32 slot).
    static func bitmask<V: SIMD>(_ a: V) -> UInt64 where V.Scalar: FixedWidthInteger & SignedInteger {
        var r: UInt64 = 0
        for i in a.indices where a[i] < 0 { r |= 1 << UInt64(i) }
        return r
    }

    /// The low or high half of `a`'s lanes, each extended (sign or zero by `a`'s lane type)
    /// to `R`'s wider lanes.
    @inline(__always)
    static func extend<V: SIMD, R: SIMD>(_ a: V, high: Bool, _: R.Type) -> R
    where V.Scalar: FixedWidthInteger, R.Scalar: FixedWidthInteger {
        var r = R()
        let base = high ? R.scalarCount : 0
        for i in r.indices { r[i] = R.Scalar(truncatingIfNeeded: a[base + i]) }
        return r
    }

    /// Sums of adjacent lane pairs of `a`, extended to `R`'s lanes.
    static func extaddPairwise<V: SIMD, R: SIMD>(_ a: V, _: R.Type) -> R
    where V.Scalar: FixedWidthInteger, R.Scalar: FixedWidthInteger {
        var r = R()
        for i in r.indices { r[i] = R.Scalar(truncatingIfNeeded: a[2 * i]) &+ R.Scalar(truncatingIfNeeded: a[2 * i + 1]) }
        return r
    }

    /// `a`'s lanes then `b`'s, each saturated to `R`'s narrower lanes.
    static func narrow<V: SIMD, R: SIMD>(_ a: V, _ b: V, _: R.Type) -> R
    where V.Scalar: FixedWidthInteger, R.Scalar: FixedWidthInteger {
        var r = R()
        for i in a.indices { r[i] = R.Scalar(clamping: a[i]); r[i + V.scalarCount] = R.Scalar(clamping: b[i]) }
        return r
    }

    /// i32x4.dot_i16x8_s: lane i is a[2i]·b[2i] + a[2i+1]·b[2i+1], wrapping.
    static func dot(_ a: SIMD8<Int16>, _ b: SIMD8<Int16>) -> SIMD4<Int32> {
        var r = SIMD4<Int32>()
        for i in r.indices {
            r[i] = Int32(a[2 * i]) &* Int32(b[2 * i]) &+ Int32(a[2 * i + 1]) &* Int32(b[2 * i + 1])
        }
        return r
    }

    @inline(__always)
    static func replacing<V: SIMD>(_ a: V, _ lane: Int, _ value: V.Scalar) -> V128 {
        var r = a
        r[lane] = value
        return V128(r)
    }

    /// Lane i is byte `s[i]` of x ++ y (the mask's lanes are below 32: validation checks).
    static func shuffle(_ x: V128, _ y: V128, _ s: V128) -> V128 {
        let a = x.i8x16, b = y.i8x16, m = s.i8x16
        var r = SIMD16<UInt8>()
        for i in r.indices { r[i] = m[i] < 16 ? a[Int(m[i])] : b[Int(m[i] & 15)] }
        return V128(r)
    }

    /// Lane i is byte `s[i]` of x, or 0 when `s[i]` is 16 or more.
    static func swizzle(_ x: V128, _ s: V128) -> V128 {
        let a = x.i8x16, m = s.i8x16
        var r = SIMD16<UInt8>()
        for i in r.indices { r[i] = m[i] < 16 ? a[Int(m[i])] : 0 }
        return V128(r)
    }

    @inline(__always) static func load128(_ p: UnsafeMutableRawPointer) -> V128 {
        V128(low: p.loadUnaligned(as: UInt64.self), high: (p + 8).loadUnaligned(as: UInt64.self))
    }

    @inline(__always) static func store128(_ p: UnsafeMutableRawPointer, _ v: V128) {
        p.storeBytes(of: v.low, as: UInt64.self)
        (p + 8).storeBytes(of: v.high, as: UInt64.self)
    }
}
