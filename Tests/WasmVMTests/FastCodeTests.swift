import Foundation
import Testing
@testable import WasmVM

/// Run mode executes fast code; every stop must look exactly as it does when the
/// exact loop runs everything (`usesFastCode = false`): same event, steps, fuel,
/// frames, value stack and memory.
@Suite struct FastCodeTests {
    /// Stops inside fused groups: host and indirect calls, a `local.tee` feeding a store,
    /// a division by a slot, loads of a teed address and a trapping final division.
    static let mix = """
    (module
      (import "env" "host" (func $host (param i32) (result i32)))
      (memory 1)
      (global $g (mut i32) (i32.const 0))
      (table 2 funcref) (elem (i32.const 0) $sq)
      (func $sq (param i32) (result i32) (i32.mul (local.get 0) (local.get 0)))
      (func (export "mix") (param $n i32) (result i32) (local $i i32) (local $acc i32)
        (loop $l
          (local.set $acc (i32.add (local.get $acc) (call $host (local.get $i))))
          (i32.store offset=4 (i32.shl (local.get $i) (i32.const 2))
                     (local.tee $acc (i32.xor (local.get $acc) (local.get $i))))
          (local.set $acc (i32.add (local.get $acc)
                          (call_indirect (param i32) (result i32) (local.get $i) (i32.const 0))))
          (global.set $g (i32.div_u (local.get $acc) (i32.add (local.get $i) (i32.const 1))))
          (local.set $acc (i32.add (local.get $acc) (i32.load offset=4 (i32.shl (local.get $i) (i32.const 2)))))
          (if (i32.eqz (i32.and (local.get $i) (i32.const 3)))
            (then (local.set $acc (select (local.get $acc) (i32.const 7) (global.get $g)))))
          (br_if $l (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))
        (i32.div_s (local.get $acc) (i32.sub (local.get $n) (i32.const 12))))
      (func (export "oob") (param i32) (result i32) (local i32)
        (i32.add (i32.const 1) (i32.load (local.tee 1 (i32.add (local.get 0) (i32.const 8))))))
      (func (export "countdown") (param $n i32) (result i32) (local $acc i32)
        (loop $l
          (local.set $acc (i32.add (local.get $acc) (local.get $n)))
          (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
        (local.get $acc))
      (func (export "fib") (param $n i32) (result i32) (local $a i32) (local $b i32) (local $t i32)
        (local.set $b (i32.const 1))
        (loop $l
          (local.set $t (i32.add (local.get $a) (local.get $b)))
          (local.set $a (local.get $b))
          (local.set $b (local.get $t))
          (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
        (local.set $t (local.get $a))
        (local.set $b (local.get $t))
        (i32.add (local.get $a) (local.get $b)))
      (func (export "stride") (param $n i32) (result i32) (local $i i32) (local $p i32) (local $acc i32)
        (loop $l
          (local.set $acc (i32.add (local.get $acc) (i32.mul (local.get $i) (local.get $p))))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (local.set $p (i32.sub (local.get $p) (i32.const 4)))
          (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
        (local.set $acc (i32.add (local.get $acc) (i32.const 5)))
        (local.set $acc (i32.sub (local.get $acc) (i32.const 7)))
        (local.get $acc)))
    """

    /// A machine whose run mode uses fast code (`fast`) or only the exact loop.
    static func machine(fast: Bool, profiling: Bool = false) -> Machine {
        var configuration = MachineConfiguration()
        configuration.usesFastCode = fast
        let machine = Machine(configuration: configuration)
        machine.profilesFuel = profiling
        machine.recordsCallStacks = profiling
        return machine
    }

    static let workloads = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Benchmarks/Workloads/wasm").standardized

    static func workload(_ file: String) throws -> Module {
        try Module.load(binary: Array(try Data(contentsOf: workloads.appendingPathComponent(file))))
    }

    /// A machine with `mix` instantiated; `fast` picks the loop run mode uses.
    static func mixMachine(fast: Bool, profiling: Bool = false) throws -> (Machine, Instance) {
        let machine = Self.machine(fast: fast, profiling: profiling)
        let host = machine.addHostFunction(module: "env", name: "host", type: i32_i32) { context throws(Trap) in
            guard case .i32(let v) = context.arguments[0] else { return [] }
            return [.i32(v &* 3 &+ 1)]
        }
        let (_, instance) = try instantiate(mix, machine: machine, imports: ["env.host": host])
        let compiled = machine.instances[instance.id].codes.allSatisfy { $0.hasFast }
        #expect(compiled)
        return (machine, instance)
    }

