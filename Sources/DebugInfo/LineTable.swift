/// Every line row of the module, sorted by address, with one list of file paths.
struct LineTable {
    var files: [String] = []
    var rows: [LineTableRow] = []
    private var fileIndex: [String: Int32] = [:]

    /// Adds a unit's program, renumbering its files into `files`.
    mutating func add(_ program: LineProgram) {
        let map = program.fileNames.map { intern($0) }
        rows.reserveCapacity(rows.count + program.rows.count)
        for var row in program.rows {
            row.file = row.file >= 0 && Int(row.file) < map.count ? map[Int(row.file)] : -1
            rows.append(row)
        }
    }

    private mutating func intern(_ path: String) -> Int32 {
        if let i = fileIndex[path] { return i }
        let i = Int32(files.count)
        files.append(path)
        fileIndex[path] = i
        return i
    }

    /// Sorts rows by address; at one address an end of sequence comes before the rows of
    /// the next sequence, and rows of one sequence keep their order.
    mutating func finish() {
        let indexed = rows.enumerated().sorted { a, b in
            if a.element.address != b.element.address { return a.element.address < b.element.address }
            if a.element.endSequence != b.element.endSequence { return a.element.endSequence }
            return a.offset < b.offset
        }
        rows = indexed.map(\.element)
    }

    /// The row covering a DWARF address: the last row at or before it, unless that ends a sequence.
    func row(at address: UInt64) -> LineTableRow? {
        var lo = 0, hi = rows.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if rows[mid].address <= address { lo = mid + 1 } else { hi = mid }
        }
        guard lo > 0 else { return nil }
        let row = rows[lo - 1]
        return row.endSequence ? nil : row
    }

    /// Rows with addresses in the range, in table order.
    func rows(in range: Range<UInt64>) -> ArraySlice<LineTableRow> {
        var lo = 0, hi = rows.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if rows[mid].address < range.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        var end = lo
        while end < rows.count && rows[end].address < range.upperBound { end += 1 }
        return rows[lo..<end]
    }

    /// File indexes whose path is `name` or ends with "/" + `name` (path components match whole).
    func files(matching name: String) -> Set<Int32> {
        var result = Set<Int32>()
        for (i, path) in files.enumerated() where SourcePath.path(path, isNamedBy: name) {
            result.insert(Int32(i))
        }
        return result
    }

    /// The first line at or after `line` with statement rows in the matching files, and the start
    /// address of each separate run of rows for that line, lowest first.
    func statementRuns(files: Set<Int32>, line: Int) -> (line: Int, addresses: [(address: UInt64, file: Int32)]) {
        var best = Int.max
        for row in rows where row.isStatement && !row.endSequence && row.line > 0 && Int(row.line) >= line
            && Int(row.line) < best && files.contains(row.file) {
            best = Int(row.line)
        }
        guard best != .max else { return (line, []) }
        var result: [(UInt64, Int32)] = []
        var previousMatched = false
        for row in rows {
            let matches = !row.endSequence && Int(row.line) == best && files.contains(row.file)
            if matches && row.isStatement && !previousMatched { result.append((row.address, row.file)) }
            // Rows of other lines, or a sequence end, close the run.
            previousMatched = matches && (previousMatched || row.isStatement)
        }
        return (best, result)
    }
}
