import Foundation
import Testing
@testable import WesdbgCLI
import ContractHost
import DebugInfo

/// `wesdbg profile`: the table and folded stacks pinned for samples, fuel that adds up
/// to `run --json`'s, outputs byte for byte deterministic.
@Suite struct ProfileCommandTests {
    static func profile(_ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
        let command = try ProfileCommand.parse(arguments)
        var output = "", errors = ""
        let status = command.execute(output: &output, errors: &errors)
        return (status, output, errors)
    }

    static func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    @Test func tokenTransferTableAndFoldedStacks() throws {
        let dir = try CLIFixtures.temporaryDirectory()
        let r = try Self.profile([CLIFixtures.sample("token/transfer.snapshot.json"), "--folded", dir + "/fuel.folded"])
        #expect(r.status == 0 && r.errors == "")
        #expect(r.output == """
            function                              self   share   total   calls
            wes_json_skip                         6763   52.2%    6763      18
            transfer                              2102   16.2%   12945       1
            memcpy                                1602   12.4%    1602       9
            wes_json_find                         1457   11.3%    8413       5
            report_transfer                        368    2.8%    2125       1
            memcmp                                 193    1.5%     193       3
            wes_execute_utxo_transfer (host)        91    0.7%      91       1
            wes_emit_event (host)                   78    0.6%      78       1
            wes_set_return_data (host)              77    0.6%      77       1
            wes_get_contract_params (host)          58    0.4%      58       1
            wes_get_caller (host)                   56    0.4%      56       1
            wes_get_contract_params_len (host)      50    0.4%      50       1
            wes_get_current_transaction (host)      50    0.4%      50       1
            total                                12945  100.0%
            status: success (code 0)
            fuel: 12945 used of 10000000

            """)
        #expect(try Self.read(dir + "/fuel.folded") == """
            transfer 2102
            transfer;report_transfer 368
            transfer;report_transfer;memcpy 1602
            transfer;report_transfer;wes_emit_event (host) 78
            transfer;report_transfer;wes_set_return_data (host) 77
            transfer;wes_execute_utxo_transfer (host) 91
            transfer;wes_get_caller (host) 56
            transfer;wes_get_contract_params (host) 58
            transfer;wes_get_contract_params_len (host) 50
            transfer;wes_get_current_transaction (host) 50
            transfer;wes_json_find 1457
            transfer;wes_json_find;memcmp 193
            transfer;wes_json_find;wes_json_skip 6763

            """)
    }

    /// A recursive teaching sample: one row, its total counted once; one folded line per depth.
    @Test func recursiveFactorialCountsItsTotalOnce() throws {
        let dir = try CLIFixtures.temporaryDirectory()
        let r = try Self.profile([CLIFixtures.sample("teach/factorial.snapshot.json"), "--folded", dir + "/f.folded"])
        #expect(r.output == """
            function     self   share   total   calls
            factorial     292  100.0%     292      20
            total         292  100.0%
            status: success
            fuel: 292 used of 10000000

            """)
        let expected = (1 ... 20).map { depth in
            Array(repeating: "factorial", count: depth).joined(separator: ";") + (depth == 20 ? " 7\n" : " 15\n")
        }.joined()
        #expect(try Self.read(dir + "/f.folded") == expected)
    }

    /// Every sample: the rows' self fuel, the folded counts and the speedscope weights add up
    /// to the fuel `run --json` reports, to the unit.
    @Test(arguments: RunSamplesTests.snapshots)
    func fuelAddsUpToRunsFuel(_ path: String) throws {
        let run = try JSONValue.parse(try CLIFixtures.run([path, "--json"]).output)
        guard case .number(let used)? = run["fuel"]?["used"] else { Issue.record("no fuel in run --json"); return }
        let dir = try CLIFixtures.temporaryDirectory()
        let r = try Self.profile([path, "--folded", dir + "/f", "--speedscope", dir + "/s.json"])
        let rows = r.output.split(separator: "\n").dropFirst().prefix { !$0.hasPrefix("total") }
        let selfSum = rows.reduce(UInt64(0)) { $0 + UInt64($1.split(separator: " ").reversed()[3])! }
        #expect(String(selfSum) == used, "\(path)")
        #expect(r.output.contains("\ntotal" + String(repeating: " ", count: 1)), "\(path)")
        let totalLine = r.output.split(separator: "\n").first { $0.hasPrefix("total ") }
        #expect(totalLine?.split(separator: " ")[1] == Substring(used), "\(path)")
        let folded = try Self.read(dir + "/f").split(separator: "\n").reduce(UInt64(0)) { $0 + UInt64($1.split(separator: " ").last!)! }
        #expect(String(folded) == used, "\(path)")
        let speedscope = try JSONValue.parse(try Self.read(dir + "/s.json"))
        guard case .array(let weights)? = speedscope["profiles"]?.arrayElement(0)?["weights"] else { Issue.record("no weights"); return }
        let weightSum = weights.reduce(UInt64(0)) { sum, w in if case .number(let n) = w { sum + UInt64(n)! } else { sum } }
        #expect(String(weightSum) == used, "\(path)")
    }

    @Test func outputsAreDeterministicByteForByte() throws {
        var texts: [[String]] = []
        for _ in 0 ..< 2 {
            let dir = try CLIFixtures.temporaryDirectory()
            let r = try Self.profile([CLIFixtures.sample("token/transfer_batch.snapshot.json"),
                                      "--folded", dir + "/f", "--svg", dir + "/g.svg", "--speedscope", dir + "/s.json"])
            texts.append([r.output] + (try ["/f", "/g.svg", "/s.json"].map { try Self.read(dir + $0) }))
        }
        #expect(texts[0] == texts[1])
        #expect(texts[0][2].hasPrefix("<?xml") && !texts[0][2].contains("href") && !texts[0][2].contains("@font-face"))
        #expect(texts[0][3].hasPrefix("{\"$schema\":\"https://www.speedscope.app/file-format-schema.json\""))
    }

    @Test func outputsAreWrittenThroughATemporaryFileAndNeverOverAnInput() throws {
        let dir = try CLIFixtures.temporaryDirectory()
        try CLIFixtures.write("old", to: dir + "/f")
        let r = try Self.profile([CLIFixtures.sample("teach/factorial.snapshot.json"), "--folded", dir + "/f"])
        #expect(r.status == 0)
        #expect(try Self.read(dir + "/f").hasPrefix("factorial 15\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["f"])
        let snapshot = CLIFixtures.sample("teach/factorial.snapshot.json")
        let clobber = try Self.profile([snapshot, "--svg", snapshot])
        #expect(clobber.status == 2)
        #expect(clobber.errors == "\(snapshot): --svg would overwrite an input of this run; choose another file\n")
        let missing = try Self.profile([snapshot, "--folded", dir + "/no/such/dir/f"])
        #expect(missing.status == 2)
        #expect(missing.errors == "\(dir)/no/such/dir/f: cannot be written: its directory does not exist\n")
    }

    /// Recursion to the call-stack limit: stacks stop at 256 frames (deeper calls count in the
    /// 256th), so memory stays small (it was quadratic in the depth: 13 GB here) and the fuel still adds up.
    @Test func deepRecursionStacksAreCutAt256Frames() throws {
        let dir = try CLIFixtures.temporaryDirectory()
        let r = try Self.profile([CLIFixtures.sample("teach/factorial_deep.snapshot.json"), "--folded", dir + "/f"])
        #expect(r.status == 1)
        #expect(r.output.contains("\nstacks: calls deeper than 256 frames (or past 131071 distinct stacks) count in their caller's frame\n"))
        let lines = try Self.read(dir + "/f").split(separator: "\n")
        #expect(lines.map { $0.split(separator: ";").count }.max() == 256)
        #expect(lines.last == Substring(Array(repeating: "factorial", count: 256).joined(separator: ";") + " 256685"))
        #expect(lines.reduce(UInt64(0)) { $0 + UInt64($1.split(separator: " ").last!)! } == 260000)
        let shallow = try Self.profile([CLIFixtures.sample("teach/factorial.snapshot.json"), "--folded", dir + "/g"])
        #expect(!shallow.output.contains("stacks:"))
    }

    /// `--lines`: self fuel by source line; the hot lines are wes_json_skip's string scan
    /// (include/wes.h:199-202), and the lines add up to the call's fuel.
    @Test func linesAttributeSelfFuelToSourceLines() throws {
        let r = try Self.profile([CLIFixtures.sample("token/transfer.debug.snapshot.json"), "--lines"])
        #expect(r.status == 0)
        let table = Self.lineTable(r.output)
        #expect(Array(table.prefix(5)) == [
            "line                 self   share",
            "include/wes.h:202    9868   14.7%",
            "include/wes.h:201    9855   14.7%",
            "include/wes.h:92     6161    9.2%",
            "include/wes.h:200    5694    8.5%",
        ])
        #expect(table.last == "total               66979  100.0%")
        let sum = table.dropFirst().dropLast().reduce(UInt64(0)) { $0 + (UInt64($1.split(separator: " ").reversed()[1]) ?? 0) }
        #expect(sum == 66979)
        #expect(r.output.hasSuffix("fuel: 66979 used of 10000000\n"))

        let stripped = try Self.profile([CLIFixtures.sample("token/transfer.snapshot.json"), "--lines"])
        #expect(stripped.status == 2)
        #expect(stripped.errors == "\(CLIFixtures.sample("token/transfer.snapshot.json")): --lines needs DWARF line info (build the module with -g)\n")
    }

    /// The line tables of a call (the second part of `profile --lines`' output).
    static func lineTable(_ output: String) -> [Substring] { output.components(separatedBy: "\n\n")[1].split(separator: "\n") }

    /// The Rust sample (vault, built with debug info): its lines pinned, and they add up to `run`'s fuel.
    @Test func linesOfTheRustSample() throws {
        let r = try Self.profile([CLIFixtures.sample("vault/deposit.snapshot.json"), "--lines"])
        #expect(r.status == 0)
        let table = Self.lineTable(r.output)
        #expect(Array(table.prefix(4)) == [
            "line                                                                   self   share",
            "src/lib.rs:63                                                           978    3.8%",
            "(no line info)                                                          921    3.5%",
            "src/wes.rs:132                                                          504    1.9%",
        ])
        #expect(table.count == 362)
        #expect(table.last == "total                                                                 26077  100.0%")
        let sum = table.dropFirst().dropLast().reduce(UInt64(0)) { $0 + (UInt64($1.split(separator: " ").reversed()[1]) ?? 0) }
        #expect(sum == 26077)
        #expect(r.output.hasSuffix("fuel: 26077 used of 10000000\n"))
    }

    /// Counting in fast code gives the very table stepping every instruction gives, on
    /// every sample with DWARF (C and Rust; successes, failures and traps).
    @Test func linesEqualSteppingOnEverySampleWithDebugInfo() throws {
        let samples = ["governance/propose.debug", "nft/mint.debug", "registry/increment.debug", "staking/stake.debug",
                       "token/transfer.debug", "vault/balance", "vault/deposit", "vault/deposit_bad_amount",
                       "vault/deposit_insufficient", "vault/withdraw", "vault/withdraw_corrupt", "vault/withdraw_too_much"]
        for name in samples {
            let file = CLIFixtures.sample(name + ".snapshot.json")
            let reference = try CallOptions.makeExecution(file, settings: CallSettings())
            let info = try #require(DebugInfo.read(moduleBytes: reference.module.bytes).info)
            reference.machine.profilesFuel = true
            let expected = LineProfileOracle.profile(reference, lines: info)
            let profile = FuelProfile(machine: reference.machine, module: reference.module, instance: reference.instance)
            let r = try Self.profile([file, "--lines"])
            #expect(r.output.components(separatedBy: "\n\n")[1] + "\n" == expected.table(shares: profile), "\(name)")
            #expect(r.output.hasSuffix("fuel: \(expected.total) used of \(reference.snapshot.call.fuel)\n"), "\(name)")
        }
    }

    /// A snapshot's edits replay under `--lines` as under `profile`: here one cuts the fuel
    /// mid-call, and the lines add up to the fuel of the out-of-fuel trap.
    @Test func linesReplayEdits() throws {
        let dir = try CLIFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let original = try String(contentsOfFile: CLIFixtures.sample("token/transfer.debug.snapshot.json"), encoding: .utf8)
        let text = original.replacingOccurrences(of: #""code": "token.debug.wasm""#, with: #""code": "\#(CLIFixtures.sample("token/token.debug.wasm"))""#)
            .replacingOccurrences(of: "\n  \"expect\"", with: "\n  \"edits\": [{\"step\": 2000, \"fuel\": 30000}],\n  \"expect\"")
        try CLIFixtures.write(text, to: dir + "/cut.json")
        let r = try Self.profile([dir + "/cut.json", "--lines"])
        #expect(r.status == 1)
        #expect(r.errors == "")
        let table = Self.lineTable(r.output)
        #expect(table.last == "total               30000  100.0%")
        let sum = table.dropFirst().dropLast().reduce(UInt64(0)) { $0 + (UInt64($1.split(separator: " ").reversed()[1]) ?? 0) }
        #expect(sum == 30000)
        #expect(r.output.contains("fuel: 30000 used of 30000\n"))
    }

    @Test func aTrapIsProfiledToTheTrappingInstruction() throws {
        let r = try Self.profile([CLIFixtures.sample("teach/divide_by_zero.snapshot.json")])
        #expect(r.status == 1)
        #expect(r.output.hasPrefix("""
            function    self   share   total   calls
            divide         3  100.0%       3       1
            total          3  100.0%
            status: trap

            """))
    }
}

private extension JSONValue {
    func arrayElement(_ i: Int) -> JSONValue? {
        guard case .array(let a) = self, i < a.count else { return nil }
        return a[i]
    }
}
