// Instantiation in WebAssembly 2.0 order: resolve and check imports, allocate
// functions, tables, memories and globals, evaluate element segments, then
// initialise active element segments and data segments in order (each bounds
// checked before it writes; earlier writes stay, as the spec's linking tests
// observe), then run the start function.

extension Machine {
    /// Links imports, allocates, initialises segments and runs the start function.
    /// Throws `LinkError` (unknown import, kind or type mismatch naming the import and
    /// both types) or `Trap` (segment out of bounds, or the start function trapped).
    public func instantiate(_ module: Module, imports: ImportResolver) throws -> Instance {
        let (instance, trap) = try instantiateKeepingTrap(module, imports: imports)
        if let trap { throw trap }
        return instance
    }

    /// Like `instantiate`, but a trap (a segment out of bounds, or the start function) comes back
    /// with the instance instead of being thrown, and the machine stays where the start function
    /// trapped (its frames), so a debugger can open there. Throws only `LinkError`.
    public func instantiateKeepingTrap(_ module: Module, imports: ImportResolver) throws -> (instance: Instance, trap: Trap?) {
        for type in module.memories where type.limits.min > UInt64(configuration.maxMemoryPages) {
            throw LinkError("memory of \(type.limits.min) pages exceeds the limit of \(configuration.maxMemoryPages) pages")
        }
        for type in module.tables where type.limits.min > UInt64(configuration.maxTableElements) {
            throw LinkError("table of \(type.limits.min) elements exceeds the limit of \(configuration.maxTableElements) elements")
        }
        // Allocated before anything joins the store, so running out of host memory changes nothing.
        var memories: [Memory] = []
        for type in module.memories {
            guard let memory = Memory(type: type, pageLimit: configuration.maxMemoryPages) else {
                throw LinkError("cannot allocate a memory of \(type.limits.min) pages (out of host memory)")
            }
            memories.append(memory)
        }
        let runtime = InstanceRuntime(id: instances.count, module: module, typeIDs: module.types.map(typeID))
        try link(module, runtime, imports)
        instances.append(runtime)

        // Defined functions.
        let importedFunctions = runtime.functionAddresses.count
        let counting = configuration.countsBlocks ? Self.countingFastCode(module) : nil
        let reentrant = module.reentrantFunctions { !runtime.functions[$0].isHost }
        for (i, compiled) in module.functions.enumerated() {
            let index = importedFunctions + i
            let type = module.types[Int(compiled.typeIndex)]
            let code = FunctionCode(instance: runtime, index: index, address: storeFunctions.count, compiled: compiled, type: type,
                                    reentrant: reentrant[i], fastCode: counting.map { $0[i] } ?? compiled.fast)
            runtime.codes.append(code)
            let function = StoreFunction(type: type, typeID: typeID(type), wasm: code, host: nil)
            addStoreFunction(function)
            runtime.setFunction(index, function)
            runtime.functionAddresses.append(storeFunctions.count - 1)
        }
        for type in module.tables {
            storeTables.append(Table(type: type, limit: configuration.maxTableElements))
            runtime.tables.append(storeTables[storeTables.count - 1])
            runtime.tableAddresses.append(storeTables.count - 1)
        }
        for memory in memories {
            storeMemories.append(memory)
            runtime.memoryAddresses.append(storeMemories.count - 1)
            if runtime.memory == nil { runtime.memory = storeMemories[storeMemories.count - 1] }
        }
        for global in module.globals {
            let value = evaluate(global.initializer, runtime)
            guard case .global(let address) = addGlobal(global.type, value: Value(slots: value, type: global.type.valueType)) else { fatalError() }
            runtime.globals[runtime.globalAddresses.count] = globalCells[address]
            runtime.globalAddresses.append(address)
        }
        runtime.elements = module.elements.map { segment in segment.items.map { evaluate($0, runtime)[0] } }
        runtime.droppedData = Array(repeating: false, count: module.data.count)

        let instance = Instance(id: runtime.id, module: module)
        for (i, segment) in module.elements.enumerated() {
            switch segment.mode {
            case .passive: continue
            case .declarative: runtime.elements[i] = []
            case .active(let tableIndex, let offsetExpression):
                let table = runtime.tables[Int(tableIndex)]
                let offset = evaluate(offsetExpression, runtime)[0] & 0xffff_ffff
                let items = runtime.elements[i]
                guard offset + UInt64(items.count) <= UInt64(table.elements.count) else { return (instance, Trap(.tableOutOfBounds)) }
                table.write(items, at: Int(offset))
                runtime.elements[i] = []
            }
        }
        for (i, segment) in module.data.enumerated() {
            guard case .active(_, let offsetExpression) = segment.mode else { continue }
            let offset = evaluate(offsetExpression, runtime)[0] & 0xffff_ffff
            guard let memory = runtime.memory, memory.contains(offset, count: UInt64(segment.bytes.count)) else {
                return (instance, Trap(.memoryOutOfBounds))
            }
            do { try memory.write(offset, segment.bytes) } catch { return (instance, error) }
            runtime.droppedData[i] = true
        }
        if let start = module.start {
            let event = invoke(function: runtime.functionAddresses[Int(start)], arguments: [], fuel: configuration.startFunctionFuel)
            if case .trapped(let trap) = event { return (instance, trap) }
        }
        return (instance, nil)
    }

