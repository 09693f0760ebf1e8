import WasmVM

/// Runs a workload's `run` export on wesdbg's interpreter exactly as `wesdbg run`
/// does: our `Machine`, fuel metering on, a fuel limit that is never reached.
final class WesdbgRunner: WorkloadRunner {
    /// Large enough for any workload, small enough that no fuel sum can overflow.
    static let fuelLimit: UInt64 = 1 << 62

    private let machine: Machine
    private let function: Int
    /// Instructions executed by the last `run`.
    private(set) var lastSteps: UInt64 = 0

    /// With `debugHooks`, ten breakpoints are set in the never-called `idle`
    /// export and a memory watch covers bytes 0..<16, which no workload writes
    /// (with `--stack-first` they are the far end of the C stack).
    /// With `profilesFuel`, fuel is attributed to functions as the debugger does.
    init(bytes: [UInt8], debugHooks: Bool, profilesFuel: Bool = false) throws {
        let module: Module
        do { module = try Module.load(binary: bytes) } catch { throw BenchError("wesdbg load: \(error)") }
        machine = Machine()
        machine.profilesFuel = profilesFuel
        let instance = try machine.instantiate(module, imports: { _ in nil })
        guard case .function(let address) = machine.export(instance, named: "run") else {
            throw BenchError("no exported function run")
        }
        function = address
        if debugHooks {
            guard let idle = module.export(named: "idle"), idle.kind == .function else {
                throw BenchError("no exported function idle for the debug-mode breakpoints")
            }
            let index = Int(idle.index)
            let code = module.functions[index - module.importedFunctionCount].code
            for id in 0..<10 {
                machine.setBreakpoint(id: id, instance: instance, function: index, pc: id * code.count / 10)
            }
            machine.setMemoryWatches([0..<16], instance: instance)
        }
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
