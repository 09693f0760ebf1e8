// Conversions, sign extension and saturating truncation. The trapping truncations have
// no register form: fast code runs them in stack form (FastOp.stackOp), where a trap
// leaves the fast loop at an exact state.
extension Table {
    static let conversions: [Section] = [
        Section("Conversions", [
            convert("i32WrapI64", "i32.wrap_i64", .i64, .i32, "x & 0xffff_ffff"),
            truncate("i32TruncF32S", "i32.trunc_f32_s", .f32, .i32, "asSlot(Int32(Double(asF32(x))))", "-2147483649", "2147483648"),
            truncate("i32TruncF32U", "i32.trunc_f32_u", .f32, .i32, "asSlot(UInt32(Double(asF32(x))))", "-1", "4294967296"),
            truncate("i32TruncF64S", "i32.trunc_f64_s", .f64, .i32, "asSlot(Int32(asF64(x)))", "-2147483649", "2147483648"),
            truncate("i32TruncF64U", "i32.trunc_f64_u", .f64, .i32, "asSlot(UInt32(asF64(x)))", "-1", "4294967296"),
            convert("i64ExtendI32S", "i64.extend_i32_s", .i32, .i64, "asSlot(Int64(asS32(x)))"),
            convert("i64ExtendI32U", "i64.extend_i32_u", .i32, .i64, "x & 0xffff_ffff"),
            truncate("i64TruncF32S", "i64.trunc_f32_s", .f32, .i64, "asSlot(Int64(Double(asF32(x))))",
                     "-9223372036854777856", "9223372036854775808"),
            truncate("i64TruncF32U", "i64.trunc_f32_u", .f32, .i64, "UInt64(Double(asF32(x)))", "-1", "18446744073709551616"),
            truncate("i64TruncF64S", "i64.trunc_f64_s", .f64, .i64, "asSlot(Int64(asF64(x)))",
                     "-9223372036854777856", "9223372036854775808"),
            truncate("i64TruncF64U", "i64.trunc_f64_u", .f64, .i64, "UInt64(asF64(x))", "-1", "18446744073709551616"),
            convert("f32ConvertI32S", "f32.convert_i32_s", .i32, .f32, "asSlot(Float(asS32(x)))"),
            convert("f32ConvertI32U", "f32.convert_i32_u", .i32, .f32, "asSlot(Float(asU32(x)))"),
            convert("f32ConvertI64S", "f32.convert_i64_s", .i64, .f32, "asSlot(Float(Int64(bitPattern: x)))"),
            convert("f32ConvertI64U", "f32.convert_i64_u", .i64, .f32, "asSlot(Float(x))"),
            convert("f32DemoteF64", "f32.demote_f64", .f64, .f32, "asSlot(Float(asF64(x)))"),
            convert("f64ConvertI32S", "f64.convert_i32_s", .i32, .f64, "asSlot(Double(asS32(x)))"),
            convert("f64ConvertI32U", "f64.convert_i32_u", .i32, .f64, "asSlot(Double(asU32(x)))"),
            convert("f64ConvertI64S", "f64.convert_i64_s", .i64, .f64, "asSlot(Double(Int64(bitPattern: x)))"),
            convert("f64ConvertI64U", "f64.convert_i64_u", .i64, .f64, "asSlot(Double(x))"),
            convert("f64PromoteF32", "f64.promote_f32", .f32, .f64, "asSlot(Double(asF32(x)))"),
            // The slot already holds the bits; fast code runs these in stack form.
            convert("i32ReinterpretF32", "i32.reinterpret_f32", .f32, .i32, "x", fast: []),
            convert("i64ReinterpretF64", "i64.reinterpret_f64", .f64, .i64, "x", fast: []),
            convert("f32ReinterpretI32", "f32.reinterpret_i32", .i32, .f32, "x", fast: []),
            convert("f64ReinterpretI64", "f64.reinterpret_i64", .i64, .f64, "x", fast: []),
        ]),
        Section("Sign extension", [
            Row("i32Extend8S", "i32.extend8_s", parser: .unary, [.i32], [.i32], .value("asSlot(Int32(Int8(truncatingIfNeeded: x)))"), fast: [.unary]),
            Row("i32Extend16S", "i32.extend16_s", parser: .unary, [.i32], [.i32], .value("asSlot(Int32(Int16(truncatingIfNeeded: x)))"), fast: [.unary]),
            Row("i64Extend8S", "i64.extend8_s", parser: .unary, [.i64], [.i64], .value("asSlot(Int64(Int8(truncatingIfNeeded: x)))"), fast: [.unary]),
            Row("i64Extend16S", "i64.extend16_s", parser: .unary, [.i64], [.i64], .value("asSlot(Int64(Int16(truncatingIfNeeded: x)))"), fast: [.unary]),
            Row("i64Extend32S", "i64.extend32_s", parser: .unary, [.i64], [.i64], .value("asSlot(Int64(Int32(truncatingIfNeeded: x)))"), fast: [.unary]),
        ]),
        Section("Non-trapping float-to-int", [
            convert("i32TruncSatF32S", "i32.trunc_sat_f32_s", .f32, .i32, "asSlot(Machine.saturate(Double(asF32(x)), Int32.self))"),
            convert("i32TruncSatF32U", "i32.trunc_sat_f32_u", .f32, .i32, "asSlot(Machine.saturate(Double(asF32(x)), UInt32.self))"),
            convert("i32TruncSatF64S", "i32.trunc_sat_f64_s", .f64, .i32, "asSlot(Machine.saturate(asF64(x), Int32.self))"),
            convert("i32TruncSatF64U", "i32.trunc_sat_f64_u", .f64, .i32, "asSlot(Machine.saturate(asF64(x), UInt32.self))"),
            convert("i64TruncSatF32S", "i64.trunc_sat_f32_s", .f32, .i64, "asSlot(Machine.saturate(Double(asF32(x)), Int64.self))"),
            convert("i64TruncSatF32U", "i64.trunc_sat_f32_u", .f32, .i64, "Machine.saturate(Double(asF32(x)), UInt64.self)"),
            convert("i64TruncSatF64S", "i64.trunc_sat_f64_s", .f64, .i64, "asSlot(Machine.saturate(asF64(x), Int64.self))"),
            convert("i64TruncSatF64U", "i64.trunc_sat_f64_u", .f64, .i64, "Machine.saturate(asF64(x), UInt64.self)"),
        ]),
    ]

    static func convert(_ name: String, _ mnemonic: String, _ from: ValueKind, _ to: ValueKind, _ value: String,
                        fast: [FastForm] = [.unary]) -> Row {
        Row(name, mnemonic, parser: .conversion, [from], [to], .value(value), fast: fast)
    }

    /// A trapping float-to-int truncation: NaN is an invalid conversion; valid when
    /// `lower < value < upper` (exclusive bounds, exact in Double), else an overflow.
    static func truncate(_ name: String, _ mnemonic: String, _ from: ValueKind, _ to: ValueKind, _ value: String,
                         _ lower: String, _ upper: String) -> Row {
        let v = from == .f32 ? "Double(asF32(x))" : "asF64(x)"
        return Row(name, mnemonic, parser: .conversion, [from], [to], .value(value),
                   traps: [Trap("\(v).isNaN", "invalidConversion"), Trap("!(\(v) > \(lower) && \(v) < \(upper))", "integerOverflow")])
    }
}
