/// Why `print` or `ptype` could not give a value: one line, as gdb words it where it can.
public struct DebugInfoError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
