// Breakpoint conditions the machine evaluates itself, where the breakpoint is reached (in fast
// code or in the exact loop), so a false one costs a short program run, not a trip out of the
// fast loop and into the debugger. The debugger lowers what it can to this form (locals,
// globals, memory, constants, C's integer operators, fuel, hits) and keeps its own compiled
// closures for the rest; any failure (a load outside memory, a division by zero, `hits` where
// it is not counted) hands the decision back to the debugger, which reports it as it always did.

/// One instruction of a machine condition: a stack program over 64-bit integers.
public struct ConditionOp: Sendable, Hashable {
    public enum Kind: UInt8, Sendable {
        /// Pushes `operand`.
        case constant
        /// Pushes frame slot `operand`: an i32 local sign-extended, an i64 local as is.
        case localI32, localI64
        /// Pushes global `operand` (the instance's global index space), i32 sign-extended.
        case globalI32, globalI64
        /// Pops an address, pushes the `operand` (1, 2, 4 or 8) bytes there, little-endian,
        /// zero-extended; fails outside memory or for a negative address.
        case load
        /// Pushes the fuel used before the breakpoint's instruction.
        case fuel
        /// Pushes the breakpoint's arrivals, this one included; fails while they are not counted.
        case hits
        case negate, complement, not, truth
        case add, subtract, multiply, divide, remainder, bitAnd, bitOr, bitXor, shiftLeft, shiftRight
        case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual
        /// `&&` / `||`: when the top (a truth value) decides, jump to `operand` keeping it; else pop it.
        case andThen, orElse
    }
    public var kind: Kind
    public var operand: Int64
    /// A binary op whose right operand is `operand` (a constant folded in when the program is checked).
    var immediate = false
    public init(_ kind: Kind, _ operand: Int64 = 0) { self.kind = kind; self.operand = operand }

    var isBinary: Bool { kind.rawValue >= Kind.add.rawValue && kind.rawValue <= Kind.greaterOrEqual.rawValue }
}

/// A breakpoint's arrival count, shared by the debugger and the machine (a condition's `hits`).
public final class ConditionHits: @unchecked Sendable {
    let cell: UnsafeMutablePointer<Int64>
    public var value: Int64 {
        get { cell.pointee }
        set { cell.pointee = newValue }
    }
    public init() { cell = .allocate(capacity: 1); cell.initialize(to: 0) }
    deinit { cell.deallocate() }
}

/// A checked condition program, with the counter its `hits` reads and the machine advances.
public final class MachineCondition: @unchecked Sendable {
    let steps: UnsafeMutablePointer<ConditionStep>
    let count: Int
    public let hits: ConditionHits
    /// The highest frame slot and global index it reads (-1: none), checked where it is attached.
    let highestLocal: Int64
    let highestGlobal: Int64
    /// The common shape `local.N CMP K` or `hits CMP K`, decided in the probe without a call:
    /// 1 i32 local, 2 i64 local, 3 hits (0: another shape).
    let quick: (kind: UInt8, slot: Int, constant: Int64, compare: ConditionOp.Kind)
    /// Evaluation stack slots a program may use (the debugger's conditions nest at most 40 deep).
    static let stackLimit = 64

