import Foundation

/// DWARF debug information of a WebAssembly module: lines, functions, variables
/// and types, read from the module's `.debug_*` custom sections. DWARF addresses
/// are code-section offsets; every offset in this API is a module byte offset
/// (`codeSectionStart` + DWARF address), as the interpreter uses.
///
/// `read` parses unit headers and line tables; each unit's DIE tree is parsed the
/// first time a query needs it (under a lock, so one instance serves any thread).
public final class DebugInfo: @unchecked Sendable {
    let bytes: [UInt8]
    let sections: DebugSections
    let units: [Unit]
    let lines: LineTable
    public let codeSectionStart: Int
    public let compileUnits: [CompileUnit]

    private let lock = NSLock()
    /// The first fault met while parsing DIE trees on demand (the warning of `read` covers the eager part).
    private(set) var lateWarning: String?
    var typeCache: [Int: DType] = [:]

    init(bytes: [UInt8], sections: DebugSections, units: [Unit], lines: LineTable) {
        self.bytes = bytes
        self.sections = sections
        self.units = units
        self.lines = lines
        codeSectionStart = sections.codeStart ?? 0
        compileUnits = units.map {
            CompileUnit(name: $0.name, compDirectory: $0.compDirectory, producer: $0.producer,
                        language: DebugInfo.languageName($0.language), version: $0.version)
        }
    }

    /// nil info when the module has no `.debug_info` and no `.debug_line`; `warning` is one line
    /// when something was malformed (what could be read is still returned).
    public static func read(moduleBytes: [UInt8]) -> (info: DebugInfo?, warning: String?) {
        let (sections, sectionError) = DebugSections.find(in: moduleBytes)
        var firstError = sectionError
        func note(_ error: DWARFError) { if firstError == nil { firstError = error } }
        func warning() -> String? { firstError.map { "debug info: \($0.message); source-level debugging may be incomplete" } }
        guard sections.info != nil || sections.line != nil else { return (nil, warning()) }
        guard sections.codeStart != nil else {
            note(DWARFError("no code section"))
            return (nil, warning())
        }

        var units: [Unit] = []
        if let info = sections.info, sections.abbrev != nil {
            var cache: [UInt64: AbbreviationTable] = [:]
            var position = 0
            while position < info.count {
                do throws(DWARFError) {
                    let (unit, next) = try Unit.header(moduleBytes, sections, at: position, abbreviationCache: &cache)
                    let root = DIETree.parse(unit, moduleBytes, info, rootOnly: true)
                    if let e = root.error { note(e) }
                    if !root.dies.isEmpty { units.append(unit) }
                    position = next
                } catch {
                    note(error)
                    break
                }
            }
        } else if sections.info != nil {
            note(DWARFError(".debug_abbrev: missing"))
        }
        let partial = DebugInfo(bytes: moduleBytes, sections: sections, units: [], lines: LineTable())
        for unit in units { partial.readRootAttributes(unit) }

        var table = LineTable()
        var seen = Set<Int>()
        for unit in units {
            guard let offset = unit.stmtList else { continue }
            let context = LineProgram.Context(bytes: moduleBytes, sections: sections, compDirectory: unit.compDirectory,
                                              unitName: unit.name)
            do throws(DWARFError) {
                let program = try LineProgram.parse(at: offset, context)
                unit.fileNames = program.fileNames
                if seen.insert(offset).inserted { table.add(program) }
            } catch {
                note(error)
            }
        }
        if units.isEmpty, let line = sections.line {
            // Line tables without .debug_info: read them one after another.
            var position = 0
            let context = LineProgram.Context(bytes: moduleBytes, sections: sections, compDirectory: "", unitName: "")
            while position < line.count {
                do throws(DWARFError) {
                    table.add(try LineProgram.parse(at: position, context))
                    var c = ByteCursor(moduleBytes, line, section: ".debug_line")
                    c.position = position
                    let (length, _) = try c.initialLength()
                    position = c.position + length
                } catch {
                    note(error)
                    break
                }
            }
        }
        table.finish()
        return (DebugInfo(bytes: moduleBytes, sections: sections, units: units, lines: table), warning())
    }

    /// Reads what the root DIE says of its unit: names, bases for indexed forms, code ranges.
    private func readRootAttributes(_ unit: Unit) {
        guard let info = sections.info else { return }
        let root = DIETree.parse(unit, bytes, info, rootOnly: true)
        guard !root.dies.isEmpty else { return }
        if let v = root.value(0, Attribute.strOffsetsBase, unit)?.unsigned { unit.strOffsetsBase = v }
        if let v = root.value(0, Attribute.addrBase, unit)?.unsigned { unit.addrBase = v }
        if let v = root.value(0, Attribute.rnglistsBase, unit)?.unsigned { unit.rnglistsBase = v }
        if let v = root.value(0, Attribute.loclistsBase, unit)?.unsigned { unit.loclistsBase = v }
        unit.name = string(root.value(0, Attribute.name, unit), unit) ?? ""
        unit.compDirectory = string(root.value(0, Attribute.compDir, unit), unit) ?? ""
        unit.producer = string(root.value(0, Attribute.producer, unit), unit) ?? ""
        unit.language = root.value(0, Attribute.language, unit)?.unsigned ?? 0
        if let v = root.value(0, Attribute.stmtList, unit)?.unsigned, v <= UInt64(Int32.max) { unit.stmtList = Int(v) }
        unit.baseAddress = address(root.value(0, Attribute.lowPC, unit), unit) ?? 0
        unit.ranges = ranges(0, root, unit)
    }

    /// The unit's DIE tree, parsed on first use.
    func tree(_ unit: Unit) -> DIETree {
        lock.lock()
        defer { lock.unlock() }
        if let t = unit.tree { return t }
        let t = sections.info.map { DIETree.parse(unit, bytes, $0) } ?? DIETree()
        if let e = t.error, lateWarning == nil { lateWarning = "debug info: \(e.message)" }
        unit.tree = t
        unit.functions = functionRecords(t, unit)
        return t
    }

    func withLock<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    /// The unit holding a `.debug_info` offset.
    func unit(containingOffset offset: Int) -> Unit? {
        var lo = 0, hi = units.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if units[mid].end <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo < units.count && units[lo].offset <= offset ? units[lo] : nil
    }

    static func languageName(_ code: UInt64) -> String {
        let names: [UInt64: String] = [
            0x01: "C89", 0x02: "C", 0x04: "C_plus_plus", 0x0c: "C99", 0x16: "Go", 0x1a: "C_plus_plus_11",
            0x1c: "Rust", 0x1d: "C11", 0x1e: "Swift", 0x21: "C_plus_plus_14", 0x2c: "C17", 0x8001: "Mips_Assembler",
            0x1b: "Zig", 0x27: "C_plus_plus_17", 0x28: "C_plus_plus_20",
        ]
        return names[code] ?? (code == 0 ? "" : "0x" + String(code, radix: 16))
    }
}
