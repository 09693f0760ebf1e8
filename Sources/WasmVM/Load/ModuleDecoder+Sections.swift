import WasmParser
import WasmTypes

extension ModuleDecoder {
    mutating func decodeImport(_ entry: WasmParser.Import) throws(LoadError) {
        let descriptor: ImportDescriptor
        switch entry.descriptor {
        case .function(let index):
            guard index < context.types.count else { throw invalid("unknown type \(index)") }
            context.functionTypeIndices.append(index)
            importedFunctionCount += 1
            descriptor = .function(typeIndex: index)
        case .table(let type):
            let table = try tableType(type)
            context.tableTypes.append(table.elementType)
            descriptor = .table(table)
        case .memory(let type):
            descriptor = .memory(try memoryType(type))
        case .global(let type):
            let global = try globalType(type)
            context.globals.append(global)
            context.importedGlobalCount += 1
            descriptor = .global(global)
        case .tag:
            throw LoadError(.malformed, "exception handling is not supported", offset: sectionOffset)
        }
        imports.append(Import(module: entry.module, name: entry.name, descriptor: descriptor))
    }

    func tableType(_ type: WasmParser.TableType) throws(LoadError) -> TableType {
        let element = try ValueType(decoded: type.elementType, offset: sectionOffset)
        try checkLimits(type.limits, bound: UInt64(UInt32.max), what: "table")
        return TableType(elementType: element, limits: Limits(min: type.limits.min, max: type.limits.max))
    }

    mutating func memoryType(_ limits: WasmParser.Limits) throws(LoadError) -> MemoryType {
        context.memoryCount += 1
        guard context.memoryCount == 1 else { throw invalid("multiple memories are not allowed in WebAssembly 2.0") }
        try checkLimits(limits, bound: 65536, what: "memory")
        return MemoryType(limits: Limits(min: limits.min, max: limits.max))
    }

    func checkLimits(_ limits: WasmParser.Limits, bound: UInt64, what: String) throws(LoadError) {
        guard !limits.isMemory64, !limits.shared else { throw LoadError(.malformed, "malformed limits", offset: sectionOffset) }
        guard limits.min <= bound, (limits.max ?? 0) <= bound else {
            throw invalid(what == "memory" ? "memory size must be at most 65536 pages (4GiB)" : "table size must be at most 2^32-1")
        }
        if let max = limits.max, max < limits.min { throw invalid("size minimum must not be greater than maximum") }
    }

    func globalType(_ type: WasmParser.GlobalType) throws(LoadError) -> GlobalType {
        GlobalType(valueType: try ValueType(decoded: type.valueType, offset: sectionOffset), isMutable: type.mutability == .variable)
    }

    mutating func decodeExports(_ entries: [WasmParser.Export]) throws(LoadError) {
        // Names are compared as UTF-8 bytes: Swift's String equality would merge
        // canonically equivalent spellings that WebAssembly keeps distinct.
        var names = Set<[UInt8]>()
        for entry in entries {
            guard names.insert(Array(entry.name.utf8)).inserted else { throw invalid("duplicate export name \"\(entry.name)\"") }
            let kind: ExternalKind, index: UInt32, count: Int
            switch entry.descriptor {
            case .function(let i): (kind, index, count) = (.function, i, context.functionTypeIndices.count)
            case .table(let i): (kind, index, count) = (.table, i, context.tableTypes.count)
            case .memory(let i): (kind, index, count) = (.memory, i, context.memoryCount)
            case .global(let i): (kind, index, count) = (.global, i, context.globals.count)
            case .tag: throw LoadError(.malformed, "exception handling is not supported", offset: sectionOffset)
            }
            guard index < count else { throw invalid("unknown \(kind.rawValue) \(index)") }
            exports.append(Export(name: entry.name, kind: kind, index: index))
        }
    }

