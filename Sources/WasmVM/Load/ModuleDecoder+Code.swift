import WasmParser

extension ModuleDecoder {
    mutating func translate(_ codes: [Code]) throws(LoadError) {
        sawCodeSection = true
        guard codes.count == definedFunctionTypes.count else {
            throw LoadError(.malformed, "function and code section have inconsistent lengths", offset: sectionOffset)
        }
        context.declaredFunctions = declaredFunctions()
        let ranges = bodyRanges(count: codes.count)
        functions.reserveCapacity(codes.count)
        guard !codes.isEmpty else { return }
        var translator = FunctionTranslator(context: context, typeIndex: Int(definedFunctionTypes[0]), locals: [])
        let typeArity = context.types.map { (params: $0.parameters.slotCount, results: $0.results.slotCount) }
        let functionArity = context.functionTypeIndices.map { typeArity[Int($0)] }
        for (i, code) in codes.enumerated() {
            let typeIndex = definedFunctionTypes[i]
            var locals: [ValueType] = []
            locals.reserveCapacity(code.locals.count)
            for local in code.locals {
                locals.append(try ValueType(decoded: local, offset: ranges[i].lowerBound))
            }
            translator.begin(typeIndex: Int(typeIndex), locals: locals, expectedInstructions: code.expression.count / 3)
            var parser = ExpressionParser(code: code)
            var failedAt = -1
            do {
                try Self.run(&parser, &translator, failedAt: &failedAt)
            } catch {
                if failedAt >= 0 { overlongOpcode = Self.overlongPrefixedOpcode(in: decodingBytes, at: failedAt) }
                throw error
            }
            var function = try translator.compiled(typeIndex: typeIndex, declaredLocals: locals, bodyRange: ranges[i])
            if !rewrittenOffsets.isEmpty {
                for j in function.offsets.indices { function.offsets[j] = rewrittenOffsets[function.offsets[j]] ?? function.offsets[j] }
            }
            function.fast = FastCompiler.compile(function, paramCount: typeArity[Int(typeIndex)].params,
                                                 functionArity: functionArity, typeArity: typeArity)
            functions.append(function)
        }
    }

    /// Feeds every instruction of a body to the translator, mapping decoding errors.
    /// `failedAt` receives the offset of an instruction WasmParser could not decode.
    /// Decoding errors inside a body are reported at the instruction's offset (WasmParser's
    /// own offsets there count from the start of the body's code).
    static func run(_ parser: inout ExpressionParser, _ translator: inout FunctionTranslator,
                    failedAt: inout Int) throws(LoadError) {
        while true {
            let visit: ExpressionParser.Visit?
            let start = parser.offset
            do {
                visit = try parser.parse()
            } catch {
                failedAt = start
                var mapped = LoadError(error, fallback: start)
                mapped.offset = start
                throw mapped
            }
            guard let visit else { return }
            guard !translator.isFinished else {
                throw LoadError(.malformed, "operators remaining after end of function", offset: start)
            }
            translator.willVisit()
            try visit(visitor: &translator)
        }
    }

    /// `C.refs`: functions referenced by element segments, global initializers or exports.
    func declaredFunctions() -> [Bool] {
        var declared = [Bool](repeating: false, count: context.functionTypeIndices.count)
        func note(_ e: ConstExpression) { if case .refFunc(let i) = e, i < declared.count { declared[Int(i)] = true } }
        for segment in elements { segment.items.forEach(note) }
        for global in globals { note(global.initializer) }
        for export in exports where export.kind == .function { declared[Int(export.index)] = true }
        return declared
    }

    /// Byte ranges of the bodies (locals and code), read from the code section's size prefixes.
    func bodyRanges(count: Int) -> [Range<Int>] {
        var reader = LEBReader(bytes: bytes, position: sectionOffset + 1)
        _ = reader.read()                      // section size
        _ = reader.read()                      // body count
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(count)
        for _ in 0..<count {
            let size = reader.read()
            let start = reader.position
            ranges.append(min(start, bytes.count)..<min(start + size, bytes.count))
            reader.position = start + size
        }
        return ranges
    }
}

/// Reads unsigned LEB128 values (u32 encodings: at most 5 bytes, so sums cannot overflow)
/// for the loader's own scans; never reads out of bounds.
struct LEBReader {
    let bytes: [UInt8]
    var position: Int

    mutating func read() -> Int {
        var result = 0, shift = 0
        while position < bytes.count, shift < 35 {
            let byte = bytes[position]
            position += 1
            result |= Int(byte & 0x7f) << shift
            if byte & 0x80 == 0 { break }
            shift += 7
        }
        return result
    }
}

extension ModuleDecoder {
    /// WasmParser reads the 0xFC prefix's sub-opcode as one byte, but the binary format
    /// makes it a u32 LEB128 that may be padded (`fc 80 00` is `i32.trunc_sat_f32_s`).
    /// For such an instruction at `offset`, returns the same-length rewrite WasmParser
    /// accepts: `nop`s, then `0xFC` and the one-byte sub-opcode (immediates unchanged).
    static func overlongPrefixedOpcode(in bytes: [UInt8], at offset: Int) -> (offset: Int, replacement: [UInt8])? {
        guard offset + 2 < bytes.count, bytes[offset] == 0xFC, bytes[offset + 1] & 0x80 != 0 else { return nil }
        var value: UInt32 = 0, length = 0
        while true {
            guard length < 5, offset + 1 + length < bytes.count else { return nil }
            let byte = bytes[offset + 1 + length]
            if length == 4, byte & 0x70 != 0 { return nil }   // more than 32 bits
            value |= UInt32(byte & 0x7f) << (7 * length)
            length += 1
            if byte & 0x80 == 0 { break }
        }
        guard value < 0x80 else { return nil }
        return (offset, [UInt8](repeating: 0x01, count: length - 1) + [0xFC, UInt8(value)])
    }
}
