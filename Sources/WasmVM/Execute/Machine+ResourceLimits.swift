extension Machine {
    /// A declared initial size past the configured limits is refused before anything is
    /// allocated: `(table 4294967295 funcref)` would otherwise ask for 32 GiB and abort.
    func checkResourceLimits(_ module: Module) throws {
        for (i, type) in module.tables.enumerated() where type.limits.min > UInt64(configuration.maxTableElements) {
            throw LinkError("table \(imported(module, isTable: true) + i) declares \(type.limits.min) initial elements; the limit is \(configuration.maxTableElements)")
        }
        for (i, type) in module.memories.enumerated() where type.limits.min > UInt64(configuration.maxMemoryPages) {
            throw LinkError("memory \(imported(module, isTable: false) + i) declares \(type.limits.min) initial pages; the limit is \(configuration.maxMemoryPages)")
        }
    }

    private func imported(_ module: Module, isTable: Bool) -> Int {
        module.imports.count {
            switch $0.descriptor {
            case .table: isTable
            case .memory: !isTable
            default: false
            }
        }
    }
}
