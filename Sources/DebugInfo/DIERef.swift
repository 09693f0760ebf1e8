/// A DIE within its parsed unit.
struct DIERef {
    let unit: Unit
    let tree: DIETree
    let index: Int

    var tag: UInt16 { tree.dies[index].tag }
    var offset: Int { tree.dies[index].offset }
    func value(_ attribute: UInt16) -> FormValue? { tree.value(index, attribute, unit) }
    func has(_ attribute: UInt16) -> Bool { value(attribute) != nil }
    var children: [DIERef] { tree.children(of: index).map { DIERef(unit: unit, tree: tree, index: $0) } }
    var parent: DIERef? {
        let p = Int(tree.dies[index].parent)
        return p >= 0 ? DIERef(unit: unit, tree: tree, index: p) : nil
    }
}

/// Following references between DIEs: types, abstract origins, specifications.
extension DebugInfo {
    /// The DIE a reference attribute names (in this unit or, for DW_FORM_ref_addr, another).
    func referenced(_ attribute: UInt16, of die: DIERef) -> DIERef? {
        guard case .reference(let target)? = die.value(attribute), target <= UInt64(Int32.max) else { return nil }
        return self.die(atOffset: Int(target), near: die)
    }

    func die(atOffset offset: Int, near: DIERef) -> DIERef? {
        if offset >= near.unit.offset && offset < near.unit.end {
            return near.tree.index(ofOffset: offset).map { DIERef(unit: near.unit, tree: near.tree, index: $0) }
        }
        guard let other = unit(containingOffset: offset) else { return nil }
        let t = tree(other)
        return t.index(ofOffset: offset).map { DIERef(unit: other, tree: t, index: $0) }
    }

    /// An attribute of the DIE or of the DIEs it completes (abstract origin, specification).
    func inherited(_ attribute: UInt16, of die: DIERef) -> (value: FormValue, owner: DIERef)? {
        var current = die
        for _ in 0..<8 {
            if let v = current.value(attribute) { return (v, current) }
            guard let next = referenced(Attribute.abstractOrigin, of: current) ?? referenced(Attribute.specification, of: current)
            else { return nil }
            current = next
        }
        return nil
    }

    func name(of die: DIERef) -> String? {
        inherited(Attribute.name, of: die).flatMap { string($0.value, $0.owner.unit) }
    }

    func linkageName(of die: DIERef) -> String? {
        (inherited(Attribute.linkageName, of: die) ?? inherited(Attribute.mipsLinkageName, of: die))
            .flatMap { string($0.value, $0.owner.unit) }
    }

    /// The name with its enclosing namespaces and types, from the declaring DIE's parents.
    func qualifiedName(of die: DIERef) -> String? {
        guard let found = inherited(Attribute.name, of: die), let base = string(found.value, found.owner.unit) else { return nil }
        var parts = [base]
        var scope = found.owner.parent
        var depth = 0
        while let s = scope, depth < 64 {
            switch s.tag {
            case Tag.namespace, Tag.structureType, Tag.classType, Tag.unionType, Tag.enumerationType:
                parts.append(name(of: s) ?? (s.tag == Tag.namespace ? "(anonymous namespace)" : "(anonymous)"))
            case Tag.subprogram:
                parts.append(name(of: s) ?? "??")
            default: break
            }
            scope = s.parent
            depth += 1
        }
        return parts.reversed().joined(separator: "::")
    }

    /// The unit's file `number` (DW_AT_decl_file, DW_AT_call_file).
    func fileName(_ value: FormValue?, _ unit: Unit) -> String? {
        guard let n = value?.unsigned, n < UInt64(unit.fileNames.count) else { return nil }
        return unit.fileNames[Int(n)]
    }
}
