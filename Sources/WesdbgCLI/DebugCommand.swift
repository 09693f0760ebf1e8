import ArgumentParser
import ContractHost
import DebuggerCore
import Foundation
import WasmVM

struct DebugCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "debug",
        abstract: "Debug a contract call: the terminal UI, or debugger commands in batch.",
        discussion: """
            FILE is a snapshot (.json) or a module (.wasm, .wat). Without --batch or -x the terminal UI \
            opens, paused before the first instruction. With --batch SCRIPT (one command a line, # comments) \
            and/or -x CMD ... the commands run without a terminal: each is echoed as "(wesdbg) CMD" followed \
            by what it prints. Exit status: 0 all commands valid, 1 a command was invalid (the others still \
            run), 2 bad input (file, script, options).
            """)

    @Argument(help: "A snapshot (.json) or a module (.wasm, .wat).")
    var file: String

    @Option(name: .customLong("batch"), help: "Run the debugger commands of this file (one a line) without a terminal.")
    var script: String?

    @Option(name: .customShort("x"), parsing: .upToNextOption, help: "Run these debugger commands without a terminal (after --batch's).")
    var commands: [String] = []

    @Option(help: "Keymap for the terminal UI: default, vim, emacs, or a file.")
    var keymap: String = "default"

    @Option(name: .customLong("call"), help: "Exported function to call (modules only; default: the only exported function).")
    var function: String?

    @Option(name: .customLong("args"), parsing: .upToNextOption, help: "Wasm arguments as typed strings: i32:1 i64:-5 (modules only).")
    var arguments: [String] = []

    @Option(help: "Fuel limit (modules only).")
    var fuel: UInt64?

    func run() throws {
        let session = try withUserErrors(file: file) { try makeSession() }
        guard script != nil || !commands.isEmpty else {
            FileHandle.standardError.write(Data("wesdbg: the terminal UI is not available in this build yet; use --batch SCRIPT or -x CMD\n".utf8))
            throw ExitCode(2)
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

    func makeSession() throws -> DebugSession {
        do {
            return try loadSession()
        } catch let error as InputError {
            throw UserError(file: error.file, place: error.place.isEmpty ? nil : error.place, error.message)
        }
    }

    private func loadSession() throws -> DebugSession {
        let snapshot: ChainSnapshot, module: Module
        let settings = CallSettings(function: function, args: arguments, fuel: fuel)
        if ModuleFile.isModulePath(file) {
            module = try ModuleFile.load(path: file)
            snapshot = try ChainSnapshot.bare(modulePath: file, module: module, settings: settings)
        } else {
            snapshot = try ChainSnapshot.load(path: file)
            module = try snapshot.loadModule()
        }
        do {
            return try DebugSession(target: ContractTarget(snapshot: snapshot, module: module))
        } catch let error as SessionError {
            throw UserError(file: file, error.description)
        }
    }
}