    /// Runs the same scenario on both loops and compares every stop, without and with
    /// fuel profiling (whose rows and stacks are then part of every stop).
    func expectSameStops(_ argument: UInt32, export name: String = "mix", fuel: UInt64 = .max,
                         setUp: (Machine, Instance) -> Void = { _, _ in },
                         next: (Machine) -> ExecutionEvent = { $0.run() }) throws {
        for profiling in [false, true] {
            try expectSameStops(argument, export: name, fuel: fuel, profiling: profiling, setUp: setUp, next: next)
        }
    }

    func expectSameStops(_ argument: UInt32, export name: String, fuel: UInt64, profiling: Bool,
                         setUp: (Machine, Instance) -> Void, next: (Machine) -> ExecutionEvent) throws {
        var traces: [[String]] = []
        for fast in [false, true] {
            let (machine, instance) = try Self.mixMachine(fast: fast, profiling: profiling)
            setUp(machine, instance)
            try machine.start(instance, name, [.i32(argument)], fuel: fuel)
            var trace: [String] = []
            for _ in 0 ..< 10_000 {
                let event = next(machine)
                trace.append("\(event) | \(machineState(machine))")
                if case .returned = event { break }
                if case .trapped = event { break }
            }
            traces.append(trace)
        }
        let first = zip(traces[0], traces[1]).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? Swift.min(traces[0].count, traces[1].count)
        #expect(traces[0] == traces[1], "stop \(first): exact \(traces[0].dropFirst(first).first ?? "-") fast \(traces[1].dropFirst(first).first ?? "-")")
    }

    @Test func everyFuelLimitStopsAtTheSameInstruction() throws {
        let (machine, instance) = try Self.mixMachine(fast: false)
        guard case .trapped(let trap) = machine.call(instance, "mix", [.i32(12)]) else { Issue.record("no trap"); return }
        #expect(trap.kind == .integerDivideByZero)
        let total = machine.fuelUsed
        #expect(total == 1232)
        for fuel in 0 ... total + 1 { try expectSameStops(12, fuel: fuel) }
    }

    @Test func everyStepLimitStopsAtTheSameInstruction() throws {
        try expectSameStops(12, next: { $0.run(RunLimits(maxSteps: $0.steps + 1)) })
        try expectSameStops(5, next: { $0.run(RunLimits(maxSteps: $0.steps + 7)) })
    }

    @Test func breakpointsAnywhereStopTheFastLoop() throws {
        let (probe, instance) = try Self.mixMachine(fast: false)
        let function = probe.functionAddress(instance, function: 2) - 1   // `mix` is function 2 (after the import)
        #expect(function >= 0)
        let count = probe.instances[instance.id].codes[1].count
        for pc in 0 ..< count {
            try expectSameStops(6, setUp: { machine, instance in
                machine.setBreakpoint(id: 1, instance: instance, function: 2, pc: pc)
            })
        }
        // Removing the breakpoint restores the fast instruction it held.
        try expectSameStops(6, setUp: { machine, instance in
            machine.setBreakpoint(id: 1, instance: instance, function: 2, pc: 5)
            machine.setBreakpoint(id: 2, instance: instance, function: 2, pc: 6)
            machine.removeBreakpoint(id: 1)
            machine.removeBreakpoint(id: 2)
        })
    }

    @Test func hostPausesWatchesAndTrapsMatch() throws {
        try expectSameStops(6, setUp: { machine, _ in
            machine.pauseBeforeHostCalls = true
            machine.pauseAfterHostCalls = true
        })
        try expectSameStops(9, setUp: { machine, instance in
            machine.setMemoryWatches([20 ..< 22], instance: instance)
        })
        try expectSameStops(12)
        try expectSameStops(65_530, export: "oob")
        try expectSameStops(100, export: "oob")
    }

    @Test func finishStopsOnReturnToTheCaller() throws {
        try expectSameStops(4, setUp: { machine, instance in
            machine.setBreakpoint(id: 1, instance: instance, function: 1, pc: 0)
        }, next: { machine in
            machine.frameCount > 1 ? machine.run(RunLimits(pauseAtDepth: machine.frameCount - 1)) : machine.run()
        })
    }

