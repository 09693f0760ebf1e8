#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A linear memory of the store. Hosts and the debugger read and write it through
/// these bounds-checked calls; the interpreter uses its raw buffer directly.
public final class Memory {
    public internal(set) var pageCount: Int = 0
    public let maxPages: Int?
    public var byteCount: Int { pageCount * wasmPageSize }
    /// Growth stops here even without a declared maximum (MachineConfiguration.maxMemoryPages).
    let pageLimit: Int
    /// Start of the bytes; never nil (at least one byte is allocated) so the loop needs no optional.
    private(set) var base: UnsafeMutableRawPointer
    /// `byteCount` as the interpreter compares it.
    private(set) var size: UInt64 = 0

    init(type: MemoryType, pageLimit: Int = 65536) {
        maxPages = type.limits.max.map(Int.init)
        self.pageLimit = Swift.min(maxPages ?? 65536, pageLimit)
        pageCount = Int(type.limits.min)
        size = UInt64(pageCount * wasmPageSize)
        // calloc leaves fresh pages to the OS (zeroed lazily).
        guard let bytes = calloc(Swift.max(pageCount * wasmPageSize, 1), 1) else {
            preconditionFailure("cannot allocate a memory of \(pageCount) pages")
        }
        base = bytes
    }

    deinit { free(base) }

    /// Whether `address ..< address + count` lies inside the memory.
    public func contains(_ address: UInt64, count: UInt64) -> Bool {
        address <= size && count <= size - address
    }

    /// Throws `memory_out_of_bounds` (hosts rethrow as `host_error` naming themselves).
    public func read(_ address: UInt64, count: Int) throws(Trap) -> [UInt8] {
        guard count >= 0, contains(address, count: UInt64(count)) else { throw Trap(.memoryOutOfBounds) }
        return Array(UnsafeRawBufferPointer(start: base + Int(address), count: count))
    }

    public func write(_ address: UInt64, _ bytes: [UInt8]) throws(Trap) {
        guard contains(address, count: UInt64(bytes.count)) else { throw Trap(.memoryOutOfBounds) }
        bytes.withUnsafeBytes { raw in
            if let src = raw.baseAddress { (base + Int(address)).copyMemory(from: src, byteCount: raw.count) }
        }
    }

    /// Grows by `pages`; returns the old page count, or nil when the limit forbids it.
    /// Whether `grow(by:)` is within the maximum and the page limit (hosts check before charging for it).
    public func canGrow(by pages: Int) -> Bool { pages >= 0 && pages <= pageLimit - pageCount }

    public func grow(by pages: Int) -> Int? {
        let old = pageCount
        guard canGrow(by: pages) else { return nil }
        if pages == 0 { return old }
        let newBytes = (old + pages) * wasmPageSize
        guard let grown = realloc(base, newBytes) else { return nil }
        memset(grown + old * wasmPageSize, 0, pages * wasmPageSize)
        base = grown
        pageCount = old + pages
        size = UInt64(newBytes)
        return old
    }

    /// The whole contents, for checkpoints.
    func snapshot() -> [UInt8] { Array(UnsafeRawBufferPointer(start: base, count: byteCount)) }

    /// Puts back contents taken by `snapshot` (the page count follows the byte count).
    func restore(_ bytes: [UInt8]) {
        let pages = bytes.count / wasmPageSize
        if pages != pageCount {
            base = realloc(base, Swift.max(bytes.count, 1))!
            pageCount = pages
            size = UInt64(bytes.count)
        }
        bytes.withUnsafeBytes { raw in
            if let src = raw.baseAddress { base.copyMemory(from: src, byteCount: raw.count) }
        }
    }
}
