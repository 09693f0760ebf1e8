// Cheap inspection for the debugger's hot paths (every single step, every hit of a
// `next`/`finish` return breakpoint): without building every frame as `frames` does.
extension Machine {
    /// How many wasm frames the active call has (`frames.count`).
    public var callDepth: Int {
        switch callState {
        case .active, .trapped: callFrames.count
        case .idle, .returned: 0
        }
    }

    /// The innermost wasm frame (`frames.last`).
    public var innermostFrame: FrameInfo? {
        guard callState == .active || callState == .trapped, !callFrames.isEmpty else { return nil }
        return frameInfo(callFrames.count - 1)
    }

    /// Local `index` (params first) of the innermost frame, without its operand stack:
    /// what a breakpoint condition on `local.N` reads at every hit.
    public func innermostLocal(_ index: Int) -> Value? {
        guard callState == .active || callState == .trapped, let top = callFrames.last else { return nil }
        let code = top.function
        let count = code.type.parameters.count + code.localTypes.count
        guard index >= 0, index < count else { return nil }
        let type = index < code.type.parameters.count ? code.type.parameters[index] : code.localTypes[index - code.type.parameters.count]
        return Value(slots: stack + top.fp + code.localOffsets[index], type: type)
    }
}

// Breakpoint conditions read single values at every hit: no arrays built.
extension Machine {
    /// The raw slot of local `index` of the innermost frame and its type (a v128: its low half).
    public func innermostLocalSlot(_ index: Int) -> (slot: UInt64, type: ValueType)? {
        guard callState == .active || callState == .trapped, let top = callFrames.last else { return nil }
        let code = top.function
        let params = code.type.parameters.count
        guard index >= 0, index < params + code.localTypes.count else { return nil }
        return (stack[top.fp + code.localOffsets[index]], index < params ? code.type.parameters[index] : code.localTypes[index - params])
    }

    /// How many slots the innermost frame's operand stack holds (a v128 takes two).
    public var innermostOperandCount: Int {
        guard callState == .active || callState == .trapped, let top = callFrames.last else { return 0 }
        return Swift.max(sp - (top.fp + top.function.paramCount + top.function.localCount), 0)
    }

    /// The raw slot `k` values below the top of the innermost frame's operand stack (0 = top).
    public func innermostOperandSlot(fromTop k: Int) -> UInt64? {
        guard k >= 0, k < innermostOperandCount else { return nil }
        return stack[sp - 1 - k]
    }

    /// The raw slot `k` values above the bottom of the innermost frame's operand stack.
    public func innermostOperandSlot(fromBottom k: Int) -> UInt64? {
        let count = innermostOperandCount
        guard k >= 0, k < count else { return nil }
        return stack[sp - count + k]
    }

    /// Global `index` of an instance (its global index space), nil past the end.
    public func global(of instance: Instance, index: Int) -> Value? {
        let addresses = instances[instance.id].globalAddresses
        guard index >= 0, index < addresses.count else { return nil }
        return globalValue(address: addresses[index])
    }
}

extension Memory {
    /// `count` (1...8) bytes at `address` as a little-endian unsigned integer; nil outside the memory.
    public func loadLittleEndian(_ address: UInt64, count: Int) -> UInt64? {
        guard (1...8).contains(count), contains(address, count: UInt64(count)) else { return nil }
        var value: UInt64 = 0
        let p = UnsafeRawPointer(base + Int(address))
        for i in (0 ..< count).reversed() { value = value << 8 | UInt64(p.load(fromByteOffset: i, as: UInt8.self)) }
        return value
    }
}
