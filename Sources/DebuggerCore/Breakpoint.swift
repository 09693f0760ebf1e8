import ContractHost
import Foundation
import WasmVM

/// One entry of `info breakpoints`. Code breakpoints go through the machine's
/// patched-op breakpoints, memory watches through its store watches: never
/// per-instruction checks in the session.
struct Breakpoint: Sendable {
    enum Kind: Equatable, Sendable {
        /// Entry of a function (its first instruction).
        case function(index: Int)
        /// The instruction at a module byte offset.
        case offset(Int)
        /// Before a call of this import (`*`: any).
        case host(name: String)
        /// At the trapping instruction, before unwinding.
        case trap
        /// When used fuel reaches this amount.
        case fuel(UInt64)
        /// After a write (guest store or host write) into the range.
        case memory(address: UInt64, length: UInt64)
        /// After a host call writes the key.
        case state(key: [UInt8])
        /// A source line (`break token.c:60`): the line actually used, with its file as recorded.
        case line(file: String, line: Int)
    }

    var id: Int
    var kind: Kind
    var isEnabled = true
    /// Compiled when set (`condition`, `break … if`); shared by copies, as it counts hits.
    var condition: ConditionProgram?
    var conditionText: String? { condition?.text }
    var hits = 0
    /// Times execution reached it going forward since the call (re)started, condition true or
    /// not: what a condition's `hits` reads (this arrival included). Shared by copies.
    let arrivals = ArrivalCount()
    /// Machine code locations for function/offset/line breakpoints (a line may have several).
    var locations: [(function: Int, pc: Int)] = []

    func isAt(function: Int, pc: Int) -> Bool { locations.contains { $0.function == function && $0.pc == pc } }

    var typeName: String {
        switch kind {
        case .function, .offset, .line: "break"
        case .host: "host"
        case .trap: "trap"
        case .fuel: "fuel"
        case .memory: "watch mem"
        case .state: "watch state"
        }
    }

    var isWatch: Bool {
        switch kind {
        case .memory, .state: true
        default: false
        }
    }
}

/// Shared with the machine, which counts the arrivals where it finds a condition false.
typealias ArrivalCount = ConditionHits

extension Breakpoint.Kind {
    func describe(in module: Module) -> String {
        switch self {
        case .function(let index): "\(module.displayName(ofFunction: index)) (func \(index)) entry"
        case .offset(let offset): "offset 0x\(hex(UInt64(offset)))"
        case .host(let name): name == "*" ? "any host call" : "host call \(name)"
        case .trap: "any trap"
        case .fuel(let n): "fuel used reaches \(n)"
        case .memory(let address, let length): "memory 0x\(hex(address))..0x\(hex(address + length)) (\(length) bytes) written"
        case .state(let key): "state key \(quoted(key)) written"
        case .line(let file, let line): "\(SourceContext.displayPath(file)):\(line)"
        }
    }
}

/// `quoted`, bounded: past `PayloadPreview.limit` bytes the first ones, `…`, the length and
/// the hash (`digest`, computed here when not given), so previews cost O(1) per entry.
func quoted(_ bytes: [UInt8], digest: UInt64?) -> String {
    guard bytes.count > PayloadPreview.limit else { return quoted(bytes) }
    return quoted(Array(PayloadPreview.head(bytes))) + "…"
        + PayloadPreview.tail(count: bytes.count, digest: digest ?? PayloadPreview.digest(bytes))
}

/// `"text"` for printable UTF-8, else `0x` hex.
func quoted(_ bytes: [UInt8]) -> String {
    if let text = String(validating: bytes, as: UTF8.self), text.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7f }) {
        return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
    return "0x" + bytes.map { hex(UInt64($0), digits: 2) }.joined()
}
