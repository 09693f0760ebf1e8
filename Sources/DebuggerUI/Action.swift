/// What a key does. Names are the right-hand side of keymap lines.
public enum Action: Hashable, Sendable {
    case step, next, finish, `continue`, reverseStep, reverseContinue, restart
    case toggleBreakpoint, breakHost, gotoAddress
    case focusNext, focusPrevious, focus(Pane)
    case scrollUp, scrollDown, pageUp, pageDown, top, bottom
    case console, help, quit, redraw
    /// The focused pane fills the screen, or the layout comes back.
    case zoom
    /// v128 values in the next lane shape (`set v128 next`).
    case v128Shape
    /// Any debugger command line (`command info breakpoints`).
    case command(String)

    static let simple: [(String, Action)] = [
        ("step", .step), ("next", .next), ("finish", .finish), ("continue", .continue),
        ("reverse-step", .reverseStep), ("reverse-continue", .reverseContinue), ("restart", .restart),
        ("toggle-breakpoint", .toggleBreakpoint), ("break-host", .breakHost), ("goto-address", .gotoAddress),
        ("focus-next", .focusNext), ("focus-previous", .focusPrevious),
        ("scroll-up", .scrollUp), ("scroll-down", .scrollDown), ("page-up", .pageUp), ("page-down", .pageDown),
        ("top", .top), ("bottom", .bottom),
        ("console", .console), ("help", .help), ("quit", .quit), ("redraw", .redraw), ("zoom", .zoom),
        ("v128-shape", .v128Shape),
    ]

    static let paneNames: [(String, Pane)] = [
        ("code", .code), ("stack", .stack), ("locals", .locals), ("calls", .callStack), ("memory", .memory),
        ("fuel", .fuel), ("draft", .draft), ("state", .state), ("host", .hostCalls), ("console", .console),
    ]

    /// Parses an action: a name from `simple`, `focus PANE` or `command TEXT`.
    public init?(text: String) {
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        guard let first = words.first else { return nil }
        switch first {
        case "command":
            let rest = words.dropFirst().joined(separator: " ")
            guard !rest.isEmpty else { return nil }
            self = .command(rest)
        case "focus":
            guard words.count == 2, let pane = Action.paneNames.first(where: { $0.0 == words[1] })?.1 else { return nil }
            self = .focus(pane)
        default:
            guard words.count == 1, let found = Action.simple.first(where: { $0.0 == first }) else { return nil }
            self = found.1
        }
    }

    /// The keymap spelling of this action.
    public var name: String {
        switch self {
        case .command(let text): return "command \(text)"
        case .focus(let pane): return "focus \(Action.paneNames.first { $0.1 == pane }!.0)"
        default: return Action.simple.first { $0.1 == self }!.0
        }
    }

    /// The debugger command a running action sends.
    public var sessionCommand: String? {
        switch self {
        case .step: "step"
        case .next: "next"
        case .finish: "finish"
        case .continue: "continue"
        case .reverseStep: "reverse-step"
        case .reverseContinue: "reverse-continue"
        case .restart: "restart"
        case .v128Shape: "set v128 next"
        case .command(let text): text
        default: nil
        }
    }
}
