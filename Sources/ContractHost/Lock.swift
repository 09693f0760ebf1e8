/// A UTXO lock (HOST-ABI.md "Lock JSON").
public enum Lock: Hashable, Sendable {
    /// Holds while the block height is below `until`.
    case height(until: UInt64)
    /// Holds while the block timestamp is below `until`.
    case time(until: UInt64)
    /// Never counts toward a balance and is never spent by a call.
    case delegation(to: Address)

    /// Whether the lock prevents spending (and counting) at this block.
    public func holds(height: UInt64, timestamp: UInt64) -> Bool {
        switch self {
        case .height(let until): height < until
        case .time(let until): timestamp < until
        case .delegation: true
        }
    }

    public var json: JSONValue {
        switch self {
        case .height(let until): .object([("type", .string("height")), ("until", .integer(until))])
        case .time(let until): .object([("type", .string("time")), ("until", .integer(until))])
        case .delegation(let to): .object([("type", .string("delegation")), ("to", .string(to.text))])
        }
    }

    /// Parses a lock object; `path` is where it sits, for messages. Errors name a sub-path.
    static func parse(_ value: JSONValue, path: String) throws(PathError) -> Lock {
        let r = JSONReader(value, path: path)
        try r.requireObject()
        let type = try r.string("type")
        switch type {
        case "height": return .height(until: try r.uint64("until"))
        case "time": return .time(until: try r.uint64("until"))
        case "delegation": return .delegation(to: try r.address("to"))
        default: throw PathError(path: path + ".type", message: "expected \"height\", \"time\" or \"delegation\"")
        }
    }
}

/// An error at a JSON path, before the file name is attached.
struct PathError: Error {
    var path: String
    var message: String
}
