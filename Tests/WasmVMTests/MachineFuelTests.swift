import Testing
@testable import WasmVM

/// Fuel is charged before each instruction, all or nothing, and never passes the limit.
@Suite struct MachineFuelTests {
    static let callTwice = """
    (module
      (func $one (result i32) i32.const 1)
      (func (export "main") (result i32)
        call $one
        call $one
        i32.add))
    """
    // main: call(5) + [const, return](2) + call(5) + [const, return](2) + add(1) + return(1) = 16

    @Test func exactFuelSucceeds() throws {
        let (machine, instance) = try instantiate(Self.callTwice)
        #expect(machine.call(instance, "main", fuel: 16) == .returned([.i32(2)]))
        #expect(machine.fuelUsed == 16)
        #expect(machine.steps == 8)
    }

    @Test func oneLessTrapsAtTheLastInstruction() throws {
        let (machine, instance) = try instantiate(Self.callTwice)
        let event = machine.call(instance, "main", fuel: 15)
        guard case .trapped(let trap) = event else { Issue.record("\(event)"); return }
        #expect(trap.kind == .outOfFuel)
        #expect(machine.fuelUsed == 15)
        #expect(machine.steps == 7)
        #expect(machine.location?.pc == 3)   // main's return
    }

    @Test func aCallThatCannotBePaidChargesNothing() throws {
        let (machine, instance) = try instantiate(Self.callTwice)
        // 7 pays the first call and its body; the second call (5) needs 12.
        let event = machine.call(instance, "main", fuel: 11)
        guard case .trapped(let trap) = event else { Issue.record("\(event)"); return }
        #expect(trap.kind == .outOfFuel)
        #expect(trap.function == 1)
        #expect(machine.fuelUsed == 7)
        #expect(machine.location?.pc == 1)
        #expect(machine.frames.count == 1)
    }

    @Test func fuelCanBeRaisedWhilePausedAfterRunningOut() throws {
        let (machine, instance) = try instantiate(Self.callTwice)
        try machine.start(instance, "main", fuel: 100)
        #expect(machine.run(RunLimits(pauseAtFuel: 11)) == .fuelLimit)
        #expect(machine.fuelUsed == 7)
        machine.fuelLimit = 12
        #expect(machine.run(RunLimits(maxSteps: 4)) == .stepLimit)
        #expect(machine.fuelUsed == 12)
        machine.fuelLimit = 16
        #expect(machine.run() == .returned([.i32(2)]))
        #expect(machine.fuelUsed == 16)
    }

    @Test func infiniteLoopRunsOutOfFuel() throws {
        let (machine, instance) = try instantiate("""
        (module (func (export "spin") (loop $l (br $l))))
        """)
        let event = machine.call(instance, "spin", fuel: 1_000_000)
        guard case .trapped(let trap) = event else { Issue.record("\(event)"); return }
        #expect(trap.kind == .outOfFuel)
        #expect(trap.message == "out of fuel")
        #expect(machine.fuelUsed == 1_000_000)
        #expect(machine.steps == 1_000_000)
    }

    @Test func memoryGrowIsChargedPerPageEvenWhenItFails() throws {
        let (machine, instance) = try instantiate("""
        (module (memory 1 3)
          (func (export "grow") (param i32) (result i32) local.get 0 memory.grow))
        """)
        #expect(machine.call(instance, "grow", [.i32(2)]) == .returned([.i32(1)]))
        #expect(machine.fuelUsed == 1 + (1 + 2 * FuelCosts.memoryGrowPerPage) + 1)
        #expect(machine.call(instance, "grow", [.i32(1)]) == .returned([.i32(UInt32.max)]))
        #expect(machine.fuelUsed == 1 + (1 + FuelCosts.memoryGrowPerPage) + 1)
        // The per-page cost is checked before growing: 2 pages need 2050 after local.get.
        let event = machine.call(instance, "grow", [.i32(2)], fuel: 2049)
        guard case .trapped(let trap) = event else { Issue.record("\(event)"); return }
        #expect(trap.kind == .outOfFuel)
        #expect(machine.fuelUsed == 1)
        #expect(machine.memory(of: instance)?.pageCount == 3)
    }

    @Test func growingForeverEndsInMinusOneThenStops() throws {
        let (machine, instance) = try instantiate("""
        (module (memory 0 16)
          (func (export "hog") (result i32) (local i32)
            (loop $again
              (local.set 0 (memory.grow (i32.const 1)))
              (br_if $again (i32.ne (local.get 0) (i32.const -1))))
            memory.size))
        """)
        #expect(machine.call(instance, "hog") == .returned([.i32(16)]))
        #expect(machine.memory(of: instance)?.pageCount == 16)
    }

    @Test func bulkOpsCostOnePerStartedEightBytes() throws {
        let (machine, instance) = try instantiate("""
        (module (memory 1)
          (func (export "fill") (param i32) (memory.fill (i32.const 0) (i32.const 7) (local.get 0))))
        """)
        #expect(machine.call(instance, "fill", [.i32(17)]) == .returned([]))
        #expect(machine.fuelUsed == 3 + FuelCosts.bulk(17) + 1)
        #expect(FuelCosts.bulk(17) == 4)
        #expect(try machine.memory(of: instance)!.read(15, count: 3) == [7, 7, 0])
    }

    @Test func stepLimitPausesBeforeTheInstruction() throws {
        let (machine, instance) = try instantiate(Self.callTwice)
        try machine.start(instance, "main")
        #expect(machine.run(RunLimits(maxSteps: 3)) == .stepLimit)
        #expect(machine.steps == 3)
        #expect(machine.fuelUsed == 7)
        #expect(machine.run(RunLimits(maxSteps: 3)) == .stepLimit)   // already there
        #expect(machine.steps == 3)
    }
}
