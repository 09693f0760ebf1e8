import WasmVM

extension DebugSession {
    /// Whether a breakpoint's condition holds at the current position.
    func conditionHolds(_ bp: Breakpoint, hostCall: PendingHostCall? = nil) -> Bool {
        guard let condition = bp.condition else { return true }
        // Built only if a `stack[K]` operand needs it (it re-derives the operand types).
        lazy var frame = machine.innermostFrame
        var call = hostCall
        return condition.evaluate { operand in
            switch operand {
            case .literal(let n): return n
            case .fuel: return Int64(bitPattern: machine.fuelUsed)
            case .local(let i):
                return machine.innermostLocal(i)?.conditionInteger
            case .global(let i):
                let globals = machine.globals(of: instance)
                return i < globals.count ? globals[i].conditionInteger : nil
            case .stack(let k):
                guard let frame, k < frame.operands.count else { return nil }
                return frame.operands[frame.operands.count - 1 - k].conditionInteger
            case .argument(let name):
                if call == nil { call = upcomingHostCall() }
                return call?.arguments.first { $0.name == name }?.value.conditionInteger
            }
        }
    }
}
