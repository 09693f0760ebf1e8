import Testing
@testable import ContractHost
import WasmVM

@Suite struct ExecutionTests {
    @Test func hostCallFuelIsTheCallCostPlusBytesAndDraftEntries() throws {
        // i32.const 1 + host call 50 + drop 1 + i32.const 1 + return 1
        let plain = try Contract.run(Contract.wat([.getBlockHeight], main: "(drop (call $get_block_height)) (i32.const 0)"))
        #expect(plain.result!.fuelUsed == 53)
        // 42 bytes written: 6 started 8-byte units
        let bytes = try Contract.run(Contract.wat([.getCaller], main: "(drop (call $get_caller (i32.const 0x100))) (i32.const 0)"))
        #expect(bytes.result!.fuelUsed == 1 + 50 + 6 + 1 + 1 + 1)
        #expect(bytes.hostLog[0].extraFuel == 6)
        // 2 bytes read (1 unit) and one state write (10)
        let write = try Contract.run(Contract.wat([.stateSet], main: """
            (drop (call $state_set (i32.const 0) (i32.const 1) (i32.const 1) (i32.const 1))) (i32.const 0)
            """))
        #expect(write.result!.fuelUsed == 4 + 50 + 11 + 1 + 1 + 1)
        #expect(write.result!.fuelLimit == 10_000_000)
    }

    @Test func outOfFuelNeverExceedsTheLimit() throws {
        var s = Fixtures.snapshot()
        s.call.fuel = 52
        let e = try Contract.run(Contract.wat([.getCaller], main: "(drop (call $get_caller (i32.const 0x100))) (i32.const 0)"), s)
        #expect(e.result!.status == .trap)
        #expect(e.result!.trap?.kind == .outOfFuel)
        #expect(e.result!.fuelUsed == 1)
        #expect(e.result!.fuelLimit == 52)
    }

    @Test func callDepthIsLimitedTo20000Frames() throws {
        #expect(MachineConfiguration().maxCallDepth == 20_000)
        let e = try Contract.run(Contract.wat([], main: "(call $rec (i32.const 0))", extra: """
              (func $rec (param i32) (result i32) (call $rec (i32.add (local.get 0) (i32.const 1))))
            """))
        #expect(e.result!.trap?.kind == .callStackExhausted)
    }

    @Test func sameSnapshotGivesIdenticalResultBytes() throws {
        let wat = Contract.wat([.getCaller, .stateSet, .emitEvent, .malloc], data: [(0, "key")], main: """
            (local $p i32)
            (local.set $p (call $malloc (i32.const 64)))
            (drop (call $get_caller (local.get $p)))
            (drop (call $state_set (i32.const 0) (i32.const 3) (local.get $p) (i32.const 42)))
            (call $emit_event (i32.const 0) (i32.const 3) (local.get $p) (i32.const 42))
            (i32.const 0)
            """)
        let a = try Contract.run(wat).result!.jsonText
        let b = try Contract.run(wat).result!.jsonText
        #expect(a == b)
        #expect(a.contains("\"hostCalls\": 4"))
    }

    @Test func checkpointRestoreCoversMachineAndHostState() throws {
        let e = try Contract.execution(Contract.wat([.stateSet, .malloc], data: [(0, "ab")], main: """
            (drop (call $malloc (i32.const 8)))
            (drop (call $state_set (i32.const 0) (i32.const 1) (i32.const 1) (i32.const 1)))
            (drop (call $malloc (i32.const 8)))
            (drop (call $state_set (i32.const 1) (i32.const 1) (i32.const 0) (i32.const 1)))
            (i32.const 0)
            """))
        e.start()
        e.machine.pauseAfterHostCalls = true
        guard case .hostCallReturned = e.run() else { Issue.record("expected a host-call pause"); return }
        let saved = try #require(e.checkpoint())
        #expect(e.hostLog.count == 1)
        e.machine.pauseAfterHostCalls = false
        let first = e.runToEnd()
        #expect(first.draft.stateWrites.count == 2)
        e.restore(saved)
        #expect(e.result == nil)
        #expect(e.hostLog.count == 1)
        #expect(e.draft.stateWrites.isEmpty)
        #expect(e.host.allocator.blocks.count == 1)
        let second = e.runToEnd()
        #expect(second == first)
        #expect(e.hostLog.map(\.results) == [[.i32(65536)], [.i32(1)], [.i32(65544)], [.i32(1)]])
    }

