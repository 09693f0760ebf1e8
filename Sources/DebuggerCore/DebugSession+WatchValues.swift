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
            return shown.map { byte in String(byte >> 4, radix: 16) + String(byte & 0xf, radix: 16) }.joined(separator: " ")
                + (length > UInt64(Self.watchBytesShown) ? " …" : "")
        case .state(let key):
            return target.chain()?.state.first { $0.rawKey == key }?.value ?? "(absent)"
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

    /// `watch 1: memory 0x490..0x498 (8 bytes) written by i64.store at transfer+0x35 (offset 0x30d): 00 … → 2a …`
    func watchReason(_ ids: [Int], writer: Writer?) -> String {
        let writerText = writer.map(describe)
        let parts = ids.compactMap { id in breakpoints.first { $0.id == id } }.map { bp in
            var text = "watch \(bp.id): \(bp.kind.describe(in: module))"
            if let writerText { text += " by \(writerText)" }
            if let new = watchedValue(bp.kind) {
                text += ": \(watchSeen[bp.id] ?? "?") → \(new)"
                watchSeen[bp.id] = new
            }
            return text
        }
        return parts.joined(separator: "; ")
    }
}
