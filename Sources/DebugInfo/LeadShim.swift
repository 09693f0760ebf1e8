// TEMPORARY shim until the dwarf branch has these.
extension LineRow { public var isPrologueEnd: Bool { false } }
extension DebugInfo {
    public func lineRows(in moduleOffsets: Range<Int>) -> [LineRow] {
        lines.rows.filter { !$0.endSequence && moduleOffsets.contains(codeSectionStart + Int($0.address)) }.map(publicRow)
    }
}
