@testable import DebugInfo

/// A hand-built wasm frame: locals, globals, operands and a sparse little-endian memory.
struct FakeState: WasmStateReader {
    var locals: [Int: UInt64] = [:]
    var globals: [Int: UInt64] = [:]
    var operands: [UInt64] = []
    var bytes: [UInt64: UInt8] = [:]
    /// Addresses at or past this are outside memory.
    var memorySize: UInt64 = 0x20000

    func local(_ index: Int) -> UInt64? { locals[index] }
    func global(_ index: Int) -> UInt64? { globals[index] }
    func operand(_ indexFromBottom: Int) -> UInt64? { indexFromBottom < operands.count ? operands[indexFromBottom] : nil }
    func memory(_ address: UInt64, _ count: Int) -> [UInt8]? {
        guard address < memorySize, UInt64(count) <= memorySize - address else { return nil }
        return (0..<UInt64(count)).map { bytes[address + $0] ?? 0 }
    }

    mutating func store(_ address: UInt64, _ value: UInt64, size: Int) {
        for i in 0..<size { bytes[address + UInt64(i)] = UInt8(truncatingIfNeeded: value >> (8 * UInt64(i))) }
    }

    mutating func store(_ address: UInt64, _ text: String) {
        for (i, b) in text.utf8.enumerated() { bytes[address + UInt64(i)] = b }
    }
}
