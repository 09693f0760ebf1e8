// The SIMD rows' code: Machine.simd (lane ops, never trapping), simdLoad and simdStore (bounds
// checked), the exact loop's cases that call them, and the translator's SimdSignature.
// A v128 operand or result takes two slots (`(sp - k).v128` reads or writes both).
extension Generator {
    static let simdCommand = "            // BEGIN GENERATED SIMD (\(command))\n"

    /// Reads of the operands, named x, y, z (a memory row's address is not named), and the
    /// slot count they take.
    static func simdReads(_ row: Row) -> (reads: [String], slots: Int) {
        let memory = row.naturalAlignment != nil
        let named = memory ? Array(row.operands.dropFirst()) : row.operands
        var offset = row.operands.reduce(0) { $0 + $1.slots }
        let total = offset
        if memory { offset -= 1 }
        var reads: [String] = []
        for (k, kind) in named.enumerated() {
            reads.append(kind == .v128 ? "\(operandNames[k]) = (sp - \(offset)).v128" : "\(operandNames[k]) = sp[-\(offset)]")
            offset -= kind.slots
        }
        if row.laneCount != nil { reads.append(memory ? "lane = Int(instr.b >> 32)" : "lane = Int(instr.a)") }
        if row.hasV128Immediate { reads.append("c = fn.v128Constants[Int(instr.a)]") }
        return (reads, total)
    }

    static func simdWrite(_ row: Row, _ value: String, at slots: Int) -> String {
        let result = row.results[0]
        let write = result == .v128 ? "(sp - \(slots)).v128 = \(value)" : "sp[-\(slots)] = \(value)"
        let move = result.slots - slots
        return write + "; return " + (move == 0 ? "sp" : move > 0 ? "sp + \(move)" : "sp - \(-move)")
    }

    static func simdFile(_ rows: [Row]) -> String {
        var out = header + "\nextension Machine {\n"
        out += "    /// Runs a SIMD lane op on the stack top; returns the new top. None of them traps.\n"
        out += "    @inline(never)\n"
        out += "    static func simd(_ instr: Instr, _ sp: UnsafeMutablePointer<UInt64>, _ fn: FunctionCode) -> UnsafeMutablePointer<UInt64> {\n"
        out += "        switch instr.op {\n"
        for row in rows where row.isSIMD && row.naturalAlignment == nil {
            guard case .value(let value) = row.semantics else { continue }
            let (reads, slots) = simdReads(row)
            let prefix = reads.isEmpty ? "" : "let " + reads.joined(separator: ", ") + "\n            "
            out += "        case .\(row.name):\n            \(prefix)\(simdWrite(row, value, at: slots))\n"
        }
        out += "        default: preconditionFailure(\"opcode \\(instr.op) is not a SIMD lane op\")\n        }\n    }\n\n"
        out += "    /// Runs a SIMD load; nil when the access is out of bounds (the stack is then unchanged).\n"
        out += "    @inline(never)\n"
        out += "    static func simdLoad(_ instr: Instr, _ sp: UnsafeMutablePointer<UInt64>, _ memBase: UnsafeMutableRawPointer,\n"
        out += "                         _ memSize: UInt64) -> UnsafeMutablePointer<UInt64>? {\n"
        out += "        switch instr.op {\n"
        for row in rows where row.isSIMD && row.naturalAlignment != nil {
            guard case .value(let value) = row.semantics else { continue }
            let (reads, slots) = simdReads(row)
            out += "        case .\(row.name):\n"
            out += "            guard let ea = address(sp[-\(slots)], instr.a, \(1 << row.naturalAlignment!), memSize) else { return nil }\n"
            out += "            let " + (["p = memBase + ea"] + reads).joined(separator: ", ") + "\n"
            out += "            \(simdWrite(row, value, at: slots))\n"
        }
        out += "        default: preconditionFailure(\"opcode \\(instr.op) is not a SIMD load\")\n        }\n    }\n\n"
        out += "    /// Runs a SIMD store: the new top, the address and the bytes written; nil when out of bounds.\n"
        out += "    @inline(never)\n"
        out += "    static func simdStore(_ instr: Instr, _ sp: UnsafeMutablePointer<UInt64>, _ memBase: UnsafeMutableRawPointer,\n"
        out += "                          _ memSize: UInt64) -> (top: UnsafeMutablePointer<UInt64>, ea: Int, count: Int)? {\n"
        out += "        switch instr.op {\n"
        for row in rows {
            guard case .store(let statement) = row.semantics else { continue }
            let (reads, slots) = simdReads(row)
            let size = 1 << row.naturalAlignment!
            out += "        case .\(row.name):\n"
            out += "            guard let ea = address(sp[-\(slots)], instr.a, \(size), memSize) else { return nil }\n"
            out += "            let " + (["p = memBase + ea"] + reads).joined(separator: ", ") + "\n"
            out += "            \(statement); return (sp - \(slots), ea, \(size))\n"
        }
        out += "        default: preconditionFailure(\"opcode \\(instr.op) is not a SIMD store\")\n        }\n    }\n}\n"
        return out
    }