    /// A counting loop: each statement is one fast instruction, the compare fuses into the
    /// branch, and each block's head carries its whole fuel.
    @Test func aLoopCompilesToOneInstructionPerStatement() throws {
        let module = try Module.load(text: """
        (module (func (param $n i32) (result i32) (local $i i32) (local $x i32)
          (loop $l
            (local.set $x (i32.add (i32.mul (local.get $x) (i32.const 31)) (local.get $i)))
            (br_if $l (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))
          (local.get $x)))
        """)
        let fast = try #require(module.functions[0].fast)
        #expect(module.functions[0].code.count == 15)
        #expect(fast.code.map(\.op) == [.i32MulSI, .i32AddSS, .i32AddSI, .brIfI32LtUSS, .return])
        #expect(fast.code.map(\.charge) == [13, 0, 0, 0, 2])
        #expect(fast.entry[0] == 0 && fast.entry[13] == 4)
    }

    /// A loop counted down to zero, `br_if (local.tee $n (i32.sub $n 1))`: the add and the branch
    /// are one instruction, and stops at every fuel limit, step and breakpoint match the exact loop.
    @Test func aCounterTeedIntoItsBranchIsOneInstruction() throws {
        let (probe, instance) = try Self.mixMachine(fast: true)
        let function = try Module.load(text: Self.mix).functions[3]
        let countdown = try #require(function.fast)
        #expect(countdown.code.map(\.op) == [.i32AddSS, .addBrIf, .return])
        #expect(countdown.code[1].b == UInt64(0xffff_ffff) << 32)   // $n = $n + -1, branch on $n
        guard case .returned(let values) = probe.call(instance, "countdown", [.i32(5)]) else { Issue.record("no result"); return }
        #expect(values == [.i32(15)])
        let (exact, exactInstance) = try Self.mixMachine(fast: false)
        _ = exact.call(exactInstance, "countdown", [.i32(5)])
        #expect(probe.fuelUsed == 47 && exact.fuelUsed == 47)   // 9 per pass, the loop and the last get
        for fuel: UInt64 in 0 ... 48 { try expectSameStops(5, export: "countdown", fuel: fuel) }
        try expectSameStops(5, export: "countdown", next: { $0.run(RunLimits(maxSteps: $0.steps + 3)) })
        for pc in 0 ..< function.code.count {
            try expectSameStops(3, export: "countdown", setUp: { machine, instance in
                machine.setBreakpoint(id: 1, instance: instance, function: 4, pc: pc)
            })
        }
    }

    /// `local.set`s of locals in a row (a loop's rotated variables) are one instruction, run in
    /// order: the second copy reads what the first wrote (`b = t` after `t = a`: fib(10) * 2).
    @Test func copiesInARowAreOneInstruction() throws {
        let (probe, instance) = try Self.mixMachine(fast: true)
        let function = try Module.load(text: Self.mix).functions[4]
        let fib = try #require(function.fast)
        #expect(fib.code.map(\.op) == [.const, .i32AddSS, .copyPair, .addBrIf, .copyPair, .i32AddSS, .return])
        #expect(fib.code[2].a == 1 | 2 << 16 && fib.code[2].b == 2 | 3 << 32)   // $a = $b, then $b = $t
        guard case .returned(let values) = probe.call(instance, "fib", [.i32(10)]) else { Issue.record("no result"); return }
        #expect(values == [.i32(110)])
        let (exact, exactInstance) = try Self.mixMachine(fast: false)
        _ = exact.call(exactInstance, "fib", [.i32(10)])
        #expect(probe.fuelUsed == 140 && exact.fuelUsed == 140)   // 13 per pass, 10 outside
        for fuel: UInt64 in 0 ... 141 { try expectSameStops(10, export: "fib", fuel: fuel) }
        try expectSameStops(10, export: "fib", next: { $0.run(RunLimits(maxSteps: $0.steps + 2)) })
        for pc in 0 ..< function.code.count {
            try expectSameStops(3, export: "fib", setUp: { machine, instance in
                machine.setBreakpoint(id: 1, instance: instance, function: 5, pc: pc)
            })
        }
    }

