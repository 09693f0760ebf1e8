import WasmVM

/// Global names (name section, `.wat` `$names`, exports) and `set global`.
extension DebugSession {
    /// `global.0 __stack_pointer`, or `global.3` when the module names it nowhere.
    func globalName(_ index: Int) -> String {
        "global.\(index)" + (module.displayName(ofGlobal: index).map { " \($0)" } ?? "")
    }

    /// A global from `N`, `global.N`, a name or `$name`; nil if there is no such global.
    func resolveGlobal(_ text: String) -> Int? {
        let count = machine.globals(of: instance).count
        var body = Substring(text)
        if body.hasPrefix("global.") { body = body.dropFirst(7) }
        if let n = Int(body) { return n >= 0 && n < count ? n : nil }
        let name = text.hasPrefix("$") ? String(text.dropFirst()) : text
        return (0 ..< count).first { module.displayName(ofGlobal: $0).map { $0.utf8.elementsEqual(name.utf8) } ?? false }
    }

    /// `set global N|NAME VALUE`: mutable globals only (an immutable one is a constant the code may have folded).
    func setGlobal(_ args: [String]) throws(CommandError) -> String {
        guard args.count == 3 else { throw CommandError("usage: set global N|NAME VALUE") }
        guard let index = resolveGlobal(args[1]) else {
            let count = machine.globals(of: instance).count
            throw CommandError("no global '\(args[1])' (\(count == 0 ? "the module has no globals" : "globals 0...\(count - 1), or a name globals shows"))")
        }
        guard let type = module.globalType(index) else { throw CommandError("no global '\(args[1])'") }
        guard type.isMutable else { throw CommandError("\(globalName(index)) is immutable: only mutable globals can be set") }
        try requireRunning()
        let value = try parseValue(args[2], as: type.valueType)
        machine.setGlobal(of: instance, index: index, value)
        record("set global \(index) \(value.description)", edit: .set("global \(index) \(value.description)"))
        return "\(globalName(index)) = \(value.paneText(v128: v128Shape))"
    }
}
