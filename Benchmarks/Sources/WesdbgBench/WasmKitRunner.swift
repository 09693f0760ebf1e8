import WasmKit

/// Runs a workload's `run` export on WasmKit 0.4.2 with its default engine
/// configuration (its interpreter, lazy compilation, no fuel metering).
final class WasmKitRunner: WorkloadRunner {
    private let store: Store
    private let function: Function

    init(bytes: [UInt8]) throws {
        let module = try parseWasm(bytes: bytes)
        store = Store(engine: Engine())
        let instance = try module.instantiate(store: store)
        guard let run = instance.exports[function: "run"] else { throw BenchError("no exported function run") }
        function = run
    }

    func run() throws -> Checksum {
        let values = try function()
        guard values.count == 1 else { throw BenchError("WasmKit: run returned \(values)") }
        switch values[0] {
        case .i32(let v): return .i32(v)
        case .i64(let v): return .i64(v)
        default: throw BenchError("WasmKit: run returned \(values[0])")
        }
    }

    /// Median wall time of parsing and instantiating with eager compilation,
    /// WasmKit's closest equivalent of `Module.load(binary:)`.
    static func loadTime(of bytes: [UInt8], runs: Int) throws -> Duration {
        var times: [Duration] = []
        for _ in 0..<runs {
            let (_, elapsed) = try Stopwatch.measure {
                let module = try parseWasm(bytes: bytes)
                let store = Store(engine: Engine(configuration: EngineConfiguration(compilationMode: .eager)))
                _ = try module.instantiate(store: store)
            }
            times.append(elapsed)
        }
        return times.median
    }
}
