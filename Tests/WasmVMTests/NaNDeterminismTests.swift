import Testing
import WasmVM

/// Found by the module fuzz target (Fuzzing/, docs/harden.md): `f32.add (f32.neg x) x` with
/// x = 0xffffffff returned +nan(0x7fffffff) in run mode and -nan(0xffffffff) in the exact loop,
/// because LLVM may emit a commutative add's operands in either order and x86 returns the first
/// operand's NaN. Now every loop returns the first NaN operand, quieted, for add, mul, min, max.
@Suite struct NaNDeterminismTests {
    static let module = """
    (module
      (func (export "f32.add_neg") (param f32) (result i32) (i32.reinterpret_f32 (f32.add (f32.neg (local.get 0)) (local.get 0))))
      (func (export "f32.add") (param f32 f32) (result i32) (i32.reinterpret_f32 (f32.add (local.get 0) (local.get 1))))
      (func (export "f32.mul") (param f32 f32) (result i32) (i32.reinterpret_f32 (f32.mul (local.get 0) (local.get 1))))
      (func (export "f32.min") (param f32 f32) (result i32) (i32.reinterpret_f32 (f32.min (local.get 0) (local.get 1))))
      (func (export "f32.max") (param f32 f32) (result i32) (i32.reinterpret_f32 (f32.max (local.get 0) (local.get 1))))
      (func (export "f64.add_neg") (param f64) (result i64) (i64.reinterpret_f64 (f64.add (f64.neg (local.get 0)) (local.get 0))))
      (func (export "f64.add") (param f64 f64) (result i64) (i64.reinterpret_f64 (f64.add (local.get 0) (local.get 1))))
      (func (export "f64.mul") (param f64 f64) (result i64) (i64.reinterpret_f64 (f64.mul (local.get 0) (local.get 1))))
      (func (export "f64.min") (param f64 f64) (result i64) (i64.reinterpret_f64 (f64.min (local.get 0) (local.get 1))))
      (func (export "f64.max") (param f64 f64) (result i64) (i64.reinterpret_f64 (f64.max (local.get 0) (local.get 1)))))
    """

    static let cases: [(name: String, arguments: [Value], result: Value)] = [
        // -x is 0x7fffffff, the first operand: its NaN (already quiet).
        ("f32.add_neg", [.f32(0xffff_ffff)], .i32(0x7fff_ffff)),
        // Signalling NaNs come back quieted; with two NaNs, the first wins.
        ("f32.add", [.f32(0xff80_0001), .f32(0x7fc0_0002)], .i32(0xffc0_0001)),
        ("f32.add", [.f32(0x7fc0_0002), .f32(0xff80_0001)], .i32(0x7fc0_0002)),
        ("f32.add", [.f32(0x3f80_0000), .f32(0x7f80_0003)], .i32(0x7fc0_0003)),
        ("f32.mul", [.f32(0x7fa0_0000), .f32(0xffc0_0005)], .i32(0x7fe0_0000)),
        ("f32.mul", [.f32(0xffc0_0005), .f32(0x7fa0_0000)], .i32(0xffc0_0005)),
        ("f32.min", [.f32(0x7f80_0001), .f32(0xffc0_0000)], .i32(0x7fc0_0001)),
        ("f32.max", [.f32(0xffc0_0000), .f32(0x7f80_0001)], .i32(0xffc0_0000)),
        ("f64.add_neg", [.f64(0xffff_ffff_ffff_ffff)], .i64(0x7fff_ffff_ffff_ffff)),
        ("f64.add", [.f64(0xfff0_0000_0000_0001), .f64(0x7ff8_0000_0000_0002)], .i64(0xfff8_0000_0000_0001)),
        ("f64.mul", [.f64(0x7ff8_0000_0000_0002), .f64(0xfff0_0000_0000_0001)], .i64(0x7ff8_0000_0000_0002)),
        ("f64.min", [.f64(0x7ff0_0000_0000_0001), .f64(0xfff8_0000_0000_0000)], .i64(0x7ff8_0000_0000_0001)),
        ("f64.max", [.f64(0xfff8_0000_0000_0000), .f64(0x7ff0_0000_0000_0001)], .i64(0xfff8_0000_0000_0000)),
    ]

    @Test func everyLoopReturnsTheFirstNaNOperandQuieted() throws {
        for (name, arguments, result) in Self.cases {
            for loop in LoopKind.allCases {
                #expect(try loop.call(Self.module, name, arguments) == [result], "\(name) \(arguments) in the \(loop) loop")
            }
        }
    }
}
