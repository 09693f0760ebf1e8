import WasmVM

/// What a watch hit says: who wrote (an instruction or a host call) and what changed,
/// old → new (memory bytes, at most 16 shown; a state key's value).
extension DebugSession {
    /// What wrote during the last single step, for the watch hit it may cause.
    enum Writer {
        case instruction(CodeLocation)
        case hostCall(String)
    }

    /// Bytes of a watched range shown in a hit.
    static let watchBytesShown = 16

    /// Takes each watch's current contents as the "old" side of its next hit. Called when a
    /// forward run starts, since time travel may have moved the state under the watches.
    func rememberWatchedValues() {
        watchSeen = [:]
        for bp in breakpoints where bp.isWatch { watchSeen[bp.id] = watchedValue(bp.kind) }
    }

    func watchedValue(_ kind: Breakpoint.Kind) -> String? {
        switch kind {
        case .memory(let address, let length):
            let shown = memoryBytes(at: address, count: Int(min(length, UInt64(Self.watchBytesShown))))
            return shown.map { hex(UInt64($0), digits: 2) }.joined(separator: " ")
                + (length > UInt64(Self.watchBytesShown) ? " …" : "")
        case .state(let key):
            // One key, not the whole chain view: this runs at the start of every forward move.
            return target.stateValue(key).map(quoted) ?? "(absent)"
        default:
            return nil
        }
    }

    func describe(_ writer: Writer) -> String {
        switch writer {
        case .hostCall(let name): return "host call \(name)"
        case .instruction(let location):
            let text = disassembly(of: location.function).first { $0.pc == location.pc }?.text ?? "?"
            return "\(text) at \(describe(location))"
        }
    }

    /// The hits of watches `ids`, each with the writer and its old → new (then the new is the next old).
    func watchReason(_ ids: [Int], writer: Writer?) -> StopReason {
        let writerText = writer.map(describe)
        return .watch(ids.compactMap { id in breakpoints.first { $0.id == id } }.map { bp in
            var range: Range<UInt64>?
            if case .memory(let address, let length) = bp.kind { range = address ..< address + length }
            let new = watchedValue(bp.kind)
            let change = new.map { (old: watchSeen[bp.id] ?? "?", new: $0) }
            if let new { watchSeen[bp.id] = new }
            return WatchHit(id: bp.id, what: bp.kind.describe(in: module), range: range, writer: writerText, change: change)
        })
    }
}
