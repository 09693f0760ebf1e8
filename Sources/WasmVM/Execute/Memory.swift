#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A linear memory of the store. Hosts and the debugger read and write it through
/// these bounds-checked calls; the interpreter uses its raw buffer directly.
///
/// Checkpoints share unchanged pages (Memory+Checkpoint.swift): the live bytes stay one
/// contiguous buffer, and every write marks its wasm page in a dirty map kept just below
/// `base` (`dirtyMapBytes` bytes, one per page), so the interpreter marks a page with one
/// store relative to the base it already holds.
public final class Memory {
    public internal(set) var pageCount: Int = 0
    public let maxPages: Int?
    public var byteCount: Int { pageCount * wasmPageSize }
    /// Growth stops here even without a declared maximum (MachineConfiguration.maxMemoryPages).
    let pageLimit: Int
    /// Start of the bytes; never nil (the dirty map precedes them) so the loop needs no optional.
    private(set) var base: UnsafeMutableRawPointer
    /// `byteCount` as the interpreter compares it.
    private(set) var size: UInt64 = 0
    /// Pages allocated: never shrinks, so restoring any checkpoint of this memory needs no allocation.
    private var capacity: Int
    /// The contents as of the last checkpoint or restore, one entry per page (nil: all zeros).
    /// Live pages equal it except those marked dirty.
    var image: [MemoryPage?]
    /// Bytes of page copies alive (held by checkpoints or `image`) for this memory.
    let accounting = PageAccounting()

    /// One byte per possible page (65,536 pages of 64 KiB are the 4 GiB a 32-bit index reaches).
    static let dirtyMapBytes = 65536

    /// Nil when the host cannot allocate the initial pages.
    init?(type: MemoryType, pageLimit: Int = 65536) {
        maxPages = type.limits.max.map(Int.init)
        self.pageLimit = Swift.min(maxPages ?? 65536, pageLimit, Memory.dirtyMapBytes)
        pageCount = Int(type.limits.min)
        size = UInt64(pageCount * wasmPageSize)
        // calloc leaves fresh pages (and the dirty map) to the OS, zeroed lazily.
        guard let bytes = calloc(Memory.dirtyMapBytes + pageCount * wasmPageSize, 1) else { return nil }
        base = bytes + Memory.dirtyMapBytes
        capacity = pageCount
        image = Array(repeating: nil, count: pageCount)
    }

    deinit { free(base - Memory.dirtyMapBytes) }

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
        markWritten(Int(address), bytes.count)
    }

    /// Whether `grow(by:)` is within the maximum and the page limit (hosts check before charging for it).
    public func canGrow(by pages: Int) -> Bool { pages >= 0 && pages <= pageLimit - pageCount }

    /// Grows by `pages`; returns the old page count, or nil when the limit forbids it or the
    /// host cannot allocate it (`memory.grow` then returns -1, as the spec allows).
    public func grow(by pages: Int) -> Int? {
        let old = pageCount
        guard canGrow(by: pages) else { return nil }
        if pages == 0 { return old }
        guard resize(to: old + pages) else { return nil }
        memset(base + old * wasmPageSize, 0, pages * wasmPageSize)
        image.append(contentsOf: repeatElement(nil, count: pages))
        return old
    }

    /// Makes the memory `pages` long, keeping the dirty map and the bytes that remain (pages
    /// past the old count hold anything: the caller fills them). False when out of host memory.
    func resize(to pages: Int) -> Bool {
        if pages > capacity {
            guard let grown = realloc(base - Memory.dirtyMapBytes, Memory.dirtyMapBytes + pages * wasmPageSize) else { return false }
            base = grown + Memory.dirtyMapBytes
            capacity = pages
        }
        pageCount = pages
        size = UInt64(pages * wasmPageSize)
        return true
    }

    /// The dirty-map byte of `page`.
    var dirtyMap: UnsafeMutablePointer<UInt8> { (base - Memory.dirtyMapBytes).assumingMemoryBound(to: UInt8.self) }

    /// Marks the pages of `address ..< address + count` written (bulk ops, hosts, the debugger).
    func markWritten(_ address: Int, _ count: Int) {
        guard count > 0 else { return }
        for page in address / wasmPageSize ... (address + count - 1) / wasmPageSize { dirtyMap[page] = 1 }
    }
}

/// Marks the page of a store at `ea` written. A store that crosses into the next page marks
/// only the first; `Memory.snapshot` checks the next page's first bytes for that.
@inline(__always) func markWritten(_ base: UnsafeMutableRawPointer, _ ea: Int) {
    (base + ((ea &>> 16) &- Memory.dirtyMapBytes)).guestStore(UInt8(1))
}
