/// One row of a line-number program: an address and where its code came from.
struct LineTableRow {
    var address: UInt64
    /// Index into the line table's file list (`LineTable.files`), -1 for an unknown file number.
    var file: Int32
    var line: Int32
    var column: Int32
    var isStatement: Bool
    var endSequence: Bool
    var isPrologueEnd = false
}

/// The line-number program of one compile unit (`.debug_line`, DWARF 2-5): its
/// file names (full paths) and its rows, sequence by sequence.
struct LineProgram {
    var version = 0
    /// File paths by file number (DWARF 5 numbers from 0, earlier versions from 1; slot 0 is the unit's file then).
    var fileNames: [String] = []
    var rows: [LineTableRow] = []

    struct Context {
        let bytes: [UInt8]
        let sections: DebugSections
        let compDirectory: String
        let unitName: String
    }

    /// Parses the program at `offset` in `.debug_line`. Rows carry file numbers (not yet global indices).
    static func parse(at offset: Int, _ ctx: Context) throws(DWARFError) -> LineProgram {
        guard let section = ctx.sections.line else { throw DWARFError(".debug_line: missing") }
        var c = ByteCursor(ctx.bytes, section, section: ".debug_line")
        guard offset >= 0, offset < section.count else { throw c.failure("line table offset 0x\(String(offset, radix: 16)) out of range") }
        c.position = offset
        let (length, is64) = try c.initialLength()
        try c.need(length)
        let unitEnd = c.offset + length
        var u = ByteCursor(ctx.bytes, section.lowerBound..<unitEnd, section: ".debug_line")
        u.offset = c.offset
        var program = LineProgram()
        program.version = Int(try u.u16())
        guard (2...5).contains(program.version) else { throw u.failure("unsupported line table version \(program.version)") }
        var addressSize = 4
        if program.version >= 5 {
            addressSize = Int(try u.u8())
            _ = try u.u8()  // segment selector size
        }
        let headerLength = Int(try u.sectionOffset(is64: is64))
        try u.need(headerLength)
        let programStart = u.offset + headerLength
        let minInstLength = UInt64(try u.u8())
        if program.version >= 4 { _ = try u.u8() }  // maximum operations per instruction: 1 outside VLIW
        let defaultIsStmt = try u.u8() != 0
        let lineBase = Int64(Int8(bitPattern: try u.u8()))
        let lineRange = UInt64(try u.u8())
        let opcodeBase = Int(try u.u8())
        guard lineRange > 0 else { throw u.failure("line_range is 0") }
        guard opcodeBase > 0 else { throw u.failure("opcode_base is 0") }
        var opcodeLengths: [UInt8] = []
        for _ in 1..<opcodeBase { opcodeLengths.append(try u.u8()) }

        var directories: [String] = []
        if program.version >= 5 {
            directories = try entries(&u, ctx, is64: is64).map { $0.path }
            let dirs = directories
            program.fileNames = try entries(&u, ctx, is64: is64).map { entry in
                join(entry.directory < dirs.count ? dirs[entry.directory] : "", entry.path, ctx.compDirectory)
            }
        } else {
            directories = [ctx.compDirectory]
            while true {
                let dir = try u.cString()
                if dir.isEmpty { break }
                directories.append(dir)
            }
            program.fileNames = [join("", ctx.unitName, ctx.compDirectory)]
            while true {
                let name = try u.cString()
                if name.isEmpty { break }
                let dir = try u.ulebInt()
                _ = try u.uleb()
                _ = try u.uleb()
                program.fileNames.append(join(dir < directories.count ? directories[dir] : "", name, ctx.compDirectory))
            }
        }

        u.offset = programStart
        try program.run(&u, minInstLength: minInstLength, defaultIsStmt: defaultIsStmt, lineBase: lineBase,
                        lineRange: lineRange, opcodeBase: opcodeBase, opcodeLengths: opcodeLengths,
                        addressSize: addressSize, ctx: ctx)
        return program
    }

