/// A value of a DWARF type and where it lives.
struct TypedValue {
    var type: DType
    var location: ValueLocation

    /// The part at `offset` of `size` bytes (a member, an element).
    func part(_ offset: Int, _ size: Int, _ state: WasmStateReader) -> ValueLocation {
        guard offset >= 0, size >= 0, offset <= Int(UInt32.max), size <= Int(UInt32.max) else { return .optimizedOut }
        switch location {
        case .memory(let a): return .memory(a &+ UInt64(offset))
        case .optimizedOut: return .optimizedOut
        case .pieces(let pieces):
            // A member inside one piece keeps that piece's location (others may be optimized out).
            var start = 0
            for p in pieces {
                if offset >= start && offset + size <= start + p.size {
                    return TypedValue(type: type, location: p.location).part(offset - start, size, state)
                }
                start += p.size
            }
            guard let all = location.read(offset + size, state) else { return .optimizedOut }
            return .value(Array(all[offset..<offset + size]))
        case .value:
            guard let all = location.read(offset + size, state) else { return .optimizedOut }
            return .value(Array(all[offset..<offset + size]))
        }
    }
}

extension Array where Element == UInt8 {
    /// Little-endian unsigned value of up to 8 bytes.
    var littleEndianValue: UInt64 {
        prefix(8).reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }
}
