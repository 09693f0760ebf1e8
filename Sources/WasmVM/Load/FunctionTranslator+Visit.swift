import WasmParser
import WasmTypes

extension FunctionTranslator {
    /// The generic entry point (WasmParser calls the methods below directly; this
    /// serves the debugger's recorder): every 2.0 instruction goes to its method,
    /// anything else is refused, never silently accepted.
    mutating func visit(_ instruction: Instruction) throws(LoadError) {
        willVisit()
        switch instruction {
        case .unreachable: try visitUnreachable()
        case .nop: try visitNop()
        case .block(let blockType): try visitBlock(blockType: blockType)
        case .loop(let blockType): try visitLoop(blockType: blockType)
        case .if(let blockType): try visitIf(blockType: blockType)
        case .else: try visitElse()
        case .end: try visitEnd()
        case .br(let depth): try visitBr(relativeDepth: depth)
        case .brIf(let depth): try visitBrIf(relativeDepth: depth)
        case .brTable(let targets): try visitBrTable(targets: targets)
        case .return: try visitReturn()
        case .call(let function): try visitCall(functionIndex: function)
        case .callIndirect(let typeIndex, let table): try visitCallIndirect(typeIndex: typeIndex, tableIndex: table)
        case .drop: try visitDrop()
        case .select: try visitSelect()
        case .typedSelect(let decoded): try visitTypedSelect(type: decoded)
        case .localGet(let index): try visitLocalGet(localIndex: index)
        case .localSet(let index): try visitLocalSet(localIndex: index)
        case .localTee(let index): try visitLocalTee(localIndex: index)
        case .globalGet(let index): try visitGlobalGet(globalIndex: index)
        case .globalSet(let index): try visitGlobalSet(globalIndex: index)
        case .load(let load, let memarg): try visitLoad(load, memarg: memarg)
        case .store(let store, let memarg): try visitStore(store, memarg: memarg)
        case .memorySize(let memory): try visitMemorySize(memory: memory)
        case .memoryGrow(let memory): try visitMemoryGrow(memory: memory)
        case .i32Const(let value): try visitI32Const(value: value)
        case .i64Const(let value): try visitI64Const(value: value)
        case .f32Const(let value): try visitF32Const(value: value)
        case .f64Const(let value): try visitF64Const(value: value)
        case .refNull(let heapType): try visitRefNull(type: heapType)
        case .refIsNull: try visitRefIsNull()
        case .refFunc(let function): try visitRefFunc(functionIndex: function)
        case .i32Eqz: try visitI32Eqz()
        case .i64Eqz: try visitI64Eqz()
        case .cmp(let op): try visitCmp(op)
        case .unary(let op): try visitUnary(op)
        case .binary(let op): try visitBinary(op)
        case .conversion(let op): try visitConversion(op)
        case .v128Const(let value): try visitV128Const(value: value)
        case .i8x16Shuffle(let lanes): try visitI8x16Shuffle(lanes: lanes)
        case .simd(let op): try visitSimd(op)
        case .simdLane(let op, let lane): try visitSimdLane(op, lane: lane)
        case .simdMemLane(let op, let memarg, let lane): try visitSimdMemLane(op, memarg: memarg, lane: lane)
        default: try visitBulkInstruction(instruction)
        }
    }

    mutating func visitUnreachable() throws(LoadError) {
        emit(.unreachable)
        markUnreachable()
    }

    mutating func visitNop() throws(LoadError) {}

    mutating func visitBlock(blockType: BlockType) throws(LoadError) {
        let (params, results) = try signature(of: blockType)
        try pop(params)
        pushFrame(.block, params: params, results: results)
    }

    mutating func visitLoop(blockType: BlockType) throws(LoadError) {
        let (params, results) = try signature(of: blockType)
        try pop(params)
        pushFrame(.loop, params: params, results: results)
    }

    mutating func visitIf(blockType: BlockType) throws(LoadError) {
        let (params, results) = try signature(of: blockType)
        try pop(.i32)
        try pop(params)
        let fixup = isLive ? code.count : -1
        emit(.jumpIfZero, a: UInt32.max)
        pushFrame(.if, params: params, results: results, elseFixup: fixup)
    }

