import DebugInfo
import WasmVM

/// Why a condition could not be evaluated at a stop (it is then false, with a note once).
struct ConditionFailure: Error {
    var message: String
    init(_ message: String) { self.message = message }
}

/// What compiled conditions read at a stop: the innermost frame, the instance's globals and
/// memory, fuel, the hit count and the pending host call. One per session, refilled per evaluation.
final class ConditionFrame: WasmStateReader {
    let machine: Machine
    let instance: Instance
    var hits: Int64 = 0
    /// False during reverse-continue's scan, which does not count hits.
    var hitsKnown = true
    /// Failures met (and taken as false) during this evaluation.
    var failures: [String] = []
    private var hostCall: PendingHostCall?
    private var hostCallLoaded = false
    private let hostCallSource: () -> PendingHostCall?

    init(machine: Machine, instance: Instance, hostCall source: @escaping () -> PendingHostCall?) {
        self.machine = machine; self.instance = instance; hostCallSource = source
    }

    func reset(hits: Int64, hitsKnown: Bool, hostCall: PendingHostCall?) {
        self.hits = hits
        self.hitsKnown = hitsKnown
        if !failures.isEmpty { failures.removeAll(keepingCapacity: true) }
        if hostCall != nil || hostCallLoaded {
            self.hostCall = hostCall
            hostCallLoaded = hostCall != nil
        }
    }

    /// The host call about to be made here (decoded the first time a condition asks).
    var pendingCall: PendingHostCall? {
        if !hostCallLoaded { hostCall = hostCallSource(); hostCallLoaded = true }
        return hostCall
    }

    func local(_ index: Int) -> UInt64? { machine.innermostLocalSlot(index)?.slot }
    func global(_ index: Int) -> UInt64? { machine.global(of: instance, index: index)?.slot }
    func operand(_ indexFromBottom: Int) -> UInt64? { machine.innermostOperandSlot(fromBottom: indexFromBottom) }
    func load(_ address: UInt64, _ count: Int) -> UInt64? {
        machine.memory(of: instance)?.loadLittleEndian(address, count: count)
    }
    func memory(_ address: UInt64, _ count: Int) -> [UInt8]? {
        guard count >= 0, count <= 1 << 24, let memory = machine.memory(of: instance), memory.contains(address, count: UInt64(count)) else { return nil }
        return try? memory.read(address, count: count)
    }
}

typealias IntegerCode = (ConditionFrame) throws(ConditionFailure) -> Int64
/// A whole compiled condition: true to stop. Failures are recorded in the frame and count as false.
typealias ConditionCode = (ConditionFrame) -> Bool

/// Where a condition is compiled for, and the names it can use there.
struct ConditionScope {
    struct Location {
        var function: Int
        var pc: Int
        var offset: Int
        /// For messages: `token/token.c:83`, `transfer+0x12 (offset 0x44)`.
        var description: String
    }

    var module: Module
    var debugInfo: DebugInfo?
    /// Nil: names are only checked to exist somewhere (the location is known when it stops).
    var location: Location?
    /// Host-call breakpoints: argument names the call may have.
    var hostArguments: Set<String> = []
    /// `break host *`: a call without the argument makes the condition false without a note.
    var anyHostCall = false
    var globalCount: Int
    /// Nil: the module has no memory.
    var memoryBytes: Int?

    var localCount: Int? {
        guard let location, location.function >= module.importedFunctionCount else { return nil }
        return module.functionType(location.function).parameters.count
            + module.functions[location.function - module.importedFunctionCount].localTypes.count
    }

    func localIndex(named name: String) -> Int? {
        guard let location, let names = module.localNames[UInt32(location.function)] else { return nil }
        return names.first { $0.value == name }.map { Int($0.key) }
    }

    func globalIndex(named name: String) -> Int? {
        (0 ..< globalCount).first { module.displayName(ofGlobal: $0) == name }
    }

