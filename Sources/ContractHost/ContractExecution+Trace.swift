import WasmVM

extension ContractExecution {
    /// Runs to the end one instruction at a time, reporting one JSON object per executed
    /// instruction (`step`, `function`, `offset`, `opcode`, `fuel` used after it), one per
    /// host call (`hostCall` with its log record) and a last one saying how the call ended
    /// (`end`). With `values`, each instruction's record also has the values it popped and
    /// pushed and the memory it read and wrote (`docs/host.md`). Slower than `runToEnd`; used for `--trace`.
    @discardableResult
    /// v128 values are written in `v128` (`v128:0x…` or `v128:i32x4:1,2,3,4`).
    public func runTraced(values: Bool = false, v128: V128Shape = .hex, _ emit: (JSONValue) -> Void) -> ExecutionResult {
        if !isStarted { start() }
        machine.pauseBeforeHostCalls = false
        machine.pauseAfterHostCalls = false
        while result == nil {
            let location = machine.location
            let step = machine.steps
            let logCount = host.log.count
            let before = values ? valuesBefore() : nil
            _ = self.step()
            if let location {
                var members: [(key: String, value: JSONValue)] = [
                    ("step", .integer(step)),
                    ("function", .string(module.displayName(ofFunction: location.function))),
                    ("offset", .integer(location.offset)),
                    ("opcode", .string(opcodeName(at: location))),
                    ("fuel", .integer(result?.fuelUsed ?? machine.fuelUsed)),
                ]
                // A trapping instruction popped, pushed and wrote nothing: the end record says why.
                if let before, result?.trap == nil { members += valuesAfter(before, v128: v128) }
                emit(.object(members))
            }
            for record in host.log[logCount...] {
                emit(.object([("step", .integer(step)), ("hostCall", record.json), ("fuel", .integer(result?.fuelUsed ?? machine.fuelUsed))]))
            }
        }
        emit(endRecord(result!, v128: v128))
        return result!
    }

    /// The trace's last line: `{"end":"trap","trap":"out_of_fuel","message":…,"function":…,"offset":…,"steps":…,"fuel":…}`,
    /// `{"end":"success","code":0,"results":["i32:0"],"steps":…,"fuel":…}`, `{"end":"failure","code":3,…}`.
    func endRecord(_ r: ExecutionResult, v128: V128Shape = .hex) -> JSONValue {
        var m: [(key: String, value: JSONValue)] = [("end", .string(r.status.rawValue))]
        if let trap = r.trap {
            m.append(("trap", .string(trap.kind.rawValue)))
            m.append(("message", .string(trap.message)))
            m.append(("function", r.trapFunction.map(JSONValue.string) ?? .null))
            m.append(("offset", trap.offset.map { JSONValue.integer($0) } ?? .null))
        } else {
            m.append(("code", r.code.map { JSONValue.integer($0) } ?? .null))
            m.append(("results", .array(r.results.map { .string($0.typedText(v128: v128)) })))
        }
        m.append(("steps", .integer(machine.steps)))
        m.append(("fuel", .integer(r.fuelUsed)))
        m.append(("hostCalls", .integer(r.hostCalls)))
        return .object(m)
    }

    /// What `--trace-values` needs from before an instruction runs.
    struct TraceBefore {
        var depth: Int
        /// The innermost frame's operands, bottom first.
        var operands: [Value]
        var popCount: Int
        /// The caller's operand count (to find what a return pushed there).
        var callerOperandCount: Int
        var reads: [(range: Range<UInt64>, bytes: [UInt8])]
        var writes: [Range<UInt64>]
    }

