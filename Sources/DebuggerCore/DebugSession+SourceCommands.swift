import DebugInfo
import WasmVM

/// Source-level commands: `break FILE:LINE`, `list`, `info line|source|locals|args`, `print`, `ptype`.
extension DebugSession {
    static let noDebugInfo = "the module has no debug info (build it with -g)"

    /// `token.c:60` → every instruction location of the first line at or after 60 that has code.
    func addLineBreakpoint(_ spec: String) throws(CommandError) -> String {
        guard let info = sources.info, info.hasLines else { throw CommandError("break \(spec): \(Self.noDebugInfo)") }
        guard let colon = spec.lastIndex(of: ":"), let line = Int(spec[spec.index(after: colon)...]), line >= 1, line <= 10_000_000 else {
            throw CommandError("usage: break FILE:LINE (LINE 1...10000000)")
        }
        let file = String(spec[..<colon])
        guard !file.isEmpty else { throw CommandError("usage: break FILE:LINE") }
        let found = info.breakLocations(file: file, line: line)
        var locations: [(function: Int, pc: Int)] = []
        for location in found {
            guard var key = codeLocation(atModuleOffset: location.moduleOffset) else { continue }
            // A function's opening line: after the prologue, where its arguments are in place (gdb does the same).
            if lineStarts(function: key.function).first?.key == key, let body = afterPrologue(function: key.function) { key = body }
            if !locations.contains(where: { $0 == (key.function, key.pc) }) { locations.append((key.function, key.pc)) }
        }
        guard let first = found.first, !locations.isEmpty else {
            let known = info.sourceFiles.contains { SourcePath.path($0, isNamedBy: file) }
            throw CommandError(known ? "no code at or after line \(line) of \(file)" : "no source file '\(file)' in the debug info")
        }
        var bp = Breakpoint(id: nextBreakpointID, kind: .line(file: first.file, line: first.line))
        bp.locations = locations
        nextBreakpointID += 1
        breakpoints.append(bp)
        let count = locations.count == 1 ? "" : " (\(locations.count) locations)"
        let moved = first.line == line ? "" : " (line \(line) has no code)"
        return "breakpoint \(bp.id): \(bp.kind.describe(in: module))\(count)\(moved)"
    }

    /// A function by its DWARF name (`vault::parse_amount`, `transfer`), as a function index.
    func resolveSourceFunction(_ name: String) -> Int? {
        guard let info = sources.info else { return nil }
        for f in info.functions(named: name) {
            if let start = f.ranges.first?.lowerBound, let key = codeLocation(atModuleOffset: start) { return key.function }
        }
        return nil
    }

    /// The file and line the selected frame is at, if it has line info.
    var selectedRow: LineRow? {
        guard let frame = selectedFrameInfo else { return nil }
        return sourceRow(at: frame.location)
    }

    // MARK: list

