// Attaching machine conditions to breakpoints, and the probes that evaluate them in fast code.

extension Machine {
    /// The conditions under which breakpoint `id` stops (nil: it always stops). They are kept by
    /// id across `setBreakpoint`/`removeBreakpoint`. At an instruction where every breakpoint id
    /// has conditions and `evaluatesConditions` is on, execution goes on when all are false.
    public func setBreakpointConditions(id: Int, _ conditions: [MachineCondition]?) {
        if let conditions, !conditions.isEmpty { breakConditions[id] = conditions } else { breakConditions[id] = nil }
        if let key = breakpointKeys[id] { refreshConditions(key) }
    }

    /// Recomputes a patch's condition set and moves its fast-code hold between `deopt` (leave for
    /// the exact loop, which evaluates them) and a probe (evaluate in place).
    func refreshConditions(_ key: PatchKey) {
        guard var patch = patches[key] else { return }
        let code = patch.code
        var all: [MachineCondition] = []
        var complete = true
        for id in patch.ids {
            if let c = breakConditions[id] { all += c } else { complete = false }
        }
        for c in all {
            precondition(c.highestLocal < Int64(code.paramCount + code.localCount), "condition reads a slot past the frame's locals")
            precondition(c.highestGlobal < Int64(code.instance.globalCount), "condition reads a global the instance does not have")
        }
        if let f = patch.probe {
            code.removeProbe(at: f)
            code.holdFastCode(at: key.pc)
            patch.probe = nil
        }
        patch.conditions = complete && !all.isEmpty ? ConditionSet(all, globals: code.instance.globals) : nil
        if let set = patch.conditions, let f = code.probeSite(for: key.pc) {
            code.releaseFastCode(at: key.pc)
            code.installProbe(at: f, set)
            patch.probe = f
        }
        patches[key] = patch
    }
}

extension FunctionCode {
    /// The fast pc at which the state is the exact loop's at stack-code `pc` on every arrival there:
    /// its block head, or inside its block the first instruction whose origin is `pc`. Nil when
    /// fast code never stands exactly there (the instruction is fused into another).
    func probeSite(for pc: Int) -> Int? {
        guard hasFast else { return nil }
        if fastEntry[pc] >= 0 { return Int(fastEntry[pc]) }
        var head = pc
        while head > 0 && fastEntry[head] < 0 { head -= 1 }
        guard fastEntry[head] >= 0 else { return nil }
        var end = fastCount
        for q in pc + 1 ..< count where fastEntry[q] >= 0 { end = Int(fastEntry[q]); break }
        return (Int(fastEntry[head]) ..< end).first { fastOrigin[$0] == UInt32(pc) }
    }

    /// Puts a probe at fast pc `f`. Its trampoline (the original instruction, then a jump to `f + 1`
    /// charging what falling into `f + 1` charges) is made once and kept: a call made from it
    /// leaves its address in a frame, which may outlive the probe.
    func installProbe(at f: Int, _ set: ConditionSet) {
        var original = fast[f]
        if let held = fastPatches[f] { original.op = held.op; original.retarget(tallied: tallied, unnested: isUnnested) }
        let t: UnsafeMutablePointer<FastInstr>
        if let existing = trampolines[f] {
            t = existing
        } else {
            t = .allocate(capacity: 2)
            var first = original
            first.charge = 0
            var back = FastInstr(.jump, a: UInt32(f + 1 < fastCount ? f + 1 : f))
            back.charge = f + 1 < fastCount ? fast[f + 1].charge : 0
            t.initialize(to: first)
            (t + 1).initialize(to: back)
            trampolines[f] = t
        }
        set.data.pointee.trampoline = t
        set.data.pointee.unspent = UInt64(fastUnspent[f])
        var probe = FastInstr(.probe, b: set.bits)
        probe.charge = original.charge
        if fastPatches[f] != nil {
            fastPatches[f]!.op = .probe
            probe.op = .deopt
        }
        fast[f] = probe
        probes[f] = set
    }

    func removeProbe(at f: Int) {
        guard probes.removeValue(forKey: f) != nil, let t = trampolines[f] else { return }
        var original = t[0]
        original.charge = fast[f].charge
        if fastPatches[f] != nil {
            fastPatches[f]!.op = original.op
            original.op = .deopt
        }
        fast[f] = original
    }

    /// The fast pc a trampoline address stands for: its original instruction's, or the next one's.
    func fastPC(ofTrampoline ip: UnsafeMutablePointer<FastInstr>) -> Int {
        for (f, t) in trampolines {
            if ip == t { return f }
            if ip == t + 1 { return f + 1 }
        }
        preconditionFailure("fast code left outside its function")
    }
}
