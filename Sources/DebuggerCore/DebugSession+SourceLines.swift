import DebugInfo
import WasmVM

/// Mapping between instructions and source lines (DWARF line tables).
extension DebugSession {
    /// The row covering an instruction, ignoring compiler-generated line 0.
    func sourceRow(at location: CodeLocation) -> LineRow? {
        guard let row = sources.info?.line(at: location.offset), row.line > 0 else { return nil }
        return row
    }

    /// `token.c:60`
    func sourcePosition(_ row: LineRow) -> String { "\(SourceContext.displayPath(row.file)):\(row.line)" }

    /// True when the function has line rows (line stepping applies to it).
    func hasLineInfo(function: Int) -> Bool { !sources.rows(function: function, in: module).isEmpty }

    /// The machine location of the instruction at (or just after, for an offset inside an
    /// instruction that translates to nothing) a module offset inside a function body.
    func codeLocation(atModuleOffset offset: Int) -> CodeLocationKey? {
        let functions = module.functions
        var lo = 0, hi = functions.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if functions[mid].bodyRange.upperBound <= offset { lo = mid + 1 } else { hi = mid }
        }
        guard lo < functions.count, functions[lo].bodyRange.contains(offset) else { return nil }
        let offsets = functions[lo].offsets
        var a = 0, b = offsets.count
        while a < b {
            let mid = (a + b) / 2
            if Int(offsets[mid]) < offset { a = mid + 1 } else { b = mid }
        }
        guard a < offsets.count else { return nil }
        return CodeLocationKey(function: module.importedFunctionCount + lo, pc: a)
    }

    /// Statement rows (line starts) of a function, as machine locations, with their rows.
    func lineStarts(function: Int) -> [(key: CodeLocationKey, row: LineRow)] {
        sources.rows(function: function, in: module).compactMap { row in
            guard row.isStatement, row.line > 0, let key = codeLocation(atModuleOffset: row.moduleOffset),
                  key.function == function else { return nil }
            return (key, row)
        }
    }

    /// Where a breakpoint on a function with line info goes: after its prologue (the
    /// row marked prologue_end, else the first row of another line), as gdb does.
    func afterPrologue(function: Int) -> CodeLocationKey? {
        let starts = lineStarts(function: function)
        guard let first = starts.first else { return nil }
        let rows = sources.rows(function: function, in: module)
        if let end = rows.first(where: \.isPrologueEnd), let key = codeLocation(atModuleOffset: end.moduleOffset), key.function == function {
            return key
        }
        return starts.first(where: { $0.row.line != first.row.line })?.key ?? first.key
    }

    /// ` at token.c:60` for a location with line info, else empty.
    func sourceSuffix(_ location: CodeLocation) -> String {
        sourceRow(at: location).map { " at \(sourcePosition($0))" } ?? ""
    }

    /// `60\t    if (amount == 0)` for the current line, if its file is found.
    func currentSourceLine() -> String? {
        guard let location = machine.location, let row = sourceRow(at: location) else { return nil }
        let file = sources.file(row.file)
        guard let text = file.text(ofLine: row.line) else { return nil }
        return "\(row.line)\t\(text)"
    }

    /// The function's source name (DWARF, demangled by the compiler's naming) when known, else its display name.
    func sourceFunctionName(at location: CodeLocation) -> String {
        if let f = sources.info?.function(containing: location.offset) { return f.qualifiedName.isEmpty ? f.name : f.qualifiedName }
        return module.displayName(ofFunction: location.function)
    }

    /// Backtrace lines for one wasm frame: its inlined frames first, then the frame itself.
    func sourceFrameLines(_ location: CodeLocation) -> [String]? {
        guard let info = sources.info, let row = sourceRow(at: location) else { return nil }
        var lines: [String] = []
        var position = sourcePosition(row)
        for inlined in info.inlinedFrames(at: location.offset) {
            lines.append("\(inlined.name) (\(position)) [inlined]")
            if let file = inlined.callFile, let line = inlined.callLine { position = "\(SourceContext.displayPath(file)):\(line)" }
        }
        lines.append("\(sourceFunctionName(at: location)) (\(position)) at \(describe(location))")
        return lines
    }
}
