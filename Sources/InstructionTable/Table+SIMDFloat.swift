// SIMD float lanes: each lane as the scalar op of Table+Float (the same NaN choice for add and
// mul, wasm's min/max), pmin/pmax as the spec's compare-and-select, bit-exact abs and neg;
// conversions saturate like the scalar trunc_sat ops.
extension Table {
    static func floatLanes(_ n: String, _ bits: String, sign: String) -> [Row] {
        func unary(_ op: String, _ text: String, _ body: String) -> Row {
            simd(n + op, "\(n).\(text)", [.v128], "V128(Machine.lanes(x.\(n)) { \(body) })")
        }
        func binary(_ op: String, _ text: String, _ body: String) -> Row {
            simd(n + op, "\(n).\(text)", [.v128, .v128], "V128(Machine.lanes(x.\(n), y.\(n)) { \(body) })")
        }
        func cmp(_ op: String, _ text: String, _ swift: String) -> Row {
            simd(n + op, "\(n).\(text)", [.v128, .v128], "V128(mask: x.\(n) \(swift) y.\(n))")
        }
        return [
            cmp("Eq", "eq", ".=="), cmp("Ne", "ne", ".!="), cmp("Lt", "lt", ".<"),
            cmp("Gt", "gt", ".>"), cmp("Le", "le", ".<="), cmp("Ge", "ge", ".>="),
            simd(n + "Abs", n + ".abs", [.v128], "V128(x.\(bits) & ~\(sign))"),
            simd(n + "Neg", n + ".neg", [.v128], "V128(x.\(bits) ^ \(sign))"),
            unary("Sqrt", "sqrt", "$0.squareRoot()"),
            unary("Ceil", "ceil", "$0.rounded(.up)"),
            unary("Floor", "floor", "$0.rounded(.down)"),
            unary("Trunc", "trunc", "$0.rounded(.towardZero)"),
            unary("Nearest", "nearest", "$0.rounded(.toNearestOrEven)"),
            binary("Add", "add", "Machine.wasmAdd($0, $1)"),
            binary("Sub", "sub", "$0 - $1"),
            binary("Mul", "mul", "Machine.wasmMul($0, $1)"),
            binary("Div", "div", "$0 / $1"),
            binary("Min", "min", "Machine.wasmMin($0, $1)"),
            binary("Max", "max", "Machine.wasmMax($0, $1)"),
            binary("Pmin", "pmin", "$1 < $0 ? $1 : $0"),
            binary("Pmax", "pmax", "$0 < $1 ? $1 : $0"),
        ]
    }

    static let simdFloat = Section("SIMD: float lanes", floatLanes("f32x4", "i32x4", sign: "0x8000_0000")
        + floatLanes("f64x2", "i64x2", sign: "0x8000_0000_0000_0000") + [
        simd("i32x4TruncSatF32X4S", "i32x4.trunc_sat_f32x4_s", [.v128],
             "V128(Machine.map(x.f32x4, SIMD4<Int32>.self) { Machine.saturate(Double($0), Int32.self) })"),
        simd("i32x4TruncSatF32X4U", "i32x4.trunc_sat_f32x4_u", [.v128],
             "V128(Machine.map(x.f32x4, SIMD4<UInt32>.self) { Machine.saturate(Double($0), UInt32.self) })"),
        simd("i32x4TruncSatF64X2SZero", "i32x4.trunc_sat_f64x2_s_zero", [.v128],
             "V128(SIMD4<Int32>(Machine.saturate(x.f64x2[0], Int32.self), Machine.saturate(x.f64x2[1], Int32.self), 0, 0))"),
        simd("i32x4TruncSatF64X2UZero", "i32x4.trunc_sat_f64x2_u_zero", [.v128],
             "V128(SIMD4<UInt32>(Machine.saturate(x.f64x2[0], UInt32.self), Machine.saturate(x.f64x2[1], UInt32.self), 0, 0))"),
        simd("f32x4ConvertI32X4S", "f32x4.convert_i32x4_s", [.v128], "V128(Machine.map(x.s32x4, SIMD4<Float>.self) { Float($0) })"),
        simd("f32x4ConvertI32X4U", "f32x4.convert_i32x4_u", [.v128], "V128(Machine.map(x.i32x4, SIMD4<Float>.self) { Float($0) })"),
        simd("f64x2ConvertLowI32X4S", "f64x2.convert_low_i32x4_s", [.v128], "V128(SIMD2<Double>(Double(x.s32x4[0]), Double(x.s32x4[1])))"),
        simd("f64x2ConvertLowI32X4U", "f64x2.convert_low_i32x4_u", [.v128], "V128(SIMD2<Double>(Double(x.i32x4[0]), Double(x.i32x4[1])))"),
        simd("f32x4DemoteF64X2Zero", "f32x4.demote_f64x2_zero", [.v128], "V128(SIMD4<Float>(Float(x.f64x2[0]), Float(x.f64x2[1]), 0, 0))"),
        simd("f64x2PromoteLowF32X4", "f64x2.promote_low_f32x4", [.v128], "V128(SIMD2<Double>(Double(x.f32x4[0]), Double(x.f32x4[1])))"),
    ])
}
