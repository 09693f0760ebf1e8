import DebuggerCore

/// Contract state and UTXOs as a read would see them now: the keys this call has
/// read or written first (written ones highlighted, with their old value), then
/// the rest of the snapshot's state, then the UTXOs with spent and new ones marked.
public enum StatePane {
    public static func title(_ snapshot: SessionSnapshot) -> String {
        guard let chain = snapshot.chain else { return "State" }
        return "State (\(chain.state.count) keys, \(chain.coins.count) UTXOs)"
    }

    public static func lines(_ snapshot: SessionSnapshot) -> [StyledLine] {
        guard let chain = snapshot.chain else { return [StyledLine("(no chain: a bare module call)", .dim)] }
        var lines: [StyledLine] = []
        let touched = chain.state.prefix(chain.touchedCount), rest = chain.state.dropFirst(chain.touchedCount)
        lines.append(StyledLine("this call (\(touched.count))", .title))
        if touched.isEmpty { lines.append(StyledLine("  (no key read or written yet)", .dim)) }
        for entry in touched {
            lines.append(StyledLine((entry.written ? "* " : "  ") + "\(entry.key) = \(entry.value)  \(entry.marks)",
                                    entry.written ? .newEntry : .normal))
        }
        lines.append(StyledLine("snapshot (\(rest.count))", .title))
        for entry in rest { lines.append(StyledLine("  \(entry.key) = \(entry.value)")) }
        lines.append(StyledLine("UTXOs (\(chain.coins.count))", .title))
        for coin in chain.coins {
            let marks = coin.marks
            let style: Style = coin.spent ? .dim : coin.fromDraft ? .newEntry : .normal
            lines.append(StyledLine((coin.fromDraft ? "+ " : "  ") + "\(coin.amount) \(coin.token) \(short(coin.owner))"
                                    + (marks.isEmpty ? "" : "  \(marks)") + "  \(short(coin.id))", style))
        }
        return lines
    }

    /// The detail view of the state key or UTXO at `line` of `lines`, nil for a title line.
    static func detail(_ snapshot: SessionSnapshot, line: Int) -> (title: String, lines: [StyledLine])? {
        guard let chain = snapshot.chain else { return nil }
        let touched = chain.touchedCount
        // Lines: title, touched entries (or a placeholder), title, the rest, title, coins.
        var index = 1
        var entry: SessionSnapshot.Chain.StateEntry?
        if touched == 0 { index += 1 } else if line >= index && line < index + touched { entry = chain.state[line - index] }
        index += touched + 1
        let rest = chain.state.count - touched
        if entry == nil, line >= index && line < index + rest { entry = chain.state[touched + line - index] }
        index += rest + 1
        if let entry {
            var lines = [StyledLine("\(entry.key) = \(entry.value)")]
            if !entry.marks.isEmpty { lines.append(StyledLine(entry.marks, entry.written ? .newEntry : .dim)) }
            if let previous = entry.previous { lines.append(StyledLine("snapshot value: \(previous)", .dim)) }
            lines += DetailView.payload("key", entry.rawKey) + DetailView.payload("value", entry.rawValue)
            return ("State key", lines)
        }
        guard line >= index, line < index + chain.coins.count else { return nil }
        let coin = chain.coins[line - index]
        var lines = [StyledLine("id     \(coin.id)"), StyledLine("owner  \(coin.owner)"), StyledLine("amount \(coin.amount)"),
                     StyledLine("token  \(coin.token)")]
        if !coin.marks.isEmpty { lines.append(StyledLine(coin.marks, coin.fromDraft ? .newEntry : .dim)) }
        return ("UTXO", lines)
    }

    /// `0x8209c6…ffe5` for addresses, `0x7e2706…:0` for UTXO ids (the `state`/`utxos` commands print them whole).
    static func short(_ text: String) -> String {
        guard text.count > 16 else { return text }
        if let colon = text.lastIndex(of: ":") { return text.prefix(8) + "…" + text[colon...] }
        return text.prefix(8) + "…" + text.suffix(4)
    }
}
