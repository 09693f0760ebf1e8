import WasmVM

/// The outcome of a call, as `wesdbg run --json` prints it (HOST-ABI.md).
public struct ExecutionResult: Sendable, Equatable {
    public var status: ExecutionStatus
    /// The entry point's status code; nil for traps and entry points without one.
    public var code: Int32?
    public var results: [Value]
    public var trap: Trap?
    /// Display name of the wasm function containing the trapping instruction.
    public var trapFunction: String?
    public var fuelLimit: UInt64
    public var fuelUsed: UInt64
    public var draft: TransactionDraft
    public var hostCalls: Int
    /// The snapshot's `expect`, when it has one.
    public var expected: Expectation?

    public var committed: Bool { status == .success }

    public var expectationMatches: Bool? { expected.map { $0.matches(Expectation(of: self)) } }

    public var json: JSONValue {
        var trapJSON = JSONValue.null
        if let trap {
            trapJSON = .object([
                ("kind", .string(trap.kind.rawValue)), ("message", .string(trap.message)),
                ("function", trapFunction.map(JSONValue.string) ?? .null),
                ("offset", trap.offset.map { JSONValue.integer($0) } ?? .null),
            ])
        }
        var m: [(key: String, value: JSONValue)] = [
            ("status", .string(status.rawValue)),
            ("code", code.map { JSONValue.integer($0) } ?? .null),
            ("results", .array(results.map { .string($0.description) })),
            ("trap", trapJSON),
            ("fuel", .object([("limit", .integer(fuelLimit)), ("used", .integer(fuelUsed))])),
            ("draft", draft.json(committed: committed)),
            ("hostCalls", .integer(hostCalls)),
        ]
        if let expected {
            m.append(("expect", .object([
                ("matches", .bool(expected.matches(Expectation(of: self)))),
                ("expected", expected.json),
                ("actual", Expectation(of: self).json),
            ])))
        }
        return .object(m)
    }

    /// The text `wesdbg run --json` prints (ends with a newline).
    public var jsonText: String { json.prettyText + "\n" }
}
