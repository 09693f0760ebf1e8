extension FastCompiler {
    /// Takes back the last emitted instruction so a fused one can replace it (same start, same head).
    mutating func unemitLast() {
        let f = out.count - 1
        out.removeLast()
        let start = origin.removeLast()
        if countsBlocks, let head = heads.last, head.fast == f - 1 {
            // The op headed its block: its counter goes too, and the replacement heads it again.
            out.removeLast()
            origin.removeLast()
            countedBlocks -= 1
            heads.removeLast()
            entry[head.orig] = -1
            headPending = head.orig
        } else if let head = heads.last, head.fast == f {
            heads.removeLast()
            entry[head.orig] = -1
            headPending = head.orig
        }
        exactPoint = start == FastCode.notExact ? nil : Int(start)
        lastProducer = nil
    }

    /// The last instruction writes `slot` instead of the stack slot it computed into. That write
    /// belongs to the current pc, so no earlier state is exact any more.
    mutating func retarget(_ f: Int, to slot: UInt32) {
        out[f].a = FastOp.packsDestination(out[f].op) ? out[f].a & 0xffff_0000 | slot : slot   // slot < 2^16: see emitWide
        exactPoint = nil
        lastProducer = nil
    }

    mutating func setLocal(_ x: UInt32, tee: Bool) {
        materializeReads(of: x)
        let operand = stack[stack.count - 1]
        let stillZero = Int(x) < zeroLocals.count && zeroLocals[Int(x)]
        if stillZero {
            if operand == .constant(0) {
                if !tee { _ = pop() }
                return
            }
            zeroLocals[Int(x)] = false
        }
        switch operand {
        case .slot:
            let slot = top - 1
            if let (f, produced) = lastProducer, produced == slot, f == out.count - 1 {
                retarget(f, to: x)
                _ = pop()
                if tee { push(.local(x)) }
                // A tee'd counter a br_if tests next fuses into the branch instead (`addBrIf`).
                if !tee || pc + 1 >= function.code.count || function.code[pc + 1].op != .brIf { fuseIncrements() }
                return
            }
            emitCopy(to: x, from: UInt32(slot))
        case .local(let y):
            if y != x { emitCopy(to: x, from: y) }
        case .constant(let v):
            emit(.const, a: x, b: v)
        }
        if !tee { _ = pop() }
    }

    /// An in-place constant add right after another (`x += k` then `y += j`: a loop's index and
    /// pointer) joins it, in the same block (the second heads none). The pair keeps the first's
    /// start state; a breakpoint at the second leaves there.
    mutating func fuseIncrements() {
        let n = out.count
        guard n >= 2, function.maxHeight < 1 << 16, heads.last?.fast != n - 1,
              let second = Self.increment(out[n - 1]), let first = Self.increment(out[n - 2]) else { return }
        unemitLast()
        unemitLast()
        emit(.addPair, a: first.slot | second.slot << 16, b: UInt64(first.k) | UInt64(second.k) << 32)
    }

    /// `x = x + k` or `x = x - k` in place.
    static func increment(_ instr: FastInstr) -> (slot: UInt32, k: UInt32)? {
        guard instr.a == instr.lo, let k = addend(of: instr) else { return nil }
        return (instr.a, k)
    }

    /// What an i32 add or sub of a constant adds (a sub adds -k).
    static func addend(of instr: FastInstr) -> UInt32? {
        let k = UInt32(truncatingIfNeeded: instr.b >> 32)
        switch instr.op {
        case .i32AddSI: return k
        case .i32SubSI: return 0 &- k
        default: return nil
        }
    }

    /// A copy right after another (`local.set` of a local, in a row: a loop's rotated variables)
    /// joins it, in the same block (no head pending). The pair keeps the first's start state; a
    /// breakpoint at the second leaves there.
    mutating func emitCopy(to dst: UInt32, from src: UInt32) {
        if function.maxHeight < 1 << 16, headPending == nil, let last = out.last, last.op == .copy {
            unemitLast()
            emit(.copyPair, a: last.a | dst << 16, b: last.b | UInt64(src) << 32)
            return
        }
        emit(.copy, a: dst, b: UInt64(src))
    }

    mutating func load(_ op: FastOp, _ instr: Instr) {
        // The end offset, not the offset: its check is one addition (`accessEnd`); `isIsland` keeps it in 32 bits.
        let end = UInt64(instr.a) + Instr.loadSize(instr.op)!
        if fuseAddressAdd(op, end: end) { return }
        let fixups = prepareStop(operands: 1)
        let address = popSlot()
        let f = emitStop(op, a: UInt32(top), b: UInt64(address) | end << 32, fixups: fixups)
        produced(f, slot: UInt32(top))
    }

    /// `i32.add x, imm` just computed the load's address (compilers rarely fold the constant into
    /// the offset: its add wraps, the offset's does not): one instruction for both. Out of bounds
    /// it writes the address's slot, as the add had, then leaves: so its destination must stay that
    /// slot (it is no producer a `local.set` could retarget), and where it stops at the add's exact
    /// state (a block head, or nothing run since one), re-running the add must still find x: so
    /// there not when x is that slot. Anywhere else it stops at the load, the add done.
    mutating func fuseAddressAdd(_ op: FastOp, end: UInt64) -> Bool {
        guard function.maxHeight < 1 << 16, let (f, slot) = lastProducer, f == out.count - 1, out[f].op == .i32AddSI,
              stack.last == .slot, slot == top - 1,
              origin[f] == FastCode.notExact || UInt32(truncatingIfNeeded: out[f].b) != UInt32(slot) else { return false }
        let add = out[f]
        unemitLast()
        let fixups = prepareStop(operands: 1)
        _ = pop()
        let dst = UInt32(top), x = UInt32(truncatingIfNeeded: add.b)
        emitStop(op.addingToAddress, a: dst | x << 16, b: add.b >> 32 | end << 32, fixups: fixups)
        push(.slot)
        lastProducer = nil
        return true
    }

    mutating func store(_ op: FastOp, _ instr: Instr) {
        // A constant value small enough is an immediate (sign-extended from 32 bits for store64).
        if case .constant(let v) = stack[stack.count - 1],
           op != .store64 || Int64(bitPattern: v) == Int64(Int32(truncatingIfNeeded: v)) {
            let fixups = prepareStop(operands: 2, immediateTop: true)
            _ = pop()
            let address = popSlot()
            let immediateOp: FastOp = switch op {
            case .store8: .store8I
            case .store16: .store16I
            case .store32: .store32I
            default: .store64I
            }
            emitStop(immediateOp, a: instr.a, b: UInt64(address) | (v & 0xffff_ffff) << 32, fixups: fixups)
            return
        }
        let fixups = prepareStop(operands: 2)
        let value = popSlot()
        let address = popSlot()
        emitStop(op, a: instr.a, b: UInt64(address) | UInt64(value) << 32, fixups: fixups)
    }

    /// A binary numeric op: slot-slot or slot-immediate, constants on the left swapped when allowed.
    mutating func binary(_ op: OpCode, _ forms: (ss: FastOp, si: FastOp?, commutative: Bool)) {
        if fusePair(op) { return }
        let y = stack[stack.count - 1], x = stack[stack.count - 2]
        var immediate: UInt64?
        var swapped = false
        var fastOp = forms.ss
        if case .constant(let v) = y, let si = forms.si, FastOp.fitsImmediate(v, op) {
            immediate = v; fastOp = si
        } else if case .constant(let v) = x, let si = forms.si, FastOp.fitsImmediate(v, op) {
            if forms.commutative {
                immediate = v; fastOp = si; swapped = true
            } else if let mirrored = FastOp.compare(op)?.mirrored, let msi = FastOp.binary(mirrored)?.si {
                immediate = v; fastOp = msi; swapped = true
            }
        }
        // A constant beyond 32 bits: the wide form holds it whole, and both slots in `a`.
        if immediate == nil, let wide = FastOp.wide(op), function.maxHeight < 1 << 16 {
            if case .constant(let v) = y {
                _ = pop(); return emitWide(wide, x: popSlot(), constant: v)
            } else if case .constant(let v) = x, forms.commutative {
                let other = popSlot(); _ = pop(); return emitWide(wide, x: other, constant: v)
            }
        }
        // Only a division by a slot can trap; it must start where the exact loop can take over.
        let stops = immediate == nil && FastOp.traps(op)
        let fixups = stops ? prepareStop(operands: 2) : []
        let b: UInt64
        if let imm = immediate {
            let other: UInt32
            if swapped { other = popSlot(); _ = pop() } else { _ = pop(); other = popSlot() }
            b = UInt64(other) | (imm & 0xffff_ffff) << 32
        } else {
            let ySlot = popSlot(), xSlot = popSlot()
            b = UInt64(xSlot) | UInt64(ySlot) << 32
        }
        let dst = UInt32(top)
        let f = stops ? emitStop(fastOp, a: dst, b: b, fixups: fixups) : emit(fastOp, a: dst, b: b)
        produced(f, slot: dst)
    }

    /// `z + x * y` or `x * y + z` (or another pair of `Table.fusedPairs`: `z ^ rotl(x, k)`) with
    /// the product just computed: one fused op in place of both (neither can stop, and the product's
    /// slot is dead after the consumer). A product first is below a deferred z, which the op reads in place.
    mutating func fusePair(_ op: OpCode) -> Bool {
        guard function.maxHeight < 1 << 16, let (f, slot) = lastProducer, f == out.count - 1,
              let forms = FastOp.fused(op, after: out[f].op) else { return false }
        let productSecond = stack.last == .slot && slot == top - 1
        // A product first takes z from a local only: a constant z would be written to its slot,
        // which was the multiply's second operand, before the fused op reads that.
        let localZ = if case .local = stack.last { true } else { false }
        guard productSecond || stack[stack.count - 2] == .slot && slot == top - 2 && localZ else { return false }
        let product = out[f]
        unemitLast()
        let z: UInt32
        if productSecond { _ = pop(); z = popSlot() } else { z = popSlot(); _ = pop() }
        let dst = UInt32(top)
        produced(emit(productSecond ? forms.second : forms.first, a: dst | z << 16, b: product.b), slot: dst)
        return true
    }

    mutating func emitWide(_ op: FastOp, x: UInt32, constant: UInt64) {
        let dst = UInt32(top)
        produced(emit(op, a: dst | x << 16, b: constant), slot: dst)
    }

    // MARK: Finishing

    /// Maps branch targets to fast pcs and computes each block's charge and each stop's unspent fuel.
    mutating func finish() -> FastCode? {
        for f in branchFixups {
            let target = entry[Int(out[f].a)]
            guard target >= 0 else { return nil }
            out[f].a = UInt32(target)
        }
        for i in branchSpecFixups {
            let target = entry[Int(branches[i].target)]
            guard target >= 0 else { return nil }
            branches[i].target = UInt32(target)
        }
        // Block boundaries in fast order: heads start blocks, islands end them uncharged.
        let code = function.code
        var unspent = [UInt32](repeating: 0, count: out.count)
        var boundaries = heads.map { (fast: $0.fast, orig: $0.orig, island: false) }
        boundaries += islands.map { (fast: $0, orig: Int(origin[$0]), island: true) }
        boundaries.sort { $0.fast < $1.fast }
        var counted = countsBlocks ? CountedBlocks(count: countedBlocks, fastCount: out.count) : nil
        // From the last block back, so that a block absorbing the next one knows its charge.
        var charges = [UInt64](repeating: 0, count: boundaries.count)
        for (k, boundary) in boundaries.enumerated().reversed() where !boundary.island {
            let endFast = k + 1 < boundaries.count ? boundaries[k + 1].fast : out.count
            let endOrig = k + 1 < boundaries.count ? boundaries[k + 1].orig : code.count
            let next = k + 1 < boundaries.count ? boundaries[k + 1] : nil
            let carried = next.map { !$0.island && absorbed.contains($0.orig) } == true ? charges[k + 1] : 0
            var suffix = [UInt64](repeating: 0, count: endOrig - boundary.orig + 1)
            suffix[endOrig - boundary.orig] = carried
            for p in stride(from: endOrig - 1, through: boundary.orig, by: -1) {
                suffix[p - boundary.orig] = suffix[p - boundary.orig + 1] + FuelCosts.base(code[p].op)
            }
            guard suffix[0] <= UInt64(UInt16.max) else { return nil }
            charges[k] = suffix[0]
            out[boundary.fast].charge = UInt16(suffix[0])
            for f in boundary.fast ..< endFast where origin[f] != FastCode.notExact {
                let p = Int(origin[f])
                guard p >= boundary.orig, p <= endOrig else { return nil }
                unspent[f] = UInt32(suffix[p - boundary.orig])
            }
            if counted != nil, out[boundary.fast].op == .countBlock {
                let block = Int(out[boundary.fast].a)
                counted!.ranges[block] = UInt32(boundary.orig) ..< UInt32(endOrig)
                for f in boundary.fast + 1 ..< endFast { counted!.blockOf[f] = Int32(block) }
            }
        }
        return FastCode(code: out, branches: branches, origin: origin, unspent: unspent, entry: entry, fixups: fixupTable, counted: counted)
    }
}
