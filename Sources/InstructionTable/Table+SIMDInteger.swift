// SIMD integer lanes. A shape's rows are built from its lane views (V128's `i8x16`, signed
// `s8x16`, ...); Machine+SIMD.swift has the lane-wise helpers. Shifts take the count modulo
// the lane width; saturating ops clamp; abs and neg wrap (abs of the minimum is itself).
extension Table {
    struct Shape {
        var name: String          // i8x16
        var signed: String        // s8x16
        var u: String, s: String  // lane scalar types
        var bits: Int
        var vector: String { "SIMD\(128 / bits)<\(u)>" }
    }

    static let i8 = Shape(name: "i8x16", signed: "s8x16", u: "UInt8", s: "Int8", bits: 8)
    static let i16 = Shape(name: "i16x8", signed: "s16x8", u: "UInt16", s: "Int16", bits: 16)
    static let i32 = Shape(name: "i32x4", signed: "s32x4", u: "UInt32", s: "Int32", bits: 32)
    static let i64 = Shape(name: "i64x2", signed: "s64x2", u: "UInt64", s: "Int64", bits: 64)

    static let simdBitwise = Section("SIMD: bitwise", [
        simd("v128Not", "v128.not", [.v128], "V128(low: ~x.low, high: ~x.high)"),
        simd("v128And", "v128.and", [.v128, .v128], "V128(low: x.low & y.low, high: x.high & y.high)"),
        simd("v128Andnot", "v128.andnot", [.v128, .v128], "V128(low: x.low & ~y.low, high: x.high & ~y.high)"),
        simd("v128Or", "v128.or", [.v128, .v128], "V128(low: x.low | y.low, high: x.high | y.high)"),
        simd("v128Xor", "v128.xor", [.v128, .v128], "V128(low: x.low ^ y.low, high: x.high ^ y.high)"),
        simd("v128Bitselect", "v128.bitselect", [.v128, .v128, .v128],
             "V128(low: (x.low & z.low) | (y.low & ~z.low), high: (x.high & z.high) | (y.high & ~z.high))"),
        simd("v128AnyTrue", "v128.any_true", [.v128], "asSlot(x.low | x.high != 0)", result: .i32),
    ])

    static func compares(_ t: Shape, unsigned: Bool = true) -> [Row] {
        var rows = [cmp(t.name, "Eq", "eq", t.name, ".=="), cmp(t.name, "Ne", "ne", t.name, ".!=")]
        for (op, text, swift) in [("Lt", "lt", ".<"), ("Gt", "gt", ".>"), ("Le", "le", ".<="), ("Ge", "ge", ".>=")] {
            rows.append(cmp(t.name, op + "S", text + "_s", t.signed, swift))
            if unsigned { rows.append(cmp(t.name, op + "U", text + "_u", t.name, swift)) }
        }
        return rows
    }

    static func cmp(_ shape: String, _ op: String, _ text: String, _ view: String, _ swift: String) -> Row {
        simd(shape + op, "\(shape).\(text)", [.v128, .v128], "V128(mask: x.\(view) \(swift) y.\(view))")
    }

    /// abs, neg, all_true, bitmask, shifts, add, sub: every integer shape has them.
    static func common(_ t: Shape) -> [Row] {
        let n = t.name, shift = "\(t.u)(asU32(y) % \(t.bits))", sshift = "\(t.s)(asU32(y) % \(t.bits))"
        return [
            simd(n + "Abs", n + ".abs", [.v128], "V128(Machine.lanes(x.\(t.signed)) { $0 < 0 ? 0 &- $0 : $0 })"),
            simd(n + "Neg", n + ".neg", [.v128], "V128(Machine.lanes(x.\(n)) { 0 &- $0 })"),
            simd(n + "AllTrue", n + ".all_true", [.v128], "asSlot(Machine.allTrue(x.\(n)))", result: .i32),
            simd(n + "Bitmask", n + ".bitmask", [.v128], "Machine.bitmask(x.\(t.signed))", result: .i32),
            simd(n + "Shl", n + ".shl", [.v128, .i32], "V128(x.\(n) &<< \(shift))"),
            simd(n + "ShrS", n + ".shr_s", [.v128, .i32], "V128(x.\(t.signed) &>> \(sshift))"),
            simd(n + "ShrU", n + ".shr_u", [.v128, .i32], "V128(x.\(n) &>> \(shift))"),
            simd(n + "Add", n + ".add", [.v128, .v128], "V128(x.\(n) &+ y.\(n))"),
            simd(n + "Sub", n + ".sub", [.v128, .v128], "V128(x.\(n) &- y.\(n))"),
        ]
    }

    /// Saturating add/sub, min/max and avgr_u (i8x16 and i16x8).
    static func narrowLanes(_ t: Shape) -> [Row] {
        let n = t.name
        func lanes(_ view: String, _ body: String) -> String { "V128(Machine.lanes(x.\(view), y.\(view)) { \(body) })" }
        return [
            simd(n + "AddSatS", n + ".add_sat_s", [.v128, .v128], lanes(t.signed, "\(t.s)(clamping: Int($0) + Int($1))")),
            simd(n + "AddSatU", n + ".add_sat_u", [.v128, .v128], lanes(n, "\(t.u)(clamping: Int($0) + Int($1))")),
            simd(n + "SubSatS", n + ".sub_sat_s", [.v128, .v128], lanes(t.signed, "\(t.s)(clamping: Int($0) - Int($1))")),
            simd(n + "SubSatU", n + ".sub_sat_u", [.v128, .v128], lanes(n, "\(t.u)(clamping: Int($0) - Int($1))")),
            simd(n + "AvgrU", n + ".avgr_u", [.v128, .v128], lanes(n, "\(t.u)((UInt32($0) + UInt32($1) + 1) / 2)")),
        ] + minMax(t)
    }

