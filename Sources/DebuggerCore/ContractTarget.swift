import ContractHost
import WasmVM

/// Debugs a contract call: a `ContractExecution` (snapshot, host ABI, draft).
public final class ContractTarget: DebugTarget {
    public let execution: ContractExecution

    public init(execution: ContractExecution) throws {
        self.execution = execution
    }

    /// Loads the module once (restarts reuse it) and prepares the call.
    public convenience init(snapshot: ChainSnapshot, module: Module) throws {
        do {
            try self.init(execution: ContractExecution(snapshot: snapshot, module: module))
        } catch let error as InputError {
            throw SessionError(error.description)
        }
    }

    public var machine: Machine { execution.machine }
    public var instance: Instance { execution.instance }

    public func start() throws { execution.start() }

    public var startTrap: Trap? { execution.startTrap }

    public var entryArguments: [Value] { execution.snapshot.call.args }

    public func checkpoint() -> TargetCheckpoint? {
        guard let checkpoint = execution.checkpoint() else { return nil }
        return TargetCheckpoint(machine: checkpoint.machine, host: checkpoint, hostByteSize: checkpoint.byteSize - checkpoint.machine.byteSize)
    }

    public func restore(_ checkpoint: TargetCheckpoint) {
        guard let saved = checkpoint.host as? ExecutionCheckpoint else { preconditionFailure("not a contract checkpoint") }
        execution.restore(saved)
    }

    public func outcome(results: [Value]) -> Outcome {
        if execution.entryReturnsStatus, case .i32(let v) = results.first {
            let code = Int(Int32(bitPattern: v))
            return code == 0 ? .success(code: 0) : .failure(code: code)
        }
        return .success(code: nil)
    }

    public func draftSections() -> [(title: String, entries: [ListEntry])] {
        let draft = execution.host.draft
        func entry(_ text: String, _ fields: [DetailField] = []) -> ListEntry { ListEntry(text: text, isNew: false, fields: fields) }
        return [
            ("inputs", draft.inputs.map { entry($0) }),
            ("outputs", draft.outputs.indices.map { i in
                let text = draft.outputSummary(at: i)
                switch draft.outputs[i] {
                case .asset: return entry(text)
                case .state(let id, let data): return entry(text, [DetailField(label: "id", bytes: id), DetailField(label: "data", bytes: data)])
                case .resource(let kind, let data): return entry(text, [DetailField(label: "kind \(kind)", bytes: data)])
                }
            }),
            ("state writes", draft.stateWrites.map {
                entry("\(quoted($0.key, digest: $0.keyDigest)) = \(quoted($0.value, digest: $0.valueDigest))",
                      [DetailField(label: "key", bytes: $0.key), DetailField(label: "value", bytes: $0.value)])
            }),
            ("events", draft.events.map {
                entry("\(quoted($0.name, digest: $0.nameDigest)) \(quoted($0.data, digest: $0.dataDigest))",
                      [DetailField(label: "name", bytes: $0.name), DetailField(label: "data", bytes: $0.data)])
            }),
            ("return data", draft.returnData.map { [entry(quoted($0, digest: draft.returnDataDigest), [DetailField(label: "data", bytes: $0)])] } ?? []),
        ]
    }

    public func hostLog() -> [HostCallView] {
        execution.host.log.map { record in
            HostCallView(name: record.function.importName,
                         arguments: record.arguments.map { HostCallView.Argument(name: $0.name, value: $0.value, decoded: $0.decoded) },
                         results: record.results, failure: record.failure, trap: record.trap, mocked: record.mocked,
                         ranges: record.memoryAccesses.map { MemoryRange(range: $0.range, kind: $0.isWrite ? .write : .read) })
        }
    }

