/// DWARF debug information of a WebAssembly module: lines, functions, variables
/// and types, read from the module's `.debug_*` custom sections. Addresses are
/// code-section offsets (DWARF for wasm); `codeSectionStart` turns them into the
/// module byte offsets the interpreter uses.
public enum DebugInfoNamespace {}
