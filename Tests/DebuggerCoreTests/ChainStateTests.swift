import ContractHost
import Foundation
import Testing
@testable import DebuggerCore

/// `state` and `utxos`: the snapshot overlaid with the draft, what the call touched marked.
@Suite struct ChainStateTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    static func session(_ sample: String) throws -> DebugSession {
        let snapshot = try ChainSnapshot.load(path: root + "/samples/" + sample)
        return try DebugSession(target: ContractTarget(snapshot: snapshot, module: try snapshot.loadModule()))
    }

    @Test func stateShowsTheSnapshotThenWhatTheCallReadAndWrote() throws {
        let session = try Self.session("registry/increment.snapshot.json")
        #expect(session.must("state") == "\"counter\" = \"41\"")
        session.must("break host state_set")
        session.must("continue")
        #expect(session.must("state") == "\"counter\" = \"41\"  [read]")
        session.must("next")
        #expect(session.must("state") == "\"counter\" = \"42\"  [read, written (was \"41\")]")
        #expect(session.must("state counter") == "\"counter\" = \"42\"  [read, written (was \"41\")]")
        // A quoted prefix works too; a whole quoted key ending in * is that exact key.
        #expect(session.must("state \"count\"*") == "\"counter\" = \"42\"  [read, written (was \"41\")]")
        #expect(session.must("state \"count*\"") == "\"count*\": no value (state_get fails, state_exists returns 0)")
        #expect(session.must("state cou*") == "\"counter\" = \"42\"  [read, written (was \"41\")]")
        #expect(session.must("state x*") == "(no state key starts with \"x\")")
        #expect(session.must("state nope") == "\"nope\": no value (state_get fails, state_exists returns 0)")
        let chain = try #require(session.snapshot.chain)
        #expect(chain.touchedCount == 1)
        var counter = SessionSnapshot.Chain.StateEntry(key: "\"counter\"", rawKey: Array("counter".utf8), value: "\"42\"", previous: "\"41\"",
                                                       written: true, read: true)
        counter.rawValue = Array("42".utf8)
        #expect(chain.state == [counter])
        // Time travel restores what was read and written.
        session.must("goto 0")
        #expect(session.must("state") == "\"counter\" = \"41\"")
        #expect(session.snapshot.chain?.touchedCount == 0)
    }

    @Test func utxosMarkSpentAndNewCoinsAndGiveTheBalance() throws {
        let session = try Self.session("token/transfer.snapshot.json")
        let sender = "0x8209c622d851832908d7089992787a9f1a39ffe5", receiver = "0xc1d73080c71c19539eb4f22cf2cb85cc820817a3"
        #expect(session.must("utxos \(sender) GOLD") == """
            0x7e2706944a313524d6bda3071718585afda2e0093ea444cbeb3d11f50c08fc2f:0  \(sender)  600 "GOLD"
            0x7e2706944a313524d6bda3071718585afda2e0093ea444cbeb3d11f50c08fc2f:1  \(sender)  400 "GOLD"
            0x99ecad0f5039b76d2fbfa89b681bd15749627fa649f48cfafa7e6b555d769342:0  \(sender)  5000 "GOLD"  [locked]
            balance of \(sender) in "GOLD": 1000
            """)
        session.must("break host execute_utxo_transfer")
        session.must("continue")
        session.must("next")
        #expect(session.must("utxos \(sender) \"GOLD\"") == """
            0x7e2706944a313524d6bda3071718585afda2e0093ea444cbeb3d11f50c08fc2f:0  \(sender)  600 "GOLD"  [spent]
            0x7e2706944a313524d6bda3071718585afda2e0093ea444cbeb3d11f50c08fc2f:1  \(sender)  400 "GOLD"
            0x99ecad0f5039b76d2fbfa89b681bd15749627fa649f48cfafa7e6b555d769342:0  \(sender)  5000 "GOLD"  [locked]
            draft:1  \(sender)  350 "GOLD"  [new]
            balance of \(sender) in "GOLD": 750
            """)
        #expect(session.must("utxos \(receiver)") == """
            0x0437dca955866864324df01ad12cdfee3c9028203ad480826e052e9d7e7a5200:0  \(receiver)  750 native
            draft:0  \(receiver)  250 "GOLD"  [new]
            balance of \(receiver) in "GOLD": 250
            balance of \(receiver) in native: 750
            """)
        #expect(session.must("utxos \(receiver) native") == """
            0x0437dca955866864324df01ad12cdfee3c9028203ad480826e052e9d7e7a5200:0  \(receiver)  750 native
            balance of \(receiver) in native: 750
            """)
        #expect(session.must("utxos").split(separator: "\n").count == 9)
        #expect(session.snapshot.chain?.coins.filter(\.spent).map(\.id) == ["0x7e2706944a313524d6bda3071718585afda2e0093ea444cbeb3d11f50c08fc2f:0"])
    }

    @Test func badArgumentsAndBareModulesAreRefused() throws {
        let session = try Self.session("token/transfer.snapshot.json")
        func error(_ command: String, on s: DebugSession) -> String {
            let r = s.execute(command)
            #expect(r.isError, "\(command)")
            return r.output
        }
        #expect(error("utxos 0x12", on: session) == "utxos: '0x12' is not an address (0x and 40 lowercase hex digits)")
        #expect(error("utxos a b c", on: session) == "usage: utxos [ADDR] [TOKEN]")
        let bare = try makeSession()
        #expect(error("state", on: bare) == "state: no chain state: this is a bare module call")
        #expect(error("utxos", on: bare) == "utxos: no chain state: this is a bare module call")
        #expect(bare.snapshot.chain == nil)
    }
}
