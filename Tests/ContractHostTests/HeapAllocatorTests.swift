import Testing
@testable import ContractHost

@Suite struct HeapAllocatorTests {
    @Test func allocationsAreAlignedAndAboveTheBase() {
        var a = HeapAllocator(base: 1027)
        #expect(a.base == 1032)
        #expect(a.allocate(1, memorySize: 65536) { _ in false } == 1032)
        #expect(a.allocate(13, memorySize: 65536) { _ in false } == 1040)
        #expect(a.allocate(8, memorySize: 65536) { _ in false } == 1056)
        #expect(a.top == 1064)
        #expect(a.liveBytes == 32)
    }

    @Test func zeroBaseNeverReturnsNull() {
        var a = HeapAllocator(base: 0)
        #expect(a.allocate(4, memorySize: 65536) { _ in false } == 8)
    }

    @Test func zeroAndHugeSizesFail() {
        var a = HeapAllocator(base: 64)
        #expect(a.allocate(0, memorySize: 65536) { _ in true } == nil)
        #expect(a.allocate(1 << 32, memorySize: 65536) { _ in true } == nil)
    }

    @Test func freedBlocksAreReusedFirstFitAndMerged() {
        var a = HeapAllocator(base: 0x100)
        let p1 = a.allocate(16, memorySize: 65536) { _ in false }!
        let p2 = a.allocate(16, memorySize: 65536) { _ in false }!
        let p3 = a.allocate(16, memorySize: 65536) { _ in false }!
        #expect([p1, p2, p3] == [0x100, 0x110, 0x120])
        var ok = a.free(p1); #expect(ok)
        ok = a.free(p2); #expect(ok)
        #expect(a.freeList == [0x100 ..< 0x120])
        #expect(a.allocate(24, memorySize: 65536) { _ in false } == 0x100)
        #expect(a.freeList == [0x118 ..< 0x120])
        ok = a.free(p3); #expect(ok)              // top block freed: merged into the free tail, top drops
        #expect(a.top == 0x118)
        #expect(a.freeList.isEmpty)
        ok = a.free(p3); #expect(!ok)              // double free
        ok = a.free(0x104); #expect(!ok)           // not a block start
    }

    @Test func growsMemoryByWholePagesOrFails() {
        var a = HeapAllocator(base: 65536 - 8)
        var grown: [Int] = []
        #expect(a.allocate(8, memorySize: 65536) { grown.append($0); return true } == 65528)
        #expect(grown.isEmpty)
        #expect(a.allocate(65536 * 2, memorySize: 65536) { grown.append($0); return true } == 65536)
        #expect(grown == [2])
        #expect(a.allocate(8, memorySize: 3 * 65536) { _ in false } == nil)
        #expect(a.top == 3 * 65536)
    }
}
