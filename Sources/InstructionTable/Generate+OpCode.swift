// OpCode, its fuel prices and text mnemonics.
extension Generator {
    static func opCodeFile(_ sections: [Section]) -> String {
        var lines = [header, "/// Interpreter opcodes (stack code, Instr.swift). Immediates (a: UInt32, b: UInt64) as",
                     "/// commented; none = unused. Memory instructions address memory 0 (WebAssembly 2.0 has one).",
                     "public enum OpCode: UInt16, Sendable, CaseIterable {"]
        for (k, section) in sections.enumerated() {
            if k > 0 { lines.append("") }
            lines.append("    // \(section.title)")
            for row in section.rows {
                let c = "    case \(caseName(row.name))"
                lines.append(row.doc.map { c.padding(24) + " // " + $0 } ?? c)
            }
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    static func fuelFile(_ rows: [Row]) -> String {
        var out = header + "\nextension FuelCosts {\n"
        out += function("The static cost of an instruction, before any size-dependent part.",
                        "public static func base(_ op: OpCode) -> UInt64",
                        grouped(rows) { row in
                            switch row.fuel {
                            case .instruction, .variable: nil
                            case .call: "call"
                            case .units(let n): "\(n)"
                            }
                        }, default: "instruction", attribute: "@inline(__always)")
        out += function("Ops whose cost depends on operands or state (or a breakpoint): the loops price them on the slow path.",
                        "static func isVariable(_ op: OpCode) -> Bool",
                        grouped(rows) { $0.fuel == .variable ? "true" : nil }, default: "false", last: true)
        return out + "}\n"
    }

    static func mnemonicFile(_ rows: [Row]) -> String {
        header + "\nextension OpCode {\n"
            + function("The WebAssembly text mnemonic of a numeric or memory opcode (nil for the others).",
                       "var numericMnemonic: String?",
                       rows.compactMap { row in row.mnemonic.map { "case .\(row.name): \"\($0)\"" } },
                       default: "nil", last: true, subject: "self")
            + "}\n"
    }
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
