import WasmVM

/// The command language: one line in, printed text out. A bad command gets a
/// one-line error and leaves the session unchanged.
extension DebugSession {
    /// Commands and their abbreviations (gdb/lldb style). Any unique prefix of a name works too.
    static let commands: [(name: String, aliases: [String], usage: String, help: String)] = [
        ("run", ["r"], "run", "restart from the first instruction (same as restart)"),
        ("restart", [], "restart", "back to the first instruction, fresh host state; drops set changes"),
        ("continue", ["c", "cont"], "continue", "run until a breakpoint, a watch, a trap or the end"),
        ("step", ["s", "si", "stepi"], "step [N]", "execute N instructions (default 1), into calls"),
        ("next", ["n", "ni", "nexti"], "next", "execute one instruction, over calls (host calls included)"),
        ("finish", ["fin"], "finish", "run until the current function returns"),
        ("reverse-step", ["rs"], "reverse-step [N]", "go back N instructions (default 1)"),
        ("reverse-continue", ["rc"], "reverse-continue", "go back to the previous breakpoint or watch hit"),
        ("goto", [], "goto STEP", "go to the state before executed instruction STEP (0 = start)"),
        ("break", ["b", "br"], "break FUNC | 0xOFFSET | host NAME|* | trap | fuel N",
         "set a breakpoint (function entry by name or index, module byte offset, host call, trap, fuel used)"),
        ("watch", ["w"], "watch mem ADDR LEN | watch state KEY", "stop after a write to memory or a state key"),
        ("condition", ["cond"], "condition ID [EXPR]",
         "stop at breakpoint ID only when EXPR holds (local.N, global.N, stack[K], fuel, argument names; == != < <= > >= && ||); no EXPR removes it"),
        ("info", ["i"], "info breakpoints | info module", "list breakpoints, or describe the module"),
        ("delete", ["d"], "delete [ID...]", "delete breakpoints (all but trap when no ID)"),
        ("disable", ["dis"], "disable ID...", "disable breakpoints"),
        ("enable", ["en"], "enable ID...", "enable breakpoints"),
        ("stack", ["st"], "stack", "operand stack of the selected frame, top first"),
        ("locals", [], "locals", "params and locals of the selected frame"),
        ("globals", [], "globals", "the instance's globals"),
        ("backtrace", ["bt", "where"], "backtrace", "call frames, innermost first"),
        ("frame", ["f"], "frame N", "select frame N of the backtrace for stack and locals"),
        ("x", [], "x ADDR [LEN]", "memory as hex and ASCII (LEN default 64)"),
        ("draft", [], "draft", "the transaction draft"),
        ("hostlog", ["hl"], "hostlog", "host calls made so far"),
        ("state", [], "state [KEY|PREFIX*]",
         "contract state as a read would see it now (snapshot overlaid with the draft), read/written keys first and marked"),
        ("utxos", [], "utxos [ADDR] [TOKEN]",
         "UTXOs as a transfer would see them now: the snapshot's and the draft's outputs, spent ones marked; with ADDR its balance"),
        ("fuel", [], "fuel", "fuel used, limit, last step's cost"),
        ("disassemble", ["disas"], "disassemble [FUNC]", "disassembly of a function (default: the current one)"),
        ("set", [], "set local N VALUE | set global N|NAME VALUE | set mem ADDR HEX | set fuel N",
         "change the state (recorded: the run no longer matches the snapshot); set global: mutable globals only"),
        ("save", [], "save FILE", "write a snapshot reproducing this run, with its outcome as expect"),
        ("echo", [], "echo TEXT", "print TEXT"),
        ("help", ["h", "?"], "help [CMD]", "list commands, or describe one"),
        ("quit", ["q", "exit"], "quit", "leave the debugger"),
    ]

    /// The full command name for what the user typed, or nil.
    static func resolve(_ word: String) -> String? {
        if let exact = commands.first(where: { $0.name == word || $0.aliases.contains(word) }) { return exact.name }
        let matches = commands.filter { $0.name.hasPrefix(word) }
        return matches.count == 1 ? matches[0].name : nil
    }

