/// Every DIE of one unit in preorder, with their attribute values.
struct DIETree {
    var dies: [DIE] = []
    var values: [FormValue] = []
    /// Set when the unit was cut short: the DIEs read before the fault are kept.
    var error: DWARFError?

    /// Deeper nesting than this is taken as malformed (real programs stay far below).
    static let maximumDepth = 256

    static func parse(_ unit: Unit, _ bytes: [UInt8], _ info: Range<Int>, rootOnly: Bool = false) -> DIETree {
        var tree = DIETree()
        var c = ByteCursor(bytes, info.lowerBound..<info.lowerBound + unit.end, section: ".debug_info")
        c.position = unit.dieStart
        var stack: [Int32] = []
        let unitOffset = UInt64(unit.offset)
        do throws(DWARFError) {
            while !c.isAtEnd {
                let at = c.position
                let code = try c.uleb()
                if code == 0 {
                    if let open = stack.popLast() { tree.dies[Int(open)].subtreeEnd = Int32(tree.dies.count) }
                    if stack.isEmpty, rootOnly || !tree.dies.isEmpty { break }
                    continue
                }
                guard code <= UInt64(UInt32.max), let a = unit.abbreviations[code] else {
                    throw c.failure("unknown abbreviation code \(code)")
                }
                let index = Int32(tree.dies.count)
                let valueStart = tree.values.count
                for i in 0..<a.forms.count {
                    do throws(DWARFError) {
                        tree.values.append(try FormReader.read(form: a.forms[i], &c, is64: unit.is64, addressSize: unit.addressSize,
                                                               version: unit.version, implicitConst: a.implicitConsts[i],
                                                               unitOffset: unitOffset))
                    } catch {
                        // A DIE cut short is dropped whole, so every kept DIE has all its values.
                        tree.values.removeSubrange(valueStart...)
                        throw error
                    }
                }
                tree.dies.append(DIE(offset: at, tag: a.tag, abbreviation: Int32(truncatingIfNeeded: code),
                                     valueStart: Int32(valueStart), parent: stack.last ?? -1, subtreeEnd: index + 1))
                if rootOnly { break }
                if a.hasChildren {
                    guard stack.count < maximumDepth else { throw c.failure("DIEs nested deeper than \(maximumDepth)") }
                    stack.append(index)
                }
            }
        } catch {
            tree.error = error
        }
        for open in stack { tree.dies[Int(open)].subtreeEnd = Int32(tree.dies.count) }
        return tree
    }

    func value(_ die: Int, _ attribute: UInt16, _ unit: Unit) -> FormValue? {
        let d = dies[die]
        guard let a = unit.abbreviations[UInt64(UInt32(bitPattern: d.abbreviation))], let i = a.index(of: attribute) else { return nil }
        return values[Int(d.valueStart) + i]
    }

    /// Direct children of a DIE.
    func children(of die: Int) -> [Int] {
        var result: [Int] = []
        var i = die + 1
        let end = Int(dies[die].subtreeEnd)
        while i < end {
            result.append(i)
            i = max(i + 1, Int(dies[i].subtreeEnd))
        }
        return result
    }

    /// The DIE at a `.debug_info` offset (DIEs are in offset order).
    func index(ofOffset offset: Int) -> Int? {
        var lo = 0, hi = dies.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if dies[mid].offset < offset { lo = mid + 1 } else { hi = mid }
        }
        return lo < dies.count && dies[lo].offset == offset ? lo : nil
    }
}
