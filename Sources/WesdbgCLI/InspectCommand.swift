import ArgumentParser
import ContractHost
import DebugInfo
import Foundation
import WasmVM

struct InspectCommand: BufferedCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show a module's imports (with the host ABI variant each matches), exports, memory, tables, functions and custom sections.")

    @Argument(help: "A module (.wasm, .wat) or a snapshot (.json) whose contract to inspect.")
    var file: String

    func execute(output: inout String, errors: inout String) -> Int32 {
        let module: Module
        let name: String
        do {
            if ModuleFile.isModulePath(file) {
                module = try ModuleFile.load(path: file)
                name = file
            } else {
                let snapshot = try ChainSnapshot.load(path: file)
                module = try snapshot.loadModule()
                name = snapshot.codePath ?? "\(file) (inline code)"
            }
        } catch {
            errors += hostInputErrorText(error)
            return 2
        }
        output += Self.report(module, name: name)
        return 0
    }

    static func limits(_ l: Limits) -> String { l.max.map { "min \(l.min), max \($0)" } ?? "min \(l.min), no max" }

    static func report(_ module: Module, name: String) -> String {
        var lines = ["module: \(name) (\(module.bytes.count) bytes)"]
        let abi = ABICheck(module: module)
        lines.append("imports (\(module.imports.count)):")
        for b in abi.bindings {
            let declared: String
            switch b.import.descriptor {
            case .function(let t): declared = "func \(module.types[Int(t)])"
            case .table(let t): declared = "table \(t.elementType) \(limits(t.limits))"
            case .memory(let m): declared = "memory \(limits(m.limits))"
            case .global(let g): declared = "global \(g.isMutable ? "mut " : "")\(g.valueType)"
            }
            let verdict = b.function.map { "host ABI: \($0.variant)" } ?? "ABI error: \(b.error ?? "")"
            lines.append("  \(b.import.module).\(b.import.name)  \(declared)  \(verdict)")
        }
        lines.append("exports (\(module.exports.count)):")
        let importedTables = module.imports.count { if case .table = $0.descriptor { true } else { false } }
        let importedMemories = module.imports.count { if case .memory = $0.descriptor { true } else { false } }
        let importedGlobals = module.imports.count { if case .global = $0.descriptor { true } else { false } }
        for e in module.exports {
            var what: String
            switch e.kind {
            case .function: what = "func \(module.functionType(Int(e.index)))"
            case .table:
                let i = Int(e.index) - importedTables
                what = i >= 0 && i < module.tables.count ? "table \(module.tables[i].elementType) \(limits(module.tables[i].limits))" : "table (imported)"
            case .memory:
                let i = Int(e.index) - importedMemories
                what = i >= 0 && i < module.memories.count ? "memory \(limits(module.memories[i].limits)) pages" : "memory (imported)"
            case .global:
                let i = Int(e.index) - importedGlobals
                if i >= 0, i < module.globals.count {
                    let g = module.globals[i]
                    what = "global \(g.type.isMutable ? "mut " : "")\(g.type.valueType)"
                    if case .value(let v) = g.initializer { what += " = \(v)" }
                } else { what = "global (imported)" }
            }
            lines.append("  \(e.name)  \(what)")
        }
        if !module.memories.isEmpty {
            lines.append("memories:")
            for (i, m) in module.memories.enumerated() {
                lines.append("  memory[\(i + importedMemories)]  \(limits(m.limits)) pages (64 KiB each)")
            }
        }
        if !module.tables.isEmpty {
            lines.append("tables:")
            for (i, t) in module.tables.enumerated() {
                lines.append("  table[\(i + importedTables)]  \(t.elementType)  \(limits(t.limits)) elements")
            }
        }
        lines.append("functions (\(module.functions.count) defined):")
        for (i, f) in module.functions.enumerated() {
            let index = i + module.importedFunctionCount
            lines.append("  [\(index)] \(module.displayName(ofFunction: index))  \(module.types[Int(f.typeIndex)])  \(f.bodyRange.count) bytes at 0x\(String(f.bodyRange.lowerBound, radix: 16))")
        }
        if let s = module.start { lines.append("start function: [\(s)] \(module.displayName(ofFunction: Int(s)))") }
        if !module.customSections.isEmpty {
            lines.append("custom sections:")
            for c in module.customSections {
                lines.append("  \(c.name)  \(c.size) bytes at 0x\(String(c.offset, radix: 16))")
            }
        }
        lines.append(Self.debugInfoLine(module))
        let errors = abi.errors
        lines.append(errors.isEmpty ? "host ABI: ok" : "host ABI: \(errors.count) error\(errors.count == 1 ? "" : "s")")
        lines += abi.moduleErrors.map { "  \($0)" }
        return lines.map(Module.printable).joined(separator: "\n") + "\n"
    }

    /// `debug info: DWARF 4, 1 compile unit (token/token.c), line table: yes` or `debug info: none`.
    static func debugInfoLine(_ module: Module) -> String {
        let (info, warning) = DebugInfo.read(moduleBytes: module.bytes)
        guard let info else { return "debug info: " + (warning.map { "unreadable (\($0))" } ?? "none (build with -g for source-level debugging)") }
        let units = info.compileUnits
        let versions = Set(units.map(\.version)).sorted().map(String.init).joined(separator: "/")
        let names = units.prefix(3).map(\.name).joined(separator: ", ") + (units.count > 3 ? ", …" : "")
        return "debug info: DWARF \(versions), \(units.count) compile unit\(units.count == 1 ? "" : "s") (\(names)), line table: \(info.hasLines ? "yes" : "no")"
            + (warning.map { "; warning: \($0)" } ?? "")
    }
}
