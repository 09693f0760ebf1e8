import WasmVM

extension HostCallHandler {
    /// The host functions. Memory is bounds-checked (trapping) before any value is validated;
    /// validation failures return the failure value with a reason.
    mutating func body() throws(Trap) -> Result<[Value], HostFailure> {
        switch function {
        case .getCurrentTransaction:
            return .success([.i32(1)])
        case .getCaller:
            try memory.write(pointer(0), snapshot.caller.bytes)
            return .success([.i32(42)])
        case .getContractAddress:
            try memory.write(pointer(0), snapshot.contractAddress.bytes)
            return .success([.i32(42)])
        case .getContractParamsLen:
            return .success([.i32(UInt32(snapshot.call.canonicalParams.count))])
        case .getContractParams:
            let p = snapshot.call.canonicalParams
            try memory.write(pointer(0), p)
            return .success([.i32(UInt32(p.count))])
        case .setReturnData:
            let b = try bytes(0, 1)
            ledger.state.draft.returnData = b
            return .success([])
        case .emitEvent:
            let name = try bytes(0, 1), data = try bytes(2, 3)
            ledger.state.draft.events.append(.init(name: name, data: data))
            return .success([])
        case .getBlockHeight:
            return .success([.i64(snapshot.block.height)])
        case .getTimestamp:
            return .success([.i64(snapshot.block.timestamp)])
        case .getBlockHash:
            let height = i64(0)
            decoded[0] = String(height)
            try memory.check(pointer(1), 32)
            guard let hash = snapshot.block.hashes[height] else {
                return .failure(HostFailure("the snapshot has no hash for block \(height)"))
            }
            try memory.write(pointer(1), hash)
            return .success([.i32(32)])
        case .queryUTXOBalance, .queryUTXOBalanceNative:
            return try queryBalance()
        case .executeUTXOTransfer, .executeUTXOTransferNative:
            return try transfer()
        case .createUTXOOutput:
            return try mint()
        case .createAssetOutputWithLock:
            return try lockedOutput()
        case .batchCreateOutputs:
            return try batch()
        case .stateGet:
            let key = try bytes(0, 1)
            ledger.state.noteState(key, read: true)
            let value = stateValue(key)
            try memory.check(pointer(2), UInt64(value?.count ?? 0))
            guard let value else { return .failure(HostFailure("no state value for key \(displayBytes(key))")) }
            try memory.write(pointer(2), value)
            return .success([.i32(UInt32(value.count))])
        case .stateGetLen:
            let key = try bytes(0, 1)
            ledger.state.noteState(key, read: true)
            return .success([.i32(stateValue(key).map { UInt32($0.count) } ?? UInt32(bitPattern: -1))])
        case .stateSet:
            let key = try bytes(0, 1), value = try bytes(2, 3)
            ledger.state.noteState(key, read: false)
            ledger.state.draft.writeState(key, value)
            return .success(Self.ok)
        case .stateExists:
            let key = try bytes(0, 1)
            ledger.state.noteState(key, read: true)
            return .success([.i32(stateValue(key) == nil ? 0 : 1)])
        case .appendStateOutput:
            let id = try bytes(0, 1), data = try bytes(2, 3)
            ledger.state.draft.append(.state(id: id, data: data))
            return .success(Self.ok)
        case .appendResourceOutput:
            let kind = try bytes(0, 1), data = try bytes(2, 3)
            let name = String(decoding: kind, as: UTF8.self)
            guard ["wasm", "onnx", "document"].contains(name), Array(name.utf8) == kind else {
                return .failure(HostFailure("unknown resource kind \(displayBytes(kind)) (expected wasm, onnx or document)"))
            }
            ledger.state.draft.append(.resource(kind: name, data: data))
            return .success(Self.ok)
        case .malloc:
            let size = Int32(bitPattern: i32(0))
            guard size > 0 else { return .failure(HostFailure("size \(size) is not positive")) }
            var grown = 0, unaffordable = 0
            let mem = memory.memory
            let available = fuelAvailable
            let address = ledger.state.allocator.allocate(UInt64(size), memorySize: memory.byteCount) { pages in
                guard let mem, mem.canGrow(by: pages) else { return false }
                // Fuel before growing: memory is never allocated for a call that cannot pay for it.
                guard UInt64(pages) * HostFuel.perGrownPage <= available else { unaffordable = pages; return false }
                guard mem.grow(by: pages) != nil else { return false }
                grown = pages
                return true
            }
            if unaffordable > 0 {
                throw Trap(.outOfFuel, "malloc(\(size)) would grow memory by \(unaffordable) pages for \(UInt64(unaffordable) * HostFuel.perGrownPage) fuel; \(available) left")
            }
            grownPages = grown
            guard let address else { return .failure(HostFailure("cannot allocate \(size) bytes: memory cannot grow")) }
            return .success([.i32(UInt32(address))])
        case .free:
            let ptr = pointer(0)
            if ptr == 0 { return .success([]) }
            guard ledger.state.allocator.free(ptr) else {
                throw Trap(.hostError, "free: 0x\(String(ptr, radix: 16)) was not returned by malloc (or was already freed)")
            }
            return .success([])
        }
    }

    /// Reads see the draft's writes first, then the snapshot.
    func stateValue(_ key: [UInt8]) -> [UInt8]? {
        ledger.state.draft.stateValue(key) ?? snapshot.state[key]
    }

