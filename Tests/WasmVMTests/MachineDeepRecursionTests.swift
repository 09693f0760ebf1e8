import Testing
@testable import WasmVM

/// Issue 10 item 6: a recursive function holding a reference instruction (an island the
/// fast loop leaves to the exact loop) copied every frame in and out of the fast loop at
/// each island: 19,000-deep recursion took 20 s. Now only changed frames are copied.
@Suite struct MachineDeepRecursionTests {
    static let recursion = """
        (module
          (func $rec (export "rec") (param i32) (result i32)
            ref.null func
            ref.is_null
            drop
            local.get 0
            i32.eqz
            if (result i32)
              i32.const 0
            else
              local.get 0
              i32.const 1
              i32.sub
              call $rec
              i32.const 1
              i32.add
            end))
        """

    @Test(arguments: [true, false])
    func deepRecursionThroughARefOpReturnsWithExactFuel(fastCode: Bool) throws {
        var configuration = MachineConfiguration()
        configuration.usesFastCode = fastCode
        let (machine, instance) = try instantiate(Self.recursion, machine: Machine(configuration: configuration))
        // Rounds of 19,000 frames, as in the issue (each took about 2 s before).
        for _ in 0 ..< 3 {
            #expect(machine.call(instance, "rec", [.i32(19_000)], fuel: 10_000_000) == .returned([.i32(19_000)]))
            #expect(machine.fuelUsed == 323_009)
        }
    }

    /// Frames copied back from the fast loop after an island keep their pcs: a trap deep in
    /// the recursion unwinds through the same backtrace either way.
    @Test func backtraceAfterIslandsMatchesTheExactLoop() throws {
        func frames(fastCode: Bool) throws -> [CodeLocation] {
            var configuration = MachineConfiguration()
            configuration.usesFastCode = fastCode
            let (machine, instance) = try instantiate(Self.recursion, machine: Machine(configuration: configuration))
            _ = machine.call(instance, "rec", [.i32(1_000)], fuel: 5_000)
            return machine.frames.map(\.location)
        }
        let fast = try frames(fastCode: true)
        let exact = try frames(fastCode: false)
        #expect(fast.count == 358)
        #expect(fast == exact)
    }
}
