/// One unit of `.debug_info` (DWARF 2-5): header, the attributes of its root DIE
/// read eagerly, the rest of its DIE tree parsed on first use.
final class Unit: @unchecked Sendable {
    let offset: Int
    let version: Int
    let unitType: UInt8
    let addressSize: Int
    let is64: Bool
    /// `.debug_info` offsets of the first DIE and of the end of the unit.
    let dieStart: Int
    let end: Int
    let abbreviations: AbbreviationTable

    var name = ""
    var compDirectory = ""
    var producer = ""
    var language: UInt64 = 0
    var stmtList: Int?
    /// The unit's base address (DW_AT_low_pc) for range and location lists.
    var baseAddress: UInt64 = 0
    var strOffsetsBase: UInt64 = 8
    var addrBase: UInt64 = 8
    var rnglistsBase: UInt64 = 0
    var loclistsBase: UInt64 = 0
    /// Address ranges of the unit's code (from the root DIE), DWARF addresses.
    var ranges: [Range<UInt64>] = []

    /// File names of the unit's line table by number (DW_AT_decl_file, DW_AT_call_file).
    var fileNames: [String] = []

    /// Set once by `DebugInfo` under its lock, with the unit's functions.
    var tree: DIETree?
    var functions: [FunctionRecord] = []

    init(offset: Int, version: Int, unitType: UInt8, addressSize: Int, is64: Bool, dieStart: Int, end: Int,
         abbreviations: AbbreviationTable) {
        self.offset = offset
        self.version = version
        self.unitType = unitType
        self.addressSize = addressSize
        self.is64 = is64
        self.dieStart = dieStart
        self.end = end
        self.abbreviations = abbreviations
    }

    var offsetSize: Int { is64 ? 8 : 4 }

    /// Reads the unit header at `position` in `.debug_info`; returns the unit and the next unit's offset.
    static func header(_ bytes: [UInt8], _ sections: DebugSections, at position: Int,
                       abbreviationCache: inout [UInt64: AbbreviationTable]) throws(DWARFError) -> (Unit, next: Int) {
        guard let info = sections.info else { throw DWARFError(".debug_info: missing") }
        var c = ByteCursor(bytes, info, section: ".debug_info")
        c.position = position
        let (length, is64) = try c.initialLength()
        let bodyStart = c.position
        guard length <= c.remaining else { throw c.failure("unit of \(length) bytes runs past the end of the section") }
        let end = bodyStart + length
        let version = Int(try c.u16())
        guard (2...5).contains(version) else { throw c.failure("unsupported DWARF version \(version)") }
        var unitType: UInt8 = 0x01
        let addressSize: Int
        let abbrevOffset: UInt64
        if version >= 5 {
            unitType = try c.u8()
            addressSize = Int(try c.u8())
            abbrevOffset = try c.sectionOffset(is64: is64)
            switch unitType {
            case 0x04, 0x05: try c.skip(8)                      // skeleton, split compile: dwo_id
            case 0x02, 0x06: try c.skip(8 + (is64 ? 8 : 4))     // type units: signature, type offset
            default: break
            }
        } else {
            abbrevOffset = try c.sectionOffset(is64: is64)
            addressSize = Int(try c.u8())
        }
        guard addressSize == 4 || addressSize == 8 else { throw c.failure("unsupported address size \(addressSize)") }
        guard let abbrevSection = sections.abbrev else { throw DWARFError(".debug_abbrev: missing") }
        let table: AbbreviationTable
        if let cached = abbreviationCache[abbrevOffset] {
            table = cached
        } else {
            table = try AbbreviationTable.parse(bytes, abbrevSection, at: abbrevOffset)
            abbreviationCache[abbrevOffset] = table
        }
        let unit = Unit(offset: position, version: version, unitType: unitType, addressSize: addressSize, is64: is64,
                        dieStart: c.position, end: end, abbreviations: table)
        return (unit, end)
    }
}
