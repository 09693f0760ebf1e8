import ArgumentParser
import ContractHost
import WasmVM

/// FILE and the call settings shared by `run` and `debug`.
struct CallOptions: ParsableArguments {
    @Argument(help: "A snapshot (.json) or a module (.wasm, .wat).")
    var file: String

    @Option(name: .customLong("call"), help: "Exported function to call (default: the module's only exported function).")
    var function: String?

    @Option(help: "Call params as JSON (the contract reads them canonicalised).")
    var params: String?

    @Option(parsing: .upToNextOption, help: "Wasm arguments as typed values: i32:5 i64:-1 f64:1.5 v128:i32x4:1,2,3,4 (lanes, lane 0 first; any of i8x16 i16x8 i32x4 i64x2 f32x4 f64x2) or v128:0x….")
    var args: [String] = []

    @Option(help: "Caller address (0x + 40 lowercase hex digits).")
    var caller: String?

    // `.unconditional` so that `--fuel -1` reaches the range check instead of reading as an option.
    @Option(parsing: .unconditional, help: "Fuel limit, 0...18446744073709551615 (default 10000000).",
            transform: { try CallOptions.unsigned($0) })
    var fuel: UInt64?

    @Option(parsing: .unconditional, help: "Block height, 0...18446744073709551615 (default 1 for a module).",
            transform: { try CallOptions.unsigned($0) })
    var height: UInt64?

    /// A non-negative integer option, or a usage error naming the accepted range.
    static func unsigned(_ text: String) throws -> UInt64 {
        guard text.first?.isNumber == true, let n = UInt64(text) else {
            throw ValidationError("must be an integer 0...\(UInt64.max), not '\(text)'")
        }
        return n
    }

    var settings: CallSettings {
        CallSettings(function: function, params: params, args: args, caller: caller, fuel: fuel, height: height)
    }

    /// Reads FILE: a snapshot with the options applied over its call, or a module over an empty chain.
    /// The module is loaded once; callers reuse it across restarts.
    /// A directory is a bug bundle (`save --bundle`): its `snapshot.json`.
    func load() throws(InputError) -> (snapshot: ChainSnapshot, module: Module) { try Self.load(file, settings: settings) }

    static func load(_ file: String, settings: CallSettings) throws(InputError) -> (snapshot: ChainSnapshot, module: Module) {
        if ModuleFile.isModulePath(file) && !BugBundle.isDirectory(file) {
            let bytes: [UInt8]
            switch ModuleFile.read(path: file) {
            case .success(let b): bytes = b
            case .failure(let e): throw e
            }
            let module = try ModuleFile.load(bytes: bytes, file: file)
            var snapshot = try ChainSnapshot.bare(modulePath: file, module: module, settings: settings)
            snapshot.codeBytes = bytes
            return (snapshot, module)
        }
        var snapshot = try (BugBundle.isDirectory(file) ? BugBundle.load(directory: file) : ChainSnapshot.load(path: file)).applying(settings)
        let (module, bytes) = try snapshot.loadModuleAndBytes()
        snapshot.codeBytes = bytes
        return (snapshot, module)
    }

    /// Loads and builds the execution (ABI and call checked, instantiated, not started).
    func makeExecution() throws(InputError) -> ContractExecution { try Self.makeExecution(file, settings: settings) }

    static func makeExecution(_ file: String, settings: CallSettings,
                              configuration: MachineConfiguration = MachineConfiguration()) throws(InputError) -> ContractExecution {
        let (snapshot, module) = try load(file, settings: settings)
        return try ContractExecution(snapshot: snapshot, module: module, configuration: configuration)
    }
}
