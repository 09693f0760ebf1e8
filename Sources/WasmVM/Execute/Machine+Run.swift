// Starting calls and the slow paths of the loop: pauses, variable fuel costs,
// breakpoints and host calls. The fast loop is in Machine+Execute.swift.

extension Machine {
    /// Prepares a call of a store function (wasm or host). Nothing runs until `run`/`step`.
    /// Throws a `Trap` if the arguments do not match the function's type.
    public func startCall(function address: Int, arguments: [Value], fuel: UInt64) throws(Trap) {
        let target = storeFunctions[address]
        guard arguments.map(\.type) == target.type.parameters else {
            throw Trap(.hostError, "arguments \(arguments) do not match the function type \(target.type)")
        }
        callFrames = []
        bufferedFrames = 0
        sp = 0
        results = []
        lastTrap = nil
        fuelUsedValue = 0
        fuelLimitValue = fuel
        stepCount = 0
        pausedAtStep = nil
        hostPauseTakenAt = nil
        directHostCall = nil
        resetFuelProfile(entry: target.wasm?.address)
        if let code = target.wasm {
            guard code.maxHeight <= configuration.maxStackSlots else {
                // The call cannot begin: it ends trapped, like one that overflows the stack later.
                let trap = Trap(.callStackExhausted, "the function needs \(code.maxHeight) value-stack slots; the stack holds \(configuration.maxStackSlots)",
                                function: code.index, offset: code.offset(at: 0))
                _ = trapped(trap)
                throw trap
            }
            Value.write(arguments, to: stack)
            (stack + code.paramCount).update(repeating: 0, count: code.localCount)
            sp = code.paramCount + code.localCount
            callFrames = [Frame(function: code, pc: 0, fp: 0)]
        } else {
            directHostCall = (address, arguments)
        }
        callState = .active
    }

    /// Runs until the call returns, traps, or a pause condition holds.
    public func run(_ limits: RunLimits = RunLimits()) -> ExecutionEvent {
        guard callState == .active else { return finishedEvent }
        if directHostCall != nil { return runDirectHostCall() }
        return drive(stepStop: limits.maxSteps ?? .max, pauseAtFuel: limits.pauseAtFuel, pauseAtDepth: limits.pauseAtDepth ?? -1)
    }

    /// Run mode: fast code from every block head, the exact loop from wherever fast code
    /// leaves (at least one instruction, then on to the next block head).
    func drive(stepStop: UInt64, pauseAtFuel: UInt64?, pauseAtDepth: Int) -> ExecutionEvent {
        guard configuration.usesFastCode else {
            return execute(stepStop: stepStop, pauseAtFuel: pauseAtFuel, pauseAtDepth: pauseAtDepth)
        }
        while let top = callFrames.last {
            if top.function.fastEntry[top.pc] >= 0 {
                if case .event(let e) = executeFast(stepStop: stepStop, pauseAtFuel: pauseAtFuel, pauseAtDepth: pauseAtDepth) {
                    return e
                }
            } else if !top.function.hasFast {
                return execute(stepStop: stepStop, pauseAtFuel: pauseAtFuel, pauseAtDepth: pauseAtDepth)
            }
            repeat {
                // Up to the next block head in code order, so the exact loop hands back there
                // (a jump before it lands on a head too, and the rest runs exact: slower, not wrong).
                // One `execute` per instruction cost ~1,100 x86 instructions each, most of a
                // conditional breakpoint's price in hot code. These internal stops are not
                // pauses: a breakpoint there must still stop.
                let pausedBefore = pausedAtStep
                let toHead = callFrames.last.map { Self.instructionsToNextHead($0.function, from: $0.pc) } ?? 1
                let e = execute(stepStop: Swift.min(stepStop, stepCount &+ toHead), pauseAtFuel: pauseAtFuel, pauseAtDepth: pauseAtDepth)
                guard case .stepLimit = e, stepCount < stepStop, !lastStopWasDepth else { return e }
                pausedAtStep = pausedBefore
            } while callFrames.last.map { $0.function.fastEntry[$0.pc] < 0 } ?? false
        }
        return finishedEvent
    }

