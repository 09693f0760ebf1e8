extension HostCallEvent {
    /// For the debugger, which derives the host call about to be made from the
    /// stack (e.g. after time travel) rather than from a `.hostCallPending` pause.
    public init(pending importModule: String, _ importName: String, function: Int, arguments: [Value], callSite: CodeLocation) {
        self.init(function: function, importModule: importModule, importName: importName, arguments: arguments, results: nil, callSite: callSite)
    }
}
