import WasmVM

/// Forward execution: single steps, and runs through the machine's pauses.
extension DebugSession {
    /// Why a forward move stopped.
    struct Stop {
        var reason: StopReason
        var breakpointIDs: [Int] = []
        /// Lines printed after where it stopped (`finish`'s returned value).
        var notes: [String] = []
        init(reason: StopReason, breakpointIDs: [Int] = [], notes: [String] = []) {
            self.reason = reason; self.breakpointIDs = breakpointIDs; self.notes = notes
        }
        /// A move's own stop (`step`, `next`, `finish`, internal markers), or `finished`, `trap`, `interrupted`.
        init(reason name: String, breakpointIDs: [Int] = []) {
            let reason: StopReason = switch name {
            case "finished": .finished
            case "trap": .trap
            case "interrupted": .interrupted
            case "start": .start
            default: .moved(name)
            }
            self.init(reason: reason, breakpointIDs: breakpointIDs)
        }
    }

    /// What a forward run is after, besides breakpoints.
    enum Goal {
        /// Until a breakpoint, a trap or the end.
        case breakpoints
        /// Until `steps` reaches this count.
        case step(UInt64)
        /// Until a frame returns to `location` with this many frames (next, finish).
        case returnTo(CodeLocationKey, depth: Int, reason: String)
        /// Until any of these locations is reached at its depth (line stepping).
        case reach([TemporaryStop])
    }

    /// A location a move stops at (besides breakpoints) when reached with `depth`
    /// wasm frames, or fewer when `orShallower` (a line start of a function that returned into a recursive caller).
    struct TemporaryStop {
        var key: CodeLocationKey
        var depth: Int
        var orShallower = false
        var reason: String

        func holds(atDepth d: Int) -> Bool { orShallower ? d <= depth : d == depth }
    }

    /// How a run reports breakpoint hits: stop at the first (forward moves) or
    /// collect them all and go on (reverse-continue's scan).
    enum HitMode { case stop, collect }

    // MARK: Arming the machine

    /// Patches in the machine breakpoints, watches and host pauses the enabled
    /// breakpoints need (`armed`), or removes them all for plain replays.
    func configureMachine(armed: Bool, extra: [Int: TemporaryStop] = [:]) {
        // A run resumed after every false condition: nothing to patch when nothing changed.
        if extra.isEmpty, let last = armedFor, last.version == breakpointsVersion, last.armed == armed {
            machine.pauseBeforeHostCalls = armedHostPauses
            machine.pauseAfterHostCalls = false
            return
        }
        var wanted: [Int: CodeLocationKey] = [:]
        var watches: [Range<UInt64>] = []
        var hostPauses = false
        if armed {
            for bp in breakpoints where bp.isEnabled {
                switch bp.kind {
                case .function, .offset, .line:
                    for loc in bp.locations { let key = CodeLocationKey(function: loc.function, pc: loc.pc); wanted[key.machineID] = key }
                case .memory(let address, let length):
                    watches.append(address ..< address + length)
                    hostPauses = true
                case .host, .state:
                    hostPauses = true
                case .trap, .fuel:
                    break
                }
            }
            for (id, stop) in extra { wanted[id] = stop.key }
        }
        for (id, _) in armedLocations where wanted[id] == nil {
            machine.removeBreakpoint(id: id)
            machine.setBreakpointConditions(id: id, nil)
        }
        for (id, key) in wanted where armedLocations[id] == nil {
            machine.setBreakpoint(id: id, instance: instance, function: key.function, pc: key.pc)
        }
        // A temporary stop at a location must stop there: no machine conditions for it.
        for id in wanted.keys { machine.setBreakpointConditions(id: id, extra[id] == nil && lowersConditions ? machineConditions(at: id) : nil) }
        armedLocations = wanted
        if watches != armedWatches {
            machine.setMemoryWatches(watches, instance: instance)
            armedWatches = watches
        }
        machine.pauseBeforeHostCalls = hostPauses
        machine.pauseAfterHostCalls = false
        armedFor = extra.isEmpty ? (breakpointsVersion, armed) : nil
        armedHostPauses = hostPauses
    }

    /// The smallest enabled fuel threshold not yet reached.
    var nextFuelPause: UInt64? {
        let used = machine.fuelUsed
        var next: UInt64?
        for bp in breakpoints where bp.isEnabled {
            if case .fuel(let n) = bp.kind, n > used, next.map({ n < $0 }) ?? true { next = n }
        }
        return next
    }

