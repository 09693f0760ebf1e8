import WasmVM

/// Runs a workload's `run` export on wesdbg's interpreter exactly as `wesdbg run`
/// does: our `Machine`, fuel metering on, a fuel limit that is never reached.
final class WesdbgRunner: WorkloadRunner {
    /// Large enough for any workload, small enough that no fuel sum can overflow.
    static let fuelLimit: UInt64 = 1 << 62

    private let machine: Machine
    private let instance: Instance
    private let function: Int
    /// Where the debug-mode breakpoints go: pcs of the never-called `idle` export.
    private let idle: (function: Int, pcs: [Int])?
    /// Instructions executed by the last `run`.
    private(set) var lastSteps: UInt64 = 0

    /// What the next runs have on. With `debugHooks`, ten breakpoints are set in the never-called
    /// `idle` export and a memory watch covers bytes 0..<16, which no workload writes (with
    /// `--stack-first` they are the far end of the C stack). With `profilesFuel`, fuel is
    /// attributed to functions as the debugger does. One machine takes every mode in turn, so
    /// that the modes' ratios compare runs over the same objects: between two machines of one
    /// process, where the allocator put each one's code, frames and tallies moved a mode's time
    /// by up to 40% (call_loop's hooks, never hit, against run mode).
    struct Mode: Equatable {
        var debugHooks: Bool
        var profilesFuel: Bool
    }
    var mode = Mode(debugHooks: false, profilesFuel: false) {
        didSet { if mode != oldValue { apply() } }
    }

    init(bytes: [UInt8]) throws {
        let module: Module
        do { module = try Module.load(binary: bytes) } catch { throw BenchError("wesdbg load: \(error)") }
        machine = Machine()
        instance = try machine.instantiate(module, imports: { _ in nil })
        guard case .function(let address) = machine.export(instance, named: "run") else {
            throw BenchError("no exported function run")
        }
        function = address
        if let export = module.export(named: "idle"), export.kind == .function {
            let index = Int(export.index), count = module.functions[index - module.importedFunctionCount].code.count
            idle = (index, (0..<10).map { $0 * count / 10 })
        } else {
            idle = nil
        }
    }

    private func apply() {
        machine.profilesFuel = mode.profilesFuel
        guard let idle else { return }
        for (id, pc) in idle.pcs.enumerated() {
            if mode.debugHooks { machine.setBreakpoint(id: id, instance: instance, function: idle.function, pc: pc) } else { machine.removeBreakpoint(id: id) }
        }
        machine.setMemoryWatches(mode.debugHooks ? [0..<16] : [], instance: instance)
    }

    /// Checks that debug mode can be set up (the workload exports `idle`).
    func checkDebugHooks() throws {
        guard idle != nil else { throw BenchError("no exported function idle for the debug-mode breakpoints") }
    }

    func run() throws -> Checksum {
        do { try machine.startCall(function: function, arguments: [], fuel: Self.fuelLimit) } catch {
            throw BenchError("wesdbg startCall: \(error)")
        }
        let event = machine.run()
        lastSteps = machine.steps
        guard case .returned(let values) = event, values.count == 1 else {
            throw BenchError("wesdbg: run ended with \(event)")
        }
        switch values[0] {
        case .i32(let v): return .i32(v)
        case .i64(let v): return .i64(v)
        default: throw BenchError("wesdbg: run returned \(values[0])")
        }
    }

    /// Median wall time of `Module.load(binary:)` (decode, validate, translate).
    static func loadTime(of bytes: [UInt8], runs: Int) throws -> Duration {
        var times: [Duration] = []
        for _ in 0..<runs {
            let (_, elapsed) = try Stopwatch.measure {
                do { _ = try Module.load(binary: bytes) } catch { throw BenchError("wesdbg load of the large module: \(error)") }
            }
            times.append(elapsed)
        }
        return times.median
    }
}
