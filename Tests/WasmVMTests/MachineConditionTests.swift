import Testing
@testable import WasmVM

/// Machine-evaluated breakpoint conditions: fast code's probe (or the exact loop where there is
/// none) stops at the same steps with the same fuel and counts the same hits as the exact loop.
@Suite struct MachineConditionTests {
    static let counter = """
    (module
      (memory 1)
      (func $inc (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
      (func (export "count") (param i32) (result i32) (local i32)
        (loop $l
          (i32.store (i32.const 16) (local.get 1))
          (local.set 1 (call $inc (local.get 1)))
          (br_if $l (i32.lt_u (local.get 1) (local.get 0))))
        (local.get 1)))
    """

    /// `local.1 == 5 || mem32[16] == 7`, and `hits == 3`; or alone, of the shape a probe decides
    /// without a call: `local.1 > 9` (`shape` 1) or `hits == 4` (2).
    static func conditions(_ hits: ConditionHits, _ other: ConditionHits, shape: Int = 0) -> [MachineCondition] {
        if shape == 1 { return [MachineCondition([ConditionOp(.localI32, 1), ConditionOp(.constant, 9), ConditionOp(.greater)], hits: hits)!] }
        if shape == 2 { return [MachineCondition([ConditionOp(.hits), ConditionOp(.constant, 4), ConditionOp(.equal)], hits: hits)!] }
        return [MachineCondition([ConditionOp(.localI32, 1), ConditionOp(.constant, 5), ConditionOp(.equal), ConditionOp(.orElse, 8),
                           ConditionOp(.constant, 16), ConditionOp(.load, 4), ConditionOp(.constant, 7), ConditionOp(.equal)], hits: other)!,
         MachineCondition([ConditionOp(.hits), ConditionOp(.constant, 3), ConditionOp(.equal)], hits: hits)!]
    }

    struct Stop: Equatable { var pc: Int; var steps: UInt64; var fuel: UInt64 }

    /// Every stop of a run with the conditions at `pc`, in runs of at most `chunk` steps.
    func stops(fast: Bool, pc: Int, chunk: UInt64, shape: Int) throws -> (stops: [Stop], hits: [Int64]) {
        var configuration = MachineConfiguration()
        configuration.usesFastCode = fast
        let (machine, instance) = try instantiate(Self.counter, machine: Machine(configuration: configuration))
        let hits = ConditionHits(), other = ConditionHits()
        machine.setBreakpoint(id: 1, instance: instance, function: 1, pc: pc)
        machine.setBreakpointConditions(id: 1, Self.conditions(hits, other, shape: shape))
        machine.evaluatesConditions = true
        try machine.start(instance, "count", [.i32(12)], fuel: 10_000)
        var result: [Stop] = []
        while true {
            let event = machine.run(RunLimits(maxSteps: machine.steps + chunk))
            switch event {
            case .breakpoint(let id, let at):
                #expect(id == 1 && at.pc == pc)
                result.append(Stop(pc: at.pc, steps: machine.steps, fuel: machine.fuelUsed))
            case .stepLimit: continue
            case .returned(let values):
                #expect(values == [.i32(12)])
                return (result, [hits.value, other.value])
            default:
                Issue.record("\(event)")
                return (result, [])
            }
        }
    }

