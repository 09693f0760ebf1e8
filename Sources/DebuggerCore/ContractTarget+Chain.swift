import ContractHost

extension ContractTarget {
    public func stateValue(_ key: [UInt8]) -> [UInt8]? {
        execution.draft.stateValue(key) ?? execution.snapshot.state[key]
    }

    public func chain() -> SessionSnapshot.Chain? {
        let entries = execution.stateEntries
        let state = entries.map { e in
            SessionSnapshot.Chain.StateEntry(key: quoted(e.key), rawKey: e.key, value: quoted(e.value),
                                             previous: e.written && e.snapshotValue != e.value ? e.snapshotValue.map(quoted) : nil,
                                             written: e.written, isNew: e.snapshotValue == nil, read: e.read)
        }.enumerated().map { i, entry in
            var entry = entry
            entry.rawValue = entries[i].value
            return entry
        }
        let coins = execution.coins.map { c in
            SessionSnapshot.Chain.Coin(id: c.id, owner: c.owner.text, amount: c.amount, token: c.token.isEmpty ? "native" : quoted(Array(c.token.utf8)),
                                       locked: c.isLocked, spent: c.isSpent, fromDraft: c.fromDraft)
        }
        // Touched keys come first; one read but absent is not listed (it has no value to show).
        return SessionSnapshot.Chain(state: state, coins: coins, touchedCount: state.count { $0.read || $0.written })
    }
}
