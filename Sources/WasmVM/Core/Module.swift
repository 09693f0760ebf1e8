/// A constant expression of WebAssembly 2.0 (one instruction, then `end`).
public enum ConstExpression: Hashable, Sendable {
    case value(Value)          // i32/i64/f32/f64/v128.const, or ref.null (funcref(nil)/externref(nil))
    case refFunc(UInt32)       // function index
    case globalGet(UInt32)     // global index (an imported global in 2.0)
}

public enum ImportDescriptor: Hashable, Sendable {
    case function(typeIndex: UInt32)
    case table(TableType)
    case memory(MemoryType)
    case global(GlobalType)
}

public struct Import: Hashable, Sendable {
    public var module: String
    public var name: String
    public var descriptor: ImportDescriptor
    public init(module: String, name: String, descriptor: ImportDescriptor) {
        self.module = module; self.name = name; self.descriptor = descriptor
    }
}

public struct Export: Hashable, Sendable {
    public var name: String
    public var kind: ExternalKind
    public var index: UInt32
    public init(name: String, kind: ExternalKind, index: UInt32) { self.name = name; self.kind = kind; self.index = index }
}

public struct GlobalDefinition: Hashable, Sendable {
    public var type: GlobalType
    public var initializer: ConstExpression
    public init(type: GlobalType, initializer: ConstExpression) { self.type = type; self.initializer = initializer }
}

public struct ElementSegment: Hashable, Sendable {
    public enum Mode: Hashable, Sendable {
        case passive
        case active(table: UInt32, offset: ConstExpression)
        case declarative
    }
    public var type: ValueType
    public var mode: Mode
    public var items: [ConstExpression]
    public init(type: ValueType, mode: Mode, items: [ConstExpression]) { self.type = type; self.mode = mode; self.items = items }
}

public struct DataSegment: Hashable, Sendable {
    public enum Mode: Hashable, Sendable {
        case passive
        case active(memory: UInt32, offset: ConstExpression)
    }
    public var mode: Mode
    public var bytes: [UInt8]
    public init(mode: Mode, bytes: [UInt8]) { self.mode = mode; self.bytes = bytes }
}

/// A defined function after validation and translation.
public struct CompiledFunction: Sendable {
    public var typeIndex: UInt32
    /// Declared locals after the parameters.
    public var localTypes: [ValueType]
    /// Flat instruction stream; the last one is always a `return`.
    public var code: [Instr]
    /// Module byte offset of the wasm instruction each `code[i]` came from.
    public var offsets: [UInt32]
    /// `br_table` targets, indexed by `brTable`'s `a`.
    public var branchTables: [BranchTarget]
    /// Largest frame-relative height the operand stack reaches (params + locals + operands).
    public var maxHeight: Int
    /// Byte range of the function body (locals + code) in the module.
    public var bodyRange: Range<Int>
    /// Frame-relative stack height before each `code[i]` (empty for hand-built code).
    public var heights: [UInt32] = []
    /// The register-form code run mode executes (nil: the function runs in the exact loop only).
    public var fast: FastCode?
    /// v128.const values and i8x16.shuffle masks, indexed by those instructions' `a`.
    public var v128Constants: [V128] = []
    /// Has a v128 local, param, result or operand (for statistics and tests).
    public var usesV128 = false

    public init(typeIndex: UInt32, localTypes: [ValueType], code: [Instr], offsets: [UInt32],
                branchTables: [BranchTarget], maxHeight: Int, bodyRange: Range<Int>) {
        self.typeIndex = typeIndex; self.localTypes = localTypes; self.code = code; self.offsets = offsets
        self.branchTables = branchTables; self.maxHeight = maxHeight; self.bodyRange = bodyRange
    }
}

public struct CustomSection: Hashable, Sendable {
    public var name: String
    public var size: Int
    public var offset: Int
}

/// A loaded, fully validated and translated module. Immutable and shareable:
/// instances and debugger sessions refer to it; restarting never re-translates.
public final class Module: Sendable {
    public let types: [FunctionType]
    public let imports: [Import]
    /// Type index of every function in the function index space (imports first).
    public let functionTypeIndices: [UInt32]
    public let functions: [CompiledFunction]       // defined functions only
    public let tables: [TableType]                 // defined tables only
    public let memories: [MemoryType]              // defined memories only
    public let globals: [GlobalDefinition]         // defined globals only
    public let exports: [Export]
    public let start: UInt32?
    public let elements: [ElementSegment]
    public let data: [DataSegment]
    public let customSections: [CustomSection]
    /// From the `name` section when present: function index -> name, and per function local index -> name.
    public let functionNames: [UInt32: String]
    public let localNames: [UInt32: [UInt32: String]]
    /// From the `name` section's global names (a `.wat`'s `$names`, `__stack_pointer` from clang): global index -> name.
    public let globalNames: [UInt32: String]
    /// The module's bytes (for disassembly and saving snapshots).
    public let bytes: [UInt8]
    /// Whether `displayName(ofFunction:)` demangles Rust and C++ names (see `withNames(demangled:)`).
    public let demanglesNames: Bool

    public init(types: [FunctionType], imports: [Import], functionTypeIndices: [UInt32],
                functions: [CompiledFunction], tables: [TableType], memories: [MemoryType],
                globals: [GlobalDefinition], exports: [Export], start: UInt32?,
                elements: [ElementSegment], data: [DataSegment], customSections: [CustomSection],
                functionNames: [UInt32: String], localNames: [UInt32: [UInt32: String]], globalNames: [UInt32: String] = [:], bytes: [UInt8],
                demanglesNames: Bool = true) {
        self.types = types; self.imports = imports; self.functionTypeIndices = functionTypeIndices
        self.functions = functions; self.tables = tables; self.memories = memories; self.globals = globals
        self.exports = exports; self.start = start; self.elements = elements; self.data = data
        self.customSections = customSections; self.functionNames = functionNames; self.localNames = localNames
        self.globalNames = globalNames; self.bytes = bytes; self.demanglesNames = demanglesNames
    }

    public var importedFunctionCount: Int { imports.count { if case .function = $0.descriptor { true } else { false } } }

    public func functionType(_ functionIndex: Int) -> FunctionType { types[Int(functionTypeIndices[functionIndex])] }

    /// The name section's name (demangled: `vault::parse_amount`, unless `demanglesNames`
    /// is off), else an export name, else `func[N]`.
    public func displayName(ofFunction index: Int) -> String {
        name(ofFunction: index, demangled: demanglesNames)
    }

    /// As `displayName(ofFunction:)`, never demangled: the symbol as the name section holds it.
    public func rawName(ofFunction index: Int) -> String {
        name(ofFunction: index, demangled: false)
    }

    func name(ofFunction index: Int, demangled: Bool) -> String {
        if let n = functionNames[UInt32(index)] { return Self.printable(demangled ? Demangle.name(n) : n) }
        if let e = exports.first(where: { $0.kind == .function && $0.index == UInt32(index) }) { return Self.printable(e.name) }
        if index < importedFunctionCount {
            var k = 0
            for imp in imports { if case .function = imp.descriptor { if k == index { return Self.printable("\(imp.module).\(imp.name)") }; k += 1 } }
        }
        return "func[\(index)]"
    }

    /// Exact (byte-wise) name match: Swift's `==` treats canonically equivalent names
    /// ("\u{C5}" and "A\u{30A}") as equal, wasm names differ by their UTF-8 bytes.
    public func export(named name: String) -> Export? { exports.first { $0.name.utf8.elementsEqual(name.utf8) } }
}
