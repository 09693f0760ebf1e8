import ArgumentParser
import Foundation

struct WastCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wast",
        abstract: "Run WebAssembly spec scripts (.wast) on wesdbg's interpreter.",
        discussion: """
            Prints each failing directive as FILE:LINE: why, then the line \
            "N passed, N failed, N skipped". A directory runs every *.wast inside it, sorted by name. \
            Exit status: 0 all passed, 1 some failed, 2 bad input.
            """)

    @Argument(help: "Script files, or directories of *.wast scripts.")
    var paths: [String]

    @Flag(name: .shortAndLong, help: "Also list each skipped directive and the per-file counts.")
    var verbose = false

    @Flag(help: "Also require load and link error messages to contain the script's expected text.")
    var strictMessages = false

    @Flag(help: "Run every instruction in the exact loop the debugger steps with (no fast code).")
    var exact = false

    func run() throws {
        let total = try execute { print($0) }
        if total.failed > 0 { throw ExitCode(1) }
    }

    /// Runs the scripts, handing each output line to `emit` as it is known; returns the totals.
    /// Bad input ends it with `ExitCode(2)` after one line on stderr.
    func execute(_ emit: (String) -> Void) throws -> WastResult {
        let files = try withUserErrors { try Self.scripts(in: paths) }
        var total = WastResult()
        for file in files {
            let result = try withUserErrors { try WastRunner.run(file: file, strictMessages: strictMessages, exact: exact) }
            for failure in result.failures {
                emit("\(file):\(failure.line): \(failure.message)")
            }
            if verbose {
                for skip in result.skips { emit("\(file):\(skip.line): skipped: \(skip.reason)") }
                emit("\(file): \(result.summary)")
            }
            total.add(result)
        }
        emit(total.summary)
        return total
    }

    /// The scripts to run: files as given, directories expanded to their *.wast files, sorted.
    static func scripts(in paths: [String]) throws(UserError) -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw UserError(file: path, "no such file or directory")
            }
            guard isDirectory.boolValue else { files.append(path); continue }
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
                throw UserError(file: path, "cannot list the directory")
            }
            let base = path.hasSuffix("/") ? path : path + "/"
            let scripts = names.filter { $0.hasSuffix(".wast") }.sorted()
            guard !scripts.isEmpty else { throw UserError(file: path, "no *.wast files in the directory") }
            files += scripts.map { base + $0 }
        }
        return files
    }
}
