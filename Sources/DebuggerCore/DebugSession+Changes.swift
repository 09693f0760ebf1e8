import ContractHost
import WasmVM

/// `set` (recorded changes to the state) and `save`.
extension DebugSession {
    func setCommand(_ args: [String]) throws(CommandError) -> String {
        let usage = "usage: set local N VALUE | set global N|NAME VALUE | set mem ADDR HEX | set fuel N | set print demangle on|off"
        guard let what = args.first else { throw CommandError(usage) }
        switch what {
        case "fuel":
            guard args.count == 2 else { throw CommandError("usage: set fuel N (the new fuel limit)") }
            let limit = try UserNumber.parse(args[1], "set fuel: N", in: 0...UInt64.max)
            guard limit >= machine.fuelUsed else { throw CommandError("set fuel: \(limit) is below the fuel already used (\(machine.fuelUsed))") }
            if case .trapped(let trap) = state {
                // Out of fuel is the one trap a top-up can resume: go back before the instruction that could not be paid.
                guard trap.kind == .outOfFuel else { throw CommandError("the call has trapped (\(trap.kind.rawValue)); set fuel only resumes an out_of_fuel trap") }
                travel(to: machine.steps)
            } else {
                try requireRunning()
            }
            machine.fuelLimit = limit
            record("set fuel \(limit)", edit: .fuel(limit), isFuel: true)
            return "fuel limit set to \(limit)" + (state == .paused(reason: .moved("goto")) ? "; \(statusLine), step \(machine.steps)" : "")
        case "mem", "memory":
            guard args.count == 3 else { throw CommandError("usage: set mem ADDR HEX") }
            let address = try UserNumber.parse(args[1], "set mem: ADDR", in: 0...UInt64(UInt32.max), hex: true)
            guard let bytes = parseHexBytes(args[2]) else { throw CommandError("set mem: '\(args[2])' is not hex bytes (e.g. 0a0b or 0x0a0b)") }
            try requireRunning()
            guard let memory = machine.memory(of: instance) else { throw CommandError("the module has no memory") }
            guard memory.contains(UInt64(address), count: UInt64(bytes.count)) else {
                throw CommandError("set mem: 0x\(hex(UInt64(address)))+\(bytes.count) is outside memory (\(memory.byteCount) bytes)")
            }
            do { try memory.write(UInt64(address), bytes) } catch { throw CommandError("set mem: \(error.message)") }
            let text = "set mem 0x\(hex(UInt64(address))) \(bytes.map { hex(UInt64($0), digits: 2) }.joined())"
            record(text, edit: .set(String(text.dropFirst(4))))
            lastAccesses = [MemoryRange(range: UInt64(address) ..< UInt64(address) + UInt64(bytes.count), kind: .write)]
            return "wrote \(bytes.count) byte\(bytes.count == 1 ? "" : "s") at 0x\(hex(UInt64(address)))"
        case "print":
            return try setPrint(Array(args.dropFirst()))
        case "global":
            return try setGlobal(args)
        case "local":
            guard args.count == 3 else { throw CommandError("usage: set \(what) N VALUE") }
            let index = Int(try UserNumber.parse(args[1], "set local: N", in: 0...UInt64(UInt32.max)))
            try requireRunning()
            return try setVariable(what, index: index, text: args[2])
        default:
            throw CommandError(usage)
        }
    }

    /// A change to the state at this step: later checkpoints belong to the old timeline.
    /// `edit` is how a snapshot replays it (`edits`); `frame` the selected frame of a `set local`.
    func record(_ text: String, edit: SnapshotEdit.Action, frame: Int? = nil, isFuel: Bool = false) {
        let step = machine.steps
        changes.append(Change(step: step, text: text, isFuel: isFuel, edit: SnapshotEdit(step: step, action: edit, frame: frame),
                              scheduled: applyingEdit))
        timeline += 1
        history.removeAll(from: step)
        if let checkpoint = takeCheckpoint() { history.insert(step: step, checkpoint: checkpoint, pinned: true) }
        invalidate()
    }

    /// `1a2b`, `0x1a2b`, `1a 2b`
    func parseHexBytes(_ text: String) -> [UInt8]? {
        var body = Substring(text)
        if body.hasPrefix("0x") { body = body.dropFirst(2) }
        guard !body.isEmpty, body.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        var i = body.startIndex
        while i < body.endIndex {
            let j = body.index(i, offsetBy: 2)
            guard let b = UInt8(body[i ..< j], radix: 16) else { return nil }
            bytes.append(b)
            i = j
        }
        return bytes
    }