    /// Whether some function names a local so (for checks without a location).
    func anyLocalNamed(_ name: String) -> Bool { module.localNames.values.contains { $0.values.contains(name) } }
}

/// Compiles a parsed condition into closures for one scope: names resolved, types checked and
/// location lists chosen once, so an evaluation at a hit runs no parser and no lookup.
struct ConditionCompiler {
    let scope: ConditionScope

    enum Compiled {
        case constant(Int64)
        case integer(IntegerCode)
        /// A float lane or literal: compares as a float (IEEE: NaN equals nothing).
        case float(FloatCode)
        case string([UInt8])
        case source(CompiledSourceValue, name: String)
        case argument(String)
    }

    /// A name checked to exist somewhere, for a scope without a location: compiled again where it stops.
    private static var deferred: Compiled { .integer { _ in 0 } }

    func compile(_ node: ConditionNode) throws(CommandError) -> ConditionCode {
        let code = try truth(node)
        return { frame in
            do throws(ConditionFailure) { return try code(frame) } catch {
                frame.failures.append(error.message)
                return false
            }
        }
    }

    // MARK: truth values

    /// A value tested for truth; `&&` and `||` take a failing side as false and go on.
    private func truth(_ node: ConditionNode) throws(CommandError) -> (ConditionFrame) throws(ConditionFailure) -> Bool {
        if case .binary(let op, let l, let r) = node.kind, op == .and || op == .or {
            let left = try guarded(l), right = try guarded(r)
            if op == .and { return { f in left(f) && right(f) } }
            return { f in left(f) || right(f) }
        }
        if case .unary(.not, let inner) = node.kind {
            let code = try truth(inner)
            return { (f) throws(ConditionFailure) in !(try code(f)) }
        }
        if case .binary(let op, let l, let r) = node.kind, op.isComparison {
            return try comparison(op, l, r, column: node.column)
        }
        let code = try integer(node)
        return { (f) throws(ConditionFailure) in try code(f) != 0 }
    }

    private func guarded(_ node: ConditionNode) throws(CommandError) -> (ConditionFrame) -> Bool {
        let code = try truth(node)
        return { f in
            do throws(ConditionFailure) { return try code(f) } catch {
                f.failures.append(error.message)
                return false
            }
        }
    }

    private func comparison(_ op: BinaryOperator, _ l: ConditionNode, _ r: ConditionNode, column: Int) throws(CommandError) -> (ConditionFrame) throws(ConditionFailure) -> Bool {
        let left = try compiled(l), right = try compiled(r)
        switch (left, right) {
        case (.string, .string):
            throw conditionError(l.column, "compare a string with a host argument or a source variable, not with another string")
        case (.string(let text), let other), (let other, .string(let text)):
            guard op == .equal || op == .notEqual else { throw conditionError(column, "a string compares only with == or !=") }
            let otherNode = if case .string = left { r } else { l }
            let matches = try textMatch(other, text, otherNode)
            if op == .equal { return matches }
            return { (f) throws(ConditionFailure) in !(try matches(f)) }
        default:
            break
        }
        if case .float = left { return try floatComparison(op, left, l, right, r) }
        if case .float = right { return try floatComparison(op, left, l, right, r) }
        let a = try integer(left, l)
        if case .constant(let k) = right {
            switch op {
            case .equal: return { (f) throws(ConditionFailure) in try a(f) == k }
            case .notEqual: return { (f) throws(ConditionFailure) in try a(f) != k }
            case .less: return { (f) throws(ConditionFailure) in try a(f) < k }
            case .lessOrEqual: return { (f) throws(ConditionFailure) in try a(f) <= k }
            case .greater: return { (f) throws(ConditionFailure) in try a(f) > k }
            default: return { (f) throws(ConditionFailure) in try a(f) >= k }
            }
        }
        let b = try integer(right, r)
        switch op {
        case .equal: return { (f) throws(ConditionFailure) in try a(f) == b(f) }
        case .notEqual: return { (f) throws(ConditionFailure) in try a(f) != b(f) }
        case .less: return { (f) throws(ConditionFailure) in try a(f) < b(f) }
        case .lessOrEqual: return { (f) throws(ConditionFailure) in try a(f) <= b(f) }
        case .greater: return { (f) throws(ConditionFailure) in try a(f) > b(f) }
        default: return { (f) throws(ConditionFailure) in try a(f) >= b(f) }
        }
    }

