import WasmVM

/// `break`, `watch`, `condition`, `delete`, `disable`, `enable`.
extension DebugSession {
    func addBreakpoint(_ args: [String]) throws(CommandError) -> String {
        let usage = "usage: break FUNC | break FILE:LINE | break 0xOFFSET | break host NAME|* | break trap | break fuel N"
        guard let first = args.first else { throw CommandError(usage) }
        var bp: Breakpoint
        switch first {
        case "host":
            guard args.count == 2 else { throw CommandError("usage: break host NAME (an import name, or * for all)") }
            var name = args[1]
            if name != "*" {
                if let dot = name.lastIndex(of: "."), !hostFunctionNames.contains(name) { name = String(name[name.index(after: dot)...]) }
                guard hostFunctionNames.contains(name) else {
                    let known = hostFunctionNames.isEmpty ? "it imports no host functions" : "it imports \(hostFunctionNames.joined(separator: ", "))"
                    throw CommandError("the module does not import '\(args[1])' (\(known))")
                }
            }
            bp = Breakpoint(id: nextBreakpointID, kind: .host(name: name))
        case "trap":
            guard args.count == 1 else { throw CommandError(usage) }
            // The trap breakpoint always exists (id 0): re-enable it.
            breakpoints[0].isEnabled = true
            return "breakpoint 0: any trap (enabled)"
        case "fuel":
            guard args.count == 2 else { throw CommandError("usage: break fuel N (used fuel, a non-negative integer)") }
            let n = try UserNumber.parse(args[1], "break fuel: N", in: 0...UInt64.max)
            bp = Breakpoint(id: nextBreakpointID, kind: .fuel(n))
        default:
            guard args.count == 1 else { throw CommandError(usage) }
            if first.contains(":") && !first.hasSuffix(":") && Int(first.split(separator: ":").last!) != nil {
                return try addLineBreakpoint(first)
            }
            if first.hasPrefix("0x") || first.hasPrefix("0X") {
                let offset = try UserNumber.parse(first, "break: OFFSET", in: 0...UInt64(UInt32.max), hex: true)
                guard let location = codeLocation(atOffset: Int(offset)) else {
                    throw CommandError("no instruction at module offset 0x\(hex(UInt64(offset))) (see disassemble)")
                }
                bp = Breakpoint(id: nextBreakpointID, kind: .offset(functionOffset(location.function, location.pc)))
                bp.locations = [location]
            } else {
                guard let function = try resolveFunction(first) ?? resolveSourceFunction(first) else {
                    throw CommandError("no function '\(first)' (a name, an export or an index)")
                }
                guard function >= module.importedFunctionCount else {
                    throw CommandError("\(module.displayName(ofFunction: function)) is a host function: use break host \(importName(ofFunction: function)?.name ?? first)")
                }
                bp = Breakpoint(id: nextBreakpointID, kind: .function(index: function))
                // After the prologue when the function has line info, as gdb does.
                let entry = afterPrologue(function: function)
                bp.locations = [(function, entry?.pc ?? 0)]
            }
        }
        nextBreakpointID += 1
        breakpoints.append(bp)
        return "breakpoint \(bp.id): \(bp.kind.describe(in: module))"
    }

    /// The instruction at (or, inside an instruction that translates to nothing, just after) a module offset.
    func codeLocation(atOffset offset: Int) -> (function: Int, pc: Int)? {
        for (i, f) in module.functions.enumerated() where f.bodyRange.contains(offset) {
            guard let pc = f.offsets.firstIndex(where: { Int($0) >= offset }) else { return nil }
            // Only instruction starts are accepted: the offset must be one the disassembly shows.
            let function = module.importedFunctionCount + i
            guard disassembly(of: function).contains(where: { $0.offset == offset }) else { return nil }
            return (function, pc)
        }
        return nil
    }

    func addWatch(_ args: [String], rest: String) throws(CommandError) -> String {
        let usage = "usage: watch mem ADDR LEN | watch state KEY"
        guard let kind = args.first else { throw CommandError(usage) }
        let bp: Breakpoint
        switch kind {
        case "mem", "memory":
            guard args.count == 3 else { throw CommandError("usage: watch mem ADDR LEN (LEN > 0)") }
            guard machine.memory(of: instance) != nil else { throw CommandError("the module has no memory to watch") }
            // Only memory that exists can be written: a range past the end would never fire.
            let address = try memoryAddress(args[1], "watch mem")
            let size = UInt64(machine.memory(of: instance)!.byteCount)
            let length = try UserNumber.parse(args[2], "watch mem: LEN", in: 1...(size - address),
                                            note: "memory is \(size) bytes")
            bp = Breakpoint(id: nextBreakpointID, kind: .memory(address: address, length: length))
        case "state":
            let key = rest.splitFirstWord.1
            guard !key.isEmpty else { throw CommandError("usage: watch state KEY") }
            bp = Breakpoint(id: nextBreakpointID, kind: .state(key: Array(unquote(key).utf8)))
        default:
            throw CommandError(usage)
        }
        nextBreakpointID += 1
        breakpoints.append(bp)
        return "watch \(bp.id): \(bp.kind.describe(in: module))"
    }

