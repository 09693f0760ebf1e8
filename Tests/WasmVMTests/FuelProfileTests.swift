import Testing
@testable import WasmVM

/// Fuel by function (`profilesFuel`) and per call stack (`recordsCallStacks`): exact
/// numbers, host rows, recursion, traps and checkpoints.
@Suite struct FuelProfileTests {
    /// `main` calls `$fact 4` (recursive) and the host `env.tick` twice.
    static let module = """
    (module
      (import "env" "tick" (func $tick (param i32) (result i32)))
      (func $fact (param i32) (result i32)
        (if (result i32) (i32.le_u (local.get 0) (i32.const 1))
          (then (i32.const 1))
          (else (i32.mul (local.get 0) (call $fact (i32.sub (local.get 0) (i32.const 1)))))))
      (func (export "main") (param i32) (result i32)
        (i32.add (call $tick (call $fact (local.get 0))) (call $tick (i32.const 0))))
      (func (export "boom") (result i32) (i32.div_u (call $fact (i32.const 3)) (i32.const 0))))
    """

    static func profiled(fast: Bool = true) throws -> (Machine, Instance) {
        let machine = FastCodeTests.machine(fast: fast, profiling: true)
        let tick = machine.addHostFunction(module: "env", name: "tick", type: i32_i32) { context throws(Trap) in
            context.extraFuel = 7
            return [context.arguments[0]]
        }
        return try instantiate(Self.module, machine: machine, imports: ["env.tick": tick])
    }

    static func rows(_ machine: Machine) -> [String] {
        machine.fuelByFunction.map { row in
            "\(row.function.hostName ?? "f\(row.function.function!)") self \(row.selfFuel) total \(row.totalFuel) calls \(row.calls)"
        }
    }

    static func stacks(_ machine: Machine) -> [String] {
        machine.fuelStacks.map { s in
            s.stack.map { $0.hostName ?? "f\($0.function!)" }.joined(separator: ";") + " \(s.selfFuel)"
        }
    }

    @Test func selfTotalAndCallsAddUp() throws {
        for fast in [false, true] {
            let (machine, instance) = try Self.profiled(fast: fast)
            #expect(machine.call(instance, "main", [.i32(4)]) == .returned([.i32(24)]))
            #expect(machine.fuelUsed == 175)
            // $fact: 3 x 15 + 7 over 4 activations, its total counted once; each host call is 50 + 7;
            // main: local.get, call (5), const, add, return.
            #expect(Self.rows(machine) == [
                "env.tick self 114 total 114 calls 2",
                "f1 self 52 total 52 calls 4",
                "f2 self 9 total 175 calls 1",
            ])
            #expect(Self.stacks(machine) == [
                "f2 9",
                "f2;f1 15",
                "f2;f1;f1 15",
                "f2;f1;f1;f1 15",
                "f2;f1;f1;f1;f1 7",
                "f2;env.tick 114",
            ])
        }
    }

    @Test func aTrapKeepsItsFuelWithTheTrappingFunction() throws {
        let (machine, instance) = try Self.profiled()
        guard case .trapped(let trap) = machine.call(instance, "boom") else { Issue.record("no trap"); return }
        #expect(trap.kind == .integerDivideByZero)
        #expect(Self.rows(machine) == ["f1 self 37 total 37 calls 3", "f3 self 8 total 45 calls 1"])
        #expect(machine.fuelByFunction.reduce(0) { $0 + $1.selfFuel } == machine.fuelUsed)
    }

    @Test func aCheckpointRestoresTheProfile() throws {
        let (machine, instance) = try Self.profiled()
        try machine.start(instance, "main", [.i32(4)])
        #expect(machine.run(RunLimits(maxSteps: 30)) == .stepLimit)
        let middle = Self.rows(machine), checkpoint = try #require(machine.checkpoint())
        #expect(middle == ["f1 self 40 total 40 calls 4", "f2 self 6 total 46 calls 1"])
        _ = machine.run()
        let end = Self.rows(machine)
        machine.restore(checkpoint)
        #expect(Self.rows(machine) == middle)
        _ = machine.run()
        #expect(Self.rows(machine) == end)
        #expect(end.count == 3)
    }

    @Test func aDirectHostCallIsItsOwnRow() throws {
        let (machine, _) = try Self.profiled()
        #expect(machine.invoke(function: 0, arguments: [.i32(3)]) == .returned([.i32(3)]))
        #expect(Self.rows(machine) == ["env.tick self 57 total 57 calls 1"])
        #expect(Self.stacks(machine) == ["env.tick 57"])
    }

    @Test func withoutProfilingThereAreNoRows() throws {
        let machine = Machine()
        let tick = machine.addHostFunction(module: "env", name: "tick", type: i32_i32) { _ throws(Trap) in [.i32(0)] }
        let (_, instance) = try instantiate(Self.module, machine: machine, imports: ["env.tick": tick])
        _ = machine.call(instance, "boom")
        #expect(machine.fuelByFunction.isEmpty && machine.fuelStacks.isEmpty)
    }

    /// Fast code's own call and return handlers (no call stacks: the general handler takes
    /// every call with them) keep fuel by function through their tallied twins, which the
    /// machine switches to and from when `profilesFuel` changes between calls, and which a
    /// released breakpoint gives back to the instruction it held.
    @Test func fastCallsKeepTheTallyWhenProfilingIsSwitchedAndBreakpointsAreReleased() throws {
        let expected = ["env.tick self 114 total 114 calls 2", "f1 self 52 total 52 calls 4", "f2 self 9 total 175 calls 1"]
        let (machine, instance) = try Self.profiled()
        machine.recordsCallStacks = false
        for profiling in [true, false, true] {
            machine.profilesFuel = profiling
            #expect(machine.call(instance, "main", [.i32(4)]) == .returned([.i32(24)]))
            #expect(Self.rows(machine) == (profiling ? expected : []))
        }
        // A breakpoint at every pc of $fact and main (function indices 1 and 2), all removed before the call.
        let codes = machine.instances[instance.id].codes
        for function in [1, 2] {
            for pc in 0 ..< codes[function - 1].count {
                machine.setBreakpoint(id: function * 100 + pc, instance: instance, function: function, pc: pc)
            }
        }
        for function in [1, 2] {
            for pc in 0 ..< codes[function - 1].count { machine.removeBreakpoint(id: function * 100 + pc) }
        }
        #expect(machine.call(instance, "main", [.i32(4)]) == .returned([.i32(24)]))
        #expect(Self.rows(machine) == expected)
    }
}