    private func textMatch(_ value: Compiled, _ text: [UInt8], _ node: ConditionNode) throws(CommandError) -> (ConditionFrame) throws(ConditionFailure) -> Bool {
        switch value {
        case .string: throw conditionError(node.column, "compare a string with a host argument or a source variable, not with another string")
        case .constant, .integer, .float: throw conditionError(node.column, "a number compares with a number, not with a string")
        case .argument(let name):
            let quiet = scope.anyHostCall
            return { (f) throws(ConditionFailure) in
                let argument = try Self.argument(name, f, quiet: quiet)
                guard let bytes = argument.bytes else { throw ConditionFailure("\(name) does not point at text here") }
                return bytes.elementsEqual(text)
            }
        case .source(let v, let name):
            guard let info = scope.debugInfo else { throw conditionError(node.column, "\(name) is not text") }
            let matcher: (WasmStateReader) throws(DebugInfoError) -> Bool
            do throws(DebugInfoError) { matcher = try info.textMatcher(v, text) } catch { throw conditionError(node.column, error.description) }
            return { (f) throws(ConditionFailure) in
                do throws(DebugInfoError) { return try matcher(f) } catch { throw ConditionFailure(error.description) }
            }
        }
    }

    private static func argument(_ name: String, _ f: ConditionFrame, quiet: Bool) throws(ConditionFailure) -> PendingHostCall.Argument {
        guard let call = f.pendingCall else { throw ConditionFailure("\(name) is a host-call argument, and no host call is about to be made") }
        guard let argument = call.arguments.first(where: { $0.name == name }) else {
            throw ConditionFailure(quiet ? "" : "\(call.name) has no argument \(name)")
        }
        return argument
    }

    // MARK: integers

    private func integer(_ node: ConditionNode) throws(CommandError) -> IntegerCode {
        try integer(try compiled(node), node)
    }

    private func integer(_ value: Compiled, _ node: ConditionNode) throws(CommandError) -> IntegerCode {
        switch value {
        case .constant(let n): return { _ in n }
        case .integer(let code): return code
        case .float: throw conditionError(node.column, "\(Self.text(node)) is a float: conditions compute with integers; compare it (==, !=, <, <=, >, >=)")
        case .string: throw conditionError(node.column, "a string compares only with == or != (with a host argument or a source variable)")
        case .argument(let name):
            let quiet = scope.anyHostCall
            return { (f) throws(ConditionFailure) in try Self.argument(name, f, quiet: quiet).value.conditionInteger }
        case .source(let v, let name):
            guard let info = scope.debugInfo else { throw conditionError(node.column, "\(name) is not a number") }
            switch info.use(of: v) {
            case .floatingPoint: throw conditionError(node.column, "\(name) is \(v.typeName): conditions compute with integers")
            case .other: throw conditionError(node.column, "\(name) is \(v.typeName), not a number (use a member, an element or *)")
            case .integer: break
            }
            let read: SourceIndex
            do throws(DebugInfoError) { read = try info.integerReader(v) } catch { throw conditionError(node.column, error.description) }
            return { (f) throws(ConditionFailure) in
                do throws(DebugInfoError) { return try read(f) } catch { throw ConditionFailure("\(name): \(error.description)") }
            }
        }
    }

    /// Logical and comparison results as integers (0 or 1), for arithmetic on them.
    private func booleanInteger(_ node: ConditionNode) throws(CommandError) -> IntegerCode {
        let code = try truth(node)
        return { (f) throws(ConditionFailure) in try code(f) ? 1 : 0 }
    }