    // MARK: Single steps

    /// Executes exactly one instruction (a host call is one), whatever the
    /// machine would pause on, recording the memory it touched and its fuel cost.
    /// Returns the watch hits it caused (`collect` gathers every enabled one).
    /// Without `detailed` (stepping off a pause on the way of a run) the accesses are
    /// decoded only when a watch needs them; the panes then recompute them if asked.
    @discardableResult
    func stepOne(detailed: Bool = true) -> ExecutionEvent {
        var accesses: [MemoryRange] = []
        var stateKeys: [[UInt8]] = []
        let predict = detailed || breakpoints.contains { $0.isEnabled && $0.isWatch }
        if predict, let location = machine.location, let instr = instruction(at: location) {
            if let call = upcomingHostCall() {
                accesses = call.ranges
                stateKeys = call.stateKeysWritten
                lastWriter = .hostCall(call.name)
            } else if MemoryAccess.touchesMemory(instr.op), let frame = machine.innermostFrame {
                accesses = MemoryAccess.predict(instr, operands: frame.operands)
                lastWriter = .instruction(location)
            }
        }
        let fuelBefore = machine.fuelUsed
        // `step` runs the instruction whatever breakpoint or host-call pause is armed at it.
        let event = machine.step()
        lastStepExact = detailed
        lastCost = machine.fuelUsed &- fuelBefore
        if case .trapped = event { lastAccesses = [] } else { lastAccesses = accesses }
        if accesses.isEmpty && stateKeys.isEmpty {
            if !pendingWatchHits.isEmpty { pendingWatchHits = [] }
        } else {
            pendingWatchHits = watchHits(writes: accesses.filter { $0.kind == .write }.map(\.range), stateKeys: stateKeys)
        }
        return event
    }

    /// The stop for an event that ended the call (state set to finished or trapped; a trap
    /// carries the trap breakpoint's id when it is enabled), nil for any other event.
    func callEndStop(_ event: ExecutionEvent) -> Stop? {
        switch event {
        case .returned(let values):
            finish(values)
            return Stop(reason: "finished")
        case .trapped(let trap):
            state = .trapped(trap)
            return Stop(reason: "trap", breakpointIDs: breakpoints[0].isEnabled ? [0] : [])
        default:
            return nil
        }
    }

    /// Enabled memory/state watches the given writes trigger (conditions checked).
    func watchHits(writes: [Range<UInt64>], stateKeys: [[UInt8]]) -> [Int] {
        breakpoints.filter { bp in
            guard bp.isEnabled else { return false }
            switch bp.kind {
            case .memory(let address, let length):
                return writes.contains { $0.overlapsNonEmpty(address ..< address + length) } && conditionHolds(bp)
            case .state(let key):
                return stateKeys.contains(key) && conditionHolds(bp)
            default:
                return false
            }
        }.map(\.id)
    }

    /// Makes `lastAccesses` and `lastCost` exact after a stop reached by a run:
    /// re-executes up to the last instruction from the nearest checkpoint.
    func ensureLastStep() {
        if lastStepExact { return }
        lastStepExact = true
        let frame = selectedFrame
        switch state {
        case .paused(let reason):
            travel(to: machine.steps)
            state = .paused(reason: reason)
        case .finished:
            travel(to: machine.steps)
        default:
            lastAccesses = []
            lastCost = 0
        }
        selectedFrame = frame
    }

    // MARK: Runs

