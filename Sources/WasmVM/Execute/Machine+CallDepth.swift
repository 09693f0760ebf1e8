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
        return Value(slot: stack[top.fp + index], type: type)
    }
}
