import ArgumentParser

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "(not yet implemented)")
    func run() throws {
        throw ValidationError("wesdbg run is not implemented yet")
    }
}
