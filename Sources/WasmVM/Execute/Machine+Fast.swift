// The fast loop: run mode's interpreter over register-form fast code (FastInstr.swift).
// Fuel is charged once per block, by whatever transfers control to the block's head
// (a branch, a call, a return, a `nop` falling through), so instructions inside a
// block pay nothing. The loop never stops on its own: wherever something needs the
// exact loop (a trap, a host call, a breakpoint, a watch hit, a fuel or step limit
// within the block), it leaves at an instruction whose `origin` state is exact, gives
// back the block's unspent fuel, and `drive` continues in the exact loop from there.
//
// Dispatch is threaded (CFastDispatch): each op is a C handler around `FastLoop.step`
// with that op, ending in a tail call of the next instruction's handler.

import CFastDispatch

// Only this file may name CFastDispatch's functions: a release build splits WasmVM into one
// LLVM module per file, and the Clang importer emits the handlers into the first that uses
// them, which must be the one defining FastLoop.step, or step is not inlined into them.

extension FastInstr {
    /// The handler of `op` in WasmVM's copy of the dispatch table; `tallied`: the one that keeps
    /// fuel by function, if `op` has one (WESDBG_FAST_TALLIED_OPS).
    static func handler(_ op: FastOp, tallied: Bool = false, unnested: Bool = false) -> UInt {
        if tallied, unnested, let own = unnestedHandlers[Int(op.rawValue)] { return unsafeBitCast(own, to: UInt.self) }
        if tallied, let own = talliedHandlers[Int(op.rawValue)] { return unsafeBitCast(own, to: UInt.self) }
        return unsafeBitCast(handlers[Int(op.rawValue)], to: UInt.self)
    }
    static func isTallied(_ op: FastOp) -> Bool { talliedHandlers[Int(op.rawValue)] != nil }
    nonisolated(unsafe) private static let handlers = wesdbg_fast_handler_table()!
    nonisolated(unsafe) private static let talliedHandlers = wesdbg_fast_tallied_handler_table()!
    nonisolated(unsafe) private static let unnestedHandlers = wesdbg_fast_unnested_handler_table()!
}

extension Machine {
    enum FastOutcome { case event(ExecutionEvent), exact }

    /// Runs fast code from the current frame's pc, which must be a block head.
    func executeFast(stepStop: UInt64, pauseAtFuel: UInt64?, pauseAtDepth: Int) -> FastOutcome {
        // Frames live in `frameBuffer` while the loop runs (no array bookkeeping per call).
        // Only frames changed since the buffer was last written are copied in and out, so an
        // island deep in a recursion costs O(1), not O(depth) (issue 10 item 6).
        let frames = frameBuffer
        let depth = callFrames.count
        let synced = Swift.min(bufferedFrames, depth)
        callFrames.withUnsafeBufferPointer { (frames + synced).update(from: $0.baseAddress! + synced, count: depth - synced) }
        let budget = Swift.min(fuelLimitValue, pauseAtFuel ?? .max, Machine.budgetCeiling)
        let fn = frames[depth - 1].function
        let inst = fn.instance, memory = inst.memory
        // Stores compare against the watched ranges' hull inline and leave fast code inside it: the exact
        // loop does the store and the precise check. No call in a store's path: calling `watchHit` made
        // every store spill and reload three registers (sieve: 6 of the 45 instructions per iteration).
        let watchHull = watchRanges.isEmpty ? 0 ..< 0
            : Int(clamping: watchRanges.map(\.lowerBound).min()!) ..< Int(clamping: watchRanges.map(\.upperBound).max()!)
        let watching = watchedMemory != nil && memory === watchedMemory
        if _slowPath(talliedCode != profilesFuel || talliedFunctions != storeFunctions.count) { retargetTallies() }
        let start = fn.fast + Int(fn.fastEntry[frames[depth - 1].pc])
        var loop = FastLoop(
            machine: self, frames: frames, depth: depth, lowTop: depth - 1, stack: stack,
            stackEnd: stack + Swift.max(configuration.maxStackSlots, 16), maxDepth: configuration.maxCallDepth,
            // Call stacks for a profile are the general handler's: every call and return goes there.
            nearCallDepth: profilesFuel && recordsCallStacks ? 0 : configuration.maxCallDepth, pauseAtDepth: pauseAtDepth,
            returnFloor: profilesFuel && recordsCallStacks ? .max : Swift.max(pauseAtDepth, 0), indirectTargets: indirectTargets.baseAddress.unsafelyUnwrapped,
            // As in the exact loop: steps = fuelUsed &+ stepBase; a call's extra fuel moves stepBase.
            // `limit` is not recomputed after calls: it stays conservative, the exact loop is exact.
            limit: Machine.fuelLimit(budget, fuelUsedValue, stepCount, stepStop), stepBase: stepCount &- fuelUsedValue,
            fn: fn, code: fn.fast, inst: inst, instanceID: inst.id, memory: memory, watched: watchedMemory, watchHull: watchHull,
            watchLow: watching ? watchHull.lowerBound : .max, watchHigh: watching ? watchHull.upperBound : 0,
            profiling: profilesFuel, recordsCallStacks: profilesFuel && recordsCallStacks,
            ip: start, fp: stack + frames[depth - 1].fp, fuelUsed: fuelUsedValue &+ UInt64(start.pointee.charge))
        if loop.fuelUsed <= loop.limit {
            let memBase = memory?.base ?? UnsafeMutableRawPointer(stack)
            withUnsafeMutablePointer(to: &loop) {
                wesdbg_fast_run($0.pointee.ip, $0.pointee.fp, memBase, UInt64(memory?.size ?? 0), $0.pointee.fuelUsed, $0)
            }
        }
        return finishFast(loop, pauseAtDepth: pauseAtDepth)
    }

    /// Writes back what the fast loop changed and says where execution goes on.
    private func finishFast(_ loop: FastLoop, pauseAtDepth: Int) -> FastOutcome {
        let (frames, depth, lowTop, fn, ip, fp) = (loop.frames, loop.depth, loop.lowTop, loop.fn, loop.ip, loop.fp)
        var fuelUsed = loop.fuelUsed
        if loop.returned {
            fuelUsedValue = fuelUsed
            stepCount = fuelUsed &+ loop.stepBase
            callFrames = []
            bufferedFrames = 0
            return .event(.returned(results))
        }
        let resume: Int
        var pc = ip - loop.code
        if let p = loop.resumeAt {
            resume = p
        } else {
            if _slowPath(pc < 0 || pc >= fn.fastCount) { pc = fn.fastPC(ofTrampoline: ip) }
            let p = fn.fastOrigin[pc]
            precondition(p != FastCode.notExact, "fast code left inside a fused group")
            fuelUsed &-= UInt64(fn.fastUnspent[pc])
            if _slowPath(configuration.countsBlocks) { noteFastExit(fn, pc) }
            for fixup in fn.fastFixups[pc] ?? [] {
                fp[Int(fixup.slot)] = fixup.fromLocal ? fp[Int(fixup.value)] : fixup.value
            }
            resume = Int(p)
        }
        frames[depth - 1].pc = resume
        self.sp = fp - stack + Int(fn.heights[resume])
        callFrames.replaceSubrange(lowTop..., with: UnsafeBufferPointer(start: frames + lowTop, count: depth - lowTop))
        bufferedFrames = depth
        fuelUsedValue = fuelUsed
        stepCount = fuelUsed &+ loop.stepBase
        if loop.resumeAt != nil && depth <= pauseAtDepth {
            pausedAtStep = stepCount
            return .event(.stepLimit)
        }
        return .exact
    }
}

