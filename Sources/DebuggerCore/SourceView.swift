/// What the Source pane shows: the selected frame's file around its line, and the
/// source variables in scope (part of the session-to-UI contract, like `SessionSnapshot`).
public struct SourceView: Hashable, Sendable {
    /// `token/token.c` as the debug info records it.
    public var path: String
    /// The file's lines (empty when it was not found; `message` then says where we looked).
    public var lines: [String]
    /// 1-based line of the selected frame, nil when the pc has no line info.
    public var currentLine: Int?
    /// 1-based lines with an enabled breakpoint, and its id (the UI's `b` deletes it by id).
    public var breakpoints: [Int: Int]
    /// Why there is no text or no current line (`cannot find token.c (tried ...)`, `no line info at func[3]+0x12`).
    public var message: String?
    /// The frame's source function name.
    public var functionName: String
    public init(path: String, lines: [String], currentLine: Int?, breakpoints: [Int: Int], message: String?, functionName: String) {
        self.path = path; self.lines = lines; self.currentLine = currentLine; self.breakpoints = breakpoints
        self.message = message; self.functionName = functionName
    }
}

/// A source variable of the selected frame (`amount`, `uint64_t`, `250`).
public struct SourceVariable: Hashable, Sendable {
    public var name: String
    public var typeName: String
    public var value: String
    public var isParameter: Bool
    public init(name: String, typeName: String, value: String, isParameter: Bool) {
        self.name = name; self.typeName = typeName; self.value = value; self.isParameter = isParameter
    }
}