    /// Instructions from `pc` to the next one with a fast-code entry, in code order (at least 1).
    static func instructionsToNextHead(_ function: FunctionCode, from pc: Int) -> UInt64 {
        let entries = function.fastEntry
        var next = pc + 1
        while next < function.count && entries[next] < 0 { next += 1 }
        return UInt64(next - pc)
    }

    /// Executes exactly one instruction (a host call counts as one) and pauses.
    /// A breakpoint or host-call pause at that instruction does not stop it.
    public func step() -> ExecutionEvent {
        guard callState == .active else { return finishedEvent }
        if directHostCall != nil { return runDirectHostCall() }
        pausedAtStep = stepCount
        hostPauseTakenAt = stepCount
        return execute(stepStop: stepCount &+ 1, pauseAtFuel: nil, pauseAtDepth: -1)
    }

    /// startCall + run with no pauses (host pauses off for the duration): `.returned` or `.trapped`.
    public func invoke(function address: Int, arguments: [Value], fuel: UInt64 = .max) -> ExecutionEvent {
        do { try startCall(function: address, arguments: arguments, fuel: fuel) } catch { return .trapped(error) }
        let saved = (pauseBeforeHostCalls, pauseAfterHostCalls)
        pauseBeforeHostCalls = false
        pauseAfterHostCalls = false
        defer { (pauseBeforeHostCalls, pauseAfterHostCalls) = saved }
        while true {
            let event = run()
            switch event {
            case .returned, .trapped: return event
            default: continue
            }
        }
    }

    private var finishedEvent: ExecutionEvent {
        switch callState {
        case .returned: .returned(results)
        case .trapped: .trapped(lastTrap ?? Trap(.hostError, "call trapped"))
        case .idle, .active: .trapped(Trap(.hostError, "no call started"))
        }
    }

    private func runDirectHostCall() -> ExecutionEvent {
        guard let (address, arguments) = directHostCall else { preconditionFailure("no direct host call") }
        let function = storeFunctions[address]
        guard let host = function.host else { preconditionFailure("not a host function") }
        guard fuelUsedValue + FuelCosts.hostCall <= fuelLimitValue else { return trapped(Trap(.outOfFuel)) }
        var context = HostCallContext(name: host.name, arguments: arguments, memory: nil)
        context.fuelAvailable = fuelLimitValue - fuelUsedValue - FuelCosts.hostCall
        do {
            let values = try host.body(&context)
            guard values.map(\.type) == function.type.results else {
                return trapped(Trap(.hostError, "host function \(host.module).\(host.name) returned \(values), expected \(function.type.results)"))
            }
            guard fuelUsedValue + FuelCosts.hostCall + context.extraFuel <= fuelLimitValue else { return trapped(Trap(.outOfFuel)) }
            let before = fuelUsedValue
            fuelUsedValue += FuelCosts.hostCall + context.extraFuel
            if profilesFuel { profileHostCall(nil, address: address, before: before, after: fuelUsedValue) }
            stepCount += 1
            directHostCall = nil
            results = values
            callState = .returned
            return .returned(values)
        } catch {
            return trapped(error)
        }
    }

    func trapped(_ trap: Trap) -> ExecutionEvent {
        lastTrap = trap
        callState = .trapped
        return .trapped(trap)
    }

    /// A trap at `pc` of `function`, located in the module's bytes.
    @inline(never)
    func trap(_ kind: TrapKind, _ message: String?, _ function: FunctionCode, _ pc: Int) -> ExecutionEvent {
        trapped(Trap(kind, message, function: function.index, offset: function.offset(at: pc)))
    }

    func location(_ function: FunctionCode, _ pc: Int) -> CodeLocation {
        CodeLocation(instance: function.instance.id, function: function.index, pc: pc, offset: function.offset(at: pc))
    }

    enum Prepared { case execute(Instr, UInt64), exit(ExecutionEvent) }

