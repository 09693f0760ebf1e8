// Conversions between raw 64-bit stack slots and typed values, for the loop.

@inline(__always) func asU32(_ s: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: s) }
@inline(__always) func asS32(_ s: UInt64) -> Int32 { Int32(truncatingIfNeeded: s) }
@inline(__always) func asF32(_ s: UInt64) -> Float { Float(bitPattern: UInt32(truncatingIfNeeded: s)) }
@inline(__always) func asF64(_ s: UInt64) -> Double { Double(bitPattern: s) }
@inline(__always) func asSlot(_ v: UInt32) -> UInt64 { UInt64(v) }
@inline(__always) func asSlot(_ v: Int32) -> UInt64 { UInt64(UInt32(bitPattern: v)) }
@inline(__always) func asSlot(_ v: Int64) -> UInt64 { UInt64(bitPattern: v) }
@inline(__always) func asSlot(_ v: Float) -> UInt64 { UInt64(v.bitPattern) }
@inline(__always) func asSlot(_ v: Double) -> UInt64 { v.bitPattern }
@inline(__always) func asSlot(_ v: Bool) -> UInt64 { v ? 1 : 0 }

