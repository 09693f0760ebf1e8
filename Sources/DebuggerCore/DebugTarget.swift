import ContractHost
import WasmVM

/// What a `DebugSession` debugs: one started call on a `Machine`, plus whatever
/// host state goes with it (chain overlay, draft, host-call log). The contract
/// host's execution conforms through an adapter; `ModuleTarget` debugs a bare module.
///
/// The session drives `machine` directly (run/step/breakpoints/watches); the
/// target only owns what the machine cannot know: host state and its rendering.
public protocol DebugTarget: AnyObject {
    var machine: Machine { get }
    var instance: Instance { get }
    /// Starts the call (fresh host state, `startCall`). Called once, before anything runs.
    func start() throws
    /// Set by `start()` when the call trapped before its first instruction (the module's
    /// start function, or a function too big for the value stack): the session opens trapped.
    var startTrap: Trap? { get }
    /// Everything needed to resume from here: the machine's checkpoint and the host's.
    /// Nil when the host cannot allocate it (`Machine.checkpoint`).
    func checkpoint() -> TargetCheckpoint?
    func restore(_ checkpoint: TargetCheckpoint)
    /// The outcome once the machine returned `results`: `.success(code: 0)`, `.failure(code: 2)`, `.success(code: nil)`.
    func outcome(results: [Value]) -> Outcome
    /// Draft sections ("inputs", "outputs", "state writes", "events", "return data"), each with its bytes.
    func draftSections() -> [(title: String, entries: [ListEntry])]
    /// The host calls made so far, arguments decoded, with their results or failure reasons.
    func hostLog() -> [HostCallView]
    /// A host call about to be made: its named, decoded arguments, the memory it will
    /// read and write and the state keys it will write.
    func describe(_ call: HostCallEvent) -> PendingHostCall
    /// Argument names of a host function the module imports (for conditions), nil if unknown.
    func parameterNames(ofImport name: String) -> [String]?
    /// Import names of host functions the module uses.
    var hostFunctionNames: [String] { get }
    /// The arguments the entry function was called with (`--args`), for the Memory pane's first address.
    var entryArguments: [Value] { get }
    /// The JSON text of a snapshot reproducing this call, to be written at `path`, with
    /// `expect` set to the outcome and the changes that lead there as its `edits`.
    func snapshotJSON(path: String, expect: ExpectedOutcome, edits: [SnapshotEdit]) throws -> String
    /// Writes a bug bundle (`save --bundle DIR`): the snapshot with its edits, the module, the
    /// commands. Returns the paths written.
    func writeBundle(directory: String, expect: ExpectedOutcome, edits: [SnapshotEdit], commands: [String]) throws -> [String]
    /// State and UTXOs as a read would see them now (snapshot overlaid with the draft); nil without a chain.
    func chain() -> SessionSnapshot.Chain?
    /// One state key's value as a read would see it now (nil: absent, or no chain).
    func stateValue(_ key: [UInt8]) -> [UInt8]?
    /// The snapshot's `edits`, which the session applies when execution reaches their steps.
    var edits: [SnapshotEdit] { get }
    /// Why host calls cannot be mocked (a bare module's stand-in hosts), nil when they can.
    var mockingUnsupported: String? { get }
    /// The host state's mocks: standing ones (`mock host`) and the next call's (`return`).
    var mocks: (standing: [HostMock], next: HostMock?) { get }
    func setMock(_ mock: HostMock)
    /// The next host call returns this without running (`return`).
    func mockNextCall(_ mock: HostMock)
    /// Removes the mocks of an import (all when nil); how many were removed.
    func removeMocks(_ importName: String?) -> Int
}

extension DebugTarget {
    public func chain() -> SessionSnapshot.Chain? { nil }
    public func stateValue(_ key: [UInt8]) -> [UInt8]? { nil }
    public var edits: [SnapshotEdit] { [] }
    public var mockingUnsupported: String? { "mocking host calls needs a contract call (a snapshot, or a module run over the host ABI)" }
    public var mocks: (standing: [HostMock], next: HostMock?) { ([], nil) }
    public func setMock(_ mock: HostMock) {}
    public func mockNextCall(_ mock: HostMock) {}
    public func removeMocks(_ importName: String?) -> Int { 0 }
    public func writeBundle(directory: String, expect: ExpectedOutcome, edits: [SnapshotEdit], commands: [String]) throws -> [String] {
        throw SessionError("save --bundle needs a contract call (a snapshot, or a module run with --call); this is a bare module")
    }
}

extension DebugTarget {
    public var startTrap: Trap? { nil }
    public var entryArguments: [Value] { [] }
}

/// A target checkpoint: the machine's plus an opaque host part.
public struct TargetCheckpoint: @unchecked Sendable {
    public var machine: MachineCheckpoint
    public var host: Any?
    /// Approximate bytes held (the session bounds the total).
    public var byteSize: Int
    public init(machine: MachineCheckpoint, host: Any? = nil, hostByteSize: Int = 0) {
        self.machine = machine; self.host = host; self.byteSize = machine.byteSize + hostByteSize
    }
}

/// A host call the machine is about to make, as the debugger shows it.
public struct PendingHostCall: Sendable {
    public struct Argument: Sendable {
        /// Parameter name from the host ABI (`amount`, `to`), else `arg0`...
        public var name: String
        public var value: Value
        /// What the argument points at, read from memory (`"0x12…"`, `"USDT"`), if anything.
        public var decoded: String?
        /// The bytes it points at (a trailing NUL dropped), when the call reads them: what `token == "GOLD"` compares.
        public var bytes: [UInt8]?
        public init(name: String, value: Value, decoded: String? = nil, bytes: [UInt8]? = nil) {
            self.name = name; self.value = value; self.decoded = decoded; self.bytes = bytes
        }
    }
    public var name: String
    public var arguments: [Argument]
    /// Memory the call will read and write.
    public var ranges: [MemoryRange]
    /// State keys the call will write (for `watch state`).
    public var stateKeysWritten: [[UInt8]]
    /// A mock will answer the call (`return`, `mock host`): it reads and writes nothing.
    public var mocked = false
    public init(name: String, arguments: [Argument], ranges: [MemoryRange] = [], stateKeysWritten: [[UInt8]] = []) {
        self.name = name; self.arguments = arguments; self.ranges = ranges; self.stateKeysWritten = stateKeysWritten
    }

    /// The call as the panes and batch commands show it (`HostCallView.text`).
    public var view: HostCallView {
        HostCallView(name: name, arguments: arguments.map { HostCallView.Argument(name: $0.name, value: $0.value, decoded: $0.decoded) },
                     mocked: mocked, pending: true, ranges: ranges)
    }

    /// `execute_utxo_transfer(from=256 "0xab…", amount=10)`
    public var text: String { view.text }
}

/// Errors a session reports while being set up (bad module, link errors...).
public struct SessionError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// The outcome a saved snapshot expects (`expect` of HOST-ABI.md).
public struct ExpectedOutcome: Hashable, Sendable {
    /// `success`, `failure` or `trap`.
    public var status: String
    public var trap: TrapKind?
    public var code: Int?
    public init(status: String, trap: TrapKind? = nil, code: Int? = nil) { self.status = status; self.trap = trap; self.code = code }
}
