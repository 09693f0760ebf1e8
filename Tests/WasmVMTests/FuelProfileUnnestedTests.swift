import Testing
@testable import WasmVM

/// Fuel by function for functions never nested (`FunctionCode.isUnnested`), whose returns have
/// their own handler and skip the activation count: leaves and functions no call path leads back
/// to, called directly and indirectly, as the entry, trapping, at every stop, in a checkpoint,
/// and under probes.
@Suite struct FuelProfileUnnestedTests {
    /// `main n` makes n calls of `$twice` (unnested: not exported, not in the table), which calls
    /// the leaf `$add` twice, and n indirect calls of `$add`; `crash` traps inside the leaf `$div`.
    static let module = """
    (module
      (type $binary (func (param i32 i32) (result i32)))
      (table 2 funcref)
      (elem (i32.const 0) $add $div)
      (func $add (type $binary) (i32.add (local.get 0) (local.get 1)))
      (func $div (type $binary) (i32.div_u (local.get 0) (local.get 1)))
      (func $twice (type $binary) (call $add (call $add (local.get 0) (local.get 1)) (i32.const 1)))
      (func (export "main") (param i32) (result i32)
        (local $i i32) (local $x i32)
        (loop $next
          (local.set $x (call $twice (local.get $x) (local.get $i)))
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
    static let mainRows = ["f3 self 74 total 152 calls 1", "f2 self 42 total 66 calls 3", "f0 self 36 total 36 calls 9"]

    @Test func leafCallsCountOnceEachDirectOrIndirect() throws {
        for (machine, instance) in try Self.machines() {
            // $add, $div and $twice never nest; main and crash call through the table, which may reach any export.
            #expect(machine.instances[instance.id].codes.map(\.isUnnested) == [true, true, true, false, false])
            #expect(machine.call(instance, "main", [.i32(3)]) == .returned([.i32(9)]))
            #expect(machine.fuelUsed == 152)
            // $add: 9 calls of local.get, local.get, add, return (4 each); $twice: 3 calls of 14
            // (two calls of 5) and its calls' 24; main: the rest.
            #expect(Self.rows(machine) == Self.mainRows)
            // A leaf as the entry function.
            #expect(machine.call(instance, "add", [.i32(3), .i32(4)]) == .returned([.i32(7)]))
            #expect(Self.rows(machine) == ["f0 self 4 total 4 calls 1"])
        }
    }

    @Test func aTrapInALeafCountsItsCall() throws {
        for (machine, instance) in try Self.machines() {
            guard case .trapped(let trap) = machine.call(instance, "crash") else { Issue.record("no trap"); return }
            #expect(trap.kind == .integerDivideByZero)
            #expect(Self.rows(machine) == ["f4 self 8 total 11 calls 1", "f1 self 3 total 3 calls 1"])
        }
    }

    /// At every stop, inside a leaf or not, each machine shows what the exact loop shows; and a
    /// checkpoint taken inside a leaf gives back its running call.
    @Test func aRunningLeafCallCountsAtEveryStop() throws {
        let machines = try Self.machines()
        for steps in 1 ... 60 {
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
            // Inside the first call of $twice, then inside its first call of $add, then inside the
            // first indirect call of $add.
            #expect(machine.run(RunLimits(maxSteps: 3)) == .stepLimit)
            #expect(machine.callFrames.count == 2)
            #expect(Self.rows(machine) == ["f3 self 7 total 7 calls 1", "f2 self 0 total 0 calls 1"])
            #expect(machine.run(RunLimits(maxSteps: 6)) == .stepLimit)
            #expect(machine.callFrames.count == 3)
            #expect(Self.rows(machine) == ["f2 self 7 total 7 calls 1", "f3 self 7 total 14 calls 1", "f0 self 0 total 0 calls 1"])
            #expect(machine.run(RunLimits(maxSteps: 24)) == .stepLimit)
            #expect(machine.callFrames.count == 2)
            let inside = Self.rows(machine), checkpoint = try #require(machine.checkpoint())
            #expect(inside == ["f3 self 16 total 40 calls 1", "f2 self 14 total 22 calls 1", "f0 self 10 total 10 calls 3"])
            _ = machine.run()
            let end = Self.rows(machine)
            #expect(end == Self.mainRows)
            machine.restore(checkpoint)
            #expect(Self.rows(machine) == inside)
            _ = machine.run()
            #expect(Self.rows(machine) == end)
        }
    }

    /// A never-true condition's probe at any instruction of `main` (its trampoline holds the
    /// instruction, a call of `$twice` among them) keeps the tally as it was.
    @Test func probesKeepTheTally() throws {
        let (machine, instance) = try Self.machines()[2]
        let length = machine.instances[instance.id].codes[3].count
        for pc in 0 ..< length {
            machine.setBreakpoint(id: 1, instance: instance, function: 3, pc: pc)
            let never = MachineCondition([ConditionOp(.localI32, 1), ConditionOp(.constant, 100), ConditionOp(.greater)], hits: ConditionHits())!
            machine.setBreakpointConditions(id: 1, [never])
            machine.evaluatesConditions = true
            #expect(machine.call(instance, "main", [.i32(3)]) == .returned([.i32(9)]), "pc \(pc)")
            #expect(Self.rows(machine) == Self.mainRows, "pc \(pc)")
            machine.removeBreakpoint(id: 1)
        }
    }
}