    /// The exact loop's SIMD cases (Machine+Execute.swift, between the markers).
    static func simdLoopCases(_ rows: [Row]) -> String {
        let lane = rows.filter { $0.isSIMD && $0.naturalAlignment == nil && $0.semantics != nil }.map(\.name)
        let loads = rows.filter { row in
            if case .value = row.semantics, row.isSIMD, row.naturalAlignment != nil { true } else { false }
        }.map(\.name)
        let stores = rows.filter { row in if case .store = row.semantics { true } else { false } }.map(\.name)
        let indent = "            "
        // `wrapped` indents continuations for a `function` switch (13 columns); these sit at 17.
        func list(_ names: [String]) -> String {
            wrapped(names).split(separator: "\n").map { String($0) }.enumerated()
                .map { $0.offset == 0 ? $0.element : indent + "     " + $0.element.dropFirst(13) }.joined(separator: "\n")
        }
        return """
        \(indent)case \(list(loads)):
        \(indent)    guard let top = Machine.simdLoad(instr, sp, memBase, memSize) else { trapKind = .memoryOutOfBounds; break loop }
        \(indent)    sp = top
        \(indent)case \(list(stores)):
        \(indent)    guard let (top, ea, n) = Machine.simdStore(instr, sp, memBase, memSize) else { trapKind = .memoryOutOfBounds; break loop }
        \(indent)    markWritten(memBase, ea)
        \(indent)    sp = top
        \(indent)    if _slowPath(watching) && watchHit(ea, n) { event = .memoryWatch(address: UInt64(ea), length: UInt64(n), at: location(fn, pc)); pc &+= 1; break loop }
        \(indent)case \(list(lane)):
        \(indent)    sp = Machine.simd(instr, sp, fn)

        """
    }

    /// SimdSignature from the WasmParser cases (FunctionTranslator+SIMD.swift).
    static func simdSignatureFile(_ rows: [Row]) -> String {
        func kinds(_ k: [ValueKind]) -> String { "[" + k.map { "." + $0.rawValue }.joined(separator: ", ") + "]" }
        func signature(_ row: Row) -> String {
            var parts = ["op: .\(row.name)", "operands: \(kinds(row.operands))", "result: \(row.results.first.map { "." + $0.rawValue } ?? "nil")"]
            if let n = row.laneCount { parts.append("lanes: \(n)") }
            if let a = row.naturalAlignment { parts.append("naturalAlignment: \(a)") }
            return "(" + parts.joined(separator: ", ") + ")"
        }
        var out = header + "import WasmParser\n\nextension SimdSignature {\n"
        for group in ["Simd", "SimdLane", "SimdMemLane"] {
            let members = rows.filter { $0.parser?.group == group }
            let failable = group == "Simd"
            out += "    init\(failable ? "?" : "")(_ i: Instruction.\(group)) {\n        switch i {\n"
            out += members.map { "        case .\($0.name): self.init\(signature($0))\n" }.joined()
            if failable { out += "        default: return nil   // relaxed SIMD (not WebAssembly 2.0)\n" }
            out += "        }\n    }\n\n"
        }
        return out.dropLast() + "}\n"
    }
}
