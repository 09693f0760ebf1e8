import Foundation
import Testing
@testable import WesdbgCLI
import ContractHost

/// Paths and helpers shared by the run/inspect CLI tests.
enum CLIFixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static func sample(_ path: String) -> String { packageRoot + "/samples/" + path }

    /// A fresh temporary directory for files a test writes.
    static func temporaryDirectory() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("wesdbg-host-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    static func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
        let command = try RunCommand.parse(arguments)
        var output = "", errors = ""
        let status = command.execute(output: &output, errors: &errors)
        return (status, output, errors)
    }

    static let contractWAT = """
        (module
          (import "env" "get_caller" (func $get_caller (param i32) (result i32)))
          (import "env" "set_return_data" (func $set_return_data (param i32 i32)))
          (memory (export "memory") 1)
          (func (export "main") (result i32)
            (drop (call $get_caller (i32.const 0x100)))
            (call $set_return_data (i32.const 0x100) (i32.const 42))
            (i32.const 0))
          (func (export "div") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
          (func (export "fail") (result i32) (i32.const 4)))
        """
}

@Suite struct RunCommandTests {
    @Test func successExitsZeroWithJSON() throws {
        let r = try CLIFixtures.run([CLIFixtures.sample("token/transfer.snapshot.json"), "--json"])
        #expect(r.status == 0)
        #expect(r.errors == "")
        let json = try JSONValue.parse(r.output)
        #expect(json["status"] == .string("success"))
        #expect(json["expect"]?["matches"] == .bool(true))
    }

    @Test func failureAndTrapExitOne() throws {
        #expect(try CLIFixtures.run([CLIFixtures.sample("token/transfer_insufficient.snapshot.json")]).status == 1)
        #expect(try CLIFixtures.run([CLIFixtures.sample("token/transfer_out_of_fuel.snapshot.json"), "--json"]).status == 1)
    }

    @Test func aMissedExpectExitsThree() throws {
        // Expected failure that still fails: 1; a replay that misses `expect`: 3, whichever way.
        #expect(try CLIFixtures.run([CLIFixtures.sample("token/transfer_insufficient.snapshot.json")]).status == 1)
        let starved = try CLIFixtures.run([CLIFixtures.sample("token/transfer.snapshot.json"), "--fuel", "100"])
        #expect(starved.status == 3)
        #expect(starved.output.contains("expect: DOES NOT MATCH: expected {\"status\":\"success\",\"code\":0}, got {\"status\":\"trap\",\"trap\":\"out_of_fuel\"}\n"))
        let fed = try CLIFixtures.run([CLIFixtures.sample("token/transfer_out_of_fuel.snapshot.json"), "--fuel", "10000000", "--json"])
        #expect(fed.status == 3)
        #expect(try JSONValue.parse(fed.output)["expect"]?["matches"] == .bool(false))
    }