    private func link(_ module: Module, _ runtime: InstanceRuntime, _ resolve: ImportResolver) throws {
        for imp in module.imports {
            let declared: ExternalType = switch imp.descriptor {
            case .function(let t): .function(module.types[Int(t)])
            case .table(let t): .table(t)
            case .memory(let t): .memory(t)
            case .global(let t): .global(t)
            }
            guard let value = resolve(imp) else {
                throw LinkError("unknown import: \(imp.module).\(imp.name) (module declares \(declared)) is not provided")
            }
            let offered = externalType(value)
            guard Machine.matches(offered, declared) else {
                throw LinkError("incompatible import type: import \(imp.module).\(imp.name): module declares \(declared), host offers \(offered)")
            }
            switch value {
            case .function(let a):
                runtime.setFunction(runtime.functionAddresses.count, storeFunctions[a])
                runtime.functionAddresses.append(a)
            case .table(let a):
                runtime.tables.append(storeTables[a]); runtime.tableAddresses.append(a)
            case .memory(let a):
                if runtime.memory == nil { runtime.memory = storeMemories[a] }
                runtime.memoryAddresses.append(a)
            case .global(let a):
                runtime.globals[runtime.globalAddresses.count] = globalCells[a]
                runtime.globalAddresses.append(a)
            }
        }
    }

    /// Import matching of WebAssembly 2.0: functions and globals exactly, tables and memories by limits.
    static func matches(_ offered: ExternalType, _ declared: ExternalType) -> Bool {
        func within(_ actual: Limits, _ wanted: Limits) -> Bool {
            guard actual.min >= wanted.min else { return false }
            guard let wantedMax = wanted.max else { return true }
            guard let actualMax = actual.max else { return false }
            return actualMax <= wantedMax
        }
        switch (offered, declared) {
        case (.function(let a), .function(let b)): return a == b
        case (.global(let a), .global(let b)): return a == b
        case (.table(let a), .table(let b)): return a.elementType == b.elementType && within(a.limits, b.limits)
        case (.memory(let a), .memory(let b)): return within(a.limits, b.limits)
        default: return false
        }
    }

    /// A constant expression's value as its raw slots (two for a v128, else one).
    func evaluate(_ expression: ConstExpression, _ runtime: InstanceRuntime) -> [UInt64] {
        switch expression {
        case .value(let v): v.slots
        case .refFunc(let index): [UInt64(runtime.functionAddresses[Int(index)]) + 1]
        case .globalGet(let index): [runtime.globals[Int(index)][0], runtime.globals[Int(index)][1]]
        }
    }
}
