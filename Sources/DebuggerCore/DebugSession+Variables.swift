import WasmVM

extension DebugSession {
    /// `set local N VALUE` in the selected frame.
    func setVariable(_ what: String, index: Int, text: String) throws(CommandError) -> String {
        guard what == "local" else { throw CommandError("usage: set local N VALUE | set global N|NAME VALUE | set mem ADDR HEX | set fuel N") }
        let all = frames
        guard selectedFrame < all.count else { throw CommandError("no frame: the call is not under way") }
        let frame = all[selectedFrame]
        guard index < frame.locals.count else {
            throw CommandError("no local.\(index) in \(module.displayName(ofFunction: frame.location.function)) (it has \(frame.locals.count))")
        }
        let value = try parseValue(text, as: frame.locals[index].type)
        machine.setLocal(frame: all.count - 1 - selectedFrame, index: index, value)
        let name = localName(function: frame.location.function, index: index)
        let where_ = selectedFrame == 0 ? "" : " (frame \(selectedFrame))"
        record("set local \(index)\(where_) \(value.description)", edit: .set("local \(index) \(value.description)"),
               frame: selectedFrame == 0 ? nil : selectedFrame)
        return "\(name) = \(value.paneText(v128: v128Shape))"
    }
}
