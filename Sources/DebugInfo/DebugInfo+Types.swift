/// Building `DType`s from DIEs, and naming them as gdb does.
extension DebugInfo {
    /// Any DIE by `.debug_info` offset.
    func dieRef(atOffset offset: Int) -> DIERef? {
        guard let unit = unit(containingOffset: offset) else { return nil }
        let t = tree(unit)
        return t.index(ofOffset: offset).map { DIERef(unit: unit, tree: t, index: $0) }
    }

    func typeOffset(of die: DIERef) -> Int? {
        if case .reference(let target)? = die.value(Attribute.type), target <= UInt64(Int32.max) { return Int(target) }
        // Concrete instances carry their type on the abstract origin.
        if let (value, _) = inherited(Attribute.type, of: die), case .reference(let target) = value, target <= UInt64(Int32.max) {
            return Int(target)
        }
        return nil
    }

    /// The type at a DIE offset (nil offset: void).
    func type(_ offset: Int?) -> DType {
        guard let offset else { return .void }
        if let cached = withLock({ typeCache[offset] }) { return cached }
        let t = buildType(offset)
        withLock { typeCache[offset] = t }
        return t
    }

    private func buildType(_ offset: Int) -> DType {
        guard let die = dieRef(atOffset: offset) else { return DType(kind: .unspecified, name: "<unknown type>", size: nil) }
        let name = string(die.value(Attribute.name), die.unit)
        let size = die.value(Attribute.byteSize)?.unsigned.map { Int(clamping: $0) }
        var t = DType(kind: .unspecified, name: name, size: size, offset: offset)
        t.isRust = die.unit.language == 0x1c
        t.target = typeOffset(of: die)
        switch die.tag {
        case Tag.baseType:
            t.kind = .base
            t.encoding = die.value(Attribute.encoding)?.unsigned ?? 0
        case Tag.pointerType: t.kind = .pointer; t.size = size ?? die.unit.addressSize
        case Tag.referenceType, Tag.rvalueReferenceType: t.kind = .reference; t.size = size ?? die.unit.addressSize
        case Tag.constType: t.kind = .const
        case Tag.volatileType: t.kind = .volatile
        case Tag.restrictType: t.kind = .restrict
        case Tag.atomicType: t.kind = .atomic
        case Tag.typedef: t.kind = .typedef
        case Tag.unspecifiedType: t.kind = .unspecified
        case Tag.arrayType:
            t.kind = .array
            for child in die.children where child.tag == Tag.subrangeType {
                if let count = child.value(Attribute.count)?.unsigned {
                    t.counts.append(Int(clamping: count))
                } else if let upper = child.value(Attribute.upperBound) {
                    let lower = Int64(bitPattern: child.value(Attribute.lowerBound)?.unsigned ?? 0)
                    if case .signed(let v) = upper { t.counts.append(v >= lower ? Int(clamping: max(0, v &- lower &+ 1)) : 0) }
                    else if let v = upper.unsigned, v != UInt64.max, v != 0xffff_ffff { t.counts.append(Int(clamping: max(0, Int64(bitPattern: v) &- lower &+ 1))) }
                    else { t.counts.append(nil) }
                } else {
                    t.counts.append(nil)
                }
            }
            if t.counts.isEmpty { t.counts = [nil] }
        case Tag.structureType, Tag.unionType, Tag.classType:
            t.kind = die.tag == Tag.structureType ? .structure : die.tag == Tag.unionType ? .union : .classType
            for child in die.children {
                if child.tag == Tag.member, child.value(Attribute.declaration) == nil, child.value(Attribute.external) == nil {
                    t.members.append(member(child))
                } else if child.tag == Tag.variantPart {
                    t.variantPart = variantPart(child)
                }
            }
        case Tag.enumerationType:
            t.kind = .enumeration
            for child in die.children where child.tag == Tag.enumerator {
                var value: Int64 = 0
                switch child.value(Attribute.constValue) {
                case .signed(let v)?: value = v
                case .unsigned(let v)?: value = Int64(bitPattern: v)
                default: break
                }
                t.enumerators.append((string(child.value(Attribute.name), child.unit) ?? "?", value))
            }
        case Tag.subroutineType:
            t.kind = .subroutine
            for child in die.children {
                if child.tag == Tag.formalParameter { t.parameters.append(typeOffset(of: child)) }
                if child.tag == Tag.unspecifiedParameters { t.variadic = true }
            }
        default:
            t.kind = .unspecified
        }
        return t
    }

    private func member(_ die: DIERef) -> DType.Member {
        var offset = 0
        switch die.value(Attribute.dataMemberLocation) {
        case .some(.block(let range)):
            // The usual expression: DW_OP_plus_uconst N.
            var c = ByteCursor(bytes, range, section: ".debug_info")
            if (try? c.u8()) == 0x23, let v = try? c.uleb() { offset = Int(clamping: v) }
        case .some(let v): offset = Int(clamping: v.unsigned ?? 0)
        case .none: break
        }
        var m = DType.Member(name: string(die.value(Attribute.name), die.unit), type: typeOffset(of: die), offset: offset)
        if let bits = die.value(Attribute.bitSize)?.unsigned {
            m.bitSize = Int(clamping: bits)
            m.bitOffset = Int(clamping: die.value(Attribute.dataBitOffset)?.unsigned ?? UInt64(offset * 8))
            m.offset = 0
        }
        return m
    }

