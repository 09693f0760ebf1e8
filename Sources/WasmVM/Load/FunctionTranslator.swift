import WasmParser

/// Validates one function body with the specification's operand/control stack
/// algorithm and, in the same single pass, translates it into `[Instr]`.
///
/// Translation follows the contract of `Instr.swift`: nothing for nop/block/loop
/// and non-final `end`; `if` -> `jumpIfZero`, `else` -> `jump`; branches carry the
/// label's arity and the frame-relative height where its values start; a branch to
/// the function's label and `return` become `return` (conditional ones jump to the
/// final `return`). Code after an unconditional branch is validated, not emitted.
struct FunctionTranslator: AnyInstructionVisitor {
    typealias VisitorError = LoadError

    /// Module byte offset of the instruction being visited (set by WasmParser).
    var binaryOffset = 0

    let context: ValidationContext
    var type = FunctionType(parameters: [], results: [])
    /// Parameters then declared locals.
    var localTypes: [ValueType] = []
    var localCount = 0
    /// Frame slot of each local (a v128 takes two), and the slots of all of them.
    var localSlots: [Int] = []
    var localSlotCount = 0
    /// The function has a v128 local or operand somewhere (CompiledFunction.usesV128).
    var usesV128 = false

    /// Operand types; nil is the "unknown" type popped from a polymorphic stack.
    var operands: [ValueType?] = []
    /// Slots the operands take (a v128 two, an unknown type one): heights are slot counts.
    var operandSlots = 0
    var frames: [ControlFrame] = []
    var code: [Instr] = []
    var offsets: [UInt32] = []
    /// Frame-relative stack height before each emitted instruction (the fast compiler's input).
    var heights: [UInt32] = []
    /// Height before the wasm instruction being visited; set by whoever drives the visits.
    var visitHeight = 0
    var branchTables: [BranchTarget] = []
    /// v128.const values and shuffle masks (16 bytes do not fit an Instr): `a` indexes them.
    var v128Constants: [V128] = []
    /// The most operand slots at any point.
    var maxOperands = 0
    /// Set once the function's final `end` has been visited.
    var isFinished = false

    // Cached from the innermost frame (hot in every push and pop).
    var frameHeight = 0
    var isUnreachable = false
    /// Code is emitted only while live (not unreachable, not in a dead frame).
    var isLive = true

    /// Lowest operand height reached since the driver last reset it (the debugger's pop count).
    var lowestOperandCount = 0

    init(context: ValidationContext, typeIndex: Int, locals: [ValueType]) {
        self.context = context
        begin(typeIndex: typeIndex, locals: locals)
    }

    /// Starts a function, keeping the stacks' storage from the previous one
    /// (one translator serves a whole code section).
    mutating func begin(typeIndex: Int, locals: [ValueType], expectedInstructions: Int = 0) {
        type = context.types[typeIndex]
        localTypes = type.parameters + locals
        localCount = localTypes.count
        localSlots.removeAll(keepingCapacity: true)
        localSlotCount = 0
        usesV128 = type.results.contains(.v128)
        for t in localTypes {
            localSlots.append(localSlotCount)
            localSlotCount += t.slotCount
            if t == .v128 { usesV128 = true }
        }
        operands.removeAll(keepingCapacity: true)
        operandSlots = 0
        frames.removeAll(keepingCapacity: true)
        code = []
        offsets = []
        heights = []
        branchTables = []
        v128Constants = []
        code.reserveCapacity(expectedInstructions)
        offsets.reserveCapacity(expectedInstructions)
        heights.reserveCapacity(expectedInstructions)
        maxOperands = 0
        isFinished = false
        frames.append(ControlFrame(kind: .function, params: [], results: type.results, height: 0, slotHeight: 0,
                                   dead: false, startPC: 0))
        refreshFrameCache()
        lowestOperandCount = 0
    }

    // MARK: Errors

    func invalid(_ message: String) -> LoadError { LoadError(.invalid, message, offset: binaryOffset) }
    func malformed(_ message: String) -> LoadError { LoadError(.malformed, message, offset: binaryOffset) }

    // MARK: Operand stack

    @inline(__always)
    mutating func push(_ type: ValueType?) {
        operands.append(type)
        if _slowPath(type == .v128) { operandSlots += 2; usesV128 = true } else { operandSlots += 1 }
        if operandSlots > maxOperands { maxOperands = operandSlots }
    }

    mutating func push(_ types: [ValueType]) {
        for t in types { push(t) }
    }

    @inline(__always)
    mutating func popAny() throws(LoadError) -> ValueType? {
        if operands.count == frameHeight {
            if isUnreachable { return nil }
            throw invalid("type mismatch: operand stack is empty")
        }
        let type = operands.removeLast()
        operandSlots -= type == .v128 ? 2 : 1
        if operands.count < lowestOperandCount { lowestOperandCount = operands.count }
        return type
    }

    @discardableResult @inline(__always)
    mutating func pop(_ expected: ValueType) throws(LoadError) -> ValueType? {
        let actual = try popAny()
        if let actual, actual != expected {
            throw invalid("type mismatch: expected \(expected), found \(actual)")
        }
        return actual
    }

