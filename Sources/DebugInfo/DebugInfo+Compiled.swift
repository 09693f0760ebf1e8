/// Source expressions compiled once at one code location, for breakpoint conditions that are
/// evaluated at every hit: names are looked up, location lists chosen for the pc, types and
/// members resolved when compiled; an evaluation only runs the location expressions and reads.
public indirect enum SourceTerm {
    case name(String)
    case member(SourceTerm, String)
    case arrow(SourceTerm, String)
    /// `a[i]`: the index is computed by the caller's own compiled code.
    case index(SourceTerm, SourceIndex)
    case dereference(SourceTerm)
    case addressOf(SourceTerm)
}

public typealias SourceIndex = (WasmStateReader) throws(DebugInfoError) -> Int64

/// A compiled source value: its static type and how to find it in a frame.
public struct CompiledSourceValue {
    let type: DType
    let locate: (WasmStateReader) throws(DebugInfoError) -> ValueLocation
    /// gdb's spelling of the type (`uint64_t`, `struct wes_slice`, `char [42]`).
    public let typeName: String
}

/// What a compiled value can be used as in a condition.
public enum SourceValueUse: Equatable, Sendable {
    /// An integer, a character, a bool, an enum or a pointer: read as a 64-bit integer.
    case integer
    /// `float`, `double`: conditions compute with integers only.
    case floatingPoint
    /// Anything else (a structure, an array, a union, a function).
    case other
}

/// A stand-in state for values that need none (constants).
private struct NoState: WasmStateReader {
    func local(_ index: Int) -> UInt64? { nil }
    func global(_ index: Int) -> UInt64? { nil }
    func operand(_ indexFromBottom: Int) -> UInt64? { nil }
    func memory(_ address: UInt64, _ count: Int) -> [UInt8]? { nil }
}

extension DebugInfo {
    /// Whether a variable or parameter of this name is in scope at the offset (or a global is).
    public func hasVariable(_ name: String, at moduleOffset: Int) -> Bool { findVariable(name, at: moduleOffset) != nil }

    /// Whether any variable or parameter anywhere has this name (for conditions whose location is not known).
    public func hasVariableAnywhere(_ name: String) -> Bool {
        for unit in units {
            let t = tree(unit)
            for (i, die) in t.dies.enumerated() where die.tag == Tag.variable || die.tag == Tag.formalParameter {
                let ref = DIERef(unit: unit, tree: t, index: i)
                if self.name(of: ref) == name || qualifiedName(of: ref) == name { return true }
            }
        }
        return false
    }

    /// Compiles a term at a module offset; errors are gdb's words for `print` of the same expression.
    public func compile(_ term: SourceTerm, at moduleOffset: Int) throws(DebugInfoError) -> CompiledSourceValue {
        try compile(term, at: moduleOffset, depth: 0)
    }

    private func compiled(_ t: DType, _ locate: @escaping (WasmStateReader) throws(DebugInfoError) -> ValueLocation) -> CompiledSourceValue {
        CompiledSourceValue(type: t, locate: locate, typeName: typeName(t))
    }

