import ArgumentParser
import ContractHost
import DebuggerCore
import Foundation
import Testing
@testable import WesdbgCLI

/// Issue 12 items 7–9 end to end: mocking a failing transfer, saving a bundle, replaying it with
/// `run` and `debug`, several bundles as regression tests, and edits that replay.
@Suite struct BundleTests {
    static let insufficient = CLIFixtures.sample("token/transfer_insufficient.snapshot.json")

    func session(_ arguments: [String]) throws -> DebugSession { try DebugCommand.parse(arguments).makeSession() }

    func transcript(_ session: DebugSession, _ commands: [String]) -> (text: String, valid: Bool) {
        var text = ""
        let valid = DebugCommand.runBatch(session: session, commands: commands) { text += $0 }
        return (text, valid)
    }

    /// The samples/README.md walkthrough.
    @Test func aMockedTransferSavedAsABundleReplaysAnywhere() throws {
        let dir = try CLIFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let bundle = dir + "/bug"
        let (text, valid) = transcript(try session([Self.insufficient]), [
            "break host execute_utxo_transfer", "continue", "return 1", "hostlog", "continue", "draft", "save --bundle \(bundle)",
        ])
        #expect(valid)
        #expect(text == """
            (wesdbg) break host execute_utxo_transfer
            breakpoint 1: host call execute_utxo_transfer
            (wesdbg) continue
            breakpoint 1: host call execute_utxo_transfer(from=70928 "0x8209c622d851832908d7089992787a9f1a39ffe5", to=1189 "0xc1d73080c71c19539eb4f22cf2cb85cc820817a3", amount=1500, token=1156 "GOLD", token_len=4)
            paused at transfer+0x496 (offset 0x76e), step 10560
            => 0x76e  call 5 <wes_execute_utxo_transfer>
            (wesdbg) return 1
            host call execute_utxo_transfer skipped, returning i32:1
            paused at transfer+0x49c (offset 0x774), step 10561
            => 0x774  br_if 0
            (wesdbg) hostlog
            1. get_contract_params_len() -> i32:65
            2. get_contract_params(out=1168) -> i32:65
            3. get_current_transaction() -> i32:1
            4. get_caller(out=70928) -> i32:42
            5. execute_utxo_transfer(from=70928, to=1189, amount=1500, token=1156, token_len=4) -> i32:1 (mocked)
            (wesdbg) continue
            finished: success, step 12563
            returned i32:0
            (wesdbg) draft
            inputs: (none)
            outputs: (none)
            state writes: (none)
            events:
              + "Transfer" "{\\"amount\\":1500,\\"from\\":\\"0x8209c622d851832908d7089992787a9f1a39ffe"… (132 bytes, fnv1a e5c2548f780986c4)
            return data:
              + "{\\"amount\\":1500,\\"from\\":\\"0x8209c622d851832908d7089992787a9f1a39ffe"… (132 bytes, fnv1a e5c2548f780986c4)
            (wesdbg) save --bundle \(bundle)
            saved bundle \(bundle) (expect success code 0; 1 edit, which run and debug replay): \(bundle)/snapshot.json, \(bundle)/module.wasm, \(bundle)/commands.txt

            """)
        // The module is a copy, its digest recorded; the edit is the return; the commands a batch script.
        let module = try Data(contentsOf: URL(fileURLWithPath: CLIFixtures.sample("token/token.wasm")))
        #expect(try Data(contentsOf: URL(fileURLWithPath: bundle + "/module.wasm")) == module)
        let saved = try ChainSnapshot.load(path: bundle + "/snapshot.json")
        #expect(saved.code == .file("module.wasm"))
        #expect(saved.codeSHA256 == SHA256.digest([UInt8](module)))
        #expect(saved.edits == [SnapshotEdit(step: 10560, action: .returnValues(["i32:1"]))])
        #expect(saved.expect == Expectation(status: .success, code: 0))
        #expect(try String(contentsOfFile: bundle + "/commands.txt", encoding: .utf8) == """
            # The commands typed in the wesdbg session that saved this bundle, as a --batch script.
            # snapshot.json replays the session's changes by itself (its edits); this is for reading,
            # or for `wesdbg debug DIR --batch DIR/commands.txt`. Refused commands and saves are commented out.
            break host execute_utxo_transfer
            continue
            return 1
            hostlog
            continue
            draft

            """)

        // Replayed from anywhere: the directory moves, the run still matches.
        let moved = dir + "/elsewhere"
        try FileManager.default.moveItem(atPath: bundle, toPath: moved)
        let run = try CLIFixtures.run([moved])
        #expect(run.status == 0)
        #expect(run.errors == "")
        #expect(run.output.hasPrefix("status: success (code 0)\nresults: i32:0\nfuel: 13120 used of 10000000\nhost calls: 7\ndraft (committed):\n"))
        #expect(run.output.hasSuffix("edits: 1 applied\nexpect: matches ({\"status\":\"success\",\"code\":0})\n"))
        let json = try JSONValue.parse(try CLIFixtures.run([moved, "--json"]).output)
        #expect(json["edits"]?.compactText == #"{"applied":1,"unreached":[]}"#)
        #expect(json["expect"]?["matches"] == .bool(true))
        // Without the edit the call still fails as the snapshot says.
        #expect(try CLIFixtures.run([Self.insufficient, "--json"]).output.contains("\"edits\"") == false)

        // debug DIR replays the edit at its step.
        let (replay, ok) = transcript(try session([moved]), ["break host execute_utxo_transfer", "continue", "next", "hostlog", "info edits"])
        #expect(ok)
        #expect(replay.contains("""
            (wesdbg) continue
            breakpoint 1: host call execute_utxo_transfer(from=70928 "0x8209c622d851832908d7089992787a9f1a39ffe5", to=1189 "0xc1d73080c71c19539eb4f22cf2cb85cc820817a3", amount=1500, token=1156 "GOLD", token_len=4) [mocked]
            paused at transfer+0x496 (offset 0x76e), step 10560
            => 0x76e  call 5 <wes_execute_utxo_transfer>
            edits[0] applied: step 10560: return i32:1
            """))
        #expect(replay.contains("5. execute_utxo_transfer(from=70928, to=1189, amount=1500, token=1156, token_len=4) -> i32:1 (mocked)\n"))
        #expect(replay.hasSuffix("(wesdbg) info edits\nedits of the snapshot:\n  edits[0] step 10560: return i32:1  [applied]\n"))

        // profile makes the edits too.
        var profiled = "", profileErrors = ""
        #expect(try ProfileCommand.parse([moved]).execute(output: &profiled, errors: &profileErrors) == 0)
        #expect(profiled.contains("\ntotal                                13120  100.0%\n"))
        #expect(profiled.hasSuffix("status: success (code 0)\nfuel: 13120 used of 10000000\nedits: 1 applied\n"))

        // A changed module is refused.
        var bytes = [UInt8](module)
        bytes.append(0)
        try Data(bytes).write(to: URL(fileURLWithPath: moved + "/module.wasm"))
        let changed = try CLIFixtures.run([moved])
        #expect(changed.status == 2)
        #expect(changed.errors == "\(moved)/snapshot.json: contract.sha256: the module's SHA-256 is \(SHA256.hex(bytes)), not the recorded \(SHA256.hex([UInt8](module))): the module changed since this was saved\n")
    }

    @Test func severalBundlesRunAsRegressionTests() throws {
        let dir = try CLIFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = transcript(try session([Self.insufficient]), ["mock host execute_utxo_transfer 1", "save --bundle \(dir)/mocked"])
        _ = transcript(try session([Self.insufficient]), ["save --bundle \(dir)/plain"])
        let transfer = CLIFixtures.sample("token/transfer.snapshot.json")
        let all = try CLIFixtures.run(["\(dir)/mocked", "\(dir)/plain", transfer])
        #expect(all.status == 0)
        #expect(all.errors == "")
        #expect(all.output == """
            PASS \(dir)/mocked ({"status":"success","code":0}; 1 edit applied)
            PASS \(dir)/plain ({"status":"failure","code":2})
            PASS \(transfer) ({"status":"success","code":0})
            3 passed, 0 failed

            """)
        // A regression (the expect no longer matches) exits 3; bad input 2, and the others still run.
        var text = try String(contentsOfFile: "\(dir)/plain/snapshot.json", encoding: .utf8)
        text = text.replacingOccurrences(of: #""expect": { "status": "failure", "code": 2 }"#, with: #""expect": { "status": "failure", "code": 3 }"#)
        try CLIFixtures.write(text, to: "\(dir)/plain/snapshot.json")
        let regressed = try CLIFixtures.run(["\(dir)/mocked", "\(dir)/plain"])
        #expect(regressed.status == 3)
        #expect(regressed.output == """
            PASS \(dir)/mocked ({"status":"success","code":0}; 1 edit applied)
            FAIL \(dir)/plain: expected {"status":"failure","code":3}, got {"status":"failure","code":2}
            1 passed, 1 failed

            """)
        let bad = try CLIFixtures.run(["\(dir)/mocked", "\(dir)/missing", dir])
        #expect(bad.status == 2)
        #expect(bad.output == "PASS \(dir)/mocked ({\"status\":\"success\",\"code\":0}; 1 edit applied)\nFAIL \(dir)/missing: bad input\nFAIL \(dir): bad input\n1 passed, 2 failed\n")
        #expect(bad.errors == "\(dir)/missing: no such file\n\(dir): not a bug bundle: the directory has no snapshot.json (save --bundle DIR writes one)\n")
        let json = try CLIFixtures.run(["\(dir)/mocked", "\(dir)/plain", "--json"])
        #expect(json.status == 2)
        #expect(json.errors == "--json: takes one FILE (2 given)\n")
    }

    /// Item 8: `save` after a change wrote a snapshot whose own expect failed on replay.
    @Test func aSavedChangeReplaysToTheSavedOutcome() throws {
        let dir = try CLIFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let transfer = CLIFixtures.sample("token/transfer.snapshot.json")
        let (text, valid) = transcript(try session([transfer]), [
            "stepi 5", "set fuel 100", "save \(dir)/oof.json", "continue", "set fuel 200000", "break host execute_utxo_transfer", "continue",
            "set local 0 7", "save \(dir)/changed.json",
        ])
        #expect(valid)
        #expect(text.contains("saved \(dir)/oof.json (expect trap out_of_fuel; 1 edit, which run and debug replay)\n"))
        #expect(text.contains("saved \(dir)/changed.json (expect success code 0; 3 edits, which run and debug replay)\n"))
        let oof = try CLIFixtures.run(["\(dir)/oof.json"])
        #expect(oof.status == 1)
        #expect(oof.output.contains("trap: out_of_fuel: out of fuel in transfer at offset 0x309\nfuel: 62 used of 100\n"))
        #expect(oof.output.hasSuffix("edits: 1 applied\nexpect: matches ({\"status\":\"trap\",\"trap\":\"out_of_fuel\"})\n"))
        let changed = try CLIFixtures.run(["\(dir)/changed.json", "--json"])
        #expect(changed.status == 0)
        let json = try JSONValue.parse(changed.output)
        #expect(json["edits"]?.compactText == #"{"applied":3,"unreached":[]}"#)
        #expect(json["fuel"]?.compactText == #"{"limit":200000,"used":12945}"#)
        #expect(try ChainSnapshot.load(path: "\(dir)/changed.json").edits == [
            SnapshotEdit(step: 5, action: .fuel(100)), SnapshotEdit(step: 13, action: .fuel(200_000)),
            SnapshotEdit(step: 10395, action: .set("local 0 i32:7")),
        ])
    }

    @Test func editsThatCannotBeMadeAreBadInputAndUnreachedOnesAreReported() throws {
        let dir = try CLIFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let transfer = CLIFixtures.sample("token/transfer.snapshot.json")
        let original = try String(contentsOfFile: transfer, encoding: .utf8)
        func write(_ name: String, _ edits: String) throws -> String {
            let text = original.replacingOccurrences(of: #""code": "token.wasm""#, with: #""code": "\#(CLIFixtures.sample("token/token.wasm"))""#)
                .replacingOccurrences(of: "\n  \"expect\"", with: "\n  \"edits\": \(edits),\n  \"expect\"")
            try CLIFixtures.write(text, to: "\(dir)/\(name).json")
            return "\(dir)/\(name).json"
        }
        let notHost = try write("nothost", #"[{"step":3,"return":["1"]}]"#)
        let run = try CLIFixtures.run([notHost])
        #expect(run.status == 2)
        #expect(run.errors == "\(notHost): edits[0].return: not stopped before a host call (break host NAME stops before one); return skips host calls only\n")
        let debug = DebugCommand.editProblems(try session([notHost]), file: notHost)
        #expect(debug.error == "\(notHost): edits[0].return: not stopped before a host call (break host NAME stops before one); return skips host calls only")
        let noLocal = try write("nolocal", #"[{"step":3,"set":"local 99 1"}]"#)
        #expect(try CLIFixtures.run([noLocal]).errors == "\(noLocal): edits[0].set: no local.99 in transfer (it has 12)\n")
        let malformed = try write("malformed", #"[{"step":3,"fuel":1},{"step":"4","fuel":1}]"#)
        let bad = try CLIFixtures.run([malformed])
        #expect(bad.status == 2)
        #expect(bad.errors == "\(malformed): edits[1].step: expected an integer, found a string\n")
        let late = try write("late", #"[{"step":3,"set":"local 1 1"},{"step":900000,"fuel":5}]"#)
        let report = try CLIFixtures.run([late])
        #expect(report.status == 0)
        #expect(report.output.contains("edits: 1 applied\nedits[1]: step 900000 never reached (the call ended at step 12348)\n"))
        #expect(try JSONValue.parse(try CLIFixtures.run([late, "--json"]).output)["edits"]?.compactText
                == #"{"applied":1,"unreached":[{"edit":1,"step":900000}]}"#)
        let warned = DebugCommand.editProblems(try session([late]), file: late)
        #expect(warned.error == nil)
        #expect(warned.warnings == ["wesdbg: \(late): warning: edits[1]: step 900000 is never reached (the call ends at step 12348)"])
        let traced = try CLIFixtures.run([late, "--trace", "\(dir)/t.jsonl"])
        #expect(traced.status == 2)
        #expect(traced.errors == "\(late): --trace does not replay the snapshot's edits (2); trace it without them, or debug it\n")
    }

    @Test func saveBundleRefusesWhatItCannotWrite() throws {
        let dir = try CLIFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try CLIFixtures.write("x", to: "\(dir)/file")
        let session = try session([Self.insufficient])
        #expect(session.execute("save --bundle").output == "usage: save --bundle DIR")
        #expect(session.execute("save --bundle \(dir)/no/such").output == "save --bundle: cannot write \(dir)/no/such: its parent directory does not exist")
        #expect(session.execute("save --bundle \(dir)/file").output == "save --bundle: cannot write \(dir)/file: it exists and is not a directory")
        _ = session.must("save --bundle \(dir)/b")
        // Saving a bundle opened from that bundle would overwrite its inputs.
        let again = try self.session(["\(dir)/b"])
        #expect(again.execute("save --bundle \(dir)/b").output
                == "save --bundle: cannot write \(dir)/b/snapshot.json: it is an input of this session (snapshot or module); choose another directory")
        #expect(again.execute("save --bundle \(dir)/c").isError == false)
    }
}

extension DebugSession {
    @discardableResult
    func must(_ command: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let result = execute(command)
        #expect(!result.isError, "\(command): \(result.output)", sourceLocation: sourceLocation)
        return result.output
    }
}
