import WasmVM

/// How a v128 is shown and typed: one 128-bit hex number (the default: no lane type is
/// assumed), or lanes of one type, lane 0 first (`i32x4 [1 2 3 4]`). Integer lanes show
/// signed; float lanes in the shortest round-trip form (`nan`, `inf`, `-0.0`).
public enum V128Shape: String, CaseIterable, Sendable {
    case hex, i8x16, i16x8, i32x4, i64x2, f32x4, f64x2

    /// The names a user types, as usage text shows them.
    public static let usage = "i8x16|i16x8|i32x4|i64x2|f32x4|f64x2|hex"

    /// The shapes with lanes (every one but hex).
    public static let laneShapes: [V128Shape] = allCases.filter { $0 != .hex }

    public var laneCount: Int {
        switch self {
        case .hex: 1
        case .i8x16: 16
        case .i16x8: 8
        case .i32x4, .f32x4: 4
        case .i64x2, .f64x2: 2
        }
    }

    public var isFloat: Bool { self == .f32x4 || self == .f64x2 }

    /// Lane width in bits (128 for hex).
    public var laneBits: Int { 128 / laneCount }

    /// The next shape in `usage` order, hex after f64x2 (the TUI's cycling key).
    public var next: V128Shape {
        let order: [V128Shape] = [.i8x16, .i16x8, .i32x4, .i64x2, .f32x4, .f64x2, .hex]
        return order[(order.firstIndex(of: self)! + 1) % order.count]
    }

    /// What an integer lane takes when typed, signed or unsigned as wasm lanes are both:
    /// the largest negative magnitude and the largest value (`-128...255`).
    var integerLimits: (negative: UInt64, positive: UInt64) {
        (UInt64(1) << (laneBits - 1), laneBits == 64 ? UInt64.max : (UInt64(1) << laneBits) - 1)
    }
}

extension V128 {
    /// Lane `k` of `shape` as text (signed integers, shortest floats); hex: the whole value.
    public func laneText(_ k: Int, _ shape: V128Shape) -> String {
        switch shape {
        case .hex: description
        case .i8x16: "\(s8x16[k])"
        case .i16x8: "\(s16x8[k])"
        case .i32x4: "\(s32x4[k])"
        case .i64x2: "\(s64x2[k])"
        case .f32x4: "\(f32x4[k])"
        case .f64x2: "\(f64x2[k])"
        }
    }

    /// `v128 0x…` (32 digits, lane 15's byte first) or `i32x4 [1 2 3 4]` (lane 0 first).
    public func text(_ shape: V128Shape) -> String {
        shape == .hex ? "v128 \(self)" : "\(shape) [\(laneList(shape, separator: " "))]"
    }

    /// The typed-string body after `v128:` that parses back: `0x…` or `i32x4:1,2,3,4`.
    public func typedBody(_ shape: V128Shape) -> String {
        shape == .hex ? description : "\(shape):\(laneList(shape, separator: ","))"
    }

    func laneList(_ shape: V128Shape, separator: String) -> String {
        (0 ..< shape.laneCount).map { laneText($0, shape) }.joined(separator: separator)
    }

    /// Lane `k` as a signed integer (integer shapes) or its float value widened (float shapes).
    public func integerLane(_ k: Int, _ shape: V128Shape) -> Int64 {
        switch shape {
        case .i8x16: Int64(s8x16[k])
        case .i16x8: Int64(s16x8[k])
        case .i32x4: Int64(s32x4[k])
        case .i64x2: s64x2[k]
        case .hex, .f32x4, .f64x2: Int64(bitPattern: low)
        }
    }

    public func floatLane(_ k: Int, _ shape: V128Shape) -> Double {
        shape == .f32x4 ? Double(f32x4[k]) : f64x2[k]
    }

