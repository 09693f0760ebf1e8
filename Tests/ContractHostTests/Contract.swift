@testable import ContractHost
import WasmVM

/// Inline WAT contracts for host-function tests.
enum Contract {
    /// A module importing `imports` (as `$import_name`), exporting `memory` (1 page) and `main`.
    static func wat(_ imports: [HostFunction], data: [(Int, String)] = [], main: String, result: String = "(result i32)",
                    extra: String = "", memory: String = "(memory (export \"memory\") 1)") -> String {
        var lines = ["(module"]
        for f in imports {
            let params = f.type.parameters.isEmpty ? "" : " (param \(f.type.parameters.map(\.description).joined(separator: " ")))"
            let results = f.type.results.isEmpty ? "" : " (result \(f.type.results.map(\.description).joined(separator: " ")))"
            lines.append("  (import \"env\" \"\(f.importName)\" (func $\(f.importName)\(params)\(results)))")
        }
        lines.append("  \(memory)")
        for (address, text) in data { lines.append("  (data (i32.const \(address)) \"\(text)\")") }
        lines.append(extra)
        lines.append("  (func (export \"main\") \(result)\n\(main))")
        lines.append(")")
        return lines.joined(separator: "\n")
    }

    static func execution(_ wat: String, _ snapshot: ChainSnapshot = Fixtures.snapshot()) throws -> ContractExecution {
        let module = try Module.load(text: wat)
        return try ContractExecution(snapshot: snapshot, module: module)
    }

    /// Runs `wat` against `snapshot` to the end.
    static func run(_ wat: String, _ snapshot: ChainSnapshot = Fixtures.snapshot()) throws -> ContractExecution {
        let e = try execution(wat, snapshot)
        e.runToEnd()
        return e
    }

    /// Guest memory bytes after the run.
    static func memory(_ e: ContractExecution, _ address: UInt64, _ count: Int) throws -> [UInt8] {
        try e.machine.memory(of: e.instance)!.read(address, count: count)
    }
}
