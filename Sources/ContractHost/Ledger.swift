/// Balance and UTXO-selection rules over a snapshot overlaid with a draft (HOST-ABI.md
/// "Transfers" and "Precise rules"). Failures are reasons, returned as text.
struct Ledger {
    let snapshot: ChainSnapshot
    var state: HostState

    /// A spendable coin: a snapshot UTXO or an output of the draft.
    struct Coin {
        enum Source { case snapshot(Int), draft(Int) }
        var source: Source
        var amount: UInt64
        var issuer: Address?
        var inputID: String
    }

    private func spendable(_ lock: Lock?) -> Bool {
        !(lock?.holds(height: snapshot.block.height, timestamp: snapshot.block.timestamp) ?? false)
    }

    /// Unspent, unlocked coins of `owner` in `token`: snapshot order, then draft outputs.
    func coins(of owner: Address, token: String) -> [Coin] {
        var out: [Coin] = []
        for (i, u) in snapshot.utxos.enumerated() where !state.spentUTXOs.contains(i) && u.owner == owner && u.token == token && spendable(u.lock) {
            out.append(Coin(source: .snapshot(i), amount: u.amount, issuer: u.issuer, inputID: u.id))
        }
        for i in state.draft.unspentOutputs(owner: owner, token: token) {
            guard case .asset(let a) = state.draft.outputs[i], spendable(a.lock) else { continue }
            out.append(Coin(source: .draft(i), amount: a.amount, issuer: a.issuer, inputID: "draft:\(i)"))
        }
        return out
    }

    func balance(of owner: Address, token: String) -> Result<UInt64, HostFailure> {
        var sum: UInt64 = 0
        for c in coins(of: owner, token: token) {
            let (s, overflow) = sum.addingReportingOverflow(c.amount)
            if overflow { return .failure(HostFailure("balance of \(owner) overflows u64")) }
            sum = s
        }
        return .success(sum)
    }

    /// Spends `from`'s coins for `amount`, pays `to` (optionally locked) and returns change to `from`.
    /// Leaves the state unchanged on failure.
    mutating func transfer(from: Address, to: Address, amount: UInt64, token: String, lock: Lock?) -> HostFailure? {
        if amount == 0 { return HostFailure("zero amount") }
        var selected: [Coin] = []
        var sum: UInt64 = 0
        for c in coins(of: from, token: token) where sum < amount {
            let (s, overflow) = sum.addingReportingOverflow(c.amount)
            if overflow { return HostFailure("sum of inputs overflows u64") }
            sum = s
            selected.append(c)
        }
        guard sum >= amount else {
            return HostFailure("insufficient balance: \(from) has \(sum) \(Ledger.tokenName(token)), needs \(amount)")
        }
        let issuers = Set(selected.map { $0.issuer?.text ?? "" })
        let issuer = issuers.count == 1 ? selected.first?.issuer : nil
        for c in selected {
            switch c.source {
            case .snapshot(let i): state.spentUTXOs.insert(i)
            case .draft(let i): state.draft.spend(output: i)
            }
            state.draft.inputs.append(c.inputID)
        }
        state.draft.append(.asset(.init(owner: to, amount: amount, token: token, lock: lock, issuer: issuer)))
        if sum > amount {
            state.draft.append(.asset(.init(owner: from, amount: sum - amount, token: token, lock: nil, issuer: issuer)))
        }
        return nil
    }

    static func tokenName(_ token: String) -> String { token.isEmpty ? "native" : "\"\(token)\"" }
}

/// Why a host function returned its failure value; shown in the host-call log.
struct HostFailure: Error, Equatable {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}
