import WasmVM

/// The plain-text output of the looking commands (batch mode prints these).
extension DebugSession {
    func stopText(_ stop: Stop) -> String {
        var lines: [String] = []
        let quiet: Set<String> = ["step", "next", "until", "finish", "goto", "reverse-step", "reverse-next"]
        switch stop.reason {
        case .moved(let name) where quiet.contains(name): break
        case .finished, .trap: break
        default: lines.append(stop.reason.text)
        }
        lines.append("\(statusLine), step \(machine.steps)")
        switch state {
        case .trapped(let trap):
            lines.append(trap.message + (machine.location.map { " at \(describe($0))\(sourceSuffix($0))" } ?? ""))
            if breakpoints[0].isEnabled, let line = currentInstructionLine() {
                if let source = currentSourceLine() { lines.append(source) }
                lines.append(line)
            }
        case .finished:
            if let results, !results.isEmpty { lines.append("returned " + results.map(\.description).joined(separator: ", ")) }
        case .paused:
            if let source = currentSourceLine() { lines.append(source) }
            if let line = currentInstructionLine() { lines.append(line) }
        case .notStarted:
            break
        }
        return (lines + stop.notes).joined(separator: "\n")
    }

    /// `=> 0x3a1  i32.add`
    func currentInstructionLine() -> String? {
        guard let location = machine.location else { return nil }
        let lines = disassembly(of: location.function)
        guard let line = lines.first(where: { $0.pc == location.pc }) else { return nil }
        return "=> 0x\(hex(UInt64(line.offset)))  \(line.text)"
    }

    func disassembly(of function: Int) -> [DisassembledInstruction] {
        if let cached = disassemblyCache[function] { return cached }
        let lines = function >= module.importedFunctionCount ? module.disassemble(function: function) : []
        disassemblyCache[function] = lines
        return lines
    }

    /// The selected frame (innermost first), if any.
    var selectedFrameInfo: FrameInfo? {
        let all = frames
        return selectedFrame < all.count ? all[selectedFrame] : all.first
    }

    /// How many operands the next instruction pops (only for the innermost frame).
    var popCount: Int {
        guard selectedFrame == 0, isRunning, let location = machine.location else { return 0 }
        if let call = upcomingHostCall() { return call.arguments.count }
        return module.popCount(function: location.function, pc: location.pc)
    }

    func stackText() throws(CommandError) -> String {
        guard let frame = selectedFrameInfo else { throw CommandError("no frame: the call is not under way") }
        if frame.operands.isEmpty { return "(empty stack)" }
        let pops = popCount
        return frame.operands.reversed().enumerated().map { k, value in
            "stack[\(k)]  \(value.paneText(v128: v128Shape))" + (k < pops ? "  <- popped next" : "")
        }.joined(separator: "\n")
    }

    func localName(function: Int, index: Int) -> String {
        let name = module.localNames[UInt32(function)]?[UInt32(index)]
        return "local.\(index)" + (name.map { " \($0)" } ?? "")
    }

    func localsText() throws(CommandError) -> String {
        guard let frame = selectedFrameInfo else { throw CommandError("no frame: the call is not under way") }
        if frame.locals.isEmpty { return "(no locals)" }
        return frame.locals.enumerated().map { i, value in
            "\(localName(function: frame.location.function, index: i))  \(value.paneText(v128: v128Shape))"
        }.joined(separator: "\n")
    }

    func globalsText() -> String {
        let globals = machine.globals(of: instance)
        if globals.isEmpty { return "(no globals)" }
        return globals.enumerated().map { "\(globalName($0.offset))  \($0.element.paneText(v128: v128Shape))" }.joined(separator: "\n")
    }

    func backtraceText() -> String {
        var lines: [String] = []
        if let call = upcomingHostCall() { lines.append("   host \(call.text) (about to be called)") }
        for (i, frame) in frames.enumerated() {
            let mark = i == selectedFrame ? "=>" : "  "
            for (k, text) in (sourceFrameLines(frame.location) ?? [describe(frame.location)]).enumerated() {
                lines.append("\(k == 0 ? mark : "  ") #\(i) \(text)")
            }
        }
        return lines.isEmpty ? "(no frames)" : lines.joined(separator: "\n")
    }

