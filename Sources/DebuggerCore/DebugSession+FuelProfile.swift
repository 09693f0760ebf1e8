import WasmVM

/// Fuel by function for the fuel pane. The interpreter does not attribute fuel, so
/// the session re-executes the call instruction by instruction on the side (from a
/// saved copy of the state, restored afterwards), only when the panes ask and only
/// up to `fuelProfileLimit` steps; the result is cached per step and timeline.
extension DebugSession {
    /// Beyond this many steps the pane shows no breakdown (it would cost too much to compute).
    static let fuelProfileLimit: UInt64 = 250_000

    struct FuelProfile {
        var timeline: Int
        var step: UInt64
        var byFunction: [String: UInt64]
    }

    /// Function display names (`NAME (host)` for host calls) with the fuel spent in them, most first.
    func fuelByFunction() -> [(name: String, used: UInt64)] {
        let target = stepsExecuted
        guard target > 0, target <= Self.fuelProfileLimit else { return [] }
        if let cached = fuelProfile, cached.timeline == timeline, cached.step == target { return sorted(cached.byFunction) }
        guard let here = takeCheckpoint() else { return [] }
        var profile = [String: UInt64]()
        var start: UInt64 = 0
        // Extend the cached profile when it is an earlier point of the same timeline.
        if let cached = fuelProfile, cached.timeline == timeline, cached.step < target {
            replayPlain(to: cached.step)
            profile = cached.byFunction
            start = cached.step
        } else {
            self.target.restore(history.nearest(atOrBefore: 0)!.checkpoint)
        }
        configureMachine(armed: false)
        var step = start
        let changed = Set(changes.map(\.step))
        while step < target {
            // Re-apply `set` changes where they were made.
            if changed.contains(step), let exact = history.nearest(atOrBefore: step), exact.step == step { self.target.restore(exact.checkpoint) }
            guard let location = machine.location else { break }
            var name = module.displayName(ofFunction: location.function)
            if let instr = instruction(at: location), instr.op == .call, Int(instr.a) < module.importedFunctionCount {
                name = "\(module.displayName(ofFunction: Int(instr.a))) (host)"
            }
            let before = machine.fuelUsed
            let event = machine.step()
            profile[name, default: 0] += machine.fuelUsed &- before
            step += 1
            if case .returned = event { break }
            if case .trapped = event { break }
        }
        self.target.restore(here)
        fuelProfile = FuelProfile(timeline: timeline, step: target, byFunction: profile)
        return sorted(profile)
    }

    /// Instructions executed to reach the state shown (a trapping instruction that charged fuel counts too).
    var stepsExecuted: UInt64 {
        if case .trapped = state { return machine.steps + 1 }
        return machine.steps
    }

    private func sorted(_ profile: [String: UInt64]) -> [(name: String, used: UInt64)] {
        profile.filter { $0.value > 0 }.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// Restores the nearest checkpoint and runs (nothing armed) to `step`.
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
}
