import ArgumentParser
import Foundation

/// A command that collects what it prints, so tests can call `execute` directly
/// and the real entry point writes it out and exits with its status.
protocol BufferedCommand: ParsableCommand {
    /// Runs the command, collecting stdout and stderr text; returns the exit status.
    func execute(output: inout String, errors: inout String) -> Int32
}

extension BufferedCommand {
    func run() throws {
        var output = "", errors = ""
        let status = execute(output: &output, errors: &errors)
        FileHandle.standardOutput.write(Data(output.utf8))
        FileHandle.standardError.write(Data(errors.utf8))
        if status != 0 { throw ExitCode(status) }
    }
}
