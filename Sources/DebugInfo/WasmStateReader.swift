/// What the debugger knows of the selected frame, for evaluating DWARF locations.
public protocol WasmStateReader {
    /// Raw bits of the frame's local `index` (parameters first).
    func local(_ index: Int) -> UInt64?
    func global(_ index: Int) -> UInt64?
    /// The frame's operand stack, counted from the bottom (`DW_OP_WASM_location 2 N` means the
    /// N-th value from the bottom of the frame's operand stack, as LLVM's WebAssembly backend emits it).
    func operand(_ indexFromBottom: Int) -> UInt64?
    func memory(_ address: UInt64, _ count: Int) -> [UInt8]?
    /// `count` (1...8) bytes of memory as a little-endian integer (a default reads `memory`).
    func load(_ address: UInt64, _ count: Int) -> UInt64?
}

extension WasmStateReader {
    /// `count` (1...8) bytes of memory as a little-endian integer; readers with direct access
    /// to memory answer without building an array (breakpoint conditions read at every hit).
    public func load(_ address: UInt64, _ count: Int) -> UInt64? {
        memory(address, count)?.littleEndianValue
    }
}
