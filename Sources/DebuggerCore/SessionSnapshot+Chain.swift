extension SessionSnapshot {
    /// The chain as a read would see it now: the snapshot overlaid with the draft
    /// (the State pane, `state`, `utxos`). Nil for a bare module call.
    public struct Chain: Hashable, Sendable {
        public struct StateEntry: Hashable, Sendable {
            /// `"count"` for printable UTF-8, else `0x…` hex.
            public var key: String
            /// The key's bytes (for `state KEY` and `state PREFIX*`).
            public var rawKey: [UInt8]
            /// What `state_get` returns now, shown the same way.
            public var value: String
            /// The snapshot's value when the draft replaced it.
            public var previous: String?
            /// Written by this call (the draft holds its value).
            public var written: Bool
            /// Absent from the snapshot: only the draft has it.
            public var isNew: Bool
            /// Read by this call (`state_get`, `state_get_len`, `state_exists`).
            public var read: Bool
            /// The value's bytes (the detail view shows them whole).
            public var rawValue: [UInt8] = []
            public init(key: String, rawKey: [UInt8], value: String, previous: String? = nil, written: Bool = false, isNew: Bool = false,
                        read: Bool = false) {
                self.key = key; self.rawKey = rawKey; self.value = value; self.previous = previous; self.written = written; self.isNew = isNew; self.read = read
            }

            /// `written (was "7")`, `written (new)`, `read`, `read, written (new)`; empty when untouched.
            public var marks: String {
                var parts: [String] = []
                if read { parts.append("read") }
                if written { parts.append(isNew ? "written (new)" : previous.map { "written (was \($0))" } ?? "written (same value)") }
                return parts.joined(separator: ", ")
            }
        }

        public struct Coin: Hashable, Sendable {
            /// The snapshot UTXO's id, or `draft:N` for output N of the draft.
            public var id: String
            public var owner: String
            public var amount: UInt64
            /// `"GOLD"` or `native`.
            public var token: String
            /// Locked at the snapshot's block: not spendable.
            public var locked: Bool
            public var spent: Bool
            public var fromDraft: Bool
            public init(id: String, owner: String, amount: UInt64, token: String, locked: Bool = false, spent: Bool = false, fromDraft: Bool = false) {
                self.id = id; self.owner = owner; self.amount = amount; self.token = token; self.locked = locked; self.spent = spent; self.fromDraft = fromDraft
            }

            /// `new, spent`, `locked`; empty for an unspent snapshot UTXO.
            public var marks: String {
                var parts: [String] = []
                if fromDraft { parts.append("new") }
                if locked { parts.append("locked") }
                if spent { parts.append("spent") }
                return parts.joined(separator: ", ")
            }
        }

        /// Keys the call has read or written first (first-touch order), then the snapshot's other keys in byte order.
        public var state: [StateEntry]
        /// Snapshot UTXOs in snapshot order, then the draft's asset outputs; spent ones included.
        public var coins: [Coin]
        /// How many of `state` the call touched (they come first).
        public var touchedCount: Int
        public init(state: [StateEntry], coins: [Coin], touchedCount: Int) {
            self.state = state; self.coins = coins; self.touchedCount = touchedCount
        }
    }
}
