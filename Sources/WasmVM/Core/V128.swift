/// A 128-bit SIMD value: two 64-bit halves, lanes little-endian (lane 0 is the lowest
/// byte of memory, the low bits of `low`). On the interpreter's stack it takes two
/// slots, `low` first. The lane views are Swift SIMD vectors of the lane type
/// (floats as their bit patterns' `Float`/`Double`: a bit cast, so NaN payloads survive).
public struct V128: Hashable, Sendable, CustomStringConvertible {
    public var low: UInt64
    public var high: UInt64

    @inline(__always) public init(low: UInt64, high: UInt64) { self.low = low; self.high = high }

    public static let zero = V128(low: 0, high: 0)

    /// From 16 bytes in memory order (lane 0 first); nil unless exactly 16.
    public init?(bytes: [UInt8]) {
        guard bytes.count == 16 else { return nil }
        var low: UInt64 = 0, high: UInt64 = 0
        for k in 0 ..< 8 { low |= UInt64(bytes[k]) << (8 * k); high |= UInt64(bytes[k + 8]) << (8 * k) }
        self.init(low: low, high: high)
    }

    /// The 16 bytes in memory order.
    public var bytes: [UInt8] { (0 ..< 16).map { UInt8(truncatingIfNeeded: ($0 < 8 ? low : high) >> (8 * ($0 % 8))) } }

    /// Any lane vector of 16 bytes, reinterpreted.
    @inline(__always) public init<V: SIMD>(_ lanes: V) {
        precondition(MemoryLayout<V>.size == 16)
        self = unsafeBitCast(lanes, to: V128.self)
    }

    @inline(__always) func lanes<V: SIMD>(_: V.Type) -> V { unsafeBitCast(self, to: V.self) }

    public var i8x16: SIMD16<UInt8> { lanes(SIMD16<UInt8>.self) }
    public var i16x8: SIMD8<UInt16> { lanes(SIMD8<UInt16>.self) }
    public var i32x4: SIMD4<UInt32> { lanes(SIMD4<UInt32>.self) }
    public var i64x2: SIMD2<UInt64> { lanes(SIMD2<UInt64>.self) }
    public var f32x4: SIMD4<Float> { lanes(SIMD4<Float>.self) }
    public var f64x2: SIMD2<Double> { lanes(SIMD2<Double>.self) }
    // Signed views, for the semantics of signed lane ops.
    public var s8x16: SIMD16<Int8> { lanes(SIMD16<Int8>.self) }
    public var s16x8: SIMD8<Int16> { lanes(SIMD8<Int16>.self) }
    public var s32x4: SIMD4<Int32> { lanes(SIMD4<Int32>.self) }
    public var s64x2: SIMD2<Int64> { lanes(SIMD2<Int64>.self) }

    /// `0x` and 32 hex digits, the value as one 128-bit number (lane 15's byte first).
    public var description: String {
        func hex(_ v: UInt64) -> String { let s = String(v, radix: 16); return String(repeating: "0", count: 16 - s.count) + s }
        return "0x" + hex(high) + hex(low)
    }

    /// Parses `description`'s form (`0x` optional, up to 32 hex digits, `_` ignored).
    public init?(hex text: String) {
        var digits = Substring(text.filter { $0 != "_" })
        if digits.hasPrefix("0x") || digits.hasPrefix("0X") { digits = digits.dropFirst(2) }
        guard !digits.isEmpty, digits.count <= 32, digits.allSatisfy({ $0.isHexDigit }) else { return nil }
        let split = digits.index(digits.endIndex, offsetBy: -Swift.min(16, digits.count))
        guard let low = UInt64(digits[split...], radix: 16) else { return nil }
        let high = split == digits.startIndex ? 0 : UInt64(digits[..<split], radix: 16)
        guard let high else { return nil }
        self.init(low: low, high: high)
    }
}

extension UnsafeMutablePointer where Pointee == UInt64 {
    /// The v128 in this slot and the next.
    @inline(__always) var v128: V128 {
        get { V128(low: self[0], high: self[1]) }
        // One 16-byte store, not two slot stores: with those, swiftc -O (6.3.1) stored a slot's
        // old value as the low half after a splat or a v128.load (Fuzzing/differential.sh --simd, seed 42).
        nonmutating set { UnsafeMutableRawPointer(self).storeBytes(of: newValue, as: V128.self) }
    }
}
