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
    /// How the snapshot's `edits` were replayed (nil when it has none).
    public var edits: EditReport?
    /// How `json` and `text` write v128 results (`run --v128`): a display setting.
    public var v128Shape: V128Shape = .hex

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
            ("results", .array(results.map { .string($0.typedText(v128: v128Shape)) })),
            ("trap", trapJSON),
            ("fuel", .object([("limit", .integer(fuelLimit)), ("used", .integer(fuelUsed))])),
            ("draft", draft.json(committed: committed)),
            ("hostCalls", .integer(hostCalls)),
        ]
        if let edits { m.append(("edits", edits.json)) }
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

/// How a snapshot's `edits` were replayed (`wesdbg run`): how many were applied, and those
/// whose step the call never reached (it ended first).
public struct EditReport: Sendable, Equatable {
    public struct Unreached: Sendable, Equatable {
        /// Index into the snapshot's `edits`.
        public var index: Int
        public var step: UInt64
        public init(index: Int, step: UInt64) { self.index = index; self.step = step }
    }
    public var applied: Int
    public var unreached: [Unreached]
    /// The step the call ended at.
    public var endStep: UInt64
    public init(applied: Int, unreached: [Unreached], endStep: UInt64) {
        self.applied = applied; self.unreached = unreached; self.endStep = endStep
    }

    /// `{"applied": 2, "unreached": [{"edit": 3, "step": 900}]}`
    public var json: JSONValue {
        .object([
            ("applied", .integer(applied)),
            ("unreached", .array(unreached.map { .object([("edit", .integer($0.index)), ("step", .integer($0.step))]) })),
        ])
    }

    /// `edits: 2 applied` and a line per edit never reached.
    public var lines: [String] {
        ["edits: \(applied) applied"] + unreached.map {
            "edits[\($0.index)]: step \($0.step) never reached (the call ended at step \(endStep))"
        }
    }
}
