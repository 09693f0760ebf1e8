import Foundation
import Testing
@testable import WesdbgCLI

/// Bad input of every kind through the real binary: one line naming the file and
/// the place, exit status 2, never a crash or a hang.
@Suite struct BadInputTests {
    static let binary = RunBinaryTests.binary
    static let built = FileManager.default.isExecutableFile(atPath: binary)

    /// Runs wesdbg with stdin from /dev/null and no TERM; returns status and stderr.
    static func wesdbg(_ arguments: [String], in directory: String) throws -> (status: Int32, errors: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = arguments
        p.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        environment["TERM"] = nil
        p.environment = environment
        p.standardInput = FileHandle.nullDevice
        p.standardOutput = FileHandle.nullDevice
        let err = Pipe()
        p.standardError = err
        try p.run()
        let data = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Writes `files` (name -> bytes) into a fresh directory and runs each case there.
    static func check(_ files: [String: [UInt8]], _ cases: [([String], String)]) throws {
        let dir = try CLIFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for (name, bytes) in files { try Data(bytes).write(to: URL(fileURLWithPath: dir + "/" + name)) }
        for (arguments, message) in cases {
            let result = try wesdbg(arguments, in: dir)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.errors == message + "\n", "\(arguments)")
        }
    }

    @Test(.enabled(if: built)) func hugeDeclaredTableIsALinkErrorNotAnAbort() throws {
        let message = "table.wat: cannot instantiate: table of 4294967295 elements exceeds the limit of 10000000 elements"
        try Self.check(["table.wat": Array(#"(module (table 4294967295 funcref) (func (export "f")))"#.utf8)], [
            (["run", "table.wat"], message),
            (["debug", "table.wat", "-x", "step"], message),
        ])
    }

    @Test(.enabled(if: built)) func badSnapshotFiles() throws {
        try FileManager.default.createDirectory(atPath: NSTemporaryDirectory() + "/wesdbg-bad-dir.json", withIntermediateDirectories: true)
        try Self.check([
            "empty.json": [],
            "latin1.json": [0xff, 0xfe, 0x7b],
            "deep.json": Array(String(repeating: "[", count: 600).utf8),
        ], [
            (["run", "empty.json"], "empty.json: line 1, column 1: invalid JSON: unexpected end of input"),
            (["run", "latin1.json"], "latin1.json: line 1, column 1: invalid JSON: unexpected character 'ÿ'"),
            (["run", "deep.json"], "deep.json: line 1, column 513: invalid JSON: nesting deeper than 512 levels"),
            (["run", NSTemporaryDirectory() + "/wesdbg-bad-dir.json"], NSTemporaryDirectory() + "/wesdbg-bad-dir.json: not a bug bundle: the directory has no snapshot.json (save --bundle DIR writes one)"),
            (["run", "/dev/zero"], "/dev/zero: cannot be read"),
        ])
    }

    @Test(.enabled(if: built)) func badModules() throws {
        try Self.check([
            "open.wat": Array("(module (func".utf8),
            "typeless.wat": Array(#"(module (func (export "f") (result i32) i32.const 1 i32.add))"#.utf8),
            "memory.wat": Array("(module (memory 65537))".utf8),
        ], [
            (["inspect", "open.wat"], "open.wat: malformed module: 1:14: unexpected EOF"),
            (["run", "typeless.wat"], "typeless.wat: byte offset 0x21: invalid module: type mismatch: operand stack is empty"),
            (["run", "memory.wat"], "memory.wat: byte offset 0x8: invalid module: memory size must be at most 65536 pages (4GiB)"),
        ])
        // The loader's wording for a truncated section is its own; pin only the shape.
        let dir = try CLIFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x05]).write(to: URL(fileURLWithPath: dir + "/t.wasm"))
        let result = try Self.wesdbg(["inspect", "t.wasm"], in: dir)
        #expect(result.status == 2)
        #expect(result.errors.hasPrefix("t.wasm: byte offset 0x"))
        #expect(result.errors.filter { $0 == "\n" }.count == 1)
    }

