import WasmParser
import WasmTypes

/// WasmParser's gated proposals, chosen for WebAssembly 2.0: reference types and SIMD.
/// Bulk memory, multi-value, sign extension, saturating truncation and multiple
/// tables are decoded unconditionally; leaving out multi-memory keeps memory
/// indices as the reserved zero byte and extended-const is refused by validation.
/// Relaxed SIMD decodes with SIMD but the translator refuses it (not 2.0); exceptions,
/// threads, memory64, tail calls and GC stay off.
let webAssembly2Features: WasmFeatureSet = [.referenceTypes, .simd]

/// Drives WasmParser over a binary module, validating each section against the
/// ones before it, and translates the code section.
struct ModuleDecoder {
    /// The module as given (kept in `Module.bytes`).
    let bytes: [UInt8]
    /// What WasmParser decodes: `bytes`, possibly with same-length rewrites of
    /// padded 0xFC sub-opcodes (see `overlongPrefixedOpcode`).
    let decodingBytes: [UInt8]
    /// Set when decoding failed on a padded sub-opcode that a rewrite would fix.
    var overlongOpcode: (offset: Int, replacement: [UInt8])?
    let context = ValidationContext()

    var imports: [Import] = []
    var importedFunctionCount = 0
    var definedFunctionTypes: [UInt32] = []
    var tables: [TableType] = []
    var memories: [MemoryType] = []
    var globals: [GlobalDefinition] = []
    var exports: [Export] = []
    var start: UInt32?
    var elements: [ElementSegment] = []
    var data: [DataSegment] = []
    var customSections: [CustomSection] = []
    var functionNames: [UInt32: String] = [:]
    var localNames: [UInt32: [UInt32: String]] = [:]
    var globalNames: [UInt32: String] = [:]
    var functions: [CompiledFunction] = []
    var sawCodeSection = false
    /// Byte offset of the section being decoded (for errors about its entries).
    var sectionOffset = 0

    /// Rewritten instructions: offset in `decodingBytes` -> original offset.
    let rewrittenOffsets: [UInt32: UInt32]

    init(bytes: [UInt8], decodingBytes: [UInt8], rewrittenOffsets: [UInt32: UInt32] = [:]) {
        self.bytes = bytes
        self.decodingBytes = decodingBytes
        self.rewrittenOffsets = rewrittenOffsets
    }

    /// Decodes `bytes`, retrying with rewrites of padded 0xFC sub-opcodes (bounded,
    /// so hostile input cannot make loading quadratic).
    static func decode(_ bytes: [UInt8]) throws(LoadError) -> Module {
        var decodingBytes = bytes
        var rewrittenOffsets: [UInt32: UInt32] = [:]
        while true {
            var decoder = ModuleDecoder(bytes: bytes, decodingBytes: decodingBytes, rewrittenOffsets: rewrittenOffsets)
            do {
                return try decoder.decode()
            } catch {
                guard let rewrite = decoder.overlongOpcode, rewrittenOffsets.count < 16 else { throw error }
                let count = rewrite.replacement.count
                decodingBytes.replaceSubrange(rewrite.offset..<rewrite.offset + count, with: rewrite.replacement)
                rewrittenOffsets[UInt32(rewrite.offset + count - 2)] = UInt32(rewrite.offset)
            }
        }
    }

    mutating func decode() throws(LoadError) -> Module {
        var parser = Parser(bytes: decodingBytes, features: webAssembly2Features)
        var invalidError: LoadError?
        while true {
            sectionOffset = parser.offset
            if sectionOffset < decodingBytes.count, decodingBytes[sectionOffset] == 0x0A { try checkLocalBudget() }
            let payload: ParsingPayload?
            do {
                payload = try parser.parseNext()
            } catch {
                throw LoadError(error, fallback: sectionOffset)
            }
            guard let payload else { break }
            // The whole module is decoded before it is validated: a malformed section after an
            // invalid one (e.g. out of order) makes it malformed (binary.wast), so the first
            // validation error waits while WasmParser decodes the rest.
            guard invalidError == nil else { continue }
            do {
                try decode(payload)
            } catch where error.kind == .invalid {
                invalidError = error
            }
        }
        if let invalidError { throw invalidError }
        sectionOffset = bytes.count
        guard sawCodeSection || definedFunctionTypes.isEmpty else {
            throw LoadError(.malformed, "function and code section have inconsistent lengths", offset: bytes.count)
        }
        if let count = context.dataCount, count != data.count {
            throw LoadError(.malformed, "data count and data section have inconsistent lengths", offset: bytes.count)
        }
        return Module(types: context.types, imports: imports, functionTypeIndices: context.functionTypeIndices,
                      functions: functions, tables: tables, memories: memories, globals: globals, exports: exports,
                      start: start, elements: elements, data: data, customSections: customSections,
                      functionNames: functionNames, localNames: localNames, globalNames: globalNames, bytes: bytes)
    }

    func invalid(_ message: String) -> LoadError { LoadError(.invalid, message, offset: sectionOffset) }

    mutating func decode(_ payload: ParsingPayload) throws(LoadError) {
        switch payload {
        case .header:
            break
        case .customSection(let section):
            decodeCustomSection(section)
        case .typeSection(let groups):
            for group in groups {
                guard group.types.count == 1, case .function(let type) = group.types[0].body else {
                    throw LoadError(.malformed, "malformed type: only function types exist in WebAssembly 2.0", offset: sectionOffset)
                }
                context.types.append(try FunctionType(decoded: type, offset: sectionOffset))
            }
        case .importSection(let entries):
            for entry in entries { try decodeImport(entry) }
        case .functionSection(let typeIndices):
            for index in typeIndices {
                guard index < context.types.count else { throw invalid("unknown type \(index)") }
                context.functionTypeIndices.append(index)
            }
            definedFunctionTypes = typeIndices
        case .tableSection(let entries):
            for entry in entries {
                guard entry.initializer == nil else { throw LoadError(.malformed, "malformed table", offset: sectionOffset) }
                let table = try tableType(entry.type)
                tables.append(table)
                context.tableTypes.append(table.elementType)
            }
        case .memorySection(let entries):
            for entry in entries { memories.append(try memoryType(entry.type)) }
        case .globalSection(let entries):
            for entry in entries {
                let type = try globalType(entry.type)
                let initializer = try constExpression(entry.initializer, type: type.valueType)
                globals.append(GlobalDefinition(type: type, initializer: initializer))
                context.globals.append(type)
            }
        case .tagSection:
            throw LoadError(.malformed, "exception handling is not supported", offset: sectionOffset)
        case .exportSection(let entries):
            try decodeExports(entries)
        case .startSection(let index):
            guard index < context.functionTypeIndices.count else { throw invalid("unknown function \(index)") }
            let type = context.types[Int(context.functionTypeIndices[Int(index)])]
            guard type.parameters.isEmpty, type.results.isEmpty else { throw invalid("start function must have type [] -> []") }
            start = index
        case .elementSection(let segments):
            try checkElementFlags()
            for segment in segments { try decodeElement(segment) }
        case .dataCount(let count):
            context.dataCount = Int(count)
        case .codeSection(let codes):
            try translate(codes)
        case .dataSection(let segments):
            for segment in segments { try decodeData(segment) }
        }
    }
}