/// The fast loop's state besides its registers (ip, fp, memory base and size, fuel used),
/// which the C handlers keep in registers and pass to `step`.
struct FastLoop {
    unowned(unsafe) let machine: Machine
    let frames: UnsafeMutablePointer<Frame>
    var depth: Int
    /// Lowest frame index that was the top (the only frame the loop writes) while it ran.
    var lowTop: Int
    let stack: UnsafeMutablePointer<UInt64>
    let stackEnd: UnsafeMutablePointer<UInt64>
    let maxDepth: Int
    /// The specialized handler's calls leave to the general one at this depth: `maxDepth`, or 0.
    let nearCallDepth: Int
    /// Returning to this depth leaves (`finish`, `next`).
    let pauseAtDepth: Int
    /// `max(pauseAtDepth, 0)`, or `.max`: a return to this depth or below is the general handler's.
    let returnFloor: Int
    let indirectTargets: UnsafeMutablePointer<IndirectTarget>
    let limit: UInt64
    var stepBase: UInt64
    unowned(unsafe) var fn: FunctionCode
    var code: UnsafeMutablePointer<FastInstr>
    unowned(unsafe) var inst: InstanceRuntime
    /// `inst.id`, one load nearer for every call's and return's same-instance check.
    var instanceID: Int
    unowned(unsafe) var memory: Memory?
    unowned(unsafe) let watched: Memory?
    let watchHull: Range<Int>
    var watchLow: Int, watchHigh: Int
    /// Fuel by function: the functions' tallies and frames' entry fuel.
    let profiling: Bool
    /// Profiles by call stack too (`wesdbg profile`): the general handler's work.
    let recordsCallStacks: Bool
    /// How the loop ended: at `ip` (its block charged; the default), at a stack-code pc
    /// before anything of it ran, or with the outermost return.
    var resumeAt: Int? = nil
    var returned = false
    /// The registers where the loop left (the start's until then).
    var ip: UnsafeMutablePointer<FastInstr>
    var fp: UnsafeMutablePointer<UInt64>
    var fuelUsed: UInt64

    @_silgen_name("wesdbg_fast_leave")
    mutating func keepRegisters(_ ip: UnsafeMutablePointer<FastInstr>, _ fp: UnsafeMutablePointer<UInt64>, _ fuelUsed: UInt64) {
        (self.ip, self.fp, self.fuelUsed) = (ip, fp, fuelUsed)
    }

    typealias Registers = (ip: UnsafeMutablePointer<UnsafeMutablePointer<FastInstr>>, fp: UnsafeMutablePointer<UnsafeMutablePointer<UInt64>>,
                           memBase: UnsafeMutablePointer<UnsafeMutableRawPointer>, memSize: UnsafeMutablePointer<UInt64>,
                           fuelUsed: UnsafeMutablePointer<UInt64>)

    /// Runs the instruction at ip in its op's own handler, where `op` is a constant: the switch
    /// folds to one case. A call anywhere in a handler makes all of it save and restore registers,
    /// so paths that call something (another instance, many locals to zero, call stacks for a
    /// profile) return `slow` first, before changing anything, and the general handler runs them.
    /// Above its low 16 bits, `op` says which of the op's handlers this is (FastDispatch.h): a
    /// tallied one keeps fuel by function (`Machine.retargetTallies`), an unnested one for the
    /// return of a function never nested (`FunctionCode.isUnnested`).
    @_silgen_name("wesdbg_fast_step") @inline(__always)
    mutating func step(_ op: UInt, _ ip: UnsafeMutablePointer<UnsafeMutablePointer<FastInstr>>,
                       _ fp: UnsafeMutablePointer<UnsafeMutablePointer<UInt64>>,
                       _ memBase: UnsafeMutablePointer<UnsafeMutableRawPointer>, _ memSize: UnsafeMutablePointer<UInt64>,
                       _ fuelUsed: UnsafeMutablePointer<UInt64>) -> UInt {
        let kind = op >> 16
        return run(unsafeBitCast(UInt16(truncatingIfNeeded: op), to: FastOp.self),   // the case index (FastOps.generated.h)
                   specialized: true, tallied: kind != 0, unnested: kind == 2, (ip, fp, memBase, memSize, fuelUsed))
    }

    /// The general handler: runs any instruction at ip, slow paths included; never returns `slow`.
    @_silgen_name("wesdbg_fast_step_general")
    mutating func stepGeneral(_ ip: UnsafeMutablePointer<UnsafeMutablePointer<FastInstr>>,
                              _ fp: UnsafeMutablePointer<UnsafeMutablePointer<UInt64>>,
                              _ memBase: UnsafeMutablePointer<UnsafeMutableRawPointer>, _ memSize: UnsafeMutablePointer<UInt64>,
                              _ fuelUsed: UnsafeMutablePointer<UInt64>) -> UInt {
        run(ip.pointee.pointee.op, specialized: false, tallied: false, unnested: false, (ip, fp, memBase, memSize, fuelUsed))
    }

    /// A call from the instruction at ip: the callee's frame starts at the arguments, which end
    /// at slot `argumentsEnd`. Leaves (before changing anything) where the exact loop must make
    /// the call: the call depth or the stack would overflow, or the callee has no fast code.
    @_transparent   // @inline(__always) alone left it out of line (a call in every call's handler)
    private mutating func enter(_ calleeRef: Unmanaged<FunctionCode>, direct: Bool, argumentsEnd: Int, returnPC: Int, specialized: Bool, tallied: Bool,
                                _ ip: inout UnsafeMutablePointer<FastInstr>, _ fp: inout UnsafeMutablePointer<UInt64>,
                                _ memBase: inout UnsafeMutableRawPointer, _ memSize: inout UInt64, _ fuelUsed: inout UInt64) -> UInt {
        unowned(unsafe) let callee = calleeRef.takeUnretainedValue()   // no retain and release per call
        let offset = argumentsEnd &- callee.paramCount
        let newFp = fp + offset
        let depth = self.depth   // read once: the stores below may alias it
        if specialized {
            // One check for all that the general handler does instead (it leaves where the exact loop must call).
            // A direct call's callee is in this instance (`InstanceRuntime.wasmCallees`).
            if _slowPath(depth >= nearCallDepth || stackEnd < newFp + callee.fastCallSlots
                         || (!direct && callee.instanceID != instanceID)) { return slow }
        } else if _slowPath(depth >= maxDepth || stackEnd < newFp + callee.maxHeight || !callee.hasFast) {   // `<`: `>` was a call
            return leave
        }
        stepBase &-= FuelCosts.call &- 1   // a constant: one subtraction from memory
        let callerFrame = frames + (depth &- 1)
        callerFrame.pointee.pc = returnPC
        // The continuation's head follows the call; a return to another instance goes through the general handler.
        callerFrame.pointee.resume = specialized || callee.instanceID == instanceID ? ip + 1 : nil
        frames[depth] = Frame(function: callee, pc: 0, fp: callerFrame.pointee.fp &+ offset, entryFuel: fuelUsed)   // not `newFp - stack`: a division
        self.depth = depth &+ 1
        let localsStart = fp + argumentsEnd, locals = callee.localCount
        if specialized { Machine.zeroFew(localsStart, locals) } else { Machine.zero(localsStart, locals) }
        fn = callee; code = callee.fast; ip = code; fp = newFp   // a function's code starts with its first head
        if !specialized && callee.instanceID != instanceID { switchInstance(callee.instance, &memBase, &memSize) }
        // The tally last, where few registers are live: earlier, it spilled them.
        if specialized ? tallied : profiling {
            calleeRef.updateTally { $0.enter() }
            if !specialized && recordsCallStacks { machine.stackCall(callee.address, fuelUsed) }
        }
        return arrive(ip, &fuelUsed)
    }

    /// Calls and returns across instances: another memory, and the watch hull only for the watched one.
    private mutating func switchInstance(_ instance: InstanceRuntime, _ memBase: inout UnsafeMutableRawPointer, _ memSize: inout UInt64) {
        inst = instance; instanceID = instance.id; memory = instance.memory
        memBase = memory?.base ?? UnsafeMutableRawPointer(stack); memSize = memory?.size ?? 0
        (watchLow, watchHigh) = watched != nil && memory === watched ? (watchHull.lowerBound, watchHull.upperBound) : (Int.max, 0)
    }

    /// The specialized handler's return: to a caller in this instance that fast code called
    /// (`resume` set), above `returnFloor`. Anything else (the final return, a pause at the caller's
    /// depth, call stacks for a profile, another instance, a caller the exact loop called) leaves
    /// to the general handler before changing anything.
    @inline(__always)
    private mutating func returnNear(_ i: FastInstr, tallied: Bool, unnested: Bool, _ ip: inout UnsafeMutablePointer<FastInstr>,
                                     _ fp: inout UnsafeMutablePointer<UInt64>, _ fuelUsed: inout UInt64) -> UInt {
        let depth = self.depth   // read once: the stores below may alias it
        if _slowPath(depth &- 1 <= returnFloor) { return slow }
        let caller = frames + (depth &- 2)
        guard let resume = caller.pointee.resume else { return slow }
        let n = i.slotB, src = fp + Int(i.a)
        if n == 1 { fp[0] = src[0] } else if fp != src { for k in 0 ..< n { fp[k] = src[k] } }
        self.depth = depth &- 1   // wrapping arithmetic on the call path: each checked op cost a `jo`
        if _slowPath(depth &- 2 < lowTop) { lowTop = depth &- 2 }
        unowned(unsafe) let callerFunction = caller.pointee.function
        fn = callerFunction; code = callerFunction.fast; fp = stack + caller.pointee.fp
        ip = resume
        // The tally last, where few registers are live (earlier, it spilled them), the returning
        // function read from its frame, still in the buffer.
        if tallied {
            Unmanaged.passUnretained(caller[1].function).tallyReturn(to: Unmanaged.passUnretained(callerFunction), entry: caller[1].entryFuel,
                                                                     fuelUsed, unnested: unnested)
        }
        return arrive(ip, &fuelUsed)
    }

