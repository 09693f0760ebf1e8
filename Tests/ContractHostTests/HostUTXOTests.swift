import Foundation
import Testing
@testable import ContractHost
import WasmVM

@Suite struct HostUTXOTests {
    let alice = Fixtures.address(Fixtures.alice), bob = Fixtures.address(Fixtures.bob), carol = Fixtures.address(Fixtures.carol)
    let contract = Fixtures.address(Fixtures.contract)
    /// alice at 0x100, bob at 0x140, carol at 0x180, contract at 0x1c0, "GOLD" at 0x200 (NUL-terminated), "GOLDX" at 0x210
    var data: [(Int, String)] {
        [(0x100, Fixtures.alice), (0x140, Fixtures.bob), (0x180, Fixtures.carol), (0x1c0, Fixtures.contract), (0x200, "GOLD\\00"), (0x210, "GOLDX\\00")]
    }
    var snapshot: ChainSnapshot {
        Fixtures.snapshot(utxos: [
            UTXO(id: "u0", owner: alice, amount: 600, token: "GOLD", issuer: contract),
            UTXO(id: "u1", owner: alice, amount: 1000),
            UTXO(id: "u2", owner: alice, amount: 5000, token: "GOLD", lock: .height(until: 2048)),
            UTXO(id: "u3", owner: bob, amount: 70),
            UTXO(id: "u4", owner: contract, amount: 400, token: "GOLD", issuer: contract),
            UTXO(id: "u5", owner: alice, amount: 500),
        ])
    }

    @Test func balanceQueriesBothVariants() throws {
        let std = try Contract.run(Contract.wat([.queryUTXOBalance], data: data, main: """
            (drop (call $query_utxo_balance (i32.const 0x100) (i32.const 0x200) (i32.const 4)))
            (drop (call $query_utxo_balance (i32.const 0x100) (i32.const 0) (i32.const 0)))
            (drop (call $query_utxo_balance (i32.const 0x101) (i32.const 0) (i32.const 0)))
            (i32.const 0)
            """), snapshot)
        #expect(std.hostLog.map(\.results) == [[.i64(600)], [.i64(1500)], [.i64(0)]])
        #expect(std.hostLog[2].failure == "malformed address \"x8209c6000000000000000000000000000000ffe5\\u0000\"")
        #expect(std.hostLog[0].arguments.map(\.decoded) == ["\"\(Fixtures.alice)\"", "\"GOLD\"", nil])
        let native = try Contract.run(Contract.wat([.queryUTXOBalanceNative], data: data, main: """
            (drop (call $query_utxo_balance (i32.const 0x140) (i32.const 42)))
            (drop (call $query_utxo_balance (i32.const 0x140) (i32.const 41)))
            (i32.const 0)
            """), snapshot)
        #expect(native.abi.bindings[0].function == .queryUTXOBalanceNative)
        #expect(native.hostLog.map(\.results) == [[.i64(70)], [.i64(0)]])
    }

    @Test func hugeBalanceComesBackNegative() throws {
        let s = Fixtures.snapshot(utxos: [UTXO(id: "a", owner: alice, amount: 1 << 63), UTXO(id: "b", owner: alice, amount: 1)])
        let e = try Contract.run(Contract.wat([.queryUTXOBalance], data: data, main: """
            (i64.ne (call $query_utxo_balance (i32.const 0x100) (i32.const 0) (i32.const 0)) (i64.const -9223372036854775807))
            """), s)
        #expect(e.result!.code == 0)
    }

