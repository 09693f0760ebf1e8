/// A parameter or local variable of the selected frame, formatted as gdb prints it.
public struct VariableValue: Sendable, Equatable {
    public var name: String
    public var typeName: String
    /// The value, or "<optimized out>" where no location covers the pc.
    public var value: String
    public var isParameter: Bool
}
