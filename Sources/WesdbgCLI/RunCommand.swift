import ArgumentParser
import ContractHost
import Foundation

struct RunCommand: BufferedCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Execute a call at full speed and report status, fuel and draft.",
        discussion: """
            Exit status: 0 success, 1 failure or trap, 2 bad input (snapshot, module, ABI error, usage),
            3 the snapshot has an `expect` the replay does not match (whatever the outcome).
            """)

    @OptionGroup var call: CallOptions

    @Flag(help: "Print the result as JSON (HOST-ABI.md).")
    var json = false

    @Option(help: ArgumentHelp("Write one JSON line per executed instruction and host call.", valueName: "OUT.jsonl"))
    var trace: String?

    @Flag(name: .customLong("trace-values"), help: "With --trace: add each instruction's popped and pushed values and the memory it read and wrote.")
    var traceValues = false

    @Option(name: .customLong("save-failure"), help: ArgumentHelp("On failure or trap, write a snapshot reproducing it (with expect).", valueName: "OUT.json"))
    var saveFailure: String?

    /// Runs the command, collecting what it prints; returns the exit status.
    func execute(output: inout String, errors: inout String) -> Int32 {
        let execution: ContractExecution
        do { execution = try call.makeExecution() } catch {
            errors += hostInputErrorText(error)
            return 2
        }
        if let clash = outputClobbersInput(execution.snapshot) {
            errors += clash
            return 2
        }
        if traceValues && trace == nil {
            errors += "--trace-values: needs --trace OUT.jsonl\n"
            return 2
        }
        let result: ExecutionResult
        // A trace or snapshot that could not be written is reported and makes the run bad input (2).
        var outputFailed = false
        if let trace {
            let writer: OutputFile
            do { writer = try OutputFile(path: trace) } catch {
                errors += "\(error)\n"
                return 2
            }
            result = execution.runTraced(values: traceValues) { writer.write($0.compactText + "\n") }
            do { try writer.close() } catch {
                errors += "\(error)\n"
                outputFailed = true
            }
        } else {
            result = execution.runToEnd()
        }
        output += json ? result.jsonText : result.text + Self.failedHostCalls(execution.hostLog)
        if let saveFailure {
            if result.status == .success {
                errors += "\(saveFailure): not written: the call succeeded\n"
            } else {
                let text = execution.snapshot.json(savedAt: saveFailure, expect: Expectation(of: result)).prettyText + "\n"
                do {
                    try OutputFile.write(text, to: saveFailure)
                    if !json { output += "saved: \(saveFailure)\n" }
                } catch {
                    errors += "\(error)\n"
                    outputFailed = true
                }
            }
        }
        if outputFailed { return 2 }
        return Self.exitStatus(of: result)
    }

    /// 3 when the replay misses the snapshot's `expect` (a regression, whatever the outcome),
    /// else 0 for success and 1 for a failure or trap, expected or not.
    static func exitStatus(of result: ExecutionResult) -> Int32 {
        if result.expectationMatches == false { return 3 }
        return result.status == .success ? 0 : 1
    }
}

extension RunCommand {
    /// The host calls that failed or trapped, with their reasons (human output only).
    static func failedHostCalls(_ log: [HostCallRecord]) -> String {
        let failed = log.enumerated().filter { $0.element.failure != nil || $0.element.trap != nil }
        guard !failed.isEmpty else { return "" }
        return "failed host calls:\n" + failed.map { "  #\($0.offset + 1) \($0.element.summary)\n" }.joined()
    }
}

/// One-line text for bad input, rendered by `UserError` (the one place errors become user text).
func hostInputErrorText(_ error: InputError) -> String {
    UserError(file: error.file, place: error.place.isEmpty ? nil : error.place, error.message).description + "\n"
}