    @Test func transferSpendsSelectsAndReturnsChange() throws {
        let e = try Contract.run(Contract.wat([.executeUTXOTransfer], data: data, main: """
            (call $execute_utxo_transfer (i32.const 0x100) (i32.const 0x140) (i64.const 1200) (i32.const 0) (i32.const 0))
            (i32.sub (i32.const 1))
            """), snapshot)
        let r = e.result!
        #expect(r.status == .success)
        #expect(r.draft.inputs == ["u1", "u5"])
        #expect(r.draft.outputs == [.asset(.init(owner: bob, amount: 1200, token: "", lock: nil, issuer: nil)),
                                    .asset(.init(owner: alice, amount: 300, token: "", lock: nil, issuer: nil))])
    }

    @Test func transferAuthorizationAndFailuresLeaveTheDraftUnchanged() throws {
        let e = try Contract.run(Contract.wat([.executeUTXOTransfer, .queryUTXOBalance], data: data, main: """
            (drop (call $execute_utxo_transfer (i32.const 0x140) (i32.const 0x100) (i64.const 10) (i32.const 0) (i32.const 0)))
            (drop (call $execute_utxo_transfer (i32.const 0x100) (i32.const 0x140) (i64.const 601) (i32.const 0x200) (i32.const 4)))
            (drop (call $execute_utxo_transfer (i32.const 0x100) (i32.const 0x140) (i64.const 0) (i32.const 0) (i32.const 0)))
            (drop (call $execute_utxo_transfer (i32.const 0x100) (i32.const 0x141) (i64.const 1) (i32.const 0) (i32.const 0)))
            (drop (call $execute_utxo_transfer (i32.const 0x1c0) (i32.const 0x180) (i64.const 250) (i32.const 0x200) (i32.const 4)))
            (drop (call $execute_utxo_transfer (i32.const 0x180) (i32.const 0x100) (i64.const 250) (i32.const 0x200) (i32.const 4)))
            (drop (call $query_utxo_balance (i32.const 0x1c0) (i32.const 0x200) (i32.const 4)))
            (i32.const 0)
            """), snapshot)
        #expect(e.hostLog.map(\.results) == [[.i32(0)], [.i32(0)], [.i32(0)], [.i32(0)], [.i32(1)], [.i32(0)], [.i64(150)]])
        #expect(e.hostLog.map(\.failure) == [
            "not authorized: \(Fixtures.bob) is neither the caller nor the contract",
            "insufficient balance: \(Fixtures.alice) has 600 \"GOLD\", needs 601",
            "zero amount",
            "malformed address \"xc1d7300000000000000000000000000000017a3b\\u0000\"",
            nil,
            "not authorized: \(Fixtures.carol) is neither the caller nor the contract",
            nil,
        ])
        // Only the contract's own transfer is in the draft: input u4, 250 to carol, 150 change, issuer kept.
        #expect(e.result!.draft.inputs == ["u4"])
        #expect(e.result!.draft.outputs == [.asset(.init(owner: carol, amount: 250, token: "GOLD", lock: nil, issuer: contract)),
                                            .asset(.init(owner: contract, amount: 150, token: "GOLD", lock: nil, issuer: contract))])
    }

    @Test func nativeTransferVariantAndDraftInputs() throws {
        let e = try Contract.run(Contract.wat([.executeUTXOTransferNative], data: data, main: """
            (drop (call $execute_utxo_transfer (i32.const 0x100) (i32.const 42) (i32.const 0x1c0) (i32.const 42) (i64.const 1400)))
            (drop (call $execute_utxo_transfer (i32.const 0x1c0) (i32.const 42) (i32.const 0x180) (i32.const 42) (i64.const 1000)))
            (drop (call $execute_utxo_transfer (i32.const 0x100) (i32.const 42) (i32.const 0x180) (i32.const 42) (i64.const 100)))
            (call $execute_utxo_transfer (i32.const 0x100) (i32.const 40) (i32.const 0x180) (i32.const 42) (i64.const 1))
            """), snapshot)
        #expect(e.abi.bindings[0].function == .executeUTXOTransferNative)
        #expect(e.hostLog.map(\.results) == [[.i32(1)], [.i32(1)], [.i32(1)], [.i32(0)]])
        #expect(e.result!.code == 0)
        // outputs: 0 contract 1400, 1 alice change 100, 2 carol 1000 (from draft:0), 3 contract change 400, 4 carol 100 (draft:1)
        #expect(e.result!.draft.inputs == ["u1", "u5", "draft:0", "draft:1"])
        #expect(e.result!.draft.outputs.count == 5)
        #expect(e.result!.draft.outputs[4] == .asset(.init(owner: carol, amount: 100, token: "", lock: nil, issuer: nil)))
    }

    @Test func mintingRecordsTheContractAsIssuer() throws {
        let e = try Contract.run(Contract.wat([.createUTXOOutput], data: data + [(0x300, String(repeating: "T", count: 64) + "\\00"), (0x400, String(repeating: "T", count: 65) + "\\00")], main: """
            (drop (call $create_utxo_output (i32.const 0x140) (i64.const 7) (i32.const 0x200)))
            (drop (call $create_utxo_output (i32.const 0x140) (i64.const 7) (i32.const 0)))
            (drop (call $create_utxo_output (i32.const 0x140) (i64.const 0) (i32.const 0x200)))
            (drop (call $create_utxo_output (i32.const 0x140) (i64.const 1) (i32.const 0x300)))
            (drop (call $create_utxo_output (i32.const 0x140) (i64.const 1) (i32.const 0x400)))
            (drop (call $create_utxo_output (i32.const 0x141) (i64.const 1) (i32.const 0x200)))
            (i32.const 0)
            """), snapshot)
        #expect(e.hostLog.map(\.results) == [[.i32(1)], [.i32(0)], [.i32(0)], [.i32(1)], [.i32(0)], [.i32(0)]])
        #expect(e.hostLog.map(\.failure) == [nil, "contracts cannot mint the native coin", "zero amount", nil,
                                             "token id has no NUL within 65 bytes", "malformed address \"xc1d7300000000000000000000000000000017a3b\\u0000\""])
        #expect(e.result!.draft.outputs == [
            .asset(.init(owner: bob, amount: 7, token: "GOLD", lock: nil, issuer: contract)),
            .asset(.init(owner: bob, amount: 1, token: String(repeating: "T", count: 64), lock: nil, issuer: contract)),
        ])
        #expect(e.result!.draft.inputs.isEmpty)
    }

    @Test func mintTokenRunningOffMemoryTrapsBeforeValidation() throws {
        // The token starts 2 bytes before the end of memory with no NUL: a bounds trap, even though the amount is 0.
        let e = try Contract.run(Contract.wat([.createUTXOOutput], data: data + [(65534, "TT")], main: """
            (call $create_utxo_output (i32.const 0x140) (i64.const 0) (i32.const 65534))
            """), snapshot)
        #expect(e.result!.status == .trap)
        #expect(e.result!.trap?.kind == .hostError)
        #expect(e.result!.trap?.message == "create_utxo_output: memory range 0x10000..0x10001 (1 bytes) is out of bounds (memory is 65536 bytes)")
    }

    @Test func lockedOutputsArePaidByTheCaller() throws {
        let lock = #"{\"type\":\"height\",\"until\":4096}"#
        let e = try Contract.run(Contract.wat([.createAssetOutputWithLock, .queryUTXOBalance], data: data + [(0x300, lock), (0x380, "{\\\"type\\\":\\\"week\\\"}"), (0x3c0, "nope")], main: """
            (drop (call $create_asset_output_with_lock (i32.const 0x140) (i64.const 100) (i32.const 0x200) (i32.const 4) (i32.const 0x300) (i32.const \(lock.count - 6))))
            (drop (call $create_asset_output_with_lock (i32.const 0x140) (i64.const 1) (i32.const 0x200) (i32.const 4) (i32.const 0x380) (i32.const 15)))
            (drop (call $create_asset_output_with_lock (i32.const 0x140) (i64.const 1) (i32.const 0x200) (i32.const 4) (i32.const 0x3c0) (i32.const 4)))
            (drop (call $query_utxo_balance (i32.const 0x140) (i32.const 0x200) (i32.const 4)))
            (i32.const 0)
            """), snapshot)
        #expect(e.hostLog.map(\.failure) == [nil, "invalid lock: lock.type: expected \"height\", \"time\" or \"delegation\"", "invalid lock JSON: line 1, column 1: invalid literal", nil])
        #expect(e.hostLog.map(\.results) == [[.i32(1)], [.i32(0)], [.i32(0)], [.i64(0)]])
        #expect(e.hostLog[1].failure == "invalid lock: lock.type: expected \"height\", \"time\" or \"delegation\"")
        #expect(e.hostLog[2].failure == "invalid lock JSON: line 1, column 1: invalid literal")
        #expect(e.result!.draft.inputs == ["u0"])
        #expect(e.result!.draft.outputs == [
            .asset(.init(owner: bob, amount: 100, token: "GOLD", lock: .height(until: 4096), issuer: contract)),
            .asset(.init(owner: alice, amount: 500, token: "GOLD", lock: nil, issuer: contract)),
        ])
    }

    /// A batch record: 42-byte address, u64 LE amount, u32 LE token length, token bytes.
    static func record(_ address: String, _ amount: UInt64, _ token: String) -> String {
        func le(_ v: UInt64, _ n: Int) -> String { (0 ..< n).map { String(format: "\\%02x", (v >> (8 * UInt64($0))) & 0xff) }.joined() }
        return address + le(amount, 8) + le(UInt64(token.utf8.count), 4) + token
    }

    @Test func batchMintsAllOrNone() throws {
        let good = Self.record(Fixtures.bob, 5, "AIR") + Self.record(Fixtures.carol, 6, "AIR")
        let bad = Self.record(Fixtures.bob, 5, "AIR") + Self.record(Fixtures.carol, 6, "")
        let e = try Contract.run(Contract.wat([.batchCreateOutputs], data: [(0x1000, good), (0x2000, bad)], main: """
            (drop (call $batch_create_outputs (i32.const 0x2000) (i32.const 2)))
            (drop (call $batch_create_outputs (i32.const 0x1000) (i32.const 0)))
            (drop (call $batch_create_outputs (i32.const 0x1000) (i32.const -1)))
            (call $batch_create_outputs (i32.const 0x1000) (i32.const 2))
            (i32.sub (i32.const 1))
            """), snapshot)
        #expect(e.hostLog.map(\.results) == [[.i32(0)], [.i32(1)], [.i32(0)], [.i32(1)]])
        #expect(e.hostLog.map(\.failure) == ["record 1: contracts cannot mint the native coin", nil, "negative count -1", nil])
        #expect(e.result!.draft.outputs == [
            .asset(.init(owner: bob, amount: 5, token: "AIR", lock: nil, issuer: contract)),
            .asset(.init(owner: carol, amount: 6, token: "AIR", lock: nil, issuer: contract)),
        ])
    }
}

@Suite struct HostTokenIdTests {
    @Test func tokenIdsLongerThan64BytesOrNotUTF8Fail() throws {
        let s = Fixtures.snapshot(utxos: [UTXO(id: "a", owner: Fixtures.address(Fixtures.alice), amount: 5, token: String(repeating: "T", count: 64))])
        let e = try Contract.run(Contract.wat([.queryUTXOBalance, .executeUTXOTransfer],
                                              data: [(0x100, Fixtures.alice), (0x140, Fixtures.bob), (0x200, String(repeating: "T", count: 65)), (0x300, "\\ff")], main: """
            (drop (call $query_utxo_balance (i32.const 0x100) (i32.const 0x200) (i32.const 64)))
            (drop (call $query_utxo_balance (i32.const 0x100) (i32.const 0x200) (i32.const 65)))
            (drop (call $execute_utxo_transfer (i32.const 0x100) (i32.const 0x140) (i64.const 1) (i32.const 0x300) (i32.const 1)))
            (i32.const 0)
            """), s)
        #expect(e.hostLog.map(\.results) == [[.i64(5)], [.i64(0)], [.i32(0)]])
        #expect(e.hostLog.map(\.failure) == [nil, "token id longer than 64 bytes", "token id is not UTF-8"])
    }
}
