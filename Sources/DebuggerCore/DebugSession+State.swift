import ContractHost

/// `state [KEY|PREFIX*]` and `utxos [ADDR] [TOKEN]`: what a read would see now,
/// the snapshot overlaid with the draft, with what this call wrote, read and spent marked.
extension DebugSession {
    func requireChain(_ command: String) throws(CommandError) -> SessionSnapshot.Chain {
        guard let chain = target.chain() else { throw CommandError("\(command): no chain state: this is a bare module call") }
        return chain
    }

    func stateText(_ argument: String) throws(CommandError) -> String {
        let chain = try requireChain("state")
        func line(_ e: SessionSnapshot.Chain.StateEntry) -> String {
            let marks = e.marks
            return "\(e.key) = \(e.value)" + (marks.isEmpty ? "" : "  [\(marks)]")
        }
        if argument.isEmpty {
            return chain.state.isEmpty ? "(no state: the snapshot has none and the call wrote none)" : chain.state.map(line).joined(separator: "\n")
        }
        if argument.hasSuffix("*") && !(argument.hasPrefix("\"") && argument.hasSuffix("\"")) {
            let prefix = keyBytes(String(argument.dropLast()))
            let matches = chain.state.filter { $0.rawKey.starts(with: prefix) }
            return matches.isEmpty ? "(no state key starts with \(quoted(prefix)))" : matches.map(line).joined(separator: "\n")
        }
        let key = keyBytes(argument)
        guard let entry = chain.state.first(where: { $0.rawKey == key }) else {
            return "\(quoted(key)): no value (state_get fails, state_exists returns 0)"
        }
        return line(entry)
    }

    /// `"count"` or `count` as text; `0x0102` as hex bytes.
    func keyBytes(_ text: String) -> [UInt8] {
        if text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") { return Array(text.dropFirst().dropLast().utf8) }
        if text.hasPrefix("0x"), let bytes = parseHexBytes(text), text.count != Address.byteCount { return bytes }
        return Array(text.utf8)
    }

    func utxosText(_ args: [String]) throws(CommandError) -> String {
        guard args.count <= 2 else { throw CommandError("usage: utxos [ADDR] [TOKEN]") }
        let chain = try requireChain("utxos")
        var owner: String?
        if let a = args.first {
            guard let address = Address(a) else { throw CommandError("utxos: '\(a)' is not an address (0x and 40 lowercase hex digits)") }
            owner = address.text
        }
        let token = args.count == 2 ? tokenText(args[1]) : nil
        let coins = chain.coins.filter { c in owner.map { c.owner == $0 } ?? true && token.map { c.token == $0 } ?? true }
        var lines = coins.map { c in
            let marks = c.marks
            return "\(c.id)  \(c.owner)  \(c.amount) \(c.token)" + (marks.isEmpty ? "" : "  [\(marks)]")
        }
        if lines.isEmpty { lines.append("(no UTXOs" + (owner.map { " of \($0)" } ?? "") + (token.map { " in \($0)" } ?? "") + ")") }
        // With an owner: the balance query_utxo_balance returns now (unspent, unlocked coins), per token.
        if let owner {
            let tokens = token.map { [$0] } ?? Array(Set(coins.map(\.token))).sorted()
            for t in tokens {
                var sum: UInt64 = 0, overflow = false
                for c in coins where c.token == t && !c.spent && !c.locked {
                    let (s, o) = sum.addingReportingOverflow(c.amount)
                    sum = s; overflow = overflow || o
                }
                lines.append("balance of \(owner) in \(t): " + (overflow ? "overflows u64" : "\(sum)"))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// `GOLD`, `"GOLD"` -> `"GOLD"` (as the chain view shows tokens); `native` or `""` -> `native`.
    func tokenText(_ text: String) -> String {
        let bare = unquote(text)
        return bare.isEmpty || text == "native" ? "native" : quoted(Array(bare.utf8))
    }
}
