/// The panes of the screen, in focus order (Tab / Shift-Tab).
public enum Pane: String, Hashable, Sendable, CaseIterable {
    case source, code, stack, locals, callStack, memory, fuel, draft, state, hostCalls, console

    public var title: String {
        switch self {
        case .source: "Source"
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
        case .source: "Source"
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

    /// Panes that collapse into tabs at small sizes (the console stays visible); Source
    /// only for modules with line info.
    public static let tabbed: [Pane] = allCases.filter { $0 != .console }
    public static func tabbed(hasSource: Bool) -> [Pane] { hasSource ? tabbed : tabbed.filter { $0 != .source } }

    /// Focus order (Tab / Shift-Tab).
    public static func order(hasSource: Bool) -> [Pane] { hasSource ? allCases : allCases.filter { $0 != .source } }

    public func next(hasSource: Bool) -> Pane {
        let all = Pane.order(hasSource: hasSource)
        return all[((all.firstIndex(of: self) ?? -1) + 1) % all.count]
    }
    public func previous(hasSource: Bool) -> Pane {
        let all = Pane.order(hasSource: hasSource)
        return all[((all.firstIndex(of: self) ?? 0) + all.count - 1) % all.count]
    }
}
