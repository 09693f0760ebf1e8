import DebugInfo
import WasmVM

/// `step`, `next` and `until` by source line (gdb's semantics), for functions with
/// DWARF line info. A line step runs at full speed: every other line start of the
/// current function (and, for `step`, every call in it) is armed as a temporary
/// machine breakpoint, with the caller's return address for when the function returns.
extension DebugSession {
    enum LineMove { case step, next, until }

    /// Why a temporary stop of a line move was reached.
    private enum Marker {
        static let line = "\u{1}line"
        static let call = "\u{1}call"
        static let returned = "\u{1}return"
    }

    /// One line step from the current position, or nil when the current function has no line info.
    func lineStep(_ move: LineMove) -> Stop? {
        guard let location = machine.location, let start = sourceRow(at: location), hasLineInfo(function: location.function) else {
            return nil
        }
        let reason = move == .step ? "step" : move == .next ? "next" : "until"
        var line = (file: start.file, line: start.line)
        var hits: [(step: UInt64, stop: Stop)] = []
        while true {
            guard let here = machine.location else { return Stop(reason: reason) }
            let depth = machine.callDepth
            if move == .step, let instr = instruction(at: here), instr.op == .call || instr.op == .callIndirect {
                if let stop = stepIntoCall(depth: depth, reason: reason) { return stop }
            } else {
                let stop = runForward(goal: .reach(plan(for: here, line: line, depth: depth, move: move)), hits: &hits)
                switch stop.reason.text {
                case Marker.line: return Stop(reason: reason)
                case Marker.call: continue
                case Marker.returned: break
                default: return stop
                }
            }
            // Back in a caller, or past a call: keep stepping unless at the start of another line.
            guard let now = machine.location, isRunning else { return Stop(reason: reason) }
            guard hasLineInfo(function: now.function), let row = sourceRow(at: now) else { return Stop(reason: reason) }
            if machine.callDepth < depth || now.function != here.function {
                if isLineStart(now) && (row.file, row.line) != (line.file, line.line) { return Stop(reason: reason) }
                line = (row.file, row.line)
            } else if isLineStart(now) && (row.file, row.line) != (line.file, line.line) {
                return Stop(reason: reason)
            }
        }
    }

    /// Steps into the call at the current position: stops after the callee's prologue when
    /// it has line info, else runs it to its return. Nil to go on stepping the line.
    private func stepIntoCall(depth: Int, reason: String) -> Stop? {
        var hits: [(step: UInt64, stop: Stop)] = []
        guard let call = machine.location else { return Stop(reason: reason) }
        let event = stepOne()
        switch event {
        case .returned, .trapped:
            let stop = runForwardResult(event)
            return stop
        default: break
        }
        guard machine.callDepth > depth, let callee = machine.location else { return nil }  // a host call: one instruction
        if hasLineInfo(function: callee.function), let entry = afterPrologue(function: callee.function) {
            if entry.pc == callee.pc { return Stop(reason: reason) }
            let stop = runForward(goal: .reach([TemporaryStop(key: entry, depth: depth + 1, reason: reason)]), hits: &hits)
            return stop
        }
        let after = CodeLocationKey(function: call.function, pc: call.pc + 1)
        let stop = runForward(goal: .returnTo(after, depth: depth, reason: Marker.returned), hits: &hits)
        return stop.reason == .moved(Marker.returned) ? nil : stop
    }

    /// The state after a single step that ended the call (for line moves that step by hand).
    private func runForwardResult(_ event: ExecutionEvent) -> Stop {
        guard let stop = callEndStop(event) else { return Stop(reason: "step") }
        if !stop.breakpointIDs.isEmpty { breakpoints[0].hits += 1 }
        return stop
    }

    /// The temporary stops of one leg of a line move in the current function.
    private func plan(for here: CodeLocation, line: (file: String, line: Int), depth: Int, move: LineMove) -> [TemporaryStop] {
        var stops: [TemporaryStop] = []
        for start in lineStarts(function: here.function) where (start.row.file, start.row.line) != (line.file, line.line) {
            // `until` does not stop at lines above the current one (the jump back of a loop).
            if move == .until && start.row.file == line.file && start.row.line < line.line { continue }
            stops.append(TemporaryStop(key: start.key, depth: depth, orShallower: true, reason: Marker.line))
        }
        if move == .step {
            for (pc, instr) in functionCode(here.function).enumerated() where instr.op == .call || instr.op == .callIndirect {
                stops.append(TemporaryStop(key: CodeLocationKey(function: here.function, pc: pc), depth: depth, reason: Marker.call))
            }
        }
        if let after = returnAddress {
            stops.append(TemporaryStop(key: after, depth: depth - 1, orShallower: true, reason: Marker.returned))
        }
        return stops
    }

    /// True when the location is the first instruction of a statement row.
    func isLineStart(_ location: CodeLocation) -> Bool {
        lineStarts(function: location.function).contains { $0.key.pc == location.pc }
    }

    func functionCode(_ function: Int) -> [Instr] {
        let defined = function - module.importedFunctionCount
        return defined >= 0 && defined < module.functions.count ? module.functions[defined].code : []
    }
}