    /// The slow path before an instruction: step budget, breakpoints, operand-dependent
    /// fuel costs, fuel pauses and out-of-fuel. Charges nothing itself.
    @inline(never)
    func prepare(_ instr: Instr, _ function: FunctionCode, _ pc: Int, _ sp: UnsafeMutablePointer<UInt64>,
                 fuelUsed: UInt64, steps: UInt64, stepStop: UInt64, pauseAtFuel: UInt64?) -> Prepared {
        if steps >= stepStop { return .exit(.stepLimit) }
        var instr = instr
        if instr.op == .breakpoint {
            let key = PatchKey(instance: function.instance.id, function: function.index, pc: pc)
            guard let patch = patches[key] else { preconditionFailure("breakpoint op without a patch") }
            if pausedAtStep != steps {
                return .exit(.breakpoint(id: Int(instr.a), at: location(function, pc)))
            }
            instr = patch.original
        }
        let cost: UInt64
        switch instr.op {
        case .memoryGrow: cost = FuelCosts.instruction + FuelCosts.memoryGrowPerPage * UInt64(UInt32(truncatingIfNeeded: sp[-1]))
        case .tableGrow: cost = FuelCosts.instruction + FuelCosts.tableGrowPerElement * UInt64(UInt32(truncatingIfNeeded: sp[-1]))
        case .memoryFill, .memoryCopy, .memoryInit, .tableFill, .tableCopy, .tableInit:
            cost = FuelCosts.bulk(UInt64(UInt32(truncatingIfNeeded: sp[-1])))
        default: cost = FuelCosts.base(instr.op)
        }
        if let limit = pauseAtFuel, fuelUsed + cost > limit { return .exit(.fuelLimit) }
        if fuelUsed + cost > fuelLimitValue { return .exit(trap(.outOfFuel, nil, function, pc)) }
        return .execute(instr, cost)
    }

    enum HostOutcome { case done(UnsafeMutablePointer<UInt64>), pausedAfter(ExecutionEvent, UnsafeMutablePointer<UInt64>), stop(ExecutionEvent) }

    /// A host call from `pc` of `function`: pause before, charge, call, push results, pause after.
    /// Arguments stay on the stack until the call succeeds (`indirect`: the table index above them too).
    @inline(never)
    func callHost(_ target: StoreFunction, address: Int, indirect: Bool, sp: UnsafeMutablePointer<UInt64>,
                  fuelUsed: inout UInt64, steps: inout UInt64, pauseAtFuel: UInt64?,
                  function: FunctionCode, pc: Int) -> HostOutcome {
        guard let host = target.host else { preconditionFailure("not a host function") }
        let params = target.type.parameters
        let argsBase = sp - params.slotCount - (indirect ? 1 : 0)
        let arguments = Value.read(params, from: argsBase)
        var event = HostCallEvent(function: address, importModule: host.module, importName: host.name,
                                  arguments: arguments, results: nil, callSite: location(function, pc))
        if pauseBeforeHostCalls && hostPauseTakenAt != steps {
            hostPauseTakenAt = steps
            return .stop(.hostCallPending(event))
        }
        let cost = FuelCosts.hostCall
        if let limit = pauseAtFuel, fuelUsed + cost > limit { return .stop(.fuelLimit) }
        if fuelUsed + cost > fuelLimitValue { return .stop(trap(.outOfFuel, nil, function, pc)) }
        var context = HostCallContext(name: host.name, arguments: arguments, memory: function.instance.memory)
        context.fuelAvailable = fuelLimitValue - fuelUsed - cost
        let values: [Value]
        do {
            values = try host.body(&context)
        } catch {
            return .stop(trapped(Trap(error.kind, error.message, function: function.index, offset: function.offset(at: pc))))
        }
        guard values.map(\.type) == target.type.results else {
            return .stop(trap(.hostError, "host function \(host.module).\(host.name) returned \(values), expected \(target.type.results)", function, pc))
        }
        let total = cost + context.extraFuel
        if context.extraFuel > fuelLimitValue || fuelUsed + total > fuelLimitValue { return .stop(trap(.outOfFuel, nil, function, pc)) }
        fuelUsed += total
        steps &+= 1
        let top = Value.write(values, to: argsBase)
        if pauseAfterHostCalls {
            event.results = values
            return .pausedAfter(.hostCallReturned(event), top)
        }
        return .done(top)
    }

    /// Whether a write of `count` bytes at `address` touches a watched range.
    @inline(never)
    func watchHit(_ address: Int, _ count: Int) -> Bool {
        let lo = UInt64(address), hi = UInt64(address) + UInt64(count)
        return count > 0 && watchRanges.contains { $0.lowerBound < hi && lo < $0.upperBound }
    }
}
