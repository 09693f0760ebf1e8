import Foundation
import Testing
@testable import WesdbgCLI
import ContractHost

/// Every sample snapshot replays to its `expect` (or succeeds without one), twice, byte for byte.
@Suite struct RunSamplesTests {
    static let snapshots: [String] = {
        let root = CLIFixtures.packageRoot + "/samples"
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".snapshot.json") }.sorted().map { root + "/" + $0 }
    }()

    @Test func thereAreSamples() {
        #expect(Self.snapshots.count >= 10)
    }

    @Test(arguments: snapshots)
    func sampleReplaysDeterministically(_ path: String) throws {
        let first = try CLIFixtures.run([path, "--json"])
        let second = try CLIFixtures.run([path, "--json"])
        #expect(first.errors == "")
        #expect(first.output == second.output)
        #expect(first.status == second.status)
        let json = try JSONValue.parse(first.output)
        if let expect = json["expect"] {
            #expect(expect["matches"] == .bool(true), "\(path): \(expect.compactText)")
        } else {
            #expect(json["status"] == .string("success"))
        }
        #expect(first.status == (json["status"] == .string("success") ? 0 : 1))
    }
}