    func compiled(_ node: ConditionNode) throws(CommandError) -> Compiled {
        let column = node.column
        if let lane = try lane(node) { return lane }
        switch node.kind {
        case .integer(let n): return .constant(n)
        case .float(let d): return .float { _ in d }
        case .string(let bytes): return .string(bytes)
        case .fuel: return .integer { f in Int64(bitPattern: f.machine.fuelUsed) }
        case .hits:
            return .integer { (f) throws(ConditionFailure) in
                guard f.hitsKnown else { throw ConditionFailure("hits is not counted while reverse-continue searches back") }
                return f.hits
            }
        case .local(let i): return try local(i, column: column)
        case .global(let i): return try global(i, column: column)
        case .stack(let k):
            guard let location = scope.location else { return Self.deferred }
            let types = scope.module.operandTypes(function: location.function, pc: location.pc)
            guard k < types.count else {
                let holds = types.isEmpty ? "is empty" : "holds \(types.count) value\(types.count == 1 ? "" : "s") (stack[0]...stack[\(types.count - 1)])"
                throw conditionError(column, "stack[\(k)]: the operand stack \(holds) at \(location.description)")
            }
            let type = types[types.count - 1 - k]
            // Slots, not values, from the top: a v128 above takes two; a v128 here reads its low half.
            let slotFromTop = types.suffix(k).slotCount + type.slotCount - 1
            return .integer { (f) throws(ConditionFailure) in
                guard let slot = f.machine.innermostOperandSlot(fromTop: slotFromTop) else { throw ConditionFailure("stack[\(k)] is not there") }
                return Value(slot: slot, type: type).conditionInteger
            }
        case .memory(let width, let addressNode):
            guard scope.memoryBytes != nil else { throw conditionError(column, "mem\(width * 8)[…]: the module has no memory") }
            let addressValue = try compiled(addressNode)
            let address = try integer(addressValue, addressNode)
            if case .constant(let a) = addressValue, a < 0 || a > Int64(UInt32.max) {
                throw conditionError(addressNode.column, "mem\(width * 8)[\(a)]: the address must be 0...4294967295")
            }
            return .integer { (f) throws(ConditionFailure) in
                let a = try address(f)
                guard let memory = f.machine.memory(of: f.instance) else { throw ConditionFailure("the module has no memory") }
                guard a >= 0, let v = memory.loadLittleEndian(UInt64(a), count: width) else {
                    let at = a < 0 ? "\(a)" : "0x\(hex(UInt64(a)))"
                    throw ConditionFailure("mem\(width * 8)[\(at)] is outside memory (\(memory.byteCount) bytes)")
                }
                return Int64(bitPattern: v)
            }
        case .unary(let op, let inner):
            if op == .not { return .integer(try booleanInteger(node)) }
            let innerValue = try compiled(inner)
            if case .float(let x) = innerValue, op != .complement {
                return op == .negate ? .float { (f) throws(ConditionFailure) in -(try x(f)) } : innerValue
            }
            let a = try integer(innerValue, inner)
            if case .constant(let n) = innerValue {
                switch op {
                case .negate: return .constant(0 &- n)
                case .complement: return .constant(~n)
                default: return .constant(n)
                }
            }
            switch op {
            case .negate: return .integer { (f) throws(ConditionFailure) in 0 &- (try a(f)) }
            case .complement: return .integer { (f) throws(ConditionFailure) in ~(try a(f)) }
            default: return .integer(a)
            }
        case .binary(let op, let l, let r):
            if op == .and || op == .or || op.isComparison { return .integer(try booleanInteger(node)) }
            let left = try compiled(l), right = try compiled(r)
            if case .constant(let x) = left, case .constant(let y) = right {
                if (op == .divide || op == .remainder) && y == 0 { throw conditionError(column, "division by zero") }
                return .constant(Self.fold(op, x, y))
            }
            let a = try integer(left, l), b = try integer(right, r)
            switch op {
            case .add: return .integer { (f) throws(ConditionFailure) in (try a(f)) &+ (try b(f)) }
            case .subtract: return .integer { (f) throws(ConditionFailure) in (try a(f)) &- (try b(f)) }
            case .multiply: return .integer { (f) throws(ConditionFailure) in (try a(f)) &* (try b(f)) }
            case .divide, .remainder:
                if case .constant(0) = right { throw conditionError(column, "division by zero") }
                let divide = op == .divide
                return .integer { (f) throws(ConditionFailure) in
                    let x = try a(f), y = try b(f)
                    guard y != 0 else { throw ConditionFailure("division by zero") }
                    return divide ? x.dividedReportingOverflow(by: y).partialValue : x.remainderReportingOverflow(dividingBy: y).partialValue
                }
            case .bitAnd: return .integer { (f) throws(ConditionFailure) in (try a(f)) & (try b(f)) }
            case .bitOr: return .integer { (f) throws(ConditionFailure) in (try a(f)) | (try b(f)) }
            case .bitXor: return .integer { (f) throws(ConditionFailure) in (try a(f)) ^ (try b(f)) }
            case .shiftLeft: return .integer { (f) throws(ConditionFailure) in (try a(f)) << ((try b(f)) & 63) }
            case .shiftRight: return .integer { (f) throws(ConditionFailure) in (try a(f)) >> ((try b(f)) & 63) }
            default: preconditionFailure("logical and comparison operators are handled above")
            }
        case .name(let name): return try resolve(name, column: column)
        case .wasmName(let name):
            if let i = scope.localIndex(named: name) { return try local(i, column: column) }
            if let i = scope.globalIndex(named: name) { return try global(i, column: column) }
            if scope.location == nil && scope.anyLocalNamed(name) { return Self.deferred }
            let at = scope.location.map { " at \($0.description)" } ?? ""
            throw conditionError(column, "no wasm local or global named $\(name)\(at)")
        case .member, .arrow, .index, .dereference, .addressOf:
            guard let info = scope.debugInfo else { throw conditionError(column, "\(Self.operatorName(node)) needs source variables: \(DebugSession.noDebugInfo)") }
            let term = try sourceTerm(node)
            guard let location = scope.location else { return Self.deferred }
            do throws(DebugInfoError) {
                return .source(try info.compile(term, at: location.offset), name: Self.text(node))
            } catch {
                throw conditionError(column, error.description)
            }
        }
    }

