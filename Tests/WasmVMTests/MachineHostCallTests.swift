import Testing
@testable import WasmVM

/// Host calls: fuel, pauses before and after, traps located at the call, linking.
@Suite struct MachineHostCallTests {
    static let wat = """
    (module
      (import "env" "add" (func $add (param i32 i32) (result i32)))
      (memory (export "memory") 1)
      (func (export "main") (result i32)
        (call $add (i32.const 2) (i32.const 3))))
    """

    func setUp(extraFuel: UInt64 = 0, fail: Bool = false) throws -> (Machine, Instance) {
        let machine = Machine()
        let add = machine.addHostFunction(module: "env", name: "add", type: i32x2_i32) { context throws(Trap) in
            if fail { throw Trap(.hostError, "env.add: refused") }
            context.extraFuel = extraFuel
            guard case .i32(let a) = context.arguments[0], case .i32(let b) = context.arguments[1] else { return [] }
            try context.memory!.write(0, [UInt8(a), UInt8(b)])
            return [.i32(a + b)]
        }
        return try instantiate(Self.wat, machine: machine, imports: ["env.add": add])
    }

    @Test func hostCallCostsHostCallPlusExtra() throws {
        let (machine, instance) = try setUp(extraFuel: 7)
        #expect(machine.call(instance, "main") == .returned([.i32(5)]))
        #expect(machine.fuelUsed == 2 + FuelCosts.hostCall + 7 + 1)
        #expect(machine.steps == 4)
        #expect(try machine.memory(of: instance)!.read(0, count: 2) == [2, 3])
    }

    @Test func pausesBeforeAndAfterHostCalls() throws {
        let (machine, instance) = try setUp()
        machine.pauseBeforeHostCalls = true
        machine.pauseAfterHostCalls = true
        try machine.start(instance, "main", fuel: 1000)
        let callSite = CodeLocation(instance: 0, function: 1, pc: 2, offset: machine.frames.isEmpty ? 0 : 0)
        let before = machine.run()
        guard case .hostCallPending(let pending) = before else { Issue.record("\(before)"); return }
        #expect(pending.importModule == "env" && pending.importName == "add")
        #expect(pending.arguments == [.i32(2), .i32(3)])
        #expect(pending.results == nil)
        #expect(pending.callSite.pc == callSite.pc)
        #expect(machine.pendingHostCall == pending)
        #expect(machine.fuelUsed == 2)                          // nothing charged yet
        #expect(machine.frames[0].operands.map(\.slot) == [2, 3])
        let after = machine.run()
        guard case .hostCallReturned(let returned) = after else { Issue.record("\(after)"); return }
        #expect(returned.results == [.i32(5)])
        #expect(machine.fuelUsed == 2 + FuelCosts.hostCall)
        #expect(machine.location?.pc == 3)
        #expect(machine.frames[0].operands.map(\.slot) == [5])
        #expect(machine.pendingHostCall == nil)
        #expect(machine.run() == .returned([.i32(5)]))
    }

    @Test func steppingOverAHostCallPerformsIt() throws {
        let (machine, instance) = try setUp()
        machine.pauseBeforeHostCalls = true
        try machine.start(instance, "main")
        #expect(machine.run(RunLimits(maxSteps: 2)) == .stepLimit)
        #expect(machine.pendingHostCall?.arguments == [.i32(2), .i32(3)])
        #expect(machine.step() == .stepLimit)
        #expect(machine.frames[0].operands.map(\.slot) == [5])
    }

    @Test func hostTrapIsLocatedAtTheCall() throws {
        let (machine, instance) = try setUp(fail: true)
        try machine.start(instance, "main")
        _ = machine.run(RunLimits(maxSteps: 2))
        let callOffset = machine.location!.offset
        let event = machine.run()
        #expect(event == .trapped(Trap(.hostError, "env.add: refused", function: 1, offset: callOffset)))
        #expect(machine.fuelUsed == 2)
        #expect(machine.frames[0].operands.map(\.slot) == [2, 3])
    }

    @Test func unlinkableImportNamesBothTypes() throws {
        let machine = Machine()
        let wrong = machine.addHostFunction(module: "env", name: "add", type: i32_i32) { _ throws(Trap) in [] }
        #expect {
            _ = try instantiate(Self.wat, machine: machine, imports: ["env.add": wrong])
        } throws: { error in
            (error as? LinkError)?.message
                == "incompatible import type: import env.add: module declares func (i32, i32) -> (i32), host offers func (i32) -> (i32)"
        }
        #expect {
            _ = try instantiate(Self.wat, machine: machine)
        } throws: { error in
            (error as? LinkError)?.message.hasPrefix("unknown import: env.add") == true
        }
    }

    @Test func callsIntoAnotherInstanceUseItsMemory() throws {
        let (machine, provider) = try instantiate("""
        (module (memory (export "m") 1) (data (i32.const 0) "\\2a")
          (func (export "peek") (result i32) (i32.load8_u (i32.const 0))))
        """)
        guard case .function(let peek) = machine.export(provider, named: "peek") else { fatalError() }
        let (_, user) = try instantiate("""
        (module (import "p" "peek" (func $peek (result i32))) (memory 1)
          (func (export "main") (result i32) (call $peek)))
        """, machine: machine, imports: ["p.peek": .function(peek)])
        #expect(machine.call(user, "main") == .returned([.i32(42)]))
    }
}
