import Testing
@testable import WasmVM

/// Step-by-step execution: locations, typed stacks and fuel at every instruction.
@Suite struct MachineSteppingTests {
    static let sum = """
    (module
      (func (export "sum") (param i32 i32) (result i32)
        (local i64)
        local.get 0
        local.get 1
        i32.add))
    """

    @Test func stepsThroughEveryInstruction() throws {
        let (machine, instance) = try instantiate(Self.sum)
        try machine.start(instance, "sum", [.i32(5), .i32(7)], fuel: 100)
        #expect(machine.location?.pc == 0)
        #expect(machine.frames.map(\.locals) == [[.i32(5), .i32(7), .i64(0)]])
        #expect(machine.frames.map { $0.operands.map(\.slot) } == [[]])
        #expect(machine.fuelUsed == 0 && machine.steps == 0)

        #expect(machine.step() == .stepLimit)
        #expect(machine.location?.pc == 1)
        #expect(machine.frames.map { $0.operands.map(\.slot) } == [[5]])
        #expect(machine.fuelUsed == 1 && machine.steps == 1)

        #expect(machine.step() == .stepLimit)
        #expect(machine.frames.map { $0.operands.map(\.slot) } == [[5, 7]])
        #expect(machine.fuelUsed == 2)

        #expect(machine.step() == .stepLimit)
        #expect(machine.location?.pc == 3)
        #expect(machine.frames.map { $0.operands.map(\.slot) } == [[12]])
        #expect(machine.fuelUsed == 3)

        #expect(machine.step() == .returned([.i32(12)]))
        #expect(machine.fuelUsed == 4 && machine.steps == 4)
        #expect(machine.isCallActive == false)
        #expect(machine.location == nil)
    }

    @Test func locationsCarryModuleByteOffsets() throws {
        let (machine, instance) = try instantiate(Self.sum)
        try machine.start(instance, "sum", [.i32(1), .i32(2)])
        var offsets: [Int] = []
        while let location = machine.location, machine.isCallActive {
            offsets.append(location.offset)
            _ = machine.step()
        }
        // local.get 0 / local.get 1 / i32.add / end, one byte apart after the opcode and its immediate.
        #expect(offsets == [0x25, 0x27, 0x29, 0x2a])
    }

    @Test func stepsIntoAndOutOfCalls() throws {
        let (machine, instance) = try instantiate("""
        (module
          (func $double (param i32) (result i32) local.get 0 local.get 0 i32.add)
          (func (export "main") (result i32) i32.const 21 call $double))
        """)
        try machine.start(instance, "main", fuel: 100)
        #expect(machine.step() == .stepLimit)   // i32.const
        #expect(machine.step() == .stepLimit)   // call
        #expect(machine.fuelUsed == 1 + FuelCosts.call)
        #expect(machine.location?.function == 0 && machine.location?.pc == 0)
        #expect(machine.frames.count == 2)
        #expect(machine.frames[0].location.function == 1)
        #expect(machine.frames[0].location.pc == 1)          // the caller stands at its call
        #expect(machine.frames[0].operands.map(\.slot) == [])            // the argument moved into the callee
        #expect(machine.frames[1].locals == [.i32(21)])
        #expect(machine.run(RunLimits(maxSteps: 5)) == .stepLimit)
        #expect(machine.frames.count == 2 && machine.location?.pc == 3)   // at the callee's return
        #expect(machine.step() == .stepLimit)
        #expect(machine.frames.count == 1)
        #expect(machine.frames[0].operands.map(\.slot) == [42])
        #expect(machine.run() == .returned([.i32(42)]))
        #expect(machine.fuelUsed == 11 && machine.steps == 7)
    }
}

@Suite struct MachineOperandTypeTests {
    @Test func operandsAreTypedByTheValidator() throws {
        let (machine, instance) = try instantiate("""
        (module (func (export "f") (result i64) (i32.const 1) (drop) (f64.const 2.5) (drop) (i64.const 3)))
        """)
        try machine.start(instance, "f")
        _ = machine.run(RunLimits(maxSteps: 4))
        #expect(machine.frames[0].operands == [])
        _ = machine.step()
        #expect(machine.frames[0].operands == [.i64(3)])
        try machine.start(instance, "f")
        _ = machine.step()
        #expect(machine.frames[0].operands == [.i32(1)])
        _ = machine.run(RunLimits(maxSteps: 3))
        #expect(machine.frames[0].operands == [.f64(2.5.bitPattern)])
    }
}

@Suite struct MachineDepthAndProfileTests {
    static let nested = """
    (module
      (func $leaf (result i32) i32.const 1)
      (func $mid (result i32) call $leaf call $leaf i32.add)
      (func (export "main") (result i32) call $mid i32.const 10 i32.add))
    """

    @Test func nextStepsOverACall() throws {
        let (machine, instance) = try instantiate(Self.nested)
        try machine.start(instance, "main")
        #expect(machine.step() == .stepLimit)            // into $mid
        #expect(machine.frames.count == 2)
        #expect(machine.run(RunLimits(pauseAtDepth: 1)) == .stepLimit)
        #expect(machine.frames.count == 1)
        #expect(machine.location?.pc == 1)               // after `call $mid`
        #expect(machine.frames[0].operands.map(\.slot) == [2])
        #expect(machine.steps == 9)
    }

    @Test func finishLeavesTheCurrentFunction() throws {
        let (machine, instance) = try instantiate(Self.nested)
        try machine.start(instance, "main")
        _ = machine.run(RunLimits(maxSteps: 2))         // inside $leaf
        #expect(machine.frames.count == 3)
        #expect(machine.run(RunLimits(pauseAtDepth: 2)) == .stepLimit)
        #expect(machine.frames.count == 2 && machine.location?.pc == 1)
    }

    @Test func fuelIsAttributedToFunctions() throws {
        let (machine, instance) = try instantiate(Self.nested)
        machine.profilesFuel = true
        #expect(machine.call(instance, "main") == .returned([.i32(12)]))
        // main: call 5 + const + add + return = 8; mid: 2 calls 10 + add + return = 12; leaf: 2 x 2 = 4.
        #expect(machine.fuelByFunction.map { "\($0.function.function!) \($0.selfFuel) \($0.totalFuel) \($0.calls)" } == [
            "1 12 16 1",
            "2 8 24 1",
            "0 4 4 2",
        ])
        #expect(machine.fuelUsed == 24)
    }
}
