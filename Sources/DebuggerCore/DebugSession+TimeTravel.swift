import WasmVM

/// Time travel: deterministic re-execution from the nearest checkpoint.
extension DebugSession {
    /// Puts the session in the exact state at `step` (paused before instruction
    /// `step`): replays to `step - 1` with nothing armed, then single-steps so the
    /// last step's memory accesses and fuel cost are exact too. Stops early if the
    /// call ends first. `set` changes made after `step` are undone.
    func travel(to step: UInt64) {
        dropChanges(after: step)
        // Snapshot edits on the way are made at their steps.
        while let (_, edit) = firstPendingEdit(atOrBefore: step) {
            replay(to: edit.step)
            guard isRunning, machine.steps == edit.step else { return }
            applyDueEdits()
            if edit.step == step { return }
        }
        replay(to: step)
    }

    /// Forgets the changes made after `step` (travelling there undoes them).
    private func dropChanges(after step: UInt64) {
        if let first = changes.first(where: { $0.step > step }) {
            history.removeAll(from: first.step)
            changes.removeAll { $0.step > step }
            timeline += 1
        }
    }

    /// `travel` without the snapshot's edits.
    private func replay(to step: UInt64) {
        if let first = changes.first(where: { $0.step > step }) {
            history.removeAll(from: first.step)
            changes.removeAll { $0.step > step }
            timeline += 1
        }
        forgetLastStop()
        // A checkpoint holding a `set` at exactly this step is the state itself.
        if changes.contains(where: { $0.step == step }), let exact = history.nearest(atOrBefore: step), exact.step == step {
            target.restore(exact.checkpoint)
            state = .paused(reason: .moved("goto"))
            return
        }
        let replayTarget = step == 0 ? 0 : step - 1
        guard let base = history.nearest(atOrBefore: replayTarget) else { preconditionFailure("no checkpoint at step 0") }
        target.restore(base.checkpoint)
        state = .paused(reason: .moved("goto"))
        configureMachine(armed: false)
        while machine.steps < replayTarget {
            let next = min(replayTarget, CheckpointHistory.nextPeriodicStep(after: machine.steps))
            switch machine.run(RunLimits(maxSteps: next)) {
            case .returned(let values):
                finish(values)
                return
            case .trapped(let trap):
                state = .trapped(trap)
                return
            case .stepLimit:
                if machine.steps < replayTarget { recordCheckpoint() }
            default:
                continue
            }
        }
        if step > 0 {
            switch stepOne() {
            case .returned(let values): finish(values)
            case .trapped(let trap): state = .trapped(trap)
            default: break
            }
        }
    }

    func finish(_ values: [Value]) {
        let outcome = target.outcome(results: values)
        state = .finished(outcome)
        results = values
    }

    /// The step a reverse-step counts back from: a trapped instruction never
    /// completed, so stepping back from a trap lands just before it.
    var reverseOrigin: UInt64 {
        if case .trapped = state { return machine.steps + 1 }
        return machine.steps
    }

    /// Moves back to the last breakpoint or watch hit before the current position,
    /// scanning checkpoint segments newest first; the start if there is none.
    func reverseContinue() -> Stop {
        let limit = reverseOrigin
        var segmentEnd = limit
        for start in history.steps(before: limit) {
            guard let base = history.nearest(atOrBefore: start) else { continue }
            target.restore(base.checkpoint)
            state = .paused(reason: .moved("scan"))
            mustStepBeforeRun = false
            var hits: [(step: UInt64, stop: Stop)] = []
            if segmentEnd > start {
                _ = runForward(goal: .step(segmentEnd), mode: .collect, checkHere: true, hits: &hits)
            }
            if let last = hits.last(where: { $0.step >= start && $0.step < limit }) {
                travel(to: last.step)
                for id in last.stop.breakpointIDs { if let i = breakpoints.firstIndex(where: { $0.id == id }) { breakpoints[i].hits += 1 } }
                return last.stop
            }
            segmentEnd = start
        }
        travel(to: 0)
        return Stop(reason: .note("no earlier breakpoint: back at the start"))
    }

    /// Back to step 0 with the loaded module and fresh host state; `set` changes are dropped.
    func restart() {
        if !changes.isEmpty {
            changes = []
            timeline += 1
            history = CheckpointHistory(budget: history.budget)
            history.insert(step: 0, checkpoint: initialCheckpoint)
        }
        target.restore(initialCheckpoint)
        state = .paused(reason: .start)
        forgetLastStop()
        resetConditionCounts()
        applyDueEdits()
    }

    /// Clears what described the previous stop (last step's accesses and cost,
    /// results, selected frame) before the machine is put in another state.
    private func forgetLastStop() {
        lastAccesses = []
        lastCost = 0
        lastStepExact = true
        results = nil
        selectedFrame = 0
        mustStepBeforeRun = false
    }
}
