import Testing
@testable import WasmVM

/// The store as hosts and the debugger see it: memories, link checks, call arguments.
@Suite struct MachineStoreTests {
    @Test func memoryAccessIsBoundsChecked() throws {
        let machine = Machine()
        guard case .memory(let address) = machine.addMemory(MemoryType(limits: Limits(min: 1, max: 2))) else { fatalError() }
        let memory = machine.memory(address: address)
        try memory.write(65534, [1, 2])
        #expect(try memory.read(65534, count: 2) == [1, 2])
        #expect(throws: Trap(.memoryOutOfBounds)) { try memory.write(65535, [1, 2]) }
        #expect(throws: Trap(.memoryOutOfBounds)) { _ = try memory.read(65536, count: 1) }
        #expect(memory.contains(65536, count: 0))
        #expect(!memory.contains(.max, count: 2))
        #expect(memory.grow(by: 1) == 1)
        #expect(memory.grow(by: 1) == nil)
        #expect(memory.byteCount == 131072)
        #expect(try memory.read(131071, count: 1) == [0])
    }

    @Test func importsAreCheckedByKindAndLimits() throws {
        let machine = Machine()
        let memory = machine.addMemory(MemoryType(limits: Limits(min: 1, max: nil)))
        let global = machine.addGlobal(GlobalType(valueType: .i32, isMutable: false), value: .i32(1))
        let table = machine.addTable(TableType(elementType: .funcref, limits: Limits(min: 5, max: 10)))
        func link(_ wat: String, _ name: String, _ value: ExternalValue) -> String? {
            do { _ = try instantiate(wat, machine: machine, imports: [name: value]); return nil } catch {
                return (error as? LinkError)?.message ?? "\(error)"
            }
        }
        #expect(link("(module (import \"env\" \"m\" (memory 1 4)))", "env.m", memory)
                == "incompatible import type: import env.m: module declares memory 1..4 pages, host offers memory 1.. pages")
        #expect(link("(module (import \"env\" \"g\" (global (mut i32))))", "env.g", global)
                == "incompatible import type: import env.g: module declares global mut i32, host offers global i32")
        #expect(link("(module (import \"env\" \"t\" (table 6 funcref)))", "env.t", table)
                == "incompatible import type: import env.t: module declares table funcref 6.., host offers table funcref 5..10")
        #expect(link("(module (import \"env\" \"t\" (memory 1)))", "env.t", table)
                == "incompatible import type: import env.t: module declares memory 1.. pages, host offers table funcref 5..10")
        #expect(link("(module (import \"env\" \"t\" (table 2 20 funcref)))", "env.t", table) == nil)
    }

    @Test func argumentsMustMatchTheFunctionType() throws {
        let (machine, instance) = try instantiate("(module (func (export \"f\") (param i32)))")
        #expect(throws: Trap.self) { try machine.start(instance, "f", [.i64(1)]) }
        #expect(machine.call(instance, "f", [.i32(1)]) == .returned([]))
    }

    @Test func activeSegmentOutOfBoundsTrapsAfterEarlierSegmentsWrote() throws {
        let machine = Machine()
        let memory = machine.addMemory(MemoryType(limits: Limits(min: 1, max: nil)))
        #expect(throws: Trap(.memoryOutOfBounds)) {
            _ = try instantiate("""
            (module (import "env" "m" (memory 1))
              (data (i32.const 0) "\\01\\02")
              (data (i32.const 65535) "\\03\\04"))
            """, machine: machine, imports: ["env.m": memory])
        }
        guard case .memory(let address) = memory else { fatalError() }
        #expect(try machine.memory(address: address).read(0, count: 2) == [1, 2])
        #expect(try machine.memory(address: address).read(65535, count: 1) == [0])
    }

    @Test func checkpointWhilePausedBeforeAHostCall() throws {
        let machine = Machine()
        var calls = 0
        let tick = machine.addHostFunction(module: "env", name: "tick", type: void_i32) { _ throws(Trap) in
            calls += 1
            return [.i32(UInt32(calls))]
        }
        let (_, instance) = try instantiate("""
        (module (import "env" "tick" (func $tick (result i32)))
          (func (export "main") (result i32) (i32.add (call $tick) (call $tick))))
        """, machine: machine, imports: ["env.tick": tick])
        machine.pauseBeforeHostCalls = true
        try machine.start(instance, "main")
        guard case .hostCallPending = machine.run() else { Issue.record("no pause"); return }
        let checkpoint = try #require(machine.checkpoint())
        guard case .hostCallPending = machine.run() else { Issue.record("no second pause"); return }
        machine.restore(checkpoint)
        #expect(machine.pendingHostCall?.importName == "tick")
        #expect(machine.fuelUsed == 0 && machine.steps == 0)
        // Resuming from the restored pause performs the first call without pausing again.
        guard case .hostCallPending = machine.run() else { Issue.record("no pause after restore"); return }
        #expect(machine.steps == 1)
        #expect(machine.frames[0].operands == [.i32(2)])   // host state is the host's: the counter moved on
    }
}

@Suite struct MachineLimitTests {
    @Test func memoriesAboveTheConfiguredLimitDoNotInstantiate() throws {
        var configuration = MachineConfiguration()
        configuration.maxMemoryPages = 16
        #expect(throws: LinkError("memory of 17 pages exceeds the limit of 16 pages")) {
            _ = try instantiate("(module (memory 17))", machine: Machine(configuration: configuration))
        }
        let (machine, instance) = try instantiate("""
        (module (memory 15) (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0))))
        """, machine: Machine(configuration: configuration))
        #expect(machine.call(instance, "grow", [.i32(2)]) == .returned([.i32(UInt32.max)]))
        #expect(machine.call(instance, "grow", [.i32(1)]) == .returned([.i32(15)]))
    }
}