    @Test func bareModuleWithCallOptions() throws {
        let dir = try CLIFixtures.temporaryDirectory()
        let wat = dir + "/c.wat"
        try CLIFixtures.write(CLIFixtures.contractWAT, to: wat)
        let ok = try CLIFixtures.run([wat, "--call", "main", "--caller", "0x00000000000000000000000000000000000000aa", "--json"])
        #expect(ok.status == 0)
        #expect(try JSONValue.parse(ok.output)["draft"]?["returnData"]?["text"] == .string("0x00000000000000000000000000000000000000aa"))
        let div = try CLIFixtures.run([wat, "--call", "div", "--args", "i32:7", "i32:-2"])
        #expect(div.status == 0)
        #expect(div.output == """
            status: success
            results: i32:-3
            fuel: 4 used of 10000000
            host calls: 0
            draft (committed): empty

            """)
        let trap = try CLIFixtures.run([wat, "--call", "div", "--args", "i32:7", "i32:0", "--fuel", "100"])
        #expect(trap.status == 1)
        #expect(trap.output.contains("trap: integer_divide_by_zero: integer divide by zero in div at offset 0x"))
        #expect(try CLIFixtures.run([wat, "--call", "fail"]).status == 1)
        let missing = try CLIFixtures.run([wat])
        #expect(missing.status == 2)
        #expect(missing.errors == "\(wat): --call is required: the module exports 3 functions (main, div, fail)\n")
    }

    @Test func badInputExitsTwoWithOneLine() throws {
        let dir = try CLIFixtures.temporaryDirectory()
        let r = try CLIFixtures.run([dir + "/nope.snapshot.json"])
        #expect(r.status == 2)
        #expect(r.errors == "\(dir)/nope.snapshot.json: no such file\n")
        try CLIFixtures.write(#"{"version":1,"block":{"height":1,"timestamp":0},"contract":{"address":"0x1","code":"c.wasm"}}"#, to: dir + "/bad.json")
        let bad = try CLIFixtures.run([dir + "/bad.json", "--json"])
        #expect(bad.status == 2)
        #expect(bad.output == "")
        #expect(bad.errors == "\(dir)/bad.json: contract.address: expected a 42-character 0x address\n")
        let wat = dir + "/c.wat"
        try CLIFixtures.write(CLIFixtures.contractWAT, to: wat)
        let params = try CLIFixtures.run([wat, "--call", "main", "--params", "{\"a\":}"])
        #expect(params.status == 2)
        #expect(params.errors == "--params: line 1, column 6: invalid JSON: unexpected character '}'\n")
        let args = try CLIFixtures.run([wat, "--call", "div", "--args", "i32:1"])
        #expect(args.errors == "\(wat): --args: div takes (i32, i32) but the args give (i32)\n")
        try CLIFixtures.write("(module (import \"env\" \"get_caller\" (func (param i64) (result i32))) (memory (export \"memory\") 1) (func (export \"main\") (result i32) (i32.const 0)))", to: dir + "/abi.wat")
        let abi = try CLIFixtures.run([dir + "/abi.wat"])
        #expect(abi.status == 2)
        #expect(abi.errors == "\(dir)/abi.wat: ABI error: import env.get_caller: the contract declares (i64) -> (i32), the host offers (i32) -> (i32)\n")
        try CLIFixtures.write("(module (func", to: dir + "/broken.wat")
        let broken = try CLIFixtures.run([dir + "/broken.wat"])
        #expect(broken.status == 2)
        #expect(broken.errors.hasPrefix("\(dir)/broken.wat: "))
        #expect(broken.errors.filter { $0 == "\n" }.count == 1)
    }

    @Test func saveFailureWritesAReplayableSnapshot() throws {
        let dir = try CLIFixtures.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir + "/code", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: dir + "/saved", withIntermediateDirectories: true)
        let wat = dir + "/code/c.wat"
        try CLIFixtures.write(CLIFixtures.contractWAT, to: wat)
        let out = dir + "/saved/fail.json"
        let r = try CLIFixtures.run([wat, "--call", "div", "--args", "i32:7", "i32:0", "--save-failure", out])
        #expect(r.status == 1)
        #expect(r.output.hasSuffix("saved: \(out)\n"))
        let saved = try ChainSnapshot.load(path: out)
        #expect(saved.code == .file("../code/c.wat"))
        #expect(saved.expect == Expectation(status: .trap, trap: .integerDivideByZero))
        let replay = try CLIFixtures.run([out, "--json"])
        #expect(replay.status == 1)
        #expect(try JSONValue.parse(replay.output)["expect"]?["matches"] == .bool(true))
        let success = try CLIFixtures.run([wat, "--call", "main", "--save-failure", dir + "/none.json"])
        #expect(success.status == 0)
        #expect(success.errors == "\(dir)/none.json: not written: the call succeeded\n")
        #expect(!FileManager.default.fileExists(atPath: dir + "/none.json"))
    }

    @Test func saveFailureKeepsInlineCodeInline() throws {
        let dir = try CLIFixtures.temporaryDirectory()
        let snapshot = """
            {"version":1,"block":{"height":1,"timestamp":0},
             "contract":{"address":"0x00000000000000000000000000000000000c0de1","code":{"hex":"0061736d01000000010401600000030201000503010001070801046d61696e00000a05010300000b"}},
             "caller":"0x00000000000000000000000000000000000ca11e","state":{"k":{"hex":"ff"}},"call":{"function":"main","fuel":0},
             "description":"runs out of fuel at once"}
            """
        try CLIFixtures.write(snapshot, to: dir + "/s.json")
        let r = try CLIFixtures.run([dir + "/s.json", "--save-failure", dir + "/out.json"])
        #expect(r.status == 1)
        let text = try String(contentsOfFile: dir + "/out.json", encoding: .utf8)
        #expect(text.contains(#""code": { "hex": "0061736d01000000010401600000030201000503010001070801046d61696e00000a05010300000b" }"#))
        #expect(text.contains(#""state": { "k": { "hex": "ff" } }"#))
        #expect(text.contains(#""expect": { "status": "trap", "trap": "out_of_fuel" }"#))
        #expect(text.hasPrefix("{\n  \"version\": 1,\n  \"description\": \"runs out of fuel at once\",\n"))
    }

    @Test func traceWritesOneJSONLinePerStep() throws {
        let dir = try CLIFixtures.temporaryDirectory()
        let wat = dir + "/c.wat"
        try CLIFixtures.write(CLIFixtures.contractWAT, to: wat)
        let r = try CLIFixtures.run([wat, "--call", "main", "--trace", dir + "/t.jsonl"])
        #expect(r.status == 0)
        let lines = try String(contentsOfFile: dir + "/t.jsonl", encoding: .utf8).split(separator: "\n")
        // 8 instructions (const, call, drop, const, const, call, const, return), 2 host calls, the end record
        #expect(lines.count == 11)
        #expect(try lines.dropLast().allSatisfy { try JSONValue.parse(String($0))["step"] != nil })
        #expect(lines.filter { $0.contains("\"hostCall\"") }.count == 2)
        #expect(lines[9].contains("\"opcode\":\"return\""))
        #expect(lines.last == #"{"end":"success","code":0,"results":["i32:0"],"steps":8,"fuel":128,"hostCalls":2}"#)
    }

    @Test func traceEndsWithHowTheCallEnded() throws {
        let dir = try CLIFixtures.temporaryDirectory()
        let r = try CLIFixtures.run([CLIFixtures.sample("token/transfer_out_of_fuel.snapshot.json"), "--trace", dir + "/t.jsonl"])
        #expect(r.status == 1)
        let lines = try String(contentsOfFile: dir + "/t.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 190) // 187 instructions (the last one traps), 2 host calls, the end record
        #expect(lines.last == #"{"end":"trap","trap":"out_of_fuel","message":"out of fuel","function":"wes_json_skip","offset":5682,"steps":186,"fuel":300,"hostCalls":2}"#)
    }

    @Test func traceValuesShowPopsPushesAndMemory() throws {
        let dir = try CLIFixtures.temporaryDirectory()
        try CLIFixtures.write("""
            (module
              (import "env" "get_caller" (func $get_caller (param i32) (result i32)))
              (memory (export "memory") 1)
              (func $add (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
              (func (export "main") (result i32)
                (i32.store (i32.const 16) (call $add (i32.const 2) (i32.const 3)))
                (drop (call $get_caller (i32.const 0x100)))
                (drop (i32.load (i32.const 16)))
                (i32.const 0)))
            """, to: dir + "/v.wat")
        let r = try CLIFixtures.run([dir + "/v.wat", "--trace", dir + "/t.jsonl", "--trace-values"])
        #expect(r.status == 0)
        let lines = try String(contentsOfFile: dir + "/t.jsonl", encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.count == 19)
        // A wasm call pops its arguments and pushes nothing (they become the callee's locals); its return pushes in the caller.
        #expect(lines[3] == #"{"step":3,"function":"main","offset":94,"opcode":"call","fuel":8,"pop":["i32:2","i32:3"],"push":[]}"#)
        #expect(lines[6] == #"{"step":6,"function":"add","offset":84,"opcode":"i32.add","fuel":11,"pop":["i32:2","i32:3"],"push":["i32:5"]}"#)
        #expect(lines[7] == #"{"step":7,"function":"add","offset":85,"opcode":"return","fuel":12,"pop":["i32:5"],"push":["i32:5"]}"#)
        #expect(lines[8] == #"{"step":8,"function":"main","offset":96,"opcode":"i32.store","fuel":13,"pop":["i32:16","i32:5"],"push":[],"writes":[{"address":16,"length":4,"hex":"05000000"}]}"#)
        #expect(lines[10].hasPrefix(#"{"step":10,"function":"main","offset":102,"opcode":"call","fuel":70,"pop":["i32:256"],"push":["i32:42"],"writes":[{"address":256,"length":42,"hex":"3078"#))
        #expect(lines[14] == #"{"step":13,"function":"main","offset":107,"opcode":"i32.load","fuel":73,"pop":["i32:16"],"push":["i32:5"],"reads":[{"address":16,"length":4,"hex":"05000000"}]}"#)
        #expect(lines.last == #"{"end":"success","code":0,"results":["i32:0"],"steps":17,"fuel":76,"hostCalls":1}"#)
        let alone = try CLIFixtures.run([dir + "/v.wat", "--trace-values"])
        #expect(alone.status == 2)
        #expect(alone.errors == "--trace-values: needs --trace OUT.jsonl\n")
    }

    @Test func tracingDoesNotChangeTheResult() throws {
        let dir = try CLIFixtures.temporaryDirectory()
        for sample in ["token/transfer.snapshot.json", "registry/increment_out_of_fuel.snapshot.json", "teach/trap_host.snapshot.json"] {
            let plain = try CLIFixtures.run([CLIFixtures.sample(sample), "--json"])
            let traced = try CLIFixtures.run([CLIFixtures.sample(sample), "--json", "--trace", dir + "/t.jsonl"])
            #expect(plain.output == traced.output, "\(sample)")
            #expect(plain.status == traced.status)
        }
    }

    @Test func humanOutputListsFailedHostCallsWithReasons() throws {
        let r = try CLIFixtures.run([CLIFixtures.sample("token/transfer_from_unauthorized.snapshot.json")])
        #expect(r.status == 1)
        #expect(r.output.contains("status: failure (code 3)\n"))
        #expect(r.output.contains("draft (discarded): empty\n"))
        #expect(r.output.contains("failed host calls:\n  #5 execute_utxo_transfer(from=\"0x"))
        #expect(r.output.hasSuffix("-> i32:0 failed: not authorized: 0xc1d73080c71c19539eb4f22cf2cb85cc820817a3 is neither the caller nor the contract\n"))
    }

    @Test func missingCodeIsTheSnapshotsError() throws {
        let dir = try CLIFixtures.temporaryDirectory()
        try CLIFixtures.write("""
            {"version":1,"block":{"height":1,"timestamp":0},"contract":{"address":"0x00000000000000000000000000000000000c0de1","code":"gone.wasm"},
             "caller":"0x00000000000000000000000000000000000ca11e","call":{"function":"main"}}
            """, to: dir + "/s.json")
        let r = try CLIFixtures.run([dir + "/s.json"])
        #expect(r.status == 2)
        #expect(r.errors == "\(dir)/s.json: contract.code: \(dir)/gone.wasm: no such file\n")
        try CLIFixtures.write("not wasm", to: dir + "/gone.wasm")
        let bad = try CLIFixtures.run([dir + "/s.json"])
        #expect(bad.status == 2)
        // The snapshot given on the command line comes first, then the module (issue 10 item 10).
        #expect(bad.errors.hasPrefix("\(dir)/s.json: contract.code: \(dir)/gone.wasm: byte offset 0x4: malformed module: "))
    }

    @Test func savedSnapshotRoundTripsEveryField() throws {
        let dir = try CLIFixtures.temporaryDirectory()
        let source = CLIFixtures.sample("nft/mint_no_hash.snapshot.json")
        let original = try ChainSnapshot.load(path: source)
        let r = try CLIFixtures.run([source, "--save-failure", dir + "/saved.json", "--json"])
        #expect(r.status == 1)
        let saved = try ChainSnapshot.load(path: dir + "/saved.json")
        #expect(saved.block == original.block)
        #expect(saved.contractAddress == original.contractAddress)
        #expect(saved.caller == original.caller)
        #expect(saved.utxos == original.utxos)
        #expect(saved.state == original.state)
        #expect(saved.call == original.call)
        #expect(saved.expect == original.expect)
        #expect(saved.codePath.map { URL(fileURLWithPath: $0).standardized.path } == original.codePath.map { URL(fileURLWithPath: $0).standardized.path })
        #expect(try CLIFixtures.run([dir + "/saved.json", "--json"]).output == r.output)
    }
}
