// SIMD: the v128 variable ops (hand-written in the exact loop), constants, shuffles, lanes and
// memory. Memory rows read or write at `p` (the effective address, checked for the access size
// 1 << natural alignment); lane rows name their lane `lane`, v128.const and i8x16.shuffle their
// 16-byte immediate `c`. Machine+SIMD.swift has the helpers.
extension Table {
    static let simdVariables = Section("SIMD: variables (a v128 takes two slots: low half, high half)", [
        // Fast code: local.get defers both slots, set/tee copy them, drop pops them (FastCompiler).
        Row("localGetV128", doc: "a: frame slot of the v128 local"),
        Row("localSetV128", doc: "a: frame slot"),
        Row("localTeeV128", doc: "a: frame slot"),
        Row("globalGetV128", fast: [.island], doc: "a: global index"),
        Row("globalSetV128", fast: [.island], doc: "a: global index"),
        Row("dropV128"),
        Row("selectV128", fast: [.island], doc: "pops i32 cond, v2, v1 (v128s)"),
    ])

    static let simdMemory = Section("SIMD: memory, a: static offset, b: alignment exponent | lane << 32", [
        simdLoad("v128Load", "v128.load", 4, "Machine.load128(p)"),
        simdLoad("v128Load8X8S", "v128.load8x8_s", 3, "V128(Machine.extend(V128(low: p.loadUnaligned(as: UInt64.self), high: 0).s8x16, high: false, SIMD8<UInt16>.self))"),
        simdLoad("v128Load8X8U", "v128.load8x8_u", 3, "V128(Machine.extend(V128(low: p.loadUnaligned(as: UInt64.self), high: 0).i8x16, high: false, SIMD8<UInt16>.self))"),
        simdLoad("v128Load16X4S", "v128.load16x4_s", 3, "V128(Machine.extend(V128(low: p.loadUnaligned(as: UInt64.self), high: 0).s16x8, high: false, SIMD4<UInt32>.self))"),
        simdLoad("v128Load16X4U", "v128.load16x4_u", 3, "V128(Machine.extend(V128(low: p.loadUnaligned(as: UInt64.self), high: 0).i16x8, high: false, SIMD4<UInt32>.self))"),
        simdLoad("v128Load32X2S", "v128.load32x2_s", 3, "V128(Machine.extend(V128(low: p.loadUnaligned(as: UInt64.self), high: 0).s32x4, high: false, SIMD2<UInt64>.self))"),
        simdLoad("v128Load32X2U", "v128.load32x2_u", 3, "V128(Machine.extend(V128(low: p.loadUnaligned(as: UInt64.self), high: 0).i32x4, high: false, SIMD2<UInt64>.self))"),
        simdLoad("v128Load8Splat", "v128.load8_splat", 0, "V128(SIMD16<UInt8>(repeating: p.load(as: UInt8.self)))"),
        simdLoad("v128Load16Splat", "v128.load16_splat", 1, "V128(SIMD8<UInt16>(repeating: p.loadUnaligned(as: UInt16.self)))"),
        simdLoad("v128Load32Splat", "v128.load32_splat", 2, "V128(SIMD4<UInt32>(repeating: p.loadUnaligned(as: UInt32.self)))"),
        simdLoad("v128Load64Splat", "v128.load64_splat", 3, "V128(SIMD2<UInt64>(repeating: p.loadUnaligned(as: UInt64.self)))"),
        simdLoad("v128Load32Zero", "v128.load32_zero", 2, "V128(low: UInt64(p.loadUnaligned(as: UInt32.self)), high: 0)"),
        simdLoad("v128Load64Zero", "v128.load64_zero", 3, "V128(low: p.loadUnaligned(as: UInt64.self), high: 0)"),
        Row("v128Store", "v128.store", parser: .store, [.i32, .v128], [], .store("Machine.store128(p, x)"),
            immediates: [.memarg(naturalAlignment: 4)], fast: [.simd("simdStore")]),
        laneLoad("v128Load8Lane", "v128.load8_lane", 0, "i8x16", "p.load(as: UInt8.self)"),
        laneLoad("v128Load16Lane", "v128.load16_lane", 1, "i16x8", "p.loadUnaligned(as: UInt16.self)"),
        laneLoad("v128Load32Lane", "v128.load32_lane", 2, "i32x4", "p.loadUnaligned(as: UInt32.self)"),
        laneLoad("v128Load64Lane", "v128.load64_lane", 3, "i64x2", "p.loadUnaligned(as: UInt64.self)"),
        laneStore("v128Store8Lane", "v128.store8_lane", 0, "i8x16", "UInt8"),
        laneStore("v128Store16Lane", "v128.store16_lane", 1, "i16x8", "UInt16"),
        laneStore("v128Store32Lane", "v128.store32_lane", 2, "i32x4", "UInt32"),
        laneStore("v128Store64Lane", "v128.store64_lane", 3, "i64x2", "UInt64"),
    ])

