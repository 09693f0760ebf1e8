import Foundation
import Testing
@testable import ContractHost
import WasmVM

/// A snapshot's `edits` and `contract.sha256` (docs/host.md), SHA-256 itself, and mocked host-call records.
@Suite struct SnapshotEditTests {
    @Test func editsParseAndWriteBackTheSame() throws {
        let edits = #"""
            ,"edits":[{"step":0,"mock":"execute_utxo_transfer i32:1"},{"step":5,"fuel":200000},
                      {"step":12,"set":"local 0 i32:10","frame":1},{"step":12,"set":"mem 0x100 0a0b"},
                      {"step":40,"return":["fail","i32:3"]},{"step":41,"return":[]},{"step":50,"unmock":"all"},
                      {"step":51,"set":"fuel 9"}]
            """#
        let s = try ChainSnapshot.parse(bytes: Array(Fixtures.snapshotText(extra: edits).utf8), file: "s.json")
        #expect(s.edits == [
            SnapshotEdit(step: 0, action: .mock("execute_utxo_transfer i32:1")),
            SnapshotEdit(step: 5, action: .fuel(200_000)),
            SnapshotEdit(step: 12, action: .set("local 0 i32:10"), frame: 1),
            SnapshotEdit(step: 12, action: .set("mem 0x100 0a0b")),
            SnapshotEdit(step: 40, action: .returnValues(["fail", "i32:3"])),
            SnapshotEdit(step: 41, action: .returnValues([])),
            SnapshotEdit(step: 50, action: .unmock("all")),
            SnapshotEdit(step: 51, action: .fuel(9)),
        ])
        #expect(s.edits.map(\.command) == ["mock host execute_utxo_transfer i32:1", "set fuel 200000", "set local 0 i32:10", "set mem 0x100 0a0b",
                                           "return fail i32:3", "return", "unmock all", "set fuel 9"])
        #expect(s.edits[2].text == "step 12: set local 0 i32:10 (frame 1)")
        let saved = s.json(savedAt: "s.json", expect: nil)
        #expect(saved["edits"]?.compactText == #"[{"step":0,"mock":"execute_utxo_transfer i32:1"},{"step":5,"fuel":200000},{"step":12,"set":"local 0 i32:10","frame":1},{"step":12,"set":"mem 0x100 0a0b"},{"step":40,"return":["fail","i32:3"]},{"step":41,"return":[]},{"step":50,"unmock":"all"},{"step":51,"fuel":9}]"#)
        let again = try ChainSnapshot.parse(bytes: Array(saved.prettyText.utf8), file: "s.json")
        #expect(again.edits == s.edits)
        // Without edits nothing is written.
        #expect(Fixtures.snapshot().json(savedAt: "s.json", expect: nil)["edits"] == nil)
    }

    @Test func aMalformedEditNamesItsJSONPath() {
        func error(_ edits: String) -> String? { Fixtures.parseError(Fixtures.snapshotText(extra: #","edits":"# + edits)) }
        #expect(error(#"[{"step":1,"fuel":1},{"step":2,"fuel":2},{"step":"x","fuel":3}]"#)
                == "token.snapshot.json: edits[2].step: expected an integer, found a string")
        #expect(error(#"[{"step":-1,"fuel":1}]"#) == "token.snapshot.json: edits[0].step: expected an integer from 0 to 18446744073709551615")
        #expect(error(#"[{"step":18446744073709551616,"fuel":1}]"#) == "token.snapshot.json: edits[0].step: expected an integer from 0 to 18446744073709551615")
        #expect(error(#"[{"fuel":1}]"#) == "token.snapshot.json: edits[0].step: missing")
        #expect(error(#"[{"step":1}]"#) == "token.snapshot.json: edits[0]: expected one change: set, fuel, return, mock, unmock")
        #expect(error(#"[{"step":1,"fuel":1,"mock":"a 1"}]"#) == "token.snapshot.json: edits[0]: one change per edit (found fuel and mock)")
        #expect(error(#"[{"step":5,"fuel":1},{"step":2,"fuel":1}]"#)
                == "token.snapshot.json: edits[1].step: 2 is before the previous edit's step 5 (edits are in step order)")
        #expect(error(#"[{"step":1,"set":"stack 0 1"}]"#)
                == #"token.snapshot.json: edits[0].set: expected "local N VALUE", "global N|NAME VALUE" or "mem ADDR HEX""#)
        #expect(error(#"[{"step":1,"set":"fuel -1"}]"#) == "token.snapshot.json: edits[0].set: expected a fuel limit from 0 to 18446744073709551615")
        #expect(error(#"[{"step":1,"return":["i32:1","zz"]}]"#)
                == #"token.snapshot.json: edits[0].return[1]: expected a value such as "i32:0" or an integer, or "fail""#)
        #expect(error(#"[{"step":1,"return":"i32:1"}]"#) == "token.snapshot.json: edits[0].return: expected an array, found a string")
        #expect(error(#"[{"step":1,"return":["fail","1","2"]}]"#) == #"token.snapshot.json: edits[0].return: expected ["fail"] or ["fail", CODE]"#)
        #expect(error(#"[{"step":1,"mock":""}]"#) == #"token.snapshot.json: edits[0].mock: expected "NAME RESULT…" or "NAME fail [CODE]""#)
        #expect(error(#"[{"step":1,"unmock":"a b"}]"#) == #"token.snapshot.json: edits[0].unmock: expected an import name or "all""#)
        #expect(error(#"[{"step":1,"fuel":1,"frame":0}]"#) == #"token.snapshot.json: edits[0].frame: only a "set" of a local has a frame"#)
        #expect(error(#"[{"step":1,"set":"local 0 1","frame":4294967296}]"#) == "token.snapshot.json: edits[0].frame: expected a frame number from 0 to 4294967295")
        #expect(error(#"[{"step":1,"fuel":1,"note":"x"}]"#)
                == "token.snapshot.json: edits[0].note: unknown field (expected one of: frame, fuel, mock, return, set, step, unmock)")
        #expect(error(#"{"step":1}"#) == "token.snapshot.json: edits: expected an array, found an object")
    }

    @Test func sha256MatchesTheStandardVectors() {
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex(Array(repeating: UInt8(ascii: "a"), count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func aRecordedModuleDigestIsChecked() throws {
        let bytes: [UInt8] = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]
        func snapshot(_ digest: String) -> String {
            Fixtures.snapshotText().replacingOccurrences(of: #""code":{"hex":"0061736d01000000"}"#,
                                                         with: #""code":{"hex":"0061736d01000000"},"sha256":"\#(digest)""#)
        }
        let good = try ChainSnapshot.parse(bytes: Array(snapshot(SHA256.hex(bytes)).utf8), file: "s.json")
        #expect(good.codeSHA256 == SHA256.digest(bytes))
        #expect(try good.loadModuleAndBytes().bytes == bytes)
        #expect(good.json(savedAt: "s.json", expect: nil)["contract"]?["sha256"] == .string(SHA256.hex(bytes)))
        let wrong = try ChainSnapshot.parse(bytes: Array(snapshot(String(repeating: "0", count: 64)).utf8), file: "s.json")
        #expect(throws: InputError(file: "s.json", place: "contract.sha256",
                                   message: "the module's SHA-256 is \(SHA256.hex(bytes)), not the recorded \(String(repeating: "0", count: 64)): the module changed since this was saved")) {
            _ = try wrong.loadModuleAndBytes()
        }
        #expect(Fixtures.parseError(snapshot("ABC")) == "token.snapshot.json: contract.sha256: expected 64 lowercase hex digits (the module's SHA-256)")
    }

    @Test func aMockedRecordSaysSo() {
        var ok = HostCallRecord(mocked: .executeUTXOTransfer, arguments: [.i32(1), .i32(2), .i64(3), .i32(4), .i32(0)],
                                mock: HostMock(importName: "execute_utxo_transfer", results: [.i32(1)]))
        #expect(ok.summary == "execute_utxo_transfer(from=i32:1, to=i32:2, amount=i64:3, token=i32:4, token_len=i32:0) -> i32:1 (mocked)")
        #expect(ok.json.compactText.hasSuffix(#""results":["i32:1"],"failure":null,"trap":null,"mocked":true}"#))
        #expect(ok.extraFuel == 0)
        ok = HostCallRecord(mocked: .executeUTXOTransfer, arguments: [.i32(1), .i32(2), .i64(3), .i32(4), .i32(0)],
                            mock: HostMock(importName: "execute_utxo_transfer", results: [.i32(0)], fails: true))
        #expect(ok.summary == "execute_utxo_transfer(from=i32:1, to=i32:2, amount=i64:3, token=i32:4, token_len=i32:0) -> i32:0 failed (mocked)")
        #expect(ok.failure == "mocked")
    }
}
