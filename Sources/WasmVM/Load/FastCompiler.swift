/// Compiles a function's stack code (`Instr`) into fast code (`FastInstr`).
///
/// A symbolic operand stack defers `local.get` and constants until an instruction
/// uses them, and results go straight to the local a following `local.set` names.
/// Two invariants make the result safe to leave at any point it may stop:
/// - every instruction that may stop (trap, call, store, division...) starts where the
///   machine state equals the stack code's at `origin` (pending operands are written
///   to their stack slots first when they would not be re-created by re-running);
/// - every branch target and every instruction after a branch or call starts a block
///   whose head carries the block's fuel, with all operands in their stack slots.
struct FastCompiler {
    /// What a stack slot above the locals holds at compile time.
    enum Operand: Equatable {
        case slot                 // the value is in its own stack slot
        case local(UInt32)        // still in this local (deferred local.get)
        case constant(UInt64)     // a deferred constant
    }

    let function: CompiledFunction
    let base: Int
    let functionArity: [(params: Int, results: Int)]
    let typeArity: [(params: Int, results: Int)]

    var stack: [Operand] = []
    var pendingCount = 0
    var out: [FastInstr] = []
    var origin: [UInt32] = []
    var branches: [FastBranch] = []
    /// Fast pcs whose `a` (or whose FastBranch targets) are still stack-code pcs.
    var branchFixups: [Int] = []
    var branchSpecFixups: [Int] = []
    /// Stack-code pc at which the state is exact with nothing emitted since, if any.
    var exactPoint: Int? = 0
    /// A block starts at this stack-code pc; its head is the next instruction emitted.
    var headPending: Int?
    var heads: [(fast: Int, orig: Int)] = []
    var islands: Set<Int> = []
    /// Heads (stack-code pcs) whose charge the block falling into them carries (`startBlock`).
    var absorbed: Set<Int> = []
    var fixupTable: [Int: [FastFixup]] = [:]
    /// Declared locals still holding the zero they start with, on every path from the entry
    /// (forgotten at the first branch target): setting them to zero again needs no instruction.
    var zeroLocals: [Bool]
    /// The last emitted instruction and the slot it wrote, while it may still be retargeted.
    var lastProducer: (fast: Int, slot: Int)?
    var entry: [Int32]
    var blockLength = 0
    var pc = 0
    /// Counting mode (`profile --lines`): every head is a `countBlock` numbering its block.
    let countsBlocks: Bool
    var countedBlocks = 0

    init(_ function: CompiledFunction, paramCount: Int,
         functionArity: [(params: Int, results: Int)], typeArity: [(params: Int, results: Int)], countsBlocks: Bool = false) {
        self.function = function
        self.countsBlocks = countsBlocks
        base = paramCount + function.localTypes.slotCount   // slots: a v128 local takes two
        self.functionArity = functionArity
        self.typeArity = typeArity
        entry = [Int32](repeating: -1, count: function.code.count)
        zeroLocals = [Bool](repeating: false, count: paramCount) + [Bool](repeating: true, count: function.localTypes.slotCount)
    }

    /// The fast code, or nil when the stack code has no recorded heights (hand-built code).
    static func compile(_ function: CompiledFunction, paramCount: Int,
                        functionArity: [(params: Int, results: Int)], typeArity: [(params: Int, results: Int)],
                        countsBlocks: Bool = false) -> FastCode? {
        guard function.heights.count == function.code.count, !function.code.isEmpty else { return nil }
        var compiler = FastCompiler(function, paramCount: paramCount, functionArity: functionArity, typeArity: typeArity,
                                    countsBlocks: countsBlocks)
        return compiler.run()
    }

    mutating func run() -> FastCode? {
        let code = function.code
        let starts = blockStarts()
        var reachable = true
        for p in code.indices {
            pc = p
            let height = Int(function.heights[p])
            guard height >= base else { return nil }
            if starts.label[p] || starts.after[p] || blockLength > 12_000 {
                if reachable { materialize(below: 0) } else { reset(height: height) }
                if starts.label[p] && p > 0 { zeroLocals = [] }
                startBlock(at: p, fallsThrough: reachable, mayBeAbsorbed: starts.label[p] && blockLength < 1000)
                reachable = true
            }
            guard base + stack.count == height else { return nil }
            blockLength += 1
            reachable = compile(code[p])
            if pendingCount == 0 && exactPoint == nil { exactPoint = p + 1 }
        }
        if headPending != nil { emit(.nop) }
        return finish()
    }

