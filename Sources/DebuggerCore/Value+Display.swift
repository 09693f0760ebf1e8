import WasmVM

extension Value {
    /// The value without its type: signed decimal integers, shortest floats, `null`.
    public var plainText: String {
        let text = description
        return String(text[text.index(after: text.firstIndex(of: ":")!)...])
    }

    /// `i32 0x0000002a  42`: the stack and locals panes' typed form.
    public var paneText: String {
        switch self {
        case .i32(let v): "i32 0x\(hex(UInt64(v), digits: 8))  \(Int32(bitPattern: v))"
        case .i64(let v): "i64 0x\(hex(v, digits: 16))  \(Int64(bitPattern: v))"
        case .f32(let v): "f32 0x\(hex(UInt64(v), digits: 8))  \(Float(bitPattern: v))"
        case .f64(let v): "f64 0x\(hex(v, digits: 16))  \(Double(bitPattern: v))"
        case .funcref, .externref: "\(type) \(plainText)"
        case .v128(let v): "v128 \(v)"
        }
    }

    /// The integer a condition compares: signed for i32/i64, bit patterns for floats, -1 for null.
    var conditionInteger: Int64 {
        switch self {
        case .i32(let v): Int64(Int32(bitPattern: v))
        case .i64(let v): Int64(bitPattern: v)
        case .f32(let v): Int64(v)
        case .f64(let v): Int64(bitPattern: v)
        case .funcref(let a), .externref(let a): a.map(Int64.init) ?? -1
        case .v128(let v): Int64(bitPattern: v.low)   // lanes are the v128 display's (issue 13 item 3)
        }
    }
}

func hex(_ value: UInt64, digits: Int = 0) -> String {
    let text = String(value, radix: 16)
    return text.count >= digits ? text : String(repeating: "0", count: digits - text.count) + text
}
