import DebugInfo
import WasmVM

/// `reverse-step` and `reverse-next` by source line: back to the start of the line
/// executed before the current one (gdb's semantics). The steps before the current
/// one are traced by replaying a window of them from the nearest checkpoint; the
/// window doubles until the previous line's start is inside it.
extension DebugSession {
    private struct TracedState {
        var step: UInt64
        var function: Int
        var offset: Int
        var depth: Int
    }

    /// The step to travel to, or nil when the current function has no line info.
    func reverseLineTarget(over: Bool) -> UInt64? {
        guard let location = machine.location, let current = sourceRow(at: location), hasLineInfo(function: location.function) else {
            return nil
        }
        let origin = machine.steps
        let depth = machine.callDepth
        // Without a checkpoint to come back to, step back by instructions instead.
        guard let here = takeCheckpoint() else { return nil }
        defer { self.target.restore(here) }
        var window: UInt64 = 4096
        while true {
            let from = origin > window ? origin - window : 0
            let trace = traceStates(from: from, to: origin)
            if let step = previousLineStart(in: trace, line: (current.file, current.line), depth: depth, over: over, complete: from == 0) {
                return step
            }
            if from == 0 { return 0 }
            window *= 4
        }
    }

    /// Replays from the nearest checkpoint to `step` with nothing armed.
    func replayPlain(to step: UInt64) {
        guard let base = history.nearest(atOrBefore: step) else { preconditionFailure("no checkpoint at step 0") }
        target.restore(base.checkpoint)
        configureMachine(armed: false)
        while machine.steps < step {
            switch machine.run(RunLimits(maxSteps: step)) {
            case .returned, .trapped: return
            default: continue
            }
        }
    }

    /// States before each instruction of `from ..< to` (replayed with nothing armed).
    private func traceStates(from: UInt64, to: UInt64) -> [TracedState] {
        replayPlain(to: from)
        var trace: [TracedState] = []
        trace.reserveCapacity(Int(to - from))
        let changed = Set(changes.map(\.step))
        while machine.steps < to {
            if changed.contains(machine.steps), let exact = history.nearest(atOrBefore: machine.steps), exact.step == machine.steps {
                self.target.restore(exact.checkpoint)
            }
            guard let location = machine.location else { break }
            trace.append(TracedState(step: machine.steps, function: location.function, offset: location.offset, depth: machine.callDepth))
            switch machine.step() {
            case .returned, .trapped: return trace
            default: continue
            }
        }
        return trace
    }

    /// Walks the trace back: past the rest of the current line, then to the first step of
    /// the contiguous run of the line before it (in this frame for `over`, else the
    /// innermost frame with line info). Nil when the trace does not reach back far enough.
    private func previousLineStart(in trace: [TracedState], line: (file: String, line: Int), depth: Int, over: Bool,
                                   complete: Bool) -> UInt64? {
        func row(_ s: TracedState) -> LineRow? {
            guard let r = sources.info?.line(at: s.offset), r.line > 0 else { return nil }
            return r
        }
        var i = trace.count - 1
        // Skip the current line (and, for `over`, the calls made from it).
        while i >= 0 {
            let s = trace[i]
            if s.depth < depth { return s.step }  // back before the function's entry: the call site
            if s.depth > depth && over { i -= 1; continue }
            guard let r = row(s), s.depth == depth, (r.file, r.line) == (line.file, line.line) else { break }
            i -= 1
        }
        guard i >= 0 else { return complete ? 0 : nil }
        // The line before: find where its run starts.
        var previous: (file: String, line: Int, depth: Int)?
        while i >= 0 {
            let s = trace[i]
            if over && s.depth > depth { i -= 1; continue }
            if let r = row(s) { previous = (r.file, r.line, s.depth); break }
            i -= 1
        }
        guard let previous else { return complete ? 0 : nil }
        var first = trace[i].step
        while i >= 0 {
            let s = trace[i]
            if s.depth > previous.depth && (over || previous.depth == depth) { i -= 1; continue }
            guard s.depth == previous.depth, let r = row(s), (r.file, r.line) == (previous.file, previous.line) else {
                return first
            }
            first = s.step
            i -= 1
        }
        return complete ? first : nil
    }
}
