import ContractHost
import Foundation
import Testing
@testable import DebuggerCore

/// `return`, `mock host`, `unmock`, `info mocks`: host calls answered without running, recorded
/// like `set`, replayed by time travel.
@Suite struct MockTests {
    static func session(_ sample: String, edits: [SnapshotEdit] = []) throws -> DebugSession {
        var snapshot = try ChainSnapshot.load(path: ChainStateTests.root + "/samples/" + sample)
        snapshot.edits = edits
        return try DebugSession(target: ContractTarget(snapshot: snapshot, module: try snapshot.loadModule()))
    }

    static let transferCall = "execute_utxo_transfer(from=70928 \"0x8209c622d851832908d7089992787a9f1a39ffe5\", to=1189 \"0xc1d73080c71c19539eb4f22cf2cb85cc820817a3\", amount=1500, token=1156 \"GOLD\", token_len=4)"
    static let mockedRecord = "execute_utxo_transfer(from=70928, to=1189, amount=1500, token=1156, token_len=4) -> i32:1 (mocked)"

    @Test func returnSkipsThePendingHostCall() throws {
        let session = try Self.session("token/transfer_insufficient.snapshot.json")
        session.must("break host execute_utxo_transfer")
        #expect(session.must("continue") == """
            breakpoint 1: host call \(Self.transferCall)
            paused at transfer+0x496 (offset 0x76e), step 10560
            => 0x76e  call 5 <wes_execute_utxo_transfer>
            """)
        let before = session.snapshot
        #expect(session.must("return 1") == """
            host call execute_utxo_transfer skipped, returning i32:1
            paused at transfer+0x49c (offset 0x774), step 10561
            => 0x774  br_if 0
            """)
        let after = session.snapshot
        // Nothing read or written: no draft entry, no memory access, only the call's base fuel.
        #expect(after.hostCalls.last?.text == Self.mockedRecord)
        #expect(after.draft == before.draft)
        #expect(after.memory.lastAccesses.isEmpty)
        #expect(after.fuel.used - before.fuel.used == 50)
        #expect(after.fuel.lastCost == 50)
        #expect(after.stack.first?.value == .i32(1))
        #expect(after.debuggerChanges == ["step 10560: return i32:1"])
        #expect(session.must("continue") == "finished: success, step 12563\nreturned i32:0")
        // The mock was for that call only.
        #expect(session.must("info mocks") == "no mocks (mock host NAME RESULT… sets one)")
    }

    @Test func returnChecksTheResultsAgainstTheImport() throws {
        let session = try Self.session("token/transfer_insufficient.snapshot.json")
        #expect(session.execute("return 1").output == "return: not stopped before a host call (break host NAME stops before one); return skips host calls only")
        session.must("break host execute_utxo_transfer")
        session.must("continue")
        for (command, error) in [
            ("return", "return: execute_utxo_transfer returns (i32): give 1 value (e.g. i32:0), or fail [CODE]"),
            ("return 1 2", "return: execute_utxo_transfer returns (i32): give 1 value (e.g. i32:0), or fail [CODE]"),
            ("return i64:1", "return: 'i64:1' is not an i32 value"),
            ("return 4294967296", "return: '4294967296' is not an i32 (-2147483648...4294967295)"),
            ("return -2147483649", "return: '-2147483649' is not an i32 (-2147483648...4294967295)"),
            ("return fail 1 2", "return: fail takes at most one CODE (what execute_utxo_transfer returns)"),
            ("return abc", "return: 'abc' is not an i32 (-2147483648...4294967295)"),
        ] {
            let result = session.execute(command)
            #expect(result.isError, "\(command)")
            #expect(result.output == error, "\(command)")
        }
        // Refused commands change nothing.
        #expect(session.snapshot.debuggerChanges.isEmpty)
        #expect(session.snapshot.step == 10560)
        #expect(session.must("return fail") == """
            host call execute_utxo_transfer skipped, failing with i32:0
            paused at transfer+0x49c (offset 0x774), step 10561
            => 0x774  br_if 0
            """)
        #expect(session.snapshot.hostCalls.last?.text
                == "execute_utxo_transfer(from=70928, to=1189, amount=1500, token=1156, token_len=4) -> i32:0 failed (mocked)")
    }

    @Test func timeTravelReplaysAReturn() throws {
        let session = try Self.session("token/transfer_insufficient.snapshot.json")
        session.must("break host execute_utxo_transfer")
        session.must("continue")
        session.must("return 1")
        let after = PaneState(session)
        // Back before the call: the pending call is the mocked one, and stepping mocks it again.
        session.must("reverse-stepi")
        #expect(session.snapshot.step == 10560)
        #expect(session.must("hostlog").hasSuffix("next: \(Self.transferCall) [mocked]"))
        #expect(session.snapshot.memory.pendingHostRanges.isEmpty)
        session.must("stepi")
        #expect(PaneState(session) == after)
        session.must("goto 12000")
        session.must("goto 10561")
        #expect(PaneState(session) == after)
        // Going back before the change undoes it, as for set.
        session.must("goto 10000")
        #expect(session.snapshot.debuggerChanges.isEmpty)
        #expect(session.must("continue").hasPrefix("breakpoint 1: host call \(Self.transferCall)\n"))
        session.must("next")
        #expect(session.snapshot.hostCalls.last?.text.hasSuffix("failed: insufficient balance: 0x8209c622d851832908d7089992787a9f1a39ffe5 has 1000 \"GOLD\", needs 1500") == true)
    }

    @Test func mockHostAnswersEveryLaterCallUntilUnmock() throws {
        let session = try Self.session("token/transfer_batch.snapshot.json")
        #expect(session.must("mock host execute_utxo_transfer fail") == "mocked execute_utxo_transfer: every later call fails, returning i32:0, running nothing")
        #expect(session.must("info mocks") == "execute_utxo_transfer fails -> i32:0 (since step 0)")
        #expect(session.snapshot.debuggerChanges == ["step 0: mock host execute_utxo_transfer fail"])
        #expect(session.snapshot.fuel.modified == false)
        session.must("break host execute_utxo_transfer")
        #expect(session.must("continue").hasPrefix("breakpoint 1: host call execute_utxo_transfer(from=70864 \"0x8209c622d851832908d7089992787a9f1a39ffe5\", to=1197 \"0xc1d73080c71c19539eb4f22cf2cb85cc820817a3\", amount=300, token=1156 \"GOLD\", token_len=4) [mocked]\npaused at transfer_batch+0x316 (offset 0x1406), step 8737\n"))
        // A return answers the pending call; the standing mock stays for the later ones.
        session.must("return 1")
        #expect(session.must("continue").hasPrefix("breakpoint 1: host call execute_utxo_transfer(from=70864 \"0x8209c622d851832908d7089992787a9f1a39ffe5\", to=1242 \"0xa5c5334c1b1aff0b090e02dc44f005b99fba7b89\", amount=300, token=1156 \"GOLD\", token_len=4) [mocked]\npaused at transfer_batch+0x316 (offset 0x1406), step 13787\n"))
        #expect(session.must("unmock execute_utxo_transfer") == "unmocked execute_utxo_transfer")
        #expect(session.execute("unmock execute_utxo_transfer").output == "unmock: execute_utxo_transfer is not mocked (info mocks lists the mocks)")
        #expect(session.execute("unmock all").output == "unmock: nothing is mocked")
        #expect(session.snapshot.debuggerChanges == ["step 0: mock host execute_utxo_transfer fail", "step 8737: return i32:1",
                                                     "step 13787: unmock execute_utxo_transfer"])
        session.must("delete")
        #expect(session.must("continue") == "finished: success, step 20921\nreturned i32:0")
        let log = session.snapshot.hostCalls.map(\.text).filter { $0.hasPrefix("execute_utxo_transfer") }
        #expect(log.count == 3)
        #expect(log[0].hasSuffix("-> i32:1 (mocked)"))
        #expect(log[1].hasSuffix("-> i32:1") && !log[1].contains("mocked"))
        // Back before the unmock (made at step 13787, in effect there): the mock stands again.
        session.must("goto 13787")
        #expect(session.must("info mocks") == "no mocks (mock host NAME RESULT… sets one)")
        session.must("goto 13786")
        #expect(session.must("info mocks") == "execute_utxo_transfer fails -> i32:0 (since step 0)")
        #expect(session.must("info edits") == """
            changes made in this session:
              step 0: mock host execute_utxo_transfer fail
              step 8737: return i32:1
            """)
    }

    @Test func mockRefusals() throws {
        let session = try Self.session("token/transfer_batch.snapshot.json")
        for (command, error) in [
            ("mock execute_utxo_transfer 1", "usage: mock host NAME RESULT…|fail [CODE]"),
            ("mock host", "usage: mock host NAME RESULT…|fail [CODE]"),
            ("mock host execute_utxo_transfer 3 4", "mock: execute_utxo_transfer returns (i32): give 1 value (e.g. i32:0), or fail [CODE]"),
            ("mock host set_return_data fail", "mock: set_return_data returns nothing: only a call with one integer result can fail"),
            ("mock host set_return_data 1", "mock: set_return_data returns nothing: give no values"),
            ("mock host nosuch 1", "mock: the module imports no host function 'nosuch' (it imports: get_contract_params_len, get_contract_params, get_current_transaction, get_caller, emit_event, execute_utxo_transfer, query_utxo_balance, set_return_data, get_contract_address)"),
            ("mock host query_utxo_balance 18446744073709551616", "mock: '18446744073709551616' is not an i64 (-9223372036854775808...18446744073709551615)"),
            ("unmock", "usage: unmock NAME|all"),
        ] {
            let result = session.execute(command)
            #expect(result.isError, "\(command)")
            #expect(result.output == error, "\(command)")
        }
        #expect(session.snapshot.debuggerChanges.isEmpty)
        #expect(session.must("mock host set_return_data") == "mocked set_return_data: every later call returns nothing, running nothing")
        #expect(session.must("mock host query_utxo_balance -1") == "mocked query_utxo_balance: every later call returns i64:-1, running nothing")
        #expect(session.must("info mocks") == "set_return_data -> (nothing) (since step 0)\nquery_utxo_balance -> i64:-1 (since step 0)")
        #expect(session.must("unmock all") == "unmocked 2 imports")
        // A bare module's stand-in hosts cannot be mocked.
        let bare = try makeSession()
        #expect(bare.execute("mock host record 1").output == "mock: mocking host calls needs a contract call (a snapshot, or a module run over the host ABI)")
    }

    @Test func snapshotEditsApplyWhenTheirStepIsReached() throws {
        let edits = [SnapshotEdit(step: 0, action: .mock("execute_utxo_transfer i32:1")),
                     SnapshotEdit(step: 5, action: .fuel(200_000)),
                     SnapshotEdit(step: 10560, action: .set("local 0 i32:7"))]
        let session = try Self.session("token/transfer_insufficient.snapshot.json", edits: edits)
        // Step 0's edit is made when the session opens.
        #expect(session.must("info mocks") == "execute_utxo_transfer -> i32:1 (since step 0)")
        #expect(session.must("stepi 5") == """
            paused at transfer+0x17 (offset 0x2ef), step 5
            => 0x2ef  i32.const 1
            edits[1] applied: step 5: set fuel 200000
            """)
        session.must("break host execute_utxo_transfer")
        #expect(session.must("continue") == """
            breakpoint 1: host call \(Self.transferCall) [mocked]
            paused at transfer+0x496 (offset 0x76e), step 10560
            => 0x76e  call 5 <wes_execute_utxo_transfer>
            edits[2] applied: step 10560: set local 0 i32:7
            """)
        #expect(session.snapshot.locals.first?.value == .i32(7))
        #expect(session.must("info edits") == """
            edits of the snapshot:
              edits[0] step 0: mock host execute_utxo_transfer i32:1  [applied]
              edits[1] step 5: set fuel 200000  [applied]
              edits[2] step 10560: set local 0 i32:7  [applied]
            """)
        // Back before an edit and forward again: it is made again.
        session.must("goto 3")
        #expect(session.snapshot.fuel.limit == 10_000_000)
        #expect(session.must("goto 10561").hasSuffix("edits[1] applied: step 5: set fuel 200000\nedits[2] applied: step 10560: set local 0 i32:7"))
        #expect(session.snapshot.fuel.limit == 200_000)
        #expect(session.snapshot.hostCalls.last?.text == Self.mockedRecord)
        // Restart keeps the snapshot's edits (they are the file's), unlike changes made here.
        session.must("restart")
        #expect(session.snapshot.debuggerChanges == ["step 0: mock host execute_utxo_transfer i32:1"])
        // save runs the rest out with the edits still ahead, and writes them all.
        let report = session.checkEdits()
        #expect(report == EditReplayReport(applied: 3, unreached: [], failure: nil, endStep: 12563))
        #expect(session.snapshot.step == 0)
        #expect(session.effectiveEdits == edits)
    }

    @Test func editsThatCannotBeMadeOrAreNeverReachedAreReported() throws {
        let edits = [SnapshotEdit(step: 2, action: .returnValues(["1"])),
                     SnapshotEdit(step: 3, action: .set("local 99 1")),
                     SnapshotEdit(step: 99_999, action: .unmock("all"))]
        let session = try Self.session("token/transfer.snapshot.json", edits: edits)
        let report = session.checkEdits()
        #expect(report.applied == 0)
        #expect(report.unreached == [EditReport.Unreached(index: 2, step: 99_999)])
        #expect(report.endStep == 12348)
        #expect(report.failure?.place == "edits[0].return")
        #expect(report.failure?.message == "not stopped before a host call (break host NAME stops before one); return skips host calls only")
        #expect(session.must("stepi 3").hasSuffix("""
            edits[0] not applied: step 2: return 1: not stopped before a host call (break host NAME stops before one); return skips host calls only
            edits[1] not applied: step 3: set local 99 1: no local.99 in transfer (it has 12)
            """))
    }
}