    /// Stack-code pcs that begin a block: branch targets, and those after a branch, call or island
    /// (so whatever `compile` says cannot fall through is always followed by a block start).
    func blockStarts() -> (label: [Bool], after: [Bool]) {
        let code = function.code
        var label = [Bool](repeating: false, count: code.count + 1)
        var after = [Bool](repeating: false, count: code.count + 1)
        label[0] = true
        for (p, instr) in code.enumerated() {
            switch instr.op {
            case .jump, .jumpIfZero, .br, .brIf:
                label[Int(instr.a)] = true; after[p + 1] = true
            case .brTable:
                for k in 0 ..< Int(instr.b) { label[Int(function.branchTables[Int(instr.a) + k].pc)] = true }
                after[p + 1] = true
            case .return, .call, .callIndirect, .unreachable: after[p + 1] = true
            default: if Self.isIsland(instr) { after[p + 1] = true }
            }
        }
        return (label, after)
    }

    /// Ops the fast loop leaves to the exact loop: the table's islands, and indirect calls
    /// through a table other than 0.
    static func isIsland(_ instr: Instr) -> Bool {
        if instr.op == .callIndirect { return instr.b != 0 }
        // A load's end (offset + size) must fit its 32 bits (FastCompiler.load); past them it always traps.
        if let size = Instr.loadSize(instr.op), UInt64(instr.a) + size > UInt64(UInt32.max) { return true }
        return FastOp.isIsland(instr.op)
    }

    // MARK: Blocks

    /// Starts the block at `p`. Whatever transfers to a head charges it; falling into it from
    /// an instruction that does not (anything but a conditional branch or a call) takes a `nop`,
    /// unless the previous block can absorb it: then that block's charge includes this one's
    /// (`finish`), and falling through costs nothing. One block absorbs at most one, itself not
    /// absorbed, and a short one (under 1,000 instructions): their charges must fit 16 bits.
    mutating func startBlock(at p: Int, fallsThrough: Bool, mayBeAbsorbed: Bool) {
        if headPending != nil {
            emit(.nop)   // heads the previous block, which emitted nothing, and falls into this one
        } else if fallsThrough, let last = out.last?.op, !Self.chargesFallthrough(last) {
            if mayBeAbsorbed, last != .deopt, let previous = heads.last, !absorbed.contains(previous.orig) {
                absorbed.insert(p)
            } else {
                emit(.nop)
            }
        }
        headPending = p
        exactPoint = p
        lastProducer = nil
        blockLength = 0
    }

    /// Ops whose fall-through path charges the next head themselves.
    static func chargesFallthrough(_ op: FastOp) -> Bool {
        switch op {
        case .brIf, .brIfNot, .addBrIf, .brIfCopy, .call, .callIndirect, .nop: true
        default: FastOp.compareOf(branch: op)
        }
    }

    mutating func reset(height: Int) {
        stack = [Operand](repeating: .slot, count: Swift.max(0, height - base))
        pendingCount = 0
        exactPoint = pc
        lastProducer = nil
    }

    // MARK: Emission

    @discardableResult
    mutating func emit(_ op: FastOp, a: UInt32 = 0, b: UInt64 = 0) -> Int {
        let start = exactPoint.map { UInt32($0) } ?? FastCode.notExact
        if let head = headPending {
            // The head is the counter when counting; the op follows it with the same exact state.
            heads.append((out.count, head))
            entry[head] = Int32(out.count)
            if countsBlocks {
                out.append(FastInstr(.countBlock, a: UInt32(countedBlocks)))
                origin.append(start)
                countedBlocks += 1
            }
            headPending = nil
        }
        let f = out.count
        out.append(FastInstr(op, a: a, b: b))
        origin.append(start)
        exactPoint = nil
        lastProducer = nil
        return f
    }

