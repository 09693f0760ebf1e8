/// The numeric register forms of the fast code, in `FastOp` order, with the fast loop's
/// case for each. Forms are numbered by kind, then row: integer arithmetic, integer
/// compares, fused compare-branches, divisions, other binaries, unaries. That is the
/// numbering the fast loop was measured under (the integer forms come first), and a new
/// row's forms join their kind.
struct FastForms {
    struct Form { var name: String; var body: String }
    var forms: [Form] = []
    /// Rows with a fused branch, for the compiler's tables.
    var compares: [Row] = []

    static let x = "let x = fp[Int(UInt32(truncatingIfNeeded: i.b))]"
    static let y = "y = fp[Int(i.b >> 32)]"
    /// Both ways lead to a block head, which is charged on arrival (leaving when over the limit).
    static let enter = "return arrive(ip, &fuelUsed)"

    init(_ rows: [Row]) {
        let immediate = rows.filter { $0.immediate.present }
        for row in immediate where row.traps.isEmpty && row.compare == nil { addBinary(row) }
        for row in immediate where row.traps.isEmpty && row.compare != nil { addBinary(row) }
        compares = rows.filter { $0.compare != nil }
        for row in compares {
            guard case .condition(let c) = row.semantics else { continue }
            for (suffix, y) in [("SS", Self.y), ("SI", Self.immediate(row))] {
                forms.append(Form(name: "brIf\(row.capitalized)\(suffix)",
                                  body: "\(Self.x), \(y); ip = \(c) ? code + Int(i.a) : ip + 1; \(Self.enter)"))
            }
        }
        for row in immediate where !row.traps.isEmpty { addBinary(row) }
        for row in rows where row.hasSlotSlot && !row.immediate.present { addBinary(row) }
        for row in rows where row.isUnaryForm {
            forms.append(Form(name: row.name + "S", body: "\(Self.x); fp[Int(i.a)] = \(row.valueExpression!)"))
        }
        for pair in Table.fusedPairs {
            guard let m = rows.first(where: { $0.name == pair.producer }), let a = rows.first(where: { $0.name == pair.consumer }) else { continue }
            precondition(m.traps.isEmpty && a.traps.isEmpty && (!pair.immediate || m.immediate.present), "\(pair.second): cannot fuse")
            let y = pair.immediate ? Self.immediate(m) : Self.y
            for (name, operands) in [(pair.second, "x = fp[Int(i.a >> 16)], y = p"), (pair.first, "x = p, y = fp[Int(i.a >> 16)]")] {
                forms.append(Form(name: name, body: "\(Self.x), \(y); let p = \(m.valueExpression!); "
                                  + "do { let \(operands); fp[Int(i.a & 0xffff)] = \(a.valueExpression!) }"))
            }
        }
        for row in rows where row.hasWide {
            forms.append(Form(name: row.name + "SW", body: "let x = fp[Int(i.a >> 16)], y = i.b; fp[Int(i.a & 0xffff)] = \(row.valueExpression!)"))
        }
    }

    /// SS (guarded when the op traps: a failed guard leaves the loop, the exact loop traps there)
    /// and SI (unguarded: the compiler uses it only for immediates that cannot trap).
    mutating func addBinary(_ row: Row) {
        let value = row.valueExpression!
        let guards = row.traps.isEmpty ? ""
            : "guard " + row.traps.map { "!(\($0.when))" }.joined(separator: ", ") + " else { return leave }; "
        forms.append(Form(name: row.name + "SS", body: "\(Self.x), \(Self.y); \(guards)fp[Int(i.a)] = \(value)"))
        if row.immediate.present {
            forms.append(Form(name: row.name + "SI", body: "\(Self.x), \(Self.immediate(row)); fp[Int(i.a)] = \(value)"))
        }
    }

    /// The immediate y: i32 zero-extended, i64 sign-extended from its 32 bits.
    static func immediate(_ row: Row) -> String {
        switch row.operands.first {
        case .i32: return "y = i.b >> 32"
        case .i64: return "y = UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: i.b >> 32)))"
        default: preconditionFailure("\(row.name): only integer ops take an immediate")
        }
    }
}

extension Generator {
    /// The fast loop's numeric cases (Machine+Fast.swift, between the markers).
    static func fastLoopCases(_ forms: FastForms) -> String {
        forms.forms.map { "        case .\($0.name): \($0.body)\n" }.joined()
    }

    /// The C dispatch's list of fast ops, in `FastOp` order: a handler per op (FastDispatch.h).
    static func fastDispatchFile(_ forms: FastForms, controlOps: String) -> String {
        let control = controlOps.split(separator: "\n").flatMap { line -> [String] in
            let code = line.firstRange(of: "//").map { line[..<$0.lowerBound] } ?? line
            guard code.hasPrefix("case ") else { return [] }
            return code.dropFirst(5).split(separator: ",").map { String($0.filter { $0 != " " && $0 != "`" }) }
        }
        let names = control + forms.forms.map(\.name)
        let tallied = names.enumerated().filter { talliedOps.contains($1) }, unnested = names.enumerated().filter { $1 == "return" }
        return header + "#define WESDBG_FAST_OP_COUNT \(names.count)\n"
            + "#define WESDBG_FAST_OPS(X) \\\n" + names.enumerated().map { "    X(\($1), \($0))" }.joined(separator: " \\\n") + "\n"
            + "// Ops with a second handler that keeps fuel by function (FastInstr.retarget(tallied:)).\n"
            + "#define WESDBG_FAST_TALLIED_OPS(X) \\\n" + tallied.map { "    X(\($1), \($0))" }.joined(separator: " \\\n") + "\n"
            + "// The return's third handler, for functions never nested (FunctionCode.isUnnested).\n"
            + "#define WESDBG_FAST_UNNESTED_OPS(X) \\\n" + unnested.map { "    X(\($1), \($0))" }.joined(separator: " \\\n") + "\n"
    }

    /// The ops whose own handlers update fuel by function (FunctionTally) while profiling: a
    /// second handler each, so that run mode's calls and returns do not even test for it.
    static let talliedOps: Set<String> = ["return", "call", "callIndirect"]

    static func fastOpFile(_ forms: FastForms, controlOps: String) -> String {
        var lines = [header, "/// Ops of the fast code. Operand layout: see FastInstr.swift; slots are frame-relative.",
                     "/// The control part is Scripts/FastOp.control.txt; the numeric register forms come from the table.",
                     "enum FastOp: UInt16, Sendable {"]
        lines += controlOps.split(separator: "\n", omittingEmptySubsequences: false).dropLast(controlOps.hasSuffix("\n") ? 1 : 0)
            .map { $0.allSatisfy(\.isWhitespace) ? "" : "    " + $0 }
        lines += ["", "    // Numeric register forms. SS: a = dst, b = x | y << 32 (slots); SI: y is an immediate",
                  "    // (i32 zero-extended, i64 sign-extended from 32 bits); S: unary, b = x.",
                  "    // brIf<compare>: a = target pc, b as SS/SI. SW: a = dst | x << 16, b = y (64 bits).",
                  "    // Fused pairs (Table.fusedPairs), e.g. i32MulAddSSS, i32MulFirstAddSSS: a = dst | z << 16, b = x | y << 32:",
                  "    // dst = z + x * y, x * y + z; an SSI form's y is an immediate as in SI."]
        lines += forms.forms.map { "    case \($0.name)" }
        lines += ["}"]
        return lines.joined(separator: "\n") + "\n"
    }
}
