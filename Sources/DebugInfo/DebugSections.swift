/// Where the module's DWARF custom sections and its code section's payload are
/// (module byte ranges), found by walking the section headers.
struct DebugSections {
    var info: Range<Int>?
    var abbrev: Range<Int>?
    var str: Range<Int>?
    var line: Range<Int>?
    var lineStr: Range<Int>?
    var ranges: Range<Int>?
    var rnglists: Range<Int>?
    var loc: Range<Int>?
    var loclists: Range<Int>?
    var addr: Range<Int>?
    var strOffsets: Range<Int>?
    /// Module offset of DWARF address 0: the first byte after the code section's id and size.
    var codeStart: Int?

    /// Walks the sections; a malformed header ends the walk with an error (what was found stays).
    static func find(in bytes: [UInt8]) -> (sections: DebugSections, error: DWARFError?) {
        var s = DebugSections()
        var c = ByteCursor(bytes, 0..<bytes.count, section: "module")
        do throws(DWARFError) {
            guard bytes.count >= 8, bytes[0..<4].elementsEqual([0x00, 0x61, 0x73, 0x6d]) else {
                return (s, DWARFError("not a WebAssembly binary"))
            }
            try c.skip(8)
            while !c.isAtEnd {
                let id = try c.u8()
                let size = try c.ulebInt()
                let payload = c.offset
                guard size <= c.remaining else { throw c.failure("section \(id) of \(size) bytes runs past the end") }
                if id == 10 { s.codeStart = payload }
                if id == 0 {
                    var n = ByteCursor(bytes, payload..<payload + size, section: "module")
                    let nameLength = try n.ulebInt()
                    try n.need(nameLength)
                    let name = String(decoding: bytes[n.offset..<n.offset + nameLength], as: UTF8.self)
                    s.assign(name, n.offset + nameLength..<payload + size)
                }
                c.offset = payload + size
            }
        } catch {
            return (s, error)
        }
        return (s, nil)
    }

    private mutating func assign(_ name: String, _ range: Range<Int>) {
        switch name {
        case ".debug_info": info = range
        case ".debug_abbrev": abbrev = range
        case ".debug_str": str = range
        case ".debug_line": line = range
        case ".debug_line_str": lineStr = range
        case ".debug_ranges": ranges = range
        case ".debug_rnglists": rnglists = range
        case ".debug_loc": loc = range
        case ".debug_loclists": loclists = range
        case ".debug_addr": addr = range
        case ".debug_str_offsets": strOffsets = range
        default: break
        }
    }
}
