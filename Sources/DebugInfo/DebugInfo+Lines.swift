/// Line queries: the row at an offset, `break FILE:LINE`, the source files.
extension DebugInfo {
    public var hasLines: Bool { !lines.rows.isEmpty }

    /// All source files named by the line tables (directory joined), in the order first met.
    public var sourceFiles: [String] { lines.files }

    /// The line row covering this instruction offset (from a row to the next row of its
    /// sequence); nil outside every sequence and on line 0 (code with no source line).
    public func line(at moduleOffset: Int) -> LineRow? {
        guard moduleOffset >= codeSectionStart, let row = lines.row(at: UInt64(moduleOffset - codeSectionStart)),
              row.line > 0 else { return nil }
        return publicRow(row)
    }

    func publicRow(_ row: LineTableRow) -> LineRow {
        LineRow(moduleOffset: codeSectionStart + Int(row.address), file: filePath(row.file), line: Int(row.line),
                column: Int(row.column), isStatement: row.isStatement, isPrologueEnd: row.isPrologueEnd)
    }

    /// Every row (statements or not, line 0 included, sequence ends excluded) whose address is in
    /// the range of module offsets, by address: a function's line starts.
    public func lineRows(in moduleOffsets: Range<Int>) -> [LineRow] {
        guard moduleOffsets.upperBound > codeSectionStart else { return [] }
        let lo = UInt64(max(0, moduleOffsets.lowerBound - codeSectionStart))
        let hi = UInt64(moduleOffsets.upperBound - codeSectionStart)
        return lines.rows(in: lo..<hi).filter { !$0.endSequence }.map(publicRow)
    }

    func filePath(_ index: Int32) -> String {
        index >= 0 && Int(index) < lines.files.count ? lines.files[Int(index)] : "??"
    }

    /// For `break FILE:LINE`: the first line at or after `line` that has statement rows in a file
    /// matching by path suffix, at the lowest address of each separate run of rows for it, one per
    /// innermost scope (function, inlined copy or block), as gdb places them.
    public func breakLocations(file: String, line: Int) -> [BreakLocation] {
        let files = lines.files(matching: file)
        guard !files.isEmpty else { return [] }
        let (found, runs) = lines.statementRuns(files: files, line: line)
        var seenScopes = Set<Int>()
        var result: [BreakLocation] = []
        for run in runs {
            let offset = codeSectionStart + Int(run.address)
            if let scope = innermostScopeOffset(at: offset), !seenScopes.insert(scope).inserted { continue }
            result.append(BreakLocation(moduleOffset: offset, file: filePath(run.file), line: found))
        }
        return result
    }
}
