import Foundation
import Testing
@testable import WesdbgCLI

/// The WebAssembly 2.0 spec scripts (read from the shared checkout, never copied in).
@Suite(.enabled(if: interpreterReady, "the interpreter is still a stub"))
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

    /// Every script but the SIMD ones, which the runner skips whole.
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
    }

    /// Passed directives per script, pinned (a directive is a module, assertion, invoke or register).
    static let expectedPassed: [String: Int] = [:]

    @Test func thePinnedCountsCoverTheSuite() {
        #expect(Set(Self.expectedPassed.keys) == Set(Self.scripts))
        #expect(Self.expectedPassed.values.reduce(0, +) >= 26_000)
    }
}