    @Test func pendingHostCallMemoryRanges() throws {
        let e = try Contract.execution(Contract.wat([.stateGet, .getCaller, .executeUTXOTransfer], data: [(0, "counter")], main: """
            (drop (call $state_get (i32.const 0) (i32.const 7) (i32.const 0x100)))
            (drop (call $get_caller (i32.const 0x200)))
            (drop (call $execute_utxo_transfer (i32.const 0x200) (i32.const 0x300) (i64.const 5) (i32.const 0x400) (i32.const 4)))
            (i32.const 0)
            """), Fixtures.snapshot(state: [Array("counter".utf8): Array("41".utf8)]))
        e.start()
        e.machine.pauseBeforeHostCalls = true
        var ranges: [[HostMemoryAccess]] = []
        while e.result == nil {
            if case .hostCallPending(let call) = e.run() { ranges.append(e.memoryAccesses(for: call)) }
        }
        #expect(ranges == [
            [HostMemoryAccess(range: 0 ..< 7, isWrite: false), HostMemoryAccess(range: 0x100 ..< 0x102, isWrite: true)],
            [HostMemoryAccess(range: 0x200 ..< 0x22a, isWrite: true)],
            [HostMemoryAccess(range: 0x200 ..< 0x22a, isWrite: false), HostMemoryAccess(range: 0x300 ..< 0x32a, isWrite: false),
             HostMemoryAccess(range: 0x400 ..< 0x404, isWrite: false)],
        ])
    }

    @Test func traceHasOneLinePerInstructionAndHostCall() throws {
        let e = try Contract.execution(Contract.wat([.getBlockHeight], main: "(drop (call $get_block_height)) (i32.const 0)"))
        var lines: [String] = []
        let r = e.runTraced { lines.append($0.compactText) }
        #expect(r.status == .success)
        let call = try #require(e.module.functions[0].offsets.first)
        #expect(lines == [
            #"{"step":0,"function":"main","offset":\#(call),"opcode":"call","fuel":50}"#,
            #"{"step":0,"hostCall":{"function":"get_block_height","args":[],"results":["i64:1024"],"failure":null,"trap":null},"fuel":50}"#,
            #"{"step":1,"function":"main","offset":\#(call + 2),"opcode":"drop","fuel":51}"#,
            #"{"step":2,"function":"main","offset":\#(call + 3),"opcode":"i32.const","fuel":52}"#,
            #"{"step":3,"function":"main","offset":\#(call + 5),"opcode":"return","fuel":53}"#,
            #"{"end":"success","code":0,"results":["i32:0"],"steps":4,"fuel":53,"hostCalls":1}"#,
        ])
    }

    @Test func entryFunctionAndArgumentsAreCheckedBeforeExecution() throws {
        let wat = Contract.wat([], main: "(i32.const 0)", extra: "  (func (export \"add\") (param i32 i64) (result i64) (local.get 1))")
        var s = Fixtures.snapshot()
        s.call.function = "Transfer"
        #expect(throws: InputError(file: "t.snapshot.json", place: "call.function", message: "the module exports no function \"Transfer\" (exported functions: add, main)")) {
            try Contract.execution(wat, s)
        }
        s.call.function = "add"
        s.call.args = [.i32(1)]
        #expect(throws: InputError(file: "t.snapshot.json", place: "call.args", message: "add takes (i32, i64) but the args give (i32)")) {
            try Contract.execution(wat, s)
        }
        s.call.args = [.i32(1), .i64(UInt64(bitPattern: -7))]
        let r = try Contract.run(wat, s).result!
        #expect(r.results == [.i64(UInt64(bitPattern: -7))])
        #expect(r.json["results"] == .array([.string("i64:-7")]))
    }

    @Test func moduleWithoutMemoryExportIsRefused() throws {
        let wat = Contract.wat([.getBlockHeight], main: "(i32.const 0)", memory: "(memory 1)")
        #expect(throws: InputError(file: "t.snapshot.json", place: "contract.code", message: "ABI error: the module imports host functions but exports no memory named \"memory\"")) {
            try Contract.execution(wat)
        }
    }
}

@Suite struct StartFunctionTests {
    @Test func aLoopingStartFunctionRunsOutOfTheCallsFuel() throws {
        var s = Fixtures.snapshot()
        s.call.fuel = 1000
        let e = try Contract.run(Contract.wat([], main: "(i32.const 0)", extra: "  (func $init (loop (br 0)))\n  (start $init)"), s)
        #expect(e.result?.status == .trap)
        #expect(e.result?.trap?.kind == .outOfFuel)
        #expect(e.result?.fuelUsed == 1000)
        #expect(e.result?.fuelLimit == 1000)
    }

    /// Failed before: `ContractExecution.start()` hit a precondition (a crash in `run` and `debug`).
    @Test func anEntryTooBigForTheValueStackTrapsCallStackExhausted() throws {
        var configuration = MachineConfiguration()
        configuration.maxStackSlots = 64
        let main = String(repeating: "(i32.const 0) ", count: 99) + String(repeating: "drop ", count: 99) + "(i32.const 0)"
        let e = try ContractExecution(snapshot: Fixtures.snapshot(), module: Module.load(text: Contract.wat([], main: main)),
                                      configuration: configuration)
        let r = e.runToEnd()
        #expect(r.status == .trap)
        #expect(r.trap?.kind == .callStackExhausted)
        #expect(r.trap?.message == "the function needs 99 value-stack slots; the stack holds 64")
        #expect(r.trapFunction == "main")
        #expect(r.fuelUsed == 0)
        #expect(e.startTrap == r.trap)
    }

    @Test func aStartFunctionTrapIsTheCallsResult() throws {
        let e = try Contract.run(Contract.wat([], main: "(i32.const 0)", extra: "  (func $init unreachable)\n  (start $init)"))
        #expect(e.instantiationTrap?.kind == .unreachable)
        #expect(e.result?.status == .trap)
        #expect(e.result?.json["status"] == .string("trap"))
    }
}