    /// Before an instruction that may stop, reading its top `count` operands from slots: constants
    /// among them go to their slots. Returns how to rebuild the stack code's state at this pc
    /// from the deferred operands, should it stop (nothing when re-running from the exact point does).
    mutating func prepareStop(operands count: Int, immediateTop: Bool = false) -> [FastFixup] {
        for i in stack.count - count ..< stack.count - (immediateTop ? 1 : 0) {
            if case .constant = stack[i] { materialize(at: i) }
        }
        guard exactPoint == nil, pendingCount > 0 else { return [] }
        return stack.indices.compactMap { i in
            switch stack[i] {
            case .slot: nil
            case .local(let x): FastFixup(slot: UInt32(base + i), fromLocal: true, value: UInt64(x))
            case .constant(let v): FastFixup(slot: UInt32(base + i), fromLocal: false, value: v)
            }
        }
    }

    /// Emits an instruction that may stop: its state is exact at the exact point, or else at this
    /// pc once `fixups` are applied (a block head is never in the second case: it has an exact point).
    @discardableResult
    mutating func emitStop(_ op: FastOp, a: UInt32 = 0, b: UInt64 = 0, fixups: [FastFixup] = []) -> Int {
        if exactPoint == nil {
            exactPoint = pc
            if !fixups.isEmpty { fixupTable[out.count] = fixups }
        }
        return emit(op, a: a, b: b)
    }

    /// All operands to their slots; the state is then exact at `pc` (if nothing earlier is).
    mutating func materializeAllExact() {
        materialize(below: 0)
        if exactPoint == nil { exactPoint = pc }
    }

    // MARK: The symbolic stack

    mutating func push(_ operand: Operand) {
        stack.append(operand)
        if operand != .slot { pendingCount += 1 }
    }

    mutating func pop() -> Operand {
        let operand = stack.removeLast()
        if operand != .slot { pendingCount -= 1 }
        return operand
    }

    var top: Int { base + stack.count }

    /// Writes pending operands to their slots, all but the top `keep`.
    mutating func materialize(below keep: Int) {
        guard pendingCount > 0 else { return }
        var i = 0
        while i < stack.count - keep {
            // Two deferred locals side by side (call arguments, mostly) move in one instruction.
            if i + 1 < stack.count - keep, case .local(let x) = stack[i], case .local(let y) = stack[i + 1] {
                emit(.copy2, a: UInt32(base + i), b: UInt64(x) | UInt64(y) << 32)
                stack[i] = .slot; stack[i + 1] = .slot
                pendingCount -= 2
                i += 2
                continue
            }
            materialize(at: i)
            i += 1
        }
    }

    mutating func materialize(at i: Int) {
        let slot = UInt32(base + i)
        switch stack[i] {
        case .slot: return
        case .local(let x): emit(.copy, a: slot, b: UInt64(x))
        case .constant(let v): emit(.const, a: slot, b: v)
        }
        stack[i] = .slot
        pendingCount -= 1
    }

    /// Before local `x` changes: deferred reads of it become real.
    mutating func materializeReads(of x: UInt32) {
        guard pendingCount > 0 else { return }
        for i in stack.indices where stack[i] == .local(x) { materialize(at: i) }
    }

    /// The slot holding operand `operand` (at stack position `position`), writing a constant to its own slot.
    mutating func slot(of operand: Operand, at position: Int) -> UInt32 {
        switch operand {
        case .slot: return UInt32(base + position)
        case .local(let x): return x
        case .constant(let v): emit(.const, a: UInt32(base + position), b: v); return UInt32(base + position)
        }
    }

    /// Pops an operand and returns its slot.
    mutating func popSlot() -> UInt32 {
        let operand = pop()
        return slot(of: operand, at: stack.count)
    }

    /// Records the value just written to `slot` by the last instruction (a following local.set may retarget it).
    mutating func produced(_ f: Int, slot: UInt32) {
        push(.slot)
        lastProducer = (f, Int(slot))
    }
}
