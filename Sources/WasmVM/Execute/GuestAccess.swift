// Guest memory loads and stores of the interpreter loops. `loadUnaligned` and `storeBytes` are
// generic, and once the fast loop grew (SIMD, probes, counting) the optimizer stopped inlining
// them there: a call per access, +45% instructions on matmul_int (callgrind). Each wrapper is
// small enough that the generic is inlined into it, and the wrapper is forced into the loop.
extension UnsafeMutableRawPointer {
    @inline(__always) func guestLoad(_: Int8.Type) -> Int8 { loadUnaligned(as: Int8.self) }
    @inline(__always) func guestLoad(_: UInt8.Type) -> UInt8 { loadUnaligned(as: UInt8.self) }
    @inline(__always) func guestLoad(_: Int16.Type) -> Int16 { loadUnaligned(as: Int16.self) }
    @inline(__always) func guestLoad(_: UInt16.Type) -> UInt16 { loadUnaligned(as: UInt16.self) }
    @inline(__always) func guestLoad(_: Int32.Type) -> Int32 { loadUnaligned(as: Int32.self) }
    @inline(__always) func guestLoad(_: UInt32.Type) -> UInt32 { loadUnaligned(as: UInt32.self) }
    @inline(__always) func guestLoad(_: UInt64.Type) -> UInt64 { loadUnaligned(as: UInt64.self) }

    @inline(__always) func guestStore(_ value: UInt8) { storeBytes(of: value, as: UInt8.self) }
    @inline(__always) func guestStore(_ value: UInt16) { storeBytes(of: value, as: UInt16.self) }
    @inline(__always) func guestStore(_ value: UInt32) { storeBytes(of: value, as: UInt32.self) }
    @inline(__always) func guestStore(_ value: UInt64) { storeBytes(of: value, as: UInt64.self) }
}
