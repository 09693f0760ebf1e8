// Inspection while paused or after a trap, and debugger hooks.

extension Machine {
    /// Wasm frames of the active call, outermost first. Available while paused and after a trap.
    public var frames: [FrameInfo] {
        guard callState == .active || callState == .trapped else { return [] }
        return callFrames.indices.map(frameInfo)
    }

    /// How many wasm frames `frames` would list (cheap; `frames` types every operand).
    public var frameCount: Int {
        callState == .active || callState == .trapped ? callFrames.count : 0
    }

    /// One entry of `frames` (0 = outermost), without building the others.
    public func frame(at index: Int) -> FrameInfo { frameInfo(index) }

    func frameInfo(_ i: Int) -> FrameInfo {
        let records = callFrames
        let frame = records[i]
        let code = frame.function
        let isTop = i == records.count - 1
        // Callers stand at their `call`; the stored pc is the return address.
        let pc = isTop ? frame.pc : frame.pc - 1
        let localTypes = code.type.parameters + code.localTypes
        let locals = Value.read(localTypes, from: stack + frame.fp)
        let base = frame.fp + code.paramCount + code.localCount
        let end = isTop ? sp : records[i + 1].fp
        let count = Swift.max(end - base, 0)
        let module = code.instance.module
        // `count` is in slots (a v128 takes two): keep the types that fit, pad with i64 per slot.
        var types: [ValueType] = [], slots = 0
        for t in module.operandTypes(function: code.index, pc: pc) where slots + t.slotCount <= count {
            types.append(t); slots += t.slotCount
        }
        types += Array(repeating: .i64, count: count - slots)
        let operands = Value.read(types, from: stack + base)
        return FrameInfo(location: location(code, pc), locals: locals, operands: operands)
    }

    /// The next instruction to execute (or the trapping one after a trap).
    public var location: CodeLocation? {
        guard callState == .active || callState == .trapped, let top = callFrames.last else { return nil }
        return location(top.function, top.pc)
    }

    /// The host call the next instruction makes (arguments from the stack), if it calls a host
    /// function: set while paused by `.hostCallPending` or stepping onto such a call.
    public var pendingHostCall: HostCallEvent? {
        guard callState == .active, let top = callFrames.last else { return nil }
        let code = top.function
        var instr = code.code[top.pc]
        if instr.op == .breakpoint, let patch = patches[PatchKey(instance: code.instance.id, function: code.index, pc: top.pc)] {
            instr = patch.original
        }
        let inst = code.instance
        let address: Int, indirect: Bool
        switch instr.op {
        case .call:
            address = inst.functionAddresses[Int(instr.a)]; indirect = false
        case .callIndirect:
            let table = inst.tables[Int(instr.b)], index = Int(UInt32(truncatingIfNeeded: stack[sp - 1]))
            guard index < table.elements.count, table.elements[index] != 0 else { return nil }
            address = Int(table.elements[index] - 1); indirect = true
        default: return nil
        }
        let target = storeFunctions[address]
        guard let host = target.host else { return nil }
        let params = target.type.parameters
        let argsBase = sp - params.slotCount - (indirect ? 1 : 0)
        guard argsBase >= 0 else { return nil }
        let arguments = Value.read(params, from: stack + argsBase)
        return HostCallEvent(function: address, importModule: host.module, importName: host.name,
                             arguments: arguments, results: nil, callSite: location(code, top.pc))
    }

    /// Writes a local (param or declared) of frame `frame` (outermost = 0): the debugger's `set local`.
    public func setLocal(frame: Int, index: Int, _ value: Value) {
        let f = callFrames[frame]
        Value.write([value], to: stack + f.fp + f.function.localOffsets[index])
    }

    // MARK: Breakpoints and watches

    /// Pauses before executing `pc` of `function` in `instance`. Ids are the caller's.
    public func setBreakpoint(id: Int, instance: Instance, function: Int, pc: Int) {
        removeBreakpoint(id: id)
        let runtime = instances[instance.id]
        let defined = function - runtime.module.importedFunctionCount
        precondition(defined >= 0 && defined < runtime.codes.count, "breakpoint in an imported function")
        let code = runtime.codes[defined]
        precondition(pc >= 0 && pc < code.count, "breakpoint pc out of range")
        let key = PatchKey(instance: instance.id, function: function, pc: pc)
        if patches[key] == nil {
            patches[key] = Patch(code: code, original: code.code[pc], ids: [])
            code.holdFastCode(at: pc)
        }
        patches[key]!.ids.append(id)
        code.code[pc] = Instr(.breakpoint, a: UInt32(truncatingIfNeeded: patches[key]!.ids[0]))
        breakpointKeys[id] = key
    }

    public func removeBreakpoint(id: Int) {
        guard let key = breakpointKeys.removeValue(forKey: id), var patch = patches[key] else { return }
        patch.ids.removeAll { $0 == id }
        if patch.ids.isEmpty {
            patch.code.code[key.pc] = patch.original
            patch.code.releaseFastCode(at: key.pc)
            patches[key] = nil
        } else {
            patch.code.code[key.pc] = Instr(.breakpoint, a: UInt32(truncatingIfNeeded: patch.ids[0]))
            patches[key] = patch
        }
    }

    /// Pause after any guest store (or bulk memory op) that writes into one of these byte ranges of memory 0 of `instance`.
    public func setMemoryWatches(_ ranges: [Range<UInt64>], instance: Instance) {
        watchRanges = ranges.filter { !$0.isEmpty }
        watchedMemory = watchRanges.isEmpty ? nil : instances[instance.id].memory
    }
}