    public func describe(_ call: HostCallEvent) -> PendingHostCall {
        let function = execution.hostFunction(for: call)
        let names = function?.parameterNames ?? []
        let accesses = execution.memoryAccesses(for: call)
        let memory = machine.memory(of: instance)
        func bytes(_ range: Range<UInt64>) -> [UInt8]? {
            guard let memory, range.count <= 4096, memory.contains(range.lowerBound, count: UInt64(range.count)) else { return nil }
            return try? memory.read(range.lowerBound, count: range.count)
        }
        let arguments = call.arguments.enumerated().map { i, value in
            let name = i < names.count ? names[i] : "arg\(i)"
            var decoded: String?
            var text: [UInt8]?
            // A pointer argument the call reads from: show what it points at.
            if case .i32(let v) = value, !name.hasSuffix("_len"),
               let read = accesses.first(where: { !$0.isWrite && $0.range.lowerBound == UInt64(v) }), let b = bytes(read.range) {
                text = b.last == 0 ? Array(b.dropLast()) : b
                decoded = quoted(text!, digest: nil)
            }
            return PendingHostCall.Argument(name: name, value: value, decoded: decoded, bytes: text)
        }
        var keys: [[UInt8]] = []
        if function == .stateSet, call.arguments.count == 4, case .i32(let key) = call.arguments[0], case .i32(let length) = call.arguments[1],
           let key = bytes(UInt64(key) ..< UInt64(key) + UInt64(length)) {
            keys.append(key)
        }
        // A mocked call reads and writes nothing.
        if execution.host.isMocked(call.importName) {
            var pending = PendingHostCall(name: call.importName, arguments: arguments)
            pending.mocked = true
            return pending
        }
        return PendingHostCall(name: call.importName, arguments: arguments,
                               ranges: accesses.map { MemoryRange(range: $0.range, kind: $0.isWrite ? .write : .read) },
                               stateKeysWritten: keys)
    }

    public func parameterNames(ofImport name: String) -> [String]? {
        let functionImports = execution.module.imports.filter { if case .function = $0.descriptor { true } else { false } }
        guard let index = functionImports.firstIndex(where: { $0.name == name }) else { return nil }
        return execution.hostFunction(forImport: index)?.parameterNames
    }

    public var hostFunctionNames: [String] {
        execution.module.imports.compactMap { if case .function = $0.descriptor { $0.name } else { nil } }
    }

    /// The snapshot with `expect` set to the outcome and `edits` the changes that reach it.
    public func snapshotJSON(path: String, expect: ExpectedOutcome, edits: [SnapshotEdit]) throws -> String {
        if execution.snapshot.isInput(path) { throw SessionError("\(path) is an input of this session (snapshot or module); choose another file") }
        return execution.snapshot.json(savedAt: path, expect: expectation(expect), edits: edits).prettyText + "\n"
    }

    public func writeBundle(directory: String, expect: ExpectedOutcome, edits: [SnapshotEdit], commands: [String]) throws -> [String] {
        do throws(OutputError) {
            return try BugBundle.write(directory: directory, snapshot: execution.snapshot, expect: expectation(expect), edits: edits,
                                       commands: commands)
        } catch {
            throw SessionError("cannot write \(error.path): \(error.reason)")
        }
    }

    private func expectation(_ expect: ExpectedOutcome) -> Expectation {
        guard let status = ExecutionStatus(rawValue: expect.status) else { preconditionFailure("unknown status \(expect.status)") }
        return Expectation(status: status, trap: expect.trap, code: expect.code.map(Int64.init))
    }

    public var edits: [SnapshotEdit] { execution.snapshot.edits }
    public var mockingUnsupported: String? { nil }
    public var mocks: (standing: [HostMock], next: HostMock?) { (execution.host.mocks, execution.host.nextCallMock) }
    public func setMock(_ mock: HostMock) { execution.setMock(mock) }
    public func mockNextCall(_ mock: HostMock) { execution.mockNextCall(mock) }
    public func removeMocks(_ importName: String?) -> Int { execution.removeMocks(importName) }
}
