import WasmVM

/// A parsed, validated chain snapshot (HOST-ABI.md "Snapshot file"): the chain a
/// call reads, the contract, and the call. Immutable during execution: writes go
/// to the draft.
public struct ChainSnapshot: Sendable {
    public struct Block: Sendable, Equatable {
        public var height: UInt64
        public var timestamp: UInt64
        /// Block hashes by height (32 bytes each).
        public var hashes: [UInt64: [UInt8]]
        public init(height: UInt64 = 1, timestamp: UInt64 = 0, hashes: [UInt64: [UInt8]] = [:]) {
            self.height = height; self.timestamp = timestamp; self.hashes = hashes
        }
    }

    public enum Code: Sendable, Equatable {
        /// A path relative to the snapshot's directory (as written in the file).
        case file(String)
        case inline([UInt8])
    }

    public struct Call: Sendable, Equatable {
        public var function: String
        public var params: JSONValue
        public var args: [Value]
        public var fuel: UInt64
        public init(function: String, params: JSONValue = .object([]), args: [Value] = [], fuel: UInt64 = ChainSnapshot.defaultFuel) {
            self.function = function; self.params = params; self.args = args; self.fuel = fuel
        }
        /// The params as the contract reads them: canonical JSON bytes.
        public var canonicalParams: [UInt8] { Array(params.canonical.compactText.utf8) }
    }

    public static let defaultFuel: UInt64 = 10_000_000
    /// Addresses used when a bare module runs over an empty chain.
    public static let defaultContractAddress = Address("0x00000000000000000000000000000000000c0de1")!
    public static let defaultCaller = Address("0x00000000000000000000000000000000000ca11e")!

    public var version: Int = 1
    public var block: Block
    public var contractAddress: Address
    public var code: Code
    public var caller: Address
    public var utxos: [UTXO]
    /// The contract's key/value store.
    public var state: [[UInt8]: [UInt8]]
    public var call: Call
    public var expect: Expectation?
    /// The snapshot's free-text `description` (kept when saving).
    public var summary: String?
    /// Debugger changes to replay at their steps (`edits`, docs/host.md); empty for most snapshots.
    public var edits: [SnapshotEdit] = []
    /// The module's recorded SHA-256 (`contract.sha256`, written in bug bundles): loading checks it.
    public var codeSHA256: [UInt8]?
    /// The module's bytes as loaded (`loadModule`), for `save --bundle` to copy.
    public var codeBytes: [UInt8]?

    /// The snapshot file as the user named it (for messages), or the module file for a bare module.
    public var file: String
    /// Directory that relative `code` paths are resolved against ("" for the current one).
    public var baseDirectory: String

    public init(block: Block = Block(), contractAddress: Address = ChainSnapshot.defaultContractAddress, code: Code,
                caller: Address = ChainSnapshot.defaultCaller, utxos: [UTXO] = [], state: [[UInt8]: [UInt8]] = [:],
                call: Call, expect: Expectation? = nil, file: String, baseDirectory: String = "") {
        self.block = block; self.contractAddress = contractAddress; self.code = code; self.caller = caller
        self.utxos = utxos; self.state = state; self.call = call; self.expect = expect
        self.file = file; self.baseDirectory = baseDirectory
    }

    /// Where `code` lives, as a path usable from the current directory (nil when inline).
    public var codePath: String? {
        guard case .file(let p) = code else { return nil }
        return FilePaths.join(baseDirectory, p)
    }
}