    func valuesBefore() -> TraceBefore? {
        guard let location = machine.location, let frame = machine.innermostFrame else { return nil }
        let depth = machine.callDepth
        var accesses: [InstrMemoryAccess] = []
        var pops = module.popCount(function: location.function, pc: location.pc)
        if let call = machine.pendingHostCall {
            accesses = memoryAccesses(for: call).map { InstrMemoryAccess(range: $0.range, isWrite: $0.isWrite) }
            pops = call.arguments.count
        } else if let instr = instruction(at: location), Instr.touchesMemory(instr.op) {
            accesses = instr.memoryAccesses(operands: frame.operands)
        }
        let reads = accesses.filter { !$0.isWrite }.map { ($0.range, traceBytes($0.range)) }
        return TraceBefore(depth: depth, operands: frame.operands, popCount: min(pops, frame.operands.count),
                           callerOperandCount: depth >= 2 ? machine.frame(at: depth - 2).operands.count : 0,
                           reads: reads, writes: accesses.filter(\.isWrite).map(\.range))
    }

    /// `pop`/`push` (bottom first, typed strings) and `reads`/`writes` (`{"address","length","hex"}`; hex of at most 64 bytes).
    func valuesAfter(_ before: TraceBefore, v128: V128Shape) -> [(key: String, value: JSONValue)] {
        let popped = Array(before.operands.suffix(before.popCount))
        var pushed: [Value] = []
        let kept = before.operands.count - before.popCount
        if let r = result {
            pushed = r.results
        } else if machine.callDepth == before.depth, let frame = machine.innermostFrame, frame.operands.count > kept {
            pushed = Array(frame.operands[kept...])
        } else if machine.callDepth == before.depth - 1, let frame = machine.innermostFrame, frame.operands.count > before.callerOperandCount {
            pushed = Array(frame.operands[before.callerOperandCount...])
        }
        // A call into wasm pushes nothing: its arguments became the callee's locals.
        func strings(_ v: [Value]) -> JSONValue { .array(v.map { .string($0.typedText(v128: v128)) }) }
        func access(_ range: Range<UInt64>, _ bytes: [UInt8]) -> JSONValue {
            .object([("address", .integer(range.lowerBound)), ("length", .integer(range.count)),
                     ("hex", .string(Hex.encode(bytes)))])
        }
        var m: [(key: String, value: JSONValue)] = [("pop", strings(popped)), ("push", strings(pushed))]
        if !before.reads.isEmpty { m.append(("reads", .array(before.reads.map { access($0.range, $0.bytes) }))) }
        if !before.writes.isEmpty {
            m.append(("writes", .array(before.writes.map { access($0, traceBytes($0)) })))
        }
        return m
    }

    /// The first 64 bytes of a range, if it lies in memory.
    func traceBytes(_ range: Range<UInt64>) -> [UInt8] {
        guard let memory = instance.flatMap({ machine.memory(of: $0) }) else { return [] }
        let count = UInt64(min(range.count, 64))
        guard memory.contains(range.lowerBound, count: count) else { return [] }
        return (try? memory.read(range.lowerBound, count: Int(count))) ?? []
    }

    func instruction(at location: CodeLocation) -> Instr? {
        let i = location.function - module.importedFunctionCount
        guard i >= 0, i < module.functions.count, location.pc < module.functions[i].code.count else { return nil }
        return module.functions[i].code[location.pc]
    }

    func opcodeName(at location: CodeLocation) -> String {
        instruction(at: location).map { Self.wasmName($0.op) } ?? "?"
    }

    /// `i32Add` -> `i32.add`, `localGet` -> `local.get`, `brIf` -> `br_if`.
    static func wasmName(_ op: OpCode) -> String {
        let raw = String(describing: op)
        var out = ""
        var sawPrefix = false
        // SIMD shapes first: `i32x4Add` is `i32x4.add`, not `i32.x4_add`.
        for prefix in ["v128", "i8x16", "i16x8", "i32x4", "i64x2", "f32x4", "f64x2", "i32", "i64", "f32", "f64", "local", "global", "table", "memory", "ref", "elem", "data"] where raw.hasPrefix(prefix) && raw != prefix {
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
