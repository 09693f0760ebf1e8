import WAT

extension Module {
    /// Decodes (WasmParser), validates (WebAssembly 2.0 without SIMD) and translates a binary module.
    public static func load(binary bytes: [UInt8]) throws(LoadError) -> Module {
        try ModuleDecoder.decode(bytes)
    }

    /// Converts text (WAT) to binary, then `load(binary:)`. Text errors carry line:column.
    public static func load(text: String) throws(LoadError) -> Module {
        try TextNesting.check(text)
        let bytes: [UInt8]
        do {
            bytes = try wat2wasm(text, features: webAssembly2Features, options: EncodeOptions(nameSection: true))
        } catch {
            throw LoadError(error)
        }
        return try load(binary: bytes)
    }

    /// Static operand types at `pc` of a defined or imported-space `function` (bottom first),
    /// derived by re-validating the body up to there: the debugger's typed stack.
    public func operandTypes(function: Int, pc: Int) -> [ValueType] { inspect(function: function, pc: pc)?.types ?? [] }

    /// How many operands the instruction at `pc` pops (the stack pane marks them).
    public func popCount(function: Int, pc: Int) -> Int { inspect(function: function, pc: pc)?.popCount ?? 0 }

    /// Disassembly of a defined function: one line per wasm instruction, with its byte offset
    /// and the `code` index it maps to (nil for instructions that translate to nothing).
    public func disassemble(function: Int) -> [DisassembledInstruction] { disassembly(function: function) }
}

public struct DisassembledInstruction: Hashable, Sendable {
    public var offset: Int
    public var text: String            // e.g. "i32.load offset=8", "call 3 <transfer>"
    public var depth: Int              // block nesting, for indentation
    public var pc: Int?                // index into CompiledFunction.code
    public init(offset: Int, text: String, depth: Int, pc: Int?) { self.offset = offset; self.text = text; self.depth = depth; self.pc = pc }
}
