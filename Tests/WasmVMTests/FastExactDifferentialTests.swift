import Foundation
import Testing
import WasmVM

/// Modules from `wasm-tools smith` (Fuzzing/differential.sh seeds 204, 563, 649, 778, 816, 865, 893;
/// WebAssembly 2.0 features, every function exported): each export runs with zeros, ones and
/// all-bits-set arguments, 20,000 fuel a call (smith-204 then traps out_of_fuel in memory.grow), in the fast loop, the exact loop
/// and one `step()` at a time, and the transcripts (results or traps, fuel, steps, memory and
/// globals after each call; `ModuleRun`, shared with Fuzzing/) must be identical.
@Suite struct FastExactDifferentialTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Differential")

    /// Per module: calls made, how many returned and trapped, and the fuel they used in all,
    /// pinned so that a loop that changes what the modules do (not only one that disagrees) is seen.
    static let expected: [String: (calls: Int, returned: Int, trapped: Int, fuel: UInt64)] = [
        // The spec suite's float_exprs module the module fuzz target caught (release build): with
        // x = all bits set, fast code returned +nan and the exact loop -nan (NaNDeterminismTests).
        "float-exprs-no-fold-add-neg.wasm": (6, 6, 0, 30),
        "smith-204.wasm": (12, 3, 9, 179),
        "smith-563.wasm": (4, 2, 2, 13108),
        "smith-649.wasm": (8, 5, 3, 13252),
        "smith-778.wasm": (15, 6, 9, 25917),
        "smith-816.wasm": (9, 3, 6, 29064),
        "smith-865.wasm": (15, 12, 3, 438),
        "smith-893.wasm": (18, 6, 12, 18654),
    ]

    @Test(arguments: expected.keys.sorted())
    func fastExactAndSteppedLoopsAgree(_ name: String) throws {
        let bytes = try [UInt8](Data(contentsOf: Self.directory.appendingPathComponent(name)))
        let module = try Module.load(binary: bytes)
        let runner = ModuleRun(fuel: 20_000, maxMemoryPages: 256, maxTableElements: 100_000)
        let fast = runner.transcript(of: module, loop: .fast)
        for loop in [LoopKind.exact, .stepped] {
            let other = runner.transcript(of: module, loop: loop)
            let difference = ModuleRun.firstDifference(fast, other)
            #expect(difference == nil, "\(name): fast and \(loop) differ at line \(difference?.index ?? 0): \(difference?.a ?? "") vs \(difference?.b ?? "")")
        }
        let calls = fast.dropFirst()
        let fuel = calls.reduce(UInt64(0)) { sum, line in
            sum + (line.range(of: " fuel ").map { UInt64(line[$0.upperBound...].prefix { $0.isNumber }) ?? 0 } ?? 0)
        }
        let summary = (calls.count, calls.count { $0.contains(": returned ") }, calls.count { $0.contains(": trapped ") }, fuel)
        let want = try #require(Self.expected[name])
        #expect(summary == want, "\(name): \(summary)")
    }
}
