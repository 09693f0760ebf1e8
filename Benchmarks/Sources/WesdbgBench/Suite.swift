import Foundation

/// Runs every workload, prints the comparison table, the debug-hook overhead
/// and the large-module load time.
struct Suite {
    let options: Options

    /// Table order; other `.wasm` files in the directory follow alphabetically.
    static let order = ["fib", "sieve", "matmul_int", "matmul_f64", "fnv", "sha256", "quicksort",
                        "ledger", "tight_loop", "call_loop", "audit_simd"]

    struct Result {
        var name: String
        var wesdbg: Duration?
        var debug: Duration?
        /// Per-run ratios, sorted, for the back-to-back runs of the same round (both see the same
        /// load on a shared machine): debug/plain (the full debug mode), hooks/plain (debug mode
        /// without fuel by function) and debug/hooks (fuel by function alone).
        var debugRatios: [Double] = []
        var hooksRatios: [Double] = []
        var profileRatios: [Double] = []
        var wasmKit: Duration?
        var agree: Bool?
        var steps: UInt64
        var checksum: Checksum
    }

    func runAll() throws {
        let workloads = try discover()
        print("wesdbg benchmark: \(options.runs) timed runs per engine, alternating"
              + (options.wasmKitOnly || options.skipDebug ? "" : ", \(options.debugRuns) of wesdbg's debug modes")
              + "; median execute time (load excluded), "
              + (Stopwatch.useWallClock ? "wall clock" : "thread CPU time"))
        print("workloads: \(options.workloads)")
        print("cpu: \(Self.cpuModel)")
        print("")
        print(pad("workload", 12) + lpad("wesdbg ms", 11) + lpad("WasmKit ms", 12) + lpad("ratio", 8)
              + lpad("agree", 7) + lpad("steps (M)", 11) + lpad("ns/step", 9))
        var results: [Result] = []
        for (name, path) in workloads {
            let result = try measure(name: name, path: path)
            results.append(result)
            printRow(result)
        }
        let ratios = results.compactMap { r -> Double? in
            guard let ours = r.wesdbg, let theirs = r.wasmKit else { return nil }
            return ours.milliseconds / theirs.milliseconds
        }
        if !ratios.isEmpty {
            print(String(format: "geometric mean of ratios (wesdbg/WasmKit): %.2f", geometricMean(ratios)))
        }
        print("checksums: " + results.map { "\($0.name)=\($0.checksum)" }.joined(separator: " "))
        if !options.wasmKitOnly && !options.skipDebug { printDebugTable(results) }
        if !options.skipLoad { try measureLargeModule() }
    }

    private func discover() throws(BenchError) -> [(String, String)] {
        guard let listing = try? FileManager.default.contentsOfDirectory(atPath: options.workloads) else {
            throw BenchError("cannot read the workloads directory \(options.workloads)")
        }
        let files = listing
            .filter { $0.hasSuffix(".wasm") }.map { String($0.dropLast(5)) }
        let known = Suite.order.filter(files.contains)
        let extra = files.filter { !Suite.order.contains($0) }.sorted()
        let names = (known + extra).filter { name in options.only.isEmpty || options.only.contains { name.contains($0) } }
        guard !names.isEmpty else { throw BenchError("no workloads (*.wasm) in \(options.workloads)") }
        return names.map { ($0, options.workloads + "/" + $0 + ".wasm") }
    }

