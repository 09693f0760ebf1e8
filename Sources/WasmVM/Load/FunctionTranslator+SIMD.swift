import WasmParser
import WasmTypes

// SIMD instructions: their signatures come from the instruction table (SimdSignature.generated.swift).
// 16-byte immediates go to the function's v128 constants (`a` indexes them).
extension FunctionTranslator {
    mutating func visitV128Const(value: WasmTypes.V128) throws(LoadError) {
        emit(.v128Const, a: constant(V128(bytes: value.bytes) ?? .zero))
        push(.v128)
    }

    mutating func visitI8x16Shuffle(lanes: V128ShuffleMask) throws(LoadError) {
        guard lanes.lanes.allSatisfy({ $0 < 32 }) else { throw invalid("invalid lane index") }
        try pop(.v128); try pop(.v128)
        emit(.i8x16Shuffle, a: constant(V128(bytes: lanes.lanes) ?? .zero))
        push(.v128)
    }

    mutating func visitSimd(_ op: Instruction.Simd) throws(LoadError) {
        guard let s = SimdSignature(op) else { throw unsupported(.simd(op)) }
        try simd(s)
    }

    mutating func visitSimdLane(_ op: Instruction.SimdLane, lane: UInt8) throws(LoadError) {
        let s = SimdSignature(op)
        guard lane < s.lanes else { throw invalid("invalid lane index") }
        try simd(s, a: UInt32(lane))
    }

    mutating func visitSimdMemLane(_ op: Instruction.SimdMemLane, memarg: MemArg, lane: UInt8) throws(LoadError) {
        let s = SimdSignature(op)
        try checkMemory(memarg, MemoryAccess(op: s.op, type: .v128, naturalAlignment: UInt32(s.naturalAlignment)))
        guard lane < s.lanes else { throw invalid("invalid lane index") }
        try simd(s, a: UInt32(truncatingIfNeeded: memarg.offset), b: UInt64(memarg.align) | UInt64(lane) << 32)
    }

    mutating func simd(_ s: SimdSignature, a: UInt32 = 0, b: UInt64 = 0) throws(LoadError) {
        try pop(s.operands)
        emit(s.op, a: a, b: b)
        if let r = s.result { push(r) }
    }

    mutating func constant(_ v: V128) -> UInt32 {
        guard isLive else { return 0 }
        v128Constants.append(v)
        return UInt32(v128Constants.count - 1)
    }
}