    private func compile(_ term: SourceTerm, at moduleOffset: Int, depth: Int) throws(DebugInfoError) -> CompiledSourceValue {
        guard depth < 64 else { throw DebugInfoError("expression nested too deeply") }
        switch term {
        case .name(let name):
            guard let found = findVariable(name, at: moduleOffset) else { throw DebugInfoError("no symbol \"\(name)\" in current context") }
            return compiledVariable(found.die, subprogram: found.subprogram, pc: dwarfAddress(moduleOffset))
        case .member(let inner, let field):
            let v = try compile(inner, at: moduleOffset, depth: depth + 1)
            let r = resolved(v.type)
            guard r.isAggregate else { throw DebugInfoError("attempt to extract a component of a value that is not a structure") }
            let (t, offset, size) = try memberPart(field, of: r)
            let base = v
            return compiled(t) { (s) throws(DebugInfoError) in TypedValue(type: base.type, location: try base.locate(s)).part(offset, size, s) }
        case .arrow(let inner, let field):
            let v = try compile(inner, at: moduleOffset, depth: depth + 1)
            let r = resolved(v.type)
            guard r.isPointerLike else { throw DebugInfoError("the -> operator needs a pointer to a structure, not \(typeName(v.type))") }
            let target = resolved(type(r.target))
            guard target.isAggregate else { throw DebugInfoError("attempt to extract a component of a value that is not a structure") }
            let (t, offset, _) = try memberPart(field, of: target)
            let address = try integerReader(v)
            return compiled(t) { (s) throws(DebugInfoError) in
                .memory((UInt64(bitPattern: try address(s)) & 0xffff_ffff) &+ UInt64(offset))
            }
        case .dereference(let inner):
            let v = try compile(inner, at: moduleOffset, depth: depth + 1)
            let r = resolved(v.type)
            if r.kind == .array { return compiled(type(r.target), v.locate) }
            guard r.isPointerLike else { throw DebugInfoError("attempt to take contents of a non-pointer value") }
            let target = type(r.target)
            guard target.kind != .void else { throw DebugInfoError("attempt to take contents of a non-pointer value") }
            let address = try integerReader(v)
            return compiled(target) { (s) throws(DebugInfoError) in .memory(UInt64(bitPattern: try address(s)) & 0xffff_ffff) }
        case .addressOf(let inner):
            let v = try compile(inner, at: moduleOffset, depth: depth + 1)
            var pointer = DType(kind: .pointer, name: nil, size: 4, target: v.type.offset)
            pointer.isRust = v.type.isRust
            if v.type.offset == nil, resolved(v.type).kind == .array { pointer.target = resolved(v.type).target }
            return compiled(pointer) { (s) throws(DebugInfoError) in
                guard let a = try v.locate(s).address else { throw DebugInfoError("attempt to take address of value not located in memory") }
                return .value(withUnsafeBytes(of: a.littleEndian, Array.init))
            }
        case .index(let inner, let index):
            let v = try compile(inner, at: moduleOffset, depth: depth + 1)
            let r = resolved(v.type)
            switch r.kind {
            case .array:
                var element = type(r.target)
                if r.counts.count > 1 { element = DType(kind: .array, name: nil, size: nil, target: r.target, counts: Array(r.counts.dropFirst())) }
                let size = Int64(size(of: element) ?? 0)
                let count = r.counts.first ?? nil
                return compiled(element) { (s) throws(DebugInfoError) in
                    let i = try index(s)
                    let location = try v.locate(s)
                    // In memory, C's rules: no bounds check. Elsewhere (a local, pieces) only what is there.
                    if let a = location.address { return .memory(a &+ UInt64(bitPattern: i &* size)) }
                    guard i >= 0, count.map({ i < Int64($0) }) ?? true, i <= Int64(UInt32.max) / max(size, 1) else {
                        throw DebugInfoError("no such vector element")
                    }
                    return TypedValue(type: v.type, location: location).part(Int(i &* size), Int(size), s)
                }
            case .pointer:
                let target = type(r.target)
                let size = Int64(size(of: target) ?? 1)
                let address = try integerReader(v)
                return compiled(target) { (s) throws(DebugInfoError) in
                    let base = try address(s)
                    return .memory(UInt64(bitPattern: base &+ (try index(s)) &* size) & 0xffff_ffff)
                }
            default:
                throw DebugInfoError("cannot subscript something of type `\(typeName(v.type))'")
            }
        }
    }

    private func memberPart(_ field: String, of r: DType) throws(DebugInfoError) -> (DType, Int, Int) {
        guard let (m, offset) = member(named: field, in: r) else { throw DebugInfoError("there is no member named \(field)") }
        guard m.bitSize == nil else { throw DebugInfoError("\(field) is a bit-field: conditions cannot read bit-fields") }
        let t = type(m.type)
        return (t, offset, size(of: t) ?? 0)
    }

