/// The panes of the screen, in focus order (Tab / Shift-Tab).
public enum Pane: String, Hashable, Sendable, CaseIterable {
    case code, stack, locals, callStack, memory, fuel, draft, state, hostCalls, console

    public var title: String {
        switch self {
        case .code: "Code"
        case .stack: "Stack"
        case .locals: "Locals / Globals"
        case .callStack: "Call stack"
        case .memory: "Memory"
        case .fuel: "Fuel"
        case .draft: "Draft"
        case .state: "State"
        case .hostCalls: "Host calls"
        case .console: "Console"
        }
    }

    /// Short label for the tab bar at small sizes.
    public var tabLabel: String {
        switch self {
        case .code: "Code"
        case .stack: "Stack"
        case .locals: "Locals"
        case .callStack: "Calls"
        case .memory: "Memory"
        case .fuel: "Fuel"
        case .draft: "Draft"
        case .state: "State"
        case .hostCalls: "Host"
        case .console: "Console"
        }
    }

    /// Panes that collapse into tabs at small sizes (the console stays visible).
    public static let tabbed: [Pane] = allCases.filter { $0 != .console }

    public var next: Pane { Pane.allCases[(Pane.allCases.firstIndex(of: self)! + 1) % Pane.allCases.count] }
    public var previous: Pane {
        let all = Pane.allCases
        return all[(all.firstIndex(of: self)! + all.count - 1) % all.count]
    }
}