    /// An address inside the current memory, for `x` and `watch mem`.
    func memoryAddress(_ text: String, _ command: String) throws(CommandError) -> UInt64 {
        guard let memory = machine.memory(of: instance) else { throw CommandError("\(command): the module has no memory") }
        let size = UInt64(memory.byteCount)
        guard size > 0 else { throw CommandError("\(command): memory is empty (0 bytes)") }
        return try UserNumber.parse(text, "\(command): ADDR", in: 0...(size - 1), hex: true, note: "memory is \(size) bytes")
    }

    func memoryDump(_ address: UInt64, count: Int) throws(CommandError) -> String {
        guard let memory = machine.memory(of: instance) else { throw CommandError("x: the module has no memory") }
        guard address < UInt64(memory.byteCount) else {
            throw CommandError("x: 0x\(hex(address)) is outside memory (\(memory.byteCount) bytes)")
        }
        let bytes = memoryBytes(at: address, count: count)
        var lines: [String] = []
        var row = 0
        while row < bytes.count {
            let chunk = bytes[row ..< min(row + 16, bytes.count)]
            let hexText = chunk.map { hex(UInt64($0), digits: 2) }.joined(separator: " ")
            let padded = hexText + String(repeating: " ", count: 47 - hexText.count)
            let ascii = String(chunk.map { $0 >= 0x20 && $0 < 0x7f ? Character(UnicodeScalar($0)) : "." })
            lines.append("0x\(hex(address + UInt64(row), digits: 8))  \(padded)  |\(ascii)|")
            row += 16
        }
        if bytes.count < count {
            lines.append("(\(bytes.count) of \(count) bytes: memory ends at 0x\(hex(UInt64(memory.byteCount))))")
        }
        return lines.joined(separator: "\n")
    }

    var isDraftDiscarded: Bool {
        if target.draftSections().isEmpty { return false }
        switch state {
        case .trapped: return true
        case .finished(let outcome): return outcome.status != "success"
        default: return false
        }
    }

    /// `title: entry` lines, for marking what is new.
    func draftLines() -> [String] {
        target.draftSections().flatMap { section in section.entries.map { "\(section.title): \($0.text)" } }
    }

    func draftText() -> String {
        let sections = target.draftSections()
        if sections.isEmpty { return "(no draft: this is a bare module call)" }
        var lines = isDraftDiscarded ? ["draft (discarded)"] : []
        for section in sections {
            if section.entries.isEmpty { lines.append("\(section.title): (none)"); continue }
            lines.append("\(section.title):")
            for entry in section.entries {
                lines.append((previousDraft.contains("\(section.title): \(entry.text)") ? "    " : "  + ") + entry.text)
            }
        }
        return lines.joined(separator: "\n")
    }

    func hostLogText() -> String {
        let log = target.hostLog()
        var lines = log.enumerated().map { "\($0.offset + 1). \($0.element.text)" }
        if let call = upcomingHostCall() { lines.append("next: \(call.text)") }
        return lines.isEmpty ? "(no host calls yet)" : lines.joined(separator: "\n")
    }

    /// Functions `fuel` lists (most self fuel first); `profile` lists them all.
    static let fuelTextRows = 10

    func fuelText() -> String {
        ensureLastStep()
        var text = "fuel used \(machine.fuelUsed) of \(machine.fuelLimit), last step cost \(lastCost)"
        if changes.contains(where: \.isFuel) { text += " (limit changed by set fuel)" }
        let profile = fuelProfile()
        if !profile.rows.isEmpty { text += "\n" + profile.table(limit: Self.fuelTextRows).dropLast() }
        return text
    }

    /// An index, `func[N]`, or a name (raw, demangled, or a unique `::`-suffix: `parse_amount`).
    func resolveFunction(_ text: String) throws(CommandError) -> Int? {
        let total = module.importedFunctionCount + module.functions.count
        if let n = Int(text), n >= 0, n < total { return n }
        if text.hasPrefix("func["), text.hasSuffix("]"), let n = Int(text.dropFirst(5).dropLast()), n >= 0, n < total { return n }
        let matches = module.functions(named: text)
        guard matches.count > 1 else { return matches.first }
        let listed = matches.prefix(4).map { "\(module.displayName(ofFunction: $0)) (func \($0))" }.joined(separator: ", ")
        throw CommandError("'\(text)' is ambiguous: \(listed)\(matches.count > 4 ? ", …" : "") (\(matches.count) functions; give the raw name or func N)")
    }