    /// Runs forward from the current position until a stop. The instruction at
    /// the current position is stepped over first (we are stopped on it), unless
    /// `checkHere` asks to test it for breakpoints (reverse-continue's scans).
    /// In `collect` mode hits are appended to `hits` with their step and the run
    /// goes on until `goal` (a `.step`) is reached.
    func runForward(goal: Goal, mode: HitMode = .stop, checkHere: Bool = false,
                    hits: inout [(step: UInt64, stop: Stop)]) -> Stop {
        let savedMode = conditionMode
        conditionMode = mode == .collect ? .scan : .forward
        // The machine evaluates lowered conditions only in runs, counting hits as the session would.
        machine.evaluatesConditions = true
        machine.countsConditionHits = mode != .collect
        defer {
            conditionMode = savedMode
            machine.evaluatesConditions = false
        }
        var temporaries: [Int: TemporaryStop] = [:]
        switch goal {
        case .returnTo(let key, let depth, let reason): temporaries[key.machineID] = TemporaryStop(key: key, depth: depth, reason: reason)
        case .reach(let stops): for stop in stops where temporaries[stop.key.machineID] == nil { temporaries[stop.key.machineID] = stop }
        case .breakpoints, .step: break
        }
        var stepTarget: UInt64?
        if case .step(let n) = goal { stepTarget = n }
        rememberWatchedValues()

        // Hits are counted only on real stops, not on reverse-continue's replays.
        func report(_ stop: Stop) -> Bool {
            if mode == .collect { hits.append((machine.steps, stop)); return false }
            for id in stop.breakpointIDs { if let i = breakpoints.firstIndex(where: { $0.id == id }) { breakpoints[i].hits += 1 } }
            return true
        }

        if checkHere, let stop = codeOrHostHitHere(temporaries: temporaries) ?? fuelHitHere(),
           report(stop) { return stop }

        var first = true
        var fuelPause: UInt64?
        while true {
            // A snapshot edit of this step is made before its instruction runs.
            if mode == .stop { applyDueEdits() }
            if let stepTarget, machine.steps >= stepTarget { return Stop(reason: "step") }
            var event: ExecutionEvent
            // The last instruction of a `step N` is single-stepped so the panes get its accesses.
            let lastOfSteps = stepTarget.map { machine.steps + 1 == $0 } ?? false
            if first || mustStepBeforeRun || lastOfSteps {
                // Reached by a step budget, not a pause: breakpoints here are not yet checked.
                if lastOfSteps && !first && !mustStepBeforeRun,
                   let stop = codeOrHostHitHere(temporaries: temporaries), report(stop) {
                    return stop
                }
                // Step over what we stand on (a breakpoint, a pending host call, a fuel pause).
                let detailed = lastOfSteps
                first = false
                event = stepOne(detailed: detailed)
                mustStepBeforeRun = false
                if !pendingWatchHits.isEmpty {
                    if case .trapped = event {} else if case .returned = event {} else {
                        let stop = Stop(reason: watchReason(pendingWatchHits, writer: lastWriter), breakpointIDs: pendingWatchHits)
                        if report(stop) { return stop }
                    }
                }
                switch event {
                case .returned, .trapped: break
                default:
                    if mode == .stop { applyDueEdits() }
                    if let stepTarget, machine.steps >= stepTarget { return Stop(reason: "step") }
                    if let stop = codeOrHostHitHere(temporaries: temporaries) {
                        if report(stop) { return stop }
                        mustStepBeforeRun = true
                        continue
                    }
                    continue
                }
            } else {
                configureMachine(armed: true, extra: temporaries)
                let checkpointAt = CheckpointHistory.nextPeriodicStep(after: machine.steps)
                var maxSteps = stepTarget.map { min($0 - 1, checkpointAt) } ?? checkpointAt
                // Stop at the next snapshot edit's step to make it there.
                if mode == .stop, let next = nextPendingEdit()?.edit.step, next > machine.steps { maxSteps = min(maxSteps, next) }
                fuelPause = nextFuelPause
                lastStepExact = false
                event = machine.run(RunLimits(maxSteps: maxSteps, pauseAtFuel: fuelPause))
            }
            switch event {
            case .returned, .trapped:
                let stop = callEndStop(event)!
                if mode == .stop { _ = report(stop) }
                return stop
            case .stepLimit:
                if let stepTarget, machine.steps >= stepTarget { return Stop(reason: "step") }
                if machine.steps % CheckpointHistory.interval == 0 { recordCheckpoint() }
                if mode == .stop, hasPendingEdit(at: machine.steps) {
                    applyDueEdits()
                    // The run stopped here for the edit, before this instruction's breakpoints were checked.
                    if let stop = codeOrHostHitHere(temporaries: temporaries), report(stop) { return stop }
                } else if let location = machine.location, armedLocations[CodeLocationKey(function: location.function, pc: location.pc).machineID] != nil {
                    // Likewise at a checkpoint step: the machine checks a step limit before a breakpoint and
                    // does not pause twice at one step, so an arrival here would otherwise be missed.
                    if let stop = codeOrHostHitHere(temporaries: temporaries), report(stop) { return stop }
                }
                // Between chunks the front end may ask to stop (Ctrl-C in the terminal UI).
                if mode == .stop, interruptCheck?() == true { return Stop(reason: "interrupted") }
            case .breakpoint:
                if let stop = codeOrHostHitHere(temporaries: temporaries), report(stop) {
                    return stop
                }
                // The machine never pauses twice at one step: resumed, it runs the instruction.
                // Only a call is stepped here (a host call would pause before it, and the
                // breakpoints here would be checked again), which also keeps a false condition
                // in hot code from costing a single step and its checks.
                if let location = machine.location, let instr = instruction(at: location), instr.op != .call && instr.op != .callIndirect {
                    continue
                }
                mustStepBeforeRun = true
            case .hostCallPending, .hostCallReturned:
                if let stop = codeOrHostHitHere(temporaries: [:]), report(stop) { return stop }
                mustStepBeforeRun = true
            case .memoryWatch(let address, let length, let writer):
                let ids = watchHits(writes: [address ..< address + length], stateKeys: [])
                lastAccesses = [MemoryRange(range: address ..< address + length, kind: .write)]
                if !ids.isEmpty {
                    let stop = Stop(reason: watchReason(ids, writer: .instruction(writer)), breakpointIDs: ids)
                    if report(stop) { return stop }
                }
            case .fuelLimit:
                let used = machine.fuelUsed
                let ids = breakpoints.filter { bp in
                    guard bp.isEnabled, case .fuel(let n) = bp.kind else { return false }
                    return n == fuelPause && conditionHolds(bp)
                }.map(\.id)
                mustStepBeforeRun = true
                if !ids.isEmpty {
                    let stop = Stop(reason: .breakpoint(ids: ids, hit: .fuel(used: used)), breakpointIDs: ids)
                    if report(stop) { return stop }
                }
            }
        }
    }