    func unquote(_ text: String) -> String {
        if text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") { return String(text.dropFirst().dropLast()) }
        return text
    }

    func setCondition(_ args: [String], rest: String) throws(CommandError) -> String {
        guard let first = args.first else { throw CommandError("usage: condition ID [EXPR]") }
        guard let id = Int(first), id >= 0 else { throw CommandError("condition: '\(first)' is not a breakpoint ID (info breakpoints lists them)") }
        guard let index = breakpoints.firstIndex(where: { $0.id == id }) else { throw CommandError("no breakpoint \(id)") }
        let expression = rest.splitFirstWord.1
        if id == 0 && !expression.isEmpty { throw CommandError("breakpoint 0 (trap) takes no condition: a trap always ends the call") }
        if expression.isEmpty {
            breakpoints[index].condition = nil
            return "breakpoint \(id) is now unconditional"
        }
        breakpoints[index].condition = try compileCondition(expression, for: breakpoints[index])
        return "breakpoint \(id) stops only if \(expression)"
    }

    /// `break LOCATION if EXPR`, `watch … if EXPR`: the command, then the condition (nil without `if`).
    /// `if` counts only as a whole word outside quotes.
    static func splitCondition(_ rest: String) -> (command: String, condition: String?) {
        let chars = Array(rest)
        var quoted = false
        var i = 0
        while i < chars.count {
            if chars[i] == "\"" { quoted.toggle() }
            if !quoted, chars[i] == "i", i + 1 < chars.count, chars[i + 1] == "f",
               i == 0 || chars[i - 1] == " " || chars[i - 1] == "\t",
               i + 2 == chars.count || chars[i + 2] == " " || chars[i + 2] == "\t" {
                return (String(chars[..<i]).trimmingWhitespace, String(chars[(i + 2)...]).trimmingWhitespace)
            }
            i += 1
        }
        return (rest, nil)
    }

    /// Adds a breakpoint or watch (`add`), then its condition; a bad condition removes it again.
    func addConditional(_ what: String, _ rest: String, _ add: (_ args: [String], _ rest: String) throws(CommandError) -> String) throws(CommandError) -> String {
        let (command, condition) = Self.splitCondition(rest)
        let args = command.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let condition else { return try add(args, command) }
        guard !condition.isEmpty else { throw CommandError("usage: \(what) … if EXPR (EXPR: see help condition)") }
        if what == "break" && args == ["trap"] { throw CommandError("breakpoint 0 (trap) takes no condition: a trap always ends the call") }
        let (savedCount, savedID) = (breakpoints.count, nextBreakpointID)
        let output = try add(args, command)
        guard breakpoints.count == savedCount + 1 else { return output }
        do throws(CommandError) {
            breakpoints[savedCount].condition = try compileCondition(condition, for: breakpoints[savedCount])
        } catch {
            breakpoints.removeLast()
            nextBreakpointID = savedID
            throw error
        }
        return output + " if " + condition
    }

    func editBreakpoints(_ command: String, _ args: [String]) throws(CommandError) -> String {
        var ids: [Int] = []
        for arg in args {
            guard let id = Int(arg), breakpoints.contains(where: { $0.id == id }) else { throw CommandError("no breakpoint \(arg)") }
            ids.append(id)
        }
        if ids.isEmpty {
            guard command == "delete" else { throw CommandError("usage: \(command) ID...") }
            let count = breakpoints.count - 1
            breakpoints.removeSubrange(1...)
            return "deleted \(count) breakpoint\(count == 1 ? "" : "s")"
        }
        switch command {
        case "delete":
            if ids.contains(0) { throw CommandError("breakpoint 0 (trap) cannot be deleted; disable 0 turns it off") }
            breakpoints.removeAll { ids.contains($0.id) }
            return "deleted " + ids.map { "breakpoint \($0)" }.joined(separator: ", ")
        default:
            let enable = command == "enable"
            for i in breakpoints.indices where ids.contains(breakpoints[i].id) { breakpoints[i].isEnabled = enable }
            return (enable ? "enabled " : "disabled ") + ids.map { "breakpoint \($0)" }.joined(separator: ", ")
        }
    }
}
