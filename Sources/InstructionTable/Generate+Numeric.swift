// The exact loop's stack form of every row with semantics (Machine.numeric).
extension Generator {
    static let operandNames = ["x", "y", "z"]

    static func numericFile(_ rows: [Row]) -> String {
        var lines = [header, "extension Machine {",
                     "    /// Executes a numeric op on the stack top (`sp` is one past it). Returns how many",
                     "    /// slots the stack shrinks by, or `numericTrap` with `kind` set (operands then stay).",
                     "    /// `sp` is passed by value so the loop can keep it in a register.",
                     "    @inline(__always)",
                     "    static func numeric(_ op: OpCode, _ sp: UnsafeMutablePointer<UInt64>, _ kind: inout TrapKind?) -> Int {",
                     "        switch op {"]
        for row in rows {
            guard let value = row.valueExpression, !row.isSIMD else { continue }
            let n = row.operands.count
            precondition((1 ... operandNames.count).contains(n) && row.results.count == 1, "\(row.name): one result from 1 to 3 operands")
            let reads = "let " + (0 ..< n).map { "\(operandNames[$0]) = sp[-\(n - $0)]" }.joined(separator: ", ")
            let store = "sp[-\(n)] = \(value)" + (n > 1 ? "; return \(n - 1)" : "")
            if row.traps.isEmpty {
                lines.append("        case .\(row.name): \(reads); \(store)")
            } else {
                lines.append("        case .\(row.name):")
                lines.append("            \(reads)")
                for trap in row.traps {
                    lines.append("            if \(trap.when) { kind = .\(trap.kind); return Machine.numericTrap }")
                }
                lines.append("            \(store)")
            }
        }
        lines += ["        default: preconditionFailure(\"opcode \\(op) is not numeric\")", "        }", "        return 0", "    }", "}"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// NumericSignature and MemoryAccess from the WasmParser cases (FunctionTranslator+Visit.swift).
    static func signatureFile(_ rows: [Row]) -> String {
        var out = header + "import WasmParser\n\nextension NumericSignature {\n"
        let numeric = rows.filter { $0.semantics != nil && $0.parser != nil && !$0.isSIMD }
        func signature(_ row: Row) -> String {
            "(op: .\(row.name), operand: .\(row.operands[0].rawValue), arity: \(row.operands.count), result: .\(row.results[0].rawValue))"
        }
        var blocks: [String] = []
        for group in groups(numeric) {
            let members = numeric.filter { $0.parser?.group == group }
            if let group {
                blocks.append("    init(_ i: Instruction.\(group)) {\n        switch i {\n"
                    + members.map { "        case .\($0.name): self.init\(signature($0))\n" }.joined()
                    + "        }\n    }\n")
            } else {
                // Instruction cases of their own: WasmParser calls their visit methods directly.
                blocks.append(members.map { "    static let \($0.name) = NumericSignature\(signature($0))\n" }.joined())
            }
        }
        out += blocks.joined(separator: "\n") + "}\n\nextension MemoryAccess {\n"
        let memory = rows.filter { $0.naturalAlignment != nil && $0.parser?.group != "SimdMemLane" }
        out += groups(memory).map { group in
            "    init?(_ i: Instruction.\(group!)) {\n        switch i {\n"
                + memory.filter { $0.parser?.group == group }.map { row in
                    let type = row.results.first ?? row.operands[1]
                    return "        case .\(row.name): self.init(op: .\(row.name), type: .\(type.rawValue), naturalAlignment: \(row.naturalAlignment!))\n"
                }.joined()
                + "        default: return nil   // atomics\n        }\n    }\n"
        }.joined(separator: "\n")
        return out + "}\n"
    }

    /// The parser groups of `rows`, in first-row order.
    static func groups(_ rows: [Row]) -> [String?] {
        var seen: [String?] = []
        for row in rows where !seen.contains(where: { $0 == row.parser?.group }) { seen.append(row.parser?.group) }
        return seen
    }
}
