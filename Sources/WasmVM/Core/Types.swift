public struct FunctionType: Hashable, Sendable, CustomStringConvertible {
    public var parameters: [ValueType]
    public var results: [ValueType]
    public init(parameters: [ValueType], results: [ValueType]) {
        self.parameters = parameters
        self.results = results
    }
    /// `(i32, i64) -> (i32)`
    public var description: String {
        "(\(parameters.map(\.description).joined(separator: ", "))) -> (\(results.map(\.description).joined(separator: ", ")))"
    }
}

/// Limits in pages (memories) or elements (tables).
public struct Limits: Hashable, Sendable {
    public var min: UInt64
    public var max: UInt64?
    public init(min: UInt64, max: UInt64?) { self.min = min; self.max = max }
}

public struct MemoryType: Hashable, Sendable { public var limits: Limits; public init(limits: Limits) { self.limits = limits } }

public struct TableType: Hashable, Sendable {
    public var elementType: ValueType
    public var limits: Limits
    public init(elementType: ValueType, limits: Limits) { self.elementType = elementType; self.limits = limits }
}

public struct GlobalType: Hashable, Sendable {
    public var valueType: ValueType
    public var isMutable: Bool
    public init(valueType: ValueType, isMutable: Bool) { self.valueType = valueType; self.isMutable = isMutable }
}

public enum ExternalKind: String, Hashable, Sendable { case function, table, memory, global }

public enum ExternalType: Hashable, Sendable, CustomStringConvertible {
    case function(FunctionType)
    case table(TableType)
    case memory(MemoryType)
    case global(GlobalType)

    public var kind: ExternalKind {
        switch self {
        case .function: .function
        case .table: .table
        case .memory: .memory
        case .global: .global
        }
    }
    public var description: String {
        func limits(_ l: Limits) -> String { l.max.map { "\(l.min)..\($0)" } ?? "\(l.min).." }
        switch self {
        case .function(let t): return "func \(t)"
        case .table(let t): return "table \(t.elementType) \(limits(t.limits))"
        case .memory(let t): return "memory \(limits(t.limits)) pages"
        case .global(let t): return "global \(t.isMutable ? "mut " : "")\(t.valueType)"
        }
    }
}

public let wasmPageSize = 65536
