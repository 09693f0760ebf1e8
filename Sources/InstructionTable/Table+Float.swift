// Float arithmetic: IEEE with wasm's min/max and NaN choice (Machine+Numeric.swift says
// why add and mul pick their NaN), bit-exact abs/neg/copysign on the slot.
extension Table {
    static let floatArithmetic = Section("Float arithmetic", [
        fUnary("f32Abs", "f32.abs", .f32, "x & 0x7fff_ffff"),
        fUnary("f32Neg", "f32.neg", .f32, "(x ^ 0x8000_0000) & 0xffff_ffff"),
        fUnary("f32Ceil", "f32.ceil", .f32, "asSlot(asF32(x).rounded(.up))"),
        fUnary("f32Floor", "f32.floor", .f32, "asSlot(asF32(x).rounded(.down))"),
        fUnary("f32Trunc", "f32.trunc", .f32, "asSlot(asF32(x).rounded(.towardZero))"),
        fUnary("f32Nearest", "f32.nearest", .f32, "asSlot(asF32(x).rounded(.toNearestOrEven))"),
        fUnary("f32Sqrt", "f32.sqrt", .f32, "asSlot(asF32(x).squareRoot())"),
        fBinary("f32Add", "f32.add", .f32, "asSlot(Machine.wasmAdd(asF32(x), asF32(y)))"),
        fBinary("f32Sub", "f32.sub", .f32, "asSlot(asF32(x) - asF32(y))"),
        fBinary("f32Mul", "f32.mul", .f32, "asSlot(Machine.wasmMul(asF32(x), asF32(y)))"),
        fBinary("f32Div", "f32.div", .f32, "asSlot(asF32(x) / asF32(y))"),
        fBinary("f32Min", "f32.min", .f32, "asSlot(Machine.wasmMin(asF32(x), asF32(y)))"),
        fBinary("f32Max", "f32.max", .f32, "asSlot(Machine.wasmMax(asF32(x), asF32(y)))"),
        fBinary("f32Copysign", "f32.copysign", .f32, "(x & 0x7fff_ffff) | (y & 0x8000_0000)"),
        fUnary("f64Abs", "f64.abs", .f64, "x & 0x7fff_ffff_ffff_ffff"),
        fUnary("f64Neg", "f64.neg", .f64, "x ^ 0x8000_0000_0000_0000"),
        fUnary("f64Ceil", "f64.ceil", .f64, "asSlot(asF64(x).rounded(.up))"),
        fUnary("f64Floor", "f64.floor", .f64, "asSlot(asF64(x).rounded(.down))"),
        fUnary("f64Trunc", "f64.trunc", .f64, "asSlot(asF64(x).rounded(.towardZero))"),
        fUnary("f64Nearest", "f64.nearest", .f64, "asSlot(asF64(x).rounded(.toNearestOrEven))"),
        fUnary("f64Sqrt", "f64.sqrt", .f64, "asSlot(asF64(x).squareRoot())"),
        fBinary("f64Add", "f64.add", .f64, "asSlot(Machine.wasmAdd(asF64(x), asF64(y)))"),
        fBinary("f64Sub", "f64.sub", .f64, "asSlot(asF64(x) - asF64(y))"),
        fBinary("f64Mul", "f64.mul", .f64, "asSlot(Machine.wasmMul(asF64(x), asF64(y)))"),
        fBinary("f64Div", "f64.div", .f64, "asSlot(asF64(x) / asF64(y))"),
        fBinary("f64Min", "f64.min", .f64, "asSlot(Machine.wasmMin(asF64(x), asF64(y)))"),
        fBinary("f64Max", "f64.max", .f64, "asSlot(Machine.wasmMax(asF64(x), asF64(y)))"),
        fBinary("f64Copysign", "f64.copysign", .f64, "(x & 0x7fff_ffff_ffff_ffff) | (y & 0x8000_0000_0000_0000)"),
    ])

    static func fUnary(_ name: String, _ mnemonic: String, _ type: ValueKind, _ value: String) -> Row {
        Row(name, mnemonic, parser: .unary, [type], [type], .value(value), fast: [.unary])
    }

    static func fBinary(_ name: String, _ mnemonic: String, _ type: ValueKind, _ value: String) -> Row {
        Row(name, mnemonic, parser: .binary, [type, type], [type], .value(value), fast: [.slotSlot])
    }
}
