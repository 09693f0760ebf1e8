/// A malformed or truncated debug section: the place and what was wrong, one line.
struct DWARFError: Error, Equatable {
    let message: String
    init(_ message: String) { self.message = message }
}

/// A bounds-checked little-endian reader over a range of the module's bytes.
/// Every read throws instead of trapping, so malformed DWARF never crashes the debugger.
struct ByteCursor {
    let bytes: [UInt8]
    let start: Int
    let end: Int
    var offset: Int
    let section: String

    init(_ bytes: [UInt8], _ range: Range<Int>, section: String) {
        self.bytes = bytes
        start = max(0, min(range.lowerBound, bytes.count))
        end = max(start, min(range.upperBound, bytes.count))
        offset = start
        self.section = section
    }

    /// Offset relative to the start of the range (section offsets in DWARF).
    var position: Int {
        get { offset - start }
        set { offset = start + newValue }
    }
    var isAtEnd: Bool { offset >= end }
    var remaining: Int { max(0, end - offset) }

    func failure(_ what: String) -> DWARFError {
        DWARFError("\(section)+0x\(String(position, radix: 16)): \(what)")
    }

    mutating func need(_ count: Int) throws(DWARFError) {
        guard count >= 0, offset >= start, count <= end - offset else { throw failure("truncated") }
    }

    mutating func u8() throws(DWARFError) -> UInt8 {
        try need(1)
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func u16() throws(DWARFError) -> UInt16 {
        try need(2)
        defer { offset += 2 }
        return UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    mutating func u32() throws(DWARFError) -> UInt32 {
        try need(4)
        var v: UInt32 = 0
        for i in 0..<4 { v |= UInt32(bytes[offset + i]) << (8 * i) }
        offset += 4
        return v
    }

    mutating func u64() throws(DWARFError) -> UInt64 {
        try need(8)
        var v: UInt64 = 0
        for i in 0..<8 { v |= UInt64(bytes[offset + i]) << (8 * i) }
        offset += 8
        return v
    }

    /// An unsigned value of 1...8 bytes.
    mutating func unsigned(size: Int) throws(DWARFError) -> UInt64 {
        guard (1...8).contains(size) else { throw failure("unsupported size \(size)") }
        try need(size)
        var v: UInt64 = 0
        for i in 0..<size { v |= UInt64(bytes[offset + i]) << (8 * i) }
        offset += size
        return v
    }

    mutating func uleb() throws(DWARFError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try u8()
            if shift < 64 { result |= UInt64(byte & 0x7f) << shift }
            shift += 7
            if byte & 0x80 == 0 { return result }
            // Over-long encodings are legal padding, but not without end.
            if shift > 70 { throw failure("LEB128 too long") }
        }
    }

    mutating func sleb() throws(DWARFError) -> Int64 {
        var result: Int64 = 0
        var shift: Int64 = 0
        var byte: UInt8
        repeat {
            byte = try u8()
            if shift < 64 { result |= Int64(byte & 0x7f) << shift }
            shift += 7
            if shift > 70 { throw failure("LEB128 too long") }
        } while byte & 0x80 != 0
        if shift < 64, byte & 0x40 != 0 { result |= -(Int64(1) << shift) }
        return result
    }

    /// A ULEB that must fit an Int count or index.
    mutating func ulebInt() throws(DWARFError) -> Int {
        let v = try uleb()
        guard v <= UInt64(Int32.max) else { throw failure("value \(v) out of range") }
        return Int(v)
    }

    mutating func cString() throws(DWARFError) -> String {
        let from = offset
        var i = offset
        while i < end, bytes[i] != 0 { i += 1 }
        guard i < end else { throw failure("unterminated string") }
        offset = i + 1
        return String(decoding: bytes[from..<i], as: UTF8.self)
    }

    mutating func skip(_ count: Int) throws(DWARFError) {
        try need(count)
        offset += count
    }

    /// The 32- or 64-bit initial length of a unit; `is64` tells the offset size that follows.
    mutating func initialLength() throws(DWARFError) -> (length: Int, is64: Bool) {
        let first = try u32()
        if first == 0xffff_ffff {
            let long = try u64()
            guard long <= UInt64(Int32.max) else { throw failure("unit length \(long) too large") }
            return (Int(long), true)
        }
        guard first < 0xffff_fff0 else { throw failure("reserved unit length 0x\(String(first, radix: 16))") }
        return (Int(first), false)
    }

    mutating func sectionOffset(is64: Bool) throws(DWARFError) -> UInt64 {
        is64 ? try u64() : UInt64(try u32())
    }
}

/// A NUL-terminated string at `offset` in a string section, or nil when out of range.
func cString(in bytes: [UInt8], section: Range<Int>, at offset: UInt64) -> String? {
    guard offset < UInt64(section.count) else { return nil }
    var c = ByteCursor(bytes, section, section: "")
    c.position = Int(offset)
    return try? c.cString()
}
