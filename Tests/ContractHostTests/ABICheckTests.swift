import Testing
@testable import ContractHost
import WasmVM

@Suite struct ABICheckTests {
    /// A module value built by hand (no loader needed) with the given function imports and exports.
    static func module(imports: [(String, String, FunctionType)], exportsMemory: Bool = true, otherImports: [Import] = []) -> Module {
        let types = imports.map(\.2)
        let imps = imports.enumerated().map { Import(module: $1.0, name: $1.1, descriptor: .function(typeIndex: UInt32($0))) } + otherImports
        return Module(types: types, imports: imps, functionTypeIndices: types.indices.map(UInt32.init), functions: [], tables: [],
                      memories: exportsMemory ? [MemoryType(limits: Limits(min: 1, max: nil))] : [], globals: [],
                      exports: exportsMemory ? [Export(name: "memory", kind: .memory, index: 0)] : [], start: nil, elements: [], data: [],
                      customSections: [], functionNames: [:], localNames: [:], bytes: [])
    }

    static func t(_ p: [ValueType], _ r: [ValueType]) -> FunctionType { FunctionType(parameters: p, results: r) }

    @Test func everyHostFunctionMatchesItsDocumentedType() {
        let m = Self.module(imports: HostFunction.allCases.map { ("env", $0.importName, $0.type) })
        let abi = ABICheck(module: m)
        #expect(abi.isValid)
        #expect(abi.bindings.map(\.function) == HostFunction.allCases)
        #expect(HostFunction.allCases.count == 25)
    }

    @Test func declaredTypeChoosesTheSeedVariant() {
        let m = Self.module(imports: [
            ("env", "query_utxo_balance", Self.t([.i32, .i32], [.i64])),
            ("env", "execute_utxo_transfer", Self.t([.i32, .i32, .i32, .i32, .i64], [.i32])),
            ("env", "query_utxo_balance", Self.t([.i32, .i32, .i32], [.i64])),
        ])
        let abi = ABICheck(module: m)
        #expect(abi.bindings.map(\.function) == [.queryUTXOBalanceNative, .executeUTXOTransferNative, .queryUTXOBalance])
        #expect(abi.bindings[0].function?.variant == "seed native-coin variant")
        #expect(abi.bindings[2].function?.variant == "standard")
    }

    @Test func mismatchesNameTheImportTheDeclaredTypeAndTheOffers() {
        let m = Self.module(imports: [
            ("env", "query_utxo_balance", Self.t([.i32], [.i64])),
            ("env", "get_balance", Self.t([], [])),
            ("wasi", "fd_write", Self.t([.i32], [.i32])),
        ], otherImports: [Import(module: "env", name: "mem", descriptor: .memory(MemoryType(limits: Limits(min: 1, max: nil))))])
        #expect(ABICheck(module: m).errors == [
            "import env.query_utxo_balance: the contract declares (i32) -> (i64), the host offers (i32, i32, i32) -> (i64) or (i32, i32) -> (i64)",
            "import env.get_balance: unknown host function; the contract declares () -> ()",
            "import wasi.fd_write: unknown import module \"wasi\" (the host offers functions in \"env\"); the contract declares (i32) -> (i32)",
            "import env.mem: the host offers no memory imports (only functions in module \"env\")",
        ])
    }

    @Test func hostImportsWithoutAMemoryExportAreAnABIError() {
        let m = Self.module(imports: [("env", "get_block_height", Self.t([], [.i64]))], exportsMemory: false)
        #expect(ABICheck(module: m).errors == ["the module imports host functions but exports no memory named \"memory\""])
        #expect(ABICheck(module: Self.module(imports: [], exportsMemory: false)).isValid)
    }

    /// Failed before: the error named only `dir/c.wasm`, not the snapshot given on the command line.
    @Test func abiErrorsAreRefusedBeforeExecutionNamingTheSnapshotAndTheModule() {
        let m = Self.module(imports: [("env", "malloc", Self.t([.i64], [.i64]))])
        var s = Fixtures.snapshot()
        s.code = .file("c.wasm")
        s.baseDirectory = "dir"
        #expect(throws: InputError(file: s.file, place: "contract.code", message: "dir/c.wasm: ABI error: import env.malloc: the contract declares (i64) -> (i64), the host offers (i32) -> (i32)")) {
            try ContractExecution(snapshot: s, module: m)
        }
    }
}
