import WasmVM

/// Lowers a condition, compiled for one code location, to a program the machine evaluates
/// itself at the breakpoint (MachineCondition.swift): nil when some part of it is not
/// machine-evaluable (strings, host arguments, source variables, `stack[K]`, f32/f64 values),
/// which leaves it to the session's compiled closure. Names resolve exactly as
/// `ConditionCompiler` resolves them; the machine hands every failure back to the session,
/// so only the values and the order of evaluation need to agree.
struct ConditionLowering {
    let scope: ConditionScope
    let location: ConditionScope.Location
    private var ops: [ConditionOp] = []

    private init(scope: ConditionScope, location: ConditionScope.Location) {
        self.scope = scope; self.location = location
    }

    static func lower(_ node: ConditionNode, scope: ConditionScope) -> [ConditionOp]? {
        guard let location = scope.location, scope.hostArguments.isEmpty else { return nil }
        var lowering = ConditionLowering(scope: scope, location: location)
        guard lowering.truth(node) else { return nil }
        return lowering.ops
    }

    private mutating func emit(_ kind: ConditionOp.Kind, _ operand: Int64 = 0) { ops.append(ConditionOp(kind, operand)) }

    /// A truth value (0 or 1), as `ConditionCompiler.truth`.
    private mutating func truth(_ node: ConditionNode) -> Bool {
        switch node.kind {
        case .binary(let op, let l, let r) where op == .and || op == .or:
            guard truth(l) else { return false }
            let jump = ops.count
            emit(op == .and ? .andThen : .orElse)
            guard truth(r) else { return false }
            ops[jump].operand = Int64(ops.count)
            return true
        case .unary(.not, let inner):
            guard truth(inner) else { return false }
            emit(.not)
            return true
        case .binary(let op, let l, let r) where op.isComparison:
            guard integer(l), integer(r) else { return false }
            emit(Self.comparison(op))
            return true
        default:
            guard integer(node) else { return false }
            emit(.truth)
            return true
        }
    }

    private static func comparison(_ op: BinaryOperator) -> ConditionOp.Kind {
        switch op {
        case .equal: .equal
        case .notEqual: .notEqual
        case .less: .less
        case .lessOrEqual: .lessOrEqual
        case .greater: .greater
        default: .greaterOrEqual
        }
    }

    /// An integer, as `ConditionCompiler.compiled` followed by `integer`.
    private mutating func integer(_ node: ConditionNode) -> Bool {
        switch node.kind {
        case .integer(let n): emit(.constant, n); return true
        case .fuel: emit(.fuel); return true
        case .hits: emit(.hits); return true
        case .local(let i): return local(i)
        case .global(let i): return global(i)
        case .memory(let width, let address):
            guard scope.memoryBytes != nil, integer(address) else { return false }
            emit(.load, Int64(width))
            return true
        case .unary(let op, let inner):
            if op == .not { return truth(node) }
            let start = ops.count
            guard integer(inner) else { return false }
            // A constant operand folds (`-1` is one constant), as the compiler folds it.
            if ops.count == start + 1, let last = ops.last, last.kind == .constant, op != .plus {
                ops[ops.count - 1].operand = op == .negate ? 0 &- last.operand : ~last.operand
                return true
            }
            switch op {
            case .negate: emit(.negate)
            case .complement: emit(.complement)
            default: break
            }
            return true
        case .binary(let op, let l, let r):
            if op == .and || op == .or || op.isComparison { return truth(node) }
            guard integer(l), integer(r) else { return false }
            let kind: ConditionOp.Kind = switch op {
            case .add: .add
            case .subtract: .subtract
            case .multiply: .multiply
            case .divide: .divide
            case .remainder: .remainder
            case .bitAnd: .bitAnd
            case .bitOr: .bitOr
            case .bitXor: .bitXor
            case .shiftLeft: .shiftLeft
            default: .shiftRight
            }
            emit(kind)
            return true
        case .name(let name):
            // A source variable in scope comes first, as in `ConditionCompiler.resolve`.
            if scope.debugInfo?.hasVariable(name, at: location.offset) == true { return false }
            if let i = scope.localIndex(named: name) { return local(i) }
            if let i = scope.globalIndex(named: name) { return global(i) }
            return false
        case .wasmName(let name):
            if let i = scope.localIndex(named: name) { return local(i) }
            if let i = scope.globalIndex(named: name) { return global(i) }
            return false
        case .string, .float, .stack, .member, .arrow, .index, .dereference, .addressOf:
            return false
        }
    }

    private mutating func local(_ i: Int) -> Bool {
        let module = scope.module
        guard location.function >= module.importedFunctionCount else { return false }
        let types = module.functionType(location.function).parameters
            + module.functions[location.function - module.importedFunctionCount].localTypes
        guard i < types.count else { return false }
        // The machine reads frame slots: a v128 before local i takes two.
        let slot = Int64(types[..<i].slotCount)
        switch types[i] {
        case .i32: emit(.localI32, slot)
        case .i64: emit(.localI64, slot)
        default: return false
        }
        return true
    }

    private mutating func global(_ i: Int) -> Bool {
        guard i < scope.globalCount, let type = scope.module.globalType(i) else { return false }
        switch type.valueType {
        case .i32: emit(.globalI32, Int64(i))
        case .i64: emit(.globalI64, Int64(i))
        default: return false
        }
        return true
    }
}
