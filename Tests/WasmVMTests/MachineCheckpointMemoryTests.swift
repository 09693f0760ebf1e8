import Testing
@testable import WasmVM

/// Issue 10 item 4: checkpoints copy only the pages written since the previous one and
/// share the rest, so a 65,536-page memory costs its written pages, not 4 GiB each.
/// `sharedPageBytes` counts every page copy alive once, however many checkpoints hold it.
@Suite struct MachineCheckpointMemoryTests {
    static let module = """
        (module
          (memory (export "memory") 65536)
          ;; Writes i + 1 at byte 8 of pages 0 ..< pages.
          (func (export "fill") (param $pages i32)
            (local $i i32)
            (loop $l
              local.get $i
              i32.const 16
              i32.shl
              local.get $i
              i32.const 1
              i32.add
              i32.store offset=8
              local.get $i
              i32.const 1
              i32.add
              local.tee $i
              local.get $pages
              i32.lt_u
              br_if $l)))
        """

    static let small = """
        (module
          (memory (export "memory") 1 4)
          (func (export "store64") (param i32 i64) local.get 0 local.get 1 i64.store)
          (func (export "fill") (param i32 i32 i32) local.get 0 local.get 1 local.get 2 memory.fill)
          (func (export "grow") (param i32) (result i32) local.get 0 memory.grow))
        """

    func word(_ machine: Machine, _ instance: Instance, at address: UInt64) throws -> [UInt8] {
        try machine.memory(of: instance)!.read(address, count: 4)
    }

    @Test func aHugeMemoryCostsOnlyItsWrittenPages() throws {
        let (machine, instance) = try instantiate(Self.module)
        let empty = try #require(machine.checkpoint())
        #expect(empty.sharedPageBytes == 0)
        #expect(empty.byteSize == 65536 * 8 + 256)
        #expect(machine.call(instance, "fill", [.i32(10)]) == .returned([]))
        let ten = try #require(machine.checkpoint())
        #expect(ten.sharedPageBytes == 10 * 65536)
        // Pages 0 ..< 3 written again (same values): copied again, the other seven shared.
        #expect(machine.call(instance, "fill", [.i32(3)]) == .returned([]))
        let again = try #require(machine.checkpoint())
        #expect(again.sharedPageBytes == 13 * 65536)
        // Nothing written since: a checkpoint copies nothing.
        let same = try #require(machine.checkpoint())
        #expect(same.sharedPageBytes == 13 * 65536)

        machine.restore(empty)
        #expect(try word(machine, instance, at: 9 * 65536 + 8) == [0, 0, 0, 0])
        machine.restore(ten)
        #expect(try word(machine, instance, at: 9 * 65536 + 8) == [10, 0, 0, 0])
        #expect(try word(machine, instance, at: 10 * 65536 + 8) == [0, 0, 0, 0])
        #expect(machine.memory(of: instance)!.pageCount == 65536)
    }

    @Test func pageCopiesAreFreedWithTheLastCheckpointHoldingThem() throws {
        let (machine, instance) = try instantiate(Self.module)
        _ = machine.call(instance, "fill", [.i32(4)])
        var first = Optional(try #require(machine.checkpoint()))
        _ = machine.call(instance, "fill", [.i32(2)])
        let second = try #require(machine.checkpoint())
        #expect(second.sharedPageBytes == 6 * 65536)
        // Pages 0 and 1 of `first` were replaced in the memory's image: only `first` held them.
        first = nil
        #expect(first == nil)
        #expect(second.sharedPageBytes == 4 * 65536)
    }

    /// A store that starts in one page and ends in the next marks only the first; the
    /// checkpoint still catches the bytes it spilled (exact loop and fast loop alike).
    @Test(arguments: [true, false])
    func aStoreAcrossAPageBoundaryIsCheckpointed(fastCode: Bool) throws {
        var configuration = MachineConfiguration()
        configuration.usesFastCode = fastCode
        let (machine, instance) = try instantiate(Self.small, machine: Machine(configuration: configuration))
        #expect(machine.call(instance, "grow", [.i32(1)]) == .returned([.i32(1)]))
        let before = try #require(machine.checkpoint())
        #expect(machine.call(instance, "store64", [.i32(65532), .i64(0x1122_3344_5566_7788)]) == .returned([]))
        let after = try #require(machine.checkpoint())
        #expect(after.sharedPageBytes == 2 * 65536)
        machine.restore(before)
        #expect(try machine.memory(of: instance)!.read(65532, count: 8) == [0, 0, 0, 0, 0, 0, 0, 0])
        machine.restore(after)
        #expect(try machine.memory(of: instance)!.read(65532, count: 8) == [0x88, 0x77, 0x66, 0x55, 0x44, 0x33, 0x22, 0x11])
    }

    @Test func bulkFillsHostWritesAndGrowthAreCheckpointed() throws {
        let (machine, instance) = try instantiate(Self.small)
        let one = try #require(machine.checkpoint())
        #expect(machine.call(instance, "grow", [.i32(3)]) == .returned([.i32(1)]))
        #expect(machine.call(instance, "fill", [.i32(65535), .i32(0xAA), .i32(65538)]) == .returned([]))
        let filled = try #require(machine.checkpoint())
        #expect(filled.sharedPageBytes == 3 * 65536)   // pages 0, 1 and 2 (bytes 65535 ..< 131073)
        try machine.memory(of: instance)!.write(3 * 65536 + 5, [7])
        let written = try #require(machine.checkpoint())
        #expect(written.sharedPageBytes == 4 * 65536)

        machine.restore(one)
        #expect(machine.memory(of: instance)!.pageCount == 1)
        #expect(try machine.memory(of: instance)!.read(65535, count: 1) == [0])
        // Pages regrown after going back start zeroed, not with the bytes they held.
        #expect(machine.call(instance, "grow", [.i32(3)]) == .returned([.i32(1)]))
        #expect(try machine.memory(of: instance)!.read(65536, count: 2) == [0, 0])
        #expect(try machine.memory(of: instance)!.read(3 * 65536 + 5, count: 1) == [0])
        machine.restore(written)
        #expect(machine.memory(of: instance)!.pageCount == 4)
        #expect(try machine.memory(of: instance)!.read(131072, count: 2) == [0xAA, 0])
        #expect(try machine.memory(of: instance)!.read(3 * 65536 + 5, count: 1) == [7])
    }
}
