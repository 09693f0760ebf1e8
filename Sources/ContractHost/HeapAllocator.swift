/// The host-managed `malloc`/`free` of HOST-ABI.md. Bookkeeping lives here, never in
/// guest memory, so a contract cannot corrupt it. First fit over an address-ordered
/// free list, 8-byte aligned blocks, adjacent free blocks merged; the heap grows
/// guest memory when it runs out. A value type: checkpoints copy it.
public struct HeapAllocator: Sendable, Equatable {
    public static let alignment: UInt64 = 8
    static let addressLimit: UInt64 = 1 << 32

    /// First address the allocator hands out (above `__heap_base`, or the memory's initial size).
    public let base: UInt64
    /// End of the highest block ever carved out (bump pointer).
    public private(set) var top: UInt64
    /// Live blocks: address -> size (rounded up to the alignment).
    public private(set) var blocks: [UInt64: UInt64] = [:]
    /// Free blocks below `top`, address-ordered, never adjacent.
    public private(set) var freeList: [Range<UInt64>] = []

    public init(base: UInt64) {
        // Never hand out 0: that is the failure value.
        let aligned = max(HeapAllocator.alignment, (base + HeapAllocator.alignment - 1) / HeapAllocator.alignment * HeapAllocator.alignment)
        self.base = aligned
        top = aligned
    }

    public var liveBytes: UInt64 { blocks.values.reduce(0, +) }

    /// Allocates `size` bytes. `memorySize` is the guest memory's current byte size;
    /// `grow(pages)` must grow it and return false when it cannot. Returns nil when impossible.
    public mutating func allocate(_ size: UInt64, memorySize: UInt64, grow: (Int) -> Bool) -> UInt64? {
        guard size > 0, size < HeapAllocator.addressLimit else { return nil }
        let rounded = (size + HeapAllocator.alignment - 1) / HeapAllocator.alignment * HeapAllocator.alignment
        if let i = freeList.firstIndex(where: { UInt64($0.count) >= rounded }) {
            let block = freeList[i]
            let address = block.lowerBound
            if UInt64(block.count) == rounded { freeList.remove(at: i) } else { freeList[i] = (address + rounded) ..< block.upperBound }
            blocks[address] = rounded
            return address
        }
        let address = top
        let end = address + rounded
        guard end <= HeapAllocator.addressLimit else { return nil }
        if end > memorySize {
            let page = UInt64(65536)
            let pages = Int((end - memorySize + page - 1) / page)
            guard grow(pages) else { return nil }
        }
        top = end
        blocks[address] = rounded
        return address
    }

    /// Frees a block; false when `address` is not a live block malloc returned.
    public mutating func free(_ address: UInt64) -> Bool {
        guard let size = blocks.removeValue(forKey: address) else { return false }
        var range = address ..< address + size
        let i = freeList.firstIndex { $0.lowerBound > address } ?? freeList.count
        var insertAt = i
        if i < freeList.count, freeList[i].lowerBound == range.upperBound {
            range = range.lowerBound ..< freeList[i].upperBound
            freeList.remove(at: i)
        }
        if insertAt > 0, freeList[insertAt - 1].upperBound == range.lowerBound {
            range = freeList[insertAt - 1].lowerBound ..< range.upperBound
            freeList.remove(at: insertAt - 1)
            insertAt -= 1
        }
        if range.upperBound == top {
            top = range.lowerBound
        } else {
            freeList.insert(range, at: insertAt)
        }
        return true
    }
}
