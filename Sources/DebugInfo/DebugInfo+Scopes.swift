/// Functions, inlined frames and lexical scopes at an offset.
extension DebugInfo {
    func functionRecords(_ tree: DIETree, _ unit: Unit) -> [FunctionRecord] {
        var result: [FunctionRecord] = []
        for (i, die) in tree.dies.enumerated() where die.tag == Tag.subprogram {
            let r = ranges(i, tree, unit).sorted { $0.lowerBound < $1.lowerBound }
            if !r.isEmpty { result.append(FunctionRecord(die: i, ranges: r)) }
        }
        return result
    }

    /// Units whose code ranges hold a DWARF address (units without ranges are searched too).
    private func units(containing address: UInt64) -> [Unit] {
        let hits = units.filter { $0.ranges.contains { $0.contains(address) } }
        return hits.isEmpty ? units.filter { $0.ranges.isEmpty } : hits
    }

    /// The scopes holding an offset: the innermost subprogram, then each lexical block and
    /// inlined subroutine inside it that holds the address, outermost first.
    func scopeChain(at moduleOffset: Int) -> [DIERef]? {
        guard moduleOffset >= codeSectionStart else { return nil }
        let address = UInt64(moduleOffset - codeSectionStart)
        var best: (DIERef, UInt64)?
        for unit in units(containing: address) {
            let t = tree(unit)
            let functions = withLock { unit.functions }
            for f in functions {
                for r in f.ranges where r.contains(address) {
                    let size = r.upperBound - r.lowerBound
                    if best == nil || size < best!.1 { best = (DIERef(unit: unit, tree: t, index: f.die), size) }
                }
            }
        }
        guard let function = best?.0 else { return nil }
        var chain = [function]
        var current = function
        descend: for _ in 0..<DIETree.maximumDepth {
            for child in current.children where child.tag == Tag.lexicalBlock || child.tag == Tag.inlinedSubroutine {
                if ranges(child.index, child.tree, child.unit).contains(where: { $0.contains(address) }) {
                    chain.append(child)
                    current = child
                    continue descend
                }
            }
            break
        }
        return chain
    }

    func innermostScopeOffset(at moduleOffset: Int) -> Int? {
        scopeChain(at: moduleOffset)?.last?.offset
    }

    func moduleRanges(_ die: DIERef) -> [Range<Int>] {
        ranges(die.index, die.tree, die.unit).sorted { $0.lowerBound < $1.lowerBound }.compactMap { r in
            guard r.upperBound <= UInt64(Int32.max) else { return nil }
            return codeSectionStart + Int(r.lowerBound)..<codeSectionStart + Int(r.upperBound)
        }
    }

    func functionInfo(_ die: DIERef) -> FunctionInfo {
        let linkage = linkageName(of: die)
        let name = self.name(of: die) ?? linkage ?? "??"
        let declLine = inherited(Attribute.declLine, of: die)
        let declFile = inherited(Attribute.declFile, of: die)
        return FunctionInfo(name: name, qualifiedName: qualifiedName(of: die) ?? name, linkageName: linkage,
                            ranges: moduleRanges(die),
                            declFile: declFile.flatMap { fileName($0.value, $0.owner.unit) },
                            declLine: declLine?.value.unsigned.map { Int(clamping: $0) })
    }

    /// The innermost subprogram whose ranges contain the offset.
    public func function(containing moduleOffset: Int) -> FunctionInfo? {
        scopeChain(at: moduleOffset).map { functionInfo($0[0]) }
    }

    /// Functions with code by name, qualified name or linkage name, in address order; a function
    /// inlined into others counts once per inlined copy (as gdb's `break FUNC` places them).
    public func functions(named name: String) -> [FunctionInfo] {
        var result: [FunctionInfo] = []
        func matches(_ die: DIERef) -> Bool {
            self.name(of: die) == name || linkageName(of: die) == name || qualifiedName(of: die) == name
        }
        for unit in units {
            let t = tree(unit)
            for f in withLock({ unit.functions }) {
                let die = DIERef(unit: unit, tree: t, index: f.die)
                if matches(die) { result.append(functionInfo(die)) }
            }
            for (i, d) in t.dies.enumerated() where d.tag == Tag.inlinedSubroutine {
                let die = DIERef(unit: unit, tree: t, index: i)
                if matches(die) {
                    let info = functionInfo(die)
                    if !info.ranges.isEmpty { result.append(info) }
                }
            }
        }
        return result.sorted { ($0.ranges.first?.lowerBound ?? 0) < ($1.ranges.first?.lowerBound ?? 0) }
    }

    /// Inlined frames at the offset, innermost first: the inlined function and its call site.
    public func inlinedFrames(at moduleOffset: Int) -> [InlinedFrame] {
        guard let chain = scopeChain(at: moduleOffset) else { return [] }
        return chain.reversed().filter { $0.tag == Tag.inlinedSubroutine }.map { die in
            InlinedFrame(name: name(of: die) ?? "??", callFile: fileName(die.value(Attribute.callFile), die.unit),
                         callLine: die.value(Attribute.callLine)?.unsigned.map { Int(clamping: $0) },
                         ranges: moduleRanges(die))
        }
    }
}
