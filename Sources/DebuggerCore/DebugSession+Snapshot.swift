import WasmVM

/// The panes' data at the current stop.
extension DebugSession {
    public var snapshot: SessionSnapshot {
        if let cachedSnapshot { return cachedSnapshot }
        let built = buildSnapshot()
        cachedSnapshot = built
        return built
    }

    func buildSnapshot() -> SessionSnapshot {
        ensureLastStep()
        let frame = selectedFrameInfo
        let pops = popCount
        let stack = (frame?.operands ?? []).reversed().enumerated().map { StackEntry(value: $0.element, willPop: $0.offset < pops) }
        let locals = frame.map { f in
            f.locals.enumerated().map { NamedValue(name: localName(function: f.location.function, index: $0.offset), value: $0.element) }
        } ?? []
        let globals = machine.globals(of: instance).enumerated().map { NamedValue(name: globalName($0.offset), value: $0.element) }
        let pending = upcomingHostCall()
        var frameViews: [FrameView] = []
        if let pending {
            let module = machine.pendingHostCall?.importModule ?? "env"
            frameViews.append(FrameView(name: "\(module).\(pending.name) (host)", offset: nil, isHost: true))
        }
        frameViews += frames.map { FrameView(name: describeShort($0.location), offset: $0.location.offset, isHost: false) }
        let byteCount = machine.memory(of: instance)?.byteCount ?? 0, pendingRanges = pending?.ranges ?? []
        // Before the first instruction nothing was accessed yet: the entry's pointer arguments are where the call's data is.
        var atEntry = false
        if machine.steps == 0, case .paused = state { atEntry = true }
        let memory = MemoryView(byteCount: byteCount, lastAccesses: lastAccesses, pendingHostRanges: pendingRanges,
                                suggestedRange: MemoryView.suggestion(lastAccesses: lastAccesses, pendingHostRanges: pendingRanges,
                                                                      entryArguments: atEntry ? target.entryArguments : nil,
                                                                      staticData: atEntry ? staticData : nil, byteCount: byteCount))
        let fuel = FuelView(used: machine.fuelUsed, limit: machine.fuelLimit, lastCost: lastCost, byFunction: fuelByFunction(),
                            modified: changes.contains(where: \.isFuel))
        let draft = DraftView(sections: target.draftSections().map { section in
            (section.title, section.entries.map { entry in
                var entry = entry
                entry.isNew = !previousDraft.contains("\(section.title): \(entry.text)")
                return entry
            })
        }, discarded: isDraftDiscarded)
        var hostCalls = target.hostLog().enumerated().map { i, call in
            var call = call
            call.isNew = i >= previousHostLogCount
            return call
        }
        if let pending {
            var call = pending.view
            call.isNew = true
            hostCalls.append(call)
        }
        var snapshot = SessionSnapshot(state: state, statusLine: statusLine, step: machine.steps, code: codeView(frame), stack: stack,
                                       locals: locals, globals: globals, frames: frameViews, memory: memory, fuel: fuel,
                                       draft: draft, hostCalls: hostCalls)
        snapshot.v128Shape = v128Shape
        snapshot.debuggerChanges = changes.map { "step \($0.step): \($0.text)" }
        snapshot.source = sourceView(frame)
        if let frame, let info = sources.info {
            snapshot.variables = info.variables(at: frame.location.offset, state: FrameStateReader(session: self, frame: frame)).map {
                SourceVariable(name: $0.name, typeName: $0.typeName, value: $0.value, isParameter: $0.isParameter)
            }
        }
        snapshot.chain = target.chain()
        snapshot.breakpoints = breakpoints.map { bp in
            BreakpointView(id: bp.id, what: bp.kind.describe(in: module), isEnabled: bp.isEnabled, hits: bp.hits,
                           offsets: bp.locations.map { functionOffset($0.function, $0.pc) })
        }
        if case .finished = state {} else {
            snapshot.location = (frame?.location ?? machine.location).map { "\(describe($0))\(sourceSuffix($0))" }
        }
        return snapshot
    }

    /// The lowest active data segment of memory 0 with bytes (string literals, tables): where a
    /// call's static data is before anything ran.
    var staticData: Range<UInt64>? {
        var lowest: Range<UInt64>?
        for segment in module.data where !segment.bytes.isEmpty {
            guard case .active(0, .value(.i32(let offset))) = segment.mode else { continue }
            let range = UInt64(offset) ..< UInt64(offset) + UInt64(segment.bytes.count)
            if lowest.map({ range.lowerBound < $0.lowerBound }) ?? true { lowest = range }
        }
        return lowest
    }

    /// The selected frame's source file around its line, breakpoints marked; nil without line info.
    func sourceView(_ frame: FrameInfo?) -> SourceView? {
        guard sources.hasLines else { return nil }
        let location = frame?.location ?? machine.location
        let row = location.flatMap(sourceRow(at:))
        let name = location.map(sourceFunctionName(at:)) ?? ""
        guard let row else {
            let place = location.map { "no line info at \(describeShort($0))" } ?? "no current line"
            return SourceView(path: "", lines: [], currentLine: nil, breakpoints: [:], message: place, functionName: name)
        }
        let file = sources.file(row.file)
        var marked: [Int: Int] = [:]
        for bp in breakpoints where bp.isEnabled {
            for at in bp.locations {
                let offset = functionOffset(at.function, at.pc)
                if let r = sources.info?.line(at: offset), r.file == row.file, marked[r.line] == nil { marked[r.line] = bp.id }
            }
        }
        let showCurrent: Bool = switch state {
        case .paused: true
        case .trapped: breakpoints[0].isEnabled
        default: false
        }
        return SourceView(path: SourceContext.displayPath(row.file), lines: file.lines, currentLine: showCurrent && row.line > 0 ? row.line : nil,
                          breakpoints: marked, message: file.foundAt == nil ? file.notFoundMessage : nil, functionName: name)
    }

    /// `transfer+0x1c`
    func describeShort(_ location: CodeLocation) -> String {
        let defined = location.function - module.importedFunctionCount
        let start = defined >= 0 && defined < module.functions.count ? module.functions[defined].bodyRange.lowerBound : location.offset
        return "\(module.displayName(ofFunction: location.function))+0x\(hex(UInt64(location.offset - start)))"
    }

    func codeView(_ frame: FrameInfo?) -> CodeView? {
        guard let location = frame?.location ?? machine.location, location.function >= module.importedFunctionCount else { return nil }
        let function = location.function
        // pc -> id of the first enabled breakpoint there (the UI's `b` deletes it by id).
        var marked: [Int: Int] = [:]
        for bp in breakpoints where bp.isEnabled {
            for at in bp.locations where at.function == function && marked[at.pc] == nil { marked[at.pc] = bp.id }
        }
        var current: Int?
        let showCurrent: Bool = switch state {
        case .paused: true
        case .trapped: breakpoints[0].isEnabled
        default: false
        }
        let lines = disassembly(of: function).enumerated().map { i, line in
            let here = showCurrent && line.pc == location.pc
            if here && current == nil { current = i }
            return CodeLine(offset: line.offset, text: line.text, depth: line.depth, isCurrent: here,
                            hasBreakpoint: line.pc.flatMap { marked[$0] } != nil, breakpointID: line.pc.flatMap { marked[$0] })
        }
        return CodeView(functionName: module.displayName(ofFunction: function), functionIndex: function, lines: lines, currentLine: current)
    }
}
