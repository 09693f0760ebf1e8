import WasmVM

extension ChainSnapshot {
    /// Reads and validates a snapshot file. Every refusal is one line naming `path` (as given) and the JSON path.
    public static func load(path: String) throws(InputError) -> ChainSnapshot {
        let bytes: [UInt8]
        switch FilePaths.read(path) {
        case .success(let b): bytes = b
        case .failure(let e): throw e
        }
        return try parse(bytes: bytes, file: path, baseDirectory: FilePaths.directory(of: path))
    }

    /// Parses snapshot JSON; `file` names it in errors, `baseDirectory` resolves a relative `code` path.
    public static func parse(bytes: [UInt8], file: String, baseDirectory: String = "") throws(InputError) -> ChainSnapshot {
        let json: JSONValue
        do { json = try JSONValue.parse(bytes: bytes) } catch {
            throw InputError(file: file, place: error.place, message: "invalid JSON: \(error.message)")
        }
        do { return try parse(json, file: file, baseDirectory: baseDirectory) } catch {
            throw InputError(file: file, place: error.path, message: error.message)
        }
    }

    static func parse(_ json: JSONValue, file: String, baseDirectory: String) throws(PathError) -> ChainSnapshot {
        let root = JSONReader(json, path: "")
        guard case .object = json else { throw PathError(path: "", message: "expected a JSON object, found \(json.kindName)") }
        try root.rejectUnknown(["version", "block", "contract", "caller", "utxos", "state", "call", "expect", "description", "edits"])

        let version = try root.required("version")
        guard case .number(let v) = version.value, v == "1" else { throw version.fail("unsupported version (expected 1)") }

        let blockReader = try root.required("block")
        try blockReader.requireObject()
        try blockReader.rejectUnknown(["height", "timestamp", "hashes"])
        var block = Block(height: try blockReader.uint64("height"), timestamp: try blockReader.uint64("timestamp"))
        if let hashes = blockReader.optional("hashes") {
            try hashes.requireObject()
            for m in hashes.members {
                let r = JSONReader(m.value, path: JSONReader.childPath(hashes.path, m.key))
                guard let h = UInt64(m.key), String(h) == m.key else { throw r.fail("expected a block height (decimal) as the key") }
                guard case .string(let s) = m.value, s.hasPrefix("0x"), s.utf8.count == 66, let bytes = Hex.decode(String(s.dropFirst(2))) else {
                    throw r.fail("expected 0x and 64 hex digits")
                }
                block.hashes[h] = bytes
            }
        }

        let contract = try root.required("contract")
        try contract.requireObject()
        try contract.rejectUnknown(["address", "code", "sha256"])
        let address = try contract.address("address")
        var sha256: [UInt8]?
        if let d = contract.optional("sha256") {
            guard case .string(let h) = d.value, h.utf8.count == 64, h == h.lowercased(), let bytes = Hex.decode(h) else {
                throw d.fail("expected 64 lowercase hex digits (the module's SHA-256)")
            }
            sha256 = bytes
        }
        let codeReader = try contract.required("code")
        let code: Code
        switch codeReader.value {
        case .string(let p):
            guard !p.isEmpty else { throw codeReader.fail("expected a path to a .wasm or .wat file, or { \"hex\": … }") }
            // The system cuts a path at a NUL, so "a.wasm\u0000x" would load a.wasm: refuse it.
            guard !p.utf8.contains(0) else { throw codeReader.fail("the path contains a NUL character (\\u0000)") }
            code = .file(p)
        case .object: code = .inline(try codeReader.asBytes())
        default: throw codeReader.fail("expected a path to a .wasm or .wat file, or { \"hex\": … }")
        }

        let caller = try root.address("caller")

        var utxos: [UTXO] = []
        var ids: Set<String> = []
        if let list = root.optional("utxos") {
            for u in try list.asArray() {
                try u.requireObject()
                try u.rejectUnknown(["id", "owner", "amount", "token", "lock", "issuer"])
                let idReader = try u.required("id")
                let id = try idReader.asString()
                if id.isEmpty || id.hasPrefix("draft:") { throw idReader.fail("expected a UTXO id such as 0x<64 hex>:0") }
                guard ids.insert(id).inserted else { throw idReader.fail("duplicate UTXO id \"\(id)\"") }
                var token = ""
                if let t = u.optional("token") {
                    token = try t.asString()
                    guard token.utf8.count <= 64 else { throw t.fail("token id longer than 64 bytes") }
                }
                let lock = try u.optional("lock").map { (r: JSONReader) throws(PathError) in try Lock.parse(r.value, path: r.path) }
                let issuer = try u.optional("issuer").map { (r: JSONReader) throws(PathError) in try r.asAddress() }
                utxos.append(UTXO(id: id, owner: try u.address("owner"), amount: try u.uint64("amount"), token: token, lock: lock, issuer: issuer))
            }
        }

        var state: [[UInt8]: [UInt8]] = [:]
        if let s = root.optional("state") {
            try s.requireObject()
            for m in s.members {
                state[Array(m.key.utf8)] = try JSONReader(m.value, path: JSONReader.childPath(s.path, m.key)).asBytes()
            }
        }

        let callReader = try root.required("call")
        try callReader.requireObject()
        try callReader.rejectUnknown(["function", "params", "args", "fuel"])
        let function = try callReader.string("function")
        var call = Call(function: function)
        if let p = callReader.optional("params") { call.params = p.value }
        if let a = callReader.optional("args") {
            call.args = try a.asArray().map { (r: JSONReader) throws(PathError) in
                let text = try r.asString()
                let value: Value?
                do throws(V128ParseError) { value = try Value.parseTyped(text) } catch { throw r.fail(error.message) }
                guard let v = value else { throw r.fail("expected a typed value such as \"i32:5\", \"i64:-1\" or \"f64:1.5\"") }
                return v
            }
        }
        if let f = callReader.optional("fuel") { call.fuel = try f.asUInt64() }

        let expect = try root.optional("expect").map { (r: JSONReader) throws(PathError) in try Expectation.parse(r) }

        var snapshot = ChainSnapshot(block: block, contractAddress: address, code: code, caller: caller, utxos: utxos,
                                     state: state, call: call, expect: expect, file: file, baseDirectory: baseDirectory)
        snapshot.summary = try root.optional("description")?.asString()
        snapshot.codeSHA256 = sha256
        if let e = root.optional("edits") { snapshot.edits = try SnapshotEdit.parseList(e) }
        return snapshot
    }
}