    mutating func decodeElement(_ segment: WasmParser.ElementSegment) throws(LoadError) {
        let type = try ValueType(decoded: segment.type, offset: sectionOffset)
        var items: [ConstExpression] = []
        items.reserveCapacity(segment.initializer.count)
        for item in segment.initializer { items.append(try constExpression(item, type: type)) }
        let mode: ElementSegment.Mode
        switch segment.mode {
        case .passive: mode = .passive
        case .declarative: mode = .declarative
        case .active(let table, let offset):
            guard table < context.tableTypes.count else { throw invalid("unknown table \(table)") }
            guard context.tableTypes[Int(table)] == type else { throw invalid("type mismatch: elem segment of \(type) for a \(context.tableTypes[Int(table)]) table") }
            mode = .active(table: table, offset: try constExpression(offset, type: .i32))
        }
        elements.append(ElementSegment(type: type, mode: mode, items: items))
        context.elementTypes.append(type)
    }

    mutating func decodeData(_ segment: WasmParser.DataSegment) throws(LoadError) {
        switch segment {
        case .passive(let bytes):
            data.append(DataSegment(mode: .passive, bytes: Array(bytes)))
        case .active(let active):
            guard active.index < context.memoryCount else { throw invalid("unknown memory \(active.index)") }
            let offset = try constExpression(active.offset, type: .i32)
            data.append(DataSegment(mode: .active(memory: active.index, offset: offset), bytes: Array(active.initializer)))
        }
    }

    /// Custom sections are recorded; a malformed name section is ignored, as the spec asks.
    mutating func decodeCustomSection(_ section: WasmParser.CustomSection) {
        customSections.append(CustomSection(name: section.name, size: section.bytes.count, offset: section.bytes.startIndex))
        guard section.name == "name" else { return }
        var parser = NameSectionParser(stream: StaticByteStreamSource(bytes: section.bytes))
        guard let subsections = try? parser.parseAll() else { return }
        for subsection in subsections {
            switch subsection {
            case .functions(let names): functionNames = names
            case .locals(let names): localNames = names
            case .globals(let names): globalNames = names
            default: break
            }
        }
    }

    /// A WebAssembly 2.0 constant expression: one constant, `ref.null`, `ref.func`
    /// or `global.get` of an imported immutable global, then `end`.
    func constExpression(_ instructions: [Instruction], type: ValueType) throws(LoadError) -> ConstExpression {
        var count = instructions.count
        if count > 0, case .end = instructions[count - 1] { count -= 1 }
        guard count == 1 else {
            if count == 0 { throw invalid("type mismatch: empty constant expression") }
            for instruction in instructions.prefix(count) where !Self.isConstant(instruction) {
                throw invalid("constant expression required")
            }
            throw invalid("type mismatch: constant expression leaves \(count) values")
        }
        let value: ConstExpression
        let valueType: ValueType
        switch instructions[0] {
        case .i32Const(let v): (value, valueType) = (.value(.i32(UInt32(bitPattern: v))), .i32)
        case .i64Const(let v): (value, valueType) = (.value(.i64(UInt64(bitPattern: v))), .i64)
        case .f32Const(let v): (value, valueType) = (.value(.f32(v.bitPattern)), .f32)
        case .f64Const(let v): (value, valueType) = (.value(.f64(v.bitPattern)), .f64)
        case .v128Const(let v): (value, valueType) = (.value(.v128(V128(bytes: v.bytes) ?? .zero)), .v128)
        case .refNull(let heap):
            valueType = try ValueType(decoded: heap, offset: sectionOffset)
            value = .value(valueType == .funcref ? .funcref(nil) : .externref(nil))
        case .refFunc(let index):
            guard index < context.functionTypeIndices.count else { throw invalid("unknown function \(index)") }
            (value, valueType) = (.refFunc(index), .funcref)
        case .globalGet(let index):
            // WebAssembly 2.0: only imported globals are visible to constant expressions.
            guard index < context.importedGlobalCount else { throw invalid("unknown global \(index)") }
            let global = context.globals[Int(index)]
            guard !global.isMutable else { throw invalid("constant expression required (global \(index) is mutable)") }
            (value, valueType) = (.globalGet(index), global.valueType)
        default:
            throw invalid("constant expression required")
        }
        guard valueType == type else { throw invalid("type mismatch: constant expression of \(valueType), expected \(type)") }
        return value
    }

    static func isConstant(_ instruction: Instruction) -> Bool {
        switch instruction {
        case .i32Const, .i64Const, .f32Const, .f64Const, .v128Const, .refNull, .refFunc, .globalGet: true
        default: false
        }
    }
}
