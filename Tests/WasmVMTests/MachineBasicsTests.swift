import Testing
@testable import WasmVM

@Suite struct MachineBasicsTests {
    @Test func addsTwoNumbers() throws {
        let module = Fixture.module([.init(type: i32x2_i32, code: [
            Instr(.localGet, a: 0), Instr(.localGet, a: 1), Instr(.i32Add), Instr(.return, a: 1),
        ])])
        let machine = Machine()
        let instance = try machine.instantiate(module) { _ in nil }
        #expect(machine.call(instance, "f0", [.i32(40), .i32(2)]) == .returned([.i32(42)]))
        #expect(machine.fuelUsed == 4)
        #expect(machine.steps == 4)
    }

    @Test func divisionByZeroTrapsAtItsOffset() throws {
        let module = Fixture.module([.init(type: i32x2_i32, code: [
            Instr(.localGet, a: 0), Instr(.localGet, a: 1), Instr(.i32DivS), Instr(.return, a: 1),
        ])])
        let machine = Machine()
        let instance = try machine.instantiate(module) { _ in nil }
        #expect(machine.call(instance, "f0", [.i32(1), .i32(0)])
                == .trapped(Trap(.integerDivideByZero, function: 0, offset: 0x102)))
        #expect(machine.location == CodeLocation(instance: 0, function: 0, pc: 2, offset: 0x102))
    }
}