    /// Nil when the program is malformed: a jump out of range, too deep, or not leaving one value.
    public init?(_ program: [ConditionOp], hits: ConditionHits) {
        var depth = 0, deepest = 0
        // Depth before each op on the straight path, and the depth each jump lands with.
        var before = [Int](repeating: 0, count: program.count + 1)
        var landings: [(at: Int, depth: Int)] = []
        for (k, op) in program.enumerated() {
            before[k] = depth
            switch op.kind {
            case .constant, .localI32, .localI64, .globalI32, .globalI64, .fuel, .hits: depth += 1
            case .load:
                guard [1, 2, 4, 8].contains(op.operand), depth >= 1 else { return nil }
            case .negate, .complement, .not, .truth: guard depth >= 1 else { return nil }
            case .andThen, .orElse:
                guard depth >= 1, op.operand > Int64(k), op.operand <= Int64(program.count) else { return nil }
                landings.append((Int(op.operand), depth))
                depth -= 1
            default:
                guard depth >= 2 else { return nil }
                depth -= 1
            }
            guard op.operand >= 0 || op.kind == .constant else { return nil }
            deepest = Swift.max(deepest, depth)
        }
        before[program.count] = depth
        // A jump keeps its value where the skipped part would have left one: the same depth.
        guard depth == 1, deepest + 1 <= Self.stackLimit, !program.isEmpty,
              landings.allSatisfy({ before[$0.at] == $0.depth }) else { return nil }
        highestLocal = program.filter { $0.kind == .localI32 || $0.kind == .localI64 }.map(\.operand).max() ?? -1
        highestGlobal = program.filter { $0.kind == .globalI32 || $0.kind == .globalI64 }.map(\.operand).max() ?? -1
        if program.count == 3, program[1].kind == .constant, program[2].kind.rawValue >= ConditionOp.Kind.equal.rawValue,
           program[2].kind.rawValue <= ConditionOp.Kind.greaterOrEqual.rawValue,
           let kind: UInt8 = switch program[0].kind { case .localI32: 1; case .localI64: 2; case .hits: 3; default: nil } {
            quick = (kind, Int(program[0].operand), program[1].operand, program[2].kind)
        } else {
            quick = (0, 0, 0, .equal)
        }
        self.program = program
        let executed = Self.fusingConstants(program, landings: Set(landings.map(\.at)))
        count = executed.count
        steps = .allocate(capacity: count)
        steps.initialize(from: executed.map(ConditionStep.init), count: count)
        self.hits = hits
    }

    deinit { steps.deallocate() }

    public let program: [ConditionOp]

    /// `constant K` then a binary op becomes the op with K as its right operand (one dispatch, not
    /// two: most conditions compare or compute with constants). Jumps are renumbered.
    static func fusingConstants(_ program: [ConditionOp], landings: Set<Int>) -> [ConditionOp] {
        var out: [ConditionOp] = []
        var newIndex = [Int](repeating: 0, count: program.count + 1)
        var k = 0
        while k < program.count {
            newIndex[k] = out.count
            if k + 1 < program.count, program[k].kind == .constant, program[k + 1].isBinary, !landings.contains(k + 1) {
                var fused = program[k + 1]
                fused.operand = program[k].operand
                fused.immediate = true
                newIndex[k + 1] = out.count
                out.append(fused)
                k += 2
                continue
            }
            out.append(program[k])
            k += 1
        }
        newIndex[program.count] = out.count
        for j in out.indices where out[j].kind == .andThen || out[j].kind == .orElse { out[j].operand = Int64(newIndex[Int(out[j].operand)]) }
        return out
    }
}

/// What a probe (or the exact loop) reads to evaluate a patch's conditions: plain memory, so
/// the evaluation touches no class and no ARC.
struct ConditionSetData {
    var count: Int
    var steps: UnsafeMutablePointer<UnsafeMutablePointer<ConditionStep>>
    var lengths: UnsafeMutablePointer<Int>
    var hits: UnsafeMutablePointer<UnsafeMutablePointer<Int64>>
    /// The instance's globals (a patch is in one function of one instance).
    var globals: UnsafeMutablePointer<UnsafeMutablePointer<UInt64>>
    /// For a probe in fast code: fuel charged at the block head but not yet spent there.
    var unspent: UInt64 = 0
    /// For a probe: the original instruction, then a jump back into the block.
    var trampoline: UnsafeMutablePointer<FastInstr>?
    /// A single condition of the quick shape (`MachineCondition.quick`), else kind 0.
    var quick: (kind: UInt8, slot: Int, constant: Int64, compare: ConditionOp.Kind) = (0, 0, 0, .equal)

    /// True when the quick shape is false here (the arrival is counted); false leaves it to
    /// `conditionsFalse` (another shape, evaluation off, the paused step, `hits` not counted).
    @inline(__always)
    static func quickFalse(_ d: UnsafeMutablePointer<ConditionSetData>, _ fp: UnsafeMutablePointer<UInt64>,
                           evaluating: Bool, counting: Bool, paused: UInt64?, steps: UInt64) -> Bool {
        let q = d.pointee.quick
        guard q.kind != 0, evaluating, paused != steps else { return false }
        let x: Int64
        switch q.kind {
        case 1: x = Int64(Int32(truncatingIfNeeded: fp[q.slot]))
        case 2: x = Int64(bitPattern: fp[q.slot])
        default:
            guard counting else { return false }
            x = d.pointee.hits[0].pointee &+ 1
        }
        let k = q.constant
        let holds = switch q.compare {
        case .equal: x == k
        case .notEqual: x != k
        case .less: x < k
        case .lessOrEqual: x <= k
        case .greater: x > k
        default: x >= k
        }
        if holds { return false }
        if counting { d.pointee.hits[0].pointee &+= 1 }
        return true
    }
}