    static let simdLanes = Section("SIMD: constants, shuffles, splats and lanes (a: lane, or index of the 16-byte constant)", [
        Row("v128Const", "v128.const", parser: .instruction, [], [.v128], .value("c"), immediates: [.v128], fast: [.simd("simd")]),
        Row("i8x16Shuffle", "i8x16.shuffle", parser: .instruction, [.v128, .v128], [.v128], .value("Machine.shuffle(x, y, c)"),
            immediates: [.v128], fast: [.simd("simd")]),
        simd("i8x16Swizzle", "i8x16.swizzle", [.v128, .v128], "Machine.swizzle(x, y)"),
        simd("i8x16Splat", "i8x16.splat", [.i32], "V128(SIMD16<UInt8>(repeating: UInt8(truncatingIfNeeded: x)))"),
        simd("i16x8Splat", "i16x8.splat", [.i32], "V128(SIMD8<UInt16>(repeating: UInt16(truncatingIfNeeded: x)))"),
        simd("i32x4Splat", "i32x4.splat", [.i32], "V128(SIMD4<UInt32>(repeating: asU32(x)))"),
        simd("i64x2Splat", "i64x2.splat", [.i64], "V128(SIMD2<UInt64>(repeating: x))"),
        simd("f32x4Splat", "f32x4.splat", [.f32], "V128(SIMD4<UInt32>(repeating: asU32(x)))"),
        simd("f64x2Splat", "f64x2.splat", [.f64], "V128(SIMD2<UInt64>(repeating: x))"),
        lane("i8x16ExtractLaneS", "i8x16.extract_lane_s", 16, [.v128], .i32, "asSlot(Int32(x.s8x16[lane]))"),
        lane("i8x16ExtractLaneU", "i8x16.extract_lane_u", 16, [.v128], .i32, "UInt64(x.i8x16[lane])"),
        lane("i8x16ReplaceLane", "i8x16.replace_lane", 16, [.v128, .i32], .v128, "Machine.replacing(x.i8x16, lane, UInt8(truncatingIfNeeded: y))"),
        lane("i16x8ExtractLaneS", "i16x8.extract_lane_s", 8, [.v128], .i32, "asSlot(Int32(x.s16x8[lane]))"),
        lane("i16x8ExtractLaneU", "i16x8.extract_lane_u", 8, [.v128], .i32, "UInt64(x.i16x8[lane])"),
        lane("i16x8ReplaceLane", "i16x8.replace_lane", 8, [.v128, .i32], .v128, "Machine.replacing(x.i16x8, lane, UInt16(truncatingIfNeeded: y))"),
        lane("i32x4ExtractLane", "i32x4.extract_lane", 4, [.v128], .i32, "UInt64(x.i32x4[lane])"),
        lane("i32x4ReplaceLane", "i32x4.replace_lane", 4, [.v128, .i32], .v128, "Machine.replacing(x.i32x4, lane, asU32(y))"),
        lane("i64x2ExtractLane", "i64x2.extract_lane", 2, [.v128], .i64, "x.i64x2[lane]"),
        lane("i64x2ReplaceLane", "i64x2.replace_lane", 2, [.v128, .i64], .v128, "Machine.replacing(x.i64x2, lane, y)"),
        lane("f32x4ExtractLane", "f32x4.extract_lane", 4, [.v128], .f32, "UInt64(x.i32x4[lane])"),
        lane("f32x4ReplaceLane", "f32x4.replace_lane", 4, [.v128, .f32], .v128, "Machine.replacing(x.i32x4, lane, asU32(y))"),
        lane("f64x2ExtractLane", "f64x2.extract_lane", 2, [.v128], .f64, "x.i64x2[lane]"),
        lane("f64x2ReplaceLane", "f64x2.replace_lane", 2, [.v128, .f64], .v128, "Machine.replacing(x.i64x2, lane, y)"),
    ])

    /// A SIMD op of WasmParser's `Instruction.Simd` with a v128 result (or `result`).
    static func simd(_ name: String, _ mnemonic: String, _ operands: [ValueKind], _ value: String,
                     result: ValueKind = .v128) -> Row {
        Row(name, mnemonic, parser: .simd, operands, [result], .value(value), fast: [.simd("simd")])
    }

    static func lane(_ name: String, _ mnemonic: String, _ lanes: Int, _ operands: [ValueKind], _ result: ValueKind,
                     _ value: String) -> Row {
        Row(name, mnemonic, parser: .simdLane, operands, [result], .value(value), immediates: [.lane(count: lanes)], fast: [.simd("simd")])
    }

    static func simdLoad(_ name: String, _ mnemonic: String, _ alignment: Int, _ value: String) -> Row {
        Row(name, mnemonic, parser: .load, [.i32], [.v128], .value(value), immediates: [.memarg(naturalAlignment: alignment)],
            fast: [.simd("simdLoad")])
    }

    static func laneLoad(_ name: String, _ mnemonic: String, _ alignment: Int, _ shape: String, _ read: String) -> Row {
        Row(name, mnemonic, parser: .simdMemLane, [.i32, .v128], [.v128], .value("Machine.replacing(x.\(shape), lane, \(read))"),
            immediates: [.memarg(naturalAlignment: alignment), .lane(count: 16 >> alignment)], fast: [.simd("simdLoad")])
    }

    static func laneStore(_ name: String, _ mnemonic: String, _ alignment: Int, _ shape: String, _ type: String) -> Row {
        Row(name, mnemonic, parser: .simdMemLane, [.i32, .v128], [], .store("p.storeBytes(of: x.\(shape)[lane], as: \(type).self)"),
            immediates: [.memarg(naturalAlignment: alignment), .lane(count: 16 >> alignment)], fast: [.simd("simdStore")])
    }
}