    mutating func pop(_ types: [ValueType]) throws(LoadError) {
        var i = types.count
        while i > 0 {
            i -= 1
            try pop(types[i])
        }
    }

    /// Checks that the operands on top match `types` without consuming them (br_table).
    func checkTop(_ types: [ValueType]) throws(LoadError) {
        var position = operands.count
        var i = types.count
        while i > 0 {
            i -= 1
            position -= 1
            if position < frameHeight {
                if isUnreachable { return }
                throw invalid("type mismatch: operand stack is empty")
            }
            if let actual = operands[position], actual != types[i] {
                throw invalid("type mismatch: expected \(types[i]), found \(actual)")
            }
        }
    }

    // MARK: Control stack

    mutating func refreshFrameCache() {
        let last = frames.count - 1
        frameHeight = frames[last].height
        isUnreachable = frames[last].unreachable
        isLive = !isUnreachable && !frames[last].dead
    }

    mutating func pushFrame(_ kind: ControlFrame.Kind, params: [ValueType], results: [ValueType], elseFixup: Int = -1) {
        frames.append(ControlFrame(kind: kind, params: params, results: results, height: operands.count,
                                   slotHeight: operandSlots, dead: !isLive, startPC: code.count, elseFixup: elseFixup))
        refreshFrameCache()
        push(params)
    }

    mutating func markUnreachable() {
        operands.removeLast(operands.count - frameHeight)
        operandSlots = frames[frames.count - 1].slotHeight
        frames[frames.count - 1].unreachable = true
        refreshFrameCache()
    }

    func label(_ depth: UInt32) throws(LoadError) -> Int {
        guard depth < frames.count else { throw invalid("unknown label \(depth)") }
        return frames.count - 1 - Int(depth)
    }

    // MARK: Emission

    @inline(__always)
    mutating func emit(_ op: OpCode, a: UInt32 = 0, b: UInt64 = 0) {
        guard isLive else { return }
        code.append(Instr(op, a: a, b: b))
        offsets.append(UInt32(truncatingIfNeeded: binaryOffset))
        heights.append(UInt32(truncatingIfNeeded: visitHeight))
    }

    /// Records the operand height before the next visit (`emit` stamps it on what the visit emits).
    @inline(__always)
    mutating func willVisit() { visitHeight = localSlotCount + operandSlots }

    /// Emits a branch (`br` or `brIf`) to the label of `frames[index]`.
    mutating func emitBranch(_ op: OpCode, toFrame index: Int) {
        guard isLive else { return }
        let kind = frames[index].kind
        let arity = frames[index].labelSlots
        let b = Instr.packBranch(arity: arity, height: localSlotCount + frames[index].slotHeight)
        switch kind {
        case .loop:
            emit(op, a: UInt32(frames[index].startPC), b: b)
        case .function where op == .br:
            emit(.return, a: UInt32(arity))
        default:
            emit(op, a: frames[index].codeFixups, b: b)
            frames[index].codeFixups = UInt32(code.count - 1)
        }
    }

    /// Appends the `br_table` entry for the label of `frames[index]`.
    mutating func appendTableTarget(toFrame index: Int) {
        let isLoop = frames[index].kind == .loop
        let arity = frames[index].labelSlots
        let height = UInt32(localSlotCount + frames[index].slotHeight)
        if isLoop {
            branchTables.append(BranchTarget(pc: UInt32(frames[index].startPC), arity: UInt32(arity), height: height))
        } else {
            branchTables.append(BranchTarget(pc: frames[index].tableFixups, arity: UInt32(arity), height: height))
            frames[index].tableFixups = UInt32(branchTables.count - 1)
        }
    }

    /// Points every forward branch to `frame`'s label at `pc`.
    mutating func resolveFixups(of frame: ControlFrame, at pc: Int) {
        var next = frame.codeFixups
        while next != .max {
            let i = Int(next)
            next = code[i].a
            code[i].a = UInt32(pc)
        }
        next = frame.tableFixups
        while next != .max {
            let i = Int(next)
            next = branchTables[i].pc
            branchTables[i].pc = UInt32(pc)
        }
        if frame.elseFixup >= 0 { code[frame.elseFixup].a = UInt32(pc) }
    }

    // MARK: Completion

    /// The translated function; fails if the body did not close its blocks.
    mutating func compiled(typeIndex: UInt32, declaredLocals: [ValueType], bodyRange: Range<Int>) throws(LoadError) -> CompiledFunction {
        guard isFinished else { throw malformed("unexpected end of function body (END opcode expected)") }
        defer { code = []; offsets = []; heights = []; branchTables = []; v128Constants = [] }
        var function = CompiledFunction(typeIndex: typeIndex, localTypes: declaredLocals, code: code, offsets: offsets,
                                        branchTables: branchTables, maxHeight: localSlotCount + maxOperands, bodyRange: bodyRange)
        function.heights = heights
        function.v128Constants = v128Constants
        function.usesV128 = usesV128
        return function
    }
}
