import ArgumentParser
import Foundation

public struct WesdbgCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "wesdbg",
        abstract: "A terminal debugger for WebAssembly contracts of the WES chain.",
        subcommands: [DebugCommand.self, RunCommand.self, ProfileCommand.self, InspectCommand.self, WastCommand.self],
        defaultSubcommand: DebugCommand.self)
    public init() {}

    /// Runs the command line. Usage errors are bad input like any other: one line on
    /// stderr and exit status 2 (ArgumentParser's own default is 64).
    public static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                let text = message(for: error).split(whereSeparator: \.isNewline).first.map(String.init) ?? "invalid usage"
                FileHandle.standardError.write(Data("wesdbg: \(text) (see --help)\n".utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
