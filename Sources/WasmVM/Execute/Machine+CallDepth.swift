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
}
