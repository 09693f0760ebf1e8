import Foundation
import Testing

/// Exit statuses of the real binary (main included), when it has been built.
@Suite struct RunBinaryTests {
    static let binary = CLIFixtures.packageRoot + "/.build/debug/wesdbg"

    static func run(_ arguments: [String]) throws -> (status: Int32, errors: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = arguments
        let err = Pipe()
        p.standardError = err
        p.standardOutput = Pipe()
        try p.run()
        let data = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: binary)))
    func exitStatuses() throws {
        #expect(try Self.run(["run", CLIFixtures.sample("token/transfer.snapshot.json")]).status == 0)
        #expect(try Self.run(["run", CLIFixtures.sample("token/transfer_zero.snapshot.json")]).status == 1)
        #expect(try Self.run(["run", CLIFixtures.sample("teach/trap_host.snapshot.json"), "--json"]).status == 1)
        #expect(try Self.run(["run", "/nonexistent.json"]) == (2, "/nonexistent.json: no such file\n"))
        #expect(try Self.run(["run"]) == (2, "wesdbg: Missing expected argument '<file>' (see --help)\n"))
        #expect(try Self.run(["run", "x.wat", "--fuel", "lots"]) == (2, "wesdbg: The value 'lots' is invalid for '--fuel <fuel>' (see --help)\n"))
    }
}
