#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Copy-on-write checkpoints of a memory: a checkpoint copies only the pages written since
// the previous one; every other page is shared with earlier checkpoints. Restoring rewrites
// only the pages that differ from the live contents.

extension Memory {
    /// The contents now. Copies the dirty pages; nil (with everything copied so far kept, so
    /// the memory stays consistent) when the host cannot allocate a copy.
    func snapshot() -> MemoryImage? {
        let dirty = dirtyMap
        var page = 0
        while page < pageCount {
            // Eight map bytes at a time: most pages are clean.
            if page + 8 <= pageCount && UnsafeRawPointer(dirty + page).loadUnaligned(as: UInt64.self) == 0 {
                page += 8
                continue
            }
            if dirty[page] != 0 {
                guard let copy = MemoryPage(copying: base + page * wasmPageSize, accounting: accounting) else { return nil }
                image[page] = copy
                dirty[page] = 0
                // A store marks only the page it starts in; up to 7 of its bytes may spill over.
                if page + 1 < pageCount && dirty[page + 1] == 0 && spillDiffers(into: page + 1) { dirty[page + 1] = 1 }
            }
            page += 1
        }
        return MemoryImage(pages: image)
    }

    /// Whether the first bytes of `page` differ from `image` (a store from the page before).
    private func spillDiffers(into page: Int) -> Bool {
        let live = base + page * wasmPageSize
        let saved = image[page].map { UnsafeRawPointer($0.bytes) }
        for k in 0 ..< 7 where live.load(fromByteOffset: k, as: UInt8.self) != (saved?.load(fromByteOffset: k, as: UInt8.self) ?? 0) {
            return true
        }
        return false
    }

    /// Puts back the contents of `target` (taken from this memory), page count included.
    func restore(_ target: MemoryImage) {
        let old = pageCount
        let pages = target.pages.count
        // The memory was this long when `target` was taken, and capacity never shrinks.
        if pages != old && !resize(to: pages) { preconditionFailure("restoring a checkpoint needs no allocation") }
        let dirty = dirtyMap
        for page in 0 ..< pages where page >= old || dirty[page] != 0 || image[page] !== target.pages[page] {
            let live = base + page * wasmPageSize
            if let saved = target.pages[page] {
                live.copyMemory(from: saved.bytes, byteCount: wasmPageSize)
            } else {
                memset(live, 0, wasmPageSize)
            }
        }
        memset(dirty, 0, Swift.max(old, pages))
        image = target.pages
    }
}
