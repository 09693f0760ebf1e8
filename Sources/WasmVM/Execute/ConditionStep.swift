/// A `ConditionOp` as `Machine.evaluate` runs it: one code per op and form, so a binary op with
/// a folded constant (`immediate`) is its own case and each step is one dispatch, no second switch.
struct ConditionStep {
    /// `ConditionOp.Kind`'s cases in its order, then each binary op with a constant right operand.
    enum Code: UInt8 {
        case constant, localI32, localI64, globalI32, globalI64, load, fuel, hits
        case negate, complement, not, truth
        case add, subtract, multiply, divide, remainder, bitAnd, bitOr, bitXor, shiftLeft, shiftRight
        case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual
        case andThen, orElse
        case addK, subtractK, multiplyK, divideK, remainderK, bitAndK, bitOrK, bitXorK, shiftLeftK, shiftRightK
        case equalK, notEqualK, lessK, lessOrEqualK, greaterK, greaterOrEqualK
    }
    let code: Code
    let operand: Int64

    init(_ op: ConditionOp) {
        let offset = op.immediate ? Code.addK.rawValue - Code.add.rawValue : 0
        code = Code(rawValue: op.kind.rawValue + offset).unsafelyUnwrapped
        // Checked when a condition is attached, never per evaluation: the two enums stay in step.
        precondition("\(code)" == "\(op.kind)" + (op.immediate ? "K" : ""), "ConditionStep.Code out of step with ConditionOp.Kind")
        operand = op.operand
    }
}

extension Machine {
    /// Runs one program: its value, or nil when a step fails. The top of the evaluation stack is
    /// `top`, a register; `stack[0...depth]` holds what is below it (`stack[0]` the unset `top`
    /// the first push stores).
    @inline(__always)
    static func evaluate(_ steps: UnsafeMutablePointer<ConditionStep>, _ count: Int, hits: Int64?,
                         fp: UnsafeMutablePointer<UInt64>, globals: UnsafeMutablePointer<UnsafeMutablePointer<UInt64>>,
                         memBase: UnsafeMutableRawPointer?, memSize: UInt64, fuel: UInt64,
                         stack: UnsafeMutablePointer<Int64>) -> Int64? {
        var top: Int64 = 0, depth = -1, k = 0
        @inline(__always) func push(_ v: Int64) { depth &+= 1; stack[depth] = top; top = v }
        @inline(__always) func pop() -> Int64 { let x = stack[depth]; depth &-= 1; return x }
        while k < count {
            let step = steps[k]
            k &+= 1
            let n = step.operand
            switch step.code {
            case .constant: push(n)
            case .localI32: push(Int64(Int32(truncatingIfNeeded: fp[Int(n)])))
            case .localI64: push(Int64(bitPattern: fp[Int(n)]))
            case .globalI32: push(Int64(Int32(truncatingIfNeeded: globals[Int(n)].pointee)))
            case .globalI64: push(Int64(bitPattern: globals[Int(n)].pointee))
            case .fuel: push(Int64(bitPattern: fuel))
            case .hits:
                guard let hits else { return nil }
                push(hits)
            case .load:
                guard top >= 0, let memBase, UInt64(top) <= memSize, UInt64(n) <= memSize - UInt64(top) else { return nil }
                let p = memBase + Int(top)
                top = switch n {
                case 1: Int64(p.load(as: UInt8.self))
                case 2: Int64(p.loadUnaligned(as: UInt16.self).littleEndian)
                case 4: Int64(p.loadUnaligned(as: UInt32.self).littleEndian)
                default: Int64(bitPattern: p.loadUnaligned(as: UInt64.self).littleEndian)
                }
            case .negate: top = 0 &- top
            case .complement: top = ~top
            case .not: top = top == 0 ? 1 : 0
            case .truth: top = top != 0 ? 1 : 0
            case .andThen: if top == 0 { k = Int(n) } else { top = pop() }
            case .orElse: if top != 0 { k = Int(n) } else { top = pop() }
            case .add: top = pop() &+ top
            case .subtract: top = pop() &- top
            case .multiply: top = pop() &* top
            case .divide:
                guard top != 0 else { return nil }
                top = pop().dividedReportingOverflow(by: top).partialValue
            case .remainder:
                guard top != 0 else { return nil }
                top = pop().remainderReportingOverflow(dividingBy: top).partialValue
            case .bitAnd: top = pop() & top
            case .bitOr: top = pop() | top
            case .bitXor: top = pop() ^ top
            case .shiftLeft: top = pop() << (top & 63)
            case .shiftRight: top = pop() >> (top & 63)
            case .equal: top = pop() == top ? 1 : 0
            case .notEqual: top = pop() != top ? 1 : 0
            case .less: top = pop() < top ? 1 : 0
            case .lessOrEqual: top = pop() <= top ? 1 : 0
            case .greater: top = pop() > top ? 1 : 0
            case .greaterOrEqual: top = pop() >= top ? 1 : 0
            case .addK: top = top &+ n
            case .subtractK: top = top &- n
            case .multiplyK: top = top &* n
            case .divideK:
                guard n != 0 else { return nil }
                top = top.dividedReportingOverflow(by: n).partialValue
            case .remainderK:
                guard n != 0 else { return nil }
                top = top.remainderReportingOverflow(dividingBy: n).partialValue
            case .bitAndK: top = top & n
            case .bitOrK: top = top | n
            case .bitXorK: top = top ^ n
            case .shiftLeftK: top = top << (n & 63)
            case .shiftRightK: top = top >> (n & 63)
            case .equalK: top = top == n ? 1 : 0
            case .notEqualK: top = top != n ? 1 : 0
            case .lessK: top = top < n ? 1 : 0
            case .lessOrEqualK: top = top <= n ? 1 : 0
            case .greaterK: top = top > n ? 1 : 0
            case .greaterOrEqualK: top = top >= n ? 1 : 0
            }
        }
        return top
    }
}
