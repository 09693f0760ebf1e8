import ArgumentParser
import ContractHost
import DebuggerCore
import Foundation

struct RunCommand: BufferedCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Execute a call at full speed and report status, fuel and draft.",
        discussion: """
            FILE is a snapshot (.json), a module (.wasm, .wat) or a bug bundle directory (save --bundle);             a snapshot's edits are made at their steps. Exit status: 0 success, 1 failure or trap, 2 bad input             (snapshot, module, ABI error, an edit that cannot be made, usage), 3 the snapshot has an `expect`             the replay does not match (whatever the outcome). With several FILEs: a PASS/FAIL line each             (passed: the expect matched), then `N passed, N failed`; exit 0 all passed, 3 some failed, 2 some             could not be run.
            """)

    @OptionGroup var call: CallOptions

    @Argument(help: ArgumentHelp("More snapshots or bug bundles: each is replayed and checked against its expect; one summary line `N passed, N failed`.",
                                 valueName: "FILE"))
    var more: [String] = []

    @Flag(help: "Print the result as JSON (HOST-ABI.md).")
    var json = false

    @Option(help: ArgumentHelp("Write one JSON line per executed instruction and host call.", valueName: "OUT.jsonl"))
    var trace: String?

    @Flag(name: .customLong("trace-values"), help: "With --trace: add each instruction's popped and pushed values and the memory it read and wrote.")
    var traceValues = false

    @Option(help: ArgumentHelp("How v128 values are written in the results and the trace: hex (the default), or lanes, lane 0 first (i8x16 i16x8 i32x4 i64x2 f32x4 f64x2: v128:i32x4:1,2,3,4).", valueName: "SHAPE"))
    var v128: String?

    @Option(name: .customLong("save-failure"), help: ArgumentHelp("On failure or trap, write a snapshot reproducing it (with expect).", valueName: "OUT.json"))
    var saveFailure: String?

    /// Runs the command, collecting what it prints; returns the exit status.
    func execute(output: inout String, errors: inout String) -> Int32 {
        if !more.isEmpty { return runSeveral([call.file] + more, output: &output, errors: &errors) }
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
        guard let shape = ContractHost.V128Shape(rawValue: v128 ?? "hex") else {
            errors += "--v128: unknown shape '\(v128!)' (\(ContractHost.V128Shape.usage))\n"
            return 2
        }
        var result: ExecutionResult
        // A trace or snapshot that could not be written is reported and makes the run bad input (2).
        var outputFailed = false
        if !execution.snapshot.edits.isEmpty {
            if trace != nil {
                errors += "\(call.file): --trace does not replay the snapshot's edits (\(execution.snapshot.edits.count)); trace it without them, or debug it\n"
                return 2
            }
            do { result = try Self.runApplyingEdits(execution) } catch {
                errors += hostInputErrorText(error)
                return 2
            }
        } else if let trace {
            let writer: OutputFile
            do { writer = try OutputFile(path: trace) } catch {
                errors += "\(error)\n"
                return 2
            }
            result = execution.runTraced(values: traceValues, v128: shape) { writer.write($0.compactText + "\n") }
            do { try writer.close() } catch {
                errors += "\(error)\n"
                outputFailed = true
            }
        } else {
            result = execution.runToEnd()
        }
        result.v128Shape = shape
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

    /// Runs the call with the snapshot's edits made at their steps (through a debugging
    /// session, which knows how to make them); an edit that cannot be made is bad input.
    static func runApplyingEdits(_ execution: ContractExecution) throws(InputError) -> ExecutionResult {
        let session: DebugSession
        do { session = try DebugSession(target: ContractTarget(execution: execution)) } catch {
            throw InputError(file: execution.snapshot.file, message: "\(error)")
        }
        let report = session.runApplyingEdits()
        if let failure = report.failure {
            throw InputError(file: execution.snapshot.file, place: failure.place, message: failure.message)
        }
        _ = execution.run()
        guard var result = execution.result else { preconditionFailure("the call ended but has no result") }
        result.edits = report.report
        return result
    }

    /// `wesdbg run FILE FILE…`: each replayed against its `expect`; a line per file, then `N passed, N failed`.
    /// Exit status 0 when all passed, 3 when some did not match, 2 when some could not be run.
    func runSeveral(_ files: [String], output: inout String, errors: inout String) -> Int32 {
        for (option, given) in [("--json", json), ("--trace", trace != nil), ("--save-failure", saveFailure != nil), ("--trace-values", traceValues), ("--v128", v128 != nil)] where given {
            errors += "\(option): takes one FILE (\(files.count) given)\n"
            return 2
        }
        var passed = 0, failed = 0, bad = false
        for file in files {
            let execution: ContractExecution
            do { execution = try CallOptions.makeExecution(file, settings: call.settings) } catch {
                errors += hostInputErrorText(error)
                output += "FAIL \(file): bad input\n"
                failed += 1
                bad = true
                continue
            }
            let result: ExecutionResult
            if execution.snapshot.edits.isEmpty {
                result = execution.runToEnd()
            } else {
                do { result = try Self.runApplyingEdits(execution) } catch {
                    errors += hostInputErrorText(error)
                    output += "FAIL \(file): bad input\n"
                    failed += 1
                    bad = true
                    continue
                }
            }
            let actual = Expectation(of: result)
            let edits = result.edits.map { "; \($0.applied) edit\($0.applied == 1 ? "" : "s") applied" } ?? ""
            guard let expected = result.expected else {
                output += "FAIL \(file): no expect to check (got \(actual.json.compactText))\n"
                failed += 1
                continue
            }
            if expected.matches(actual) {
                output += "PASS \(file) (\(actual.json.compactText)\(edits))\n"
                passed += 1
            } else {
                output += "FAIL \(file): expected \(expected.json.compactText), got \(actual.json.compactText)\(edits)\n"
                failed += 1
            }
        }
        output += "\(passed) passed, \(failed) failed\n"
        return bad ? 2 : failed > 0 ? 3 : 0
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