    /// A variable at a fixed pc: its location list entry and its function's frame base chosen once.
    private func compiledVariable(_ die: DIERef, subprogram: DIERef?, pc: UInt64) -> CompiledSourceValue {
        let t = type(typeOffset(of: die))
        guard let value = die.value(Attribute.location) else {
            // A constant (DW_AT_const_value): the same at every hit.
            let constant = locate(die, pc: pc, frameBase: nil, NoState())
            return compiled(t) { _ in constant }
        }
        guard let expression = locationExpression(value, at: pc, die.unit), !expression.isEmpty else {
            return compiled(t) { _ in .optimizedOut }
        }
        let bytes = self.bytes
        let addressSize = die.unit.addressSize
        // -O0's usual form, read without the evaluator: `DW_OP_fbreg N` over a frame base in a
        // wasm local or global (`DW_OP_WASM_location 0|1|3 I, DW_OP_stack_value`).
        if let offset = frameOffset(expression), let subprogram, let base = subprogram.value(Attribute.frameBase),
           let baseExpression = locationExpression(base, at: pc, subprogram.unit), let (kind, index) = wasmLocation(baseExpression) {
            let delta = UInt64(bitPattern: offset)
            if kind == 0 {
                return compiled(t) { state in state.local(index).map { .memory($0 &+ delta) } ?? .optimizedOut }
            }
            return compiled(t) { state in state.global(index).map { .memory($0 &+ delta) } ?? .optimizedOut }
        }
        let frameBase: (expression: Range<Int>, addressSize: Int)? = {
            guard let subprogram, let base = subprogram.value(Attribute.frameBase),
                  let e = locationExpression(base, at: pc, subprogram.unit) else { return nil }
            return (e, subprogram.unit.addressSize)
        }()
        return compiled(t) { state in
            var base: UInt64?
            if let frameBase {
                switch try? LocationEvaluator(bytes: bytes, addressSize: frameBase.addressSize, state: state, frameBase: nil).evaluate(frameBase.expression) {
                case .value(let b)?: base = b.littleEndianValue
                case .memory(let a)?: base = a
                default: base = nil
                }
            }
            return (try? LocationEvaluator(bytes: bytes, addressSize: addressSize, state: state, frameBase: base).evaluate(expression)) ?? .optimizedOut
        }
    }

    /// `DW_OP_WASM_location K I, DW_OP_stack_value` with K a local (0) or global (1, 3): (K, I).
    private func wasmLocation(_ range: Range<Int>) -> (kind: UInt8, index: Int)? {
        var c = ByteCursor(bytes, range, section: "location")
        guard (try? c.u8()) == 0xed, let kind = try? c.u8(), kind == 0 || kind == 1 || kind == 3 else { return nil }
        let index: UInt64? = kind == 3 ? (try? c.u32()).map(UInt64.init) : (try? c.uleb())
        guard let index, index <= UInt64(Int32.max), (try? c.u8()) == 0x9f, c.isAtEnd else { return nil }
        return (kind == 0 ? 0 : 1, Int(index))
    }

    /// `DW_OP_fbreg N` alone: N.
    private func frameOffset(_ range: Range<Int>) -> Int64? {
        var c = ByteCursor(bytes, range, section: "location")
        guard (try? c.u8()) == 0x91, let offset = try? c.sleb(), c.isAtEnd else { return nil }
        return offset
    }

    /// How a compiled value can be used in a condition.
    public func use(of v: CompiledSourceValue) -> SourceValueUse {
        let r = resolved(v.type)
        if r.kind == .base && r.encoding == BaseEncoding.float { return .floatingPoint }
        if r.kind == .base || r.kind == .enumeration || r.isPointerLike { return .integer }
        return .other
    }

