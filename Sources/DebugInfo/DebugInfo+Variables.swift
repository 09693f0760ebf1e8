/// Variables of the selected frame: locating them, listing them, `print` and `ptype`.
extension DebugInfo {
    /// The DWARF address of a module offset.
    func dwarfAddress(_ moduleOffset: Int) -> UInt64 { UInt64(max(0, moduleOffset - codeSectionStart)) }

    /// The frame base of the subprogram (DW_AT_frame_base, usually a wasm local holding the stack pointer).
    func frameBase(_ function: DIERef, pc: UInt64, _ state: WasmStateReader) -> UInt64? {
        guard let value = function.value(Attribute.frameBase),
              let expr = locationExpression(value, at: pc, function.unit) else { return nil }
        let evaluator = LocationEvaluator(bytes: bytes, addressSize: function.unit.addressSize, state: state, frameBase: nil)
        switch try? evaluator.evaluate(expr) {
        case .value(let b)?: return b.littleEndianValue
        case .memory(let a)?: return a
        default: return nil
        }
    }

    /// Where a variable or parameter DIE's value is at `pc`.
    func locate(_ variable: DIERef, pc: UInt64, frameBase: UInt64?, _ state: WasmStateReader) -> ValueLocation {
        if let value = variable.value(Attribute.location) {
            guard let expr = locationExpression(value, at: pc, variable.unit) else { return .optimizedOut }
            if expr.isEmpty { return .optimizedOut }
            let evaluator = LocationEvaluator(bytes: bytes, addressSize: variable.unit.addressSize, state: state, frameBase: frameBase)
            return (try? evaluator.evaluate(expr)) ?? .optimizedOut
        }
        switch variable.value(Attribute.constValue) ?? inherited(Attribute.constValue, of: variable)?.value {
        case .unsigned(let v)?: return .value(withUnsafeBytes(of: v.littleEndian, Array.init))
        case .signed(let v)?: return .value(withUnsafeBytes(of: v.littleEndian, Array.init))
        case .block(let r)?: return .value(Array(bytes[r]))
        case let s? where string(s, variable.unit) != nil: return .value(Array(string(s, variable.unit)!.utf8) + [0])
        default: return .optimizedOut
        }
    }

    /// The frame's function (the innermost inlined copy, else the subprogram) and its scopes, innermost first.
    private func frameScopes(at moduleOffset: Int) -> (subprogram: DIERef, frame: DIERef, scopes: [DIERef])? {
        guard let chain = scopeChain(at: moduleOffset) else { return nil }
        let frameIndex = chain.lastIndex { $0.tag == Tag.subprogram || $0.tag == Tag.inlinedSubroutine } ?? 0
        return (chain[0], chain[frameIndex], Array(chain[frameIndex...].reversed()))
    }

    /// Parameters first, then locals in scope at the offset (innermost blocks first), with formatted values.
    public func variables(at moduleOffset: Int, state: WasmStateReader) -> [VariableValue] {
        guard let frame = frameScopes(at: moduleOffset) else { return [] }
        let pc = dwarfAddress(moduleOffset)
        let base = frameBase(frame.subprogram, pc: pc, state)
        var result: [VariableValue] = []
        func add(_ die: DIERef, parameter: Bool) {
            guard let name = name(of: die) else { return }
            let t = type(typeOffset(of: die))
            let value = format(TypedValue(type: t, location: locate(die, pc: pc, frameBase: base, state)), state)
            result.append(VariableValue(name: name, typeName: typeName(t), value: value, isParameter: parameter))
        }
        for child in frame.frame.children where child.tag == Tag.formalParameter { add(child, parameter: true) }
        for scope in frame.scopes {
            for child in scope.children where child.tag == Tag.variable { add(child, parameter: false) }
        }
        return result
    }

    /// A name at the offset: innermost scope first, then the unit's globals, then every unit's.
    func lookup(_ name: String, at moduleOffset: Int, _ state: WasmStateReader) -> TypedValue? {
        guard let found = findVariable(name, at: moduleOffset) else { return nil }
        let pc = dwarfAddress(moduleOffset)
        let base = found.subprogram.flatMap { frameBase($0, pc: pc, state) }
        return TypedValue(type: type(typeOffset(of: found.die)), location: locate(found.die, pc: pc, frameBase: base, state))
    }

