// The fast compiler's tables (FastOp+Forms.generated.swift): which register forms an
// op has, and how the compiler may use them.
extension Generator {
    static func fastFormsFile(_ rows: [Row], _ forms: FastForms) -> String {
        var out = header + "\nextension FastOp {\n"
        out += function("Slot-slot and slot-immediate forms of a binary op (the immediate form of a division only for divisors other than 0 and -1).",
                        "static func binary(_ op: OpCode) -> (ss: FastOp, si: FastOp?, commutative: Bool)?",
                        rows.filter(\.hasSlotSlot).map {
                            "case .\($0.name): (.\($0.name)SS, \($0.immediate.present ? ".\($0.name)SI" : "nil"), \($0.isCommutative))"
                        }, default: "nil")
        out += function("The form of a binary i64 op taking a 64-bit immediate (a = dst | x << 16, for slots below 2^16).",
                        "static func wide(_ op: OpCode) -> FastOp?",
                        rows.filter(\.hasWide).map { "case .\($0.name): .\($0.name)SW" }, default: "nil")
        out += function("A binary op's fused forms with `producer` (Table.fusedPairs) computing its second or its first operand (a = dst | z << 16).",
                        "static func fused(_ op: OpCode, after producer: FastOp) -> (second: FastOp, first: FastOp)?",
                        Table.fusedPairs.map { "case (.\($0.consumer), .\($0.producerForm)): (.\($0.second), .\($0.first))" }, default: "nil",
                        subject: "(op, producer)")
        out += function("Whether `a` holds the destination in its low 16 bits and another slot above.",
                        "static func packsDestination(_ op: FastOp) -> Bool",
                        rows.filter(\.hasWide).map { "case .\($0.name)SW: true" } + Table.fusedPairs.map { "case .\($0.second), .\($0.first): true" },
                        default: "false")
        out += function("The form of a unary op that cannot trap.", "static func unary(_ op: OpCode) -> FastOp?",
                        rows.filter(\.isUnaryForm).map { "case .\($0.name): .\($0.name)S" }, default: "nil")
        out += function("An integer compare: its fused branch forms, its negation (for `if`) and its mirror (operands swapped).",
                        "static func compare(_ op: OpCode) -> (brSS: FastOp, brSI: FastOp, negated: OpCode, mirrored: OpCode)?",
                        forms.compares.map {
                            "case .\($0.name): (.brIf\($0.capitalized)SS, .brIf\($0.capitalized)SI, .\($0.compare!.negated), .\($0.compare!.mirrored))"
                        }, default: "nil")
        out += function("Whether the op is a fused compare-and-branch.", "static func compareOf(branch op: FastOp) -> Bool",
                        forms.compares.map { "case .brIf\($0.capitalized)SS, .brIf\($0.capitalized)SI: true" }, default: "false")
        out += function("The integer compare a register-form op computes, and whether its second operand is an immediate.",
                        "static func compareOf(_ op: FastOp) -> (OpCode, immediate: Bool)?",
                        forms.compares.flatMap { ["case .\($0.name)SS: (.\($0.name), false)", "case .\($0.name)SI: (.\($0.name), true)"] },
                        default: "nil")
        out += function("Whether constant `v` can be the immediate of `op` (32 bits; divisions only by divisors that cannot trap).",
                        "static func fitsImmediate(_ v: UInt64, _ op: OpCode) -> Bool",
                        grouped(rows.filter(\.immediate.present)) { row in
                            let widening = row.operands.first == .i64 ? "Int64(bitPattern: v) == Int64(Int32(truncatingIfNeeded: v))" : nil
                            let parts = [widening, row.immediate.fits].compactMap { $0 }
                            return parts.isEmpty ? nil : parts.joined(separator: " && ")
                        }, default: "true")
        out += function("Whether the op can trap: its register form must start where the exact loop can take over.",
                        "static func traps(_ op: OpCode) -> Bool",
                        grouped(rows) { $0.traps.isEmpty ? nil : "true" }, default: "false")
        out += function("The fast op of a load (by access width and extension).", "static func load(_ op: OpCode) -> FastOp?",
                        grouped(rows) { $0.fastLoad.map { "." + $0 } }, default: "nil")
        out += function("The fast op of a store (by access width).", "static func store(_ op: OpCode) -> FastOp?",
                        grouped(rows) { $0.fastStore.map { "." + $0 } }, default: "nil")
        out += function("The stack-form fast op of a SIMD row (a: height before, b: its stack-code pc).",
                        "static func simd(_ op: OpCode) -> FastOp?",
                        grouped(rows) { $0.fastSIMD.map { "." + $0 } }, default: "nil")
        out += function("Ops the fast loop leaves to the exact loop (rare, variable-cost or reference ops).",
                        "static func isIsland(_ op: OpCode) -> Bool",
                        grouped(rows) { $0.isIsland ? "true" : nil }, default: "false", last: true)
        return out + "}\n"
    }

    /// A switch-bodied static function.
    static func function(_ doc: String, _ signature: String, _ cases: [String], default value: String,
                         last: Bool = false, attribute: String? = nil, subject: String = "op") -> String {
        var lines = ["    /// \(doc)"] + (attribute.map { ["    " + $0] } ?? []) + ["    \(signature) {", "        switch \(subject) {"]
        lines += cases.map { "        " + $0 }
        lines += ["        default: \(value)", "        }", "    }"]
        return lines.joined(separator: "\n") + (last ? "\n" : "\n\n")
    }

    /// `case` lines joining rows with the same result (nil: the default), in first-row order.
    static func grouped(_ rows: [Row], _ result: (Row) -> String?) -> [String] {
        var order: [String] = [], names: [String: [String]] = [:]
        for row in rows {
            guard let r = result(row) else { continue }
            if names[r] == nil { order.append(r) }
            names[r, default: []].append(row.name)
        }
        return order.map { "case \(wrapped(names[$0]!)): \($0)" }
    }

    /// `.a, .b, ...` broken into lines of at most about 110 characters (continuations
    /// indented under the first name of a `case` in a `function` switch).
    static func wrapped(_ names: [String]) -> String {
        var lines = [""]
        for name in names {
            let item = "." + name
            if lines[lines.count - 1].isEmpty {
                lines[lines.count - 1] = item
            } else if lines[lines.count - 1].count + item.count + 2 > 96 {
                lines[lines.count - 1] += ","
                lines.append(item)
            } else {
                lines[lines.count - 1] += ", " + item
            }
        }
        return lines.joined(separator: "\n" + String(repeating: " ", count: 13))
    }
}
