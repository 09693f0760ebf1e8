import Testing
@testable import ContractHost
import WasmVM

@Suite struct HostContextTests {
    @Test func callerAndContractAddressAreWrittenAndReturn42() throws {
        let e = try Contract.run(Contract.wat([.getCaller, .getContractAddress, .setReturnData], main: """
            (drop (call $get_caller (i32.const 0x100)))
            (drop (call $get_contract_address (i32.const 0x200)))
            (call $set_return_data (i32.const 0x100) (i32.const 42))
            (i32.sub (i32.add (call $get_caller (i32.const 0x100)) (call $get_contract_address (i32.const 0x200))) (i32.const 84))
            """))
        let r = e.result!
        #expect(r.status == .success)
        #expect(r.code == 0)
        #expect(try Contract.memory(e, 0x100, 42) == Array(Fixtures.alice.utf8))
        #expect(try Contract.memory(e, 0x200, 42) == Array(Fixtures.contract.utf8))
        #expect(r.draft.returnData == Array(Fixtures.alice.utf8))
        #expect(r.hostCalls == 5)
    }

    @Test func paramsAreCanonicalJSON() throws {
        let s = Fixtures.snapshot(params: try JSONValue.parse(#"{"to": "bob", "amount": 10, "memo": "ü"}"#))
        let e = try Contract.run(Contract.wat([.getContractParamsLen, .getContractParams, .setReturnData], main: """
            (local $n i32)
            (local.set $n (call $get_contract_params (i32.const 0x100)))
            (call $set_return_data (i32.const 0x100) (local.get $n))
            (i32.sub (call $get_contract_params_len) (local.get $n))
            """), s)
        #expect(e.result!.code == 0)
        #expect(e.result!.draft.returnData == Array(#"{"amount":10,"memo":"ü","to":"bob"}"#.utf8))
    }

    @Test func currentTransactionIsNeverZeroAndEventsAppendInOrder() throws {
        let e = try Contract.run(Contract.wat([.getCurrentTransaction, .emitEvent], data: [(0x10, "Transfer"), (0x20, "{\\\"a\\\":1}")], main: """
            (call $emit_event (i32.const 0x10) (i32.const 8) (i32.const 0x20) (i32.const 7))
            (call $emit_event (i32.const 0x10) (i32.const 4) (i32.const 0x20) (i32.const 0))
            (i32.eqz (call $get_current_transaction))
            """))
        #expect(e.result!.code == 0)
        #expect(e.result!.draft.events == [.init(name: Array("Transfer".utf8), data: Array(#"{"a":1}"#.utf8)),
                                          .init(name: Array("Tran".utf8), data: [])])
    }

    @Test func setReturnDataReplacesAndIsNullWhenNeverSet() throws {
        let e = try Contract.run(Contract.wat([.setReturnData], data: [(0, "first second")], main: """
            (call $set_return_data (i32.const 0) (i32.const 5))
            (call $set_return_data (i32.const 6) (i32.const 6))
            (i32.const 0)
            """))
        #expect(e.result!.draft.returnData == Array("second".utf8))
        let none = try Contract.run(Contract.wat([], main: "(i32.const 0)"))
        #expect(none.result!.draft.returnData == nil)
        #expect(none.result!.json["draft"]?["returnData"] == .null)
    }

    @Test func blockHeightTimestampAndHash() throws {
        let wat = Contract.wat([.getBlockHeight, .getTimestamp, .getBlockHash, .setReturnData], main: """
            (call $set_return_data (i32.const 0x100)
              (i32.add (call $get_block_hash (i64.const 1023) (i32.const 0x100)) (call $get_block_hash (i64.const 7) (i32.const 0x200))))
            (i64.add (call $get_block_height) (call $get_timestamp))
            """, result: "(result i64)")
        let e = try Contract.run(wat)
        let r = e.result!
        #expect(r.status == .success)
        #expect(r.code == nil)          // not a status-code entry point
        #expect(r.results == [.i64(1024 + 1764000000)])
        #expect(r.draft.returnData == Array(repeating: 0xab, count: 32))
        #expect(e.hostLog.map(\.failure) == [nil, "the snapshot has no hash for block 7", nil, nil, nil])
        #expect(e.hostLog[1].results == [.i32(0)])
        #expect(try Contract.memory(e, 0x200, 32) == Array(repeating: 0, count: 32))
    }

    @Test func entryPointStatusCodes() throws {
        for (code, status) in [(0, ExecutionStatus.success), (3, .failure), (-1, .failure), (77, .failure)] {
            let e = try Contract.run(Contract.wat([], main: "(i32.const \(code))"))
            #expect(e.result!.status == status)
            #expect(e.result!.code == Int32(code))
            #expect(e.result!.committed == (status == .success))
        }
        let args = try Contract.execution(Contract.wat([], main: "(local.get 0)", result: "(param i32) (result i32)"),
                                          { var s = Fixtures.snapshot(); s.call.args = [.i32(5)]; return s }())
        #expect(args.runToEnd().status == .success)   // has params: not a status-code entry point
        #expect(args.result!.code == nil)
        #expect(args.result!.results == [.i32(5)])
    }
}