    /// A value of `type` from `42`, `-1`, `0x2a`, `1.5` or a typed string `i64:7`.
    func parseValue(_ text: String, as type: ValueType) throws(CommandError) -> Value {
        if text.contains(":") {
            guard let value = Value(typedString: text), value.type == type else { throw CommandError("'\(text)' is not an \(type) value") }
            return value
        }
        switch type {
        case .i32:
            guard let n = parseInteger(text), n >= Int64(Int32.min), n <= Int64(UInt32.max) else { throw CommandError("'\(text)' is not an i32 (-2147483648...4294967295)") }
            return .i32(UInt32(truncatingIfNeeded: n))
        case .i64:
            guard let n = parseInteger(text) else { throw CommandError("'\(text)' is not an i64 (-9223372036854775808...18446744073709551615)") }
            return .i64(UInt64(bitPattern: n))
        case .f32:
            guard let f = Float(text) else { throw CommandError("'\(text)' is not an f32") }
            return .f32(f.bitPattern)
        case .f64:
            guard let d = Double(text) else { throw CommandError("'\(text)' is not an f64") }
            return .f64(d.bitPattern)
        case .funcref, .externref:
            throw CommandError("references cannot be set")
        case .v128:
            guard let v = V128(hex: text) else { throw CommandError("'\(text)' is not a v128 (0x and up to 32 hex digits)") }
            return .v128(v)
        }
    }

    /// The outcome the run reaches from here (runs it out on the side if it is still paused,
    /// applying the snapshot's edits still ahead).
    func finalOutcome() -> ExpectedOutcome? {
        func expected(_ state: StopState) -> ExpectedOutcome? {
            switch state {
            case .trapped(let trap): return ExpectedOutcome(status: "trap", trap: trap.kind)
            case .finished(let outcome): return ExpectedOutcome(status: outcome.status, code: outcome.code)
            default: return nil
            }
        }
        if let known = expected(state) { return known }
        return onTheSide { () -> ExpectedOutcome in
            switch runOutApplyingEdits() {
            case .returned(let values):
                let o = target.outcome(results: values)
                return ExpectedOutcome(status: o.status, code: o.code)
            case .trapped(let trap):
                return ExpectedOutcome(status: "trap", trap: trap.kind)
            default:
                return ExpectedOutcome(status: "trap", trap: .hostError)
            }
        }
    }

    /// `(expect trap out_of_fuel)`
    func expectText(_ outcome: ExpectedOutcome) -> String {
        var text = "expect \(outcome.status)"
        if let trap = outcome.trap { text += " \(trap.rawValue)" }
        if let code = outcome.code { text += " code \(code)" }
        return text
    }

    func editsNote(_ edits: [SnapshotEdit]) -> String {
        edits.isEmpty ? "" : "; \(edits.count) edit\(edits.count == 1 ? "" : "s"), which run and debug replay"
    }

    func save(to path: String) throws(CommandError) -> String {
        guard let outcome = finalOutcome() else { throw CommandError("save: out of host memory to run the call out") }
        let edits = effectiveEdits
        let json: String
        do {
            json = try target.snapshotJSON(path: path, expect: outcome, edits: edits)
        } catch {
            throw CommandError("save: \(error)")
        }
        do throws(OutputError) { try OutputFile.write(json, to: path) } catch {
            throw CommandError("save: cannot write \(path): \(error.reason)")
        }
        return "saved \(path) (\(expectText(outcome))\(editsNote(edits)))"
    }

    /// `save --bundle DIR`
    func saveBundle(to directory: String) throws(CommandError) -> String {
        guard let outcome = finalOutcome() else { throw CommandError("save: out of host memory to run the call out") }
        let edits = effectiveEdits
        let written: [String]
        do {
            written = try target.writeBundle(directory: directory, expect: outcome, edits: edits, commands: commandHistory)
        } catch {
            throw CommandError("save --bundle: \(error)")
        }
        return "saved bundle \(directory) (\(expectText(outcome))\(editsNote(edits))): \(written.joined(separator: ", "))"
    }
}
