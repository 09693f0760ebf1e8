extension Module {
    /// How many globals the module imports (they come first in the global index space).
    public var importedGlobalCount: Int { imports.count { if case .global = $0.descriptor { true } else { false } } }

    /// The type of global `index` (imports first), nil past the end.
    public func globalType(_ index: Int) -> GlobalType? {
        guard index >= 0 else { return nil }
        var k = 0
        for imp in imports {
            if case .global(let type) = imp.descriptor {
                if k == index { return type }
                k += 1
            }
        }
        let defined = index - k
        return defined < globals.count ? globals[defined].type : nil
    }

    /// The name section's name of a global, else an export name, else nil.
    public func displayName(ofGlobal index: Int) -> String? {
        if let n = globalNames[UInt32(index)] { return Self.printable(n) }
        if let e = exports.first(where: { $0.kind == .global && $0.index == UInt32(index) }) { return Self.printable(e.name) }
        return nil
    }
}
