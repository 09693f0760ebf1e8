import CFastDispatch
import Testing
@testable import WasmVM

/// The C dispatch (CFastDispatch) jumps to the handler an instruction holds at offset 16
/// (WESDBG_HANDLER), and `FastLoop.step` casts its op number back to FastOp: both hold only
/// while Swift lays the types out as FastDispatch.h says.
@Suite struct FastDispatchTests {
    @Test func theHandlerIsAtOffset16AndFollowsTheOp() {
        #expect(MemoryLayout<FastOp>.size == 2)   // step's unsafeBitCast from UInt16
        #expect(MemoryLayout<FastInstr>.size == 24)
        #expect(MemoryLayout<FastInstr>.offset(of: \.handler) == 16)
        // WasmVM's own table: each module importing FastDispatch.h compiles its own handlers.
        for op in [FastOp.nop, .return, .store64I, .simdStore, .i32AddSS, .i64TruncSatF64US, .i64XorSW] {
            var instr = FastInstr(op, a: 7, b: 9)
            let handler = withUnsafeBytes(of: &instr) { $0.load(fromByteOffset: 16, as: UInt.self) }
            #expect(handler == FastInstr.handler(op) && handler != 0, "\(op)")
            #expect(handler != FastInstr.handler(.deopt) || op == .deopt)
            #expect(unsafeBitCast(op.rawValue, to: FastOp.self) == op)
            instr.op = .deopt   // a breakpoint's patch
            #expect(instr.handler == FastInstr.handler(.deopt))
        }
        #expect(FastOp(rawValue: UInt16(WESDBG_FAST_OP_COUNT) - 1) != nil)   // the header lists every op
        #expect(FastOp(rawValue: UInt16(WESDBG_FAST_OP_COUNT)) == nil)
    }
}