    private func measure(name: String, path: String) throws -> Result {
        guard let data = FileManager.default.contents(atPath: path) else { throw BenchError("cannot read \(path)") }
        let bytes = [UInt8](data)
        let wasmKit: WorkloadRunner? = options.wesdbgOnly ? nil : try WasmKitRunner(bytes: bytes)
        let wesdbg = options.wasmKitOnly ? nil : try WesdbgRunner(bytes: bytes)
        let plain = wesdbg.map { _ in WesdbgRunner.Mode(debugHooks: false, profilesFuel: options.profileFuelPlain) }
        let debug = options.wasmKitOnly || options.skipDebug ? nil : WesdbgRunner.Mode(debugHooks: true, profilesFuel: options.profileFuel)
        // The same hooks without fuel by function: what each part costs (issue 16 items 5 and 6).
        let hooks = debug == nil || !options.profileFuel ? nil : WesdbgRunner.Mode(debugHooks: true, profilesFuel: false)
        if debug != nil { try wesdbg?.checkDebugHooks() }

        // One untimed run each: WasmKit compiles lazily on the first call, and
        // the checksums are compared on every run, not just timed ones.
        guard let reference: WorkloadRunner = wasmKit ?? wesdbg else { throw BenchError("--wasmkit-only and --wesdbg-only exclude each other") }
        if let plain { wesdbg?.mode = plain }
        let expected = try reference.run()
        var agree = true
        func check(_ mode: WesdbgRunner.Mode?) throws -> Duration? {
            guard let mode, let wesdbg else { return nil }
            wesdbg.mode = mode
            let (checksum, elapsed) = try Stopwatch.measure { try wesdbg.run() }
            if checksum != expected {
                agree = false
                FileHandle.standardError.write("\(name): checksum \(checksum) differs from the reference's \(expected)\n".data(using: .utf8)!)
            }
            return elapsed
        }
        if wasmKit != nil { _ = try check(plain) }
        _ = try check(debug)
        _ = try check(hooks)

        var plainTimes: [Duration] = [], debugTimes: [Duration] = [], hooksTimes: [Duration] = [], wasmKitTimes: [Duration] = []
        // Run mode's median for the main table: from the rounds that alternate with WasmKit (the same load).
        var alternatedPlain = 0, plainSteps: UInt64 = wesdbg?.lastSteps ?? 0
        let rounds = debug == nil || options.runs == 0 ? options.runs : max(options.runs, options.debugRuns)
        for run in 0..<rounds {
            // The three modes take turns at going first, second and third, so that none always runs
            // in the same place (the hooks went always third): the place in a run does not bias a mode.
            let withDebug = run < options.debugRuns
            for mode in (0 ..< 3).map({ ($0 + run) % 3 }) {
                switch mode {
                case 0: if let t = try check(plain) { plainTimes.append(t); plainSteps = wesdbg?.lastSteps ?? 0 }
                case 1: if withDebug, let t = try check(debug) { debugTimes.append(t) }
                default: if withDebug, let t = try check(hooks) { hooksTimes.append(t) }
                }
            }
            guard run < options.runs else { continue }
            alternatedPlain = plainTimes.count
            if let wasmKit {
                let (checksum, elapsed) = try Stopwatch.measure { try wasmKit.run() }
                wasmKitTimes.append(elapsed)
                if checksum != expected { agree = false }
            }
        }
        func ratios(_ a: [Duration], _ b: [Duration]) -> [Double] { zip(a, b).map { $0.milliseconds / $1.milliseconds }.sorted() }
        return Result(name: name, wesdbg: alternatedPlain == 0 ? nil : Array(plainTimes[..<alternatedPlain]).median,
                      debug: debugTimes.isEmpty ? nil : debugTimes.median,
                      debugRatios: ratios(debugTimes, plainTimes), hooksRatios: ratios(hooksTimes, plainTimes),
                      profileRatios: ratios(debugTimes, hooksTimes),
                      wasmKit: wasmKitTimes.isEmpty ? nil : wasmKitTimes.median,
                      agree: plain == nil || wasmKit == nil ? nil : agree, steps: plainSteps, checksum: expected)
    }

    private func printRow(_ r: Result) {
        var line = pad(r.name, 12)
        line += lpad(r.wesdbg.map { String(format: "%.1f", $0.milliseconds) } ?? "-", 11)
        line += lpad(r.wasmKit.map { String(format: "%.1f", $0.milliseconds) } ?? "-", 12)
        if let ours = r.wesdbg, let theirs = r.wasmKit {
            line += lpad(String(format: "%.2f", ours.milliseconds / theirs.milliseconds), 8)
        } else {
            line += lpad("-", 8)
        }
        line += lpad(r.agree.map { $0 ? "yes" : "NO" } ?? "-", 7)
        line += lpad(r.steps > 0 ? String(format: "%.1f", Double(r.steps) / 1e6) : "-", 11)
        line += lpad(r.steps > 0 ? r.wesdbg.map { String(format: "%.2f", $0.milliseconds * 1e6 / Double(r.steps)) } ?? "-" : "-", 9)
        print(line)
        fflush(nil)  // rows appear as they finish
    }

