import WAT
import WasmVM

/// Why a directive cannot run here (reported as skipped, not failed).
struct WastUnsupported: Error {
    var reason: String
}

enum WastValues {
    /// An invoke argument as a machine value. `ref.extern N` becomes the host value N.
    static func argument(_ value: WASTConstValue) throws(WastUnsupported) -> Value {
        switch value {
        case .i32(let v): return .i32(v)
        case .i64(let v): return .i64(v)
        case .f32(let v): return .f32(v)
        case .f64(let v): return .f64(v)
        case .v128(let v): return .v128(WasmVM.V128(bytes: v.bytes) ?? .zero)
        case .refNull(let heap):
            if heap == .funcRef { return .funcref(nil) }
            if heap == .externRef { return .externref(nil) }
            throw WastUnsupported(reason: "needs ref.null \(heap) (not in WebAssembly 2.0)")
        case .refExtern(let v): return .externref(Int(v))
        case .refFunc: throw WastUnsupported(reason: "needs a ref.func argument")
        case .refHost: throw WastUnsupported(reason: "needs ref.host (not in WebAssembly 2.0)")
        }
    }

    /// Rejects expectations this interpreter cannot produce at all (v128, GC references).
    static func checkSupported(_ expected: WASTExpectValue) throws(WastUnsupported) {
        switch expected {
        case .i32, .i64, .f32, .f64, .refNull, .refFunc, .refExtern, .v128, .v128Pattern,
             .f32CanonicalNaN, .f32ArithmeticNaN, .f64CanonicalNaN, .f64ArithmeticNaN:
            return
        case .either(let values): for v in values { try checkSupported(v) }
        case .refI31, .refStruct, .refArray, .refEq, .refHost:
            throw WastUnsupported(reason: "needs GC references (not in WebAssembly 2.0)")
        }
    }

    /// Whether `actual` satisfies `expected`. Floats compare bit for bit (NaN payloads included)
    /// unless the script asks for a canonical or arithmetic NaN.
    /// `canonicalMasks`: for each float lane pattern with NaN lanes, in order, the lanes that
    /// must be canonical NaNs (the others arithmetic); consumed as patterns are met.
    static func matches(_ actual: Value, _ expected: WASTExpectValue, canonicalMasks: inout ArraySlice<UInt8>) -> Bool {
        switch (actual, expected) {
        case (.i32(let a), .i32(let e)): return a == e
        case (.i64(let a), .i64(let e)): return a == e
        case (.f32(let a), .f32(let e)): return a == e
        case (.f64(let a), .f64(let e)): return a == e
        case (.f32(let a), .f32CanonicalNaN): return a & 0x7fff_ffff == 0x7fc0_0000
        case (.f32(let a), .f32ArithmeticNaN): return a & 0x7fc0_0000 == 0x7fc0_0000
        case (.f64(let a), .f64CanonicalNaN): return a & 0x7fff_ffff_ffff_ffff == 0x7ff8_0000_0000_0000
        case (.f64(let a), .f64ArithmeticNaN): return a & 0x7ff8_0000_0000_0000 == 0x7ff8_0000_0000_0000
        case (.funcref(nil), .refNull(let heap)): return heap == nil || heap == .funcRef
        case (.externref(nil), .refNull(let heap)): return heap == nil || heap == .externRef
        // Function indices of the script are not store addresses; 2.0 scripts only ask for "some function".
        case (.funcref(.some), .refFunc): return true
        case (.externref(let a?), .refExtern(let e)): return e.map { a == Int($0) } ?? true
        case (.v128(let a), .v128(let e)): return a.bytes == e.bytes
        case (.v128(let a), .v128Pattern(let e)):
            let canonical = e.nanLaneMask != 0 ? canonicalMasks.popFirst() : 0
            return matches(a, e, canonical: canonical)
        case (_, .either(let candidates)):
            // Every candidate consumes its masks, whichever matches.
            var matched = false
            for c in candidates where matches(actual, c, canonicalMasks: &canonicalMasks) { matched = true }
            return matched
        default: return false
        }
    }

