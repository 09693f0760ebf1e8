import Foundation
import Testing
@testable import WesdbgCLI

/// The WebAssembly 2.0 spec scripts (read from the shared checkout, never copied in).
struct SpecSuiteTests {
    /// `<package root>/../shared/spec-testsuite`, else the shared location helper worktrees use.
    static let suite: String? = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let candidates = [
            root.deletingLastPathComponent().appendingPathComponent("shared/spec-testsuite").path,
            root.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/spec-testsuite").path,
            "/work/shared/spec-testsuite",
        ]
        return candidates.first { FileManager.default.fileExists(atPath: $0 + "/i32.wast") }
    }()

    /// Every script but the SIMD ones (SIMDSpecSuiteTests runs those).
    static let scripts: [String] = {
        guard let suite, let names = try? FileManager.default.contentsOfDirectory(atPath: suite) else { return [] }
        return names.filter { $0.hasSuffix(".wast") && !$0.hasPrefix("simd_") }.sorted()
    }()

    @Test func theSuiteIsThere() {
        #expect(Self.suite != nil, "spec-testsuite not found next to the package nor at /work/shared")
        #expect(Self.scripts.count == 90)
    }

    @Test(arguments: scripts)
    func script(_ name: String) throws {
        let result = try WastRunner.run(file: Self.suite! + "/" + name)
        let failures = result.failures.map { "\(name):\($0.line): \($0.message)" }.joined(separator: "\n")
        #expect(result.failed == 0, "\(result.summary)\n\(failures)")
        #expect(result.passed == (Self.expectedPassed[name] ?? 0), "\(result.summary)")
        // The one skip: an invalid module WAT cannot encode (an unknown local in a constant expression).
        #expect(result.skipped == (name == "global.wast" ? 1 : 0), "\(result.skips)")
    }

    /// `wast --exact`: the same scripts with every instruction in the exact loop the debugger
    /// steps with, so a difference between fast code and the stepping loop shows here too.
    @Test(arguments: scripts)
    func scriptExact(_ name: String) throws {
        let result = try WastRunner.run(file: Self.suite! + "/" + name, exact: true)
        let failures = result.failures.map { "\(name):\($0.line): \($0.message)" }.joined(separator: "\n")
        #expect(result.failed == 0, "\(result.summary)\n\(failures)")
        #expect(result.passed == (Self.expectedPassed[name] ?? 0), "\(result.summary)")
    }

    /// Passed directives per script, pinned (a directive is a module, assertion, invoke or register).
    static let expectedPassed: [String: Int] = [
        "address.wast": 260, "align.wast": 162, "binary-leb128.wast": 91, "binary.wast": 136,
        "block.wast": 223, "br.wast": 97, "br_if.wast": 118, "br_table.wast": 174, "bulk.wast": 117,
        "call.wast": 91, "call_indirect.wast": 172, "comments.wast": 8, "const.wast": 778,
        "conversions.wast": 619, "custom.wast": 11, "data.wast": 61, "elem.wast": 98, "endianness.wast": 69,
        "exports.wast": 96, "f32.wast": 2514, "f32_bitwise.wast": 364, "f32_cmp.wast": 2407, "f64.wast": 2514,
        "f64_bitwise.wast": 364, "f64_cmp.wast": 2407, "fac.wast": 8, "float_exprs.wast": 927,
        "float_literals.wast": 179, "float_memory.wast": 90, "float_misc.wast": 471, "forward.wast": 5,
        "func.wast": 172, "func_ptrs.wast": 36, "global.wast": 109, "i32.wast": 460, "i64.wast": 416,
        "if.wast": 241, "imports.wast": 178, "inline-module.wast": 1, "int_exprs.wast": 108,
        "int_literals.wast": 51, "labels.wast": 29, "left-to-right.wast": 96, "linking.wast": 132,
        "load.wast": 97, "local_get.wast": 36, "local_set.wast": 53, "local_tee.wast": 97, "loop.wast": 120,
        "memory.wast": 88, "memory_copy.wast": 4450, "memory_fill.wast": 100, "memory_grow.wast": 104,
        "memory_init.wast": 240, "memory_redundancy.wast": 8, "memory_size.wast": 42, "memory_trap.wast": 182,
        "names.wast": 486, "nop.wast": 88, "obsolete-keywords.wast": 11, "ref_func.wast": 17,
        "ref_is_null.wast": 16, "ref_null.wast": 3, "return.wast": 84, "select.wast": 148,
        "skip-stack-guard-page.wast": 11, "stack.wast": 7, "start.wast": 20, "store.wast": 68,
        "switch.wast": 28, "table-sub.wast": 2, "table.wast": 19, "table_copy.wast": 1728,
        "table_fill.wast": 45, "table_get.wast": 16, "table_grow.wast": 58, "table_init.wast": 780,
        "table_set.wast": 26, "table_size.wast": 39, "token.wast": 58, "traps.wast": 36, "type.wast": 3,
        "unreachable.wast": 64, "unreached-invalid.wast": 118, "unreached-valid.wast": 7, "unwind.wast": 50,
        "utf8-custom-section-id.wast": 176, "utf8-import-field.wast": 176, "utf8-import-module.wast": 176,
        "utf8-invalid-encoding.wast": 176,
    ]

    @Test func thePinnedCountsCoverTheSuite() {
        #expect(Set(Self.expectedPassed.keys) == Set(Self.scripts))
        #expect(Self.expectedPassed.values.reduce(0, +) == 28_017)
    }
}

