import Testing
import WasmVM
@testable import WesdbgCLI

/// The runner on small inline scripts (needs the interpreter).
struct WastRunnerTests {
    @Test func everyDirectiveKindPassesOnACorrectScript() {
        let script = #"""
            (module $M
              (import "spectest" "print_i32" (func $print (param i32)))
              (import "spectest" "global_i32" (global $g i32))
              (global (export "g") i32 (global.get $g))
              (memory 1)
              (func (export "add") (param i32 i32) (result i32) (local.get 0) (local.get 1) (i32.add))
              (func (export "div") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
              (func (export "nan") (result f32) (f32.div (f32.const 0) (f32.const 0)))
              (func (export "null") (result externref) (ref.null extern))
              (func (export "id") (param externref) (result externref) (local.get 0))
              (func (export "log") (call $print (i32.const 1)))
              (func $loop (export "loop") (call $loop))
              (func (export "load") (param i32) (result i32) (i32.load (local.get 0))))
            (register "M" $M)
            (invoke "log")
            (assert_return (invoke "add" (i32.const 1) (i32.const 2)) (i32.const 3))
            (assert_return (get "g") (i32.const 666))
            (assert_return (invoke "nan") (f32.const nan:canonical))
            (assert_return (invoke "null") (ref.null extern))
            (assert_return (invoke "id" (ref.extern 7)) (ref.extern 7))
            (assert_trap (invoke "div" (i32.const 1) (i32.const 0)) "integer divide by zero")
            (assert_trap (invoke "load" (i32.const 65536)) "out of bounds memory access")
            (assert_exhaustion (invoke "loop") "call stack exhausted")
            (module (import "M" "add" (func (param i32 i32) (result i32))))
            (assert_unlinkable (module (import "M" "nothing" (func))) "unknown import")
            (assert_invalid (module (func (result i32) (i64.const 1))) "type mismatch")
            (assert_malformed (module quote "(func (i32.const))") "unexpected token")
            (assert_malformed (module binary "\00asm\02\00\00\00") "unknown binary version")
            (assert_trap (module (memory 0) (data (i32.const 1) "x")) "out of bounds memory access")
            (assert_return (invoke $M "add" (i32.const 2) (i32.const 2)) (i32.const 4))
            """#
        let result = WastRunner().run(script: script)
        #expect(result.failures == [])
        #expect(result.summary == "18 passed, 0 failed, 0 skipped")
    }

    @Test func aFailingAssertionIsReportedWithItsLineAndBothValues() {
        let script = #"""
            (module
              (func (export "one") (result i32) (i32.const 1)))

            (assert_return (invoke "one") (i32.const 2))
            (assert_trap (invoke "one") "unreachable")
            (assert_return (invoke "missing"))
            """#
        let result = WastRunner().run(script: script)
        #expect(result.summary == "1 passed, 3 failed, 0 skipped")
        #expect(result.failures == [
            .init(line: 4, message: "expected (i32:2), got (i32:1)"),
            .init(line: 5, message: #"expected trap "unreachable", returned (i32:1)"#),
            .init(line: 6, message: #"no exported function "missing""#),
        ])
    }

    @Test func floatsAreComparedBitForBit() {
        let script = #"""
            (module (func (export "f") (result f64) (f64.const -0)))
            (assert_return (invoke "f") (f64.const 0))
            """#
        let result = WastRunner().run(script: script)
        #expect(result.failures == [
            .init(line: 2, message: "expected (f64:0.0 (0x0000000000000000)), got (f64:-0.0 (0x8000000000000000))")
        ])
    }

    /// v128 arguments and results compare byte for byte whatever the shapes; a float lane
    /// pattern wants a NaN in each `nan:` lane and the exact bits in the others.
    @Test func v128ValuesAndLanePatterns() {
        let script = #"""
            (module
              (func (export "id") (param v128) (result v128) (local.get 0))
              (func (export "nan") (result v128) (f32x4.div (v128.const f32x4 0 1 0 1) (v128.const f32x4 0 1 0 1)))
              (func (export "quiet") (result v128) (f32x4.add (v128.const f32x4 nan:0x200000 0 0 0) (v128.const f32x4 1 0 0 0))))
            (assert_return (invoke "id" (v128.const i32x4 1 2 3 4)) (v128.const i16x8 1 0 2 0 3 0 4 0))
            (assert_return (invoke "nan") (v128.const f32x4 nan:canonical 1 nan:arithmetic 1))
            (assert_return (invoke "nan") (v128.const f32x4 nan:canonical nan:canonical 1 1))
            (assert_return (invoke "id" (v128.const i32x4 1 2 3 4)) (v128.const i32x4 1 2 3 5))
            (assert_return (invoke "quiet") (v128.const f32x4 nan:arithmetic 0 0 0))
            (assert_return (invoke "quiet") (v128.const f32x4 nan:canonical 0 0 0))
            """#
        let result = WastRunner().run(script: script)
        #expect(result.summary == "4 passed, 3 failed, 0 skipped")
        #expect(result.failures.map(\.line) == [7, 8, 10])
        #expect(result.failures.map(\.message) == [
            "expected (v128:f32x4[nan nan 1.0 1.0]), got (v128:0x3f800000ffc000003f800000ffc00000)",
            "expected (v128:0x00000005000000030000000200000001), got (v128:0x00000004000000030000000200000001)",
            // A quieted payload is an arithmetic NaN, not the canonical one.
            "expected (v128:f32x4[nan 0.0 0.0 0.0]), got (v128:0x0000000000000000000000007fe00000)",
        ])
    }

    @Test func aModuleThatFailsLeavesNoCurrentModule() {
        let script = #"""
            (module (func (export "f")))
            (module (import "nowhere" "g" (func)))
            (invoke "f")
            """#
        let result = WastRunner().run(script: script)
        #expect(result.summary == "1 passed, 2 failed, 0 skipped")
        #expect(result.failures.map(\.line) == [2, 3])
        #expect(result.failures.last?.message == "no current module (the last one failed)")
    }

    @Test func aRunawayLoopEndsAtTheStepLimit() {
        let script = #"""
            (module (func (export "spin") (loop (br 0))))
            (invoke "spin")
            """#
        let result = WastRunner(stepLimit: 10_000).run(script: script)
        #expect(result.failures == [.init(line: 2, message: #""spin" did not finish within 10000 instructions"#)])
    }
}

struct WastRunnerMessageTests {
    @Test func strictMessagesAlsoCompareTheLoadErrorText() {
        let script = #"""
            (assert_invalid (module (func (result i32) (i64.const 1))) "type mismatch")
            (assert_invalid (module (func (result i32) (i64.const 1))) "some other reason")
            """#
        #expect(WastRunner().run(script: script).summary == "2 passed, 0 failed, 0 skipped")
        let strict = WastRunner()
        strict.strictMessages = true
        let result = strict.run(script: script)
        #expect(result.summary == "1 passed, 1 failed, 0 skipped")
        #expect(result.failures.map(\.line) == [2])
    }
}

struct WastRunnerStartFunctionTests {
    @Test func aLoopingStartFunctionEndsOutOfFuel() {
        let script = #"""
            (module (func $spin (loop (br 0))) (start $spin))
            """#
        let result = WastRunner(startFunctionFuel: 10_000).run(script: script)
        #expect(result.failed == 1)
        #expect(result.failures.first?.message.hasPrefix("module failed to instantiate: out_of_fuel") == true,
                "\(result.failures)")
    }
}

struct WastRunnerStrayTextTests {
    @Test func textOutsideAnyDirectiveFailsInsteadOfEndingQuietly() {
        let script = #"""
            (module (func (export "f")))
            (invoke "f")
            hello
            (invoke "f")
            """#
        let result = WastRunner().run(script: script)
        #expect(result.summary == "2 passed, 1 failed, 0 skipped")
        #expect(result.failures == [.init(line: 3, message: #"unexpected "hello" outside any directive; the script ends here"#)])
    }
}
