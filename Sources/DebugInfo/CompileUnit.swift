/// A compile unit's identity, from its root DIE.
public struct CompileUnit: Sendable, Equatable {
    public var name: String
    public var compDirectory: String
    public var producer: String
    /// The source language by DWARF name without its prefix: "C99", "C11", "Rust", "C_plus_plus_14"...
    public var language: String
    public var version: Int
}
