/// Typed access to a JSON value that knows its path, so every refusal names the
/// exact place (`utxos[2].owner`).
struct JSONReader {
    let value: JSONValue
    let path: String

    init(_ value: JSONValue, path: String) { self.value = value; self.path = path }

    static func childPath(_ path: String, _ key: String) -> String {
        let plain = !key.isEmpty && !("0" ... "9").contains(key.unicodeScalars.first!) && key.unicodeScalars.allSatisfy { ($0.properties.isAlphabetic && $0.isASCII) || ("0" ... "9").contains($0) || $0 == "_" }
        if plain { return path.isEmpty ? key : path + "." + key }
        var quoted = ""
        JSONValue.writeString(key, to: &quoted)
        return path + "[" + quoted + "]"
    }

    func fail(_ message: String, at key: String? = nil) -> PathError {
        PathError(path: key.map { Self.childPath(path, $0) } ?? path, message: message)
    }

    func requireObject() throws(PathError) {
        guard case .object = value else { throw fail("expected an object, found \(value.kindName)") }
    }

    var members: [(key: String, value: JSONValue)] {
        if case .object(let m) = value { return m }
        return []
    }

    /// Refuses members not in `known` (catches typos such as `fule`).
    func rejectUnknown(_ known: Set<String>) throws(PathError) {
        for m in members where !known.contains(m.key) {
            throw fail("unknown field (expected one of: \(known.sorted().joined(separator: ", ")))", at: m.key)
        }
    }

    /// The member, or nil when absent or `null`.
    func optional(_ key: String) -> JSONReader? {
        guard let v = value[key], v != .null else { return nil }
        return JSONReader(v, path: Self.childPath(path, key))
    }

    func required(_ key: String) throws(PathError) -> JSONReader {
        guard let v = value[key] else { throw fail("missing", at: key) }
        return JSONReader(v, path: Self.childPath(path, key))
    }

    func string(_ key: String) throws(PathError) -> String { try required(key).asString() }
    func uint64(_ key: String) throws(PathError) -> UInt64 { try required(key).asUInt64() }
    func address(_ key: String) throws(PathError) -> Address { try required(key).asAddress() }

    func asString() throws(PathError) -> String {
        guard case .string(let s) = value else { throw fail("expected a string, found \(value.kindName)") }
        return s
    }

    func asUInt64() throws(PathError) -> UInt64 {
        guard case .number(let n) = value, let v = UInt64(n) else {
            if case .number = value { throw fail("expected an integer from 0 to 18446744073709551615") }
            throw fail("expected an integer, found \(value.kindName)")
        }
        return v
    }

    func asAddress() throws(PathError) -> Address {
        guard case .string(let s) = value, let a = Address(s) else { throw fail("expected a 42-character 0x address") }
        return a
    }

    func asArray() throws(PathError) -> [JSONReader] {
        guard case .array(let items) = value else { throw fail("expected an array, found \(value.kindName)") }
        return items.enumerated().map { JSONReader($1, path: "\(path)[\($0)]") }
    }

    /// A UTF-8 string, or `{ "hex": "…" }` for raw bytes.
    func asBytes() throws(PathError) -> [UInt8] {
        switch value {
        case .string(let s): return Array(s.utf8)
        case .object:
            try rejectUnknown(["hex"])
            let hex = try required("hex")
            guard case .string(let h) = hex.value, let bytes = Hex.decode(h) else {
                throw hex.fail("expected an even number of hex digits")
            }
            return bytes
        default: throw fail("expected a string or { \"hex\": … }, found \(value.kindName)")
        }
    }
}
