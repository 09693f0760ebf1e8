/// A subprogram DIE with code, and its DWARF address ranges (sorted).
struct FunctionRecord {
    var die: Int
    var ranges: [Range<UInt64>]
}