/// The conditions of every breakpoint id at one patched instruction: all must be false to go on.
final class ConditionSet {
    let conditions: [MachineCondition]
    let data: UnsafeMutablePointer<ConditionSetData>

    init(_ conditions: [MachineCondition], globals: UnsafeMutablePointer<UnsafeMutablePointer<UInt64>>) {
        self.conditions = conditions
        let count = conditions.count
        let steps = UnsafeMutablePointer<UnsafeMutablePointer<ConditionStep>>.allocate(capacity: Swift.max(count, 1))
        let lengths = UnsafeMutablePointer<Int>.allocate(capacity: Swift.max(count, 1))
        let hits = UnsafeMutablePointer<UnsafeMutablePointer<Int64>>.allocate(capacity: Swift.max(count, 1))
        for (k, c) in conditions.enumerated() {
            (steps + k).initialize(to: c.steps)
            (lengths + k).initialize(to: c.count)
            (hits + k).initialize(to: c.hits.cell)
        }
        data = .allocate(capacity: 1)
        data.initialize(to: ConditionSetData(count: count, steps: steps, lengths: lengths, hits: hits, globals: globals))
        if count == 1 { data.pointee.quick = conditions[0].quick }
    }

    deinit {
        data.pointee.steps.deallocate(); data.pointee.lengths.deallocate(); data.pointee.hits.deallocate()
        data.deallocate()
    }

    /// The bits a probe's `b` carries (the set is kept alive by its patch while the probe is in).
    var bits: UInt64 { UInt64(UInt(bitPattern: data)) }

    @inline(__always)
    static func data(bits: UInt64) -> UnsafeMutablePointer<ConditionSetData> {
        UnsafeMutablePointer(bitPattern: UInt(bits)).unsafelyUnwrapped
    }
}

extension Machine {
    /// Whether the breakpoint at this arrival lets execution go on: the machine was paused at this
    /// very step (it never pauses twice there), or every condition is false (each counts the arrival).
    /// False hands it to the debugger: a condition true, failing, or evaluation off.
    func conditionsFalse(_ set: UnsafeMutablePointer<ConditionSetData>, fp: UnsafeMutablePointer<UInt64>,
                         memBase: UnsafeMutableRawPointer?, memSize: UInt64, fuel: UInt64, steps: UInt64) -> Bool {
        if pausedAtStep == steps { return true }
        guard evaluatesConditions else { return false }
        return Machine.conditionsFalse(set, fp: fp, memBase: memBase, memSize: memSize, fuel: fuel,
                                       counts: countsConditionHits, stack: conditionStack)
    }

    /// `conditionsFalse` past the paused step and the evaluation switch. Static, so fast code's
    /// call retains no machine (the method call cost an atomic retain and release per evaluation).
    @inline(never)
    static func conditionsFalse(_ set: UnsafeMutablePointer<ConditionSetData>, fp: UnsafeMutablePointer<UInt64>,
                                memBase: UnsafeMutableRawPointer?, memSize: UInt64, fuel: UInt64,
                                counts: Bool, stack conditionStack: UnsafeMutablePointer<Int64>) -> Bool {
        let count = set.pointee.count, hits = set.pointee.hits
        for k in 0 ..< count {
            let result = Machine.evaluate(set.pointee.steps[k], set.pointee.lengths[k], hits: counts ? hits[k].pointee &+ 1 : nil,
                                          fp: fp, globals: set.pointee.globals, memBase: memBase, memSize: memSize,
                                          fuel: fuel, stack: conditionStack)
            guard result == 0 else { return false }
        }
        if counts { for k in 0 ..< count { hits[k].pointee &+= 1 } }
        return true
    }
}
