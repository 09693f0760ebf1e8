import ArgumentParser
import Foundation
import Testing
@testable import WesdbgCLI

/// `wesdbg wast` end to end: what it prints and how it exits.
struct WastCommandTests {
    func withScripts(_ scripts: [String: String], _ body: (String) throws -> Void) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("wastcmd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, text) in scripts { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
        try body(dir.path)
    }

    func output(_ arguments: [String]) throws -> (lines: [String], result: WastResult) {
        let command = try #require(try WesdbgCommand.parseAsRoot(["wast"] + arguments) as? WastCommand)
        var lines: [String] = []
        let result = try command.execute { lines.append($0) }
        return (lines, result)
    }

    /// `--exact` keeps every instruction in the exact loop; a loop that runs out of steps says so the same way.
    @Test func exactRunsTheSameScriptsInTheSteppingLoop() throws {
        try withScripts(["a.wast": #"""
            (module (func (export "fac") (param i64) (result i64)
              (if (result i64) (i64.eqz (local.get 0)) (then (i64.const 1))
                (else (i64.mul (local.get 0) (call 0 (i64.sub (local.get 0) (i64.const 1))))))))
            (assert_return (invoke "fac" (i64.const 20)) (i64.const 2432902008176640000))
            (assert_exhaustion (invoke "fac" (i64.const -1)) "call stack exhausted")
            """#]) { dir in
            let command = try #require(try WesdbgCommand.parseAsRoot(["wast", "--exact", dir]) as? WastCommand)
            #expect(command.exact)
            var lines: [String] = []
            #expect(try command.execute { lines.append($0) }.summary == "3 passed, 0 failed, 0 skipped")
            #expect(lines == ["3 passed, 0 failed, 0 skipped"])
        }
    }

    @Test func printsFailuresThenTheCounts() throws {
        try withScripts([
            "a.wast": #"""
                (module (func (export "one") (result i32) (i32.const 1)))
                (assert_return (invoke "one") (i32.const 1))
                (assert_return (invoke "one") (i32.const 7))
                """#,
            "b.wast": "(module)\n",
            "simd_x.wast": "(module (func (export \"z\") (result v128) (v128.const i64x2 0 0)))\n"
                + "(assert_return (invoke \"z\") (v128.const i32x4 0 0 0 0))\n",
        ]) { dir in
            let (lines, result) = try output([dir])
            #expect(lines == [
                "\(dir)/a.wast:3: expected (i32:7), got (i32:1)",
                "5 passed, 1 failed, 0 skipped",
            ])
            #expect(result.failed == 1)
            var command = try WesdbgCommand.parseAsRoot(["wast", dir + "/a.wast"])
            #expect(throws: ExitCode(1)) { try command.run() }
        }
    }

    @Test func verboseAddsEachFileCounts() throws {
        try withScripts(["b.wast": "(module)\n"]) { dir in
            let lines = try output(["-v", dir + "/b.wast"]).lines
            #expect(lines == [
                "\(dir)/b.wast: 1 passed, 0 failed, 0 skipped",
                "1 passed, 0 failed, 0 skipped",
            ])
        }
    }
}