    /// In-place constant adds in a row (a loop's index and pointer) are one instruction, run in
    /// order, a sub as the add of -k: also twice on one local, the first heading its block.
    @Test func incrementsInARowAreOneInstruction() throws {
        let (probe, instance) = try Self.mixMachine(fast: true)
        let function = try Module.load(text: Self.mix).functions[5]
        let stride = try #require(function.fast)
        #expect(stride.code.map(\.op) == [.i32MulAddSSS, .addPair, .brIfI32LtUSS, .addPair, .return])
        #expect(stride.code[1].a == 1 | 2 << 16 && stride.code[1].b == 1 | UInt64(UInt32(bitPattern: -4)) << 32)   // $i += 1, $p -= 4
        #expect(stride.code[3].a == 3 | 3 << 16 && stride.code[3].b == 5 | UInt64(UInt32(bitPattern: -7)) << 32)   // $acc += 5, $acc -= 7
        #expect(stride.code.map(\.charge) == [18, 0, 0, 10, 0])   // the first add headed the block after the loop; the pair does
        guard case .returned(let values) = probe.call(instance, "stride", [.i32(10)]) else { Issue.record("no result"); return }
        #expect(values == [.i32(UInt32(bitPattern: -4 * 285 - 2))])   // the sum of i * -4i for i < 10, + 5 - 7
        let (exact, exactInstance) = try Self.mixMachine(fast: false)
        _ = exact.call(exactInstance, "stride", [.i32(10)])
        #expect(probe.fuelUsed == 190 && exact.fuelUsed == 190)   // 18 per pass, 10 after
        for fuel: UInt64 in 0 ... probe.fuelUsed + 1 { try expectSameStops(10, export: "stride", fuel: fuel) }
        try expectSameStops(10, export: "stride", next: { $0.run(RunLimits(maxSteps: $0.steps + 2)) })
        for pc in 0 ..< function.code.count {
            try expectSameStops(3, export: "stride", setUp: { machine, instance in
                machine.setBreakpoint(id: 1, instance: instance, function: 6, pc: pc)
            })
        }
    }

    /// A constant beyond 32 bits (FNV's prime) is the wide form's immediate, not a `const`
    /// into a slot before the op; both slots share `a`, and retargeting keeps the source.
    @Test func aWideConstantIsTheImmediate() throws {
        let text = """
        (module (func (export "f") (param $a i64) (param $h i64) (result i64)
          (local.set $a (i64.mul (local.get $h) (i64.const 0x100000001b3)))
          (i64.xor (local.get $a) (i64.const 0xcbf29ce484222325))))
        """
        let fast = try #require(try Module.load(text: text).functions[0].fast)
        #expect(fast.code.map(\.op) == [.i64MulSW, .i64XorSW, .return])
        #expect(fast.code[0].a == 0 | 1 << 16 && fast.code[0].b == 0x100000001b3)   // $a = $h * prime
        #expect(fast.code[1].a == 0 | 0 << 16 && fast.code[1].b == 0xcbf29ce484222325)
        for usesFast in [true, false] {
            let machine = Self.machine(fast: usesFast)
            let (_, instance) = try instantiate(text, machine: machine)
            guard case .returned(let values) = machine.call(instance, "f", [.i64(0), .i64(7)]) else { Issue.record("no result"); continue }
            #expect(values == [.i64((7 &* 0x100000001b3) ^ 0xcbf29ce484222325)])
        }
    }

    /// `sum + a * b` is one fused op that computes both as they would separately: NaN
    /// operands give the exact loop's bits.
    @Test func aMultiplyFeedingAnAddIsOneInstruction() throws {
        let text = """
        (module (func (export "f") (param $sum f64) (param $a f64) (param $b f64) (result f64)
          (f64.add (local.get $sum) (f64.mul (local.get $a) (local.get $b)))))
        """
        let fast = try #require(try Module.load(text: text).functions[0].fast)
        #expect(fast.code.map(\.op) == [.f64MulAddSSS, .return])
        #expect(fast.code[0].a == 0 | 0 << 16 && fast.code[0].b == 1 | 2 << 32)
        // The product first: z from a local fuses; a constant z stays apart, since writing it
        // to its slot would overwrite the multiply's second operand.
        func ops(_ z: String) throws -> [FastOp]? {
            try Module.load(text: "(module (func (param f64 f64 f64) (result f64) (f64.add (f64.mul (local.get 1) (local.get 2)) \(z))))")
                .functions[0].fast?.code.map(\.op)
        }
        #expect(try ops("(local.get 0)") == [.f64MulFirstAddSSS, .return])
        #expect(try ops("(f64.const 1)") == [.f64MulSS, .const, .f64AddSS, .return])
        let nan = Double(bitPattern: 0x7ff0_0000_0000_0001)   // signalling: both ops quiet it
        for (args, bits) in [([1.5, 2.0, 4.0], 9.5.bitPattern), ([1.0, nan, 2.0], 0x7ff8_0000_0000_0001),
                             ([-Double.infinity, .infinity, 1.0], 0xfff8_0000_0000_0000)] {   // x86 default NaN, both loops
            for usesFast in [true, false] {
                let machine = Self.machine(fast: usesFast)
                let (_, instance) = try instantiate(text, machine: machine)
                guard case .returned(let values) = machine.call(instance, "f", args.map { .f64($0.bitPattern) }) else {
                    Issue.record("no result"); continue
                }
                #expect(values == [.f64(bits)], "\(args) fast: \(usesFast)")
            }
        }
    }

