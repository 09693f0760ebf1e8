extension Module {
    /// Names come from the module (exports, imports, the name section) and may hold any
    /// character: control characters would reach the user's terminal as escape sequences
    /// and newlines would split one-line output, so they are shown as `\u{1b}`.
    public static func printable(_ name: String) -> String {
        guard name.unicodeScalars.contains(where: isControl) else { return name }
        var text = ""
        for scalar in name.unicodeScalars {
            if isControl(scalar) { text += "\\u{\(String(scalar.value, radix: 16))}" } else { text.unicodeScalars.append(scalar) }
        }
        return text
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7f ... 0x9f).contains(scalar.value)
    }
}

extension Module {
    /// The same module showing raw (`demangled: false`) or demangled names; everything
    /// else is shared, so a debugger can switch with `set print demangle`.
    public func withNames(demangled: Bool) -> Module {
        guard demangled != demanglesNames else { return self }
        return Module(types: types, imports: imports, functionTypeIndices: functionTypeIndices, functions: functions,
                      tables: tables, memories: memories, globals: globals, exports: exports, start: start,
                      elements: elements, data: data, customSections: customSections, functionNames: functionNames,
                      localNames: localNames, bytes: bytes, demanglesNames: demangled)
    }

    /// The functions a user's name means, best match first: the name section's raw name
    /// (`_ZN5vault12parse_amount17h…E`), else the demangled name (`vault::parse_amount`),
    /// else a `::`-suffix of it (`parse_amount`), else an export name. Several results
    /// mean the name is ambiguous (Rust instantiations can share a demangled name).
    public func functions(named text: String) -> [Int] {
        guard !text.isEmpty else { return [] }
        let named = functionNames.sorted { $0.key < $1.key }
        let raw = named.filter { $0.value.utf8.elementsEqual(text.utf8) }
        if !raw.isEmpty { return raw.map { Int($0.key) } }
        let demangled = named.map { (index: Int($0.key), name: Demangle.name($0.value)) }
        let exact = demangled.filter { $0.name == text }
        if !exact.isEmpty { return exact.map(\.index) }
        let suffix = "::" + text
        let partial = demangled.filter { $0.name.hasSuffix(suffix) }
        if !partial.isEmpty { return partial.map(\.index) }
        if let e = export(named: text), e.kind == .function { return [Int(e.index)] }
        return []
    }
}
