import ArgumentParser
import Foundation
import Testing
import WasmVM
@testable import WesdbgCLI

/// The runner's parts that need no interpreter: counting, trap messages, errors, paths.
struct WastSupportTests {
    @Test func countsTopLevelDirectivesIgnoringCommentsAndStrings() {
        let script = """
            ;; a comment with (parens
            (module (func (export "f") (result i32) (i32.const 1)))
            (; block (; nested ;) comment ( ;)
            (assert_return (invoke "f") (i32.const 1))
            (assert_malformed (module quote "(func ))) \\" (") "bad")
            """
        #expect(WastDirectiveCounter.count(script) == 3)
        #expect(WastDirectiveCounter.scan(script).stray == nil)
    }

    @Test func findsStrayTextBetweenDirectives() {
        let scan = WastDirectiveCounter.scan("(module)\n;; fine\n  oops (module)\n")
        #expect(scan.directives == 2)
        #expect(scan.stray?.line == 3)
        #expect(scan.stray?.text == "oops")
    }

    @Test(arguments: [
        ("out of bounds memory access", TrapKind.memoryOutOfBounds),
        ("out of bounds table access", .tableOutOfBounds),
        ("undefined element", .tableOutOfBounds),
        ("uninitialized element 2", .uninitializedElement),
        ("indirect call type mismatch", .indirectCallTypeMismatch),
        ("integer divide by zero", .integerDivideByZero),
        ("integer overflow", .integerOverflow),
        ("invalid conversion to integer", .invalidConversion),
        ("unreachable", .unreachable),
        ("call stack exhausted", .callStackExhausted),
    ])
    func specTrapMessagesMapToOurKinds(message: String, kind: TrapKind) {
        #expect(WastTrapMessages.matches(Trap(kind), message))
        #expect(!WastTrapMessages.matches(Trap(kind == .unreachable ? .integerOverflow : .unreachable), message))
    }

    @Test func userErrorsAreOneLineNamingFileAndPlace() {
        #expect(UserError(file: "a.wasm", describing: LoadError(.invalid, "type mismatch", offset: 0x1a)).description
            == "a.wasm: byte offset 0x1a: invalid module: type mismatch")
        #expect(UserError(file: "x.json", place: "$.params[2]", "expected\nan integer").description
            == "x.json: $.params[2]: expected an integer")
        #expect(UserError(file: "m.wasm", describing: LinkError("unknown import env.f")).description
            == "m.wasm: cannot link: unknown import env.f")
    }

    @Test func directoriesExpandToTheirSortedScripts() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("wast-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for name in ["b.wast", "a.wast", "notes.txt"] {
            try Data().write(to: dir.appendingPathComponent(name))
        }
        #expect(try WastCommand.scripts(in: [dir.path])
            == [dir.path + "/a.wast", dir.path + "/b.wast"])
        let empty = dir.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        #expect(throws: UserError(file: empty.path, "no *.wast files in the directory")) {
            try WastCommand.scripts(in: [empty.path])
        }
        #expect(throws: UserError(file: "/no/such.wast", "no such file or directory")) {
            try WastCommand.scripts(in: ["/no/such.wast"])
        }
    }

    @Test func aMissingScriptExitsWithStatus2() throws {
        var command = try WesdbgCommand.parseAsRoot(["wast", "/no/such/dir/x.wast"])
        #expect(throws: ExitCode(2)) { try command.run() }
    }
}