    static func minMax(_ t: Shape) -> [Row] {
        let n = t.name
        return [("MinS", "min_s", "Min", t.signed), ("MinU", "min_u", "Min", n), ("MaxS", "max_s", "Max", t.signed), ("MaxU", "max_u", "Max", n)]
            .map { simd(n + $0.0, "\(n).\($0.1)", [.v128, .v128], "V128(pointwise\($0.2)(x.\($0.3), y.\($0.3)))") }
    }

    /// extend_low/high, extmul_low/high and extadd_pairwise of `t` from the half-width shape `from`.
    static func widening(_ t: Shape, from f: Shape, extmul: Bool = true, extadd: Bool = true) -> [Row] {
        let n = t.name, src = f.name.uppercased()
        let wideS = "SIMD\(128 / t.bits)<\(t.s)>", wideU = "SIMD\(128 / t.bits)<\(t.u)>"
        var rows: [Row] = []
        for (half, text) in [("Low", "low"), ("High", "high")] {
            for (sign, view, wide) in [("S", f.signed, wideS), ("U", f.name, wideU)] {
                let high = half == "High"
                rows.append(simd("\(n)Extend\(half)\(src)\(sign)", "\(n).extend_\(text)_\(f.name)_\(sign.lowercased())", [.v128],
                                 "V128(Machine.extend(x.\(view), high: \(high), \(wide).self))"))
            }
        }
        if extmul {
            for (half, text) in [("Low", "low"), ("High", "high")] {
                for (sign, view, wide) in [("S", f.signed, wideS), ("U", f.name, wideU)] {
                    rows.append(simd("\(n)Extmul\(half)\(src)\(sign)", "\(n).extmul_\(text)_\(f.name)_\(sign.lowercased())", [.v128, .v128],
                                     "V128(Machine.extend(x.\(view), high: \(half == "High"), \(wide).self) &* Machine.extend(y.\(view), high: \(half == "High"), \(wide).self))"))
                }
            }
        }
        if extadd {
            for (sign, view, wide) in [("S", f.signed, wideS), ("U", f.name, wideU)] {
                rows.append(simd("\(n)ExtaddPairwise\(src)\(sign)", "\(n).extadd_pairwise_\(f.name)_\(sign.lowercased())", [.v128],
                                 "V128(Machine.extaddPairwise(x.\(view), \(wide).self))"))
            }
        }
        return rows
    }

    static let simdCompares = Section("SIMD: integer compares (all-ones lanes where true)",
                                      compares(i8) + compares(i16) + compares(i32) + compares(i64, unsigned: false))

    static let simdInteger = Section("SIMD: integer lanes", common(i8) + [
        simd("i8x16Popcnt", "i8x16.popcnt", [.v128], "V128(Machine.lanes(x.i8x16) { UInt8($0.nonzeroBitCount) })"),
        simd("i8x16NarrowI16X8S", "i8x16.narrow_i16x8_s", [.v128, .v128], "V128(Machine.narrow(x.s16x8, y.s16x8, SIMD16<Int8>.self))"),
        simd("i8x16NarrowI16X8U", "i8x16.narrow_i16x8_u", [.v128, .v128], "V128(Machine.narrow(x.s16x8, y.s16x8, SIMD16<UInt8>.self))"),
    ] + narrowLanes(i8) + common(i16) + [
        simd("i16x8Mul", "i16x8.mul", [.v128, .v128], "V128(x.i16x8 &* y.i16x8)"),
        simd("i16x8Q15MulrSatS", "i16x8.q15mulr_sat_s", [.v128, .v128],
             "V128(Machine.lanes(x.s16x8, y.s16x8) { Int16(clamping: (Int32($0) * Int32($1) + 0x4000) >> 15) })"),
        simd("i16x8NarrowI32X4S", "i16x8.narrow_i32x4_s", [.v128, .v128], "V128(Machine.narrow(x.s32x4, y.s32x4, SIMD8<Int16>.self))"),
        simd("i16x8NarrowI32X4U", "i16x8.narrow_i32x4_u", [.v128, .v128], "V128(Machine.narrow(x.s32x4, y.s32x4, SIMD8<UInt16>.self))"),
    ] + narrowLanes(i16) + widening(i16, from: i8) + common(i32) + [
        simd("i32x4Mul", "i32x4.mul", [.v128, .v128], "V128(x.i32x4 &* y.i32x4)"),
        simd("i32x4DotI16X8S", "i32x4.dot_i16x8_s", [.v128, .v128], "V128(Machine.dot(x.s16x8, y.s16x8))"),
    ] + minMax(i32) + widening(i32, from: i16) + common(i64) + [
        simd("i64x2Mul", "i64x2.mul", [.v128, .v128], "V128(x.i64x2 &* y.i64x2)"),
    ] + widening(i64, from: i32, extadd: false))
}
