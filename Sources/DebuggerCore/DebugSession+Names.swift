import WasmVM

/// `set print demangle on|off` (gdb's setting): Rust and C++ names demangled
/// (`vault::parse_amount`) or raw (`_ZN5vault12parse_amount17h…E`) everywhere the
/// session shows a function name. A display setting: the execution is unchanged.
extension DebugSession {
    func setPrint(_ args: [String]) throws(CommandError) -> String {
        guard args.count == 2, args[0] == "demangle", let on = ["on": true, "off": false][args[1]] else {
            throw CommandError("usage: set print demangle on|off")
        }
        module = module.withNames(demangled: on)
        // Disassembly text holds call targets' names.
        disassemblyCache = [:]
        invalidate()
        return "print demangle is \(on ? "on" : "off")"
    }
}
