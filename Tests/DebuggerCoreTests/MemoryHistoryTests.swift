@testable import DebuggerCore
import Testing
import WasmVM

/// Issue 10 item 4: a module declaring 65,536 pages (4 GiB) took 12.6 GB under
/// `continue` + `reverse-step` (about three copies of its memory). Checkpoints now share
/// unchanged pages: the history holds the written pages only, within its budget.
struct MemoryHistoryTests {
    /// Writes `i` at byte 8 of page `i & mask` for i in 0 ..< n; returns n.
    static func wat(pages: Int) -> String {
        """
        (module
          (memory (export "memory") \(pages))
          (func $main (export "main") (param $n i32) (param $mask i32) (result i32)
            (local $i i32)
            (loop $l
              local.get $i
              local.get $mask
              i32.and
              i32.const 16
              i32.shl
              local.get $i
              i32.store offset=8
              local.get $i
              i32.const 1
              i32.add
              local.tee $i
              local.get $n
              i32.lt_u
              br_if $l)
            local.get $i))
        """
    }

    func session(pages: Int, n: UInt32, mask: UInt32, budget: Int = CheckpointHistory.defaultBudget) throws -> DebugSession {
        let module = try Module.load(text: Self.wat(pages: pages))
        let target = try ModuleTarget(module: module, function: "main", arguments: [.i32(n), .i32(mask)], fuel: 100_000_000)
        return try DebugSession(target: target, historyBudget: budget)
    }

    @Test func aFourGiBMemoryCostsTheHistoryOnlyItsWrittenPages() throws {
        let s = try session(pages: 65536, n: 20, mask: 0xffff)
        // Step 0: a page table of 65,536 references and a few hundred bytes; no page copied.
        #expect(s.history.totalBytes == 524_600)
        #expect(s.must("continue").hasPrefix("finished"))
        #expect(s.must("reverse-step").hasPrefix("paused at main+0x21 (offset 0x54), step 281"))
        #expect(s.history.entries.map(\.step) == [0, 281])
        // 20 written pages, each copied once; two page tables.
        #expect(s.history.entries.last!.checkpoint.machine.sharedPageBytes == 20 * 65536)
        #expect(s.history.totalBytes == 2 * 524_600 + 20 * 65536 + 8)
        #expect(s.memoryBytes(at: 19 * 65536 + 8, count: 4) == [19, 0, 0, 0])
        #expect(s.memoryBytes(at: 20 * 65536 + 8, count: 4) == [0, 0, 0, 0])
    }

    /// Three periodic checkpoints (every 1,048,576 instructions) each copy the 64 pages written
    /// since the last; past the budget the middle ones go, and going back replays correctly.
    @Test func theHistoryBudgetThinsCheckpointsAndTimeTravelStillWorks() throws {
        let s = try session(pages: 64, n: 300_000, mask: 63, budget: 1 << 20)
        #expect(s.must("continue").hasPrefix("finished"))
        #expect(s.history.count == 2)
        #expect(s.history.entries.map(\.step) == [0, 4_194_304])
        #expect(s.must("goto 2000000").contains("step 2000000"))
        let direct = try session(pages: 64, n: 300_000, mask: 63)
        direct.must("step 2000000")
        #expect(s.memoryBytes(at: 0, count: 64 * 65536) == direct.memoryBytes(at: 0, count: 64 * 65536))
        #expect(s.memoryBytes(at: 63 * 65536 + 8, count: 4) == [0xff, 0x2d, 0x02, 0])   // i = 142,847 wrote page 63 last
        let wide = try session(pages: 64, n: 300_000, mask: 63)
        wide.must("continue")
        #expect(wide.history.entries.map(\.step) == [0, 1_048_576, 2_097_152, 3_145_728, 4_194_304])
        #expect(wide.history.totalBytes > 4 * 64 * 65536)
    }
}
