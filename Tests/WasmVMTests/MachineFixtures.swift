@testable import WasmVM

/// Hand-built modules for executor tests (independent of the loader).
enum Fixture {
    struct Function {
        var type: FunctionType
        var locals: [ValueType] = []
        var code: [Instr]
        var maxHeight: Int = 16
        var branchTables: [BranchTarget] = []
    }

    /// A module whose function `i` has code offsets `0x100 * (i + 1) + pc`.
    static func module(_ functions: [Function], imports: [Import] = [], memory: MemoryType? = nil,
                       tables: [TableType] = [], globals: [GlobalDefinition] = [],
                       elements: [ElementSegment] = [], data: [DataSegment] = [], start: UInt32? = nil,
                       exports: [Export]? = nil) -> Module {
        var types: [FunctionType] = []
        func typeIndex(_ t: FunctionType) -> UInt32 {
            if let i = types.firstIndex(of: t) { return UInt32(i) }
            types.append(t); return UInt32(types.count - 1)
        }
        var importTypeIndices: [UInt32] = []
        var resolvedImports: [Import] = []
        for imp in imports {
            resolvedImports.append(imp)
            if case .function(let t) = imp.descriptor { importTypeIndices.append(t) }
        }
        let compiled = functions.enumerated().map { i, f in
            CompiledFunction(typeIndex: typeIndex(f.type), localTypes: f.locals, code: f.code,
                             offsets: f.code.indices.map { UInt32(0x100 * (i + 1) + $0) },
                             branchTables: f.branchTables, maxHeight: f.maxHeight, bodyRange: 0 ..< 0)
        }
        let imported = importTypeIndices.count
        return Module(types: types, imports: resolvedImports,
                      functionTypeIndices: importTypeIndices + compiled.map(\.typeIndex),
                      functions: compiled, tables: tables, memories: memory.map { [$0] } ?? [], globals: globals,
                      exports: exports ?? functions.indices.map { Export(name: "f\($0)", kind: .function, index: UInt32(imported + $0)) },
                      start: start, elements: elements, data: data, customSections: [],
                      functionNames: [:], localNames: [:], bytes: [])
    }
}

extension Machine {
    func call(_ instance: Instance, _ name: String, _ args: [Value] = [], fuel: UInt64 = .max) -> ExecutionEvent {
        guard case .function(let a) = export(instance, named: name) else { fatalError("no export \(name)") }
        return invoke(function: a, arguments: args, fuel: fuel)
    }
}

let i32x2_i32 = FunctionType(parameters: [.i32, .i32], results: [.i32])
let i32_i32 = FunctionType(parameters: [.i32], results: [.i32])
let void_void = FunctionType(parameters: [], results: [])
let void_i32 = FunctionType(parameters: [], results: [.i32])

/// A machine with `wat` instantiated; imports resolved by name from `imports`.
func instantiate(_ wat: String, machine: Machine = Machine(), imports: [String: ExternalValue] = [:]) throws -> (Machine, Instance) {
    let module = try Module.load(text: wat)
    let instance = try machine.instantiate(module) { imports["\($0.module).\($0.name)"] }
    return (machine, instance)
}

extension Machine {
    func address(_ instance: Instance, _ name: String) -> Int {
        guard case .function(let a) = export(instance, named: name) else { fatalError("no export \(name)") }
        return a
    }
    /// Starts a call of an exported function (nothing runs yet).
    func start(_ instance: Instance, _ name: String, _ args: [Value] = [], fuel: UInt64 = .max) throws {
        try startCall(function: address(instance, name), arguments: args, fuel: fuel)
    }
}
