import WasmVM

/// One host call as the host made it (the debugger formats it with `HostCallView`).
public struct HostCallRecord: Sendable, Equatable {
    public struct Argument: Sendable, Equatable {
        public var name: String
        public var value: Value
        /// What the host read for it: an address, a string or bytes from memory, an amount.
        public var decoded: String?
    }

    public var function: HostFunction
    public var arguments: [Argument]
    /// The values returned to the contract (empty when it trapped or returns nothing).
    public var results: [Value]
    /// Why a status-returning call returned 0 (or a query fell back to 0).
    public var failure: String?
    /// The `host_error` message when the call trapped.
    public var trap: String?
    /// Fuel the host added beyond `FuelCosts.hostCall`.
    public var extraFuel: UInt64
    /// The call did not run: a debugger mock (`return`, `mock host`, a snapshot edit) gave its results.
    public var mocked = false
    /// Guest memory the call read and wrote, in order.
    public var memoryAccesses: [HostMemoryAccess] = []

    /// `execute_utxo_transfer(from=0x…, to=0x…, amount=10, token="") -> i32:1`
    public var summary: String {
        let args = arguments.map { "\($0.name)=\($0.decoded ?? "\($0.value)")" }.joined(separator: ", ")
        var s = "\(function.importName)(\(args))"
        if let trap { return s + " trapped: \(trap)" }
        if !results.isEmpty { s += " -> " + results.map(\.description).joined(separator: ", ") }
        if mocked { return s + (failure != nil ? " failed (mocked)" : " (mocked)") }
        if let failure { s += " failed: \(failure)" }
        return s
    }

    public var json: JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("function", .string(function.importName)),
            ("args", .array(arguments.map { a in
                var m: [(key: String, value: JSONValue)] = [("name", .string(a.name)), ("value", .string(a.value.description))]
                if let d = a.decoded { m.append(("decoded", .string(d))) }
                return .object(m)
            })),
            ("results", .array(results.map { .string($0.description) })),
            ("failure", failure.map(JSONValue.string) ?? .null),
            ("trap", trap.map(JSONValue.string) ?? .null),
        ]
        if mocked { members.append(("mocked", .bool(true))) }
        return .object(members)
    }
}
