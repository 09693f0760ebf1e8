import WasmParser
import WasmTypes

extension FunctionTranslator {
    /// One entry point for every decoded instruction: anything not handled here is
    /// outside WebAssembly 2.0 (or SIMD) and refused, never silently accepted.
    mutating func visit(_ instruction: Instruction) throws(LoadError) {
        guard !isFinished else { throw malformed("operators remaining after end of function") }
        if recordsInstructions { lastInstruction = instruction }
        switch instruction {
        case .unreachable:
            emit(.unreachable)
            markUnreachable()
        case .nop:
            break
        case .block(let blockType):
            let (params, results) = try signature(of: blockType)
            try pop(params)
            pushFrame(.block, params: params, results: results)
        case .loop(let blockType):
            let (params, results) = try signature(of: blockType)
            try pop(params)
            pushFrame(.loop, params: params, results: results)
        case .if(let blockType):
            let (params, results) = try signature(of: blockType)
            try pop(.i32)
            try pop(params)
            let fixup = isLive ? code.count : -1
            emit(.jumpIfZero, a: UInt32.max)
            pushFrame(.if, params: params, results: results, elseFixup: fixup)
        case .else:
            try visitElseInstruction()
        case .end:
            try visitEndInstruction()
        case .br(let depth):
            let index = try label(depth)
            try pop(frames[index].labelTypes)
            emitBranch(.br, toFrame: index)
            markUnreachable()
        case .brIf(let depth):
            let index = try label(depth)
            try pop(.i32)
            let types = frames[index].labelTypes
            try pop(types)
            emitBranch(.brIf, toFrame: index)
            push(types)
        case .brTable(let targets):
            try visitBranchTable(targets)
        case .return:
            try pop(type.results)
            emit(.return, a: UInt32(type.results.count))
            markUnreachable()
        case .call(let function):
            guard function < context.functionTypeIndices.count else { throw invalid("unknown function \(function)") }
            let callee = context.types[Int(context.functionTypeIndices[Int(function)])]
            try pop(callee.parameters)
            emit(.call, a: function)
            push(callee.results)
        case .callIndirect(let typeIndex, let table):
            guard table < context.tableTypes.count else { throw invalid("unknown table \(table)") }
            guard context.tableTypes[Int(table)] == .funcref else { throw invalid("type mismatch: call_indirect needs a funcref table") }
            guard typeIndex < context.types.count else { throw invalid("unknown type \(typeIndex)") }
            let callee = context.types[Int(typeIndex)]
            try pop(.i32)
            try pop(callee.parameters)
            emit(.callIndirect, a: typeIndex, b: UInt64(table))
            push(callee.results)
        case .drop:
            _ = try popAny()
            emit(.drop)
        case .select:
            try pop(.i32)
            let t1 = try popAny(), t2 = try popAny()
            if t1?.isReference == true || t2?.isReference == true {
                throw invalid("type mismatch: select without a type needs numeric operands")
            }
            if let t1, let t2, t1 != t2 { throw invalid("type mismatch: select operands \(t1) and \(t2)") }
            emit(.select)
            push(t1 ?? t2)
        case .typedSelect(let decoded):
            let t = try ValueType(decoded: decoded, offset: binaryOffset)
            try pop(.i32)
            try pop(t)
            try pop(t)
            emit(.select)
            push(t)
        case .localGet(let index):
            push(try local(index))
            emit(.localGet, a: index)
        case .localSet(let index):
            try pop(try local(index))
            emit(.localSet, a: index)
        case .localTee(let index):
            let t = try local(index)
            try pop(t)
            emit(.localTee, a: index)
            push(t)
        case .globalGet(let index):
            push(try global(index).valueType)
            emit(.globalGet, a: index)
        case .globalSet(let index):
            let g = try global(index)
            guard g.isMutable else { throw invalid("global \(index) is immutable") }
            try pop(g.valueType)
            emit(.globalSet, a: index)
        case .load(let load, let memarg):
            guard let access = MemoryAccess(load) else { throw unsupported(instruction) }
            try checkMemory(memarg, access)
            try pop(.i32)
            emit(access.op, a: UInt32(truncatingIfNeeded: memarg.offset), b: UInt64(memarg.align))
            push(access.type)
        case .store(let store, let memarg):
            guard let access = MemoryAccess(store) else { throw unsupported(instruction) }
            try checkMemory(memarg, access)
            try pop(access.type)
            try pop(.i32)
            emit(access.op, a: UInt32(truncatingIfNeeded: memarg.offset), b: UInt64(memarg.align))
        case .memorySize(let memory):
            try checkMemory(memory)
            emit(.memorySize)
            push(.i32)
        case .memoryGrow(let memory):
            try checkMemory(memory)
            try pop(.i32)
            emit(.memoryGrow)
            push(.i32)
        case .i32Const(let value):
            emit(.i32Const, b: UInt64(UInt32(bitPattern: value)))
            push(.i32)
        case .i64Const(let value):
            emit(.i64Const, b: UInt64(bitPattern: value))
            push(.i64)
        case .f32Const(let value):
            emit(.f32Const, b: UInt64(value.bitPattern))
            push(.f32)
        case .f64Const(let value):
            emit(.f64Const, b: value.bitPattern)
            push(.f64)
        case .refNull(let heapType):
            let t = try ValueType(decoded: heapType, offset: binaryOffset)
            emit(.refNull, a: UInt32(t.rawValue))
            push(t)
        case .refIsNull:
            let t = try popAny()
            if let t, !t.isReference { throw invalid("type mismatch: ref.is_null needs a reference, found \(t)") }
            emit(.refIsNull)
            push(.i32)
        case .refFunc(let function):
            guard function < context.functionTypeIndices.count else { throw invalid("unknown function \(function)") }
            guard context.declaredFunctions[Int(function)] else { throw invalid("undeclared function reference \(function)") }
            emit(.refFunc, a: function)
            push(.funcref)
        case .i32Eqz:
            try pop(.i32)
            emit(.i32Eqz)
            push(.i32)
        case .i64Eqz:
            try pop(.i64)
            emit(.i64Eqz)
            push(.i32)
        case .cmp(let op): try numeric(NumericSignature(op))
        case .unary(let op): try numeric(NumericSignature(op))
        case .binary(let op): try numeric(NumericSignature(op))
        case .conversion(let op): try numeric(NumericSignature(op))
        default:
            try visitBulkInstruction(instruction)
        }
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
        switch instruction {
        case .simd, .simdLane, .simdMemLane, .v128Const, .i8x16Shuffle:
            return malformed("SIMD not supported")
        case .load(let load, _) where "\(load)".hasPrefix("v128"):
            return malformed("SIMD not supported")
        case .store(.v128Store, _):
            return malformed("SIMD not supported")
        default:
            return malformed("illegal opcode: \(instruction) is not a WebAssembly 2.0 instruction")
        }
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
