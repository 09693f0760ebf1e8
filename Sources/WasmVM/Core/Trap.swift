/// Why guest execution stopped abnormally. Raw values are the `trap.kind` strings of HOST-ABI.md.
public enum TrapKind: String, Hashable, Sendable, CaseIterable {
    case unreachable
    case integerDivideByZero = "integer_divide_by_zero"
    case integerOverflow = "integer_overflow"
    case invalidConversion = "invalid_conversion"
    case memoryOutOfBounds = "memory_out_of_bounds"
    case tableOutOfBounds = "table_out_of_bounds"
    case indirectCallTypeMismatch = "indirect_call_type_mismatch"
    case uninitializedElement = "uninitialized_element"
    case nullReference = "null_reference"
    case callStackExhausted = "call_stack_exhausted"
    case outOfFuel = "out_of_fuel"
    case hostError = "host_error"
}

/// A guest failure: data, not a crash. `offset` is the module byte offset of the
/// trapping instruction (for a host error, the `call` of the import); `function`
/// the defined-or-imported function index containing it.
public struct Trap: Error, Hashable, Sendable, CustomStringConvertible {
    public var kind: TrapKind
    public var message: String
    public var function: Int?
    public var offset: Int?

    public init(_ kind: TrapKind, _ message: String? = nil, function: Int? = nil, offset: Int? = nil) {
        self.kind = kind
        self.message = message ?? Trap.defaultMessage(kind)
        self.function = function
        self.offset = offset
    }

    public var description: String {
        var s = "\(kind.rawValue): \(message)"
        if let offset { s += " at offset 0x\(String(offset, radix: 16))" }
        return s
    }

    static func defaultMessage(_ kind: TrapKind) -> String {
        switch kind {
        case .unreachable: "unreachable executed"
        case .integerDivideByZero: "integer divide by zero"
        case .integerOverflow: "integer overflow"
        case .invalidConversion: "invalid conversion to integer"
        case .memoryOutOfBounds: "out of bounds memory access"
        case .tableOutOfBounds: "out of bounds table access"
        case .indirectCallTypeMismatch: "indirect call type mismatch"
        case .uninitializedElement: "uninitialized element"
        case .nullReference: "null reference"
        case .callStackExhausted: "call stack exhausted"
        case .outOfFuel: "out of fuel"
        case .hostError: "host error"
        }
    }
}

/// A module that cannot be loaded: malformed bytes or a validation failure,
/// with the byte offset where it was found.
public struct LoadError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable { case malformed, invalid }
    public var kind: Kind
    public var message: String
    public var offset: Int?
    public init(_ kind: Kind, _ message: String, offset: Int? = nil) {
        self.kind = kind; self.message = message; self.offset = offset
    }
    public var description: String {
        offset.map { "at byte offset 0x\(String($0, radix: 16)): \(kind.rawValue) module: \(message)" }
            ?? "\(kind.rawValue) module: \(message)"
    }
}

/// Instantiation failures other than a trapping start function.
public struct LinkError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
