import ArgumentParser

struct WastCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "wast", abstract: "(not yet implemented)")
    func run() throws {
        throw ValidationError("wesdbg wast is not implemented yet")
    }
}