    mutating func queryBalance() throws(Trap) -> Result<[Value], HostFailure> {
        let owner: Result<Address, HostFailure>
        var token = ""
        if function == .queryUTXOBalanceNative {
            owner = try address(0, length: 1)
        } else {
            owner = try address(0)
            let t = try bytes(1, 2)
            switch Self.token(t) {
            case .success(let s): token = s
            case .failure(let f): return .failure(f)
            }
        }
        guard case .success(let a) = owner else { if case .failure(let f) = owner { return .failure(f) }; return .failure(HostFailure("")) }
        switch ledger.balance(of: a, token: token) {
        case .success(let v): return .success([.i64(v)])
        case .failure(let f): return .failure(f)
        }
    }

    mutating func transfer() throws(Trap) -> Result<[Value], HostFailure> {
        let from, to: Result<Address, HostFailure>
        let amount: UInt64
        var tokenBytes: [UInt8] = []
        if function == .executeUTXOTransferNative {
            from = try address(0, length: 1)
            to = try address(2, length: 3)
            amount = self.amount(4)
        } else {
            from = try address(0)
            to = try address(1)
            amount = self.amount(2)
            tokenBytes = try bytes(3, 4)
        }
        let f: Address, t: Address
        switch (from, to) {
        case (.success(let a), .success(let b)): f = a; t = b
        case (.failure(let e), _), (_, .failure(let e)): return .failure(e)
        }
        let token: String
        switch Self.token(tokenBytes) {
        case .success(let s): token = s
        case .failure(let e): return .failure(e)
        }
        guard f == snapshot.caller || f == snapshot.contractAddress else {
            return .failure(HostFailure("not authorized: \(f) is neither the caller nor the contract"))
        }
        if let e = ledger.transfer(from: f, to: t, amount: amount, token: token, lock: nil) { return .failure(e) }
        return .success(Self.ok)
    }

    mutating func lockedOutput() throws(Trap) -> Result<[Value], HostFailure> {
        let to = try address(0)
        let amount = self.amount(1)
        let tokenBytes = try bytes(2, 3)
        let lockBytes = try bytes(4, 5)
        guard case .success(let owner) = to else { if case .failure(let e) = to { return .failure(e) }; return .failure(HostFailure("")) }
        let token: String
        switch Self.token(tokenBytes) {
        case .success(let s): token = s
        case .failure(let e): return .failure(e)
        }
        let lock: Lock
        do {
            let json = try JSONValue.parse(bytes: lockBytes)
            lock = try Lock.parse(json, path: "lock")
        } catch let e as JSONSyntaxError {
            return .failure(HostFailure("invalid lock JSON: \(e.place): \(e.message)"))
        } catch let e as PathError {
            return .failure(HostFailure("invalid lock: \(e.path): \(e.message)"))
        } catch {
            return .failure(HostFailure("invalid lock"))
        }
        if let e = ledger.transfer(from: snapshot.caller, to: owner, amount: amount, token: token, lock: lock) { return .failure(e) }
        return .success(Self.ok)
    }

    mutating func mint() throws(Trap) -> Result<[Value], HostFailure> {
        let to = try address(0)
        let amount = self.amount(1)
        let tokenPointer = pointer(2)
        guard tokenPointer != 0 else { return .failure(HostFailure("contracts cannot mint the native coin")) }
        guard let tokenBytes = try memory.readCString(tokenPointer, limit: 64) else {
            return .failure(HostFailure("token id has no NUL within 65 bytes"))
        }
        decoded[2] = displayBytes(tokenBytes)
        guard case .success(let owner) = to else { if case .failure(let e) = to { return .failure(e) }; return .failure(HostFailure("")) }
        return appendMints([(owner, amount, tokenBytes)])
    }

    mutating func batch() throws(Trap) -> Result<[Value], HostFailure> {
        let count = Int32(bitPattern: i32(1))
        decoded[1] = String(count)
        guard count >= 0 else { return .failure(HostFailure("negative count \(count)")) }
        var items: [(Address, UInt64, [UInt8])] = []
        var cursor = pointer(0)
        var firstError: HostFailure?
        for i in 0 ..< Int(count) {
            let addr = try memory.read(cursor, 42)
            let amountBytes = try memory.read(cursor + 42, 8)
            let lenBytes = try memory.read(cursor + 50, 4)
            let amount = amountBytes.reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            let len = lenBytes.reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            let token = try memory.read(cursor + 54, len)
            cursor += 54 + len
            if let a = Address(bytes: addr) { items.append((a, amount, token)) }
            else if firstError == nil { firstError = HostFailure("record \(i): malformed address \(displayBytes(addr))") }
        }
        decoded[0] = "\(count) records, \(cursor - pointer(0)) bytes"
        if let firstError { return .failure(firstError) }
        return appendMints(items)
    }

    /// Validates every mint, then appends all of them (all or none).
    mutating func appendMints(_ items: [(Address, UInt64, [UInt8])]) -> Result<[Value], HostFailure> {
        var outputs: [TransactionDraft.Output] = []
        for (i, item) in items.enumerated() {
            let prefix = items.count > 1 || function == .batchCreateOutputs ? "record \(i): " : ""
            if item.1 == 0 { return .failure(HostFailure(prefix + "zero amount")) }
            if item.2.isEmpty { return .failure(HostFailure(prefix + "contracts cannot mint the native coin")) }
            let token: String
            switch Self.token(item.2) {
            case .success(let s): token = s
            case .failure(let e): return .failure(HostFailure(prefix + e.reason))
            }
            outputs.append(.asset(.init(owner: item.0, amount: item.1, token: token, lock: nil, issuer: snapshot.contractAddress)))
        }
        for o in outputs { ledger.state.draft.append(o) }
        return .success(Self.ok)
    }
}
