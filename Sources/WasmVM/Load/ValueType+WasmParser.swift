import WasmParser
import WasmTypes

extension ValueType {
    /// Maps a decoded value type to the WebAssembly 2.0 set, refusing post-2.0 references.
    init(decoded type: WasmTypes.ValueType, offset: Int) throws(LoadError) {
        switch type {
        case .i32: self = .i32
        case .i64: self = .i64
        case .f32: self = .f32
        case .f64: self = .f64
        case .v128: self = .v128
        case .ref(let reference): self = try ValueType(decoded: reference, offset: offset)
        }
    }

    init(decoded reference: ReferenceType, offset: Int) throws(LoadError) {
        guard reference.isNullable else { throw LoadError(.malformed, "malformed reference type (non-nullable)", offset: offset) }
        self = try ValueType(decoded: reference.heapType, offset: offset)
    }

    init(decoded heapType: HeapType, offset: Int) throws(LoadError) {
        switch heapType {
        case .abstract(.funcRef): self = .funcref
        case .abstract(.externRef): self = .externref
        default: throw LoadError(.malformed, "malformed reference type", offset: offset)
        }
    }
}

extension FunctionType {
    init(decoded type: WasmTypes.FunctionType, offset: Int) throws(LoadError) {
        var parameters: [ValueType] = []
        parameters.reserveCapacity(type.parameters.count)
        for p in type.parameters { parameters.append(try ValueType(decoded: p, offset: offset)) }
        var results: [ValueType] = []
        results.reserveCapacity(type.results.count)
        for r in type.results { results.append(try ValueType(decoded: r, offset: offset)) }
        self.init(parameters: parameters, results: results)
    }
}