    /// The variable or parameter DIE a name means at the offset, with the subprogram whose
    /// frame base its location uses (nil for a global).
    func findVariable(_ name: String, at moduleOffset: Int) -> (die: DIERef, subprogram: DIERef?)? {
        if let frame = frameScopes(at: moduleOffset) {
            var scopes = frame.scopes
            // Outside the frame's own scopes: the enclosing function's, for variables of a caller inlined into.
            if let chain = scopeChain(at: moduleOffset) { scopes += chain.reversed().filter { c in !scopes.contains { $0.offset == c.offset } } }
            for scope in scopes {
                for child in scope.children where child.tag == Tag.variable || child.tag == Tag.formalParameter {
                    if self.name(of: child) == name { return (child, frame.subprogram) }
                }
            }
        }
        for unit in units {
            let t = tree(unit)
            for (i, die) in t.dies.enumerated() where die.tag == Tag.variable {
                let ref = DIERef(unit: unit, tree: t, index: i)
                // Globals: not inside a function.
                var p = ref.parent
                var local = false
                while let s = p { if s.tag == Tag.subprogram || s.tag == Tag.lexicalBlock { local = true; break }; p = s.parent }
                guard !local, ref.value(Attribute.location) != nil || ref.value(Attribute.constValue) != nil,
                      self.name(of: ref) == name || qualifiedName(of: ref) == name else { continue }
                return (ref, nil)
            }
        }
        return nil
    }

    /// A type by name for `ptype NAME` ("struct point", "wes_slice", "int").
    func namedType(_ text: String) -> DType? {
        var name = text
        var tags: Set<UInt16> = [Tag.typedef, Tag.baseType, Tag.structureType, Tag.unionType, Tag.enumerationType, Tag.classType]
        for (word, tag) in [("struct ", Tag.structureType), ("union ", Tag.unionType), ("enum ", Tag.enumerationType)] where name.hasPrefix(word) {
            name = String(name.dropFirst(word.count))
            tags = [tag]
        }
        for unit in units {
            let t = tree(unit)
            for (i, die) in t.dies.enumerated() where tags.contains(die.tag) {
                let ref = DIERef(unit: unit, tree: t, index: i)
                if ref.value(Attribute.declaration) == nil, string(ref.value(Attribute.name), unit) == name || qualifiedName(of: ref) == name {
                    return type(ref.offset)
                }
            }
        }
        return nil
    }

    /// The value text of `print EXPR`.
    public func evaluate(_ expression: String, at moduleOffset: Int, state: WasmStateReader) throws(DebugInfoError) -> String {
        let e = try SourceExpression.parse(expression)
        let v = try value(of: e, at: moduleOffset, state, depth: 0)
        if case .optimizedOut = v.location { return "<optimized out>" }
        // Memory that cannot be read is an error of the whole print, as in gdb.
        if let a = v.location.address, let n = size(of: v.type), n > 0, state.memory(a, min(n, 4096)) == nil {
            throw DebugInfoError("cannot access memory at address 0x\(String(a, radix: 16))")
        }
        return format(v, state)
    }

    /// The text of `ptype EXPR` (or `ptype TYPE`), gdb style: "type = struct point {\n    int x;\n    int y;\n}".
    public func typeDescription(of expression: String, at moduleOffset: Int, state: WasmStateReader) throws(DebugInfoError) -> String {
        let t: DType
        do throws(DebugInfoError) {
            t = try value(of: try SourceExpression.parse(expression), at: moduleOffset, state, depth: 0).type
        } catch {
            let text = expression.trimmingCharacters(in: .whitespaces)
            guard let named = namedType(text) else {
                for word in ["struct", "union", "enum"] where text.hasPrefix(word + " ") {
                    throw DebugInfoError("no \(word) type named \(text.dropFirst(word.count + 1))")
                }
                throw error
            }
            t = named
        }
        return "type = " + expanded(t)
    }

    // MARK: evaluation

    private static let long = DType(kind: .base, name: "long", size: 8, encoding: BaseEncoding.signed)

    func integer(_ v: TypedValue, _ state: WasmStateReader) throws(DebugInfoError) -> (value: Int64, isPointer: Bool) {
        let r = resolved(v.type)
        guard r.kind == .base || r.kind == .enumeration || r.isPointerLike, let size = r.size else {
            throw DebugInfoError("value is not an integer")
        }
        guard let b = v.location.read(size, state) else { throw readError(v) }
        let raw = b.littleEndianValue
        return (r.isSigned ? signExtend(raw, size) : Int64(bitPattern: raw), r.isPointerLike)
    }

    func readError(_ v: TypedValue) -> DebugInfoError {
        if let a = v.location.address { return DebugInfoError("cannot access memory at address 0x\(String(a, radix: 16))") }
        return DebugInfoError("value has been optimized out")
    }

    private func constant(_ n: Int64, _ t: DType = DebugInfo.long) -> TypedValue {
        TypedValue(type: t, location: .value(withUnsafeBytes(of: n.littleEndian, Array.init)))
    }

