import Foundation
import Testing
@testable import WasmVM

/// Counting mode (`profile --lines`): fuel by instruction from block counts, fast exits
/// and exact-loop credits equals what stepping every instruction charges at it, to the
/// unit, whatever stops a block midway (a host call, a trap, the fuel limit, a step limit).
@Suite struct InstructionFuelTests {
    /// `mix` with counting mode on or off, the exact loop only (`fast: false`) or run mode.
    static func mixMachine(counting: Bool, fast: Bool = true) throws -> (Machine, Instance) {
        var configuration = MachineConfiguration()
        configuration.countsBlocks = counting
        configuration.usesFastCode = fast
        let machine = Machine(configuration: configuration)
        let host = machine.addHostFunction(module: "env", name: "host", type: i32_i32) { context throws(Trap) in
            guard case .i32(let v) = context.arguments[0] else { return [] }
            context.extraFuel = UInt64(v)   // a host call's charge varies with its argument
            return [.i32(v &* 3 &+ 1)]
        }
        return try instantiate(FastCodeTests.mix, machine: machine, imports: ["env.host": host])
    }

    /// Fuel per instruction by stepping the exact loop: the reference.
    static func stepped(_ machine: Machine) -> [CodeLocation: UInt64] {
        var fuel: [CodeLocation: UInt64] = [:]
        while true {
            let at = machine.location, before = machine.fuelUsed
            let event = machine.step()
            if let at, machine.fuelUsed > before { fuel[at, default: 0] += machine.fuelUsed - before }
            if case .returned = event { return fuel }
            if case .trapped = event { return fuel }
        }
    }

    static func counted(_ machine: Machine, limits: RunLimits = RunLimits()) -> [CodeLocation: UInt64] {
        while true {
            let event = machine.run(limits.maxSteps.map { RunLimits(maxSteps: machine.steps + $0) } ?? limits)
            if case .returned = event { break }
            if case .trapped = event { break }
        }
        var fuel: [CodeLocation: UInt64] = [:]
        for f in machine.fuelByInstruction { fuel[f.location] = f.fuel }
        return fuel
    }

    func expectSame(_ name: String, _ argument: UInt32, fuel: UInt64 = .max, steps: UInt64? = nil, fast: Bool = true) throws -> [CodeLocation: UInt64] {
        let (reference, r) = try Self.mixMachine(counting: false, fast: false)
        try reference.start(r, name, [.i32(argument)], fuel: fuel)
        let expected = Self.stepped(reference)
        let (machine, m) = try Self.mixMachine(counting: true, fast: fast)
        try machine.start(m, name, [.i32(argument)], fuel: fuel)
        let got = Self.counted(machine, limits: RunLimits(maxSteps: steps))
        #expect(got == expected, "\(name)(\(argument)) fuel \(fuel) steps \(steps.map(String.init) ?? "-")")
        #expect(got.values.reduce(0, +) == machine.fuelUsed)
        #expect(machine.fuelUsed == reference.fuelUsed)
        return got
    }

    /// A host call mid-block (its variable charge at its `call`), a trap mid-block (the
    /// division by zero of `mix(12)`, an out-of-bounds load), and every fuel limit of `mix(12)`.
    @Test func matchesSteppingAtEveryKindOfStop() throws {
        let full = try expectSame("mix", 20)
        #expect(full.values.reduce(0, +) == 2241)
        let (probe, _) = try Self.mixMachine(counting: false)
        let call = full.keys.filter { $0.function == 2 && probe.instances[0].codes[1].code[$0.pc].op == .call }.sorted { $0.pc < $1.pc }
        // 20 host calls at one instruction: 20 x hostCall + 0 + 1 + ... + 19.
        #expect(call.count == 1 && full[call[0]] == 20 * UInt64(FuelCosts.hostCall) + 190)

        let trapped = try expectSame("mix", 12)
        #expect(trapped.values.reduce(0, +) == 1298)
        _ = try expectSame("oob", 65_530)
        _ = try expectSame("oob", 100)
        for fuel in stride(from: UInt64(0), through: 1300, by: 7) { _ = try expectSame("mix", 12, fuel: fuel) }
        _ = try expectSame("mix", 9, steps: 5)
        _ = try expectSame("mix", 9, fast: false)
    }

    /// Without counting mode nothing is counted, and the fast code has no counters.
    @Test func offUnlessConfigured() throws {
        let (machine, instance) = try Self.mixMachine(counting: false)
        _ = machine.call(instance, "mix", [.i32(20)])
        #expect(machine.fuelByInstruction.isEmpty)
        let code = machine.instances[0].codes[1]
        #expect((0 ..< code.fastCount).allSatisfy { code.fast[$0].op != .countBlock })
        let (counting, _) = try Self.mixMachine(counting: true)
        let counted = counting.instances[0].codes[1]
        #expect((0 ..< counted.fastCount).filter { counted.fast[$0].op == .countBlock }.count == counted.counted?.ranges.count)
    }

    /// Benchmark workloads (compiled C) up to an out-of-fuel trap: the same as stepping.
    @Test func workloadsMatchStepping() throws {
        for file in ["sha256.wasm", "ledger.wasm", "quicksort.wasm"] {
            let module = try FastCodeTests.workload(file)
            var results: [[CodeLocation: UInt64]] = []
            for counting in [false, true] {
                var configuration = MachineConfiguration()
                configuration.countsBlocks = counting
                configuration.usesFastCode = counting
                let machine = Machine(configuration: configuration)
                let instance = try machine.instantiate(module) { _ in nil }
                try machine.start(instance, "run", fuel: 150_000)
                results.append(counting ? Self.counted(machine) : Self.stepped(machine))
                #expect(results.last!.values.reduce(0, +) == machine.fuelUsed, "\(file)")
            }
            #expect(results[0] == results[1], "\(file)")
        }
    }
}