    private func variantPart(_ die: DIERef) -> DType.VariantPart {
        var part = DType.VariantPart(discriminant: nil, variants: [])
        if let discr = referenced(Attribute.discr, of: die) { part.discriminant = member(discr) }
        for child in die.children where child.tag == Tag.variant {
            let value = child.value(Attribute.discrValue)?.unsigned
            if let m = child.children.first(where: { $0.tag == Tag.member }) { part.variants.append((value, member(m))) }
        }
        return part
    }

    /// Typedefs and qualifiers removed.
    func resolved(_ t: DType) -> DType {
        var current = t
        for _ in 0..<32 where current.isQualifierOrTypedef { current = type(current.target) }
        return current
    }

    func size(of t: DType, depth: Int = 0) -> Int? {
        let r = resolved(t)
        switch r.kind {
        case .array:
            guard depth < 16, let element = size(of: type(r.target), depth: depth + 1) else { return nil }
            var n = element
            for c in r.counts { guard let c else { return r.size }; n = n.multipliedReportingOverflow(by: c).partialValue }
            let total = r.size ?? n
            return total >= 0 && total <= Int(UInt32.max) ? total : nil
        case .void: return 1
        default: return r.size.flatMap { $0 <= Int(UInt32.max) ? $0 : nil }
        }
    }

    // MARK: names

    /// The type's name as gdb writes it: "const char *", "char [42]", "struct point", "int (*)(int)".
    func typeName(_ t: DType, depth: Int = 0) -> String {
        declaration(t, "", depth: depth).trimmingTrailingSpace
    }

    /// A declarator: the type written around `inner` (a name, or "" for the bare type).
    func declaration(_ t: DType, _ inner: String, depth: Int) -> String {
        guard depth < 24 else { return "..." + inner }
        func join(_ base: String, _ inner: String) -> String {
            if inner.isEmpty { return base }
            return base.hasSuffix("*") || base.hasSuffix("&") ? base + inner : base + " " + inner
        }
        switch t.kind {
        case .pointer, .reference:
            let star = t.kind == .pointer ? "*" : "&"
            let target = type(t.target)
            let wrapsSuffix = target.kind == .array || target.kind == .subroutine
            if t.isRust, let name = t.name { return join(name, inner) }
            return declaration(target, wrapsSuffix ? "(" + star + inner + ")" : star + inner, depth: depth + 1)
        case .const, .volatile, .restrict, .atomic:
            let word = t.kind == .const ? "const" : t.kind == .volatile ? "volatile" : t.kind == .restrict ? "restrict" : "_Atomic"
            let target = type(t.target)
            if target.kind == .pointer || target.kind == .reference {
                return declaration(target, inner.isEmpty ? " " + word : " " + word + " " + inner, depth: depth + 1)
                    .replacingDoubleSpaces
            }
            return word + " " + declaration(target, inner, depth: depth + 1)
        case .array where t.isRust || type(t.target).isRust:
            // Rust writes [T; N] (nested for more dimensions).
            var name = typeName(type(t.target), depth: depth + 1)
            for c in t.counts.reversed() { name = "[" + name + "; " + (c.map(String.init) ?? "?") + "]" }
            return inner.isEmpty ? name : name + " " + inner
        case .array:
            let dims = t.counts.map { $0.map { "[\($0)]" } ?? "[]" }.joined()
            let element = type(t.target)
            return declaration(element, inner.isEmpty ? " " + dims : inner + dims, depth: depth + 1)
                .replacingDoubleSpaces
        case .subroutine:
            var params = t.parameters.map { typeName(type($0), depth: depth + 1) }
            if t.variadic { params.append("...") }
            if params.isEmpty && !t.variadic { params = [t.isRust ? "" : "void"] }
            return declaration(type(t.target), inner + "(" + params.joined(separator: ", ") + ")", depth: depth + 1)
        default:
            return join(baseName(t), inner)
        }
    }

    private func baseName(_ t: DType) -> String {
        switch t.kind {
        case .structure, .union, .classType, .enumeration:
            if t.isRust { return t.name ?? "{...}" }
            let word = t.kind == .union ? "union" : t.kind == .enumeration ? "enum" : t.kind == .classType ? "class" : "struct"
            return t.name.map { word + " " + $0 } ?? word + " {...}"
        case .void: return "void"
        default: return t.name ?? "?"
        }
    }
}

extension String {
    var trimmingTrailingSpace: String {
        var s = self
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }
    var replacingDoubleSpaces: String {
        var s = self
        while let r = s.range(of: "  ") { s.replaceSubrange(r, with: " ") }
        return s
    }
}
