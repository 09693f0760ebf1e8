import ContractHost
import WasmVM

/// Debugs an exported function of a bare module: no chain, no draft. Imports are
/// satisfied by the given host functions (tests use these to stand in for a host);
/// the host-call log is this target's host state and is checkpointed with the machine.
public final class ModuleTarget: DebugTarget {
    /// A host function offered to the module's imports.
    public struct HostFunction {
        public var module: String
        public var name: String
        public var type: FunctionType
        public var parameterNames: [String]
        /// Memory ranges the call writes, from its arguments (for memory watches).
        public var writes: ([Value]) -> [Range<UInt64>]
        public var body: HostFunctionBody
        public init(module: String = "env", name: String, type: FunctionType, parameterNames: [String] = [],
                    writes: @escaping ([Value]) -> [Range<UInt64>] = { _ in [] }, body: @escaping HostFunctionBody) {
            self.module = module; self.name = name; self.type = type; self.parameterNames = parameterNames
            self.writes = writes; self.body = body
        }
    }

    public let machine: Machine
    public let instance: Instance
    public let function: String
    public let arguments: [Value]
    public var entryArguments: [Value] { arguments }
    public let fuel: UInt64
    private let hostFunctions: [HostFunction]

    public init(module: Module, function: String, arguments: [Value] = [], fuel: UInt64 = 10_000_000,
                hostFunctions: [HostFunction] = []) throws {
        machine = Machine()
        self.function = function; self.arguments = arguments; self.fuel = fuel; self.hostFunctions = hostFunctions
        var addresses: [String: ExternalValue] = [:]
        let box = LogBox()
        for host in hostFunctions {
            let body = host.body
            let key = "\(host.module).\(host.name)"
            addresses[key] = machine.addHostFunction(module: host.module, name: host.name, type: host.type) { (context: inout HostCallContext) throws(Trap) -> [Value] in
                let arguments = context.arguments.enumerated().map { i, value in
                    HostCallView.Argument(name: i < host.parameterNames.count ? host.parameterNames[i] : "arg\(i)", value: value)
                }
                let ranges = host.writes(context.arguments).map { MemoryRange(range: $0, kind: .write) }
                do throws(Trap) {
                    let results = try body(&context)
                    box.lines.append(HostCallView(name: host.name, arguments: arguments, results: results, ranges: ranges))
                    return results
                } catch {
                    box.lines.append(HostCallView(name: host.name, arguments: arguments, trap: error.message, ranges: ranges))
                    throw error
                }
            }
        }
        logBox = box
        do {
            (instance, instantiationTrap) = try machine.instantiateKeepingTrap(module) { addresses["\($0.module).\($0.name)"] }
        } catch {
            throw SessionError("cannot link the module: \(error)")
        }
    }

    private let instantiationTrap: Trap?
    public private(set) var startTrap: Trap?

    /// Host bodies append here; `log` mirrors it so checkpoints can copy it.
    private final class LogBox { var lines: [HostCallView] = [] }
    private let logBox: LogBox

    public func start() throws {
        guard let export = instance.module.export(named: function), export.kind == .function else {
            throw SessionError("the module exports no function named \(function)")
        }
        if let trap = instantiationTrap { startTrap = trap; return }
        let address = machine.functionAddress(instance, function: Int(export.index))
        do {
            try machine.startCall(function: address, arguments: arguments, fuel: fuel)
        } catch where error.kind == .callStackExhausted {
            startTrap = error
        } catch {
            throw SessionError("cannot call \(function): \(error.message)")
        }
    }

    public func checkpoint() -> TargetCheckpoint? {
        machine.checkpoint().map { TargetCheckpoint(machine: $0, host: logBox.lines, hostByteSize: logBox.lines.count * 64) }
    }

    public func restore(_ checkpoint: TargetCheckpoint) {
        machine.restore(checkpoint.machine)
        logBox.lines = checkpoint.host as? [HostCallView] ?? []
    }

    public func outcome(results: [Value]) -> Outcome { .success(code: nil) }
    public func draftSections() -> [(title: String, entries: [ListEntry])] { [] }
    public func hostLog() -> [HostCallView] { logBox.lines }

    public func describe(_ call: HostCallEvent) -> PendingHostCall {
        let values = call.arguments, name = call.importName
        let host = hostFunctions.first { $0.module == call.importModule && $0.name == name }
        let arguments = values.enumerated().map { index, value in
            PendingHostCall.Argument(name: host.flatMap { index < $0.parameterNames.count ? $0.parameterNames[index] : nil } ?? "arg\(index)", value: value)
        }
        let writes = host?.writes(values) ?? []
        return PendingHostCall(name: name, arguments: arguments, ranges: writes.map { MemoryRange(range: $0, kind: .write) })
    }

    public func parameterNames(ofImport name: String) -> [String]? {
        hostFunctions.first { $0.name == name }.map { host in host.type.parameters.indices.map { $0 < host.parameterNames.count ? host.parameterNames[$0] : "arg\($0)" } }
    }

    public var hostFunctionNames: [String] {
        instance.module.imports.compactMap { if case .function = $0.descriptor { $0.name } else { nil } }
    }

    public func snapshotJSON(path: String, expect: ExpectedOutcome, edits: [SnapshotEdit]) throws -> String {
        throw SessionError("save needs a contract call (a snapshot, or a module run with --call); this is a bare module")
    }
}
