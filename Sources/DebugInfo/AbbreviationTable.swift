/// One `.debug_abbrev` declaration: the shape of DIEs with its code.
struct Abbreviation {
    var tag: UInt16
    var hasChildren: Bool
    var names: [UInt16]
    var forms: [UInt64]
    var implicitConsts: [Int64]

    func index(of attribute: UInt16) -> Int? { names.firstIndex(of: attribute) }
}

/// The abbreviations of one unit, by code (dense codes in an array, the rest in a dictionary).
struct AbbreviationTable {
    private var dense: [Abbreviation?] = []
    private var sparse: [UInt64: Abbreviation] = [:]

    subscript(code: UInt64) -> Abbreviation? {
        if code < UInt64(dense.count) { return dense[Int(code)] }
        return sparse[code]
    }

    static func parse(_ bytes: [UInt8], _ section: Range<Int>, at offset: UInt64) throws(DWARFError) -> AbbreviationTable {
        var c = ByteCursor(bytes, section, section: ".debug_abbrev")
        guard offset < UInt64(section.count) else { throw c.failure("abbreviation offset 0x\(String(offset, radix: 16)) out of range") }
        c.position = Int(offset)
        var table = AbbreviationTable()
        while true {
            let code = try c.uleb()
            if code == 0 { break }
            let tag = try c.uleb()
            let children = try c.u8() != 0
            var a = Abbreviation(tag: UInt16(truncatingIfNeeded: tag), hasChildren: children, names: [], forms: [], implicitConsts: [])
            while true {
                let name = try c.uleb()
                let form = try c.uleb()
                if name == 0 && form == 0 { break }
                a.names.append(UInt16(truncatingIfNeeded: name))
                a.forms.append(form)
                a.implicitConsts.append(form == Form.implicitConst ? try c.sleb() : 0)
            }
            if code < 4096 {
                if Int(code) >= table.dense.count { table.dense += Array(repeating: nil, count: Int(code) + 1 - table.dense.count) }
                table.dense[Int(code)] = a
            } else {
                table.sparse[code] = a
            }
        }
        return table
    }
}
