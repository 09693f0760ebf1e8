import WasmVM

extension DebugSession {
    /// `set local N VALUE` (selected frame) and `set global N VALUE`.
    func setVariable(_ what: String, index: Int, text: String) throws(CommandError) -> String {
        throw CommandError("set \(what) is not supported by the interpreter yet")
    }
}
