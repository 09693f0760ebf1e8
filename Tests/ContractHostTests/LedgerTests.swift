import Testing
@testable import ContractHost

@Suite struct LedgerTests {
    let alice = Fixtures.address(Fixtures.alice), bob = Fixtures.address(Fixtures.bob), carol = Fixtures.address(Fixtures.carol)
    let contract = Fixtures.address(Fixtures.contract)

    func ledger(_ utxos: [UTXO]) -> Ledger {
        Ledger(snapshot: Fixtures.snapshot(utxos: utxos), state: HostState(heapBase: 0))
    }

    @Test func balancesSkipLockedAndOtherTokens() {
        let l = ledger([
            UTXO(id: "a", owner: alice, amount: 100),
            UTXO(id: "b", owner: alice, amount: 7, token: "GOLD"),
            UTXO(id: "c", owner: alice, amount: 1000, lock: .height(until: 2048)),   // height 1024 < 2048: locked
            UTXO(id: "d", owner: alice, amount: 10, lock: .height(until: 1024)),     // 1024 is not < 1024: free
            UTXO(id: "e", owner: alice, amount: 20, lock: .time(until: 1764000001)), // locked
            UTXO(id: "f", owner: alice, amount: 40, lock: .time(until: 1764000000)), // free
            UTXO(id: "g", owner: alice, amount: 80, lock: .delegation(to: bob)),     // never counts
            UTXO(id: "h", owner: bob, amount: 1),
        ])
        #expect(l.balance(of: alice, token: "") == .success(150))
        #expect(l.balance(of: alice, token: "GOLD") == .success(7))
        #expect(l.balance(of: carol, token: "") == .success(0))
    }

    @Test func balanceOverflowFails() {
        let l = ledger([UTXO(id: "a", owner: alice, amount: .max), UTXO(id: "b", owner: alice, amount: 1)])
        #expect(l.balance(of: alice, token: "") == .failure(HostFailure("balance of \(Fixtures.alice) overflows u64")))
    }

    @Test func transferSpendsInSnapshotOrderWithChange() {
        var l = ledger([
            UTXO(id: "a", owner: alice, amount: 30, issuer: contract),
            UTXO(id: "x", owner: bob, amount: 500),
            UTXO(id: "b", owner: alice, amount: 50, lock: .height(until: 5000)),
            UTXO(id: "c", owner: alice, amount: 40, issuer: contract),
            UTXO(id: "d", owner: alice, amount: 1000),
        ])
        #expect(l.transfer(from: alice, to: bob, amount: 60, token: "", lock: nil) == nil)
        #expect(l.state.draft.inputs == ["a", "c"])
        #expect(l.state.draft.outputs == [
            .asset(.init(owner: bob, amount: 60, token: "", lock: nil, issuer: contract)),
            .asset(.init(owner: alice, amount: 10, token: "", lock: nil, issuer: contract)),
        ])
        #expect(l.state.spentUTXOs == [0, 3])
        #expect(l.balance(of: alice, token: "") == .success(1010))
        #expect(l.balance(of: bob, token: "") == .success(560))
    }

    @Test func exactAmountMakesNoChangeAndMixedIssuersGiveNull() {
        var l = ledger([UTXO(id: "a", owner: alice, amount: 30, issuer: contract), UTXO(id: "b", owner: alice, amount: 20)])
        #expect(l.transfer(from: alice, to: bob, amount: 50, token: "", lock: nil) == nil)
        #expect(l.state.draft.outputs == [.asset(.init(owner: bob, amount: 50, token: "", lock: nil, issuer: nil))])
    }

    @Test func draftOutputsAreSpentAfterSnapshotUTXOsAsDraftInputs() {
        var l = ledger([UTXO(id: "a", owner: alice, amount: 100)])
        #expect(l.transfer(from: alice, to: bob, amount: 70, token: "", lock: nil) == nil)   // outputs 0: bob 70, 1: alice 30
        #expect(l.transfer(from: bob, to: carol, amount: 50, token: "", lock: nil) == nil)   // spends draft:0, change bob 20
        #expect(l.transfer(from: alice, to: carol, amount: 30, token: "", lock: nil) == nil)  // spends draft:1 exactly
        #expect(l.state.draft.inputs == ["a", "draft:0", "draft:1"])
        #expect(l.state.draft.spentOutputs == [0, 1])
        #expect(l.state.draft.outputs.count == 5)
        #expect(l.balance(of: carol, token: "") == .success(80))
        #expect(l.balance(of: alice, token: "") == .success(0))
    }

    @Test func insufficientBalanceAndZeroAmountLeaveTheDraftUnchanged() {
        var l = ledger([UTXO(id: "a", owner: alice, amount: 10), UTXO(id: "b", owner: alice, amount: 99, lock: .delegation(to: bob))])
        let before = l.state
        #expect(l.transfer(from: alice, to: bob, amount: 11, token: "", lock: nil)
            == HostFailure("insufficient balance: \(Fixtures.alice) has 10 native, needs 11"))
        #expect(l.transfer(from: alice, to: bob, amount: 0, token: "", lock: nil) == HostFailure("zero amount"))
        #expect(l.transfer(from: alice, to: bob, amount: 1, token: "GOLD", lock: nil)
            == HostFailure("insufficient balance: \(Fixtures.alice) has 0 \"GOLD\", needs 1"))
        #expect(l.state == before)
    }

    @Test func lockedOutputsDoNotCountUntilTheyExpire() {
        var l = ledger([UTXO(id: "a", owner: alice, amount: 10)])
        #expect(l.transfer(from: alice, to: bob, amount: 4, token: "", lock: .height(until: 2000)) == nil)
        #expect(l.state.draft.outputs[0] == .asset(.init(owner: bob, amount: 4, token: "", lock: .height(until: 2000), issuer: nil)))
        #expect(l.balance(of: bob, token: "") == .success(0))
        #expect(l.balance(of: alice, token: "") == .success(6))
    }
}
