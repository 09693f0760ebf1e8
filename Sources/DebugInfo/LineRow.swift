/// Where an instruction's code came from: a row of the line table.
public struct LineRow: Sendable, Equatable {
    /// Module byte offset of the first instruction of the row.
    public var moduleOffset: Int
    /// The file's path as recorded (directory joined; relative to the compilation directory when that is ".").
    public var file: String
    public var line: Int
    public var column: Int
    public var isStatement: Bool
    /// DW_LNS_set_prologue_end: where a breakpoint on the function goes.
    public var isPrologueEnd: Bool

    public init(moduleOffset: Int, file: String, line: Int, column: Int, isStatement: Bool, isPrologueEnd: Bool = false) {
        self.moduleOffset = moduleOffset
        self.file = file
        self.line = line
        self.column = column
        self.isStatement = isStatement
        self.isPrologueEnd = isPrologueEnd
    }
}

/// One place where `break FILE:LINE` stops.
public struct BreakLocation: Sendable, Equatable {
    public var moduleOffset: Int
    public var file: String
    public var line: Int

    public init(moduleOffset: Int, file: String, line: Int) {
        self.moduleOffset = moduleOffset
        self.file = file
        self.line = line
    }
}