    private mutating func run(_ u: inout ByteCursor, minInstLength: UInt64, defaultIsStmt: Bool, lineBase: Int64,
                              lineRange: UInt64, opcodeBase: Int, opcodeLengths: [UInt8], addressSize: Int,
                              ctx: Context) throws(DWARFError) {
        let firstFile: Int32 = 1
        var row = LineTableRow(address: 0, file: firstFile, line: 1, column: 0, isStatement: defaultIsStmt, endSequence: false)
        var sequence: [LineTableRow] = []
        // wasm-ld marks the debug info of functions it dropped with a tombstone address (-1 or -2).
        var dead = false
        let tombstone: UInt64 = addressSize == 8 ? 0xffff_ffff_ffff_fffe : 0xffff_fffe
        func emit() {
            var r = row
            r.line = max(0, r.line)
            sequence.append(r)
            row.isPrologueEnd = false
        }
        while !u.isAtEnd {
            let opcode = Int(try u.u8())
            if opcode >= opcodeBase {
                let adjusted = UInt64(opcode - opcodeBase)
                row.address &+= (adjusted / lineRange) &* minInstLength
                row.line = Int32(truncatingIfNeeded: Int64(row.line) + lineBase + Int64(adjusted % lineRange))
                emit()
                continue
            }
            switch opcode {
            case 0:
                let length = try u.ulebInt()
                try u.need(length)
                let next = u.offset + length
                guard length > 0 else { continue }
                let sub = try u.u8()
                switch sub {
                case 1:
                    row.endSequence = true
                    emit()
                    if !dead { rows.append(contentsOf: sequence) }
                    sequence.removeAll(keepingCapacity: true)
                    dead = false
                    row = LineTableRow(address: 0, file: firstFile, line: 1, column: 0, isStatement: defaultIsStmt, endSequence: false)
                case 2:
                    row.address = try u.unsigned(size: min(8, max(1, length - 1)))
                    if row.address >= tombstone { dead = true }
                default: break  // define_file (DWARF 2-4, unused by LLVM), set_discriminator, vendor ops
                }
                u.offset = next
            case 1: emit()
            case 2: row.address &+= try u.uleb() &* minInstLength
            case 3: row.line = Int32(truncatingIfNeeded: Int64(row.line) + (try u.sleb()))
            case 4: row.file = Int32(truncatingIfNeeded: try u.uleb())
            case 5: row.column = Int32(truncatingIfNeeded: try u.uleb())
            case 6: row.isStatement.toggle()
            case 8: row.address &+= (UInt64(255 - opcodeBase) / lineRange) &* minInstLength
            case 9: row.address &+= UInt64(try u.u16())
            case 10: row.isPrologueEnd = true
            case 7, 11: break
            default:
                // set_isa and any standard opcode this reader does not know: skip its ULEB operands.
                for _ in 0..<Int(opcodeLengths[opcode - 1]) { _ = try u.uleb() }
            }
        }
        // A program cut short keeps its finished sequences only.
    }

    private struct Entry {
        var path = ""
        var directory = 0
    }

    /// DWARF 5 directory or file-name entries: a format list, then the entries.
    private static func entries(_ u: inout ByteCursor, _ ctx: Context, is64: Bool) throws(DWARFError) -> [Entry] {
        let formatCount = Int(try u.u8())
        var format: [(content: UInt64, form: UInt64)] = []
        for _ in 0..<formatCount { format.append((try u.uleb(), try u.uleb())) }
        let count = try u.ulebInt()
        guard count <= u.remaining else { throw u.failure("\(count) entries in \(u.remaining) bytes") }
        var result: [Entry] = []
        result.reserveCapacity(count)
        for _ in 0..<count {
            var entry = Entry()
            for (content, form) in format {
                let value = try FormReader.read(form: form, &u, is64: is64, addressSize: 4, version: 5)
                switch content {
                case 1: entry.path = ctx.string(value) ?? ""
                case 2: entry.directory = Int(clamping: value.unsigned ?? 0)
                default: break  // timestamp, size, MD5
                }
            }
            result.append(entry)
        }
        return result
    }

    /// DIRECTORY/NAME as recorded, with the compilation directory before a relative path
    /// (unless it is "."), and without leading "./".
    static func join(_ directory: String, _ name: String, _ compDirectory: String) -> String {
        var path = name
        if !name.hasPrefix("/") {
            if !directory.isEmpty, directory != "." { path = directory + "/" + name }
            if !path.hasPrefix("/"), !compDirectory.isEmpty, compDirectory != "." { path = compDirectory + "/" + path }
        }
        while path.hasPrefix("./") { path.removeFirst(2) }
        return path
    }
}

extension LineProgram.Context {
    func string(_ value: FormValue) -> String? {
        switch value {
        case .string(let s): return s
        case .strp(let offset):
            guard let section = sections.str else { return nil }
            return cString(in: bytes, section: section, at: offset)
        case .lineStrp(let offset):
            guard let section = sections.lineStr else { return nil }
            return cString(in: bytes, section: section, at: offset)
        default: return nil
        }
    }
}
