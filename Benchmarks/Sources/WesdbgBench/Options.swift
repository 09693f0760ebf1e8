import Foundation

struct Options {
    /// Timed runs per workload and engine (medians are reported); 0 for a single check run.
    var runs = 5
    /// Rounds of wesdbg's three modes for the debug table (the first `runs` of them alternate
    /// with WasmKit): its ratios move by 10-30% between single rounds on a shared machine, and
    /// five rounds' median missed the instruction counts' figure by several points.
    var debugRuns = 15
    /// Directory of the built workloads (`*.wasm`).
    var workloads: String = Options.defaultWorkloads
    /// Only workloads whose name contains one of these.
    var only: [String] = []
    /// Skip wesdbg (to check the WasmKit side on its own).
    var wasmKitOnly = false
    /// Skip WasmKit (for profiling wesdbg under callgrind).
    var wesdbgOnly = false
    var skipDebug = false
    /// Debug mode runs as the debugger does, fuel by function on (`Machine.profilesFuel`);
    /// `--no-profile-fuel` turns it off there, `--profile-fuel-plain` turns it on in plain runs too.
    var profileFuel = true
    var profileFuelPlain = false
    var skipLoad = false

    static let usage = """
        usage: WesdbgBench [--runs N] [--debug-runs N] [--workloads DIR] [--only NAME]... [--wasmkit-only | --wesdbg-only] [--skip-debug] [--skip-load] [--no-profile-fuel] [--profile-fuel-plain] [--wall]
        """

    /// Benchmarks/Workloads/wasm, found from this source file.
    static var defaultWorkloads: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Workloads/wasm").path
    }

    init<S: Sequence>(_ arguments: S) throws where S.Element == String {
        var it = arguments.makeIterator()
        func value(_ flag: String) throws -> String {
            guard let v = it.next() else { throw BenchError("\(flag) needs a value (see --help)") }
            return v
        }
        while let argument = it.next() {
            switch argument {
            case "--runs":
                guard let n = Int(try value(argument)), n >= 0 else { throw BenchError("--runs needs a count (0: one untimed check run only)") }
                runs = n
            case "--debug-runs":
                guard let n = Int(try value(argument)), n >= 0 else { throw BenchError("--debug-runs needs a count") }
                debugRuns = n
            case "--workloads": workloads = try value(argument)
            case "--only": only.append(try value(argument))
            case "--wasmkit-only": wasmKitOnly = true
            case "--wesdbg-only": wesdbgOnly = true
            case "--skip-debug": skipDebug = true
            case "--profile-fuel": profileFuel = true   // the default; kept for old command lines
            case "--no-profile-fuel": profileFuel = false
            case "--profile-fuel-plain": profileFuelPlain = true
            case "--skip-load": skipLoad = true
            case "--wall": Stopwatch.useWallClock = true
            case "-h", "--help": print(Options.usage); exit(0)
            default: throw BenchError("unknown argument \(argument) (see --help)")
            }
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: workloads, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw BenchError("no workloads directory at \(workloads)")
        }
    }
}
