@testable import ContractHost
import WasmVM

enum Fixtures {
    static let alice = "0x8209c6000000000000000000000000000000ffe5"
    static let bob = "0xc1d7300000000000000000000000000000017a3b"
    static let carol = "0xa5c5330000000000000000000000000000007b89"
    static let contract = "0x00000000000000000000000000000000000c0de1"
    static let hash = "0x" + String(repeating: "ab", count: 32)

    static func address(_ s: String) -> Address { Address(s)! }

    /// A minimal valid snapshot text with the given extra top-level members spliced in.
    static func snapshotText(utxos: String = "[]", state: String = "{}", call: String = #"{"function":"main"}"#,
                             extra: String = "") -> String {
        """
        {"version":1,"block":{"height":1024,"timestamp":1764000000,"hashes":{"1023":"\(hash)"}},
         "contract":{"address":"\(contract)","code":{"hex":"0061736d01000000"}},
         "caller":"\(alice)","utxos":\(utxos),"state":\(state),"call":\(call)\(extra)}
        """
    }

    static func snapshot(utxos: [UTXO] = [], state: [[UInt8]: [UInt8]] = [:], params: JSONValue = .object([])) -> ChainSnapshot {
        ChainSnapshot(block: .init(height: 1024, timestamp: 1764000000, hashes: [1023: Array(repeating: 0xab, count: 32)]),
                      contractAddress: address(contract), code: .inline([]), caller: address(alice), utxos: utxos,
                      state: state, call: .init(function: "main", params: params), file: "t.snapshot.json")
    }

    static func parseError(_ text: String, file: String = "token.snapshot.json") -> String? {
        do {
            _ = try ChainSnapshot.parse(bytes: Array(text.utf8), file: file)
            return nil
        } catch {
            return error.description
        }
    }
}