    /// An add of an add just computed (an unrolled sum) is one fused op too, either way round:
    /// with two NaNs the one the separate adds would return.
    @Test func anAddFeedingAnAddIsOneInstruction() throws {
        let firstText = "(f64.add (f64.add (local.get 0) (local.get 1)) (local.get 2))"
        let secondText = "(f64.add (local.get 2) (f64.add (local.get 0) (local.get 1)))"
        func module(_ body: String) -> String {
            "(module (func (export \"f\") (param f64 f64 f64) (result f64) \(body)))"
        }
        #expect(try Module.load(text: module(firstText)).functions[0].fast?.code.map(\.op) == [.f64AddFirstAddSSS, .return])
        #expect(try Module.load(text: module(secondText)).functions[0].fast?.code.map(\.op) == [.f64AddAddSSS, .return])
        let i32Sum = "(module (func (param i32 i32 i32) (result i32) (i32.add (local.get 2) (i32.add (local.get 0) (local.get 1)))))"
        #expect(try Module.load(text: i32Sum).functions[0].fast?.code.map(\.op) == [.i32AddAddSSS, .return])
        let nanA = Double(bitPattern: 0x7ff8_0000_0000_00aa), nanB = Double(bitPattern: 0x7ff8_0000_0000_00bb)
        for (body, args, bits) in [(firstText, [1.5, 2.0, 4.0], 7.5.bitPattern), (firstText, [1.0, nanA, nanB], 0x7ff8_0000_0000_00aa),
                                   (secondText, [1.0, nanA, nanB], 0x7ff8_0000_0000_00bb)] {
            for usesFast in [true, false] {
                let machine = Self.machine(fast: usesFast)
                let (_, instance) = try instantiate(module(body), machine: machine)
                guard case .returned(let values) = machine.call(instance, "f", args.map { .f64($0.bitPattern) }) else {
                    Issue.record("no result"); continue
                }
                #expect(values == [.f64(bits)], "\(body) \(args) fast: \(usesFast)")
            }
        }
    }