    mutating func visitBr(relativeDepth depth: UInt32) throws(LoadError) {
        let index = try label(depth)
        try pop(frames[index].labelTypes)
        emitBranch(.br, toFrame: index)
        markUnreachable()
    }

    mutating func visitBrIf(relativeDepth depth: UInt32) throws(LoadError) {
        let index = try label(depth)
        try pop(.i32)
        let types = frames[index].labelTypes
        try pop(types)
        emitBranch(.brIf, toFrame: index)
        push(types)
    }

    mutating func visitReturn() throws(LoadError) {
        try pop(type.results)
        emit(.return, a: UInt32(type.results.slotCount))
        markUnreachable()
    }

    mutating func visitCall(functionIndex function: UInt32) throws(LoadError) {
        guard function < context.functionTypeIndices.count else { throw invalid("unknown function \(function)") }
        let callee = context.types[Int(context.functionTypeIndices[Int(function)])]
        try pop(callee.parameters)
        emit(.call, a: function)
        push(callee.results)
    }

    mutating func visitCallIndirect(typeIndex: UInt32, tableIndex table: UInt32) throws(LoadError) {
        guard table < context.tableTypes.count else { throw invalid("unknown table \(table)") }
        guard context.tableTypes[Int(table)] == .funcref else { throw invalid("type mismatch: call_indirect needs a funcref table") }
        guard typeIndex < context.types.count else { throw invalid("unknown type \(typeIndex)") }
        let callee = context.types[Int(typeIndex)]
        try pop(.i32)
        try pop(callee.parameters)
        emit(.callIndirect, a: typeIndex, b: UInt64(table))
        push(callee.results)
    }

    mutating func visitDrop() throws(LoadError) {
        let t = try popAny()
        emit(t == .v128 ? .dropV128 : .drop)
    }

    mutating func visitSelect() throws(LoadError) {
        try pop(.i32)
        let t1 = try popAny(), t2 = try popAny()
        if t1?.isReference == true || t2?.isReference == true {
            throw invalid("type mismatch: select without a type needs numeric operands")
        }
        if let t1, let t2, t1 != t2 { throw invalid("type mismatch: select operands \(t1) and \(t2)") }
        emit((t1 ?? t2) == .v128 ? .selectV128 : .select)
        push(t1 ?? t2)
    }

    mutating func visitTypedSelect(type decoded: WasmTypes.ValueType) throws(LoadError) {
        let t = try ValueType(decoded: decoded, offset: binaryOffset)
        try pop(.i32)
        try pop(t)
        try pop(t)
        emit(t == .v128 ? .selectV128 : .select)
        push(t)
    }

    // Locals are addressed by frame slot (`localSlots`: a v128 takes two); v128 ones have ops of their own.
    mutating func visitLocalGet(localIndex index: UInt32) throws(LoadError) {
        let t = try local(index)
        push(t)
        emit(t == .v128 ? .localGetV128 : .localGet, a: UInt32(localSlots[Int(index)]))
    }

    mutating func visitLocalSet(localIndex index: UInt32) throws(LoadError) {
        let t = try local(index)
        try pop(t)
        emit(t == .v128 ? .localSetV128 : .localSet, a: UInt32(localSlots[Int(index)]))
    }

    mutating func visitLocalTee(localIndex index: UInt32) throws(LoadError) {
        let t = try local(index)
        try pop(t)
        emit(t == .v128 ? .localTeeV128 : .localTee, a: UInt32(localSlots[Int(index)]))
        push(t)
    }

    mutating func visitGlobalGet(globalIndex index: UInt32) throws(LoadError) {
        let t = try global(index).valueType
        push(t)
        emit(t == .v128 ? .globalGetV128 : .globalGet, a: index)
    }

    mutating func visitGlobalSet(globalIndex index: UInt32) throws(LoadError) {
        let g = try global(index)
        guard g.isMutable else { throw invalid("global \(index) is immutable") }
        try pop(g.valueType)
        emit(g.valueType == .v128 ? .globalSetV128 : .globalSet, a: index)
    }