    /// A load's end and destination slot if in bounds. An `Add` form computes its address, as the
    /// fused `i32.add` did, and when out of bounds leaves it in its slot first, where the add put it.
    @inline(__always)
    private func loadAccess(_ op: FastOp, _ i: FastInstr, _ fp: UnsafeMutablePointer<UInt64>, _ memSize: UInt64) -> (Int, Int)? {
        guard op.addsToAddress else {
            guard let end = accessEnd(fp[i.lo], i.hi, memSize) else { return nil }
            return (end, Int(i.a))
        }
        let address = UInt64(asU32(fp[Int(i.a >> 16)]) &+ UInt32(truncatingIfNeeded: i.b)), dst = Int(i.a & 0xffff)
        guard let end = accessEnd(address, i.hi, memSize) else { fp[dst] = address; return nil }
        return (end, dst)
    }

    /// A store's address if in bounds and outside the watched ranges' hull: inside it, fast code
    /// leaves before writing, and the exact loop repeats the store and pauses if it touches a range.
    /// (Its `a` is the offset: an end offset, as loads have, made sieve's byte stores one instruction longer.)
    @inline(__always)
    private func storeAddress(_ i: FastInstr, _ size: Int, _ fp: UnsafeMutablePointer<UInt64>, _ memSize: UInt64) -> Int? {
        guard let ea = address(fp[i.lo], i.a, UInt64(size), memSize), !(ea &+ size > watchLow && ea < watchHigh) else { return nil }
        return ea
    }

    /// Arrival at the block head `head`, which every transfer of control charges: leaves when
    /// its charge crosses the limit.
    @inline(__always)
    private mutating func arrive(_ head: UnsafeMutablePointer<FastInstr>, _ fuelUsed: inout UInt64) -> UInt {
        fuelUsed &+= UInt64(head.pointee.charge)
        return _slowPath(fuelUsed > limit) ? leave : next
    }

    // What `run` returns (FastDispatch.h): go on with the instruction at ip, leave fast code
    // at ip, or run the instruction at ip in the general handler.
    private var next: UInt { 0 }
    private var leave: UInt { 1 }
    private var slow: UInt { 2 }