    @Test func probesStopLikeTheExactLoopAtEveryInstruction() throws {
        let length = try instantiate(Self.counter).1.module.functions[1].code.count
        for pc in 0 ..< length {
            for chunk: UInt64 in [1_000, 5] {
                for shape in 0 ... 2 {
                    let exact = try stops(fast: false, pc: pc, chunk: chunk, shape: shape)
                    let fast = try stops(fast: true, pc: pc, chunk: chunk, shape: shape)
                    #expect(fast.stops == exact.stops, "pc \(pc), chunk \(chunk), shape \(shape)")
                    #expect(fast.hits == exact.hits, "pc \(pc), chunk \(chunk), shape \(shape)")
                    // In the loop body the conditions hold at some arrivals.
                    if pc >= 1 && pc < length - 2 { #expect(!exact.stops.isEmpty, "pc \(pc), shape \(shape)") }
                }
            }
        }
    }

    @Test func aProbeSitsWhereTheStateIsExact() throws {
        let (machine, instance) = try instantiate(Self.counter)
        let code = machine.instances[instance.id].codes[1]
        machine.setBreakpoint(id: 1, instance: instance, function: 1, pc: 0)
        machine.setBreakpointConditions(id: 1, Self.conditions(ConditionHits(), ConditionHits()))
        // The loop head is a block head: its probe is there, and removing it restores the fast code.
        let before = code.probes.keys.first
        #expect(before == Int(code.fastEntry[0]))
        machine.setBreakpointConditions(id: 1, nil)
        #expect(code.probes.isEmpty && code.fastPatches.count == 1)
        machine.removeBreakpoint(id: 1)
        #expect(code.fastPatches.isEmpty)
        #expect(machine.call(instance, "count", [.i32(12)]) == .returned([.i32(12)]))
    }

    /// Every binary op, with its right operand from the stack and folded in as a constant, gives C's
    /// value (a division by zero fails, INT64_MIN / -1 wraps); `&&`/`||` keep the deciding value.
    @Test func everyOpComputesAsC() {
        let ops: [(ConditionOp.Kind, (Int64, Int64) -> Int64?)] = [
            (.add, { $0 &+ $1 }), (.subtract, { $0 &- $1 }), (.multiply, { $0 &* $1 }),
            (.divide, { $1 == 0 ? nil : $0.dividedReportingOverflow(by: $1).partialValue }),
            (.remainder, { $1 == 0 ? nil : $0.remainderReportingOverflow(dividingBy: $1).partialValue }),
            (.bitAnd, { $0 & $1 }), (.bitOr, { $0 | $1 }), (.bitXor, { $0 ^ $1 }),
            (.shiftLeft, { $0 << ($1 & 63) }), (.shiftRight, { $0 >> ($1 & 63) }),
            (.equal, { $0 == $1 ? 1 : 0 }), (.notEqual, { $0 != $1 ? 1 : 0 }), (.less, { $0 < $1 ? 1 : 0 }),
            (.lessOrEqual, { $0 <= $1 ? 1 : 0 }), (.greater, { $0 > $1 ? 1 : 0 }), (.greaterOrEqual, { $0 >= $1 ? 1 : 0 }),
        ]
        let fp = UnsafeMutablePointer<UInt64>.allocate(capacity: 2), stack = UnsafeMutablePointer<Int64>.allocate(capacity: 64)
        let globals = UnsafeMutablePointer<UnsafeMutablePointer<UInt64>>.allocate(capacity: 1)
        defer { fp.deallocate(); stack.deallocate(); globals.deallocate() }
        func run(_ program: [ConditionOp]) -> Int64? {
            let condition = MachineCondition(program, hits: ConditionHits())!
            return Machine.evaluate(condition.steps, condition.count, hits: nil, fp: fp, globals: globals,
                                    memBase: nil, memSize: 0, fuel: 0, stack: stack)
        }
        for (kind, c) in ops {
            for (x, y): (Int64, Int64) in [(7, 3), (-7, 3), (3, -7), (0, 0), (5, 0), (.min, -1), (1, 65), (-1, 63)] {
                fp[0] = UInt64(bitPattern: x); fp[1] = UInt64(bitPattern: y)
                // 9 below both: a pop that takes the wrong slot shows.
                let fromStack = run([ConditionOp(.constant, 9), ConditionOp(.localI64, 0), ConditionOp(.localI64, 1), ConditionOp(kind),
                                     ConditionOp(.add)])
                let folded = run([ConditionOp(.localI64, 0), ConditionOp(.constant, y), ConditionOp(kind)])
                #expect(fromStack == c(x, y).map { $0 &+ 9 } && folded == c(x, y), "\(kind) \(x) \(y)")
            }
        }
        #expect(run([ConditionOp(.constant, 0), ConditionOp(.andThen, 3), ConditionOp(.constant, 5)]) == 0)
        #expect(run([ConditionOp(.constant, 2), ConditionOp(.andThen, 3), ConditionOp(.constant, 5)]) == 5)
        #expect(run([ConditionOp(.constant, 2), ConditionOp(.orElse, 3), ConditionOp(.constant, 5)]) == 2)
        #expect(run([ConditionOp(.constant, 0), ConditionOp(.orElse, 3), ConditionOp(.constant, 5)]) == 5)
        #expect(run([ConditionOp(.constant, 6), ConditionOp(.negate), ConditionOp(.complement), ConditionOp(.not), ConditionOp(.truth)]) == 0)
    }

    @Test func malformedProgramsAreRefused() {
        let hits = ConditionHits()
        #expect(MachineCondition([], hits: hits) == nil)
        #expect(MachineCondition([ConditionOp(.add)], hits: hits) == nil)
        #expect(MachineCondition([ConditionOp(.constant, 1), ConditionOp(.constant, 2)], hits: hits) == nil)
        #expect(MachineCondition([ConditionOp(.constant, 1), ConditionOp(.andThen, 9)], hits: hits) == nil)
        #expect(MachineCondition([ConditionOp(.constant, 1), ConditionOp(.load, 3)], hits: hits) == nil)
        #expect(MachineCondition([ConditionOp(.constant, 1), ConditionOp(.andThen, 2)], hits: hits) == nil)   // lands with a value the straight path pops
        #expect(MachineCondition([ConditionOp(.constant, 1), ConditionOp(.andThen, 3), ConditionOp(.constant, 2)], hits: hits) != nil)
    }
}
