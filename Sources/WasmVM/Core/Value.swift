/// A WebAssembly 2.0 value type (SIMD's v128 is not supported).
public enum ValueType: UInt8, Hashable, Sendable, CustomStringConvertible {
    case i32, i64, f32, f64, funcref, externref

    public var isReference: Bool { self == .funcref || self == .externref }
    public var description: String {
        switch self {
        case .i32: "i32"
        case .i64: "i64"
        case .f32: "f32"
        case .f64: "f64"
        case .funcref: "funcref"
        case .externref: "externref"
        }
    }
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

    public var type: ValueType {
        switch self {
        case .i32: .i32
        case .i64: .i64
        case .f32: .f32
        case .f64: .f64
        case .funcref: .funcref
        case .externref: .externref
        }
    }

    /// The raw 64-bit stack slot this value occupies in the interpreter.
    /// References: 0 is null, otherwise address + 1.
    public var slot: UInt64 {
        switch self {
        case .i32(let v): UInt64(v)
        case .i64(let v): v
        case .f32(let v): UInt64(v)
        case .f64(let v): v
        case .funcref(let a), .externref(let a): a.map { UInt64($0) &+ 1 } ?? 0
        }
    }

    /// Rebuilds a typed value from a raw stack slot.
    public init(slot: UInt64, type: ValueType) {
        switch type {
        case .i32: self = .i32(UInt32(truncatingIfNeeded: slot))
        case .i64: self = .i64(slot)
        case .f32: self = .f32(UInt32(truncatingIfNeeded: slot))
        case .f64: self = .f64(slot)
        case .funcref: self = .funcref(slot == 0 ? nil : Int(slot - 1))
        case .externref: self = .externref(slot == 0 ? nil : Int(slot - 1))
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
        }
    }

    /// Parses the typed-string form (`i32:5`, `i64:-1`, `f32:0.5`, `f64:1.5`, hex `i32:0x2a`).
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
        default: return nil
        }
    }
}
