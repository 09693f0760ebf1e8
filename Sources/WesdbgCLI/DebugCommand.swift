import ArgumentParser
import ContractHost
import DebuggerCore
import DebuggerUI
import TerminalUI
import Foundation
import WasmVM

struct DebugCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "debug",
        abstract: "Debug a contract call: the terminal UI, or debugger commands in batch.",
        discussion: """
            FILE is a snapshot (.json), a module (.wasm, .wat) or a bug bundle directory (save --bundle);             a snapshot's edits are made when execution reaches their steps. Without --batch or -x the terminal UI \
            opens, paused before the first instruction. With --batch SCRIPT (one command a line, # comments) \
            and/or -x CMD ... the commands run without a terminal: each is echoed as "(wesdbg) CMD" followed \
            by what it prints. Exit status: 0 all commands valid, 1 a command was invalid (the others still \
            run), 2 bad input (file, script, options, an edit that cannot be made).
            """)

    @OptionGroup var call: CallOptions

    @Option(name: .customLong("batch"), help: ArgumentHelp("Run the debugger commands of this file (one a line) without a terminal.", valueName: "SCRIPT"))
    var script: String?

    @Option(name: .customShort("x"), parsing: .upToNextOption, help: ArgumentHelp("Run these debugger commands without a terminal (after --batch's).", valueName: "CMD"))
    var commands: [String] = []

    @Option(help: "Keymap for the terminal UI: default, vim, emacs, or a keymap file.")
    var keymap: String = "default"

    @Option(name: .customLong("source-dir"), help: ArgumentHelp("Also look for source files under DIR (repeatable).", valueName: "DIR"))
    var sourceDirectories: [String] = []

    @Option(name: .customLong("history-budget"), help: ArgumentHelp(
        "Bytes the time-travel checkpoints may hold, besides one copy of the contract's memory (default 268435456, 256 MiB; from 1048576 to 1099511627776).",
        valueName: "BYTES"))
    var historyBudget: Int = CheckpointHistory.defaultBudget

    func validate() throws {
        let range = CheckpointHistory.budgetRange
        guard range.contains(historyBudget) else {
            throw ValidationError("--history-budget must be from \(range.lowerBound) to \(range.upperBound) bytes, not \(historyBudget)")
        }
    }

    func run() throws {
        let session = try withUserErrors(file: call.file) { try makeSession() }
        try checkEdits(session)
        if let warning = session.debugInfoWarning {
            FileHandle.standardError.write(Data("wesdbg: \(call.file): warning: \(warning); debugging by instruction\n".utf8))
        }
        // Checked in batch mode too: a bad keymap file is bad input even when unused.
        let keys: Keymap
        do { keys = try Keymap.load(keymap) } catch {
            FileHandle.standardError.write(Data((UserError.oneLine(String(describing: error)) + "\n").utf8))
            throw ExitCode(2)
        }
        guard script != nil || !commands.isEmpty else {
            do { try runTerminalDebugger(session: session, keymap: keys) } catch {
                // TerminalUnavailable's text already points at --batch.
                FileHandle.standardError.write(Data((UserError.oneLine(String(describing: error)) + "\n").utf8))
                throw ExitCode(2)
            }
            return
        }
        var lines: [String] = []
        if let script {
            lines = try withUserErrors(file: script) { try Self.scriptLines(path: script) }
        }
        lines += commands
        let valid = Self.runBatch(session: session, commands: lines) { print($0, terminator: "") }
        if !valid { throw ExitCode(1) }
    }

    /// Commands of a batch script: one a line; blank lines and `#` comments skipped.
    static func scriptLines(path: String) throws -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else { throw UserError(file: path, "cannot read the file") }
        guard let text = String(data: data, encoding: .utf8) else { throw UserError(file: path, "not UTF-8 text") }
        return text.split(whereSeparator: \.isNewline).map { String($0).trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    /// Runs commands, echoing each as `(wesdbg) CMD` then its output (errors as `error: ...`).
    /// Stops after `quit`. Returns false if any command was invalid.
    static func runBatch(session: DebugSessionDriving, commands: [String], write: (String) -> Void) -> Bool {
        var valid = true
        for command in commands {
            write("(wesdbg) \(command)\n")
            let result = session.execute(command)
            if result.isError { valid = false }
            let text = result.isError ? "error: \(result.output)" : result.output
            if !text.isEmpty { write(text + "\n") }
            if result.quit { break }
        }
        return valid
    }

    /// A snapshot's edits are replayed once before the session opens: one that cannot be made is
    /// bad input (exit 2), one never reached a warning.
    func checkEdits(_ session: DebugSession) throws {
        let file = BugBundle.isDirectory(call.file) ? BugBundle.snapshotPath(in: call.file) : call.file
        let (error, warnings) = Self.editProblems(session, file: file)
        for warning in warnings { FileHandle.standardError.write(Data((warning + "\n").utf8)) }
        if let error {
            FileHandle.standardError.write(Data((error + "\n").utf8))
            throw ExitCode(2)
        }
    }

    /// The one-line error for an edit that cannot be made, and a warning per edit never reached.
    static func editProblems(_ session: DebugSession, file: String) -> (error: String?, warnings: [String]) {
        let report = session.checkEdits()
        let warnings = report.unreached.map {
            "wesdbg: \(file): warning: edits[\($0.index)]: step \($0.step) is never reached (the call ends at step \(report.endStep))"
        }
        return (report.failure.map { UserError(file: file, place: $0.place, $0.message).description }, warnings)
    }

    func makeSession() throws -> DebugSession {
        do {
            return try loadSession()
        } catch let error as InputError {
            throw UserError(file: error.file, place: error.place.isEmpty ? nil : error.place, error.message)
        }
    }

    private func loadSession() throws -> DebugSession {
        let execution = try call.makeExecution()
        do {
            let modulePath = execution.snapshot.codePath ?? execution.snapshot.file
            return try DebugSession(target: ContractTarget(execution: execution),
                                    sources: SourceOptions(modulePath: modulePath, directories: sourceDirectories),
                                    historyBudget: historyBudget)
        } catch let error as SessionError {
            throw UserError(file: call.file, error.description)
        }
    }
}