    /// Hash steps (`Table.fusedPairs`): a rotation, shift or mask whose result a xor, and or add
    /// takes next is one instruction with it, either operand order, and computes what the two do.
    @Test func hashStepsAreOneInstruction() throws {
        let pairs: [(producer: String, y: String, consumer: String, second: FastOp, first: FastOp)] = [
            ("i32.rotl", "(i32.const 13)", "i32.xor", .i32RotlXorSSI, .i32RotlFirstXorSSI),
            ("i32.shr_u", "(i32.const 3)", "i32.xor", .i32ShrUXorSSI, .i32ShrUFirstXorSSI),
            ("i32.and", "(local.get 1)", "i32.xor", .i32AndXorSSS, .i32AndFirstXorSSS),
            ("i32.and", "(local.get 1)", "i32.add", .i32AndAddSSS, .i32AndFirstAddSSS),
            ("i32.xor", "(local.get 1)", "i32.and", .i32XorAndSSS, .i32XorFirstAndSSS),
            ("i32.xor", "(i32.const -1)", "i32.and", .i32XorAndSSI, .i32XorFirstAndSSI),
        ]
        let inputs: [[UInt32]] = [[0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372], [0xffff_ffff, 0, 0x8000_0001], [1, 2, 3]]
        for pair in pairs {
            let produced = "(\(pair.producer) (local.get 0) \(pair.y))"
            for (body, op) in [("(\(pair.consumer) (local.get 2) \(produced))", pair.second), ("(\(pair.consumer) \(produced) (local.get 2))", pair.first)] {
                let text = "(module (func (export \"f\") (param i32 i32 i32) (result i32) \(body)))"
                #expect(try Module.load(text: text).functions[0].fast?.code.map(\.op) == [op, .return], "\(body)")
                for args in inputs {
                    let results = try [true, false].map { fast in
                        let (machine, instance) = try instantiate(text, machine: Self.machine(fast: fast))
                        return machine.call(instance, "f", args.map { .i32($0) })
                    }
                    #expect(results[0] == results[1], "\(body) \(args)")
                }
            }
        }
        // sha256's sigma0 of 0x6a09e667 as clang writes it: rotr 7 (rotl 25) ^ rotr 18 (rotl 14) ^ shr 3.
        let sigma = "(i32.xor (i32.xor (i32.rotl (local.get 0) (i32.const 25)) (i32.rotl (local.get 0) (i32.const 14))) (i32.shr_u (local.get 0) (i32.const 3)))"
        let text = "(module (func (export \"f\") (param i32) (result i32) \(sigma)))"
        #expect(try Module.load(text: text).functions[0].fast?.code.map(\.op) == [.i32RotlSI, .i32RotlXorSSI, .i32ShrUXorSSI, .return])
        let (machine, instance) = try instantiate(text, machine: Self.machine(fast: true))
        #expect(machine.call(instance, "f", [.i32(0x6a09_e667)]) == .returned([.i32(0xced4_13cc ^ 0x7999_da82 ^ 0x0d41_3ccc)]))
    }

    /// A load of `i32.add x, imm` is one instruction; the add wraps at 32 bits as before, and out
    /// of bounds it stops with the exact loop's state: the address in its slot, fuel and stack.
    @Test func anAddFeedingALoadIsOneInstruction() throws {
        let text = """
        (module (memory 1) (data (i32.const 4) "\\2a") (global $g (mut i32) (i32.const 0))
          (func (export "f") (param $p i32) (result i32)
            (global.set $g (local.get $p))
            (i32.load (i32.add (local.get $p) (i32.const 8)))))
        """
        let fast = try #require(try Module.load(text: text).functions[0].fast)
        #expect(fast.code.map(\.op) == [.globalSet, .i32LoadAdd, .return])
        #expect(fast.code[1].a == 1 | 0 << 16 && fast.code[1].b == 8 | 4 << 32)   // dst 1, x local 0; imm 8, end 0 + 4
        func ops(_ body: String) throws -> [FastOp]? {
            try Module.load(text: "(module (memory 1) (global (mut i32) (i32.const 0)) (type $t (func (param i32) (result i32))) "
                            + "(func (param i32) (result i32) (local i32) \(body)))")
                .functions[0].fast?.code.map(\.op)
        }
        // `local.set` after it copies: its destination stays the address's slot. Where the add's state
        // is exact (a block head), leaving resumes before it: it fuses unless x is its own slot.
        #expect(try ops("(global.set 0 (local.get 0)) (local.set 1 (i32.load offset=2 (i32.add (local.get 0) (i32.const 8)))) (local.get 1)")
                == [.globalSet, .i32LoadAdd, .copy, .return])
        #expect(try ops("(i32.load (i32.add (local.get 0) (i32.const 8)))") == [.i32LoadAdd, .return])
        #expect(try ops("(i32.load (i32.add (i32.mul (local.get 0) (i32.const 3)) (i32.const 8)))")
                == [.i32MulSI, .i32AddSI, .i32Load, .return])   // exact before the add, x its own slot
        #expect(try ops("(i32.add (local.get 0) (i32.load (i32.add (i32.mul (local.get 0) (i32.const 3)) (i32.const 8))))")
                == [.i32MulSI, .i32LoadAdd, .i32AddSS, .return])   // a local pending: it stops at the load
        for (p, result): (UInt32, UInt32?) in [(0xffff_fffc, 42), (65520, 0), (65525, nil)] {   // wraps to 4; in bounds; out
            var states: [String] = []
            for usesFast in [true, false] {
                let machine = Self.machine(fast: usesFast)
                let (_, instance) = try instantiate(text, machine: machine)
                switch machine.call(instance, "f", [.i32(p)]) {
                case .returned(let values): #expect(values == [.i32(result ?? 0)] && result != nil, "p \(p)")
                case .trapped(let trap): #expect(trap.kind == .memoryOutOfBounds && result == nil, "p \(p)")
                default: Issue.record("p \(p): neither result nor trap")
                }
                states.append(machineState(machine))
            }
            #expect(states[0] == states[1], "p \(p)")
        }
    }

    /// The benchmark workloads compile to fast code whole, and agree with the exact loop
    /// at stops spread over their first three million fuel.
    @Test func workloadsStopLikeTheExactLoop() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.workloads.path).filter { $0.hasSuffix(".wasm") }.sorted()
        #expect(files.count == 11)  // audit_simd (-msimd128) included
        for file in files {
            let module = try Self.workload(file)
            #expect(module.functions.allSatisfy { $0.fast != nil }, "\(file)")
            var traces: [[String]] = []
            for (fast, profiling) in [(false, false), (true, false), (false, true), (true, true)] {
                let machine = Self.machine(fast: fast, profiling: profiling)
                let instance = try machine.instantiate(module) { _ in nil }
                try machine.start(instance, "run", fuel: 3_000_000)
                var generator = FuzzLoadTests.Generator(state: 42)
                var trace: [String] = []
                while trace.count < 200 {
                    let event = machine.run(RunLimits(maxSteps: machine.steps + generator.next() % 100_000))
                    trace.append("\(event) | \(machineState(machine))")
                    if case .stepLimit = event { continue }
                    break
                }
                traces.append(trace)
            }
            #expect(traces[0] == traces[1], "\(file)")
            #expect(traces[2] == traces[3], "\(file) profiling")
        }
    }
}