    func value(of e: SourceExpression, at moduleOffset: Int, _ state: WasmStateReader, depth: Int) throws(DebugInfoError) -> TypedValue {
        guard depth < 64 else { throw DebugInfoError("expression nested too deeply") }
        switch e {
        case .number(let n):
            return constant(Int64(bitPattern: n), n > UInt64(Int32.max) ? DebugInfo.long : DType(kind: .base, name: "int", size: 4, encoding: BaseEncoding.signed))
        case .name(let name):
            if name == "true" || name == "false" { return constant(name == "true" ? 1 : 0, DType(kind: .base, name: "bool", size: 1, encoding: BaseEncoding.boolean)) }
            guard let v = lookup(name, at: moduleOffset, state) else { throw DebugInfoError("no symbol \"\(name)\" in current context") }
            return v
        case .negate(let inner):
            let v = try value(of: inner, at: moduleOffset, state, depth: depth + 1)
            let (n, _) = try integer(v, state)
            return constant(0 &- n, resolved(v.type).kind == .base ? resolved(v.type) : DebugInfo.long)
        case .dereference(let inner):
            let v = try value(of: inner, at: moduleOffset, state, depth: depth + 1)
            let r = resolved(v.type)
            if r.kind == .array { return TypedValue(type: type(r.target), location: v.location) }
            guard r.isPointerLike else { throw DebugInfoError("attempt to take contents of a non-pointer value") }
            let (address, _) = try integer(v, state)
            let target = type(r.target)
            guard target.kind != .void else { throw DebugInfoError("attempt to take contents of a non-pointer value") }
            return TypedValue(type: target, location: .memory(UInt64(bitPattern: address) & 0xffff_ffff))
        case .addressOf(let inner):
            let v = try value(of: inner, at: moduleOffset, state, depth: depth + 1)
            guard let a = v.location.address else { throw DebugInfoError("attempt to take address of value not located in memory") }
            var pointer = DType(kind: .pointer, name: nil, size: 4, target: v.type.offset)
            pointer.isRust = v.type.isRust
            if v.type.offset == nil, resolved(v.type).kind == .array { pointer.target = resolved(v.type).target }
            return TypedValue(type: pointer, location: .value(withUnsafeBytes(of: a.littleEndian, Array.init)))
        case .member(let inner, let field):
            let v = try value(of: inner, at: moduleOffset, state, depth: depth + 1)
            return try component(v, field, state)
        case .arrow(let inner, let field):
            let v = try value(of: inner, at: moduleOffset, state, depth: depth + 1)
            let r = resolved(v.type)
            guard r.isPointerLike else { throw DebugInfoError("the -> operator needs a pointer to a structure, not \(typeName(v.type))") }
            let (address, _) = try integer(v, state)
            return try component(TypedValue(type: type(r.target), location: .memory(UInt64(bitPattern: address) & 0xffff_ffff)), field, state)
        case .index(let base, let indexExpression):
            let v = try value(of: base, at: moduleOffset, state, depth: depth + 1)
            let (i, _) = try integer(try value(of: indexExpression, at: moduleOffset, state, depth: depth + 1), state)
            return try element(v, i, state)
        case .add(let a, let b), .subtract(let a, let b):
            let va = try value(of: a, at: moduleOffset, state, depth: depth + 1)
            let vb = try value(of: b, at: moduleOffset, state, depth: depth + 1)
            let (x, xp) = try integer(va, state)
            let (y, yp) = try integer(vb, state)
            let sign: Int64 = { if case .add = e { return 1 } else { return -1 } }()
            if xp && !yp {
                let step = Int64(size(of: type(resolved(va.type).target)) ?? 1)
                return TypedValue(type: va.type, location: .value(withUnsafeBytes(of: (x &+ sign &* y &* step).littleEndian, Array.init)))
            }
            if xp && yp && sign < 0 {
                let step = Int64(max(1, size(of: type(resolved(va.type).target)) ?? 1))
                return constant((x &- y) / step)
            }
            guard !yp else { throw DebugInfoError("cannot add a pointer to a number") }
            return constant(x &+ sign &* y, (size(of: va.type) ?? 0) > 4 || (size(of: vb.type) ?? 0) > 4 ? DebugInfo.long : DType(kind: .base, name: "int", size: 4, encoding: BaseEncoding.signed))
        }
    }

    private func component(_ v: TypedValue, _ field: String, _ state: WasmStateReader) throws(DebugInfoError) -> TypedValue {
        let r = resolved(v.type)
        guard r.isAggregate else { throw DebugInfoError("attempt to extract a component of a value that is not a structure") }
        guard let (m, offset) = member(named: field, in: r) else { throw DebugInfoError("there is no member named \(field)") }
        let t = type(m.type)
        return TypedValue(type: t, location: v.part(offset, size(of: t) ?? 0, state))
    }

