import Testing
import WasmVM

/// Found by `Fuzzing/differential.sh --simd 300 1` (wasmtime as the second opinion): in
/// simd-42.wasm an `i8x16.splat` fed `i32x4.trunc_sat_f32x4_s` and `i8x16.extract_lane_u 6`, whose
/// result decided a `br_if`; in the release build (the Differential runner's) the splat left the
/// scalar operand in the low 64 bits (`i8x16.splat 21840` gave 0x5050505050505050_0000000000005550),
/// so the branch went the other way and the call ran into smith's fuel trap where wasmtime
/// returned. All three loops agreed, so only a second engine saw it; a debug build computes the
/// right value, so these cases fail under `swift test -c release` (and in the Differential
/// runner), not in a debug `swift test`.
@Suite struct SIMDDifferentialFindingsTests {
    static let module = """
    (module
      (func (export "i8x16.splat") (param i32) (result v128) (i8x16.splat (local.get 0)))
      (func (export "i16x8.splat") (param i32) (result v128) (i16x8.splat (local.get 0)))
      (func (export "i32x4.splat") (param i32) (result v128) (i32x4.splat (local.get 0)))
      (func (export "i8x16.splat.const") (result v128) (i8x16.splat (i32.const 21840)))
      (func (export "simd-42") (result i32)
        (i8x16.extract_lane_u 6 (i32x4.trunc_sat_f32x4_s (i8x16.splat (i32.const 21840))))))
    """

    static let cases: [(name: String, arguments: [Value], result: Value)] = [
        ("i8x16.splat", [.i32(21840)], .v128(V128(low: 0x5050_5050_5050_5050, high: 0x5050_5050_5050_5050))),
        ("i16x8.splat", [.i32(0x12345)], .v128(V128(low: 0x2345_2345_2345_2345, high: 0x2345_2345_2345_2345))),
        ("i32x4.splat", [.i32(0x12345)], .v128(V128(low: 0x0001_2345_0001_2345, high: 0x0001_2345_0001_2345))),
        ("i8x16.splat.const", [], .v128(V128(low: 0x5050_5050_5050_5050, high: 0x5050_5050_5050_5050))),
        // 0x50505050 is 1.4e10 as f32: every lane saturates to 0x7fffffff, byte 6 is 0xff.
        ("simd-42", [], .i32(255)),
    ]

    @Test(arguments: LoopKind.allCases)
    func splatFillsEveryLane(_ loop: LoopKind) throws {
        for c in Self.cases {
            #expect(try loop.call(Self.module, c.name, c.arguments) == [c.result], "\(c.name) in \(loop)")
        }
    }
}
