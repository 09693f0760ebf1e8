import WasmVM

/// Bounds-checked access to the calling contract's memory for one host call.
/// Out-of-range access traps `host_error` naming the function and the range;
/// the bytes moved are counted for the host call's fuel.
struct GuestMemory {
    let memory: Memory?
    let function: String
    private(set) var bytesMoved: UInt64 = 0
    /// The ranges read and written, in order (adjacent accesses of one kind merged).
    private(set) var accesses: [HostMemoryAccess] = []

    private mutating func note(_ address: UInt64, _ count: UInt64, write: Bool) {
        if let last = accesses.last, last.isWrite == write, last.range.upperBound == address {
            accesses[accesses.count - 1].range = last.range.lowerBound ..< address + count
        } else {
            accesses.append(HostMemoryAccess(range: address ..< address + count, isWrite: write))
        }
    }

    init(memory: Memory?, function: String) { self.memory = memory; self.function = function }

    var byteCount: UInt64 { UInt64(memory?.byteCount ?? 0) }

    func outOfBounds(_ address: UInt64, _ count: UInt64) -> Trap {
        Trap(.hostError, "\(function): memory range 0x\(String(address, radix: 16))..0x\(String(address + count, radix: 16)) (\(count) bytes) is out of bounds (memory is \(byteCount) bytes)")
    }

    func check(_ address: UInt64, _ count: UInt64) throws(Trap) {
        guard let memory, memory.contains(address, count: count) else { throw outOfBounds(address, count) }
    }

    mutating func read(_ address: UInt64, _ count: UInt64) throws(Trap) -> [UInt8] {
        try check(address, count)
        if count == 0 { return [] }
        bytesMoved += count
        note(address, count, write: false)
        do { return try memory!.read(address, count: Int(count)) } catch { throw outOfBounds(address, count) }
    }

    mutating func write(_ address: UInt64, _ bytes: [UInt8]) throws(Trap) {
        try check(address, UInt64(bytes.count))
        if bytes.isEmpty { return }
        bytesMoved += UInt64(bytes.count)
        note(address, UInt64(bytes.count), write: true)
        do { try memory!.write(address, bytes) } catch { throw outOfBounds(address, UInt64(bytes.count)) }
    }

    /// Reads a NUL-terminated string of at most `limit` bytes before the NUL; nil when no NUL comes in time.
    /// Bytes are bounds-checked one by one, so a string ending at the memory's end traps only if it runs past it.
    mutating func readCString(_ address: UInt64, limit: Int) throws(Trap) -> [UInt8]? {
        var out: [UInt8] = []
        for i in 0 ... UInt64(limit) {
            let b = try read(address + i, 1)[0]
            if b == 0 { return out }
            out.append(b)
        }
        return nil
    }
}
