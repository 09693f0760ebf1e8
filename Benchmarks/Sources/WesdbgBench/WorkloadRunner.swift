import Foundation

/// One engine prepared to run one workload (loading is done by the initializer,
/// outside the timed region).
protocol WorkloadRunner: AnyObject {
    /// Executes the workload's `run` export once.
    func run() throws -> Checksum
}

/// What `run` returned; both engines must agree on it.
enum Checksum: Equatable, CustomStringConvertible {
    case i32(UInt32)
    case i64(UInt64)

    var description: String {
        switch self {
        case .i32(let v): "i32:\(v)"
        case .i64(let v): "i64:\(v)"
        }
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension Array where Element == Duration {
    var median: Duration {
        precondition(!isEmpty, "median of no samples")
        let sorted = self.sorted()
        return sorted.count % 2 == 1
            ? sorted[sorted.count / 2]
            : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
}

extension Duration {
    var milliseconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) * 1e3 + Double(attoseconds) / 1e15
    }
}

/// CPU time of the calling thread: on a shared machine, other processes'
/// load inflates wall time but barely moves this. `--wall` switches to wall time.
struct Stopwatch {
    nonisolated(unsafe) static var useWallClock = false

    static func measure<T>(_ body: () throws -> T) rethrows -> (T, Duration) {
        if useWallClock {
            let clock = ContinuousClock()
            let start = clock.now
            let value = try body()
            return (value, clock.now - start)
        }
        let start = threadCPUTime()
        let value = try body()
        return (value, threadCPUTime() - start)
    }

    private static func threadCPUTime() -> Duration {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return .seconds(ts.tv_sec) + .nanoseconds(ts.tv_nsec)
    }
}
