import ContractHost
import WasmVM

typealias FloatCode = (ConditionFrame) throws(ConditionFailure) -> Double

/// v128 lanes in conditions: `stack[0].i32x4[2] == 5`, `local.1.i8x16[15]`, `$v.f32x4[0] < 1.5`.
/// The base is a wasm value (stack[K], local.N / local[N], global.N, $name) that is a v128 where
/// the breakpoint is; integer lanes read signed, float lanes compare as floats. Not lowered to the
/// machine's condition programs (an `.index` node): these run as the session's closure.
extension ConditionCompiler {
    /// The lane a node reads, or nil when it is not a lane access of a wasm value.
    func lane(_ node: ConditionNode) throws(CommandError) -> Compiled? {
        guard case .index(let member, let laneNode) = node.kind else { return nil }
        let base: ConditionNode, name: String
        if case .member(let b, let n) = member.kind {
            base = b; name = n
        } else if case .wasmName(let full) = member.kind, let dot = full.lastIndex(of: "."),
                  scope.localIndex(named: full) == nil, scope.globalIndex(named: full) == nil {
            // `$v.i32x4[2]`: a `$name` token takes dots, so the shape is its last part.
            base = ConditionNode(.wasmName(String(full[..<dot])), member.column); name = String(full[full.index(after: dot)...])
        } else {
            return nil
        }
        guard let shape = V128Shape(rawValue: name), shape != .hex, let baseText = Self.wasmText(base) else { return nil }
        let what = "\(baseText).\(name)"
        guard case .constant(let k) = try compiled(laneNode) else {
            throw conditionError(laneNode.column, "\(what)[…]: the lane is a number, 0...\(shape.laneCount - 1)")
        }
        guard k >= 0, k < Int64(shape.laneCount) else {
            throw conditionError(laneNode.column, "\(what)[\(k)]: the lane must be 0...\(shape.laneCount - 1)")
        }
        guard let read = try v128Reader(base, baseText) else { return .integer { _ in 0 } }   // checked again where it stops
        let lane = Int(k)
        if shape.isFloat { return .float { (f) throws(ConditionFailure) in try read(f).floatLane(lane, shape) } }
        return .integer { (f) throws(ConditionFailure) in try read(f).integerLane(lane, shape) }
    }

    /// `stack[0]`, `local.1`, `global.2`, `$v`: the bases a lane may follow.
    static func wasmText(_ node: ConditionNode) -> String? {
        switch node.kind {
        case .stack(let k): "stack[\(k)]"
        case .local(let i): "local.\(i)"
        case .global(let i): "global.\(i)"
        case .wasmName(let n): "$\(n)"
        default: nil
        }
    }

    /// Reads the base's v128; nil without a location (the type is known only where it stops).
    private func v128Reader(_ base: ConditionNode, _ text: String) throws(CommandError) -> ((ConditionFrame) throws(ConditionFailure) -> V128)? {
        func notV128(_ type: ValueType) -> CommandError {
            conditionError(base.column, "\(text) is \(type), not v128: lanes (.i32x4[K], …) read a v128")
        }
        switch base.kind {
        case .stack(let k):
            guard let location = scope.location else { return nil }
            let types = scope.module.operandTypes(function: location.function, pc: location.pc)
            guard k < types.count else {
                throw conditionError(base.column, "\(text): the operand stack holds \(types.count) value\(types.count == 1 ? "" : "s") at \(location.description)")
            }
            let type = types[types.count - 1 - k]
            guard type == .v128 else { throw notV128(type) }
            let above = types.suffix(k).slotCount
            return { (f) throws(ConditionFailure) in
                // The high half is pushed last: it is the nearer slot to the top.
                guard let high = f.machine.innermostOperandSlot(fromTop: above), let low = f.machine.innermostOperandSlot(fromTop: above + 1) else {
                    throw ConditionFailure("\(text) is not there")
                }
                return V128(low: low, high: high)
            }
        case .local(let i): return try localReader(i, base, text, notV128)
        case .global(let i): return try globalReader(i, base, text, notV128)
        case .wasmName(let n):
            if let i = scope.localIndex(named: n) { return try localReader(i, base, text, notV128) }
            if let i = scope.globalIndex(named: n) { return try globalReader(i, base, text, notV128) }
            if scope.location == nil && scope.anyLocalNamed(n) { return nil }
            throw conditionError(base.column, "no wasm local or global named $\(n)\(scope.location.map { " at \($0.description)" } ?? "")")
        default: return nil
        }
    }

    private func localReader(_ i: Int, _ base: ConditionNode, _ text: String, _ notV128: (ValueType) -> CommandError) throws(CommandError) -> ((ConditionFrame) throws(ConditionFailure) -> V128)? {
        guard let location = scope.location, location.function >= scope.module.importedFunctionCount else { return nil }
        let module = scope.module
        let types = module.functionType(location.function).parameters + module.functions[location.function - module.importedFunctionCount].localTypes
        guard i < types.count else {
            throw conditionError(base.column, "no \(text) in \(module.displayName(ofFunction: location.function)) (it has \(types.count) locals)")
        }
        guard types[i] == .v128 else { throw notV128(types[i]) }
        return { (f) throws(ConditionFailure) in
            guard case .v128(let v) = f.machine.innermostLocal(i) else { throw ConditionFailure("\(text) is not a v128 in this frame") }
            return v
        }
    }

    private func globalReader(_ i: Int, _ base: ConditionNode, _ text: String, _ notV128: (ValueType) -> CommandError) throws(CommandError) -> ((ConditionFrame) throws(ConditionFailure) -> V128)? {
        guard i < scope.globalCount, let type = scope.module.globalType(i)?.valueType else {
            throw conditionError(base.column, "no \(text) (the module has \(scope.globalCount) globals)")
        }
        guard type == .v128 else { throw notV128(type) }
        return { (f) throws(ConditionFailure) in
            guard case .v128(let v) = f.machine.global(of: f.instance, index: i) else { throw ConditionFailure("no \(text)") }
            return v
        }
    }

    /// Both sides as floats (integers converted), compared as IEEE does.
    func floatComparison(_ op: BinaryOperator, _ left: Compiled, _ l: ConditionNode, _ right: Compiled, _ r: ConditionNode) throws(CommandError) -> (ConditionFrame) throws(ConditionFailure) -> Bool {
        let a = try floating(left, l), b = try floating(right, r)
        switch op {
        case .equal: return { (f) throws(ConditionFailure) in try a(f) == b(f) }
        case .notEqual: return { (f) throws(ConditionFailure) in try a(f) != b(f) }
        case .less: return { (f) throws(ConditionFailure) in try a(f) < b(f) }
        case .lessOrEqual: return { (f) throws(ConditionFailure) in try a(f) <= b(f) }
        case .greater: return { (f) throws(ConditionFailure) in try a(f) > b(f) }
        default: return { (f) throws(ConditionFailure) in try a(f) >= b(f) }
        }
    }

    private func floating(_ value: Compiled, _ node: ConditionNode) throws(CommandError) -> FloatCode {
        switch value {
        case .float(let code): return code
        case .constant(let n): return { _ in Double(n) }
        case .integer(let code): return { (f) throws(ConditionFailure) in Double(try code(f)) }
        default: throw conditionError(node.column, "a float compares with a number")
        }
    }
}
