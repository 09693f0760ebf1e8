/// A WebAssembly 2.0 value type. `v128` is last so the others keep their raw values.
public enum ValueType: UInt8, Hashable, Sendable, CustomStringConvertible {
    case i32, i64, f32, f64, funcref, externref, v128

    public var isReference: Bool { self == .funcref || self == .externref }
    /// Stack slots a value of this type takes: a v128 takes two (low 64 bits first).
    @inline(__always) public var slotCount: Int { self == .v128 ? 2 : 1 }
    public var description: String {
        switch self {
        case .i32: "i32"
        case .i64: "i64"
        case .f32: "f32"
        case .f64: "f64"
        case .funcref: "funcref"
        case .externref: "externref"
        case .v128: "v128"
        }
    }
}

extension Array where Element == ValueType {
    /// Stack slots the values take (v128 counts two).
    public var slotCount: Int { reduce(0) { $0 + $1.slotCount } }
}

/// A typed WebAssembly value. Floats are kept as bit patterns so NaN payloads survive.
/// References hold a store address (`funcref`) or a host value (`externref`); `nil` is null.
public enum Value: Hashable, Sendable, CustomStringConvertible {
    case i32(UInt32)
    case i64(UInt64)
    case f32(UInt32)
    case f64(UInt64)
    case funcref(Int?)
    case externref(Int?)
    case v128(V128)

    public var type: ValueType {
        switch self {
        case .i32: .i32
        case .i64: .i64
        case .f32: .f32
        case .f64: .f64
        case .funcref: .funcref
        case .externref: .externref
        case .v128: .v128
        }
    }

    /// The raw 64-bit stack slot this value occupies in the interpreter (a v128: its low half;
    /// `slots` has both). References: 0 is null, otherwise address + 1.
    public var slot: UInt64 {
        switch self {
        case .i32(let v): UInt64(v)
        case .i64(let v): v
        case .f32(let v): UInt64(v)
        case .f64(let v): v
        case .funcref(let a), .externref(let a): a.map { UInt64($0) &+ 1 } ?? 0
        case .v128(let v): v.low
        }
    }

    /// The value's stack slots, in stack order (`type.slotCount` of them).
    public var slots: [UInt64] {
        if case .v128(let v) = self { return [v.low, v.high] }
        return [slot]
    }

    /// Rebuilds a typed value from its slots at `p` (two for a v128).
    public init(slots p: UnsafePointer<UInt64>, type: ValueType) {
        self = type == .v128 ? .v128(V128(low: p[0], high: p[1])) : Value(slot: p[0], type: type)
    }

    /// The values of `types` stored one after another from `p` (a v128 in two slots).
    public static func read(_ types: [ValueType], from p: UnsafePointer<UInt64>) -> [Value] {
        var offset = 0
        return types.map { t in
            defer { offset += t.slotCount }
            return Value(slots: p + offset, type: t)
        }
    }

    /// Stores `values` one after another from `p`; returns the slot after the last.
    @discardableResult
    public static func write(_ values: [Value], to p: UnsafeMutablePointer<UInt64>) -> UnsafeMutablePointer<UInt64> {
        var q = p
        for v in values { for s in v.slots { q.pointee = s; q += 1 } }
        return q
    }

    /// Rebuilds a typed value from a raw stack slot (a v128 gets it as its low half).
    public init(slot: UInt64, type: ValueType) {
        switch type {
        case .i32: self = .i32(UInt32(truncatingIfNeeded: slot))
        case .i64: self = .i64(slot)
        case .f32: self = .f32(UInt32(truncatingIfNeeded: slot))
        case .f64: self = .f64(slot)
        case .funcref: self = .funcref(slot == 0 ? nil : Int(slot - 1))
        case .externref: self = .externref(slot == 0 ? nil : Int(slot - 1))
        case .v128: self = .v128(V128(low: slot, high: 0))
        }
    }

    /// The zero value of a type (null for references), used for fresh locals.
    public static func zero(_ type: ValueType) -> Value { Value(slot: 0, type: type) }

    /// `i32:5`, `i64:-1`, `f64:1.5`, `funcref:null`: the typed-string form of HOST-ABI.md.
    /// Integers are signed decimals, floats the shortest round-trip form.
    public var description: String {
        switch self {
        case .i32(let v): "i32:\(Int32(bitPattern: v))"
        case .i64(let v): "i64:\(Int64(bitPattern: v))"
        case .f32(let v): "f32:\(Float(bitPattern: v))"
        case .f64(let v): "f64:\(Double(bitPattern: v))"
        case .funcref(let a): "funcref:\(a.map(String.init) ?? "null")"
        case .externref(let a): "externref:\(a.map(String.init) ?? "null")"
        case .v128(let v): "v128:\(v)"
        }
    }

    /// Parses the typed-string form (`v128:0x…` with 32 hex digits, lane 15 first; `i32:5`, `i64:-1`, `f32:0.5`, `f64:1.5`, hex `i32:0x2a`).
    public init?(typedString text: String) {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let kind = text[..<colon], body = String(text[text.index(after: colon)...])
        func integer<T: FixedWidthInteger>(_: T.Type) -> T? {
            if body.hasPrefix("0x") { return T(body.dropFirst(2), radix: 16) }
            if body.hasPrefix("-0x") { return T("-" + body.dropFirst(3), radix: 16) }
            return T(body)
        }
        switch kind {
        case "i32":
            if let v = integer(Int32.self) { self = .i32(UInt32(bitPattern: v)) }
            else if let v = integer(UInt32.self) { self = .i32(v) } else { return nil }
        case "i64":
            if let v = integer(Int64.self) { self = .i64(UInt64(bitPattern: v)) }
            else if let v = integer(UInt64.self) { self = .i64(v) } else { return nil }
        case "f32": guard let v = Float(body) else { return nil }; self = .f32(v.bitPattern)
        case "f64": guard let v = Double(body) else { return nil }; self = .f64(v.bitPattern)
        case "v128": guard let v = V128(hex: body) else { return nil }; self = .v128(v)
        default: return nil
        }
    }
}