    func listText(_ argument: String) throws(CommandError) -> String {
        guard let info = sources.info, info.hasLines else { throw CommandError("list: \(Self.noDebugInfo)") }
        var file: String
        var center: Int
        if argument.isEmpty {
            if let cursor = listCursor {
                (file, center) = (cursor.file, cursor.line + 5)   // the ten lines after what was listed
            } else if let row = selectedRow {
                (file, center) = (row.file, row.line)
            } else {
                throw CommandError("list: no current line (give FILE:LINE, LINE or FUNC)")
            }
        } else if let line = Int(argument) {
            guard let current = listCursor?.file ?? selectedRow?.file else { throw CommandError("list: no current file (give FILE:LINE)") }
            (file, center) = (current, line)
        } else if let colon = argument.lastIndex(of: ":"), let line = Int(argument[argument.index(after: colon)...]) {
            let name = String(argument[..<colon])
            guard let match = info.sourceFiles.first(where: { SourcePath.path($0, isNamedBy: name) }) else {
                throw CommandError("list: no source file '\(name)' in the debug info")
            }
            (file, center) = (match, line)
        } else if let function = info.functions(named: argument).first, let start = function.ranges.first?.lowerBound,
                  let row = info.line(at: start) {
            (file, center) = (row.file, function.declLine ?? row.line)
        } else {
            throw CommandError("list: no function or line '\(argument)'")
        }
        guard center >= 1, center <= 10_000_000 else { throw CommandError("list: LINE must be 1...10000000") }
        let source = sources.file(file)
        guard source.foundAt != nil else { throw CommandError(source.notFoundMessage) }
        guard !source.lines.isEmpty else { return "(\(SourceContext.displayPath(file)) is empty)" }
        guard center - 5 <= source.lines.count || !argument.isEmpty else {
            throw CommandError("line \(center - 5) is past the end of \(SourceContext.displayPath(file)) (\(source.lines.count) lines)")
        }
        let first = max(1, min(center - 5, source.lines.count - 9))
        let last = min(source.lines.count, first + 9)
        listCursor = (file, last + 1)
        let current = selectedRow
        return (first...last).map { n in
            let mark = current.map { $0.line == n && $0.file == file } == true ? "=>" : "  "
            return "\(mark)\(String(n).leftPadded(5))  \(source.lines[n - 1])"
        }.joined(separator: "\n")
    }

    // MARK: info line / source / locals / args

    func infoLine(_ argument: String) throws(CommandError) -> String {
        guard let info = sources.info, info.hasLines else { throw CommandError("info line: \(Self.noDebugInfo)") }
        if argument.isEmpty {
            guard let frame = selectedFrameInfo else { throw CommandError("info line: the call is not under way") }
            guard let row = sourceRow(at: frame.location) else { return "no line info at offset 0x\(hex(UInt64(frame.location.offset)))" }
            let range = lineRange(of: row)
            return "line \(row.line) of \"\(SourceContext.displayPath(row.file))\" starts at offset 0x\(hex(UInt64(range.lowerBound)))"
                + " and ends at 0x\(hex(UInt64(range.upperBound))); offset 0x\(hex(UInt64(frame.location.offset))) is in \(sourceFunctionName(at: frame.location))"
        }
        guard let colon = argument.lastIndex(of: ":"), let line = Int(argument[argument.index(after: colon)...]) else {
            throw CommandError("usage: info line [FILE:LINE]")
        }
        let found = info.breakLocations(file: String(argument[..<colon]), line: line)
        guard let first = found.first else { throw CommandError("no code at or after line \(line) of \(argument[..<colon])") }
        let offsets = found.map { "0x\(hex(UInt64($0.moduleOffset)))" }.joined(separator: ", ")
        return "line \(first.line) of \"\(SourceContext.displayPath(first.file))\" starts at offset \(offsets)"
    }

    /// The module offsets of the row's contiguous run of the same line (for `info line`).
    func lineRange(of row: LineRow) -> Range<Int> {
        guard let key = codeLocation(atModuleOffset: row.moduleOffset) else { return row.moduleOffset ..< row.moduleOffset }
        let rows = sources.rows(function: key.function, in: module)
        guard var i = rows.firstIndex(where: { $0.moduleOffset == row.moduleOffset }) else { return row.moduleOffset ..< row.moduleOffset }
        while i > 0 && rows[i - 1].line == row.line && rows[i - 1].file == row.file { i -= 1 }
        var j = i
        while j + 1 < rows.count && rows[j + 1].line == row.line && rows[j + 1].file == row.file { j += 1 }
        let end = j + 1 < rows.count ? rows[j + 1].moduleOffset : module.functions[key.function - module.importedFunctionCount].bodyRange.upperBound
        return rows[i].moduleOffset ..< end
    }

