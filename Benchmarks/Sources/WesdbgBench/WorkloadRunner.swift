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
