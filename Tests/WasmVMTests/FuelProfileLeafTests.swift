import Testing
@testable import WasmVM

/// Fuel by function for leaf functions (`FunctionCode.isLeaf`), whose returns have their own
/// handler and skip the activation count: direct and indirect calls, a leaf as the entry, a
/// trap in one, a stop inside one, a checkpoint there, and probes.
@Suite struct FuelProfileLeafTests {
    /// `main n` makes n direct calls of the leaf `$add` and n indirect ones; `crash` traps inside the leaf `$div`.
    static let module = """
    (module
      (type $binary (func (param i32 i32) (result i32)))
      (table 2 funcref)
      (elem (i32.const 0) $add $div)
      (func $add (type $binary) (i32.add (local.get 0) (local.get 1)))
      (func $div (type $binary) (i32.div_u (local.get 0) (local.get 1)))
      (func (export "main") (param i32) (result i32)
        (local $i i32) (local $x i32)
        (loop $next
          (local.set $x (call $add (local.get $x) (local.get $i)))
          (local.set $x (call_indirect (type $binary) (local.get $x) (i32.const 1) (i32.const 0)))
          (br_if $next (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get 0))))
        (local.get $x))
      (func (export "crash") (result i32) (call_indirect (type $binary) (i32.const 1) (i32.const 0) (i32.const 1)))
      (export "add" (func $add)))
    """

    /// The exact loop, fast code with call stacks (its general handler makes every call), and
    /// fast code's own tallied handlers.
    static func machines() throws -> [(Machine, Instance)] {
        try [(false, true), (true, true), (true, false)].map { fast, stacks in
            let machine = FastCodeTests.machine(fast: fast, profiling: true)
            machine.recordsCallStacks = stacks
            return try instantiate(Self.module, machine: machine)
        }
    }

    static func rows(_ machine: Machine) -> [String] { FuelProfileTests.rows(machine) }

    @Test func leafCallsCountOnceEachDirectOrIndirect() throws {
        for (machine, instance) in try Self.machines() {
            #expect(machine.call(instance, "main", [.i32(3)]) == .returned([.i32(6)]))
            #expect(machine.fuelUsed == 98)
            // $add: 6 calls of local.get, local.get, add, return (4 each); main: the rest.
            #expect(Self.rows(machine) == ["f2 self 74 total 98 calls 1", "f0 self 24 total 24 calls 6"])
            // A leaf as the entry function.
            #expect(machine.call(instance, "add", [.i32(3), .i32(4)]) == .returned([.i32(7)]))
            #expect(Self.rows(machine) == ["f0 self 4 total 4 calls 1"])
        }
    }

    @Test func aTrapInALeafCountsItsCall() throws {
        for (machine, instance) in try Self.machines() {
            guard case .trapped(let trap) = machine.call(instance, "crash") else { Issue.record("no trap"); return }
            #expect(trap.kind == .integerDivideByZero)
            #expect(Self.rows(machine) == ["f3 self 8 total 11 calls 1", "f1 self 3 total 3 calls 1"])
        }
    }

    /// At every stop, inside a leaf or not, each machine shows what the exact loop shows; and a
    /// checkpoint taken inside a leaf gives back its running call.
    @Test func aRunningLeafCallCountsAtEveryStop() throws {
        let machines = try Self.machines()
        for steps in 1 ... 40 {
            var seen: [[String]] = []
            for (machine, instance) in machines {
                try machine.start(instance, "main", [.i32(3)])
                #expect(machine.run(RunLimits(maxSteps: UInt64(steps))) == .stepLimit)
                seen.append(Self.rows(machine))
            }
            #expect(seen.allSatisfy { $0 == seen[0] }, "at step \(steps)")
        }
        for (machine, instance) in machines {
            try machine.start(instance, "main", [.i32(3)])
            // Inside the first, direct call of $add, then inside the second, indirect one.
            #expect(machine.run(RunLimits(maxSteps: 3)) == .stepLimit)
            #expect(machine.callFrames.count == 2)
            #expect(Self.rows(machine) == ["f2 self 7 total 7 calls 1", "f0 self 0 total 0 calls 1"])
            #expect(machine.run(RunLimits(maxSteps: 12)) == .stepLimit)
            #expect(machine.callFrames.count == 2)
            let inside = Self.rows(machine), checkpoint = try #require(machine.checkpoint())
            #expect(inside == ["f2 self 16 total 20 calls 1", "f0 self 4 total 4 calls 2"])
            _ = machine.run()
            let end = Self.rows(machine)
            #expect(end == ["f2 self 74 total 98 calls 1", "f0 self 24 total 24 calls 6"])
            machine.restore(checkpoint)
            #expect(Self.rows(machine) == inside)
            _ = machine.run()
            #expect(Self.rows(machine) == end)
        }
    }

    /// A never-true condition's probe at any instruction of `main` (its trampoline holds the
    /// instruction, a call of the leaf among them) keeps the tally as it was.
    @Test func probesKeepALeafsPlainCall() throws {
        let (machine, instance) = try Self.machines()[2]
        let length = machine.instances[instance.id].codes[2].count
        for pc in 0 ..< length {
            machine.setBreakpoint(id: 1, instance: instance, function: 2, pc: pc)
            let never = MachineCondition([ConditionOp(.localI32, 1), ConditionOp(.constant, 100), ConditionOp(.greater)], hits: ConditionHits())!
            machine.setBreakpointConditions(id: 1, [never])
            machine.evaluatesConditions = true
            #expect(machine.call(instance, "main", [.i32(3)]) == .returned([.i32(6)]), "pc \(pc)")
            #expect(Self.rows(machine) == ["f2 self 74 total 98 calls 1", "f0 self 24 total 24 calls 6"], "pc \(pc)")
            machine.removeBreakpoint(id: 1)
        }
    }
}
