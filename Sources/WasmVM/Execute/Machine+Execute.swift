#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// The interpreter loop: one switch shared by `run` and `step` (the step budget
// is part of the single fuel/step compare at the top of each instruction).
// Hot state lives in locals; everything rare goes through @inline(never) slow paths.

/// Effective address of an access of `size` bytes, or nil when out of bounds.
@inline(__always) func address(_ base: UInt64, _ offset: UInt32, _ size: UInt64, _ memSize: UInt64) -> Int? {
    let ea = (base & 0xffff_ffff) &+ UInt64(offset)
    return ea &+ size <= memSize ? Int(ea) : nil
}

extension Machine {
    func execute(stepStop: UInt64, pauseAtFuel: UInt64?, pauseAtDepth: Int) -> ExecutionEvent {
        var frames = callFrames
        callFrames = []
        // Lowest frame index that was the top (the only one written): the fast loop's buffer
        // stays valid below it.
        var lowTop = frames.count - 1
        let stack = self.stack
        let stackEnd = stack + Swift.max(configuration.maxStackSlots, 16)
        let costs = self.costs
        let maxDepth = configuration.maxCallDepth
        let storeFunctions = self.storeFunctions
        let budget = Swift.min(fuelLimitValue, pauseAtFuel ?? .max, Machine.budgetCeiling)
        var fuelUsed = fuelUsedValue
        // `steps` is not counted in the loop: it is `fuelUsed &+ stepBase`, and whatever charges
        // other than 1 fuel per step (calls, variable costs, host calls) moves `stepBase`.
        // `limit` folds the step stop into the fuel budget (conservatively for costs above 1),
        // so the header is one add and one compare; the slow path decides exactly.
        var stepBase = stepCount &- fuelUsed
        var limit = Machine.fuelLimit(budget, fuelUsed, stepCount, stepStop)
        unowned(unsafe) var fn = frames[frames.count - 1].function
        var code = fn.code
        var pc = frames[frames.count - 1].pc
        var fp = stack + frames[frames.count - 1].fp
        var sp = stack + self.sp
        unowned(unsafe) var inst = fn.instance
        unowned(unsafe) var memory = inst.memory
        var memBase = memory?.base ?? UnsafeMutableRawPointer(stack)
        var memSize = memory?.size ?? 0
        let watched = watchedMemory
        var watching = watched != nil && memory === watched
        let profiling = profilesFuel
        var event = ExecutionEvent.stepLimit
        var trapKind: TrapKind?
        var trapMessage: String?
        var stoppedAtDepth = false
        defer { lastStopWasDepth = stoppedAtDepth }

        loop: while true {
            var instr = code[pc]
            var cost = costs[Int(instr.op.rawValue)]
            if _slowPath(fuelUsed &+ cost > limit) {
                switch prepare(instr, fn, pc, fp, sp, fuelUsed: fuelUsed, steps: fuelUsed &+ stepBase, stepStop: stepStop, pauseAtFuel: pauseAtFuel) {
                case .execute(let i, let c):
                    instr = i; cost = c
                    // Charged as one step: keep `fuelUsed &+ stepBase` the step count.
                    stepBase &-= c &- 1
                    limit = Machine.fuelLimit(budget, fuelUsed &+ c, fuelUsed &+ c &+ stepBase, stepStop)
                    // Calls below adjust for their own cost; undo that here (they add it back).
                    if i.op == .call || i.op == .callIndirect { stepBase &+= c &- 1 }
                case .exit(let e): event = e; break loop
                }
            }
            fuelUsed &+= cost

            switch instr.op {
            // MARK: Control
            case .unreachable: trapKind = .unreachable; break loop
            case .jump: pc = Int(instr.a); continue loop
            case .jumpIfZero:
                sp -= 1
                if asU32(sp.pointee) == 0 { pc = Int(instr.a); continue loop }
            case .br:
                let n = instr.branchArity, dst = fp + instr.branchHeight, src = sp - n
                if dst != src { for i in 0 ..< n { dst[i] = src[i] } }
                sp = dst + n
                pc = Int(instr.a); continue loop
            case .brIf:
                sp -= 1
                if asU32(sp.pointee) != 0 {
                    let n = instr.branchArity, dst = fp + instr.branchHeight, src = sp - n
                    if dst != src { for i in 0 ..< n { dst[i] = src[i] } }
                    sp = dst + n
                    pc = Int(instr.a); continue loop
                }
            case .brTable:
                sp -= 1
                let index = Swift.min(Int(asU32(sp.pointee)), Int(instr.b) - 1)
                let target = fn.branchTables[Int(instr.a) + index]
                let n = Int(target.arity), dst = fp + Int(target.height), src = sp - n
                if dst != src { for i in 0 ..< n { dst[i] = src[i] } }
                sp = dst + n
                pc = Int(target.pc); continue loop
            case .return:
                let n = Int(instr.a), src = sp - n
                if fp != src { for i in 0 ..< n { fp[i] = src[i] } }
                sp = fp + n
                if _slowPath(profiling) { profileReturn(fn.address, fuelUsed) }
                frames.removeLast()
                lowTop = lowTop < frames.count - 1 ? lowTop : frames.count - 1   // Swift.min was a call here
                if frames.isEmpty {
                    results = fn.type.results.enumerated().map { Value(slot: stack[$0.offset], type: $0.element) }
                    callState = .returned
                    event = .returned(results)
                    break loop
                }
                let caller = frames[frames.count - 1]
                fn = caller.function; code = fn.code; pc = caller.pc; fp = stack + caller.fp
                if fn.instanceID != inst.id {
                    inst = fn.instance; memory = inst.memory
                    memBase = memory?.base ?? UnsafeMutableRawPointer(stack); memSize = memory?.size ?? 0
                    watching = watched != nil && memory === watched
                }
                if _slowPath(frames.count <= pauseAtDepth) { stoppedAtDepth = true; break loop }   // event stays .stepLimit
                continue loop
            case .call:
                stepBase &-= cost &- 1
                limit = Machine.fuelLimit(budget, fuelUsed, fuelUsed &+ stepBase, stepStop)
                unowned(unsafe) let target = inst.functions[Int(instr.a)]
                if _fastPath(!target.isHost) {
                    unowned(unsafe) let callee = target.wasm.unsafelyUnwrapped
                    let newFp = sp - callee.paramCount
                    if _slowPath(frames.count >= maxDepth || newFp + callee.maxHeight > stackEnd) {
                        trapKind = .callStackExhausted; break loop
                    }
                    if _slowPath(profiling) { profileCall(fn.address, callee.address, fuelUsed) }
                    frames[frames.count - 1].pc = pc &+ 1
                    frames[frames.count - 1].resume = nil
                    sp.update(repeating: 0, count: callee.localCount)
                    sp += callee.localCount
                    frames.append(Frame(function: callee, pc: 0, fp: newFp - stack))
                    fn = callee; code = callee.code; pc = 0; fp = newFp
                    if callee.instanceID != inst.id {
                        inst = callee.instance; memory = inst.memory
                        memBase = memory?.base ?? UnsafeMutableRawPointer(stack); memSize = memory?.size ?? 0
                        watching = watched != nil && memory === watched
                    }
                    continue loop
                }
                stepBase &+= cost &- 1
                fuelUsed &-= cost
                var steps = fuelUsed &+ stepBase
                defer { stepBase = steps &- fuelUsed; limit = Machine.fuelLimit(budget, fuelUsed, steps, stepStop) }
                let address = inst.functionAddresses[Int(instr.a)], before = fuelUsed
                switch callHost(target, address: address, indirect: false, sp: sp,
                                fuelUsed: &fuelUsed, steps: &steps, pauseAtFuel: pauseAtFuel, function: fn, pc: pc) {
                case .done(let newTop):
                    sp = newTop
                    if _slowPath(profiling) { profileHostCall(fn.address, address: address, before: before, after: fuelUsed) }
                case .pausedAfter(let e, let newTop):
                    sp = newTop; event = e; pc &+= 1
                    if _slowPath(profiling) { profileHostCall(fn.address, address: address, before: before, after: fuelUsed) }
                    break loop
                case .stop(let e): event = e; break loop
                }
                memBase = memory?.base ?? UnsafeMutableRawPointer(stack); memSize = memory?.size ?? 0
            case .callIndirect:
                stepBase &-= cost &- 1
                limit = Machine.fuelLimit(budget, fuelUsed, fuelUsed &+ stepBase, stepStop)
                let table = inst.tables[Int(instr.b)]
                let index = Int(asU32(sp[-1]))
                guard index < table.elements.count else { trapKind = .tableOutOfBounds; trapMessage = "undefined element"; break loop }
                let element = table.elements[index]
                guard element != 0 else { trapKind = .uninitializedElement; break loop }
                unowned(unsafe) let target = storeFunctions[Int(element - 1)]
                guard target.typeID == inst.typeIDs[Int(instr.a)] else { trapKind = .indirectCallTypeMismatch; break loop }
                if _fastPath(!target.isHost) {
                    unowned(unsafe) let callee = target.wasm.unsafelyUnwrapped
                    sp -= 1
                    let newFp = sp - callee.paramCount
                    if _slowPath(frames.count >= maxDepth || newFp + callee.maxHeight > stackEnd) {
                        sp += 1; trapKind = .callStackExhausted; break loop
                    }
                    if _slowPath(profiling) { profileCall(fn.address, callee.address, fuelUsed) }
                    frames[frames.count - 1].pc = pc &+ 1
                    frames[frames.count - 1].resume = nil
                    sp.update(repeating: 0, count: callee.localCount)
                    sp += callee.localCount
                    frames.append(Frame(function: callee, pc: 0, fp: newFp - stack))
                    fn = callee; code = callee.code; pc = 0; fp = newFp
                    if callee.instanceID != inst.id {
                        inst = callee.instance; memory = inst.memory
                        memBase = memory?.base ?? UnsafeMutableRawPointer(stack); memSize = memory?.size ?? 0
                        watching = watched != nil && memory === watched
                    }
                    continue loop
                }
                stepBase &+= cost &- 1
                fuelUsed &-= cost
                var steps = fuelUsed &+ stepBase
                defer { stepBase = steps &- fuelUsed; limit = Machine.fuelLimit(budget, fuelUsed, steps, stepStop) }
                let address = Int(element - 1), before = fuelUsed
                switch callHost(target, address: address, indirect: true, sp: sp,
                                fuelUsed: &fuelUsed, steps: &steps, pauseAtFuel: pauseAtFuel, function: fn, pc: pc) {
                case .done(let newTop):
                    sp = newTop
                    if _slowPath(profiling) { profileHostCall(fn.address, address: address, before: before, after: fuelUsed) }
                case .pausedAfter(let e, let newTop):
                    sp = newTop; event = e; pc &+= 1
                    if _slowPath(profiling) { profileHostCall(fn.address, address: address, before: before, after: fuelUsed) }
                    break loop
                case .stop(let e): event = e; break loop
                }
                memBase = memory?.base ?? UnsafeMutableRawPointer(stack); memSize = memory?.size ?? 0
            case .breakpoint: preconditionFailure("breakpoint reached the execute switch")

            // MARK: Parametric and variables
            case .drop: sp -= 1
            case .select:
                if asU32(sp[-1]) == 0 { sp[-3] = sp[-2] }
                sp -= 2
            case .localGet: sp.pointee = fp[Int(instr.a)]; sp += 1
            case .localSet: sp -= 1; fp[Int(instr.a)] = sp.pointee
            case .localTee: fp[Int(instr.a)] = sp[-1]
            case .globalGet: sp.pointee = inst.globals[Int(instr.a)].pointee; sp += 1
            case .globalSet: sp -= 1; inst.globals[Int(instr.a)].pointee = sp.pointee

            // MARK: Tables
            case .tableGet:
                let table = inst.tables[Int(instr.a)], i = Int(asU32(sp[-1]))
                guard i < table.elements.count else { trapKind = .tableOutOfBounds; break loop }
                sp[-1] = table.elements[i]
            case .tableSet:
                let table = inst.tables[Int(instr.a)], i = Int(asU32(sp[-2]))
                guard i < table.elements.count else { trapKind = .tableOutOfBounds; break loop }
                table.elements[i] = sp[-1]
                sp -= 2
            case .tableSize:
                sp.pointee = UInt64(inst.tables[Int(instr.a)].elements.count); sp += 1
            case .tableGrow:
                let table = inst.tables[Int(instr.a)]
                let old = table.grow(by: UInt64(asU32(sp[-1])), filling: sp[-2])
                sp[-2] = old.map { UInt64($0) } ?? 0xffff_ffff
                sp -= 1
            case .tableFill:
                let table = inst.tables[Int(instr.a)]
                let n = Int(asU32(sp[-1])), value = sp[-2], i = Int(asU32(sp[-3]))
                guard i + n <= table.elements.count else { trapKind = .tableOutOfBounds; break loop }
                for k in i ..< i + n { table.elements[k] = value }
                sp -= 3
            case .tableCopy:
                let dst = inst.tables[Int(instr.a)], src = inst.tables[Int(instr.b)]
                let n = Int(asU32(sp[-1])), s = Int(asU32(sp[-2])), d = Int(asU32(sp[-3]))
                guard s + n <= src.elements.count, d + n <= dst.elements.count else { trapKind = .tableOutOfBounds; break loop }
                if n > 0 { dst.elements.replaceSubrange(d ..< d + n, with: Array(src.elements[s ..< s + n])) }
                sp -= 3
            case .tableInit:
                let table = inst.tables[Int(instr.a)], segment = inst.elements[Int(instr.b)]
                let n = Int(asU32(sp[-1])), s = Int(asU32(sp[-2])), d = Int(asU32(sp[-3]))
                guard s + n <= segment.count, d + n <= table.elements.count else { trapKind = .tableOutOfBounds; break loop }
                if n > 0 { table.elements.replaceSubrange(d ..< d + n, with: segment[s ..< s + n]) }
                sp -= 3
            case .elemDrop: inst.elements[Int(instr.a)] = []

            // MARK: Memory
            case .i32Load:
                guard let ea = address(sp[-1], instr.a, 4, memSize) else { trapKind = .memoryOutOfBounds; break loop }
                sp[-1] = asSlot((memBase + ea).loadUnaligned(as: UInt32.self))
            case .i64Load:
                guard let ea = address(sp[-1], instr.a, 8, memSize) else { trapKind = .memoryOutOfBounds; break loop }
                sp[-1] = (memBase + ea).loadUnaligned(as: UInt64.self)
            case .f32Load:
                guard let ea = address(sp[-1], instr.a, 4, memSize) else { trapKind = .memoryOutOfBounds; break loop }
                sp[-1] = asSlot((memBase + ea).loadUnaligned(as: UInt32.self))
            case .f64Load:
                guard let ea = address(sp[-1], instr.a, 8, memSize) else { trapKind = .memoryOutOfBounds; break loop }
                sp[-1] = (memBase + ea).loadUnaligned(as: UInt64.self)
            case .i32Load8S:
                guard let ea = address(sp[-1], instr.a, 1, memSize) else { trapKind = .memoryOutOfBounds; break loop }
                sp[-1] = asSlot(Int32((memBase + ea).loadUnaligned(as: Int8.self)))
            case .i32Load8U:
                guard let ea = address(sp[-1], instr.a, 1, memSize) else { trapKind = .memoryOutOfBounds; break loop }
                sp[-1] = UInt64((memBase + ea).loadUnaligned(as: UInt8.self))
            case .i32Load16S:
                guard let ea = address(sp[-1], instr.a, 2, memSize) else { trapKind = .memoryOutOfBounds; break loop }
                sp[-1] = asSlot(Int32((memBase + ea).loadUnaligned(as: Int16.self)))
            case .i32Load16U:
                guard let ea = address(sp[-1], instr.a, 2, memSize) else { trapKind = .memoryOutOfBounds; break loop }
                sp[-1] = UInt64((memBase + ea).loadUnaligned(as: UInt16.self))
            case .i64Load8S:
                guard let ea = address(sp[-1], instr.a, 1, memSize) else { trapKind = .memoryOutOfBounds; break loop }
                sp[-1] = asSlot(Int64((memBase + ea).loadUnaligned(as: Int8.self)))
            case .i64Load8U:
                guard let ea = address(sp[-1], instr.a, 1, memSize) else { trapKind = .memoryOutOfBounds; break loop }
                sp[-1] = UInt64((memBase + ea).loadUnaligned(as: UInt8.self))
            case .i64Load16S:
                guard let ea = address(sp[-1], instr.a, 2, memSize) else { trapKind = .memoryOutOfBounds; break loop }
                sp[-1] = asSlot(Int64((memBase + ea).loadUnaligned(as: Int16.self)))
            case .i64Load16U:
                guard let ea = address(sp[-1], instr.a, 2, memSize) else { trapKind = .memoryOutOfBounds; break loop }
                sp[-1] = UInt64((memBase + ea).loadUnaligned(as: UInt16.self))
            case .i64Load32S:
                guard let ea = address(sp[-1], instr.a, 4, memSize) else { trapKind = .memoryOutOfBounds; break loop }
                sp[-1] = asSlot(Int64((memBase + ea).loadUnaligned(as: Int32.self)))
            case .i64Load32U:
                guard let ea = address(sp[-1], instr.a, 4, memSize) else { trapKind = .memoryOutOfBounds; break loop }
                sp[-1] = UInt64((memBase + ea).loadUnaligned(as: UInt32.self))
            case .i32Store, .f32Store, .i64Store32:
                guard let ea = address(sp[-2], instr.a, 4, memSize) else { trapKind = .memoryOutOfBounds; break loop }
                (memBase + ea).storeBytes(of: asU32(sp[-1]), as: UInt32.self); markWritten(memBase, ea)
                sp -= 2
                if _slowPath(watching) && watchHit(ea, 4) { event = .memoryWatch(address: UInt64(ea), length: 4, at: location(fn, pc)); pc &+= 1; break loop }
            case .i64Store, .f64Store:
                guard let ea = address(sp[-2], instr.a, 8, memSize) else { trapKind = .memoryOutOfBounds; break loop }
                (memBase + ea).storeBytes(of: sp[-1], as: UInt64.self); markWritten(memBase, ea)
                sp -= 2
                if _slowPath(watching) && watchHit(ea, 8) { event = .memoryWatch(address: UInt64(ea), length: 8, at: location(fn, pc)); pc &+= 1; break loop }
            case .i32Store8, .i64Store8:
                guard let ea = address(sp[-2], instr.a, 1, memSize) else { trapKind = .memoryOutOfBounds; break loop }
                (memBase + ea).storeBytes(of: UInt8(truncatingIfNeeded: sp[-1]), as: UInt8.self); markWritten(memBase, ea)
                sp -= 2
                if _slowPath(watching) && watchHit(ea, 1) { event = .memoryWatch(address: UInt64(ea), length: 1, at: location(fn, pc)); pc &+= 1; break loop }
            case .i32Store16, .i64Store16:
                guard let ea = address(sp[-2], instr.a, 2, memSize) else { trapKind = .memoryOutOfBounds; break loop }
                (memBase + ea).storeBytes(of: UInt16(truncatingIfNeeded: sp[-1]), as: UInt16.self); markWritten(memBase, ea)
                sp -= 2
                if _slowPath(watching) && watchHit(ea, 2) { event = .memoryWatch(address: UInt64(ea), length: 2, at: location(fn, pc)); pc &+= 1; break loop }
            case .memorySize:
                sp.pointee = UInt64(memory?.pageCount ?? 0); sp += 1
            case .memoryGrow:
                let old = memory?.grow(by: Int(asU32(sp[-1])))
                sp[-1] = old.map { UInt64($0) } ?? 0xffff_ffff
                memBase = memory?.base ?? UnsafeMutableRawPointer(stack); memSize = memory?.size ?? 0
            case .memoryFill:
                let n = Int(asU32(sp[-1])), value = Int32(truncatingIfNeeded: sp[-2]), d = Int(asU32(sp[-3]))
                guard UInt64(d + n) <= memSize else { trapKind = .memoryOutOfBounds; break loop }
                memset(memBase + d, value, n); memory!.markWritten(d, n)
                sp -= 3
                if _slowPath(watching) && watchHit(d, n) { event = .memoryWatch(address: UInt64(d), length: UInt64(n), at: location(fn, pc)); pc &+= 1; break loop }
            case .memoryCopy:
                let n = Int(asU32(sp[-1])), s = Int(asU32(sp[-2])), d = Int(asU32(sp[-3]))
                guard UInt64(s + n) <= memSize, UInt64(d + n) <= memSize else { trapKind = .memoryOutOfBounds; break loop }
                memmove(memBase + d, memBase + s, n); memory!.markWritten(d, n)
                sp -= 3
                if _slowPath(watching) && watchHit(d, n) { event = .memoryWatch(address: UInt64(d), length: UInt64(n), at: location(fn, pc)); pc &+= 1; break loop }
            case .memoryInit:
                let n = Int(asU32(sp[-1])), s = Int(asU32(sp[-2])), d = Int(asU32(sp[-3]))
                let segment = Int(instr.a)
                let bytes = inst.droppedData[segment] ? [] : inst.module.data[segment].bytes
                guard s + n <= bytes.count, UInt64(d + n) <= memSize else { trapKind = .memoryOutOfBounds; break loop }
                if n > 0 { bytes.withUnsafeBytes { (memBase + d).copyMemory(from: $0.baseAddress! + s, byteCount: n) }; memory!.markWritten(d, n) }
                sp -= 3
                if _slowPath(watching) && watchHit(d, n) { event = .memoryWatch(address: UInt64(d), length: UInt64(n), at: location(fn, pc)); pc &+= 1; break loop }
            case .dataDrop: inst.droppedData[Int(instr.a)] = true

            // MARK: Constants and references
            case .i32Const, .i64Const, .f32Const, .f64Const: sp.pointee = instr.b; sp += 1
            case .refNull: sp.pointee = 0; sp += 1
            case .refIsNull: sp[-1] = asSlot(sp[-1] == 0)
            case .refFunc: sp.pointee = UInt64(inst.functionAddresses[Int(instr.a)]) + 1; sp += 1

            default:
                let popped = Machine.numeric(instr.op, sp, &trapKind)
                if _slowPath(popped < 0) { break loop }
                sp -= popped
            }
            pc &+= 1
        }

        var steps = fuelUsed &+ stepBase
        if let kind = trapKind {
            // The trapping instruction stays the current one: its fuel is spent, but `steps`
            // remains its step number (as `location` remains its location).
            steps &-= 1
            event = trap(kind, trapMessage, fn, pc)
        }
        switch event {
        case .returned, .trapped: break
        default: pausedAtStep = steps
        }
        if !frames.isEmpty { frames[frames.count - 1].pc = pc }
        callFrames = frames
        bufferedFrames = Swift.max(0, Swift.min(bufferedFrames, lowTop))
        self.sp = sp - stack
        fuelUsedValue = fuelUsed
        stepCount = steps
        return event
    }

    /// The fuel count at which the loop must take the slow path: the budget, or earlier the
    /// count at which `steps` reaches `stepStop` if every remaining instruction costs 1.
    @inline(__always)
    static func fuelLimit(_ budget: UInt64, _ fuelUsed: UInt64, _ steps: UInt64, _ stepStop: UInt64) -> UInt64 {
        guard stepStop > steps else { return Swift.min(budget, fuelUsed) }
        let (sum, overflow) = fuelUsed.addingReportingOverflow(stepStop - steps)
        return overflow ? budget : Swift.min(budget, sum)
    }
}
