import ArgumentParser

struct DebugCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "debug", abstract: "(not yet implemented)")
    func run() throws {
        throw ValidationError("wesdbg debug is not implemented yet")
    }
}
