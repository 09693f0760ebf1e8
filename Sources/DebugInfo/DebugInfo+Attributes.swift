/// Turning attribute values into strings, addresses, range and location lists.
extension DebugInfo {
    func string(_ value: FormValue?, _ unit: Unit) -> String? {
        guard let value else { return nil }
        switch value {
        case .inlineString(let at):
            var c = ByteCursor(bytes, at..<(sections.info?.upperBound ?? at), section: ".debug_info")
            return try? c.cString()
        case .string(let s): return s
        case .strp(let offset):
            guard let s = sections.str else { return nil }
            return cString(in: bytes, section: s, at: offset)
        case .lineStrp(let offset):
            guard let s = sections.lineStr else { return nil }
            return cString(in: bytes, section: s, at: offset)
        case .stringIndex(let index):
            guard let table = sections.strOffsets, let s = sections.str else { return nil }
            var c = ByteCursor(bytes, table, section: ".debug_str_offsets")
            let at = unit.strOffsetsBase &+ index &* UInt64(unit.offsetSize)
            guard at < UInt64(table.count) else { return nil }
            c.position = Int(at)
            guard let offset = try? c.sectionOffset(is64: unit.is64) else { return nil }
            return cString(in: bytes, section: s, at: offset)
        default: return nil
        }
    }

    func address(_ value: FormValue?, _ unit: Unit) -> UInt64? {
        guard let value else { return nil }
        switch value {
        case .address(let a): return a
        case .addressIndex(let index): return indexedAddress(index, unit)
        default: return nil
        }
    }

    func indexedAddress(_ index: UInt64, _ unit: Unit) -> UInt64? {
        guard let table = sections.addr else { return nil }
        let at = unit.addrBase &+ index &* UInt64(unit.addressSize)
        guard at < UInt64(table.count) else { return nil }
        var c = ByteCursor(bytes, table, section: ".debug_addr")
        c.position = Int(at)
        return try? c.unsigned(size: unit.addressSize)
    }

    /// Whether an address is wasm-ld's mark of dropped code (-1 or -2), or 0 for an empty function.
    func isTombstone(_ address: UInt64, _ unit: Unit) -> Bool {
        address >= (unit.addressSize == 8 ? 0xffff_ffff_ffff_fffe : 0xffff_fffe)
    }

    /// The code ranges of a DIE: low_pc/high_pc or DW_AT_ranges (DWARF 4 `.debug_ranges`, DWARF 5 `.debug_rnglists`).
    func ranges(_ die: Int, _ tree: DIETree, _ unit: Unit) -> [Range<UInt64>] {
        // A unit's low_pc with DW_AT_ranges is only the base of its range list.
        if let low = address(tree.value(die, Attribute.lowPC, unit), unit), tree.value(die, Attribute.highPC, unit) != nil {
            guard !isTombstone(low, unit) else { return [] }
            let high = tree.value(die, Attribute.highPC, unit)
            if let h = address(high, unit) { return h > low ? [low..<h] : [] }
            if let length = high?.unsigned { return length > 0 && low &+ length > low ? [low..<low &+ length] : [] }
        }
        guard let value = tree.value(die, Attribute.ranges, unit) else { return [] }
        return rangeList(value, unit)
    }

    func rangeList(_ value: FormValue, _ unit: Unit) -> [Range<UInt64>] {
        var result: [Range<UInt64>] = []
        var base = unit.baseAddress
        func add(_ lo: UInt64, _ hi: UInt64) {
            if hi > lo, !isTombstone(lo, unit) { result.append(lo..<hi) }
        }
        if unit.version < 5 {
            guard let offset = value.unsigned, let section = sections.ranges, offset < UInt64(section.count) else { return [] }
            var c = ByteCursor(bytes, section, section: ".debug_ranges")
            c.position = Int(offset)
            let maxAddress: UInt64 = unit.addressSize == 8 ? .max : 0xffff_ffff
            while let lo = try? c.unsigned(size: unit.addressSize), let hi = try? c.unsigned(size: unit.addressSize) {
                if lo == 0 && hi == 0 { break }
                if lo == maxAddress { base = hi; continue }
                add(base &+ lo, base &+ hi)
            }
            return result
        }
        guard let section = sections.rnglists, var c = listCursor(value, section, base: unit.rnglistsBase, unit, ".debug_rnglists") else { return [] }
        do throws(DWARFError) {
            loop: while true {
                let kind = try c.u8()
                switch kind {
                case 0: break loop
                case 1: base = indexedAddress(try c.uleb(), unit) ?? 0
                case 2:
                    let lo = indexedAddress(try c.uleb(), unit) ?? 0
                    add(lo, indexedAddress(try c.uleb(), unit) ?? 0)
                case 3:
                    let lo = indexedAddress(try c.uleb(), unit) ?? 0
                    add(lo, lo &+ (try c.uleb()))
                case 4:
                    let lo = try c.uleb()
                    add(base &+ lo, base &+ (try c.uleb()))
                case 5: base = try c.unsigned(size: unit.addressSize)
                case 6:
                    let lo = try c.unsigned(size: unit.addressSize)
                    add(lo, try c.unsigned(size: unit.addressSize))
                case 7:
                    let lo = try c.unsigned(size: unit.addressSize)
                    add(lo, lo &+ (try c.uleb()))
                default: break loop
                }
            }
        } catch {}
        return result
    }

