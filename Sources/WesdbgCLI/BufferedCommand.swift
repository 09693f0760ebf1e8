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
        // A closed pipe or a full disk on stdout is reported, not a crash (SIGPIPE is ignored, see OutputFile).
        var failed = false
        do { try FileHandle.standardOutput.write(contentsOf: Data(output.utf8)) } catch {
            errors += "wesdbg: standard output cannot be written\n"
            failed = true
        }
        FileHandle.standardError.write(Data(errors.utf8))
        if failed { throw ExitCode(2) }
        if status != 0 { throw ExitCode(status) }
    }
}