    /// Arithmetic on two constants, as the compiled code would do it.
    private static func fold(_ op: BinaryOperator, _ x: Int64, _ y: Int64) -> Int64 {
        switch op {
        case .add: x &+ y
        case .subtract: x &- y
        case .multiply: x &* y
        case .divide: x.dividedReportingOverflow(by: y).partialValue
        case .remainder: x.remainderReportingOverflow(dividingBy: y).partialValue
        case .bitAnd: x & y
        case .bitOr: x | y
        case .bitXor: x ^ y
        case .shiftLeft: x << (y & 63)
        case .shiftRight: x >> (y & 63)
        default: preconditionFailure("not arithmetic")
        }
    }

    private static func operatorName(_ node: ConditionNode) -> String {
        switch node.kind {
        case .member: "'.'"
        case .arrow: "'->'"
        case .index: "'[]'"
        case .dereference: "unary '*'"
        default: "unary '&'"
        }
    }

    /// How a source operand is written back in messages (`to.len`, `p->x`, `a[…]`).
    static func text(_ node: ConditionNode) -> String {
        switch node.kind {
        case .name(let n): n
        case .member(let e, let f): text(e) + "." + f
        case .arrow(let e, let f): text(e) + "->" + f
        case .index(let e, _): text(e) + "[…]"
        case .dereference(let e): "*" + text(e)
        case .addressOf(let e): "&" + text(e)
        default: wasmText(node) ?? "(…)"
        }
    }

