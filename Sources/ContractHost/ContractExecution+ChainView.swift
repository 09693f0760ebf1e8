/// What a read would see now: the snapshot overlaid with the draft (the debugger's `state` and `utxos`).
extension ContractExecution {
    /// One state key: its value now, the snapshot's, and whether the call wrote or read it.
    public struct StateEntry: Sendable, Equatable {
        public var key: [UInt8]
        /// What `state_get` returns now.
        public var value: [UInt8]
        /// The snapshot's value (nil: the key is new in the draft).
        public var snapshotValue: [UInt8]?
        public var written: Bool
        public var read: Bool
    }

    /// One coin: a snapshot UTXO or an asset output of the draft.
    public struct Coin: Sendable, Equatable {
        /// The snapshot UTXO's id, or `draft:N` for output N of the draft.
        public var id: String
        public var owner: Address
        public var amount: UInt64
        public var token: String
        public var lock: Lock?
        /// Locked at the snapshot's block (not spendable).
        public var isLocked: Bool
        public var isSpent: Bool
        public var fromDraft: Bool
    }

    /// Every state key: those the call touched first (first-touch order), then the rest of the snapshot's in byte order.
    public var stateEntries: [StateEntry] {
        let draft = host.draft
        func entry(_ key: [UInt8]) -> StateEntry? {
            guard let value = draft.stateValue(key) ?? snapshot.state[key] else { return nil }
            return StateEntry(key: key, value: value, snapshotValue: snapshot.state[key], written: draft.stateValue(key) != nil,
                              read: host.readStateKeys.contains(key))
        }
        // A key read but absent stays out: there is nothing to show for it.
        let touched = host.touchedStateKeys.compactMap(entry)
        let seen = Set(host.touchedStateKeys)
        let rest = snapshot.state.keys.filter { !seen.contains($0) }.sorted { $0.lexicographicallyPrecedes($1) }.compactMap(entry)
        return touched + rest
    }

    /// Snapshot UTXOs (in snapshot order) then the draft's asset outputs, spent ones included and marked.
    public var coins: [Coin] {
        let height = snapshot.block.height, time = snapshot.block.timestamp
        var out = snapshot.utxos.enumerated().map { i, u in
            Coin(id: u.id, owner: u.owner, amount: u.amount, token: u.token, lock: u.lock,
                 isLocked: u.lock?.holds(height: height, timestamp: time) ?? false, isSpent: host.spentUTXOs.contains(i), fromDraft: false)
        }
        for (i, output) in host.draft.outputs.enumerated() {
            guard case .asset(let a) = output else { continue }
            out.append(Coin(id: "draft:\(i)", owner: a.owner, amount: a.amount, token: a.token, lock: a.lock,
                            isLocked: a.lock?.holds(height: height, timestamp: time) ?? false,
                            isSpent: host.draft.spentOutputs.contains(i), fromDraft: true))
        }
        return out
    }
}
