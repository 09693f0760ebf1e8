import CFastDispatch
import Testing
@testable import WasmVM

/// The C dispatch (CFastDispatch) picks an instruction's handler by reading FastInstr's
/// first bytes as FastOp's case index, and `FastLoop.step` casts its op number back:
/// both hold only while Swift lays the types out as the generated header says.
@Suite struct FastDispatchTests {
    @Test func theTagIsTheFirstTwoBytesAndTheCaseIndex() {
        #expect(MemoryLayout<FastOp>.size == 2)   // WESDBG_FAST_TAG is uint16_t (more than 256 ops)
        #expect(MemoryLayout<FastInstr>.size == 16)
        for op in [FastOp.nop, .return, .store64I, .simdStore, .i32AddSS, .i64TruncSatF64US, .i64XorSW] {
            var instr = FastInstr(op, a: 7, b: 9)
            let tag = withUnsafeBytes(of: &instr) { $0.load(as: UInt16.self) }
            #expect(tag == op.rawValue, "\(op)")
            #expect(unsafeBitCast(op.rawValue, to: FastOp.self) == op)
        }
        #expect(FastOp(rawValue: UInt16(WESDBG_FAST_OP_COUNT) - 1) != nil)   // the header lists every op
        #expect(FastOp(rawValue: UInt16(WESDBG_FAST_OP_COUNT)) == nil)
    }
}
