import Testing
@testable import ContractHost
import WasmVM

@Suite struct ResultJSONTests {
    @Test func successResultHasTheDocumentedShapeAndKeyOrder() {
        var draft = TransactionDraft()
        draft.inputs = ["0xaa:0", "draft:0"]
        for o: TransactionDraft.Output in [
            .asset(.init(owner: Fixtures.address(Fixtures.bob), amount: 10, token: "", lock: nil, issuer: nil)),
            .asset(.init(owner: Fixtures.address(Fixtures.bob), amount: 5, token: "GOLD", lock: .time(until: 9), issuer: Fixtures.address(Fixtures.contract))),
            .state(id: Array("p1".utf8), data: [0xff, 0xad]),
            .resource(kind: "wasm", data: [0x00]),
        ] { draft.append(o) }
        draft.writeState(Array("balance:bob".utf8), Array("100".utf8))
        draft.writeState([0xff], [0x01])
        draft.writeState(Array("balance:bob".utf8), Array("110".utf8))
        draft.events = [.init(name: Array("Transfer".utf8), data: Array("{}".utf8))]
        let r = ExecutionResult(status: .success, code: 0, results: [.i32(0)], trap: nil, trapFunction: nil,
                                fuelLimit: 10_000_000, fuelUsed: 4711, draft: draft, hostCalls: 7, expected: nil)
        #expect(r.jsonText == """
            {
              "status": "success",
              "code": 0,
              "results": ["i32:0"],
              "trap": null,
              "fuel": { "limit": 10000000, "used": 4711 },
              "draft": {
                "committed": true,
                "inputs": ["0xaa:0", "draft:0"],
                "outputs": [
                  {
                    "kind": "asset",
                    "owner": "\(Fixtures.bob)",
                    "amount": 10,
                    "token": "",
                    "lock": null,
                    "issuer": null
                  },
                  {
                    "kind": "asset",
                    "owner": "\(Fixtures.bob)",
                    "amount": 5,
                    "token": "GOLD",
                    "lock": { "type": "time", "until": 9 },
                    "issuer": "\(Fixtures.contract)"
                  },
                  { "kind": "state", "id": "p1", "data": { "hex": "ffad" } },
                  { "kind": "resource", "resourceKind": "wasm", "data": { "hex": "00", "text": "\\u0000" } }
                ],
                "stateWrites": [
                  { "key": "balance:bob", "value": { "hex": "313130", "text": "110" } },
                  { "key": { "hex": "ff" }, "value": { "hex": "01", "text": "\\u0001" } }
                ],
                "events": [
                  { "name": "Transfer", "data": { "hex": "7b7d", "text": "{}" } }
                ],
                "returnData": null
              },
              "hostCalls": 7
            }

            """)
    }

    @Test func trapResultDiscardsTheDraftAndReportsExpect() {
        var draft = TransactionDraft()
        draft.returnData = Array("hi".utf8)
        let r = ExecutionResult(status: .trap, code: nil, results: [], trap: Trap(.outOfFuel, function: 3, offset: 0x3a1),
                                trapFunction: "transfer", fuelLimit: 300, fuelUsed: 299, draft: draft, hostCalls: 2,
                                expected: Expectation(status: .failure, code: 2))
        #expect(r.json.compactText == #"{"status":"trap","code":null,"results":[],"trap":{"kind":"out_of_fuel","message":"out of fuel","function":"transfer","offset":929},"fuel":{"limit":300,"used":299},"draft":{"committed":false,"inputs":[],"outputs":[],"stateWrites":[],"events":[],"returnData":{"hex":"6869","text":"hi"}},"hostCalls":2,"expect":{"matches":false,"expected":{"status":"failure","code":2},"actual":{"status":"trap","trap":"out_of_fuel"}}}"#)
        #expect(r.expectationMatches == false)
    }

    @Test func expectationMatching() {
        let trapFuel = Expectation(status: .trap, trap: .outOfFuel)
        #expect(Expectation(status: .trap).matches(trapFuel))
        #expect(trapFuel.matches(trapFuel))
        #expect(!trapFuel.matches(Expectation(status: .trap, trap: .unreachable)))
        #expect(Expectation(status: .failure, code: 2).matches(Expectation(status: .failure, code: 2)))
        #expect(!Expectation(status: .failure, code: 2).matches(Expectation(status: .failure, code: 3)))
        #expect(!Expectation(status: .success).matches(Expectation(status: .failure, code: 3)))
    }
}
