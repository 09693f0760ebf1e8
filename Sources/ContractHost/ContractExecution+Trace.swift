import WasmVM

extension ContractExecution {
    /// Runs to the end one instruction at a time, reporting one JSON object per executed
    /// instruction (`step`, `function`, `offset`, `opcode`, `fuel` used after it) and one per
    /// host call (`hostCall` with its log record). Slower than `runToEnd`; used for `--trace`.
    @discardableResult
    public func runTraced(_ emit: (JSONValue) -> Void) -> ExecutionResult {
        if !isStarted { start() }
        machine.pauseBeforeHostCalls = false
        machine.pauseAfterHostCalls = false
        while result == nil {
            let location = machine.location
            let step = machine.steps
            let logCount = host.log.count
            _ = self.step()
            if let location {
                emit(.object([
                    ("step", .integer(step)),
                    ("function", .string(module.displayName(ofFunction: location.function))),
                    ("offset", .integer(location.offset)),
                    ("opcode", .string(opcodeName(at: location))),
                    ("fuel", .integer(result?.fuelUsed ?? machine.fuelUsed)),
                ]))
            }
            for record in host.log[logCount...] {
                emit(.object([("step", .integer(step)), ("hostCall", record.json), ("fuel", .integer(result?.fuelUsed ?? machine.fuelUsed))]))
            }
        }
        return result!
    }

    func opcodeName(at location: CodeLocation) -> String {
        let i = location.function - module.importedFunctionCount
        guard i >= 0, i < module.functions.count, location.pc < module.functions[i].code.count else { return "?" }
        return Self.wasmName(module.functions[i].code[location.pc].op)
    }

    /// `i32Add` -> `i32.add`, `localGet` -> `local.get`, `brIf` -> `br_if`.
    static func wasmName(_ op: OpCode) -> String {
        let raw = String(describing: op)
        var out = ""
        var sawPrefix = false
        for prefix in ["i32", "i64", "f32", "f64", "local", "global", "table", "memory", "ref", "elem", "data"] where raw.hasPrefix(prefix) && raw != prefix {
            out = prefix + "."
            sawPrefix = true
            for ch in raw.dropFirst(prefix.count) {
                if ch.isUppercase { if !out.hasSuffix(".") { out += "_" }; out += ch.lowercased() } else { out.append(ch) }
            }
            break
        }
        if sawPrefix { return out }
        for ch in raw {
            if ch.isUppercase { out += "_" + ch.lowercased() } else { out.append(ch) }
        }
        return out
    }
}