    mutating func visitLoad(_ load: Instruction.Load, memarg: MemArg) throws(LoadError) {
        guard let access = MemoryAccess(load) else { throw unsupported(.load(load, memarg: memarg)) }
        try checkMemory(memarg, access)
        try pop(.i32)
        emit(access.op, a: UInt32(truncatingIfNeeded: memarg.offset), b: UInt64(memarg.align))
        push(access.type)
    }

    mutating func visitStore(_ store: Instruction.Store, memarg: MemArg) throws(LoadError) {
        guard let access = MemoryAccess(store) else { throw unsupported(.store(store, memarg: memarg)) }
        try checkMemory(memarg, access)
        try pop(access.type)
        try pop(.i32)
        emit(access.op, a: UInt32(truncatingIfNeeded: memarg.offset), b: UInt64(memarg.align))
    }

    mutating func visitMemorySize(memory: UInt32) throws(LoadError) {
        try checkMemory(memory)
        emit(.memorySize)
        push(.i32)
    }

    mutating func visitMemoryGrow(memory: UInt32) throws(LoadError) {
        try checkMemory(memory)
        try pop(.i32)
        emit(.memoryGrow)
        push(.i32)
    }

    mutating func visitI32Const(value: Int32) throws(LoadError) {
        emit(.i32Const, b: UInt64(UInt32(bitPattern: value)))
        push(.i32)
    }

    mutating func visitI64Const(value: Int64) throws(LoadError) {
        emit(.i64Const, b: UInt64(bitPattern: value))
        push(.i64)
    }

    mutating func visitF32Const(value: IEEE754.Float32) throws(LoadError) {
        emit(.f32Const, b: UInt64(value.bitPattern))
        push(.f32)
    }

    mutating func visitF64Const(value: IEEE754.Float64) throws(LoadError) {
        emit(.f64Const, b: value.bitPattern)
        push(.f64)
    }

    mutating func visitRefNull(type heapType: HeapType) throws(LoadError) {
        let t = try ValueType(decoded: heapType, offset: binaryOffset)
        emit(.refNull, a: UInt32(t.rawValue))
        push(t)
    }

    mutating func visitRefIsNull() throws(LoadError) {
        let t = try popAny()
        if let t, !t.isReference { throw invalid("type mismatch: ref.is_null needs a reference, found \(t)") }
        emit(.refIsNull)
        push(.i32)
    }

    mutating func visitRefFunc(functionIndex function: UInt32) throws(LoadError) {
        guard function < context.functionTypeIndices.count else { throw invalid("unknown function \(function)") }
        guard context.declaredFunctions[Int(function)] else { throw invalid("undeclared function reference \(function)") }
        emit(.refFunc, a: function)
        push(.funcref)
    }

    mutating func visitI32Eqz() throws(LoadError) {
        try numeric(.i32Eqz)
    }

    mutating func visitI64Eqz() throws(LoadError) {
        try numeric(.i64Eqz)
    }

    mutating func visitCmp(_ op: Instruction.Cmp) throws(LoadError) {
        try numeric(NumericSignature(op))
    }

    mutating func visitUnary(_ op: Instruction.Unary) throws(LoadError) {
        try numeric(NumericSignature(op))
    }

    mutating func visitBinary(_ op: Instruction.Binary) throws(LoadError) {
        try numeric(NumericSignature(op))
    }

    mutating func visitConversion(_ op: Instruction.Conversion) throws(LoadError) {
        try numeric(NumericSignature(op))
    }