    /// Reads the value as a 64-bit integer (signed types sign-extended); throws when compiled if it is not one.
    public func integerReader(_ v: CompiledSourceValue) throws(DebugInfoError) -> SourceIndex {
        let r = resolved(v.type)
        guard use(of: v) == .integer, let size = r.size, size > 0 else {
            throw DebugInfoError("\(typeName(v.type)) is not an integer")
        }
        guard size <= 8 else { throw DebugInfoError("\(typeName(v.type)) is \(size) bytes: conditions compute with 64-bit integers") }
        let signed = r.isSigned
        return { (s) throws(DebugInfoError) in
            let location = try v.locate(s)
            let raw: UInt64
            if case .memory(let a) = location {
                guard let value = s.load(a, size) else { throw DebugInfoError("cannot access memory at address 0x\(String(a, radix: 16))") }
                raw = value
            } else {
                guard let b = location.read(size, s) else { throw DebugInfoError("value has been optimized out") }
                raw = b.littleEndianValue
            }
            guard signed, size < 8 else { return Int64(bitPattern: raw) }
            let shift = UInt64(64 - size * 8)
            return Int64(bitPattern: raw << shift) >> Int64(shift)
        }
    }

    /// Compares the text a value holds with `literal`: a `char *` (NUL-terminated), a `char [N]`
    /// (up to its NUL or its end), or a Rust `&str`/`&[u8]` (`data_ptr`, `length`).
    public func textMatcher(_ v: CompiledSourceValue, _ literal: [UInt8]) throws(DebugInfoError) -> (WasmStateReader) throws(DebugInfoError) -> Bool {
        let r = resolved(v.type)
        let n = literal.count
        func unreadable(_ a: UInt64) -> DebugInfoError { DebugInfoError("cannot access memory at address 0x\(String(a, radix: 16))") }
        if r.isPointerLike, resolved(type(r.target)).isCharacter {
            let address = try integerReader(v)
            return { (s) throws(DebugInfoError) in
                let a = UInt64(bitPattern: try address(s)) & 0xffff_ffff
                guard let b = s.memory(a, n + 1) else { throw unreadable(a) }
                return b[n] == 0 && b.prefix(n).elementsEqual(literal)
            }
        }
        if r.kind == .array, r.counts.count == 1, resolved(type(r.target)).isCharacter {
            let count = r.counts[0]
            let want = count.map { min($0, n + 1) } ?? n + 1
            return { (s) throws(DebugInfoError) in
                let location = try v.locate(s)
                guard let b = location.read(want, s) else {
                    if let a = location.address { throw unreadable(a) }
                    throw DebugInfoError("value has been optimized out")
                }
                guard b.count >= n, b.prefix(n).elementsEqual(literal) else { return false }
                return b.count == n || b[n] == 0
            }
        }
        if r.isAggregate, let (pointer, pointerOffset) = member(named: "data_ptr", in: r), let (length, lengthOffset) = member(named: "length", in: r),
           resolved(type(pointer.type)).isPointerLike, let lengthSize = size(of: type(length.type)), (1...8).contains(lengthSize) {
            let pointerSize = size(of: type(pointer.type)) ?? 4
            return { (s) throws(DebugInfoError) in
                let whole = TypedValue(type: v.type, location: try v.locate(s))
                guard let p = whole.part(pointerOffset, pointerSize, s).read(pointerSize, s),
                      let l = whole.part(lengthOffset, lengthSize, s).read(lengthSize, s) else {
                    throw DebugInfoError("value has been optimized out")
                }
                guard l.littleEndianValue == UInt64(n) else { return false }
                let a = p.littleEndianValue & 0xffff_ffff
                guard let b = s.memory(a, n) else { throw unreadable(a) }
                return b.elementsEqual(literal)
            }
        }
        throw DebugInfoError("\(typeName(v.type)) is not text (char *, a char array, &str or &[u8])")
    }
}