    private func printDebugTable(_ results: [Result]) {
        guard results.contains(where: { !$0.debugRatios.isEmpty }) else { return }
        print("")
        print("debug mode: 10 breakpoints in the never-called `idle`, a memory watch on bytes 0..<16 (never written)"
              + (options.profileFuel ? ", fuel by function on (as in the debugger)" : ""))
        let split = results.contains { !$0.hooksRatios.isEmpty }
        let columns = pad("workload", 12) + lpad("run ms", 9) + lpad("debug ms", 10) + lpad("overhead", 10) + lpad("spread", 17)
            + (split ? lpad("hooks", 9) + lpad("fuel prof.", 12) : "")
        let legend = "medians of \(options.debugRuns) rounds' ratios" + (split ? "; hooks: without fuel by function; fuel prof.: debug/hooks" : "")
        print(columns + "   (" + legend + ")")
        func percent(_ ratio: Double) -> String { String(format: "%+.1f%%", (ratio - 1) * 100) }
        var overall: [Double] = [], hooks: [Double] = [], profile: [Double] = []
        for r in results {
            guard let plain = r.wesdbg, let debug = r.debug, !r.debugRatios.isEmpty else { continue }
            let ratio = r.debugRatios[r.debugRatios.count / 2]
            overall.append(ratio)
            var line = pad(r.name, 12) + lpad(String(format: "%.1f", plain.milliseconds), 9)
                + lpad(String(format: "%.1f", debug.milliseconds), 10) + lpad(percent(ratio), 10)
                + lpad(percent(r.debugRatios.first!) + ".." + percent(r.debugRatios.last!), 17)
            if !r.hooksRatios.isEmpty && !r.profileRatios.isEmpty {
                let h = r.hooksRatios[r.hooksRatios.count / 2], p = r.profileRatios[r.profileRatios.count / 2]
                hooks.append(h); profile.append(p)
                line += lpad(percent(h), 9) + lpad(percent(p), 12)
            }
            print(line)
        }
        guard !overall.isEmpty else { return }
        print(String(format: "debug overhead: geometric mean %+.1f%%, worst %+.1f%% (limit +10%%)",
                     (geometricMean(overall) - 1) * 100, (overall.max()! - 1) * 100))
        if !hooks.isEmpty {
            print(String(format: "of which breakpoints and watch (item 6): geometric mean %+.1f%%, worst %+.1f%%; "
                         + "fuel by function over them (item 5): geometric mean %+.1f%%, worst %+.1f%% (limits +10%%)",
                         (geometricMean(hooks) - 1) * 100, (hooks.max()! - 1) * 100,
                         (geometricMean(profile) - 1) * 100, (profile.max()! - 1) * 100))
        }
    }

    private func measureLargeModule() throws {
        let (bytes, functions) = LargeModule.make()
        print("")
        let runs = max(options.runs, 3)
        let wasmKit = try WasmKitRunner.loadTime(of: bytes, runs: runs)
        var line = "1 MB module (\(bytes.count) bytes, \(functions) functions), median of \(runs): "
        if !options.wasmKitOnly {
            let ours = try WesdbgRunner.loadTime(of: bytes, runs: runs)
            line += String(format: "wesdbg load+validate+translate %.1f ms (limit 100 ms); ", ours.milliseconds)
        }
        line += String(format: "WasmKit parse+instantiate (eager compile) %.1f ms", wasmKit.milliseconds)
        print(line)
    }

    /// The CPU the table was taken on (ratios move with it: AMD and Intel machines of one kind differ).
    static var cpuModel: String {
        guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return "unknown" }
        let models = info.split(separator: "\n").filter { $0.hasPrefix("model name") }
        guard let first = models.first, let colon = first.firstIndex(of: ":") else { return "unknown" }
        return first[first.index(after: colon)...].trimmingCharacters(in: .whitespaces) + " (\(models.count) cores)"
    }

    private func geometricMean(_ values: [Double]) -> Double {
        exp(values.map(log).reduce(0, +) / Double(values.count))
    }

    private func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s + " " : s + String(repeating: " ", count: width - s.count)
    }

    private func lpad(_ s: String, _ width: Int) -> String {
        s.count >= width ? " " + s : String(repeating: " ", count: width - s.count) + s
    }
}