    /// Failed before: module and ABI errors named `bad.wasm`, not the snapshot given on the command line.
    @Test(.enabled(if: built)) func moduleErrorsThroughASnapshotNameTheSnapshot() throws {
        func snapshot(_ code: String) -> [UInt8] {
            let text = try! String(contentsOfFile: CLIFixtures.sample("teach/sum.snapshot.json"), encoding: .utf8)
            return Array(text.replacingOccurrences(of: #""code": "arith.wat""#, with: #""code": \#(code)"#).utf8)
        }
        try Self.check([
            "bad.wasm": [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x05],
            "abi.wat": Array(#"(module (import "env" "nope" (func)) (memory (export "memory") 1) (func (export "sum") (param i32) (result i32) (i32.const 0)))"#.utf8),
            "bad.json": snapshot(#""bad.wasm""#),
            "abi.json": snapshot(#""abi.wat""#),
            "nul.json": snapshot(#""abi.wat\u0000x""#),
        ], [
            (["run", "bad.json"], "bad.json: contract.code: bad.wasm: byte offset 0xa: malformed module: unexpected end of byte sequence"),
            (["debug", "bad.json", "-x", "step"], "bad.json: contract.code: bad.wasm: byte offset 0xa: malformed module: unexpected end of byte sequence"),
            (["inspect", "bad.json"], "bad.json: contract.code: bad.wasm: byte offset 0xa: malformed module: unexpected end of byte sequence"),
            (["run", "abi.json"], "abi.json: contract.code: abi.wat: ABI error: import env.nope: unknown host function; the contract declares () -> ()"),
            (["debug", "abi.json", "-x", "step"], "abi.json: contract.code: abi.wat: ABI error: import env.nope: unknown host function; the contract declares () -> ()"),
            (["run", "nul.json"], "nul.json: contract.code: the path contains a NUL character (\\u0000)"),
            (["run", "abi.wat"], "abi.wat: ABI error: import env.nope: unknown host function; the contract declares () -> ()"),
        ])
    }

    @Test(.enabled(if: built)) func badOptionsKeymapsAndNoTerminal() throws {
        let sample = CLIFixtures.sample("token/transfer.snapshot.json")
        try Self.check(["bad.keymap": Array("s = step\nbogus line\n".utf8), "twice.keymap": Array("s = step\ns = next\n".utf8)], [
            (["run", sample, "--params", "{bad"], "--params: line 1, column 2: invalid JSON: expected a string key"),
            (["run", sample, "--caller", "0xzz"], "--caller: expected a 42-character 0x address"),
            (["run", sample, "--fuel", "99999999999999999999999"], "wesdbg: The value '99999999999999999999999' is invalid for '--fuel <fuel>': must be an integer 0...18446744073709551615, not '99999999999999999999999' (see --help)"),
            (["run", sample, "--trace", "/nonexistent/dir/x.jsonl"], "/nonexistent/dir/x.jsonl: cannot be written: its directory does not exist"),
            ([sample, "--keymap", "bad.keymap"], "bad.keymap:2: expected `KEY = ACTION`, got `bogus line`"),
            ([sample, "--keymap", "twice.keymap"], "twice.keymap:2: `s` is already bound on line 1"),
            ([sample, "--keymap", "bad.keymap", "-x", "step"], "bad.keymap:2: expected `KEY = ACTION`, got `bogus line`"),
            ([sample], "wesdbg: no terminal (TERM unset or not a tty); use --batch SCRIPT or -x CMD"),
        ])
    }

    /// Failed before: `--fuel -1` read as a missing value, and out-of-range `--args` and
    /// `step` counts named no range (the `step` one crashed, in batch and in the terminal UI).
    @Test(.enabled(if: built)) func numbersOnTheCommandLineNameTheirRange() throws {
        let sample = CLIFixtures.sample("teach/sum.snapshot.json")
        let range = "must be an integer 0...18446744073709551615"
        try Self.check([:], [
            (["run", sample, "--fuel", "-1"], "wesdbg: The value '-1' is invalid for '--fuel <fuel>': \(range), not '-1' (see --help)"),
            (["run", sample, "--height", "18446744073709551616"],
             "wesdbg: The value '18446744073709551616' is invalid for '--height <height>': \(range), not '18446744073709551616' (see --help)"),
            (["run", sample, "--args", "i32:4294967296"], "--args: \"i32:4294967296\" is out of range: i32 takes -2147483648...4294967295"),
            (["run", sample, "--args", "i64:-0x8000000000000001"],
             "--args: \"i64:-0x8000000000000001\" is out of range: i64 takes -9223372036854775808...18446744073709551615"),
        ])
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.binary)
        p.arguments = ["debug", sample, "-x", "step", "-x", "step 18446744073709551615", "-x", "step 18446744073709551616"]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 1)
        #expect(text.contains("(wesdbg) step 18446744073709551615\nfinished: success, step 136\n"))
        #expect(text.hasSuffix("error: step: N must be 1...18446744073709551615, not '18446744073709551616'\n"))
    }

    /// Failed before: the write error was ignored, `saved:` printed and the exit status 0/1.
    @Test func outputWriteErrorsAreReportedWithStatus2() throws {
        var info = stat()
        try #require(lstat("/dev/full", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR, "/dev/full must be a device")
        let sample = CLIFixtures.sample("teach/sum.snapshot.json")
        let trace = try CLIFixtures.run([sample, "--trace", "/dev/full"])
        #expect(trace.status == 2)
        #expect(trace.errors == "/dev/full: cannot be written: no space left on device\n")
        #expect(trace.output.hasPrefix("status: success\n"))
        let save = try CLIFixtures.run([CLIFixtures.sample("teach/divide_by_zero.snapshot.json"), "--save-failure", "/dev/full"])
        #expect(save.status == 2)
        #expect(save.errors == "/dev/full: cannot be written: no space left on device\n")
        #expect(!save.output.contains("saved"))
        #expect(try CLIFixtures.run([sample, "--trace", "/dev/null"]).status == 0)
        #expect(lstat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
    }

    @Test func outputsNeverOverwriteTheRunsInputs() throws {
        let dir = try CLIFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let snapshot = dir + "/zero.snapshot.json", module = dir + "/token.wasm"
        try FileManager.default.copyItem(atPath: CLIFixtures.sample("token/transfer_zero.snapshot.json"), toPath: snapshot)
        try FileManager.default.copyItem(atPath: CLIFixtures.sample("token/token.wasm"), toPath: module)
        let before = try [Data(contentsOf: URL(fileURLWithPath: snapshot)), Data(contentsOf: URL(fileURLWithPath: module))]
        let cases: [([String], String)] = [
            (["--trace", snapshot], "\(snapshot): --trace would overwrite an input of this run; choose another file\n"),
            (["--save-failure", dir + "/../" + URL(fileURLWithPath: dir).lastPathComponent + "/token.wasm"],
             "\(dir)/../\(URL(fileURLWithPath: dir).lastPathComponent)/token.wasm: --save-failure would overwrite an input of this run; choose another file\n"),
        ]
        for (options, message) in cases {
            let result = try CLIFixtures.run([snapshot] + options)
            #expect(result.status == 2)
            #expect(result.errors == message)
            #expect(result.output == "")
        }
        #expect(try [Data(contentsOf: URL(fileURLWithPath: snapshot)), Data(contentsOf: URL(fileURLWithPath: module))] == before)
        // A module run is its own input too.
        #expect(try CLIFixtures.run([module, "--call", "balance", "--trace", module]).errors == "\(module): --trace would overwrite an input of this run; choose another file\n")
    }

    @Test func moduleNamesWithControlCharactersStayOnOneLine() throws {
        let dir = try CLIFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/esc.wat"
        try CLIFixtures.write(#"(module (func (export "a\1b[2Jb\0ac") (result i32) unreachable))"#, to: path)
        let inspect = try InspectCommand.parse([path])
        var output = "", errors = ""
        #expect(inspect.execute(output: &output, errors: &errors) == 0)
        #expect(output.contains("  a\\u{1b}[2Jb\\u{a}c  func () -> (i32)\n"))
        #expect(!output.contains("\u{1b}"))
        let run = try CLIFixtures.run([path])
        #expect(run.status == 1)
        #expect(run.output.contains("trap: unreachable: unreachable executed in a\\u{1b}[2Jb\\u{a}c at offset 0x"))
        #expect(try CLIFixtures.run([path, "--call", "x\u{1b}"]).errors.contains("no function \"x\\u{1b}\""))
    }
}