    /// A member by name and its byte offset in the (resolved) aggregate; anonymous structs and
    /// unions lend their members to the outer one.
    func member(named field: String, in r: DType) -> (DType.Member, Int)? {
        func search(_ t: DType, _ base: Int, depth: Int) -> (DType.Member, Int)? {
            guard depth < 8 else { return nil }
            for m in t.members {
                if m.name == field { return (m, base + m.offset) }
                if m.name == nil, let found = search(resolved(type(m.type)), base + m.offset, depth: depth + 1) { return found }
            }
            return nil
        }
        return search(r, 0, depth: 0)
    }

    private func element(_ v: TypedValue, _ i: Int64, _ state: WasmStateReader) throws(DebugInfoError) -> TypedValue {
        let r = resolved(v.type)
        switch r.kind {
        case .array:
            var element = type(r.target)
            if r.counts.count > 1 { element = DType(kind: .array, name: nil, size: nil, target: r.target, counts: Array(r.counts.dropFirst())) }
            let size = Int64(size(of: element) ?? 0)
            if let count = r.counts.first ?? nil, i < 0 || i >= Int64(count), v.location.address == nil {
                throw DebugInfoError("no such vector element")
            }
            if let a = v.location.address { return TypedValue(type: element, location: .memory(a &+ UInt64(bitPattern: i &* size))) }
            guard i >= 0 else { throw DebugInfoError("no such vector element") }
            return TypedValue(type: element, location: v.part(Int(i &* size), Int(size), state))
        case .pointer:
            let target = type(r.target)
            let (address, _) = try integer(v, state)
            let size = Int64(size(of: target) ?? 1)
            return TypedValue(type: target, location: .memory(UInt64(bitPattern: address &+ i &* size) & 0xffff_ffff))
        default:
            throw DebugInfoError("cannot subscript something of type `\(typeName(v.type))'")
        }
    }

    // MARK: ptype

    /// The type with its outermost typedefs removed and a structure, union or enum written out.
    func expanded(_ t: DType) -> String {
        var top = t
        for _ in 0..<32 where top.kind == .typedef { top = type(top.target) }
        // Pointers (and arrays) to a structure show the structure's body, as gdb's ptype does.
        var suffix = ""
        var inner = top
        for _ in 0..<8 {
            if inner.kind == .pointer {
                suffix = " *" + suffix.trimmingCharacters(in: .whitespaces)
                inner = type(inner.target)
                while inner.kind == .typedef { inner = type(inner.target) }
            } else { break }
        }
        let base = resolved(inner)
        guard base.isAggregate || base.kind == .enumeration else { return typeName(top) }
        let qualifier = inner.kind == .const ? "const " : inner.kind == .volatile ? "volatile " : ""
        return qualifier + body(base) + (suffix.isEmpty ? "" : suffix.replacingDoubleSpaces)
    }

    func body(_ t: DType, depth: Int = 0) -> String {
        guard depth < 8 else { return "{...}" }
        let head: String
        if t.isRust {
            head = (t.kind == .enumeration || t.variantPart != nil ? "enum " : t.kind == .union ? "union " : "struct ") + (t.name ?? "")
        } else {
            head = t.kind == .enumeration ? baseWord(t) : baseWord(t)
        }
        if t.kind == .enumeration {
            return head + " {" + t.enumerators.map(\.name).joined(separator: ", ") + "}"
        }
        var lines: [String] = []
        if t.isRust, let part = t.variantPart {
            for variant in part.variants {
                let vt = resolved(type(variant.member.type))
                let fields = vt.members.filter { $0.name?.hasPrefix("RUST$") != true }
                let name = variant.member.name ?? "?"
                if fields.isEmpty { lines.append("    \(name),") }
                else if fields.allSatisfy({ $0.name?.hasPrefix("__") == true }) {
                    lines.append("    \(name)(" + fields.map { typeName(type($0.type)) }.joined(separator: ", ") + "),")
                } else {
                    lines.append("    \(name){" + fields.map { ($0.name ?? "?") + ": " + typeName(type($0.type)) }.joined(separator: ", ") + "},")
                }
            }
            return head + " {\n" + lines.joined(separator: "\n") + "\n}"
        }
        for m in t.members {
            let mt = type(m.type)
            if t.isRust {
                lines.append("    \(m.name ?? "_"): \(typeName(mt)),")
            } else if m.name == nil, resolved(mt).isAggregate {
                lines.append(body(resolved(mt), depth: depth + 1).split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n") + ";")
            } else {
                lines.append("    " + declaration(mt, m.name ?? "", depth: 0) + (m.bitSize.map { " : \($0)" } ?? "") + ";")
            }
        }
        return head + " {\n" + lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n") + "}"
    }

    private func baseWord(_ t: DType) -> String {
        let word = t.kind == .union ? "union" : t.kind == .enumeration ? "enum" : t.kind == .classType ? "class" : "struct"
        return t.name.map { word + " " + $0 } ?? word
    }
}
