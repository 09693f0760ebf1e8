import WasmVM

/// The recorded outcome of a saved execution (`expect` in a snapshot).
public struct Expectation: Sendable, Equatable {
    public var status: ExecutionStatus
    public var trap: TrapKind?
    public var code: Int64?

    public init(status: ExecutionStatus, trap: TrapKind? = nil, code: Int64? = nil) {
        self.status = status; self.trap = trap; self.code = code
    }

    /// The outcome of a result in the same shape (for `expect.actual` and `--save-failure`).
    public init(of result: ExecutionResult) {
        status = result.status
        trap = result.trap?.kind
        code = result.code.map(Int64.init)
    }

    /// Whether a replay's outcome matches: same status, and the same trap kind or code when recorded.
    public func matches(_ actual: Expectation) -> Bool {
        status == actual.status && (trap == nil || trap == actual.trap) && (code == nil || code == actual.code)
    }

    public var json: JSONValue {
        var m: [(key: String, value: JSONValue)] = [("status", .string(status.rawValue))]
        if let trap { m.append(("trap", .string(trap.rawValue))) }
        if let code { m.append(("code", .integer(code))) }
        return .object(m)
    }

    static func parse(_ r: JSONReader) throws(PathError) -> Expectation {
        try r.requireObject()
        try r.rejectUnknown(["status", "trap", "code"])
        let s = try r.required("status")
        guard let status = ExecutionStatus(rawValue: try s.asString()) else {
            throw s.fail("expected \"success\", \"failure\" or \"trap\"")
        }
        var e = Expectation(status: status)
        if let t = r.optional("trap") {
            guard let kind = TrapKind(rawValue: try t.asString()) else {
                throw t.fail("unknown trap kind (expected one of: \(TrapKind.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            e.trap = kind
        }
        if let c = r.optional("code") {
            guard case .number(let n) = c.value, let v = Int64(n) else { throw c.fail("expected an integer") }
            e.code = v
        }
        return e
    }
}

public enum ExecutionStatus: String, Sendable, Equatable {
    case success, failure, trap
}
