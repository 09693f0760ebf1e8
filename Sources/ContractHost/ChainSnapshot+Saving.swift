extension ChainSnapshot {
    /// The snapshot as JSON for a file written at `outputPath`: a file `code` is referenced
    /// relative to that file's directory, inline code stays inline hex. `expect` replaces the recorded one.
    /// `edits` (the snapshot's own when nil) are written when there are any; `codeSHA256` as `contract.sha256`.
    public func json(savedAt outputPath: String, expect: Expectation?, edits: [SnapshotEdit]? = nil) -> JSONValue {
        let codeJSON: JSONValue
        switch code {
        case .file: codeJSON = .string(FilePaths.relative(codePath!, from: FilePaths.directory(of: outputPath)))
        case .inline(let bytes): codeJSON = .object([("hex", .string(Hex.encode(bytes)))])
        }
        var blockMembers: [(key: String, value: JSONValue)] = [("height", .integer(block.height)), ("timestamp", .integer(block.timestamp))]
        if !block.hashes.isEmpty {
            blockMembers.append(("hashes", .object(block.hashes.keys.sorted().map { (String($0), .string("0x" + Hex.encode(block.hashes[$0]!))) })))
        }
        let stateMembers: [(key: String, value: JSONValue)] = state.keys.sorted { $0.lexicographicallyPrecedes($1) }.map { key in
            let value = state[key]!
            let v: JSONValue = String(validating: value, as: UTF8.self).map(JSONValue.string) ?? .object([("hex", .string(Hex.encode(value)))])
            return (String(decoding: key, as: UTF8.self), v)
        }
        var members: [(key: String, value: JSONValue)] = [
            ("version", .integer(version)),
            ("block", .object(blockMembers)),
            ("contract", .object([("address", .string(contractAddress.text)), ("code", codeJSON)]
                                 + (codeSHA256.map { [("sha256", JSONValue.string(Hex.encode($0)))] } ?? []))),
            ("caller", .string(caller.text)),
            ("utxos", .array(utxos.map(\.json))),
            ("state", .object(stateMembers)),
            ("call", .object([("function", .string(call.function)), ("params", call.params),
                              ("args", .array(call.args.map { .string($0.description) })), ("fuel", .integer(call.fuel))])),
        ]
        let edits = edits ?? self.edits
        if !edits.isEmpty { members.append(("edits", .array(edits.map(\.json)))) }
        if let expect { members.append(("expect", expect.json)) }
        if let summary { members.insert(("description", .string(summary)), at: 1) }
        return .object(members)
    }
}