    /// Code and host-call breakpoints (and the temporary one) that hold at the current position.
    func codeOrHostHitHere(temporaries: [Int: TemporaryStop]) -> Stop? {
        guard let location = machine.location else { return nil }
        if let stop = temporaries[CodeLocationKey(function: location.function, pc: location.pc).machineID],
           stop.holds(atDepth: machine.callDepth) {
            return Stop(reason: stop.reason)
        }
        var ids: [Int] = []
        var host: PendingHostCall?
        let key = CodeLocationKey(function: location.function, pc: location.pc).machineID
        for bp in breakpoints where bp.isEnabled {
            switch bp.kind {
            case .function, .offset, .line:
                if bp.isAt(function: location.function, pc: location.pc), conditionHolds(bp, at: key) { ids.append(bp.id) }
            case .host(let name):
                // Match the name before decoding the arguments (most host pauses are for other calls).
                guard let pending = machine.pendingHostCall, name == "*" || name == pending.importName else { continue }
                if host == nil { host = target.describe(pending) }
                if let call = host, conditionHolds(bp, hostCall: call) { ids.append(bp.id) }
            default:
                break
            }
        }
        guard !ids.isEmpty else { return nil }
        if let host, ids.contains(where: { id in breakpoints.first { $0.id == id }.map { if case .host = $0.kind { true } else { false } } ?? false }) {
            return Stop(reason: .breakpoint(ids: ids, hit: .hostCall(host.view)), breakpointIDs: ids)
        }
        return Stop(reason: .breakpoint(ids: ids, hit: .code), breakpointIDs: ids)
    }

    /// Fuel breakpoints the next instruction's charge would pass: the machine's fuel
    /// pause at this position (a scan starting here cannot get it from `run`).
    func fuelHitHere() -> Stop? {
        guard let location = machine.location, let instr = instruction(at: location) else { return nil }
        let used = machine.fuelUsed
        var cost = FuelCosts.base(instr.op)
        if machine.pendingHostCall != nil {
            cost = FuelCosts.hostCall
        } else if [.memoryGrow, .tableGrow, .memoryFill, .memoryCopy, .memoryInit, .tableFill, .tableCopy, .tableInit].contains(instr.op),
                  let top = machine.innermostFrame?.operands.last {
            let n = top.slot & 0xffff_ffff
            switch instr.op {
            case .memoryGrow: cost = FuelCosts.instruction + FuelCosts.memoryGrowPerPage * n
            case .tableGrow: cost = FuelCosts.instruction + FuelCosts.tableGrowPerElement * n
            default: cost = FuelCosts.bulk(n)
            }
        }
        let ids = breakpoints.filter { bp in
            guard bp.isEnabled, case .fuel(let n) = bp.kind else { return false }
            return n >= used && used + cost > n && conditionHolds(bp)
        }.map(\.id)
        guard !ids.isEmpty else { return nil }
        return Stop(reason: .breakpoint(ids: ids, hit: .fuel(used: used)), breakpointIDs: ids)
    }

}
