import Testing
@testable import ContractHost
import WasmVM

@Suite struct HostMemoryTests {
    @Test func mallocAllocatesAboveHeapBaseAlignedAndFreeReuses() throws {
        let e = try Contract.run(Contract.wat([.malloc, .free], main: """
            (local $a i32) (local $b i32)
            (local.set $a (call $malloc (i32.const 3)))
            (local.set $b (call $malloc (i32.const 16)))
            (call $free (local.get $a))
            (call $free (i32.const 0))
            (drop (call $malloc (i32.const 0)))
            (drop (call $malloc (i32.const -5)))
            (i32.sub (call $malloc (i32.const 8)) (local.get $a))
            """, extra: "  (global (export \"__heap_base\") i32 (i32.const 0x1234))"))
        #expect(e.result!.code == 0)   // the freed block is reused
        #expect(e.hostLog.map(\.results) == [[.i32(0x1238)], [.i32(0x1240)], [], [], [.i32(0)], [.i32(0)], [.i32(0x1238)]])
        #expect(e.hostLog[4].failure == "size 0 is not positive")
        #expect(e.hostLog[5].failure == "size -5 is not positive")
    }

    @Test func withoutHeapBaseMallocStartsAboveInitialMemoryAndGrowsIt() throws {
        let e = try Contract.run(Contract.wat([.malloc], main: """
            (drop (call $malloc (i32.const 100)))
            (drop (call $malloc (i32.const 70000)))
            (memory.size)
            """, memory: "(memory (export \"memory\") 1 4)"))
        #expect(e.hostLog.map(\.results) == [[.i32(65536)], [.i32(65536 + 104)]])
        #expect(e.result!.code == 3)          // 1 page, grown to 2, then 3
        let full = try Contract.run(Contract.wat([.malloc], main: "(call $malloc (i32.const 200000))", memory: "(memory (export \"memory\") 1 2)"))
        #expect(full.result!.code == 0)
        #expect(full.hostLog[0].failure == "cannot allocate 200000 bytes: memory cannot grow")
    }

    /// Failed before: `malloc(0x7fffffff)` grew memory to 2 GiB, then trapped `out_of_fuel`.
    /// The pages' fuel (1,024 each) is checked first; memory is not grown for a call that cannot pay.
    @Test func mallocChargesFuelBeforeGrowingMemory() throws {
        let huge = try Contract.run(Contract.wat([.malloc], main: "(drop (call $malloc (i32.const 0x7fffffff))) (i32.const 0)"))
        #expect(huge.result?.trap?.kind == .outOfFuel)
        #expect(huge.result?.trap?.message == "malloc(2147483647) would grow memory by 32768 pages for 33554432 fuel; 9999949 left")
        #expect(huge.result?.fuelUsed == 1)
        #expect(huge.machine.memory(of: huge.instance)?.pageCount == 1)
        #expect(huge.hostLog.count == 1)
        // One page: 1 (i32.const) + 50 (the call) + 1,024 (the page) + 1 (drop) + 1 (i32.const) + 1 (end) = 1,078.
        let wat = Contract.wat([.malloc], main: "(drop (call $malloc (i32.const 65536))) (i32.const 0)")
        var snapshot = Fixtures.snapshot()
        snapshot.call.fuel = 1078
        let paid = try Contract.run(wat, snapshot)
        #expect(paid.result?.status == .success)
        #expect(paid.result?.fuelUsed == 1078)
        #expect(paid.machine.memory(of: paid.instance)?.pageCount == 2)
        snapshot.call.fuel = 1074
        let short = try Contract.run(wat, snapshot)
        #expect(short.result?.trap?.kind == .outOfFuel)
        #expect(short.result?.trap?.message == "malloc(65536) would grow memory by 1 pages for 1024 fuel; 1023 left")
        #expect(short.result?.fuelUsed == 1)
        #expect(short.machine.memory(of: short.instance)?.pageCount == 1)
        // Memory that cannot grow at all still makes malloc return 0, whatever the fuel.
        let capped = try Contract.run(Contract.wat([.malloc], main: "(call $malloc (i32.const 0x7fffffff))", memory: "(memory (export \"memory\") 1 1)"))
        #expect(capped.result?.code == 0)
        #expect(capped.hostLog[0].failure == "cannot allocate 2147483647 bytes: memory cannot grow")
    }

    @Test func freeingAPointerMallocDidNotReturnTraps() throws {
        let e = try Contract.run(Contract.wat([.malloc, .free], main: """
            (call $free (i32.add (call $malloc (i32.const 8)) (i32.const 4)))
            (i32.const 0)
            """))
        let r = e.result!
        #expect(r.status == .trap)
        #expect(r.trap?.kind == .hostError)
        #expect(r.trap?.message == "free: 0x10004 was not returned by malloc (or was already freed)")
        #expect(e.hostLog.last?.trap == r.trap?.message)
    }

    @Test func outOfBoundsHostAccessTrapsAtTheCallNamingFunctionAndRange() throws {
        let wat = Contract.wat([.getCaller, .setReturnData], main: """
            (call $set_return_data (i32.const 0) (i32.const 1))
            (drop (call $get_caller (i32.const 65500)))
            (i32.const 0)
            """)
        let e = try Contract.run(wat)
        let r = e.result!
        #expect(r.status == .trap)
        #expect(r.trap?.kind == .hostError)
        #expect(r.trap?.message == "get_caller: memory range 0xffdc..0x10006 (42 bytes) is out of bounds (memory is 65536 bytes)")
        #expect(r.trapFunction == "main")
        // The trap points at the `call $get_caller` instruction.
        let main = e.module.functions[0]
        let callOffsets = zip(main.code, main.offsets).filter { $0.0.op == .call && $0.0.a == 0 }.map(\.1)
        #expect(r.trap?.offset == Int(callOffsets[0]))
        #expect(r.json["trap"]?["function"] == .string("main"))
        // Nothing written: memory is unchanged below the end.
        #expect(try Contract.memory(e, 65500, 36) == Array(repeating: 0, count: 36))
    }

    @Test func negativeLengthIsAnOutOfBoundsRange() throws {
        let e = try Contract.run(Contract.wat([.setReturnData], main: """
            (call $set_return_data (i32.const 16) (i32.const -1))
            (i32.const 0)
            """))
        #expect(e.result!.trap?.message == "set_return_data: memory range 0x10..0x10000000f (4294967295 bytes) is out of bounds (memory is 65536 bytes)")
    }
}
