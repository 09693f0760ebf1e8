import WasmVM

/// Every host function of HOST-ABI.md, one case per accepted signature. The two
/// seed variants are separate cases: the import's declared type chooses.
public enum HostFunction: String, Sendable, CaseIterable {
    case getCurrentTransaction, getCaller, getContractAddress, getContractParamsLen, getContractParams
    case setReturnData, emitEvent
    case getBlockHeight, getTimestamp, getBlockHash
    case queryUTXOBalance, queryUTXOBalanceNative
    case executeUTXOTransfer, executeUTXOTransferNative
    case createUTXOOutput, createAssetOutputWithLock, batchCreateOutputs
    case stateGet, stateGetLen, stateSet, stateExists, appendStateOutput, appendResourceOutput
    case malloc, free

    /// The import module every host function lives in.
    public static let importModule = "env"

    /// The import name (`execute_utxo_transfer`).
    public var importName: String {
        switch self {
        case .getCurrentTransaction: "get_current_transaction"
        case .getCaller: "get_caller"
        case .getContractAddress: "get_contract_address"
        case .getContractParamsLen: "get_contract_params_len"
        case .getContractParams: "get_contract_params"
        case .setReturnData: "set_return_data"
        case .emitEvent: "emit_event"
        case .getBlockHeight: "get_block_height"
        case .getTimestamp: "get_timestamp"
        case .getBlockHash: "get_block_hash"
        case .queryUTXOBalance, .queryUTXOBalanceNative: "query_utxo_balance"
        case .executeUTXOTransfer, .executeUTXOTransferNative: "execute_utxo_transfer"
        case .createUTXOOutput: "create_utxo_output"
        case .createAssetOutputWithLock: "create_asset_output_with_lock"
        case .batchCreateOutputs: "batch_create_outputs"
        case .stateGet: "state_get"
        case .stateGetLen: "state_get_len"
        case .stateSet: "state_set"
        case .stateExists: "state_exists"
        case .appendStateOutput: "append_state_output"
        case .appendResourceOutput: "append_resource_output"
        case .malloc: "malloc"
        case .free: "free"
        }
    }

    /// Parameter names, for the host-call log and `inspect`.
    public var parameterNames: [String] {
        switch self {
        case .getCurrentTransaction, .getContractParamsLen, .getBlockHeight, .getTimestamp: []
        case .getCaller, .getContractAddress, .getContractParams: ["out"]
        case .setReturnData: ["ptr", "len"]
        case .emitEvent: ["name", "name_len", "data", "data_len"]
        case .getBlockHash: ["height", "out"]
        case .queryUTXOBalance: ["addr", "token", "token_len"]
        case .queryUTXOBalanceNative: ["addr", "addr_len"]
        case .executeUTXOTransfer: ["from", "to", "amount", "token", "token_len"]
        case .executeUTXOTransferNative: ["from", "from_len", "to", "to_len", "amount"]
        case .createUTXOOutput: ["addr", "amount", "token"]
        case .createAssetOutputWithLock: ["addr", "amount", "token", "token_len", "lock", "lock_len"]
        case .batchCreateOutputs: ["items", "count"]
        case .stateGet: ["key", "key_len", "out"]
        case .stateGetLen, .stateExists: ["key", "key_len"]
        case .stateSet: ["key", "key_len", "val", "val_len"]
        case .appendStateOutput: ["id", "id_len", "data", "data_len"]
        case .appendResourceOutput: ["kind", "kind_len", "data", "data_len"]
        case .malloc: ["size"]
        case .free: ["ptr"]
        }
    }

    public var type: FunctionType {
        func t(_ p: [ValueType], _ r: [ValueType]) -> FunctionType { FunctionType(parameters: p, results: r) }
        switch self {
        case .getCurrentTransaction, .getContractParamsLen: return t([], [.i32])
        case .getCaller, .getContractAddress, .getContractParams: return t([.i32], [.i32])
        case .setReturnData: return t([.i32, .i32], [])
        case .emitEvent: return t([.i32, .i32, .i32, .i32], [])
        case .getBlockHeight, .getTimestamp: return t([], [.i64])
        case .getBlockHash: return t([.i64, .i32], [.i32])
        case .queryUTXOBalance: return t([.i32, .i32, .i32], [.i64])
        case .queryUTXOBalanceNative: return t([.i32, .i32], [.i64])
        case .executeUTXOTransfer: return t([.i32, .i32, .i64, .i32, .i32], [.i32])
        case .executeUTXOTransferNative: return t([.i32, .i32, .i32, .i32, .i64], [.i32])
        case .createUTXOOutput: return t([.i32, .i64, .i32], [.i32])
        case .createAssetOutputWithLock: return t([.i32, .i64, .i32, .i32, .i32, .i32], [.i32])
        case .batchCreateOutputs: return t([.i32, .i32], [.i32])
        case .stateGet: return t([.i32, .i32, .i32], [.i32])
        case .stateGetLen, .stateExists: return t([.i32, .i32], [.i32])
        case .stateSet, .appendStateOutput, .appendResourceOutput: return t([.i32, .i32, .i32, .i32], [.i32])
        case .malloc: return t([.i32], [.i32])
        case .free: return t([.i32], [])
        }
    }

    /// `standard`, or the seed SDK variant's name.
    public var variant: String {
        switch self {
        case .queryUTXOBalanceNative, .executeUTXOTransferNative: "seed native-coin variant"
        default: "standard"
        }
    }

    /// The host functions offered under an import name (one or two signatures).
    public static func offered(named name: String) -> [HostFunction] {
        allCases.filter { $0.importName == name }
    }
}