    func infoSource() throws(CommandError) -> String {
        guard let info = sources.info else { throw CommandError("info source: \(Self.noDebugInfo)") }
        var lines: [String] = []
        if let row = selectedRow {
            let file = sources.file(row.file)
            lines.append("current source file is \(SourceContext.displayPath(row.file))")
            lines.append(file.foundAt.map { "found at \($0) (\(file.lines.count) lines)" } ?? file.notFoundMessage)
            if let unit = info.compileUnits.first(where: { SourcePath.path(row.file, isNamedBy: $0.name) }) ?? info.compileUnits.first {
                lines.append(unitDescription(unit))
            }
        } else {
            lines.append("no current source file")
            lines += info.compileUnits.map(unitDescription)
        }
        let files = info.sourceFiles.map(SourceContext.displayPath)
        lines.append("source files (\(files.count)): " + files.prefix(12).joined(separator: ", ") + (files.count > 12 ? ", …" : ""))
        return lines.joined(separator: "\n")
    }

    private func unitDescription(_ unit: CompileUnit) -> String {
        var parts = ["compile unit \(unit.name)"]
        if !unit.compDirectory.isEmpty { parts.append("directory \(unit.compDirectory)") }
        if !unit.language.isEmpty { parts.append("language \(unit.language)") }
        parts.append("DWARF \(unit.version)")
        if !unit.producer.isEmpty { parts.append("producer \(unit.producer)") }
        return parts.joined(separator: ", ")
    }

    /// `info locals` (`parameters: false`) and `info args` (`parameters: true`).
    func infoVariables(parameters: Bool) throws(CommandError) -> String {
        guard let info = sources.info else { throw CommandError("info \(parameters ? "args" : "locals"): \(Self.noDebugInfo); try locals") }
        guard let frame = selectedFrameInfo else { throw CommandError("no frame: the call is not under way") }
        let all = info.variables(at: frame.location.offset, state: FrameStateReader(session: self, frame: frame))
        let chosen = all.filter { $0.isParameter == parameters }
        if chosen.isEmpty { return parameters ? "no arguments" : "no locals" }
        return chosen.map { "\($0.name) = \($0.value)" }.joined(separator: "\n")
    }

    func printExpression(_ expression: String) throws(CommandError) -> String {
        guard !expression.isEmpty else { throw CommandError("usage: print EXPR") }
        if Self.isWasmTerm(expression) { return try printWasmValue(expression) }
        guard let info = sources.info else { throw CommandError("print: \(Self.noDebugInfo)") }
        guard let frame = selectedFrameInfo else { throw CommandError("print: the call is not under way") }
        do {
            let value = try info.evaluate(expression, at: frame.location.offset, state: FrameStateReader(session: self, frame: frame))
            printCount += 1
            return "$\(printCount) = \(value)"
        } catch {
            throw CommandError(error.description)
        }
    }

    func typeOf(_ expression: String) throws(CommandError) -> String {
        guard !expression.isEmpty else { throw CommandError("usage: ptype EXPR") }
        guard let info = sources.info else { throw CommandError("ptype: \(Self.noDebugInfo)") }
        guard let frame = selectedFrameInfo else { throw CommandError("ptype: the call is not under way") }
        do {
            return try info.typeDescription(of: expression, at: frame.location.offset, state: FrameStateReader(session: self, frame: frame))
        } catch {
            throw CommandError(error.description)
        }
    }
}

/// The selected frame's wasm state, as the DWARF evaluator reads it.
struct FrameStateReader: WasmStateReader {
    let session: DebugSession
    let frame: FrameInfo

    func local(_ index: Int) -> UInt64? { index >= 0 && index < frame.locals.count ? frame.locals[index].slot : nil }
    func global(_ index: Int) -> UInt64? {
        let globals = session.machine.globals(of: session.instance)
        return index >= 0 && index < globals.count ? globals[index].slot : nil
    }
    func operand(_ indexFromBottom: Int) -> UInt64? {
        indexFromBottom >= 0 && indexFromBottom < frame.operands.count ? frame.operands[indexFromBottom].slot : nil
    }
    func memory(_ address: UInt64, _ count: Int) -> [UInt8]? {
        guard count >= 0, count <= 1 << 24 else { return nil }
        let bytes = session.memoryBytes(at: address, count: count)
        return bytes.count == count ? bytes : nil
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
