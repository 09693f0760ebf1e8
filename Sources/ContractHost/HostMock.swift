import WasmVM

/// A mocked host call (the debugger's `return` and `mock host`, a snapshot's `edits`): the
/// host reads and writes nothing, adds no fuel beyond the call's base cost, and returns
/// `results`; the host-call log marks the call `mocked`. Part of the host state, so
/// checkpoints restore the mocks that were in effect at their step.
public struct HostMock: Sendable, Equatable {
    /// The import the mock applies to (`execute_utxo_transfer`).
    public var importName: String
    /// What the call returns (typed as the import's results).
    public var results: [Value]
    /// The call is logged as failed (`fail [CODE]`): a status-returning function's 0, or CODE.
    public var fails: Bool
    /// The step it was set at (for `info mocks`).
    public var step: UInt64

    public init(importName: String, results: [Value], fails: Bool = false, step: UInt64 = 0) {
        self.importName = importName; self.results = results; self.fails = fails; self.step = step
    }

    /// `-> i32:1`, `fails -> i32:0`, `-> (nothing)`
    public var text: String {
        let values = results.isEmpty ? "(nothing)" : results.map(\.description).joined(separator: ", ")
        return (fails ? "fails -> " : "-> ") + values
    }
}

extension HostState {
    /// The mock for the next call of `importName`, if any: the one-shot `return` mock first
    /// (consumed), else the import's standing mock.
    mutating func takeMock(for importName: String) -> HostMock? {
        if let next = nextCallMock, next.importName == importName {
            nextCallMock = nil
            return next
        }
        return mocks.first { $0.importName == importName }
    }

    /// Whether the next call of `importName` is mocked (without consuming anything).
    public func isMocked(_ importName: String) -> Bool {
        nextCallMock?.importName == importName || mocks.contains { $0.importName == importName }
    }

    /// Sets the standing mock of an import, replacing an earlier one (kept in the order first set).
    public mutating func setMock(_ mock: HostMock) {
        if let i = mocks.firstIndex(where: { $0.importName == mock.importName }) { mocks[i] = mock } else { mocks.append(mock) }
    }

    /// Removes the standing mock of `importName` (all when nil); returns how many were removed.
    /// A pending `return` for that import goes too.
    @discardableResult
    public mutating func removeMocks(_ importName: String?) -> Int {
        let before = mocks.count
        mocks.removeAll { importName == nil || $0.importName == importName }
        var removed = before - mocks.count
        if let next = nextCallMock, importName == nil || next.importName == importName {
            nextCallMock = nil
            removed += 1
        }
        return removed
    }
}

extension HostCallRecord {
    /// The log record of a mocked call: raw arguments (nothing was read), the mock's results.
    init(mocked function: HostFunction, arguments: [Value], mock: HostMock) {
        self.init(function: function,
                  arguments: zip(function.parameterNames, arguments).map { Argument(name: $0.0, value: $0.1, decoded: nil) },
                  results: mock.results, failure: mock.fails ? "mocked" : nil, trap: nil, extraFuel: 0)
        mocked = true
    }
}

extension ContractExecution {
    /// Sets the standing mock of an import (`mock host`): every later call of it is answered by the mock.
    public func setMock(_ mock: HostMock) { host.setMock(mock) }
    /// The next host call is answered by `mock` (`return`), whatever mocks stand.
    public func mockNextCall(_ mock: HostMock) { host.nextCallMock = mock }
    /// Removes the mocks of `importName` (all when nil); how many were removed.
    public func removeMocks(_ importName: String?) -> Int { host.removeMocks(importName) }
}
