import Testing
@testable import WasmVM

/// Breakpoints, memory watches and checkpoints.
@Suite struct MachineDebugHookTests {
    static let counter = """
    (module
      (memory 1)
      (func (export "count") (param i32) (result i32) (local i32)
        (loop $l
          (i32.store (i32.const 16) (local.get 1))
          (local.set 1 (i32.add (local.get 1) (i32.const 1)))
          (br_if $l (i32.lt_u (local.get 1) (local.get 0))))
        (local.get 1)))
    """

    @Test func breakpointPausesBeforeAndResumesOnce() throws {
        let (machine, instance) = try instantiate(Self.counter)
        // pc 3 is the first `local.get 1` after the store; the loop body is 11 instructions.
        machine.setBreakpoint(id: 7, instance: instance, function: 0, pc: 3)
        try machine.start(instance, "count", [.i32(3)], fuel: 10_000)
        var hits: [UInt64] = []
        var event = machine.run()
        while case .breakpoint(let id, let at) = event {
            #expect(id == 7 && at.pc == 3)
            #expect(machine.location == at)
            hits.append(machine.steps)
            event = machine.run()
        }
        #expect(event == .returned([.i32(3)]))
        #expect(hits == [3, 14, 25])
        let fuel = machine.fuelUsed
        machine.removeBreakpoint(id: 7)
        #expect(machine.call(instance, "count", [.i32(3)]) == .returned([.i32(3)]))
        #expect(machine.fuelUsed == fuel)   // breakpoints cost nothing
    }

    @Test func memoryWatchPausesAfterAWriteIntoTheRange() throws {
        let (machine, instance) = try instantiate(Self.counter)
        machine.setMemoryWatches([18 ..< 19], instance: instance)
        try machine.start(instance, "count", [.i32(2)])
        let event = machine.run()
        guard case .memoryWatch(let address, let length, let at) = event else { Issue.record("\(event)"); return }
        #expect(address == 16 && length == 4)
        #expect(at.pc == 2)
        #expect(machine.location?.pc == 3)
        machine.setMemoryWatches([100 ..< 104], instance: instance)
        #expect(machine.run() == .returned([.i32(2)]))
    }

    @Test func restoringACheckpointReproducesTheRun() throws {
        let (machine, instance) = try instantiate(Self.counter)
        try machine.start(instance, "count", [.i32(50)], fuel: 100_000)
        #expect(machine.run(RunLimits(maxSteps: 123)) == .stepLimit)
        let checkpoint = try #require(machine.checkpoint())
        // The counter's one page was written: its copy is shared, not part of the checkpoint's own bytes.
        #expect(checkpoint.byteSize < 65536)
        #expect(checkpoint.sharedPageBytes == 65536)
        let frames = machine.frames
        #expect(machine.run() == .returned([.i32(50)]))
        let (fuel, steps) = (machine.fuelUsed, machine.steps)
        let memory = try machine.memory(of: instance)!.read(0, count: 32)

        machine.restore(checkpoint)
        #expect(machine.steps == 123)
        #expect(machine.frames == frames)
        #expect(machine.run() == .returned([.i32(50)]))
        #expect(machine.fuelUsed == fuel && machine.steps == steps)
        #expect(try machine.memory(of: instance)!.read(0, count: 32) == memory)
    }

    @Test func checkpointRestoresMemoryGrowthAndGlobals() throws {
        let (machine, instance) = try instantiate("""
        (module (memory 1) (global $g (mut i32) (i32.const 0))
          (func (export "go")
            (drop (memory.grow (i32.const 2)))
            (global.set $g (i32.const 9))
            (i32.store (i32.const 70000) (i32.const 1))))
        """)
        try machine.start(instance, "go")
        let checkpoint = try #require(machine.checkpoint())
        #expect(machine.run() == .returned([]))
        #expect(machine.memory(of: instance)!.pageCount == 3)
        #expect(machine.globals(of: instance) == [.i32(9)])
        machine.restore(checkpoint)
        #expect(machine.memory(of: instance)!.pageCount == 1)
        #expect(machine.globals(of: instance) == [.i32(0)])
        #expect(machine.run() == .returned([]))
        #expect(try machine.memory(of: instance)!.read(70000, count: 1) == [1])
    }
}
