/// What function bodies and constant expressions are validated against: the
/// module's index spaces (imports first), WebAssembly 2.0's context `C`.
final class ValidationContext {
    var types: [FunctionType] = []
    /// Type index of every function (imports first).
    var functionTypeIndices: [UInt32] = []
    /// Element type of every table (imports first).
    var tableTypes: [ValueType] = []
    var memoryCount = 0
    /// Every global (imports first).
    var globals: [GlobalType] = []
    var importedGlobalCount = 0
    var elementTypes: [ValueType] = []
    /// The data count section's value; nil when the section is absent.
    var dataCount: Int?
    /// `C.refs`: functions that `ref.func` may name in code (those referenced
    /// outside function bodies: element segments, global initializers, exports).
    var declaredFunctions: [Bool] = []

    /// Single-result block types, shared so that translating a block allocates nothing.
    let singleResults: [[ValueType]] = [[.i32], [.i64], [.f32], [.f64], [.funcref], [.externref], [.v128]]
}