    private func sourceTerm(_ node: ConditionNode) throws(CommandError) -> SourceTerm {
        switch node.kind {
        case .name(let name):
            if scope.hostArguments.contains(name) { throw conditionError(node.column, "\(name) is a host-call argument, not a source variable") }
            if let location = scope.location {
                guard scope.debugInfo?.hasVariable(name, at: location.offset) == true else {
                    throw conditionError(node.column, "no source variable \"\(name)\" in scope at \(location.description)")
                }
            } else if scope.debugInfo?.hasVariableAnywhere(name) != true {
                throw conditionError(node.column, "no source variable \"\(name)\" anywhere in the debug info")
            }
            return .name(name)
        case .member(let e, let f): return .member(try sourceTerm(e), f)
        case .arrow(let e, let f): return .arrow(try sourceTerm(e), f)
        case .dereference(let e): return .dereference(try sourceTerm(e))
        case .addressOf(let e): return .addressOf(try sourceTerm(e))
        case .index(let e, let i):
            let index = try integer(i)
            return .index(try sourceTerm(e), { (state) throws(DebugInfoError) in
                // The state is the condition frame the whole condition runs on.
                guard let frame = state as? ConditionFrame else { throw DebugInfoError("no frame") }
                do throws(ConditionFailure) { return try index(frame) } catch { throw DebugInfoError(error.message) }
            })
        default:
            throw conditionError(node.column, "only source variables have members, elements and addresses (\(Self.operatorName(node)) needs one)")
        }
    }

    /// A bare name: a host argument, a source variable in scope, a wasm local of the function, a global.
    private func resolve(_ name: String, column: Int) throws(CommandError) -> Compiled {
        if scope.hostArguments.contains(name) { return .argument(name) }
        if let info = scope.debugInfo {
            if let location = scope.location {
                if info.hasVariable(name, at: location.offset) {
                    do throws(DebugInfoError) {
                        return .source(try info.compile(.name(name), at: location.offset), name: name)
                    } catch {
                        throw conditionError(column, error.description)
                    }
                }
            } else if info.hasVariableAnywhere(name) {
                return Self.deferred
            }
        }
        if let i = scope.localIndex(named: name) { return try local(i, column: column) }
        if let i = scope.globalIndex(named: name) { return try global(i, column: column) }
        if scope.location == nil && scope.anyLocalNamed(name) { return Self.deferred }
        if let location = scope.location {
            throw conditionError(column, "no symbol \"\(name)\" in scope at \(location.description)")
        }
        let arguments = scope.hostArguments.isEmpty ? "" : "; the host call's arguments are \(scope.hostArguments.sorted().joined(separator: ", "))"
        throw conditionError(column, "no symbol \"\(name)\" (not a source variable, wasm local or global of the module\(arguments))")
    }

    private func local(_ i: Int, column: Int) throws(CommandError) -> Compiled {
        if let count = scope.localCount, let location = scope.location, i >= count {
            let name = scope.module.displayName(ofFunction: location.function)
            throw conditionError(column, "no local.\(i) in \(name) (it has \(count == 0 ? "none" : count == 1 ? "local.0" : "local.0...local.\(count - 1)"))")
        }
        return .integer { (f) throws(ConditionFailure) in
            guard let (slot, type) = f.machine.innermostLocalSlot(i) else { throw ConditionFailure("no local.\(i) in this frame") }
            switch type {
            case .i32: return Int64(Int32(truncatingIfNeeded: slot))
            case .i64: return Int64(bitPattern: slot)
            default: return Value(slot: slot, type: type).conditionInteger
            }
        }
    }

    private func global(_ i: Int, column: Int) throws(CommandError) -> Compiled {
        guard i < scope.globalCount else {
            let count = scope.globalCount
            throw conditionError(column, "no global.\(i) (the module has \(count == 0 ? "no globals" : count == 1 ? "global.0" : "global.0...global.\(count - 1)"))")
        }
        return .integer { (f) throws(ConditionFailure) in
            guard let value = f.machine.global(of: f.instance, index: i) else { throw ConditionFailure("no global.\(i)") }
            return value.conditionInteger
        }
    }
}