    public func execute(_ command: String) -> CommandResult {
        let line = command.trimmingWhitespace
        if line.isEmpty { return CommandResult(output: "") }
        let (word, rest) = line.splitFirstWord
        guard let name = Self.resolve(word) else {
            let matches = Self.commands.filter { $0.name.hasPrefix(word) }.map(\.name)
            if matches.count > 1 { return CommandResult(output: "ambiguous command '\(word)': \(matches.joined(separator: ", "))", isError: true) }
            return CommandResult(output: "unknown command '\(word)' (try help)", isError: true)
        }
        do throws(CommandError) {
            let output = try run(name, arguments: rest)
            invalidate()
            return CommandResult(output: output, quit: name == "quit")
        } catch {
            return CommandResult(output: error.message, isError: true)
        }
    }

    private func run(_ name: String, arguments rest: String) throws(CommandError) -> String {
        let args = rest.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        func noArguments() throws(CommandError) {
            if !args.isEmpty { throw CommandError("\(name) takes no arguments") }
        }
        switch name {
        case "run", "restart":
            try noArguments()
            return move { restart(); return Stop(reason: "restarted") }
        case "continue":
            try noArguments()
            try requireRunning()
            return move { var hits: [(step: UInt64, stop: Stop)] = []; return runForward(goal: .breakpoints, hits: &hits) }
        case "step":
            let count = try optionalCount(args, name)
            try requireRunning()
            return move {
                var hits: [(step: UInt64, stop: Stop)] = []
                return runForward(goal: .step(machine.steps + count), hits: &hits)
            }
        case "next":
            try noArguments()
            try requireRunning()
            return move { stepOver() }
        case "finish":
            try noArguments()
            try requireRunning()
            return move { finishFrame() }
        case "reverse-step":
            let count = try optionalCount(args, name)
            var trapped = false
            if case .trapped = state { trapped = true }
            if !trapped && machine.steps == 0 { throw CommandError("already at the start (step 0)") }
            return move {
                var origin = machine.steps
                var remaining = count
                if trapped {
                    // Just before the trapping instruction (whether or not the trap counted it as a step).
                    travel(to: origin)
                    if case .trapped = state { travel(to: origin - 1); origin -= 1 }
                    remaining -= 1
                }
                if remaining > 0 { travel(to: origin >= remaining ? origin - remaining : 0) }
                return Stop(reason: "reverse-step")
            }
        case "reverse-continue":
            try noArguments()
            if reverseOrigin == 0 { throw CommandError("already at the start (step 0)") }
            return move { reverseContinue() }
        case "goto":
            guard args.count == 1, let step = UInt64(args[0]) else { throw CommandError("usage: goto STEP (a step number)") }
            return move {
                travel(to: step)
                if machine.steps < step { return Stop(reason: "the call ends at step \(machine.steps)") }
                return Stop(reason: "goto")
            }
        case "break": return try addBreakpoint(args)
        case "watch": return try addWatch(args, rest: rest)
        case "condition": return try setCondition(args, rest: rest)
        case "delete", "disable", "enable": return try editBreakpoints(name, args)
        case "info":
            guard args.count == 1 else { throw CommandError("usage: info breakpoints | info module") }
            if "breakpoints".hasPrefix(args[0]) { return breakpointList() }
            if "module".hasPrefix(args[0]) { return moduleInfo() }
            throw CommandError("usage: info breakpoints | info module")
        case "stack": try noArguments(); return try stackText()
        case "locals": try noArguments(); return try localsText()
        case "globals": try noArguments(); return globalsText()
        case "backtrace": try noArguments(); return backtraceText()
        case "frame":
            guard args.count == 1, let n = Int(args[0]), n >= 0 else { throw CommandError("usage: frame N") }
            let count = frames.count
            guard n < count else { throw CommandError(count == 0 ? "no frames" : "no frame \(n) (frames 0...\(count - 1))") }
            selectedFrame = n
            return backtraceText().split(separator: "\n").map(String.init).first { $0.hasPrefix("#\(n) ") || $0.hasPrefix("=> #\(n) ") } ?? ""
        case "x":
            guard (1...2).contains(args.count), let address = parseInteger(args[0]), address >= 0 else { throw CommandError("usage: x ADDR [LEN]") }
            var length: Int64 = 64
            if args.count == 2 {
                guard let n = parseInteger(args[1]), n > 0, n <= 65536 else { throw CommandError("x: LEN must be 1...65536") }
                length = n
            }
            return try memoryDump(UInt64(address), count: Int(length))
        case "draft": try noArguments(); return draftText()
        case "hostlog": try noArguments(); return hostLogText()
        case "state": return try stateText(rest.trimmingWhitespace)
        case "utxos": return try utxosText(args)
        case "fuel": try noArguments(); return fuelText()
        case "disassemble": return try disassemblyText(rest.trimmingWhitespace)
        case "set": return try setCommand(args)
        case "save":
            let path = rest.trimmingWhitespace
            guard !path.isEmpty else { throw CommandError("usage: save FILE") }
            return try save(to: path)
        case "echo": return rest.trimmingWhitespace
        case "help": return try helpText(rest.trimmingWhitespace)
        case "quit": return ""
        default: preconditionFailure("unhandled command \(name)")
        }
    }

