/// The outcome of running one `.wast` script: one count per top-level directive.
struct WastResult: Hashable, Sendable {
    struct Failure: Hashable, Sendable {
        /// 1-based line where the directive starts.
        var line: Int
        /// Why it failed: expected versus actual.
        var message: String
    }

    struct Skip: Hashable, Sendable {
        var line: Int
        var reason: String
    }

    var passed = 0
    var failed = 0
    var skipped = 0
    var failures: [Failure] = []
    /// Skipped directives, each with its reason.
    var skips: [Skip] = []

    mutating func add(_ other: WastResult) {
        passed += other.passed
        failed += other.failed
        skipped += other.skipped
    }

    /// The last line of `wesdbg wast`.
    var summary: String { "\(passed) passed, \(failed) failed, \(skipped) skipped" }
}
