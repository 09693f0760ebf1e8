extension FastCompiler {
    /// Compiles one stack-code instruction; false when the symbolic stack must be rebuilt from
    /// the recorded height at the next pc (nothing falls through, or an island ran in the exact loop).
    mutating func compile(_ instr: Instr) -> Bool {
        if Self.isIsland(instr) { island(); return false }
        switch instr.op {
        case .jump:
            materialize(below: 0)
            branch(.br, target: instr.a)
            return false
        case .jumpIfZero:
            conditionalBranch(target: instr.a, whenZero: true)
        case .br:
            materialize(below: 0)
            let n = instr.branchArity
            if n == 0 || top - n == instr.branchHeight {
                branch(.br, target: instr.a)
            } else {
                emit(.brCopy, a: spec(target: instr.a, source: top - n, destination: instr.branchHeight, count: n))
                branchSpecFixups.append(branches.count - 1)
            }
            return false
        case .brIf:
            let n = instr.branchArity
            if n == 0 || top - 1 - n == instr.branchHeight {
                conditionalBranch(target: instr.a, whenZero: false)
            } else {
                materialize(below: 0)
                let condition = UInt32(top - 1)
                _ = pop()
                emit(.brIfCopy, a: spec(target: instr.a, source: top - n, destination: instr.branchHeight, count: n),
                     b: UInt64(condition))
                branchSpecFixups.append(branches.count - 1)
            }
        case .brTable:
            materialize(below: 1)
            let index = popSlot()
            let first = branches.count
            for k in 0 ..< Int(instr.b) {
                let t = function.branchTables[Int(instr.a) + k]
                _ = spec(target: t.pc, source: top - Int(t.arity), destination: Int(t.height), count: Int(t.arity))
                branchSpecFixups.append(branches.count - 1)
            }
            emit(.brTable, a: UInt32(first), b: UInt64(index) | instr.b << 32)
            return false
        case .return:
            let n = Int(instr.a)
            if n == 1 {
                // One result: returned from wherever it is; a value just computed is computed into slot 0.
                let result = stack[stack.count - 1]
                if result == .slot, let (f, slot) = lastProducer, slot == top - 1, f == out.count - 1 {
                    retarget(f, to: 0)
                    emit(.return, a: 0, b: 1)
                } else {
                    let source = popSlot()
                    emit(.return, a: source, b: 1)
                }
                return false
            }
            materialize(below: 0)
            emit(.return, a: UInt32(top - n), b: UInt64(n))
            return false
        case .call, .callIndirect:
            let indirect = instr.op == .callIndirect
            let arity = indirect ? typeArity[Int(instr.a)] : functionArity[Int(instr.a)]
            materializeAllExact()
            emitStop(indirect ? .callIndirect : .call, a: instr.a, b: UInt64(top) | UInt64(pc + 1) << 32)
            for _ in 0 ..< arity.params + (indirect ? 1 : 0) { _ = pop() }
            for _ in 0 ..< arity.results { push(.slot) }
        case .drop:
            _ = pop()
        case .select:
            materialize(below: 0)
            emit(.select, a: UInt32(top - 3))
            _ = pop(); _ = pop(); _ = pop()
            push(.slot)
        case .localGet:
            push(.local(instr.a))
        case .localSet, .localTee:
            setLocal(instr.a, tee: instr.op == .localTee)
        case .globalGet:
            produced(emit(.globalGet, a: UInt32(top), b: UInt64(instr.a)), slot: UInt32(top))
        case .globalSet:
            let value = popSlot()
            emit(.globalSet, a: instr.a, b: UInt64(value))
        case .memorySize:
            produced(emit(.memorySize, a: UInt32(top)), slot: UInt32(top))
        case .i32Const, .i64Const, .f32Const, .f64Const:
            push(.constant(instr.b))
        case .localGetV128:
            push(.local(instr.a)); push(.local(instr.a + 1))
        case .localSetV128, .localTeeV128:
            setLocalV128(instr.a, tee: instr.op == .localTeeV128)
        case .dropV128:
            _ = pop(); _ = pop()
        default:
            // Memory and numeric ops: their fast forms are the instruction table's (FastOp+Forms.generated.swift).
            if let op = FastOp.simd(instr.op) {
                simd(op)
            } else if let op = FastOp.load(instr.op) {
                load(op, instr)
            } else if let op = FastOp.store(instr.op) {
                store(op, instr)
            } else if let forms = FastOp.binary(instr.op) {
                binary(instr.op, forms)
            } else if let form = FastOp.unary(instr.op) {
                let x = popSlot()
                produced(emit(form, a: UInt32(top), b: UInt64(x)), slot: UInt32(top))
            } else {
                // Trapping conversions: stack form, operand in its slot.
                materializeAllExact()
                emitStop(.stackOp, a: UInt32(top), b: UInt64(instr.op.rawValue))
                _ = pop()
                push(.slot)
            }
        }
        return true
    }

    /// A SIMD op in stack form: its operands (all, for simplicity) in their slots, then the op
    /// runs its stack-code instruction there. Loads and stores may stop (out of bounds, a watch).
    /// What it leaves is the recorded height of the next pc, all in slots.
    mutating func simd(_ op: FastOp) {
        if op == .simd {
            materialize(below: 0)
            emit(.simd, a: UInt32(top), b: UInt64(pc))
        } else {
            materializeAllExact()
            emitStop(op, a: UInt32(top), b: UInt64(pc))
        }
        stack = [Operand](repeating: .slot, count: Int(function.heights[pc + 1]) - base)
    }

    /// local.set/tee of a v128: both slots copied from the stack top (all operands in slots first,
    /// so no deferred read of the local survives the write).
    mutating func setLocalV128(_ x: UInt32, tee: Bool) {
        materialize(below: 0)
        for k in 0 ..< 2 where Int(x) + k < zeroLocals.count { zeroLocals[Int(x) + k] = false }
        emit(.copy, a: x, b: UInt64(top - 2))
        emit(.copy, a: x + 1, b: UInt64(top - 1))
        if !tee { _ = pop(); _ = pop() }
    }

    /// An op the fast loop does not run: it stops there and the exact loop runs it.
    mutating func island() {
        materializeAllExact()
        let pendingHead = headPending
        headPending = nil
        let f = emit(.deopt)
        if let head = pendingHead { entry[head] = Int32(f) }
        islands.insert(f)
    }

    mutating func spec(target: UInt32, source: Int, destination: Int, count: Int) -> UInt32 {
        branches.append(FastBranch(target: target, source: UInt32(source), destination: UInt32(destination), count: UInt32(count)))
        return UInt32(branches.count - 1)
    }

    mutating func branch(_ op: FastOp, target: UInt32, b: UInt64 = 0) {
        let f = emit(op, a: target, b: b)
        branchFixups.append(f)
    }

    /// br_if (or `if`, which branches when the condition is zero) without values to move.
    mutating func conditionalBranch(target: UInt32, whenZero: Bool) {
        materialize(below: 1)
        // A compare (or eqz) just emitted for this condition fuses into the branch.
        if stack.last == .slot, let (f, slot) = lastProducer, slot == top - 1, f == out.count - 1 {
            let producer = out[f]
            if let fused = fusedBranch(producer, whenZero: whenZero) {
                unemitLast()
                _ = pop()
                branch(fused.op, target: target, b: fused.b)
                return
            }
        }
        // `br_if (local.tee $i (i32.add/sub (local.get $x) (i32.const k)))`, a loop counter: the add, just
        // emitted into the local, fuses too (a sub as the add of -k). Its origin stays the add's (a leave at it
        // resumes before the add).
        if !whenZero, case .local(let counter) = stack.last, function.maxHeight < 1 << 16, let add = out.last,
           add.a == counter, let addend = Self.addend(of: add) {
            unemitLast()
            _ = pop()
            branch(.addBrIf, target: target, b: UInt64(counter) | (add.b & 0xffff) << 16 | UInt64(addend) << 32)
            return
        }
        let condition = popSlot()
        branch(whenZero ? .brIfNot : .brIf, target: target, b: UInt64(condition))
    }

    /// The fused compare-and-branch form replacing `producer` (a compare or eqz writing the condition).
    func fusedBranch(_ producer: FastInstr, whenZero: Bool) -> (op: FastOp, b: UInt64)? {
        guard let (compare, immediate) = FastOp.compareOf(producer.op) else {
            // eqz: branch on x == 0 (br_if) or x != 0 (if).
            switch producer.op {
            case .i32EqzS: return (whenZero ? .brIf : .brIfNot, producer.b)
            case .i64EqzS: return (whenZero ? .brIfI64NeSI : .brIfI64EqSI, producer.b)
            default: return nil
            }
        }
        guard let forms = FastOp.compare(whenZero ? FastOp.compare(compare)!.negated : compare) else { return nil }
        return (immediate ? forms.brSI : forms.brSS, producer.b)
    }
}
