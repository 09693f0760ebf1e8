import Foundation
import Testing
@testable import ContractHost
import WasmVM

@Suite struct SnapshotParsingTests {
    @Test func minimalSnapshotGetsTheDocumentedDefaults() throws {
        let text = """
            {"version":1,"block":{"height":7,"timestamp":9},
             "contract":{"address":"\(Fixtures.contract)","code":"c.wasm"},
             "caller":"\(Fixtures.alice)","call":{"function":"Transfer"}}
            """
        let s = try ChainSnapshot.parse(bytes: Array(text.utf8), file: "dir/s.json", baseDirectory: "dir")
        #expect(s.utxos.isEmpty)
        #expect(s.state.isEmpty)
        #expect(s.block.hashes.isEmpty)
        #expect(s.call.params == .object([]))
        #expect(s.call.args.isEmpty)
        #expect(s.call.fuel == 10_000_000)
        #expect(s.expect == nil)
        #expect(s.codePath == "dir/c.wasm")
        #expect(s.call.canonicalParams == Array("{}".utf8))
    }

    /// Issue 10 item 5: duplicate-key checks scanned the members parsed so far (quadratic;
    /// 100,000 keys took 21 s). No timing here: the shape and a late duplicate are pinned.
    @Test func hundredThousandStateKeysParseAndALateDuplicateIsStillFound() throws {
        let members = (0 ..< 100_000).map { #""k\#($0)":"v\#($0)""# }.joined(separator: ",")
        let s = try ChainSnapshot.parse(bytes: Array(Fixtures.snapshotText(state: "{" + members + "}").utf8), file: "s.json")
        #expect(s.state.count == 100_000)
        #expect(s.state[Array("k99999".utf8)] == Array("v99999".utf8))
        #expect(Fixtures.parseError(Fixtures.snapshotText(state: "{" + members + #","k0":"again"}"#))
            == #"token.snapshot.json: line 3, column 1777856: invalid JSON: duplicate key "k0""#)
    }

    @Test func fullSnapshotParses() throws {
        let text = Fixtures.snapshotText(
            utxos: #"[{"id":"0x01:0","owner":"\#(Fixtures.alice)","amount":18446744073709551615},"#
                + #"{"id":"0x01:1","owner":"\#(Fixtures.bob)","amount":5,"token":"GOLD","lock":{"type":"height","until":2048},"issuer":"\#(Fixtures.contract)"},"#
                + #"{"id":"0x01:2","owner":"\#(Fixtures.bob)","amount":6,"lock":{"type":"delegation","to":"\#(Fixtures.carol)"}}]"#,
            state: #"{"balance:alice":"100","cfg":{"hex":"00ff"}}"#,
            call: #"{"function":"f","params":{"b":1,"a":"é"},"args":["i32:5","i64:-1","f64:1.5"],"fuel":77}"#,
            extra: #","expect":{"status":"trap","trap":"out_of_fuel"}"#)
        let s = try ChainSnapshot.parse(bytes: Array(text.utf8), file: "s.json")
        #expect(s.utxos.count == 3)
        #expect(s.utxos[0].amount == UInt64.max)
        #expect(s.utxos[0].token == "")
        #expect(s.utxos[1].lock == .height(until: 2048))
        #expect(s.utxos[1].issuer == Fixtures.address(Fixtures.contract))
        #expect(s.utxos[2].lock == .delegation(to: Fixtures.address(Fixtures.carol)))
        #expect(s.state[Array("balance:alice".utf8)] == Array("100".utf8))
        #expect(s.state[Array("cfg".utf8)] == [0x00, 0xff])
        #expect(s.call.args == [.i32(5), .i64(UInt64.max), .f64(1.5.bitPattern)])
        #expect(s.call.fuel == 77)
        #expect(String(decoding: s.call.canonicalParams, as: UTF8.self) == #"{"a":"é","b":1}"#)
        #expect(s.block.hashes[1023] == Array(repeating: 0xab, count: 32))
        #expect(s.expect == Expectation(status: .trap, trap: .outOfFuel))
        #expect(s.code == .inline([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]))
    }

    @Test func malformedOwnerNamesFileAndPath() {
        let utxo = { (owner: String) in #"{"id":"u\#(owner.count)","owner":"\#(owner)","amount":1}"# }
        let text = Fixtures.snapshotText(utxos: "[\(utxo(Fixtures.alice)),\(utxo(Fixtures.bob + "0")),\(utxo("0xABC"))]")
        #expect(Fixtures.parseError(text) == "token.snapshot.json: utxos[1].owner: expected a 42-character 0x address")
    }

    @Test func upperCaseAddressIsRefused() {
        let text = Fixtures.snapshotText().replacingOccurrences(of: Fixtures.alice, with: Fixtures.alice.uppercased().replacingOccurrences(of: "0X", with: "0x"))
        #expect(Fixtures.parseError(text) == "token.snapshot.json: caller: expected a 42-character 0x address")
    }

    @Test func duplicateUTXOId() {
        let u = #"{"id":"0xaa:0","owner":"\#(Fixtures.alice)","amount":1}"#
        #expect(Fixtures.parseError(Fixtures.snapshotText(utxos: "[\(u),\(u)]"))
            == #"token.snapshot.json: utxos[1].id: duplicate UTXO id "0xaa:0""#)
    }

    @Test func missingAndMistypedFields() {
        #expect(Fixtures.parseError(Fixtures.snapshotText(call: "{}")) == "token.snapshot.json: call.function: missing")
        // Failed before: the path was cut at the NUL and `token.wasm` loaded instead.
        let nul = Fixtures.snapshotText().replacingOccurrences(of: #"{"hex":"0061736d01000000"}"#, with: #""token.wasm\u0000.wat""#)
        #expect(Fixtures.parseError(nul) == "token.snapshot.json: contract.code: the path contains a NUL character (\\u0000)")
        #expect(Fixtures.parseError(Fixtures.snapshotText(call: #"{"function":3}"#))
            == "token.snapshot.json: call.function: expected a string, found a number")
        #expect(Fixtures.parseError(Fixtures.snapshotText(call: #"{"function":"f","fuel":-1}"#))
            == "token.snapshot.json: call.fuel: expected an integer from 0 to 18446744073709551615")
        #expect(Fixtures.parseError(Fixtures.snapshotText(utxos: #"{"a":1}"#))
            == "token.snapshot.json: utxos: expected an array, found an object")
        #expect(Fixtures.parseError(Fixtures.snapshotText(utxos: #"[{"id":"x","owner":"\#(Fixtures.alice)","amount":"5"}]"#))
            == "token.snapshot.json: utxos[0].amount: expected an integer, found a string")
        #expect(Fixtures.parseError(Fixtures.snapshotText(state: #"{"k":5}"#))
            == #"token.snapshot.json: state.k: expected a string or { "hex": … }, found a number"#)
        #expect(Fixtures.parseError(Fixtures.snapshotText(state: #"{"balance:bob":{"hex":"abc"}}"#))
            == #"token.snapshot.json: state["balance:bob"].hex: expected an even number of hex digits"#)
    }