    /// A v128 against a lane pattern: a NaN lane must be a canonical NaN if `canonical` has its
    /// bit, else an arithmetic one (as the scalar patterns); the other lanes equal bit for bit.
    /// (nil `canonical`: the script text was not read, any NaN.)
    static func matches(_ actual: WasmVM.V128, _ expected: V128Expectation, canonical: UInt8?) -> Bool {
        let bytes = actual.bytes, width = expected.shape == .f64x2 ? 8 : 4
        for lane in 0 ..< 16 / width {
            let range = lane * width ..< (lane + 1) * width
            if expected.nanLaneMask & (1 << UInt8(lane)) != 0 {
                let bits = range.reversed().reduce(UInt64(0)) { $0 << 8 | UInt64(bytes[$1]) }
                let wantsCanonical = canonical.map { $0 & (1 << UInt8(lane)) != 0 }
                let ok: Bool = switch (width, wantsCanonical) {
                case (4, true?): matches(.f32(UInt32(bits)), .f32CanonicalNaN)
                case (4, false?): matches(.f32(UInt32(bits)), .f32ArithmeticNaN)
                case (4, nil): Float(bitPattern: UInt32(bits)).isNaN
                case (_, true?): matches(.f64(bits), .f64CanonicalNaN)
                case (_, false?): matches(.f64(bits), .f64ArithmeticNaN)
                case (_, nil): Double(bitPattern: bits).isNaN
                }
                guard ok else { return false }
            } else if Array(bytes[range]) != Array(expected.bytes[range]) {
                return false
            }
        }
        return true
    }

    static func matches(_ actual: Value, _ expected: WASTExpectValue) -> Bool {
        var none: ArraySlice<UInt8> = []
        return matches(actual, expected, canonicalMasks: &none)
    }

    static func matches(_ actual: [Value], _ expected: [WASTExpectValue], canonicalMasks: [UInt8] = []) -> Bool {
        var masks = canonicalMasks[...]
        guard actual.count == expected.count else { return false }
        var all = true
        for (a, e) in zip(actual, expected) where !matches(a, e, canonicalMasks: &masks) { all = false }
        return all
    }

    // MARK: Text

    /// `i32:42`, `f32:1.5 (0x3fc00000)`: floats also show their bits, since NaN payloads matter.
    static func text(_ value: Value) -> String {
        switch value {
        case .f32(let bits): "f32:\(Float(bitPattern: bits)) (0x\(hex(UInt64(bits), digits: 8)))"
        case .f64(let bits): "f64:\(Double(bitPattern: bits)) (0x\(hex(bits, digits: 16)))"
        default: value.description
        }
    }

    static func text(_ values: [Value]) -> String {
        "(" + values.map(text).joined(separator: ", ") + ")"
    }

    static func text(_ expected: WASTExpectValue) -> String {
        switch expected {
        case .i32(let v): return text(Value.i32(v))
        case .i64(let v): return text(Value.i64(v))
        case .f32(let v): return text(Value.f32(v))
        case .f64(let v): return text(Value.f64(v))
        case .f32CanonicalNaN: return "f32:nan:canonical"
        case .f32ArithmeticNaN: return "f32:nan:arithmetic"
        case .f64CanonicalNaN: return "f64:nan:canonical"
        case .f64ArithmeticNaN: return "f64:nan:arithmetic"
        case .refNull(let heap):
            if heap == .funcRef { return "funcref:null" }
            if heap == .externRef { return "externref:null" }
            return "ref.null"
        case .refFunc(let index): return "funcref:" + (index.map { "func \($0)" } ?? "any")
        case .refExtern(let v): return "externref:" + (v.map(String.init) ?? "any")
        case .either(let values): return "either(" + values.map(text).joined(separator: " | ") + ")"
        case .v128(let v): return text(Value.v128(WasmVM.V128(bytes: v.bytes) ?? .zero))
        case .v128Pattern(let e):
            let lanes = e.shape == .f64x2 ? 2 : 4
            let v = WasmVM.V128(bytes: e.bytes) ?? .zero
            return "v128:\(e.shape == .f64x2 ? "f64x2" : "f32x4")[" + (0 ..< lanes).map { lane in
                e.nanLaneMask & (1 << UInt8(lane)) != 0 ? "nan"
                    : lanes == 2 ? "\(v.f64x2[lane])" : "\(v.f32x4[lane])"
            }.joined(separator: " ") + "]"
        default: return "\(expected)"
        }
    }

    static func text(_ expected: [WASTExpectValue]) -> String {
        "(" + expected.map(text).joined(separator: ", ") + ")"
    }

    private static func hex(_ value: UInt64, digits: Int) -> String {
        let s = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - s.count)) + s
    }
}