extension FastCodeTests {
    /// Compiled C code: a breakpoint at every 7th pc of every function of three workloads
    /// stops both loops at the same step with the same state, twice (the second after continuing).
    @Test func breakpointsInCompiledCodeStopLikeTheExactLoop() throws {
        for file in ["sha256.wasm", "ledger.wasm", "quicksort.wasm"] {
            let module = try Self.workload(file)
            for (defined, function) in module.functions.enumerated() {
                for pc in stride(from: 0, to: function.code.count, by: 7) {
                    var traces: [[String]] = []
                    for fast in [false, true] {
                        let machine = Self.machine(fast: fast)
                        let instance = try machine.instantiate(module) { _ in nil }
                        machine.setBreakpoint(id: 1, instance: instance, function: module.importedFunctionCount + defined, pc: pc)
                        try machine.start(instance, "run", fuel: 200_000)
                        traces.append((0 ..< 2).map { _ in "\(machine.run()) | \(machineState(machine))" })
                    }
                    #expect(traces[0] == traces[1], "\(file) function \(defined) pc \(pc)")
                }
            }
        }
    }
}

/// Everything a stop shows, as one comparable line.
func machineState(_ machine: Machine) -> String {
    let frames = machine.callFrames.map { "\($0.function.index)@\($0.pc)/\($0.fp)" }
    let stack = (0 ..< machine.sp).map { String(machine.stack[$0], radix: 16) }
    var hasher = Hasher()   // seeded per process: compare within one test only
    for memory in machine.storeMemories { hasher.combine(bytes: UnsafeRawBufferPointer(start: memory.base, count: Int(memory.size))) }
    let hash = hasher.finalize()
    let globals = machine.globalCells.map(\.pointee)
    var state = "steps \(machine.steps) fuel \(machine.fuelUsed) frames \(frames) stack \(stack) globals \(globals) memory \(hash)"
    if machine.profilesFuel {
        let rows = machine.fuelByFunction, stacks = machine.fuelStacks
        // Fuel adds up, to the unit, at every stop: over the rows and over the stacks.
        #expect(rows.reduce(0) { $0 + $1.selfFuel } == machine.fuelUsed)
        #expect(stacks.reduce(0) { $0 + $1.selfFuel } == machine.fuelUsed)
        state += " rows " + rows.map { "\($0.function.address):\($0.selfFuel)/\($0.totalFuel)/\($0.calls)" }.joined(separator: ",")
        state += " stacks " + stacks.map { $0.stack.map { String($0.address) }.joined(separator: ";") + "=\($0.selfFuel)" }.joined(separator: ",")
    }
    return state
}
