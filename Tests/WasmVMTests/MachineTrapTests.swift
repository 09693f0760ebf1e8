import Testing
@testable import WasmVM

/// Every trap kind, with the function and module byte offset of the trapping instruction.
@Suite struct MachineTrapTests {
    static let traps = """
    (module
      (memory 1)
      (table 2 funcref)
      (type $v (func))
      (elem (i32.const 0) $ok)
      (func $ok)
      (func (export "unreachable") unreachable)
      (func (export "div0") (result i32) (i32.div_s (i32.const 1) (i32.const 0)))
      (func (export "overflow") (result i32) (i32.div_s (i32.const 0x80000000) (i32.const -1)))
      (func (export "rem") (result i32) (i32.rem_s (i32.const 0x80000000) (i32.const -1)))
      (func (export "nan") (result i32) (i32.trunc_f32_s (f32.const nan)))
      (func (export "big") (result i32) (i32.trunc_f64_u (f64.const 4294967296)))
      (func (export "load") (result i32) (i32.load offset=65533 (i32.const 0)))
      (func (export "table") (result funcref) (table.get (i32.const 2)))
      (func (export "undefined") (call_indirect (type $v) (i32.const 5)))
      (func (export "uninitialized") (call_indirect (type $v) (i32.const 1)))
      (func (export "mismatch") (result i32) (call_indirect (result i32) (i32.const 0)))
      (func $deep (export "deep") (param i32) (result i32)
        (i32.add (i32.const 1) (call $deep (local.get 0))))
    )
    """

    func trap(_ name: String, _ args: [Value] = []) throws -> (Trap, Machine) {
        let (machine, instance) = try instantiate(Self.traps)
        let event = machine.call(instance, name, args)
        guard case .trapped(let trap) = event else { throw Trap(.hostError, "expected a trap, got \(event)") }
        return (trap, machine)
    }

    @Test(arguments: [
        ("unreachable", TrapKind.unreachable, "unreachable executed"),
        ("div0", .integerDivideByZero, "integer divide by zero"),
        ("overflow", .integerOverflow, "integer overflow"),
        ("nan", .invalidConversion, "invalid conversion to integer"),
        ("big", .integerOverflow, "integer overflow"),
        ("load", .memoryOutOfBounds, "out of bounds memory access"),
        ("table", .tableOutOfBounds, "out of bounds table access"),
        ("undefined", .tableOutOfBounds, "undefined element"),
        ("uninitialized", .uninitializedElement, "uninitialized element"),
        ("mismatch", .indirectCallTypeMismatch, "indirect call type mismatch"),
    ])
    func trapsWithKindAndMessage(name: String, kind: TrapKind, message: String) throws {
        let (trap, machine) = try trap(name)
        #expect(trap.kind == kind)
        #expect(trap.message == message)
        #expect(trap.offset == machine.location?.offset)
        #expect(trap.function == machine.location?.function)
        #expect(machine.frames.count == 1)   // kept for inspection, not unwound
    }

    @Test func trapOffsetsPointAtTheInstruction() throws {
        let module = try Module.load(text: Self.traps)
        let (divTrap, _) = try trap("div0")
        // The trapping i32.div_s is the byte 0x6d in the module.
        #expect(module.bytes[divTrap.offset!] == 0x6d)
        let (loadTrap, _) = try self.trap("load")
        #expect(module.bytes[loadTrap.offset!] == 0x28)
    }

    @Test func aTrappingInstructionIsChargedButKeepsItsStepNumber() throws {
        let (_, machine) = try trap("div0")
        // i32.const, i32.const, then i32.div_s (step 2) traps.
        #expect(machine.steps == 2)
        #expect(machine.fuelUsed == 3)
        #expect(machine.location?.pc == 2)
    }

    @Test func remOfMinByMinusOneIsZero() throws {
        let (machine, instance) = try instantiate(Self.traps)
        #expect(machine.call(instance, "rem") == .returned([.i32(0)]))
    }

    @Test func millionDeepRecursionExhaustsTheCallStack() throws {
        let (trap, machine) = try trap("deep", [.i32(1_000_000)])
        #expect(trap.kind == .callStackExhausted)
        #expect(trap.message == "call stack exhausted")
        #expect(machine.frameCount == MachineConfiguration().maxCallDepth)
        #expect(machine.frame(at: machine.frameCount - 1).locals == [.i32(1_000_000)])
    }

    @Test func valueStackLimitAlsoExhausts() throws {
        var configuration = MachineConfiguration()
        configuration.maxStackSlots = 1000
        let (machine, instance) = try instantiate(Self.traps, machine: Machine(configuration: configuration))
        let event = machine.call(instance, "deep", [.i32(0)])
        guard case .trapped(let trap) = event else { Issue.record("\(event)"); return }
        #expect(trap.kind == .callStackExhausted)
        #expect(machine.frames.count < 1000)
    }
}
