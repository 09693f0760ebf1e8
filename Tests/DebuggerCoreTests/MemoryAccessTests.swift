@testable import DebuggerCore
import Testing
import WasmVM

/// What the memory pane highlights for the next instruction, decoded before it runs.
struct MemoryAccessTests {
    @Test func loadsReadAtBasePlusOffset() {
        let ranges = MemoryAccess.predict(Instr(.i64Load, a: 8), operands: [.i32(7), .i32(0x100)])
        #expect(ranges == [MemoryRange(range: 0x108 ..< 0x110, kind: .read)])
        #expect(MemoryAccess.predict(Instr(.i32Load8U, a: 0), operands: [.i32(3)]) == [MemoryRange(range: 3 ..< 4, kind: .read)])
    }

    @Test func storesWriteBelowTheValue() {
        let ranges = MemoryAccess.predict(Instr(.i32Store16, a: 2), operands: [.i32(0x40), .i32(0xffff)])
        #expect(ranges == [MemoryRange(range: 0x42 ..< 0x44, kind: .write)])
    }

    @Test func bulkOperations() {
        #expect(MemoryAccess.predict(Instr(.memoryFill), operands: [.i32(16), .i32(0xaa), .i32(5)])
                == [MemoryRange(range: 16 ..< 21, kind: .write)])
        #expect(MemoryAccess.predict(Instr(.memoryCopy), operands: [.i32(100), .i32(200), .i32(4)])
                == [MemoryRange(range: 200 ..< 204, kind: .read), MemoryRange(range: 100 ..< 104, kind: .write)])
        #expect(MemoryAccess.predict(Instr(.memoryFill), operands: [.i32(16), .i32(0), .i32(0)]).isEmpty)
    }

    @Test func otherInstructionsTouchNothing() {
        #expect(MemoryAccess.predict(Instr(.i32Add), operands: [.i32(1), .i32(2)]).isEmpty)
        #expect(!MemoryAccess.touchesMemory(.call))
        #expect(MemoryAccess.touchesMemory(.f64Store))
    }
}