    func disassemblyText(_ argument: String) throws(CommandError) -> String {
        let function: Int
        if argument.isEmpty {
            guard let location = selectedFrameInfo?.location ?? machine.location else { throw CommandError("usage: disassemble FUNC (no current function)") }
            function = location.function
        } else {
            guard let f = try resolveFunction(argument) else { throw CommandError("no function '\(argument)'") }
            function = f
        }
        guard function >= module.importedFunctionCount else { throw CommandError("\(module.displayName(ofFunction: function)) is a host function") }
        let current = isRunning || breakpoints[0].isEnabled ? selectedFrameInfo?.location : nil
        let marked = Set(breakpoints.filter(\.isEnabled).flatMap { bp in bp.locations.filter { $0.function == function }.map(\.pc) })
        var lines = ["\(module.displayName(ofFunction: function)) (func \(function)) \(module.functionType(function))"]
        for line in disassembly(of: function) {
            let here = current.map { $0.function == function && line.pc == $0.pc } ?? false
            let bp = line.pc.map(marked.contains) ?? false
            lines.append("\(here ? "=>" : "  ")\(bp ? "*" : " ") 0x\(hex(UInt64(line.offset)))  \(String(repeating: "  ", count: line.depth))\(line.text)")
        }
        return lines.joined(separator: "\n")
    }

    func moduleInfo() -> String {
        var lines: [String] = []
        var k = 0
        for imp in module.imports {
            switch imp.descriptor {
            case .function(let t):
                lines.append("import func \(k) \(imp.module).\(imp.name) \(module.types[Int(t)])"); k += 1
            case .memory(let m): lines.append("import \(imp.module).\(imp.name) \(ExternalType.memory(m))")
            case .table(let t): lines.append("import \(imp.module).\(imp.name) \(ExternalType.table(t))")
            case .global(let g): lines.append("import \(imp.module).\(imp.name) \(ExternalType.global(g))")
            }
        }
        for (i, f) in module.functions.enumerated() {
            let index = module.importedFunctionCount + i
            lines.append("func \(index) \(module.displayName(ofFunction: index)) \(module.functionType(index)) \(f.bodyRange.count) bytes at 0x\(hex(UInt64(f.bodyRange.lowerBound)))")
        }
        for m in module.memories { lines.append(ExternalType.memory(m).description) }
        for e in module.exports { lines.append("export \(e.kind.rawValue) \(e.name) = \(e.index)") }
        return lines.map(Module.printable).joined(separator: "\n")
    }

    func breakpointList() -> String {
        var lines = ["ID  type         enabled  hits  what"]
        for bp in breakpoints {
            let id = String(bp.id).padding(4), type = bp.typeName.padding(13), enabled = (bp.isEnabled ? "yes" : "no").padding(9)
            let hits = String(bp.hits).padding(6)
            var what = bp.kind.describe(in: module)
            switch bp.kind {
            case .function, .line:
                what += " at " + bp.locations.map { location in
                    let offset = functionOffset(location.function, location.pc)
                    let row = sources.info?.line(at: offset)
                    return "offset 0x\(hex(UInt64(offset)))" + (row.map { " (\(sourcePosition($0)))" } ?? "")
                }.joined(separator: ", ")
            default: break
            }
            if let condition = bp.condition {
                what += "  if \(condition.text)"
                if condition.usesHits { what += " (reached \(bp.arrivals.value) time\(bp.arrivals.value == 1 ? "" : "s"))" }
            }
            lines.append(id + type + enabled + hits + what)
        }
        return lines.joined(separator: "\n")
    }

    func functionOffset(_ function: Int, _ pc: Int) -> Int {
        let defined = function - module.importedFunctionCount
        return Int(module.functions[defined].offsets[pc])
    }

    func helpText(_ argument: String) throws(CommandError) -> String {
        if argument.isEmpty {
            return Self.commands.map { command in
                let aliases = command.aliases.isEmpty ? "" : " [\(command.aliases.joined(separator: ", "))]"
                return "\(command.usage)\(aliases)\n    \(command.help)"
            }.joined(separator: "\n")
        }
        guard let name = Self.resolve(argument), let command = Self.commands.first(where: { $0.name == name }) else {
            throw CommandError("help: unknown command '\(argument)'")
        }
        let aliases = command.aliases.isEmpty ? "" : "\nabbreviations: \(command.aliases.joined(separator: ", "))"
        return "\(command.usage)\n\(command.help)\(aliases)"
    }
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self + " " : self + String(repeating: " ", count: width - count) }
}