/// The 57 `simd_*.wast` scripts, once per loop (run mode runs SIMD in fast code's stack form).
struct SIMDSpecSuiteTests {
    static let scripts: [String] = {
        guard let suite = SpecSuiteTests.suite, let names = try? FileManager.default.contentsOfDirectory(atPath: suite) else { return [] }
        return names.filter { $0.hasSuffix(".wast") && $0.hasPrefix("simd_") }.sorted()
    }()

    @Test(arguments: [false, true])
    func simdScripts(exact: Bool) throws {
        #expect(Self.scripts.count == 57)
        var passed: [String: Int] = [:], problems: [String] = []
        for name in Self.scripts {
            let result = try WastRunner.run(file: SpecSuiteTests.suite! + "/" + name, exact: exact)
            passed[name] = result.passed
            problems += result.failures.map { "\(name):\($0.line): \($0.message)" }
            problems += result.skips.map { "\(name):\($0.line): skipped: \($0.reason)" }
        }
        #expect(problems.isEmpty, "\(problems.prefix(20).joined(separator: "\n"))")
        #expect(passed == Self.expectedPassed)
    }

    /// Passed directives per script, pinned; none fails or is skipped.
    static let expectedPassed: [String: Int] = [
        "simd_address.wast": 49, "simd_align.wast": 100, "simd_bit_shift.wast": 252, "simd_bitwise.wast": 169,
        "simd_boolean.wast": 277, "simd_const.wast": 757, "simd_conversions.wast": 282, "simd_f32x4.wast": 790,
        "simd_f32x4_arith.wast": 1822, "simd_f32x4_cmp.wast": 2607, "simd_f32x4_pmin_pmax.wast": 3887,
        "simd_f32x4_rounding.wast": 201, "simd_f64x2.wast": 803, "simd_f64x2_arith.wast": 1825,
        "simd_f64x2_cmp.wast": 2685, "simd_f64x2_pmin_pmax.wast": 3887, "simd_f64x2_rounding.wast": 201,
        "simd_i16x8_arith.wast": 194, "simd_i16x8_arith2.wast": 172, "simd_i16x8_cmp.wast": 465,
        "simd_i16x8_extadd_pairwise_i8x16.wast": 21, "simd_i16x8_extmul_i8x16.wast": 117,
        "simd_i16x8_q15mulr_sat_s.wast": 30, "simd_i16x8_sat_arith.wast": 222, "simd_i32x4_arith.wast": 194,
        "simd_i32x4_arith2.wast": 149, "simd_i32x4_cmp.wast": 475, "simd_i32x4_dot_i16x8.wast": 30,
        "simd_i32x4_extadd_pairwise_i16x8.wast": 21, "simd_i32x4_extmul_i16x8.wast": 117,
        "simd_i32x4_trunc_sat_f32x4.wast": 107, "simd_i32x4_trunc_sat_f64x2.wast": 107, "simd_i64x2_arith.wast": 200,
        "simd_i64x2_arith2.wast": 25, "simd_i64x2_cmp.wast": 113, "simd_i64x2_extmul_i32x4.wast": 117,
        "simd_i8x16_arith.wast": 131, "simd_i8x16_arith2.wast": 211, "simd_i8x16_cmp.wast": 445,
        "simd_i8x16_sat_arith.wast": 214, "simd_int_to_int_extend.wast": 253, "simd_lane.wast": 475,
        "simd_linking.wast": 3, "simd_load.wast": 39, "simd_load16_lane.wast": 36, "simd_load32_lane.wast": 24,
        "simd_load64_lane.wast": 16, "simd_load8_lane.wast": 52, "simd_load_extend.wast": 104,
        "simd_load_splat.wast": 126, "simd_load_zero.wast": 39, "simd_splat.wast": 185, "simd_store.wast": 28,
        "simd_store16_lane.wast": 36, "simd_store32_lane.wast": 24, "simd_store64_lane.wast": 16,
        "simd_store8_lane.wast": 52
    ]

    @Test func thePinnedCountsCoverTheSuite() {
        #expect(Set(Self.expectedPassed.keys) == Set(Self.scripts))
        let simd: Int = Self.expectedPassed.values.reduce(0, +)
        let others: Int = SpecSuiteTests.expectedPassed.values.reduce(0, +)
        #expect(simd == 25_979)
        #expect(simd + others == 53_996)
    }
}
