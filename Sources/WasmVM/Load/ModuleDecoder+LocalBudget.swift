extension ModuleDecoder {
    /// Most locals a module may declare in all (an implementation limit; WasmParser allows
    /// 100,000 per function). Locals are the one place where a few bytes expand into
    /// large arrays (`n` copies of a type): without a total bound a 5 KB module could
    /// make WasmParser allocate gigabytes before anything is validated.
    static let maxTotalLocals = 4_000_000

    /// Sums the local declarations of the code section starting at `sectionOffset`
    /// before WasmParser expands them; stops quietly at anything malformed (WasmParser
    /// reports that).
    func checkLocalBudget() throws(LoadError) {
        let bytes = decodingBytes
        var reader = LEBReader(bytes: bytes, position: sectionOffset + 1)
        _ = reader.read()                              // section size
        let count = reader.read()
        var total = 0
        for _ in 0..<count {
            let bodyStart = reader.position
            let size = reader.read()
            let end = reader.position + size
            guard size > 0, end <= bytes.count else { return }
            let declarations = reader.read()
            for _ in 0..<declarations {
                guard reader.position < end else { return }
                total += reader.read()
                reader.position += 1                   // the type
                if total > Self.maxTotalLocals {
                    throw LoadError(.malformed, "too many locals (more than \(Self.maxTotalLocals) in the module)", offset: bodyStart)
                }
            }
            reader.position = end
        }
    }
}