    @Test func badValuesInNestedObjects() {
        #expect(Fixtures.parseError(Fixtures.snapshotText(utxos: #"[{"id":"x","owner":"\#(Fixtures.alice)","amount":1,"lock":{"type":"forever"}}]"#))
            == #"token.snapshot.json: utxos[0].lock.type: expected "height", "time" or "delegation""#)
        #expect(Fixtures.parseError(Fixtures.snapshotText(utxos: #"[{"id":"x","owner":"\#(Fixtures.alice)","amount":1,"lock":{"type":"time"}}]"#))
            == "token.snapshot.json: utxos[0].lock.until: missing")
        #expect(Fixtures.parseError(Fixtures.snapshotText(call: #"{"function":"f","args":["i33:1"]}"#))
            == #"token.snapshot.json: call.args[0]: expected a typed value such as "i32:5", "i64:-1" or "f64:1.5""#)
        #expect(Fixtures.parseError(Fixtures.snapshotText(extra: #","expect":{"status":"trap","trap":"oops"}"#))?
            .hasPrefix("token.snapshot.json: expect.trap: unknown trap kind (expected one of: unreachable, ") == true)
        #expect(Fixtures.parseError(Fixtures.snapshotText(extra: #","expect":{"status":"fine"}"#))
            == #"token.snapshot.json: expect.status: expected "success", "failure" or "trap""#)
        #expect(Fixtures.parseError(Fixtures.snapshotText(utxos: #"[{"id":"x","owner":"\#(Fixtures.alice)","amount":1,"token":"\#(String(repeating: "T", count: 65))"}]"#))
            == "token.snapshot.json: utxos[0].token: token id longer than 64 bytes")
    }

    @Test func unknownFieldsAndVersion() {
        #expect(Fixtures.parseError(Fixtures.snapshotText(call: #"{"function":"f","fule":5}"#))
            == "token.snapshot.json: call.fule: unknown field (expected one of: args, fuel, function, params)")
        #expect(Fixtures.parseError(Fixtures.snapshotText().replacingOccurrences(of: #""version":1"#, with: #""version":2"#))
            == "token.snapshot.json: version: unsupported version (expected 1)")
        #expect(Fixtures.parseError(Fixtures.snapshotText().replacingOccurrences(of: #""1023""#, with: #""x""#))
            == "token.snapshot.json: block.hashes.x: expected a block height (decimal) as the key")
        #expect(Fixtures.parseError(Fixtures.snapshotText().replacingOccurrences(of: Fixtures.hash, with: "0x12"))
            == "token.snapshot.json: block.hashes[\"1023\"]: expected 0x and 64 hex digits")
    }

    @Test func invalidJSONNamesLineAndColumn() {
        #expect(Fixtures.parseError("{\n  \"version\": 1,\n  \"block\" {}\n}")
            == "token.snapshot.json: line 3, column 11: invalid JSON: expected ':'")
        #expect(Fixtures.parseError("[1, 2]") == "token.snapshot.json: expected a JSON object, found an array")
        #expect(Fixtures.parseError("") == "token.snapshot.json: line 1, column 1: invalid JSON: unexpected end of input")
    }

    @Test func unreadableFiles() {
        #expect(throws: InputError(file: "/nonexistent/x.json", message: "no such file")) {
            try ChainSnapshot.load(path: "/nonexistent/x.json")
        }
        #expect(throws: InputError(file: "/tmp", message: "is a directory, not a file")) {
            try ChainSnapshot.load(path: "/tmp")
        }
    }

    @Test func commandLineSettingsOverrideAndValidate() throws {
        let s = Fixtures.snapshot()
        let t = try s.applying(CallSettings(function: "g", params: #"{"z":1, "a":[1,2]}"#, args: ["i32:7"], caller: Fixtures.bob, fuel: 5, height: 9))
        #expect(t.call.function == "g")
        #expect(String(decoding: t.call.canonicalParams, as: UTF8.self) == #"{"a":[1,2],"z":1}"#)
        #expect(t.call.args == [.i32(7)])
        #expect(t.caller == Fixtures.address(Fixtures.bob))
        #expect(t.call.fuel == 5)
        #expect(t.block.height == 9)
        #expect(throws: InputError(file: "--params", place: "line 1, column 2", message: "invalid JSON: expected a string key")) {
            try s.applying(CallSettings(params: "{x}"))
        }
        #expect(throws: InputError(file: "--caller", message: "expected a 42-character 0x address")) {
            try s.applying(CallSettings(caller: "alice"))
        }
        #expect(throws: InputError(file: "--args", message: "\"5\" is not a typed value such as i32:5, i64:-1, f64:1.5 or v128:i32x4:1,2,3,4")) {
            try s.applying(CallSettings(args: ["5"]))
        }
    }
}