    @inline(__always)
    private mutating func run(_ op: FastOp, specialized: Bool, tallied: Bool, unnested: Bool, _ r: Registers) -> UInt {
        assert(!specialized || tallied == profiling || !FastInstr.isTallied(op), "fast code's handlers not retargeted for profiling")
        assert(unnested == (tallied && op == .return && fn.isUnnested), "an unnested function's return not retargeted")
        var ip = r.ip.pointee, fp = r.fp.pointee, memBase = r.memBase.pointee, memSize = r.memSize.pointee, fuelUsed = r.fuelUsed.pointee
        defer { (r.ip.pointee, r.fp.pointee, r.memBase.pointee, r.memSize.pointee, r.fuelUsed.pointee) = (ip, fp, memBase, memSize, fuelUsed) }
        let i = ip.pointee
        switch op {
        // MARK: Control
        case .nop:
            ip += 1
            return arrive(ip, &fuelUsed)
        case .deopt: return leave
        case .countBlock: UnsafeMutablePointer<UInt64>(bitPattern: UInt(i.b)).unsafelyUnwrapped.pointee &+= 1
        case .probe:
            // A conditional breakpoint: all conditions false, the original op runs from the trampoline.
            let set = ConditionSet.data(bits: i.b)
            let fuel = fuelUsed &- set.pointee.unspent
            if !ConditionSetData.quickFalse(set, fp, evaluating: machine.evaluatesConditions, counting: machine.countsConditionHits, paused: machine.pausedAtStep, steps: fuel &+ stepBase),
               machine.pausedAtStep != fuel &+ stepBase {
                // The machine's `conditionsFalse`, its checks here: that method's call retained the machine.
                guard machine.evaluatesConditions,
                      Machine.conditionsFalse(set, fp: fp, memBase: memBase, memSize: memSize, fuel: fuel,
                                              counts: machine.countsConditionHits, stack: machine.conditionStack) else { return leave }
            }
            ip = set.pointee.trampoline.unsafelyUnwrapped; return next
        case .jump: ip = code + Int(i.a); return next
        case .br:
            ip = code + Int(i.a)
            return arrive(ip, &fuelUsed)
        case .brIf:
            ip = asU32(fp[i.slotB]) != 0 ? code + Int(i.a) : ip + 1
            return arrive(ip, &fuelUsed)
        case .addBrIf:
            let sum = asU32(fp[Int(i.b >> 16 & 0xffff)]) &+ UInt32(truncatingIfNeeded: i.b >> 32)
            fp[Int(i.b & 0xffff)] = UInt64(sum)
            ip = sum != 0 ? code + Int(i.a) : ip + 1
            return arrive(ip, &fuelUsed)
        case .brIfNot:
            ip = asU32(fp[i.slotB]) == 0 ? code + Int(i.a) : ip + 1
            return arrive(ip, &fuelUsed)
        case .brCopy:
            let s = fn.fastBranches[Int(i.a)]
            Machine.move(fp, s)
            ip = code + Int(s.target)
            return arrive(ip, &fuelUsed)
        case .brIfCopy:
            if asU32(fp[i.slotB]) != 0 {
                let s = fn.fastBranches[Int(i.a)]
                Machine.move(fp, s)
                ip = code + Int(s.target)
            } else {
                ip += 1
            }
            return arrive(ip, &fuelUsed)
        case .brTable:
            let selector = Int(asU32(fp[i.lo])), index = selector < i.hi - 1 ? selector : i.hi - 1   // Swift.min was a call
            let s = fn.fastBranches[Int(i.a) + index]
            Machine.move(fp, s)
            ip = code + Int(s.target)
            return arrive(ip, &fuelUsed)
        case .return:
            if specialized { return returnNear(i, tallied: tallied, unnested: unnested, &ip, &fp, &fuelUsed) }
            let final = depth == 1
            let sameInstance = final || frames[depth &- 2].function.instanceID == instanceID
            let n = i.slotB, src = fp + Int(i.a)
            if fp != src { for k in 0 ..< n { fp[k] = src[k] } }
            if _slowPath(profiling) {
                Unmanaged.passUnretained(fn).tallyReturn(to: final ? nil : Unmanaged.passUnretained(frames[depth &- 2].function),
                                                         entry: frames[depth &- 1].entryFuel, fuelUsed, unnested: fn.isUnnested)
                if recordsCallStacks { machine.stackReturn(fuelUsed) }
            }
            depth &-= 1
            lowTop = Swift.min(lowTop, depth &- 1)
            if final {
                machine.results = Value.read(fn.type.results, from: stack)
                machine.callState = .returned
                machine.sp = n
                returned = true
                return leave
            }
            let caller = frames[depth &- 1]
            fn = caller.function; fp = stack + caller.fp
            if !sameInstance { switchInstance(fn.instance, &memBase, &memSize) }
            if _slowPath(depth <= pauseAtDepth) { resumeAt = caller.pc; return leave }
            code = fn.fast
            if let resume = caller.resume {
                ip = resume
            } else {
                let entry = fn.fastEntry[caller.pc]
                if _slowPath(entry < 0) { resumeAt = caller.pc; return leave }
                ip = code + Int(entry)
            }
            return arrive(ip, &fuelUsed)
        case .call:
            guard let calleeRef = inst.wasmCallees[Int(i.a)] else { return leave }   // a host function or another instance's
            return enter(calleeRef, direct: true, argumentsEnd: i.lo, returnPC: i.hi, specialized: specialized,
                         tallied: tallied, &ip, &fp, &memBase, &memSize, &fuelUsed)
        case .callIndirect:
            // Raw reads only: no reference counting or exclusivity checks per call (issue 16).
            guard let tableRef = inst.firstTable else { return leave }
            unowned(unsafe) let table = tableRef.takeUnretainedValue()
            let index = Int(asU32(fp[i.lo - 1]))
            guard index < table.elements.count else { return leave }
            let element = table.elements[index]
            guard element != 0 else { return leave }
            let target = indirectTargets[Int(element - 1)]
            guard target.typeID == inst.typeIDs[Int(i.a)], let calleeRef = target.wasm else { return leave }
            return enter(calleeRef, direct: false, argumentsEnd: i.lo &- 1, returnPC: i.hi, specialized: specialized,
                         tallied: tallied, &ip, &fp, &memBase, &memSize, &fuelUsed)
        // MARK: Data
        case .copy: fp[Int(i.a)] = fp[i.slotB]
        case .copy2:
            let x = fp[i.lo], y = fp[i.hi]
            fp[Int(i.a)] = x; fp[Int(i.a) + 1] = y
        case .copyPair:
            fp[Int(i.a & 0xffff)] = fp[i.lo]
            fp[Int(i.a >> 16)] = fp[i.hi]   // after the first: it may read what that wrote
        case .const: fp[Int(i.a)] = i.b
        case .addPair:
            let x = Int(i.a & 0xffff), y = Int(i.a >> 16)
            fp[x] = asSlot(asU32(fp[x]) &+ UInt32(truncatingIfNeeded: i.b))
            fp[y] = asSlot(asU32(fp[y]) &+ UInt32(truncatingIfNeeded: i.b >> 32))   // after the first: y may be x
        case .globalGet: fp[Int(i.a)] = inst.globals[i.slotB].pointee
        case .globalSet: inst.globals[Int(i.a)].pointee = fp[i.slotB]
        case .select:
            let d = fp + Int(i.a)
            if asU32(d[2]) == 0 { d[0] = d[1] }
        case .memorySize: fp[Int(i.a)] = UInt64(memory?.pageCount ?? 0)
        case .stackOp:
            if specialized { return slow }   // calls Machine.numeric
            var kind: TrapKind?
            guard let op = OpCode(rawValue: UInt16(truncatingIfNeeded: i.b)),
                  Machine.numeric(op, fp + Int(i.a), &kind) >= 0 else { return leave }
        // SIMD in stack form: the stack-code instruction at pc b (never a patched one: a
        // breakpoint turns this into deopt). A load or store out of bounds, or a store near a
        // watched range, leaves for the exact loop, which repeats it.
        case .simd: _ = Machine.simd(fn.code[i.slotB], fp + Int(i.a), fn)
        case .simdLoad:
            guard Machine.simdLoad(fn.code[i.slotB], fp + Int(i.a), memBase, memSize) != nil else { return leave }
        case .simdStore:
            // Inside the watched ranges' hull the exact loop stores, as for scalar stores (taken as 16
            // bytes, the widest: leaving is always safe). Any watch used to send every SIMD store there.
            let instr = fn.code[i.slotB], top = fp + Int(i.a)
            let start = Int(truncatingIfNeeded: (top[-3] & 0xffff_ffff) &+ UInt64(instr.a))
            guard !(start &+ 16 > watchLow && start < watchHigh), let (_, ea, _) = Machine.simdStore(instr, top, memBase, memSize)
            else { return leave }
            markWritten(memBase, ea)

        // MARK: Memory
        // A load's `hi` is its end offset (offset + size): one addition fewer than `address`
        // (FastCompiler.load). Its `Add` form adds the address too (`loadAccess`).
        case .i32Load, .i32LoadAdd:
            guard let (end, dst) = loadAccess(op, i, fp, memSize) else { return leave }
            fp[dst] = asSlot((memBase + (end &- 4)).guestLoad(UInt32.self))
        case .i64Load, .i64LoadAdd:
            guard let (end, dst) = loadAccess(op, i, fp, memSize) else { return leave }
            fp[dst] = (memBase + (end &- 8)).guestLoad(UInt64.self)
        case .i32Load8S, .i32Load8SAdd:
            guard let (end, dst) = loadAccess(op, i, fp, memSize) else { return leave }
            fp[dst] = asSlot(Int32((memBase + (end &- 1)).guestLoad(Int8.self)))
        case .i32Load8U, .i32Load8UAdd:
            guard let (end, dst) = loadAccess(op, i, fp, memSize) else { return leave }
            fp[dst] = UInt64((memBase + (end &- 1)).guestLoad(UInt8.self))
        case .i32Load16S, .i32Load16SAdd:
            guard let (end, dst) = loadAccess(op, i, fp, memSize) else { return leave }
            fp[dst] = asSlot(Int32((memBase + (end &- 2)).guestLoad(Int16.self)))
        case .i32Load16U, .i32Load16UAdd:
            guard let (end, dst) = loadAccess(op, i, fp, memSize) else { return leave }
            fp[dst] = UInt64((memBase + (end &- 2)).guestLoad(UInt16.self))
        case .i64Load8S, .i64Load8SAdd:
            guard let (end, dst) = loadAccess(op, i, fp, memSize) else { return leave }
            fp[dst] = asSlot(Int64((memBase + (end &- 1)).guestLoad(Int8.self)))
        case .i64Load8U, .i64Load8UAdd:
            guard let (end, dst) = loadAccess(op, i, fp, memSize) else { return leave }
            fp[dst] = UInt64((memBase + (end &- 1)).guestLoad(UInt8.self))
        case .i64Load16S, .i64Load16SAdd:
            guard let (end, dst) = loadAccess(op, i, fp, memSize) else { return leave }
            fp[dst] = asSlot(Int64((memBase + (end &- 2)).guestLoad(Int16.self)))
        case .i64Load16U, .i64Load16UAdd:
            guard let (end, dst) = loadAccess(op, i, fp, memSize) else { return leave }
            fp[dst] = UInt64((memBase + (end &- 2)).guestLoad(UInt16.self))
        case .i64Load32S, .i64Load32SAdd:
            guard let (end, dst) = loadAccess(op, i, fp, memSize) else { return leave }
            fp[dst] = asSlot(Int64((memBase + (end &- 4)).guestLoad(Int32.self)))
        case .i64Load32U, .i64Load32UAdd:
            guard let (end, dst) = loadAccess(op, i, fp, memSize) else { return leave }
            fp[dst] = UInt64((memBase + (end &- 4)).guestLoad(UInt32.self))
        case .store8:
            guard let ea = storeAddress(i, 1, fp, memSize) else { return leave }
            (memBase + ea).guestStore(UInt8(truncatingIfNeeded: fp[i.hi])); markWritten(memBase, ea)
        case .store16:
            guard let ea = storeAddress(i, 2, fp, memSize) else { return leave }
            (memBase + ea).guestStore(UInt16(truncatingIfNeeded: fp[i.hi])); markWritten(memBase, ea)
        case .store32:
            guard let ea = storeAddress(i, 4, fp, memSize) else { return leave }
            (memBase + ea).guestStore(UInt32(truncatingIfNeeded: fp[i.hi])); markWritten(memBase, ea)
        case .store64:
            guard let ea = storeAddress(i, 8, fp, memSize) else { return leave }
            (memBase + ea).guestStore(fp[i.hi]); markWritten(memBase, ea)
        case .store8I:
            guard let ea = storeAddress(i, 1, fp, memSize) else { return leave }
            (memBase + ea).guestStore(UInt8(truncatingIfNeeded: i.b >> 32)); markWritten(memBase, ea)
        case .store16I:
            guard let ea = storeAddress(i, 2, fp, memSize) else { return leave }
            (memBase + ea).guestStore(UInt16(truncatingIfNeeded: i.b >> 32)); markWritten(memBase, ea)
        case .store32I:
            guard let ea = storeAddress(i, 4, fp, memSize) else { return leave }
            (memBase + ea).guestStore(UInt32(truncatingIfNeeded: i.b >> 32)); markWritten(memBase, ea)
        case .store64I:
            guard let ea = storeAddress(i, 8, fp, memSize) else { return leave }
            (memBase + ea).guestStore(UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: i.b >> 32)))); markWritten(memBase, ea)

        // MARK: Numeric
        // BEGIN GENERATED (swift run generate-instructions)
        case .i32AddSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = asSlot(asU32(x) &+ asU32(y))
        case .i32AddSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = i.b >> 32; fp[Int(i.a)] = asSlot(asU32(x) &+ asU32(y))
        case .i32SubSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = asSlot(asU32(x) &- asU32(y))
        case .i32SubSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = i.b >> 32; fp[Int(i.a)] = asSlot(asU32(x) &- asU32(y))
        case .i32MulSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = asSlot(asU32(x) &* asU32(y))
        case .i32MulSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = i.b >> 32; fp[Int(i.a)] = asSlot(asU32(x) &* asU32(y))
        case .i32AndSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = x & y
        case .i32AndSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = i.b >> 32; fp[Int(i.a)] = x & y
        case .i32OrSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = x | y
        case .i32OrSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = i.b >> 32; fp[Int(i.a)] = x | y
        case .i32XorSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = x ^ y
        case .i32XorSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = i.b >> 32; fp[Int(i.a)] = x ^ y
        case .i32ShlSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = asSlot(asU32(x) &<< (asU32(y) & 31))
        case .i32ShlSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = i.b >> 32; fp[Int(i.a)] = asSlot(asU32(x) &<< (asU32(y) & 31))
        case .i32ShrSSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = asSlot(asS32(x) &>> Int32(bitPattern: asU32(y) & 31))
        case .i32ShrSSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = i.b >> 32; fp[Int(i.a)] = asSlot(asS32(x) &>> Int32(bitPattern: asU32(y) & 31))
        case .i32ShrUSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = asSlot(asU32(x) &>> (asU32(y) & 31))
        case .i32ShrUSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = i.b >> 32; fp[Int(i.a)] = asSlot(asU32(x) &>> (asU32(y) & 31))
        case .i32RotlSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = asSlot(Machine.rotateLeft(asU32(x), asU32(y)))
        case .i32RotlSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = i.b >> 32; fp[Int(i.a)] = asSlot(Machine.rotateLeft(asU32(x), asU32(y)))
        case .i32RotrSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = asSlot(Machine.rotateLeft(asU32(x), 32 &- asU32(y)))
        case .i32RotrSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = i.b >> 32; fp[Int(i.a)] = asSlot(Machine.rotateLeft(asU32(x), 32 &- asU32(y)))
        case .i64AddSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = x &+ y
        case .i64AddSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: i.b >> 32))); fp[Int(i.a)] = x &+ y
        case .i64SubSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = x &- y
        case .i64SubSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: i.b >> 32))); fp[Int(i.a)] = x &- y
        case .i64MulSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = x &* y
        case .i64MulSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: i.b >> 32))); fp[Int(i.a)] = x &* y
        case .i64AndSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = x & y
        case .i64AndSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: i.b >> 32))); fp[Int(i.a)] = x & y
        case .i64OrSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = x | y
        case .i64OrSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: i.b >> 32))); fp[Int(i.a)] = x | y
        case .i64XorSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = x ^ y
        case .i64XorSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: i.b >> 32))); fp[Int(i.a)] = x ^ y
        case .i64ShlSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = x &<< (y & 63)
        case .i64ShlSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: i.b >> 32))); fp[Int(i.a)] = x &<< (y & 63)
        case .i64ShrSSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = asSlot(Int64(bitPattern: x) &>> Int64(y & 63))
        case .i64ShrSSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: i.b >> 32))); fp[Int(i.a)] = asSlot(Int64(bitPattern: x) &>> Int64(y & 63))
        case .i64ShrUSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = x &>> (y & 63)
        case .i64ShrUSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: i.b >> 32))); fp[Int(i.a)] = x &>> (y & 63)
        case .i64RotlSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = Machine.rotateLeft(x, y)
        case .i64RotlSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: i.b >> 32))); fp[Int(i.a)] = Machine.rotateLeft(x, y)
        case .i64RotrSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = Machine.rotateLeft(x, 64 &- y)
        case .i64RotrSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: i.b >> 32))); fp[Int(i.a)] = Machine.rotateLeft(x, 64 &- y)
        case .i32EqSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = asSlot(asU32(x) == asU32(y))
        case .i32EqSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = i.b >> 32; fp[Int(i.a)] = asSlot(asU32(x) == asU32(y))
        case .i32NeSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = asSlot(asU32(x) != asU32(y))
        case .i32NeSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = i.b >> 32; fp[Int(i.a)] = asSlot(asU32(x) != asU32(y))
        case .i32LtSSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = asSlot(asS32(x) < asS32(y))
        case .i32LtSSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = i.b >> 32; fp[Int(i.a)] = asSlot(asS32(x) < asS32(y))
        case .i32LtUSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = asSlot(asU32(x) < asU32(y))
        case .i32LtUSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = i.b >> 32; fp[Int(i.a)] = asSlot(asU32(x) < asU32(y))
        case .i32GtSSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = asSlot(asS32(x) > asS32(y))
        case .i32GtSSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = i.b >> 32; fp[Int(i.a)] = asSlot(asS32(x) > asS32(y))
        case .i32GtUSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = asSlot(asU32(x) > asU32(y))
        case .i32GtUSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = i.b >> 32; fp[Int(i.a)] = asSlot(asU32(x) > asU32(y))
        case .i32LeSSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = asSlot(asS32(x) <= asS32(y))
        case .i32LeSSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = i.b >> 32; fp[Int(i.a)] = asSlot(asS32(x) <= asS32(y))
        case .i32LeUSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = asSlot(asU32(x) <= asU32(y))
        case .i32LeUSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = i.b >> 32; fp[Int(i.a)] = asSlot(asU32(x) <= asU32(y))
        case .i32GeSSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = asSlot(asS32(x) >= asS32(y))
        case .i32GeSSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = i.b >> 32; fp[Int(i.a)] = asSlot(asS32(x) >= asS32(y))
        case .i32GeUSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = asSlot(asU32(x) >= asU32(y))
        case .i32GeUSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = i.b >> 32; fp[Int(i.a)] = asSlot(asU32(x) >= asU32(y))
        case .i64EqSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = asSlot(x == y)
        case .i64EqSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: i.b >> 32))); fp[Int(i.a)] = asSlot(x == y)
        case .i64NeSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = asSlot(x != y)
        case .i64NeSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: i.b >> 32))); fp[Int(i.a)] = asSlot(x != y)
        case .i64LtSSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = asSlot(Int64(bitPattern: x) < Int64(bitPattern: y))
        case .i64LtSSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: i.b >> 32))); fp[Int(i.a)] = asSlot(Int64(bitPattern: x) < Int64(bitPattern: y))
        case .i64LtUSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = asSlot(x < y)
        case .i64LtUSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: i.b >> 32))); fp[Int(i.a)] = asSlot(x < y)
        case .i64GtSSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = asSlot(Int64(bitPattern: x) > Int64(bitPattern: y))
        case .i64GtSSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: i.b >> 32))); fp[Int(i.a)] = asSlot(Int64(bitPattern: x) > Int64(bitPattern: y))
        case .i64GtUSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = asSlot(x > y)
        case .i64GtUSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: i.b >> 32))); fp[Int(i.a)] = asSlot(x > y)
        case .i64LeSSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = asSlot(Int64(bitPattern: x) <= Int64(bitPattern: y))
        case .i64LeSSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: i.b >> 32))); fp[Int(i.a)] = asSlot(Int64(bitPattern: x) <= Int64(bitPattern: y))
        case .i64LeUSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = asSlot(x <= y)
        case .i64LeUSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: i.b >> 32))); fp[Int(i.a)] = asSlot(x <= y)
        case .i64GeSSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = asSlot(Int64(bitPattern: x) >= Int64(bitPattern: y))
        case .i64GeSSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: i.b >> 32))); fp[Int(i.a)] = asSlot(Int64(bitPattern: x) >= Int64(bitPattern: y))
        case .i64GeUSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = asSlot(x >= y)
        case .i64GeUSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: i.b >> 32))); fp[Int(i.a)] = asSlot(x >= y)
        case .brIfI32EqSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; ip = asU32(x) == asU32(y) ? code + Int(i.a) : ip + 1; return arrive(ip, &fuelUsed)
        case .brIfI32EqSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = i.b >> 32; ip = asU32(x) == asU32(y) ? code + Int(i.a) : ip + 1; return arrive(ip, &fuelUsed)
        case .brIfI32NeSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; ip = asU32(x) != asU32(y) ? code + Int(i.a) : ip + 1; return arrive(ip, &fuelUsed)
        case .brIfI32NeSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = i.b >> 32; ip = asU32(x) != asU32(y) ? code + Int(i.a) : ip + 1; return arrive(ip, &fuelUsed)
        case .brIfI32LtSSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; ip = asS32(x) < asS32(y) ? code + Int(i.a) : ip + 1; return arrive(ip, &fuelUsed)
        case .brIfI32LtSSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = i.b >> 32; ip = asS32(x) < asS32(y) ? code + Int(i.a) : ip + 1; return arrive(ip, &fuelUsed)
        case .brIfI32LtUSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; ip = asU32(x) < asU32(y) ? code + Int(i.a) : ip + 1; return arrive(ip, &fuelUsed)
        case .brIfI32LtUSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = i.b >> 32; ip = asU32(x) < asU32(y) ? code + Int(i.a) : ip + 1; return arrive(ip, &fuelUsed)
        case .brIfI32GtSSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; ip = asS32(x) > asS32(y) ? code + Int(i.a) : ip + 1; return arrive(ip, &fuelUsed)
        case .brIfI32GtSSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = i.b >> 32; ip = asS32(x) > asS32(y) ? code + Int(i.a) : ip + 1; return arrive(ip, &fuelUsed)
        case .brIfI32GtUSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; ip = asU32(x) > asU32(y) ? code + Int(i.a) : ip + 1; return arrive(ip, &fuelUsed)
        case .brIfI32GtUSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = i.b >> 32; ip = asU32(x) > asU32(y) ? code + Int(i.a) : ip + 1; return arrive(ip, &fuelUsed)
        case .brIfI32LeSSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; ip = asS32(x) <= asS32(y) ? code + Int(i.a) : ip + 1; return arrive(ip, &fuelUsed)
        case .brIfI32LeSSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = i.b >> 32; ip = asS32(x) <= asS32(y) ? code + Int(i.a) : ip + 1; return arrive(ip, &fuelUsed)
        case .brIfI32LeUSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; ip = asU32(x) <= asU32(y) ? code + Int(i.a) : ip + 1; return arrive(ip, &fuelUsed)
        case .brIfI32LeUSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = i.b >> 32; ip = asU32(x) <= asU32(y) ? code + Int(i.a) : ip + 1; return arrive(ip, &fuelUsed)
        case .brIfI32GeSSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; ip = asS32(x) >= asS32(y) ? code + Int(i.a) : ip + 1; return arrive(ip, &fuelUsed)
        case .brIfI32GeSSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = i.b >> 32; ip = asS32(x) >= asS32(y) ? code + Int(i.a) : ip + 1; return arrive(ip, &fuelUsed)
        case .brIfI32GeUSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; ip = asU32(x) >= asU32(y) ? code + Int(i.a) : ip + 1; return arrive(ip, &fuelUsed)
        case .brIfI32GeUSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = i.b >> 32; ip = asU32(x) >= asU32(y) ? code + Int(i.a) : ip + 1; return arrive(ip, &fuelUsed)
        case .brIfI64EqSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; ip = x == y ? code + Int(i.a) : ip + 1; return arrive(ip, &fuelUsed)
        case .brIfI64EqSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: i.b >> 32))); ip = x == y ? code + Int(i.a) : ip + 1; return arrive(ip, &fuelUsed)
        case .brIfI64NeSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; ip = x != y ? code + Int(i.a) : ip + 1; return arrive(ip, &fuelUsed)
        case .brIfI64NeSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: i.b >> 32))); ip = x != y ? code + Int(i.a) : ip + 1; return arrive(ip, &fuelUsed)
        case .brIfI64LtSSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; ip = Int64(bitPattern: x) < Int64(bitPattern: y) ? code + Int(i.a) : ip + 1; return arrive(ip, &fuelUsed)
        case .brIfI64LtSSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: i.b >> 32))); ip = Int64(bitPattern: x) < Int64(bitPattern: y) ? code + Int(i.a) : ip + 1; return arrive(ip, &fuelUsed)
        case .brIfI64LtUSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; ip = x < y ? code + Int(i.a) : ip + 1; return arrive(ip, &fuelUsed)
        case .brIfI64LtUSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: i.b >> 32))); ip = x < y ? code + Int(i.a) : ip + 1; return arrive(ip, &fuelUsed)
        case .brIfI64GtSSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; ip = Int64(bitPattern: x) > Int64(bitPattern: y) ? code + Int(i.a) : ip + 1; return arrive(ip, &fuelUsed)
        case .brIfI64GtSSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: i.b >> 32))); ip = Int64(bitPattern: x) > Int64(bitPattern: y) ? code + Int(i.a) : ip + 1; return arrive(ip, &fuelUsed)
        case .brIfI64GtUSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; ip = x > y ? code + Int(i.a) : ip + 1; return arrive(ip, &fuelUsed)
        case .brIfI64GtUSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: i.b >> 32))); ip = x > y ? code + Int(i.a) : ip + 1; return arrive(ip, &fuelUsed)
        case .brIfI64LeSSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; ip = Int64(bitPattern: x) <= Int64(bitPattern: y) ? code + Int(i.a) : ip + 1; return arrive(ip, &fuelUsed)
        case .brIfI64LeSSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: i.b >> 32))); ip = Int64(bitPattern: x) <= Int64(bitPattern: y) ? code + Int(i.a) : ip + 1; return arrive(ip, &fuelUsed)
        case .brIfI64LeUSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; ip = x <= y ? code + Int(i.a) : ip + 1; return arrive(ip, &fuelUsed)
        case .brIfI64LeUSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: i.b >> 32))); ip = x <= y ? code + Int(i.a) : ip + 1; return arrive(ip, &fuelUsed)
        case .brIfI64GeSSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; ip = Int64(bitPattern: x) >= Int64(bitPattern: y) ? code + Int(i.a) : ip + 1; return arrive(ip, &fuelUsed)
        case .brIfI64GeSSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: i.b >> 32))); ip = Int64(bitPattern: x) >= Int64(bitPattern: y) ? code + Int(i.a) : ip + 1; return arrive(ip, &fuelUsed)
        case .brIfI64GeUSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; ip = x >= y ? code + Int(i.a) : ip + 1; return arrive(ip, &fuelUsed)
        case .brIfI64GeUSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: i.b >> 32))); ip = x >= y ? code + Int(i.a) : ip + 1; return arrive(ip, &fuelUsed)
        case .i32DivSSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; guard !(asS32(y) == 0), !(asS32(x) == .min && asS32(y) == -1) else { return leave }; fp[Int(i.a)] = asSlot(asS32(x) / asS32(y))
        case .i32DivSSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = i.b >> 32; fp[Int(i.a)] = asSlot(asS32(x) / asS32(y))
        case .i32DivUSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; guard !(asU32(y) == 0) else { return leave }; fp[Int(i.a)] = asSlot(asU32(x) / asU32(y))
        case .i32DivUSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = i.b >> 32; fp[Int(i.a)] = asSlot(asU32(x) / asU32(y))
        case .i32RemSSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; guard !(asS32(y) == 0) else { return leave }; fp[Int(i.a)] = asS32(y) == -1 ? 0 : asSlot(asS32(x) % asS32(y))
        case .i32RemSSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = i.b >> 32; fp[Int(i.a)] = asS32(y) == -1 ? 0 : asSlot(asS32(x) % asS32(y))
        case .i32RemUSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; guard !(asU32(y) == 0) else { return leave }; fp[Int(i.a)] = asSlot(asU32(x) % asU32(y))
        case .i32RemUSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = i.b >> 32; fp[Int(i.a)] = asSlot(asU32(x) % asU32(y))
        case .i64DivSSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; guard !(y == 0), !(Int64(bitPattern: x) == .min && Int64(bitPattern: y) == -1) else { return leave }; fp[Int(i.a)] = asSlot(Int64(bitPattern: x) / Int64(bitPattern: y))
        case .i64DivSSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: i.b >> 32))); fp[Int(i.a)] = asSlot(Int64(bitPattern: x) / Int64(bitPattern: y))
        case .i64DivUSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; guard !(y == 0) else { return leave }; fp[Int(i.a)] = x / y
        case .i64DivUSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: i.b >> 32))); fp[Int(i.a)] = x / y
        case .i64RemSSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; guard !(y == 0) else { return leave }; fp[Int(i.a)] = Int64(bitPattern: y) == -1 ? 0 : asSlot(Int64(bitPattern: x) % Int64(bitPattern: y))
        case .i64RemSSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: i.b >> 32))); fp[Int(i.a)] = Int64(bitPattern: y) == -1 ? 0 : asSlot(Int64(bitPattern: x) % Int64(bitPattern: y))
        case .i64RemUSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; guard !(y == 0) else { return leave }; fp[Int(i.a)] = x % y
        case .i64RemUSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: i.b >> 32))); fp[Int(i.a)] = x % y
        case .f32EqSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = asSlot(asF32(x) == asF32(y))
        case .f32NeSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = asSlot(asF32(x) != asF32(y))
        case .f32LtSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = asSlot(asF32(x) < asF32(y))
        case .f32GtSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = asSlot(asF32(x) > asF32(y))
        case .f32LeSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = asSlot(asF32(x) <= asF32(y))
        case .f32GeSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = asSlot(asF32(x) >= asF32(y))
        case .f64EqSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = asSlot(asF64(x) == asF64(y))
        case .f64NeSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = asSlot(asF64(x) != asF64(y))
        case .f64LtSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = asSlot(asF64(x) < asF64(y))
        case .f64GtSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = asSlot(asF64(x) > asF64(y))
        case .f64LeSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = asSlot(asF64(x) <= asF64(y))
        case .f64GeSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = asSlot(asF64(x) >= asF64(y))
        case .f32AddSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = asSlot(Machine.wasmAdd(asF32(x), asF32(y)))
        case .f32SubSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = asSlot(asF32(x) - asF32(y))
        case .f32MulSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = asSlot(Machine.wasmMul(asF32(x), asF32(y)))
        case .f32DivSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = asSlot(asF32(x) / asF32(y))
        case .f32MinSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = asSlot(Machine.wasmMin(asF32(x), asF32(y)))
        case .f32MaxSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = asSlot(Machine.wasmMax(asF32(x), asF32(y)))
        case .f32CopysignSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = (x & 0x7fff_ffff) | (y & 0x8000_0000)
        case .f64AddSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = asSlot(Machine.wasmAdd(asF64(x), asF64(y)))
        case .f64SubSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = asSlot(asF64(x) - asF64(y))
        case .f64MulSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = asSlot(Machine.wasmMul(asF64(x), asF64(y)))
        case .f64DivSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = asSlot(asF64(x) / asF64(y))
        case .f64MinSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = asSlot(Machine.wasmMin(asF64(x), asF64(y)))
        case .f64MaxSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = asSlot(Machine.wasmMax(asF64(x), asF64(y)))
        case .f64CopysignSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; fp[Int(i.a)] = (x & 0x7fff_ffff_ffff_ffff) | (y & 0x8000_0000_0000_0000)
        case .i32EqzS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))]; fp[Int(i.a)] = asSlot(asU32(x) == 0)
        case .i64EqzS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))]; fp[Int(i.a)] = asSlot(x == 0)
        case .i32ClzS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))]; fp[Int(i.a)] = UInt64(asU32(x).leadingZeroBitCount)
        case .i32CtzS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))]; fp[Int(i.a)] = UInt64(asU32(x).trailingZeroBitCount)
        case .i32PopcntS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))]; fp[Int(i.a)] = UInt64(asU32(x).nonzeroBitCount)
        case .i64ClzS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))]; fp[Int(i.a)] = UInt64(x.leadingZeroBitCount)
        case .i64CtzS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))]; fp[Int(i.a)] = UInt64(x.trailingZeroBitCount)
        case .i64PopcntS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))]; fp[Int(i.a)] = UInt64(x.nonzeroBitCount)
        case .f32AbsS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))]; fp[Int(i.a)] = x & 0x7fff_ffff
        case .f32NegS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))]; fp[Int(i.a)] = (x ^ 0x8000_0000) & 0xffff_ffff
        case .f32CeilS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))]; fp[Int(i.a)] = asSlot(asF32(x).rounded(.up))
        case .f32FloorS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))]; fp[Int(i.a)] = asSlot(asF32(x).rounded(.down))
        case .f32TruncS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))]; fp[Int(i.a)] = asSlot(asF32(x).rounded(.towardZero))
        case .f32NearestS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))]; fp[Int(i.a)] = asSlot(asF32(x).rounded(.toNearestOrEven))
        case .f32SqrtS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))]; fp[Int(i.a)] = asSlot(asF32(x).squareRoot())
        case .f64AbsS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))]; fp[Int(i.a)] = x & 0x7fff_ffff_ffff_ffff
        case .f64NegS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))]; fp[Int(i.a)] = x ^ 0x8000_0000_0000_0000
        case .f64CeilS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))]; fp[Int(i.a)] = asSlot(asF64(x).rounded(.up))
        case .f64FloorS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))]; fp[Int(i.a)] = asSlot(asF64(x).rounded(.down))
        case .f64TruncS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))]; fp[Int(i.a)] = asSlot(asF64(x).rounded(.towardZero))
        case .f64NearestS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))]; fp[Int(i.a)] = asSlot(asF64(x).rounded(.toNearestOrEven))
        case .f64SqrtS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))]; fp[Int(i.a)] = asSlot(asF64(x).squareRoot())
        case .i32WrapI64S: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))]; fp[Int(i.a)] = x & 0xffff_ffff
        case .i64ExtendI32SS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))]; fp[Int(i.a)] = asSlot(Int64(asS32(x)))
        case .i64ExtendI32US: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))]; fp[Int(i.a)] = x & 0xffff_ffff
        case .f32ConvertI32SS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))]; fp[Int(i.a)] = asSlot(Float(asS32(x)))
        case .f32ConvertI32US: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))]; fp[Int(i.a)] = asSlot(Float(asU32(x)))
        case .f32ConvertI64SS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))]; fp[Int(i.a)] = asSlot(Float(Int64(bitPattern: x)))
        case .f32ConvertI64US: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))]; fp[Int(i.a)] = asSlot(Float(x))
        case .f32DemoteF64S: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))]; fp[Int(i.a)] = asSlot(Float(asF64(x)))
        case .f64ConvertI32SS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))]; fp[Int(i.a)] = asSlot(Double(asS32(x)))
        case .f64ConvertI32US: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))]; fp[Int(i.a)] = asSlot(Double(asU32(x)))
        case .f64ConvertI64SS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))]; fp[Int(i.a)] = asSlot(Double(Int64(bitPattern: x)))
        case .f64ConvertI64US: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))]; fp[Int(i.a)] = asSlot(Double(x))
        case .f64PromoteF32S: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))]; fp[Int(i.a)] = asSlot(Double(asF32(x)))
        case .i32Extend8SS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))]; fp[Int(i.a)] = asSlot(Int32(Int8(truncatingIfNeeded: x)))
        case .i32Extend16SS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))]; fp[Int(i.a)] = asSlot(Int32(Int16(truncatingIfNeeded: x)))
        case .i64Extend8SS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))]; fp[Int(i.a)] = asSlot(Int64(Int8(truncatingIfNeeded: x)))
        case .i64Extend16SS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))]; fp[Int(i.a)] = asSlot(Int64(Int16(truncatingIfNeeded: x)))
        case .i64Extend32SS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))]; fp[Int(i.a)] = asSlot(Int64(Int32(truncatingIfNeeded: x)))
        case .i32TruncSatF32SS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))]; fp[Int(i.a)] = asSlot(Machine.saturate(Double(asF32(x)), Int32.self))
        case .i32TruncSatF32US: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))]; fp[Int(i.a)] = asSlot(Machine.saturate(Double(asF32(x)), UInt32.self))
        case .i32TruncSatF64SS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))]; fp[Int(i.a)] = asSlot(Machine.saturate(asF64(x), Int32.self))
        case .i32TruncSatF64US: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))]; fp[Int(i.a)] = asSlot(Machine.saturate(asF64(x), UInt32.self))
        case .i64TruncSatF32SS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))]; fp[Int(i.a)] = asSlot(Machine.saturate(Double(asF32(x)), Int64.self))
        case .i64TruncSatF32US: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))]; fp[Int(i.a)] = Machine.saturate(Double(asF32(x)), UInt64.self)
        case .i64TruncSatF64SS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))]; fp[Int(i.a)] = asSlot(Machine.saturate(asF64(x), Int64.self))
        case .i64TruncSatF64US: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))]; fp[Int(i.a)] = Machine.saturate(asF64(x), UInt64.self)
        case .i32MulAddSSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; let p = asSlot(asU32(x) &* asU32(y)); do { let x = fp[Int(i.a >> 16)], y = p; fp[Int(i.a & 0xffff)] = asSlot(asU32(x) &+ asU32(y)) }
        case .i32MulFirstAddSSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; let p = asSlot(asU32(x) &* asU32(y)); do { let x = p, y = fp[Int(i.a >> 16)]; fp[Int(i.a & 0xffff)] = asSlot(asU32(x) &+ asU32(y)) }
        case .i64MulAddSSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; let p = x &* y; do { let x = fp[Int(i.a >> 16)], y = p; fp[Int(i.a & 0xffff)] = x &+ y }
        case .i64MulFirstAddSSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; let p = x &* y; do { let x = p, y = fp[Int(i.a >> 16)]; fp[Int(i.a & 0xffff)] = x &+ y }
        case .f32MulAddSSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; let p = asSlot(Machine.wasmMul(asF32(x), asF32(y))); do { let x = fp[Int(i.a >> 16)], y = p; fp[Int(i.a & 0xffff)] = asSlot(Machine.wasmAdd(asF32(x), asF32(y))) }
        case .f32MulFirstAddSSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; let p = asSlot(Machine.wasmMul(asF32(x), asF32(y))); do { let x = p, y = fp[Int(i.a >> 16)]; fp[Int(i.a & 0xffff)] = asSlot(Machine.wasmAdd(asF32(x), asF32(y))) }
        case .f64MulAddSSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; let p = asSlot(Machine.wasmMul(asF64(x), asF64(y))); do { let x = fp[Int(i.a >> 16)], y = p; fp[Int(i.a & 0xffff)] = asSlot(Machine.wasmAdd(asF64(x), asF64(y))) }
        case .f64MulFirstAddSSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; let p = asSlot(Machine.wasmMul(asF64(x), asF64(y))); do { let x = p, y = fp[Int(i.a >> 16)]; fp[Int(i.a & 0xffff)] = asSlot(Machine.wasmAdd(asF64(x), asF64(y))) }
        case .i32AddAddSSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; let p = asSlot(asU32(x) &+ asU32(y)); do { let x = fp[Int(i.a >> 16)], y = p; fp[Int(i.a & 0xffff)] = asSlot(asU32(x) &+ asU32(y)) }
        case .i32AddFirstAddSSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; let p = asSlot(asU32(x) &+ asU32(y)); do { let x = p, y = fp[Int(i.a >> 16)]; fp[Int(i.a & 0xffff)] = asSlot(asU32(x) &+ asU32(y)) }
        case .i64AddAddSSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; let p = x &+ y; do { let x = fp[Int(i.a >> 16)], y = p; fp[Int(i.a & 0xffff)] = x &+ y }
        case .i64AddFirstAddSSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; let p = x &+ y; do { let x = p, y = fp[Int(i.a >> 16)]; fp[Int(i.a & 0xffff)] = x &+ y }
        case .f32AddAddSSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; let p = asSlot(Machine.wasmAdd(asF32(x), asF32(y))); do { let x = fp[Int(i.a >> 16)], y = p; fp[Int(i.a & 0xffff)] = asSlot(Machine.wasmAdd(asF32(x), asF32(y))) }
        case .f32AddFirstAddSSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; let p = asSlot(Machine.wasmAdd(asF32(x), asF32(y))); do { let x = p, y = fp[Int(i.a >> 16)]; fp[Int(i.a & 0xffff)] = asSlot(Machine.wasmAdd(asF32(x), asF32(y))) }
        case .f64AddAddSSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; let p = asSlot(Machine.wasmAdd(asF64(x), asF64(y))); do { let x = fp[Int(i.a >> 16)], y = p; fp[Int(i.a & 0xffff)] = asSlot(Machine.wasmAdd(asF64(x), asF64(y))) }
        case .f64AddFirstAddSSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; let p = asSlot(Machine.wasmAdd(asF64(x), asF64(y))); do { let x = p, y = fp[Int(i.a >> 16)]; fp[Int(i.a & 0xffff)] = asSlot(Machine.wasmAdd(asF64(x), asF64(y))) }
        case .i32RotlXorSSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = i.b >> 32; let p = asSlot(Machine.rotateLeft(asU32(x), asU32(y))); do { let x = fp[Int(i.a >> 16)], y = p; fp[Int(i.a & 0xffff)] = x ^ y }
        case .i32RotlFirstXorSSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = i.b >> 32; let p = asSlot(Machine.rotateLeft(asU32(x), asU32(y))); do { let x = p, y = fp[Int(i.a >> 16)]; fp[Int(i.a & 0xffff)] = x ^ y }
        case .i32ShrUXorSSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = i.b >> 32; let p = asSlot(asU32(x) &>> (asU32(y) & 31)); do { let x = fp[Int(i.a >> 16)], y = p; fp[Int(i.a & 0xffff)] = x ^ y }
        case .i32ShrUFirstXorSSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = i.b >> 32; let p = asSlot(asU32(x) &>> (asU32(y) & 31)); do { let x = p, y = fp[Int(i.a >> 16)]; fp[Int(i.a & 0xffff)] = x ^ y }
        case .i32AndXorSSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; let p = x & y; do { let x = fp[Int(i.a >> 16)], y = p; fp[Int(i.a & 0xffff)] = x ^ y }
        case .i32AndFirstXorSSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; let p = x & y; do { let x = p, y = fp[Int(i.a >> 16)]; fp[Int(i.a & 0xffff)] = x ^ y }
        case .i32AndAddSSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; let p = x & y; do { let x = fp[Int(i.a >> 16)], y = p; fp[Int(i.a & 0xffff)] = asSlot(asU32(x) &+ asU32(y)) }
        case .i32AndFirstAddSSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; let p = x & y; do { let x = p, y = fp[Int(i.a >> 16)]; fp[Int(i.a & 0xffff)] = asSlot(asU32(x) &+ asU32(y)) }
        case .i32XorAndSSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; let p = x ^ y; do { let x = fp[Int(i.a >> 16)], y = p; fp[Int(i.a & 0xffff)] = x & y }
        case .i32XorFirstAndSSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; let p = x ^ y; do { let x = p, y = fp[Int(i.a >> 16)]; fp[Int(i.a & 0xffff)] = x & y }
        case .i32XorAndSSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = i.b >> 32; let p = x ^ y; do { let x = fp[Int(i.a >> 16)], y = p; fp[Int(i.a & 0xffff)] = x & y }
        case .i32XorFirstAndSSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = i.b >> 32; let p = x ^ y; do { let x = p, y = fp[Int(i.a >> 16)]; fp[Int(i.a & 0xffff)] = x & y }
        case .i64AddSW: let x = fp[Int(i.a >> 16)], y = i.b; fp[Int(i.a & 0xffff)] = x &+ y
        case .i64SubSW: let x = fp[Int(i.a >> 16)], y = i.b; fp[Int(i.a & 0xffff)] = x &- y
        case .i64MulSW: let x = fp[Int(i.a >> 16)], y = i.b; fp[Int(i.a & 0xffff)] = x &* y
        case .i64AndSW: let x = fp[Int(i.a >> 16)], y = i.b; fp[Int(i.a & 0xffff)] = x & y
        case .i64OrSW: let x = fp[Int(i.a >> 16)], y = i.b; fp[Int(i.a & 0xffff)] = x | y
        case .i64XorSW: let x = fp[Int(i.a >> 16)], y = i.b; fp[Int(i.a & 0xffff)] = x ^ y
        // END GENERATED
        }
        ip += 1
        return next
    }
}

extension Machine {
    /// Zeroes a callee's declared locals. Usually a handful: stores beat a memset call, and a
    /// plain loop became one (fib: 78M calls, 938M instructions in memset under callgrind).
    @inline(__always)
    static func zero(_ p: UnsafeMutablePointer<UInt64>, _ count: Int) {
        if count <= 4 { zeroFew(p, count) } else { p.update(repeating: 0, count: count) }
    }

    /// Zeroes up to 4 locals, without a call.
    @inline(__always)
    static func zeroFew(_ p: UnsafeMutablePointer<UInt64>, _ count: Int) {
        if count > 0 { p[0] = 0 }
        if count > 1 { p[1] = 0 }
        if count > 2 { p[2] = 0 }
        if count > 3 { p[3] = 0 }
    }

    /// Moves a branch's values to its target's slots.
    @inline(__always)
    static func move(_ fp: UnsafeMutablePointer<UInt64>, _ s: FastBranch) {
        let src = fp + Int(s.source), dst = fp + Int(s.destination)
        if src != dst { for k in 0 ..< Int(s.count) { dst[k] = src[k] } }
    }
}
