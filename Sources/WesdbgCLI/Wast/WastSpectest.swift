import WasmVM

/// The `spectest` host module every spec script may import from.
enum WastSpectest {
    /// Adds the module's functions, globals, table and memory to `machine`; returns its exports by name.
    static func install(in machine: Machine) -> [String: ExternalValue] {
        var exports: [String: ExternalValue] = [:]
        // The print functions print nothing: the scripts only check that they link and can be called.
        let prints: [(String, [ValueType])] = [
            ("print", []),
            ("print_i32", [.i32]),
            ("print_i64", [.i64]),
            ("print_f32", [.f32]),
            ("print_f64", [.f64]),
            ("print_i32_f32", [.i32, .f32]),
            ("print_f64_f64", [.f64, .f64]),
        ]
        for (name, parameters) in prints {
            exports[name] = machine.addHostFunction(
                module: "spectest", name: name, type: FunctionType(parameters: parameters, results: [])
            ) { _ throws(Trap) in [] }
        }
        exports["global_i32"] = machine.addGlobal(GlobalType(valueType: .i32, isMutable: false), value: .i32(666))
        exports["global_i64"] = machine.addGlobal(GlobalType(valueType: .i64, isMutable: false), value: .i64(666))
        exports["global_f32"] = machine.addGlobal(
            GlobalType(valueType: .f32, isMutable: false), value: .f32(Float(666.6).bitPattern))
        exports["global_f64"] = machine.addGlobal(
            GlobalType(valueType: .f64, isMutable: false), value: .f64(Double(666.6).bitPattern))
        exports["table"] = machine.addTable(TableType(elementType: .funcref, limits: Limits(min: 10, max: 20)))
        exports["memory"] = machine.addMemory(MemoryType(limits: Limits(min: 1, max: 2)))
        return exports
    }
}
