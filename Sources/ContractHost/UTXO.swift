/// An unspent output of the snapshot.
public struct UTXO: Hashable, Sendable {
    public var id: String
    public var owner: Address
    public var amount: UInt64
    /// Empty for the native coin.
    public var token: String
    public var lock: Lock?
    /// The contract that minted this token output, if known.
    public var issuer: Address?

    public init(id: String, owner: Address, amount: UInt64, token: String = "", lock: Lock? = nil, issuer: Address? = nil) {
        self.id = id; self.owner = owner; self.amount = amount; self.token = token; self.lock = lock; self.issuer = issuer
    }

    var json: JSONValue {
        .object([("id", .string(id)), ("owner", .string(owner.text)), ("amount", .integer(amount)),
                 ("token", .string(token)), ("lock", lock?.json ?? .null), ("issuer", issuer.map { .string($0.text) } ?? .null)])
    }
}