    /// Bulk memory and table instructions (WebAssembly 2.0's 0xFC group and table.get/set).
    mutating func visitBulkInstruction(_ instruction: Instruction) throws(LoadError) {
        switch instruction {
        case .memoryInit(let data, let memory):
            try checkData(data)
            try checkMemory(memory)
            try pop(.i32); try pop(.i32); try pop(.i32)
            emit(.memoryInit, a: data)
        case .dataDrop(let data):
            try checkData(data)
            emit(.dataDrop, a: data)
        case .memoryCopy(let destination, let source):
            try checkMemory(destination)
            try checkMemory(source)
            try pop(.i32); try pop(.i32); try pop(.i32)
            emit(.memoryCopy)
        case .memoryFill(let memory):
            try checkMemory(memory)
            try pop(.i32); try pop(.i32); try pop(.i32)
            emit(.memoryFill)
        case .tableInit(let element, let table):
            let t = try tableType(table)
            guard element < context.elementTypes.count else { throw invalid("unknown elem segment \(element)") }
            guard context.elementTypes[Int(element)] == t else { throw invalid("type mismatch: elem segment \(element) does not fit table \(table)") }
            try pop(.i32); try pop(.i32); try pop(.i32)
            emit(.tableInit, a: table, b: UInt64(element))
        case .elemDrop(let element):
            guard element < context.elementTypes.count else { throw invalid("unknown elem segment \(element)") }
            emit(.elemDrop, a: element)
        case .tableCopy(let destination, let source):
            let d = try tableType(destination), s = try tableType(source)
            guard d == s else { throw invalid("type mismatch: table.copy from \(s) table to \(d) table") }
            try pop(.i32); try pop(.i32); try pop(.i32)
            emit(.tableCopy, a: destination, b: UInt64(source))
        case .tableFill(let table):
            let t = try tableType(table)
            try pop(.i32); try pop(t); try pop(.i32)
            emit(.tableFill, a: table)
        case .tableGet(let table):
            let t = try tableType(table)
            try pop(.i32)
            emit(.tableGet, a: table)
            push(t)
        case .tableSet(let table):
            let t = try tableType(table)
            try pop(t); try pop(.i32)
            emit(.tableSet, a: table)
        case .tableGrow(let table):
            let t = try tableType(table)
            try pop(.i32); try pop(t)
            emit(.tableGrow, a: table)
            push(.i32)
        case .tableSize(let table):
            _ = try tableType(table)
            emit(.tableSize, a: table)
            push(.i32)
        default:
            throw unsupported(instruction)
        }
    }

    func unsupported(_ instruction: Instruction) -> LoadError {
        malformed("illegal opcode: \(instruction) is not a WebAssembly 2.0 instruction")
    }

    // MARK: Helpers

    mutating func numeric(_ s: NumericSignature) throws(LoadError) {
        try pop(s.operand)
        if s.arity == 2 { try pop(s.operand) }
        emit(s.op)
        push(s.result)
    }

    func signature(of blockType: BlockType) throws(LoadError) -> (params: [ValueType], results: [ValueType]) {
        switch blockType {
        case .empty:
            return ([], [])
        case .type(let decoded):
            let t = try ValueType(decoded: decoded, offset: binaryOffset)
            return ([], context.singleResults[Int(t.rawValue)])
        case .funcType(let index):
            guard index < context.types.count else { throw invalid("unknown type \(index)") }
            let t = context.types[Int(index)]
            return (t.parameters, t.results)
        }
    }

    func local(_ index: UInt32) throws(LoadError) -> ValueType {
        guard index < localCount else { throw invalid("unknown local \(index)") }
        return localTypes[Int(index)]
    }

    func global(_ index: UInt32) throws(LoadError) -> GlobalType {
        guard index < context.globals.count else { throw invalid("unknown global \(index)") }
        return context.globals[Int(index)]
    }

    func tableType(_ index: UInt32) throws(LoadError) -> ValueType {
        guard index < context.tableTypes.count else { throw invalid("unknown table \(index)") }
        return context.tableTypes[Int(index)]
    }

    func checkMemory(_ index: UInt32) throws(LoadError) {
        guard index < context.memoryCount else { throw invalid("unknown memory \(index)") }
    }

    func checkMemory(_ memarg: MemArg, _ access: MemoryAccess) throws(LoadError) {
        try checkMemory(memarg.memory)
        // An alignment exponent of 32 or more cannot be decoded (align.wast: "malformed memop flags").
        guard memarg.align < 32 else { throw malformed("malformed memop flags") }
        guard memarg.align <= access.naturalAlignment else {
            throw invalid("alignment must not be larger than natural")
        }
    }

    func checkData(_ index: UInt32) throws(LoadError) {
        guard let count = context.dataCount else { throw malformed("data count section required") }
        guard index < count else { throw invalid("unknown data segment \(index)") }
    }
}