    func requireRunning() throws(CommandError) {
        switch state {
        case .paused: return
        case .trapped: throw CommandError("the call has trapped; use reverse-step, goto or restart")
        case .finished: throw CommandError("the call has finished; use reverse-step, goto or restart")
        case .notStarted: throw CommandError("the call has not started")
        }
    }

    func optionalCount(_ args: [String], _ name: String) throws(CommandError) -> UInt64 {
        if args.isEmpty { return 1 }
        guard args.count == 1, let n = UInt64(args[0]), n > 0 else { throw CommandError("usage: \(name) [N] (N a positive count)") }
        return n
    }

    /// Runs a move, remembers what the panes showed before it and prints where it stopped.
    func move(_ body: () -> Stop) -> String {
        previousDraft = Set(draftLines())
        previousHostLogCount = target.hostLog().count
        selectedFrame = 0
        let stop = body()
        if case .paused = state {
            state = .paused(reason: stop.reason)
            history.insert(step: machine.steps, checkpoint: target.checkpoint())
        }
        return stopText(stop)
    }

    /// `next`: over a wasm call (a host call is one instruction anyway).
    func stepOver() -> Stop {
        var hits: [(step: UInt64, stop: Stop)] = []
        guard let location = machine.location, let instr = instruction(at: location),
              instr.op == .call || instr.op == .callIndirect else {
            return runForward(goal: .step(machine.steps + 1), hits: &hits)
        }
        let depth = machine.callDepth
        let after = CodeLocationKey(function: location.function, pc: location.pc + 1)
        return runForward(goal: .returnTo(after, depth: depth, reason: "next"), hits: &hits)
    }

    /// `finish`: until the current frame returns to its caller.
    func finishFrame() -> Stop {
        var hits: [(step: UInt64, stop: Stop)] = []
        let wasm = machine.frames
        guard wasm.count >= 2 else { return runForward(goal: .breakpoints, hits: &hits) }
        let caller = wasm[wasm.count - 2].location
        let after = CodeLocationKey(function: caller.function, pc: caller.pc + 1)
        return runForward(goal: .returnTo(after, depth: wasm.count - 1, reason: "finish"), hits: &hits)
    }
}

extension String {
    var trimmingWhitespace: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }

    /// The first word and the rest (trimmed).
    var splitFirstWord: (String, String) {
        guard let space = firstIndex(where: { $0 == " " || $0 == "\t" }) else { return (self, "") }
        return (String(self[..<space]), String(self[space...]).trimmingWhitespace)
    }
}
