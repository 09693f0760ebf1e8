import WasmVM

/// The command language: one line in, printed text out. A bad command gets a
/// one-line error and leaves the session unchanged.
extension DebugSession {
    /// Commands and their abbreviations (gdb/lldb style). Any unique prefix of a name works too.
    static let commands: [(name: String, aliases: [String], usage: String, help: String)] = [
        ("run", ["r"], "run", "restart from the first instruction (same as restart)"),
        ("restart", [], "restart", "back to the first instruction, fresh host state; drops set changes and mocks (a snapshot's edits replay again)"),
        ("continue", ["c", "cont"], "continue", "run until a breakpoint, a watch, a trap or the end"),
        ("step", ["s"], "step [N]",
         "N source lines (default 1), into calls that have line info; N instructions where there is no line info"),
        ("stepi", ["si"], "stepi [N]", "execute N instructions (default 1), into calls"),
        ("next", ["n"], "next [N]", "N source lines over calls; one instruction over calls where there is no line info"),
        ("nexti", ["ni"], "nexti [N]", "execute N instructions, over calls (host calls included)"),
        ("until", ["u"], "until [FILE:LINE]",
         "like next, but never stops at a line above the current one (leaves loops); or run to FILE:LINE in this frame"),
        ("finish", ["fin"], "finish", "run until the current function returns"),
        ("reverse-step", ["rs"], "reverse-step [N]",
         "back to the start of the previous source line (into calls); N instructions back where there is no line info"),
        ("reverse-next", ["rn"], "reverse-next [N]", "back to the start of the previous source line of this frame"),
        ("reverse-stepi", ["rsi"], "reverse-stepi [N]", "go back N instructions (default 1)"),
        ("reverse-continue", ["rc"], "reverse-continue", "go back to the previous breakpoint or watch hit"),
        ("goto", [], "goto STEP", "go to the state before executed instruction STEP (0 = start)"),
        ("break", ["b", "br"], "break FUNC | FILE:LINE | 0xOFFSET | host NAME|* | trap | fuel N [if EXPR]",
         "set a breakpoint (function entry by name, demangled, raw or a unique ::-suffix, or index; source line; module byte offset, host call, trap, fuel used); with if EXPR it stops only where EXPR holds (see help condition)"),
        ("watch", ["w"], "watch mem ADDR LEN | watch state KEY [if EXPR]",
         "stop after a write to memory or a state key, saying what wrote (instruction or host call) and old → new; with if EXPR only where EXPR holds (see help condition); reverse-continue goes back to the previous hit"),
        ("condition", ["cond"], "condition ID [EXPR]",
         "stop at breakpoint ID only where EXPR is non-zero; no EXPR removes it. EXPR is C over 64-bit integers: + - * / % & | ^ << >> ! ~ "
            + "== != < <= > >= && || ( ), on numbers, 'c', local.N, global.N, stack[K] (0 = top), wasm local and global names ($amount, "
            + "__stack_pointer), C/Rust variables in scope (amount, to.len, p->f, *p, a[i]), host-call arguments (token == \"GOLD\"), "
            + "mem8/mem16/mem32/mem64[ADDR] (little endian), fuel, hits (arrivals here, this one included). Checked when set: an error "
            + "names its column; what cannot be evaluated at a stop (division by zero, memory outside) is false, with a note once"),
        ("info", ["i"], "info breakpoints | module | line [FILE:LINE] | source | locals | args",
         "list breakpoints, describe the module, or (with debug info) where a line's code is, the current source file, source variables; info mocks: the mocked host calls; info edits: the snapshot's edits and this session's changes"),
        ("list", ["l"], "list [FILE:LINE | LINE | FUNC]", "source lines around the current line (again: the next ten)"),
        ("print", ["p"], "print EXPR", "a source expression's value (x, *p, p->f, s.f, a[i], &x) in the selected frame; or a wasm value, with or without debug info: stack[K], local.N, global.N, $name, a v128 in a shape (stack[0].i32x4) or one lane (local.1.f32x4[2])"),
        ("ptype", [], "ptype EXPR", "the source type of an expression or variable"),
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
        ("fuel", [], "fuel", "fuel used, limit, last step's cost, the top functions by self fuel"),
        ("profile", [], "profile", "fuel by function so far: self, share, total (with callees), calls"),
        ("disassemble", ["disas"], "disassemble [FUNC]", "disassembly of a function (default: the current one)"),
        ("set", [], "set local N VALUE | set global N|NAME VALUE | set mem ADDR HEX | set fuel N | set print demangle on|off | set v128 SHAPE",
         "change the state (recorded: the run no longer matches the snapshot); set global: mutable globals only; print demangle off shows raw symbol names; v128 \(V128Shape.usage)|next: how v128 values show (hex by default, lanes lane 0 first; not recorded); a v128 VALUE is v128:i32x4:1,2,3,4 (any shape) or v128:0x…"),
        ("return", [], "return [VALUE…|fail [CODE]]",
         "stopped before a host call: skip it, pushing these results (typed i32:0 or numbers, as the import returns; fail: a failure returning CODE, default 0); nothing is read or written, the host log marks it mocked"),
        ("mock", [], "mock host NAME RESULT…|fail [CODE]",
         "every later call of import NAME returns these results without running (fail: fails, returning CODE, default 0); recorded like set"),
        ("unmock", [], "unmock NAME|all", "stop mocking an import (or every one)"),
        ("save", [], "save FILE | save --bundle DIR",
         "write a snapshot reproducing this run: its outcome as expect, its changes as edits that run and debug replay; --bundle: DIR with the snapshot, the module (with its sha256) and the commands typed"),
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
            commandHistory.append("# refused: " + line)
            if matches.count > 1 { return CommandResult(output: "ambiguous command '\(word)': \(matches.joined(separator: ", "))", isError: true) }
            return CommandResult(output: "unknown command '\(word)' (try help)", isError: true)
        }
        do throws(CommandError) {
            let output = try run(name, arguments: rest)
            invalidate()
            commandHistory.append(line)
            return CommandResult(output: output, quit: name == "quit")
        } catch {
            commandHistory.append("# refused: " + line)
            return CommandResult(output: error.message, isError: true)
        }
    }

    private func run(_ name: String, arguments rest: String) throws(CommandError) -> String {
        let args = rest.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        func noArguments() throws(CommandError) {
            if !args.isEmpty { throw CommandError("\(name) takes no arguments") }
        }
        if let trap = target.startTrap, Self.movingCommands.contains(name) {
            let what = machine.frames.isEmpty ? "the call trapped before its first instruction (\(trap.kind.rawValue): \(trap.message))"
                : "the module's start function trapped (\(trap.kind.rawValue)) before the call began"
            throw CommandError("\(what): there is nothing to run, step or go back to")
        }
        switch name {
        case "run", "restart":
            try noArguments()
            return move { restart(); return Stop(reason: "restarted") }
        case "continue":
            try noArguments()
            try requireRunning()
            return move { var hits: [(step: UInt64, stop: Stop)] = []; return runForward(goal: .breakpoints, hits: &hits) }
        case "step", "next":
            let count = try optionalCount(args, name)
            try requireRunning()
            return move { repeatMove(count) { lineStep(name == "step" ? .step : .next) ?? instructionMove(name == "step") } }
        case "stepi":
            let count = try optionalCount(args, name)
            try requireRunning()
            return move { instructionSteps(count) }
        case "nexti":
            let count = try optionalCount(args, name)
            try requireRunning()
            return move { repeatMove(count) { stepOver() } }
        case "until":
            try requireRunning()
            if args.isEmpty { return move { lineStep(.until) ?? stepOver() } }
            guard args.count == 1 else { throw CommandError("usage: until [FILE:LINE]") }
            let stops = try untilStops(args[0])
            return move {
                var hits: [(step: UInt64, stop: Stop)] = []
                return runForward(goal: .reach(stops), hits: &hits)
            }
        case "reverse-next":
            let count = try optionalCount(args, name)
            try requireReverse()
            return move { reverseLines(count, over: true) }
        case "finish":
            try noArguments()
            try requireRunning()
            return move { finishFrame() }
        case "reverse-step" where hasLineInfoHere:
            let count = try optionalCount(args, name)
            try requireReverse()
            return move { reverseLines(count, over: false) }
        case "reverse-step", "reverse-stepi":
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
            guard args.count == 1 else { throw CommandError("usage: goto STEP (a step number)") }
            let step = try UserNumber.parse(args[0], "goto: STEP", in: 0...UInt64.max)
            return move {
                travel(to: step)
                if machine.steps < step { return Stop(reason: .note("the call ends at step \(machine.steps)")) }
                return Stop(reason: "goto")
            }
        case "break": return try addConditional("break", rest) { (args, _) throws(CommandError) in try addBreakpoint(args) }
        case "watch": return try addConditional("watch", rest) { (args, rest) throws(CommandError) in try addWatch(args, rest: rest) }
        case "condition": return try setCondition(args, rest: rest)
        case "delete", "disable", "enable": return try editBreakpoints(name, args)
        case "info":
            let usage = "usage: info breakpoints | module | line [FILE:LINE] | source | locals | args | mocks | edits"
            guard let topic = args.first, !topic.isEmpty else { throw CommandError(usage) }
            let more = rest.splitFirstWord.1
            if topic == "line" { return try infoLine(more) }
            guard args.count == 1 else { throw CommandError(usage) }
            if "breakpoints".hasPrefix(topic) { return breakpointList() }
            if "module".hasPrefix(topic) { return moduleInfo() }
            if "source".hasPrefix(topic) { return try infoSource() }
            if "locals".hasPrefix(topic) { return try infoVariables(parameters: false) }
            if "args".hasPrefix(topic) { return try infoVariables(parameters: true) }
            if "mocks".hasPrefix(topic) { return mocksText() }
            if "edits".hasPrefix(topic) { return editsText() }
            throw CommandError(usage)
        case "list": return try listText(rest.trimmingWhitespace)
        case "print": return try printExpression(rest.trimmingWhitespace)
        case "ptype": return try typeOf(rest.trimmingWhitespace)
        case "stack": try noArguments(); return try stackText()
        case "locals": try noArguments(); return try localsText()
        case "globals": try noArguments(); return globalsText()
        case "backtrace": try noArguments(); return backtraceText()
        case "frame":
            guard args.count == 1 else { throw CommandError("usage: frame N") }
            let count = frames.count
            guard count > 0 else { throw CommandError("no frames") }
            let n = Int(try UserNumber.parse(args[0], "frame: N", in: 0...UInt64(count - 1)))
            selectedFrame = n
            return backtraceText().split(separator: "\n").map(String.init).first { $0.hasPrefix("#\(n) ") || $0.hasPrefix("=> #\(n) ") } ?? ""
        case "x":
            guard (1...2).contains(args.count) else { throw CommandError("usage: x ADDR [LEN]") }
            let address = try memoryAddress(args[0], "x")
            let length = args.count == 2 ? try UserNumber.parse(args[1], "x: LEN", in: 1...65536) : 64
            return try memoryDump(address, count: Int(length))
        case "draft": try noArguments(); return draftText()
        case "hostlog": try noArguments(); return hostLogText()
        case "state": return try stateText(rest.trimmingWhitespace)
        case "utxos": return try utxosText(args)
        case "fuel": try noArguments(); return fuelText()
        case "profile": try noArguments(); return profileText()
        case "disassemble": return try disassemblyText(rest.trimmingWhitespace)
        case "set": return try setCommand(args)
        case "return": return try returnCommand(args)
        case "mock": return try mockCommand(args)
        case "unmock": return try unmockCommand(args)
        case "save":
            let path = rest.trimmingWhitespace
            let (first, more) = path.splitFirstWord
            if first == "--bundle" {
                guard !more.isEmpty else { throw CommandError("usage: save --bundle DIR") }
                return try saveBundle(to: more)
            }
            guard !path.isEmpty else { throw CommandError("usage: save FILE | save --bundle DIR") }
            return try save(to: path)
        // Shown escaped (`\t`, `\x1b`): a script cannot move the cursor or hide text.
        case "echo": return DisplayText.escaped(rest.trimmingWhitespace)
        case "help": return try helpText(rest.trimmingWhitespace)
        case "quit": return ""
        default: preconditionFailure("unhandled command \(name)")
        }
    }

    /// Commands that move or change the execution: refused when it never began.
    static let movingCommands: Set<String> = ["run", "restart", "continue", "step", "stepi", "next", "nexti", "until", "finish",
                                              "reverse-step", "reverse-stepi", "reverse-next", "reverse-continue", "goto", "set",
                                              "return", "mock", "unmock"]

    func requireRunning() throws(CommandError) {
        switch state {
        case .paused: return
        case .trapped: throw CommandError("the call has trapped; use reverse-step, goto or restart")
        case .finished: throw CommandError("the call has finished; use reverse-step, goto or restart")
        case .notStarted: throw CommandError("the call has not started")
        }
    }

    /// `step N` style repetition: stops early when a move ends anywhere but at its goal.
    func repeatMove(_ count: UInt64, _ body: () -> Stop) -> Stop {
        var stop = body()
        var done: UInt64 = 1
        while done < count, isRunning, [StopReason.moved("step"), .moved("next"), .moved("until")].contains(stop.reason) {
            stop = body()
            done += 1
        }
        return stop
    }

    func instructionSteps(_ count: UInt64) -> Stop {
        var hits: [(step: UInt64, stop: Stop)] = []
        return runForward(goal: .step(UserNumber.saturatingSum(machine.steps, count)), hits: &hits)
    }

    /// One instruction: `step` into calls, `next` over them.
    func instructionMove(_ into: Bool) -> Stop { into ? instructionSteps(1) : stepOver() }

    var hasLineInfoHere: Bool {
        guard let location = machine.location else { return false }
        return sourceRow(at: location) != nil && hasLineInfo(function: location.function)
    }

    func requireReverse() throws(CommandError) {
        if case .trapped = state { return }
        if machine.steps == 0 { throw CommandError("already at the start (step 0)") }
    }

    /// `reverse-step`/`reverse-next` by lines (instructions where there is no line info).
    func reverseLines(_ count: UInt64, over: Bool) -> Stop {
        for _ in 0 ..< count {
            if case .trapped = state { travel(to: reverseOrigin - 1); continue }
            guard machine.steps > 0, let target = reverseLineTarget(over: over) else {
                if machine.steps > 0 { travel(to: machine.steps - 1) }
                continue
            }
            travel(to: target)
        }
        return Stop(reason: over ? "reverse-next" : "reverse-step")
    }

    /// `until FILE:LINE`: that line's locations in the current frame (or where it returns).
    func untilStops(_ spec: String) throws(CommandError) -> [TemporaryStop] {
        guard let info = sources.info, info.hasLines else { throw CommandError("until: \(Self.noDebugInfo)") }
        guard let colon = spec.lastIndex(of: ":"), let line = Int(spec[spec.index(after: colon)...]), line >= 1 else {
            throw CommandError("usage: until [FILE:LINE]")
        }
        let depth = machine.callDepth
        var stops = info.breakLocations(file: String(spec[..<colon]), line: line).compactMap { location in
            codeLocation(atModuleOffset: location.moduleOffset).map { TemporaryStop(key: $0, depth: depth, orShallower: true, reason: "until") }
        }
        guard !stops.isEmpty else { throw CommandError("no code at or after line \(line) of \(spec[..<colon])") }
        if let after = returnAddress { stops.append(TemporaryStop(key: after, depth: depth - 1, reason: "until")) }
        return stops
    }

    func optionalCount(_ args: [String], _ name: String) throws(CommandError) -> UInt64 {
        if args.isEmpty { return 1 }
        guard args.count == 1 else { throw CommandError("usage: \(name) [N] (N a positive count)") }
        return try UserNumber.parse(args[0], "\(name): N", in: 1...UInt64.max)
    }

    /// Runs a move, remembers what the panes showed before it and prints where it stopped.
    func move(_ body: () -> Stop) -> String {
        previousDraft = Set(draftLines())
        previousHostLogCount = target.hostLog().count
        selectedFrame = 0
        listCursor = nil
        conditionNotes = []
        let stop = body()
        if case .paused = state {
            applyDueEdits()
            state = .paused(reason: stop.reason)
            recordCheckpoint()
        }
        var text = stopText(stop)
        if !editNotes.isEmpty {
            text += "\n" + editNotes.joined(separator: "\n")
            editNotes = []
        }
        for note in conditionNotes { text += "\n" + note }
        conditionNotes = []
        if let note = historyNote {
            historyNote = nil
            text += "\n" + note
        }
        return text
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

    /// Where the innermost wasm frame returns to: the instruction after its caller's call (nil in the entry frame).
    var returnAddress: CodeLocationKey? {
        let wasm = machine.frames
        guard wasm.count >= 2 else { return nil }
        let caller = wasm[wasm.count - 2].location
        return CodeLocationKey(function: caller.function, pc: caller.pc + 1)
    }

    /// `finish`: until the current frame returns to its caller.
    func finishFrame() -> Stop {
        var hits: [(step: UInt64, stop: Stop)] = []
        let wasm = machine.frames
        guard let callee = wasm.last?.location, let after = returnAddress else { return runForward(goal: .breakpoints, hits: &hits) }
        var stop = runForward(goal: .returnTo(after, depth: wasm.count - 1, reason: "finish"), hits: &hits)
        // gdb's "Run till exit from" and "Value returned": the callee's results, now on the caller's stack.
        if stop.reason == .moved("finish") {
            let results = module.functionType(callee.function).results.count
            let operands = machine.innermostFrame?.operands ?? []
            stop.notes.append("Run till exit from \(sourceFunctionName(at: callee))")
            if results > 0 && operands.count >= results {
                stop.notes.append("Value returned: " + operands.suffix(results).map(\.description).joined(separator: ", "))
            }
        }
        return stop
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