    /// Parses `0x…`, `hex:0x…` or `SHAPE:L0,L1,…` (lane 0 first, exactly the shape's lane
    /// count; integer lanes signed or unsigned in the lane's range, decimal or `0x`; float
    /// lanes as Swift reads them: `1.5`, `-0`, `nan`, `inf`). The error is one line.
    public init(typedBody text: String) throws(V128ParseError) {
        guard let colon = text.firstIndex(of: ":") else {
            guard let v = V128(hex: text) else { throw V128ParseError("'\(text)' is not 0x and up to 32 hex digits (or SHAPE:LANES, shapes \(V128Shape.usage))") }
            self = v
            return
        }
        let name = String(text[..<colon]), body = String(text[text.index(after: colon)...])
        guard let shape = V128Shape(rawValue: name) else { throw V128ParseError("unknown lane shape '\(name)' (\(V128Shape.usage))") }
        if shape == .hex {
            guard let v = V128(hex: body) else { throw V128ParseError("'\(body)' is not 0x and up to 32 hex digits") }
            self = v
            return
        }
        let lanes = body.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard lanes.count == shape.laneCount else {
            throw V128ParseError("\(shape) takes \(shape.laneCount) lanes separated by commas, \(lanes.count) given")
        }
        var bytes: [UInt8] = []
        for (k, lane) in lanes.enumerated() {
            let width = shape.laneBits / 8
            let bits: UInt64
            if shape.isFloat {
                if shape == .f32x4 {
                    guard let f = Float(lane) else { throw V128ParseError("lane \(k): '\(lane)' is not an f32 (1.5, -0, nan, inf)") }
                    bits = UInt64(f.bitPattern)
                } else {
                    guard let d = Double(lane) else { throw V128ParseError("lane \(k): '\(lane)' is not an f64 (1.5, -0, nan, inf)") }
                    bits = d.bitPattern
                }
            } else {
                let limits = shape.integerLimits
                guard let (negative, magnitude) = Self.integer(lane) else { throw V128ParseError("lane \(k): '\(lane)' is not an integer (decimal or 0x hex)") }
                guard let magnitude, magnitude <= (negative ? limits.negative : limits.positive) else {
                    throw V128ParseError("lane \(k): \(lane) is out of range: \(shape) lanes take -\(limits.negative)...\(limits.positive)")
                }
                bits = negative ? 0 &- magnitude : magnitude
            }
            for b in 0 ..< width { bytes.append(UInt8(truncatingIfNeeded: bits >> (8 * b))) }
        }
        self = V128(bytes: bytes)!
    }

    /// Decimal or `0x` hex, optionally negative: the sign and the magnitude (nil past 2^64-1).
    private static func integer(_ text: String) -> (negative: Bool, magnitude: UInt64?)? {
        var body = Substring(text)
        let negative = body.hasPrefix("-")
        if negative || body.hasPrefix("+") { body = body.dropFirst() }
        let hex = body.hasPrefix("0x") || body.hasPrefix("0X")
        let digits = hex ? body.dropFirst(2) : body
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy({ hex ? $0.isHexDigit : $0.isNumber }) else { return nil }
        return (negative, UInt64(digits, radix: hex ? 16 : 10))
    }
}

/// A v128 text that does not parse: one line, without the place (the caller names it).
public struct V128ParseError: Error, Sendable, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

extension Value {
    /// The typed string with a v128 in `shape` (`v128:i32x4:1,2,3,4`); other values as `description`.
    public func typedText(v128 shape: V128Shape) -> String {
        if case .v128(let v) = self { return "v128:" + v.typedBody(shape) }
        return description
    }

    /// `Value(typedString:)` that also reads v128 lanes (`v128:i32x4:1,2,3,4`, `v128:hex:0x…`);
    /// nil when it is not a typed value at all, an error when it is a v128 that does not parse.
    public static func parseTyped(_ text: String) throws(V128ParseError) -> Value? {
        if text.hasPrefix("v128:") { return .v128(try V128(typedBody: String(text.dropFirst(5)))) }
        return Value(typedString: text)
    }
}
