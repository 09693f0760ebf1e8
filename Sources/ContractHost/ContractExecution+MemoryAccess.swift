import WasmVM

/// A guest memory range a host call reads or writes (for the memory pane's highlight).
public struct HostMemoryAccess: Hashable, Sendable {
    public var range: Range<UInt64>
    public var isWrite: Bool
    public init(range: Range<UInt64>, isWrite: Bool) { self.range = range; self.isWrite = isWrite }
}

extension ContractExecution {
    /// The host function an import-space function index is bound to.
    public func hostFunction(forImport functionIndex: Int) -> HostFunction? {
        var k = 0
        for b in abi.bindings {
            guard case .function = b.import.descriptor else { continue }
            if k == functionIndex { return b.function }
            k += 1
        }
        return nil
    }

    /// The host function a pending host call event will run.
    public func hostFunction(for event: HostCallEvent) -> HostFunction? {
        HostFunction.offered(named: event.importName).first { f in
            f.type.parameters == event.arguments.map(\.type)
        }
    }

    /// The memory ranges a pending host call will read and write, computed from its
    /// arguments and the current state without running it.
    public func memoryAccesses(for event: HostCallEvent) -> [HostMemoryAccess] {
        guard let f = hostFunction(for: event) else { return [] }
        let a = event.arguments
        func u(_ i: Int) -> UInt64 {
            switch a[i] {
            case .i32(let v): UInt64(v)
            case .i64(let v): v
            default: 0
            }
        }
        func r(_ p: Int, _ n: UInt64) -> HostMemoryAccess { HostMemoryAccess(range: u(p) ..< u(p) &+ n, isWrite: false) }
        func rl(_ p: Int, _ l: Int) -> HostMemoryAccess { r(p, u(l)) }
        func w(_ p: Int, _ n: UInt64) -> HostMemoryAccess { HostMemoryAccess(range: u(p) ..< u(p) &+ n, isWrite: true) }
        let memory = instance.flatMap { machine.memory(of: $0) }
        func readBytes(_ address: UInt64, _ count: UInt64) -> [UInt8]? {
            guard let memory, memory.contains(address, count: count) else { return nil }
            return try? memory.read(address, count: Int(count))
        }
        var out: [HostMemoryAccess]
        switch f {
        case .getCurrentTransaction, .getContractParamsLen, .getBlockHeight, .getTimestamp, .malloc, .free: out = []
        case .getCaller, .getContractAddress: out = [w(0, 42)]
        case .getContractParams: out = [w(0, UInt64(snapshot.call.canonicalParams.count))]
        case .setReturnData: out = [rl(0, 1)]
        case .emitEvent, .stateSet, .appendStateOutput, .appendResourceOutput: out = [rl(0, 1), rl(2, 3)]
        case .getBlockHash: out = [w(1, 32)]
        case .queryUTXOBalance: out = [r(0, 42), rl(1, 2)]
        case .queryUTXOBalanceNative: out = [rl(0, 1)]
        case .executeUTXOTransfer: out = [r(0, 42), r(1, 42), rl(3, 4)]
        case .executeUTXOTransferNative: out = [rl(0, 1), rl(2, 3)]
        case .createAssetOutputWithLock: out = [r(0, 42), rl(2, 3), rl(4, 5)]
        case .createUTXOOutput:
            out = [r(0, 42)]
            if u(2) != 0 {
                var n: UInt64 = 0
                while n < 65, let b = readBytes(u(2) + n, 1), b[0] != 0 { n += 1 }
                out.append(r(2, n + 1))
            }
        case .batchCreateOutputs:
            var cursor = u(0)
            let count = Int32(bitPattern: UInt32(truncatingIfNeeded: u(1)))
            var i: Int32 = 0
            while i < count, let len = readBytes(cursor + 50, 4) {
                cursor += 54 + len.reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
                i += 1
            }
            out = cursor > u(0) ? [r(0, cursor - u(0))] : []
        case .stateGet:
            let key = readBytes(u(0), u(1)) ?? []
            let value = host.draft.stateValue(key) ?? snapshot.state[key]
            out = [rl(0, 1)] + (value.map { [w(2, UInt64($0.count))] } ?? [])
        case .stateGetLen, .stateExists: out = [rl(0, 1)]
        }
        return out.filter { !$0.range.isEmpty }
    }
}
