/// One attribute value as encoded; strings, indexes and lists are resolved later by the unit.
enum FormValue {
    case unsigned(UInt64)
    case signed(Int64)
    case address(UInt64)
    case addressIndex(UInt64)
    /// A NUL-terminated string inline in the section, at this module offset.
    case inlineString(Int)
    /// An already decoded string (line-table entries only).
    case string(String)
    case strp(UInt64)
    case lineStrp(UInt64)
    case stringIndex(UInt64)
    /// A `.debug_info` offset (unit-relative references are made absolute when read).
    case reference(UInt64)
    /// Expression or block bytes: a module byte range.
    case block(Range<Int>)
    case sectionOffset(UInt64)
    case rangeListIndex(UInt64)
    case locationListIndex(UInt64)
    case flag(Bool)
    /// Forms this reader skips (supplementary files, type signatures, MD5 sums).
    case unsupported

    var unsigned: UInt64? {
        switch self {
        case .unsigned(let v), .sectionOffset(let v): return v
        case .signed(let v): return UInt64(bitPattern: v)
        case .flag(let b): return b ? 1 : 0
        default: return nil
        }
    }
}

/// Decodes one attribute value of a given form (DWARF 5 section 7.5.6).
enum FormReader {
    static func read(form: UInt64, _ c: inout ByteCursor, is64: Bool, addressSize: Int, version: Int,
                     implicitConst: Int64 = 0, unitOffset: UInt64 = 0, depth: Int = 0) throws(DWARFError) -> FormValue {
        switch form {
        case Form.addr: return .address(try c.unsigned(size: addressSize))
        case Form.data1: return .unsigned(UInt64(try c.u8()))
        case Form.data2: return .unsigned(UInt64(try c.u16()))
        case Form.data4: return .unsigned(UInt64(try c.u32()))
        case Form.data8: return .unsigned(try c.u64())
        case Form.data16: try c.skip(16); return .unsupported
        case Form.sdata: return .signed(try c.sleb())
        case Form.udata: return .unsigned(try c.uleb())
        case Form.implicitConst: return .signed(implicitConst)
        case Form.string:
            let at = c.offset
            _ = try c.cString()
            return .inlineString(at)
        case Form.strp: return .strp(try c.sectionOffset(is64: is64))
        case Form.lineStrp: return .lineStrp(try c.sectionOffset(is64: is64))
        case Form.strx, Form.gnuStrIndex: return .stringIndex(try c.uleb())
        case Form.strx1: return .stringIndex(UInt64(try c.u8()))
        case Form.strx2: return .stringIndex(UInt64(try c.u16()))
        case Form.strx3: return .stringIndex(try c.unsigned(size: 3))
        case Form.strx4: return .stringIndex(UInt64(try c.u32()))
        case Form.addrx, Form.gnuAddrIndex: return .addressIndex(try c.uleb())
        case Form.addrx1: return .addressIndex(UInt64(try c.u8()))
        case Form.addrx2: return .addressIndex(UInt64(try c.u16()))
        case Form.addrx3: return .addressIndex(try c.unsigned(size: 3))
        case Form.addrx4: return .addressIndex(UInt64(try c.u32()))
        case Form.ref1: return .reference(unitOffset &+ UInt64(try c.u8()))
        case Form.ref2: return .reference(unitOffset &+ UInt64(try c.u16()))
        case Form.ref4: return .reference(unitOffset &+ UInt64(try c.u32()))
        case Form.ref8: return .reference(unitOffset &+ (try c.u64()))
        case Form.refUdata: return .reference(unitOffset &+ (try c.uleb()))
        case Form.refAddr:
            return .reference(version <= 2 ? try c.unsigned(size: addressSize) : try c.sectionOffset(is64: is64))
        case Form.secOffset: return .sectionOffset(try c.sectionOffset(is64: is64))
        case Form.exprloc, Form.block: return .block(try blockRange(&c, Int(clamping: try c.uleb())))
        case Form.block1: return .block(try blockRange(&c, Int(try c.u8())))
        case Form.block2: return .block(try blockRange(&c, Int(try c.u16())))
        case Form.block4: return .block(try blockRange(&c, Int(try c.u32())))
        case Form.flag: return .flag(try c.u8() != 0)
        case Form.flagPresent: return .flag(true)
        case Form.loclistx: return .locationListIndex(try c.uleb())
        case Form.rnglistx: return .rangeListIndex(try c.uleb())
        case Form.refSig8: try c.skip(8); return .unsupported
        case Form.refSup4: try c.skip(4); return .unsupported
        case Form.refSup8: try c.skip(8); return .unsupported
        case Form.strpSup, Form.gnuRefAlt, Form.gnuStrpAlt: _ = try c.sectionOffset(is64: is64); return .unsupported
        case Form.indirect:
            guard depth < 4 else { throw c.failure("DW_FORM_indirect nested too deep") }
            let actual = try c.uleb()
            return try read(form: actual, &c, is64: is64, addressSize: addressSize, version: version,
                            implicitConst: implicitConst, unitOffset: unitOffset, depth: depth + 1)
        default:
            throw c.failure("unknown attribute form 0x\(String(form, radix: 16))")
        }
    }

    private static func blockRange(_ c: inout ByteCursor, _ length: Int) throws(DWARFError) -> Range<Int> {
        try c.need(length)
        let from = c.offset
        c.offset += length
        return from..<from + length
    }
}
