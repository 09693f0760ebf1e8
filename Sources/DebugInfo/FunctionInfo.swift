/// A function with code (a `DW_TAG_subprogram` with addresses).
public struct FunctionInfo: Sendable, Equatable {
    public var name: String
    /// With its enclosing namespaces and types: "vault::Vault::deposit"; the name itself in C.
    public var qualifiedName: String
    public var linkageName: String?
    /// Module byte offsets.
    public var ranges: [Range<Int>]
    public var declFile: String?
    public var declLine: Int?
}

/// A function inlined at an offset, and where it was called from.
public struct InlinedFrame: Sendable, Equatable {
    public var name: String
    public var callFile: String?
    public var callLine: Int?
    /// Module byte offsets of this inlined copy.
    public var ranges: [Range<Int>]
}
