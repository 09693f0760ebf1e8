#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An immutable copy of one wasm page, shared by every checkpoint (and the memory's
/// `image`) in which the page has these contents.
final class MemoryPage {
    let bytes: UnsafeMutableRawPointer
    let accounting: PageAccounting

    /// Nil when the host cannot allocate the copy.
    init?(copying source: UnsafeRawPointer, accounting: PageAccounting) {
        guard let bytes = malloc(wasmPageSize) else { return nil }
        bytes.copyMemory(from: source, byteCount: wasmPageSize)
        self.bytes = bytes
        self.accounting = accounting
        accounting.bytes += wasmPageSize
    }

    deinit {
        free(bytes)
        accounting.bytes -= wasmPageSize
    }
}

/// Bytes of page copies alive for one memory: the exact cost of its checkpoints' memory,
/// however many checkpoints share each page.
final class PageAccounting {
    var bytes = 0
}

/// A memory's contents at a checkpoint: shared page copies (nil: all zeros).
struct MemoryImage {
    var pages: [MemoryPage?]
}
