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

/// The end (exclusive) of an access at `base` whose offset plus size is `end`, if in bounds: fast
/// code's loads, which keep the end in their instruction.
@inline(__always) func accessEnd(_ base: UInt64, _ end: Int, _ memSize: UInt64) -> Int? {
    let e = (base & 0xffff_ffff) &+ UInt64(end)
    return e <= memSize ? Int(e) : nil
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
                if _slowPath(profiling) {
                    profileReturn(fn.address, caller: frames.count > 1 ? frames[frames.count - 2].function.address : nil,
                                  entry: frames[frames.count - 1].entryFuel, unnested: fn.isUnnested, fuelUsed)
                }
                frames.removeLast()
                lowTop = lowTop < frames.count - 1 ? lowTop : frames.count - 1   // Swift.min was a call here
                if frames.isEmpty {
                    results = Value.read(fn.type.results, from: stack)
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
                    if _slowPath(profiling) { profileCall(callee.address, fuelUsed) }
                    frames[frames.count - 1].pc = pc &+ 1
                    frames[frames.count - 1].resume = nil
                    sp.update(repeating: 0, count: callee.localCount)
                    sp += callee.localCount
                    frames.append(Frame(function: callee, pc: 0, fp: newFp - stack, entryFuel: fuelUsed))
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
                    if _slowPath(profiling) { profileCall(callee.address, fuelUsed) }
                    frames[frames.count - 1].pc = pc &+ 1
                    frames[frames.count - 1].resume = nil
                    sp.update(repeating: 0, count: callee.localCount)
                    sp += callee.localCount
                    frames.append(Frame(function: callee, pc: 0, fp: newFp - stack, entryFuel: fuelUsed))
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
                if n > 0 { dst.write(Array(src.elements[s ..< s + n]), at: d) }
                sp -= 3
            case .tableInit:
                let table = inst.tables[Int(instr.a)], segment = inst.elements[Int(instr.b)]
                let n = Int(asU32(sp[-1])), s = Int(asU32(sp[-2])), d = Int(asU32(sp[-3]))
                guard s + n <= segment.count, d + n <= table.elements.count else { trapKind = .tableOutOfBounds; break loop }
                if n > 0 { table.write(segment[s ..< s + n], at: d) }
                sp -= 3
            case .elemDrop: inst.elements[Int(instr.a)] = []

            // MARK: Memory
            case .i32Load:
                guard let ea = address(sp[-1], instr.a, 4, memSize) else { trapKind = .memoryOutOfBounds; break loop }
                sp[-1] = asSlot((memBase + ea).guestLoad(UInt32.self))
            case .i64Load:
                guard let ea = address(sp[-1], instr.a, 8, memSize) else { trapKind = .memoryOutOfBounds; break loop }
                sp[-1] = (memBase + ea).guestLoad(UInt64.self)
            case .f32Load:
                guard let ea = address(sp[-1], instr.a, 4, memSize) else { trapKind = .memoryOutOfBounds; break loop }
                sp[-1] = asSlot((memBase + ea).guestLoad(UInt32.self))
            case .f64Load:
                guard let ea = address(sp[-1], instr.a, 8, memSize) else { trapKind = .memoryOutOfBounds; break loop }
                sp[-1] = (memBase + ea).guestLoad(UInt64.self)
            case .i32Load8S:
                guard let ea = address(sp[-1], instr.a, 1, memSize) else { trapKind = .memoryOutOfBounds; break loop }
                sp[-1] = asSlot(Int32((memBase + ea).guestLoad(Int8.self)))
            case .i32Load8U:
                guard let ea = address(sp[-1], instr.a, 1, memSize) else { trapKind = .memoryOutOfBounds; break loop }
                sp[-1] = UInt64((memBase + ea).guestLoad(UInt8.self))
            case .i32Load16S:
                guard let ea = address(sp[-1], instr.a, 2, memSize) else { trapKind = .memoryOutOfBounds; break loop }
                sp[-1] = asSlot(Int32((memBase + ea).guestLoad(Int16.self)))
            case .i32Load16U:
                guard let ea = address(sp[-1], instr.a, 2, memSize) else { trapKind = .memoryOutOfBounds; break loop }
                sp[-1] = UInt64((memBase + ea).guestLoad(UInt16.self))
            case .i64Load8S:
                guard let ea = address(sp[-1], instr.a, 1, memSize) else { trapKind = .memoryOutOfBounds; break loop }
                sp[-1] = asSlot(Int64((memBase + ea).guestLoad(Int8.self)))
            case .i64Load8U:
                guard let ea = address(sp[-1], instr.a, 1, memSize) else { trapKind = .memoryOutOfBounds; break loop }
                sp[-1] = UInt64((memBase + ea).guestLoad(UInt8.self))
            case .i64Load16S:
                guard let ea = address(sp[-1], instr.a, 2, memSize) else { trapKind = .memoryOutOfBounds; break loop }
                sp[-1] = asSlot(Int64((memBase + ea).guestLoad(Int16.self)))
            case .i64Load16U:
                guard let ea = address(sp[-1], instr.a, 2, memSize) else { trapKind = .memoryOutOfBounds; break loop }
                sp[-1] = UInt64((memBase + ea).guestLoad(UInt16.self))
            case .i64Load32S:
                guard let ea = address(sp[-1], instr.a, 4, memSize) else { trapKind = .memoryOutOfBounds; break loop }
                sp[-1] = asSlot(Int64((memBase + ea).guestLoad(Int32.self)))
            case .i64Load32U:
                guard let ea = address(sp[-1], instr.a, 4, memSize) else { trapKind = .memoryOutOfBounds; break loop }
                sp[-1] = UInt64((memBase + ea).guestLoad(UInt32.self))
            case .i32Store, .f32Store, .i64Store32:
                guard let ea = address(sp[-2], instr.a, 4, memSize) else { trapKind = .memoryOutOfBounds; break loop }
                (memBase + ea).guestStore(asU32(sp[-1])); markWritten(memBase, ea)
                sp -= 2
                if _slowPath(watching) && watchHit(ea, 4) { event = .memoryWatch(address: UInt64(ea), length: 4, at: location(fn, pc)); pc &+= 1; break loop }
            case .i64Store, .f64Store:
                guard let ea = address(sp[-2], instr.a, 8, memSize) else { trapKind = .memoryOutOfBounds; break loop }
                (memBase + ea).guestStore(sp[-1]); markWritten(memBase, ea)
                sp -= 2
                if _slowPath(watching) && watchHit(ea, 8) { event = .memoryWatch(address: UInt64(ea), length: 8, at: location(fn, pc)); pc &+= 1; break loop }
            case .i32Store8, .i64Store8:
                guard let ea = address(sp[-2], instr.a, 1, memSize) else { trapKind = .memoryOutOfBounds; break loop }
                (memBase + ea).guestStore(UInt8(truncatingIfNeeded: sp[-1])); markWritten(memBase, ea)
                sp -= 2
                if _slowPath(watching) && watchHit(ea, 1) { event = .memoryWatch(address: UInt64(ea), length: 1, at: location(fn, pc)); pc &+= 1; break loop }
            case .i32Store16, .i64Store16:
                guard let ea = address(sp[-2], instr.a, 2, memSize) else { trapKind = .memoryOutOfBounds; break loop }
                (memBase + ea).guestStore(UInt16(truncatingIfNeeded: sp[-1])); markWritten(memBase, ea)
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

            // MARK: SIMD (a v128 takes two slots, low half first)
            case .localGetV128: sp[0] = fp[Int(instr.a)]; sp[1] = fp[Int(instr.a) + 1]; sp += 2
            case .localSetV128: sp -= 2; fp[Int(instr.a)] = sp[0]; fp[Int(instr.a) + 1] = sp[1]
            case .localTeeV128: fp[Int(instr.a)] = sp[-2]; fp[Int(instr.a) + 1] = sp[-1]
            case .globalGetV128:
                let cell = inst.globals[Int(instr.a)]
                sp[0] = cell[0]; sp[1] = cell[1]; sp += 2
            case .globalSetV128:
                let cell = inst.globals[Int(instr.a)]
                sp -= 2; cell[0] = sp[0]; cell[1] = sp[1]
            case .dropV128: sp -= 2
            case .selectV128:
                if asU32(sp[-1]) == 0 { sp[-5] = sp[-3]; sp[-4] = sp[-2] }
                sp -= 3
            // BEGIN GENERATED SIMD (swift run generate-instructions)
            case .v128Load, .v128Load8X8S, .v128Load8X8U, .v128Load16X4S, .v128Load16X4U, .v128Load32X2S,
                 .v128Load32X2U, .v128Load8Splat, .v128Load16Splat, .v128Load32Splat, .v128Load64Splat,
                 .v128Load32Zero, .v128Load64Zero, .v128Load8Lane, .v128Load16Lane, .v128Load32Lane,
                 .v128Load64Lane:
                guard let top = Machine.simdLoad(instr, sp, memBase, memSize) else { trapKind = .memoryOutOfBounds; break loop }
                sp = top
            case .v128Store, .v128Store8Lane, .v128Store16Lane, .v128Store32Lane, .v128Store64Lane:
                guard let (top, ea, n) = Machine.simdStore(instr, sp, memBase, memSize) else { trapKind = .memoryOutOfBounds; break loop }
                markWritten(memBase, ea)
                sp = top
                if _slowPath(watching) && watchHit(ea, n) { event = .memoryWatch(address: UInt64(ea), length: UInt64(n), at: location(fn, pc)); pc &+= 1; break loop }
            case .v128Const, .i8x16Shuffle, .i8x16Swizzle, .i8x16Splat, .i16x8Splat, .i32x4Splat, .i64x2Splat,
                 .f32x4Splat, .f64x2Splat, .i8x16ExtractLaneS, .i8x16ExtractLaneU, .i8x16ReplaceLane,
                 .i16x8ExtractLaneS, .i16x8ExtractLaneU, .i16x8ReplaceLane, .i32x4ExtractLane, .i32x4ReplaceLane,
                 .i64x2ExtractLane, .i64x2ReplaceLane, .f32x4ExtractLane, .f32x4ReplaceLane, .f64x2ExtractLane,
                 .f64x2ReplaceLane, .v128Not, .v128And, .v128Andnot, .v128Or, .v128Xor, .v128Bitselect,
                 .v128AnyTrue, .i8x16Eq, .i8x16Ne, .i8x16LtS, .i8x16LtU, .i8x16GtS, .i8x16GtU, .i8x16LeS,
                 .i8x16LeU, .i8x16GeS, .i8x16GeU, .i16x8Eq, .i16x8Ne, .i16x8LtS, .i16x8LtU, .i16x8GtS, .i16x8GtU,
                 .i16x8LeS, .i16x8LeU, .i16x8GeS, .i16x8GeU, .i32x4Eq, .i32x4Ne, .i32x4LtS, .i32x4LtU, .i32x4GtS,
                 .i32x4GtU, .i32x4LeS, .i32x4LeU, .i32x4GeS, .i32x4GeU, .i64x2Eq, .i64x2Ne, .i64x2LtS, .i64x2GtS,
                 .i64x2LeS, .i64x2GeS, .i8x16Abs, .i8x16Neg, .i8x16AllTrue, .i8x16Bitmask, .i8x16Shl, .i8x16ShrS,
                 .i8x16ShrU, .i8x16Add, .i8x16Sub, .i8x16Popcnt, .i8x16NarrowI16X8S, .i8x16NarrowI16X8U,
                 .i8x16AddSatS, .i8x16AddSatU, .i8x16SubSatS, .i8x16SubSatU, .i8x16AvgrU, .i8x16MinS, .i8x16MinU,
                 .i8x16MaxS, .i8x16MaxU, .i16x8Abs, .i16x8Neg, .i16x8AllTrue, .i16x8Bitmask, .i16x8Shl,
                 .i16x8ShrS, .i16x8ShrU, .i16x8Add, .i16x8Sub, .i16x8Mul, .i16x8Q15MulrSatS, .i16x8NarrowI32X4S,
                 .i16x8NarrowI32X4U, .i16x8AddSatS, .i16x8AddSatU, .i16x8SubSatS, .i16x8SubSatU, .i16x8AvgrU,
                 .i16x8MinS, .i16x8MinU, .i16x8MaxS, .i16x8MaxU, .i16x8ExtendLowI8X16S, .i16x8ExtendLowI8X16U,
                 .i16x8ExtendHighI8X16S, .i16x8ExtendHighI8X16U, .i16x8ExtmulLowI8X16S, .i16x8ExtmulLowI8X16U,
                 .i16x8ExtmulHighI8X16S, .i16x8ExtmulHighI8X16U, .i16x8ExtaddPairwiseI8X16S,
                 .i16x8ExtaddPairwiseI8X16U, .i32x4Abs, .i32x4Neg, .i32x4AllTrue, .i32x4Bitmask, .i32x4Shl,
                 .i32x4ShrS, .i32x4ShrU, .i32x4Add, .i32x4Sub, .i32x4Mul, .i32x4DotI16X8S, .i32x4MinS, .i32x4MinU,
                 .i32x4MaxS, .i32x4MaxU, .i32x4ExtendLowI16X8S, .i32x4ExtendLowI16X8U, .i32x4ExtendHighI16X8S,
                 .i32x4ExtendHighI16X8U, .i32x4ExtmulLowI16X8S, .i32x4ExtmulLowI16X8U, .i32x4ExtmulHighI16X8S,
                 .i32x4ExtmulHighI16X8U, .i32x4ExtaddPairwiseI16X8S, .i32x4ExtaddPairwiseI16X8U, .i64x2Abs,
                 .i64x2Neg, .i64x2AllTrue, .i64x2Bitmask, .i64x2Shl, .i64x2ShrS, .i64x2ShrU, .i64x2Add, .i64x2Sub,
                 .i64x2Mul, .i64x2ExtendLowI32X4S, .i64x2ExtendLowI32X4U, .i64x2ExtendHighI32X4S,
                 .i64x2ExtendHighI32X4U, .i64x2ExtmulLowI32X4S, .i64x2ExtmulLowI32X4U, .i64x2ExtmulHighI32X4S,
                 .i64x2ExtmulHighI32X4U, .f32x4Eq, .f32x4Ne, .f32x4Lt, .f32x4Gt, .f32x4Le, .f32x4Ge, .f32x4Abs,
                 .f32x4Neg, .f32x4Sqrt, .f32x4Ceil, .f32x4Floor, .f32x4Trunc, .f32x4Nearest, .f32x4Add, .f32x4Sub,
                 .f32x4Mul, .f32x4Div, .f32x4Min, .f32x4Max, .f32x4Pmin, .f32x4Pmax, .f64x2Eq, .f64x2Ne, .f64x2Lt,
                 .f64x2Gt, .f64x2Le, .f64x2Ge, .f64x2Abs, .f64x2Neg, .f64x2Sqrt, .f64x2Ceil, .f64x2Floor,
                 .f64x2Trunc, .f64x2Nearest, .f64x2Add, .f64x2Sub, .f64x2Mul, .f64x2Div, .f64x2Min, .f64x2Max,
                 .f64x2Pmin, .f64x2Pmax, .i32x4TruncSatF32X4S, .i32x4TruncSatF32X4U, .i32x4TruncSatF64X2SZero,
                 .i32x4TruncSatF64X2UZero, .f32x4ConvertI32X4S, .f32x4ConvertI32X4U, .f64x2ConvertLowI32X4S,
                 .f64x2ConvertLowI32X4U, .f32x4DemoteF64X2Zero, .f64x2PromoteLowF32X4:
                sp = Machine.simd(instr, sp, fn)
            // END GENERATED SIMD

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
