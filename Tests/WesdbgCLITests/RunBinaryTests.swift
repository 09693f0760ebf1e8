import Foundation
import Testing

/// Exit statuses of the real binary (main included), when it has been built.
@Suite struct RunBinaryTests {
    static let binary = CLIFixtures.packageRoot + "/.build/debug/wesdbg"

    /// Output goes to files, not pipes: a pipe's write end can leak into a process another test
    /// spawns at the same moment (a daemonising tmux server), and reading it to EOF would then hang.
    static func run(_ arguments: [String]) throws -> (status: Int32, errors: String) {
        let dir = try CLIFixtures.temporaryDirectory()
        _ = FileManager.default.createFile(atPath: dir + "/err", contents: nil)
        _ = FileManager.default.createFile(atPath: dir + "/out", contents: nil)
        let err = try #require(FileHandle(forWritingAtPath: dir + "/err"))
        let out = try #require(FileHandle(forWritingAtPath: dir + "/out"))
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = arguments
        p.standardError = err
        p.standardOutput = out
        p.standardInput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        try err.close()
        try out.close()
        return (p.terminationStatus, try String(contentsOfFile: dir + "/err", encoding: .utf8))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: binary)))
    func exitStatuses() throws {
        #expect(try Self.run(["run", CLIFixtures.sample("token/transfer.snapshot.json")]).status == 0)
        #expect(try Self.run(["run", CLIFixtures.sample("token/transfer_zero.snapshot.json")]).status == 1)
        #expect(try Self.run(["run", CLIFixtures.sample("teach/trap_host.snapshot.json"), "--json"]).status == 1)
        #expect(try Self.run(["run", "/nonexistent.json"]) == (2, "/nonexistent.json: no such file\n"))
        #expect(try Self.run(["run"]) == (2, "wesdbg: Missing expected argument '<file>' (see --help)\n"))
        #expect(try Self.run(["run", "x.wat", "--fuel", "lots"]) == (2, "wesdbg: The value 'lots' is invalid for '--fuel <fuel>': must be an integer 0...18446744073709551615, not 'lots' (see --help)\n"))
    }
}
