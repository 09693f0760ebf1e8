import ArgumentParser

public struct WesdbgCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "wesdbg",
        abstract: "A terminal debugger for WebAssembly contracts of the WES chain.",
        subcommands: [DebugCommand.self, RunCommand.self, InspectCommand.self, WastCommand.self],
        defaultSubcommand: DebugCommand.self)
    public init() {}
}