    /// A cursor at a DWARF 5 list: a section offset, or an index into the offsets table at `base`.
    private func listCursor(_ value: FormValue, _ section: Range<Int>, base: UInt64, _ unit: Unit,
                            _ name: String) -> ByteCursor? {
        var c = ByteCursor(bytes, section, section: name)
        var offset: UInt64
        switch value {
        case .rangeListIndex(let index), .locationListIndex(let index):
            let entry = base &+ index &* UInt64(unit.offsetSize)
            guard entry < UInt64(section.count) else { return nil }
            c.position = Int(entry)
            guard let relative = try? c.sectionOffset(is64: unit.is64) else { return nil }
            offset = base &+ relative
        default:
            guard let v = value.unsigned else { return nil }
            offset = v
        }
        guard offset < UInt64(section.count) else { return nil }
        c.position = Int(offset)
        return c
    }

    /// The location expression of a DIE's attribute at a DWARF address: an exprloc,
    /// or the location-list entry covering `pc` (nil when none does: optimized out there).
    func locationExpression(_ value: FormValue, at pc: UInt64, _ unit: Unit) -> Range<Int>? {
        if case .block(let range) = value { return range }
        var base = unit.baseAddress
        if unit.version < 5 {
            guard let offset = value.unsigned, let section = sections.loc, offset < UInt64(section.count) else { return nil }
            var c = ByteCursor(bytes, section, section: ".debug_loc")
            c.position = Int(offset)
            let maxAddress: UInt64 = unit.addressSize == 8 ? .max : 0xffff_ffff
            while let lo = try? c.unsigned(size: unit.addressSize), let hi = try? c.unsigned(size: unit.addressSize) {
                if lo == 0 && hi == 0 { break }
                if lo == maxAddress { base = hi; continue }
                guard let length = try? c.u16(), (try? c.need(Int(length))) != nil else { return nil }
                let expr = c.offset..<c.offset + Int(length)
                c.offset += Int(length)
                if !isTombstone(lo, unit), base &+ lo <= pc, pc < base &+ hi { return expr }
            }
            return nil
        }
        guard let section = sections.loclists, var c = listCursor(value, section, base: unit.loclistsBase, unit, ".debug_loclists") else { return nil }
        func expression() throws(DWARFError) -> Range<Int> {
            let length = try c.ulebInt()
            try c.need(length)
            defer { c.offset += length }
            return c.offset..<c.offset + length
        }
        var fallback: Range<Int>?
        do throws(DWARFError) {
            while true {
                let kind = try c.u8()
                var lo: UInt64 = 0, hi: UInt64 = 0
                switch kind {
                case 0: return fallback
                case 1: base = indexedAddress(try c.uleb(), unit) ?? 0; continue
                case 2:
                    lo = indexedAddress(try c.uleb(), unit) ?? 0
                    hi = indexedAddress(try c.uleb(), unit) ?? 0
                case 3:
                    lo = indexedAddress(try c.uleb(), unit) ?? 0
                    hi = lo &+ (try c.uleb())
                case 4:
                    lo = base &+ (try c.uleb())
                    hi = base &+ (try c.uleb())
                case 5: fallback = try expression(); continue
                case 6: base = try c.unsigned(size: unit.addressSize); continue
                case 7:
                    lo = try c.unsigned(size: unit.addressSize)
                    hi = try c.unsigned(size: unit.addressSize)
                case 8:
                    lo = try c.unsigned(size: unit.addressSize)
                    hi = lo &+ (try c.uleb())
                default: return nil
                }
                let expr = try expression()
                if !isTombstone(lo, unit), lo <= pc, pc < hi { return expr }
            }
        } catch {
            return nil
        }
    }
}
