import Testing
@testable import ContractHost
import WasmVM

@Suite struct HostStateTests {
    var snapshot: ChainSnapshot {
        Fixtures.snapshot(state: [Array("counter".utf8): Array("41".utf8), Array("raw".utf8): [0x00, 0xff]])
    }

    @Test func readsSeeTheSnapshotOverlaidWithTheDraft() throws {
        let e = try Contract.run(Contract.wat([.stateGet, .stateGetLen, .stateSet, .stateExists, .setReturnData],
                                              data: [(0x10, "counter"), (0x20, "42"), (0x30, "newkey"), (0x40, "raw")], main: """
            (local $n i32)
            ;; absent key: -1, 0, nothing written
            (drop (call $state_get_len (i32.const 0x30) (i32.const 6)))
            (drop (call $state_exists (i32.const 0x30) (i32.const 6)))
            (drop (call $state_get (i32.const 0x30) (i32.const 6) (i32.const 0x200)))
            ;; snapshot value
            (drop (call $state_get (i32.const 0x10) (i32.const 7) (i32.const 0x100)))
            ;; writes, later reads see them; one entry per key, first-write order
            (drop (call $state_set (i32.const 0x30) (i32.const 6) (i32.const 0x20) (i32.const 1)))
            (drop (call $state_set (i32.const 0x10) (i32.const 7) (i32.const 0x20) (i32.const 2)))
            (drop (call $state_set (i32.const 0x30) (i32.const 6) (i32.const 0x20) (i32.const 2)))
            (drop (call $state_exists (i32.const 0x30) (i32.const 6)))
            (local.set $n (call $state_get (i32.const 0x10) (i32.const 7) (i32.const 0x104)))
            (call $set_return_data (i32.const 0x100) (i32.add (i32.const 4) (local.get $n)))
            (i32.sub (call $state_get_len (i32.const 0x40) (i32.const 3)) (i32.const 2))
            """), snapshot)
        #expect(e.result!.code == 0)
        #expect(e.hostLog.map(\.results) == [[.i32(UInt32(bitPattern: -1))], [.i32(0)], [.i32(0)], [.i32(2)], [.i32(1)], [.i32(1)], [.i32(1)],
                                             [.i32(1)], [.i32(2)], [], [.i32(2)]])
        #expect(e.hostLog[2].failure == "no state value for key \"newkey\"")
        #expect(e.result!.draft.returnData == Array("41\0\042".utf8))
        #expect(e.result!.draft.stateWrites == [.init(key: Array("newkey".utf8), value: Array("42".utf8)),
                                                .init(key: Array("counter".utf8), value: Array("42".utf8))])
        #expect(try Contract.memory(e, 0x200, 4) == [0, 0, 0, 0])
    }

    @Test func stateAndResourceOutputs() throws {
        let e = try Contract.run(Contract.wat([.appendStateOutput, .appendResourceOutput], data: [(0x10, "proposal-1"), (0x20, "wasmonnxdocumentexe"), (0x40, "\\de\\ad")], main: """
            (drop (call $append_state_output (i32.const 0x10) (i32.const 10) (i32.const 0x40) (i32.const 2)))
            (drop (call $append_resource_output (i32.const 0x20) (i32.const 4) (i32.const 0x40) (i32.const 2)))
            (drop (call $append_resource_output (i32.const 0x24) (i32.const 4) (i32.const 0x40) (i32.const 1)))
            (drop (call $append_resource_output (i32.const 0x28) (i32.const 8) (i32.const 0x40) (i32.const 0)))
            (drop (call $append_resource_output (i32.const 0x30) (i32.const 3) (i32.const 0x40) (i32.const 2)))
            (i32.const 0)
            """))
        #expect(e.hostLog.map(\.results) == [[.i32(1)], [.i32(1)], [.i32(1)], [.i32(1)], [.i32(0)]])
        #expect(e.hostLog[4].failure == "unknown resource kind \"exe\" (expected wasm, onnx or document)")
        #expect(e.result!.draft.outputs == [.state(id: Array("proposal-1".utf8), data: [0xde, 0xad]), .resource(kind: "wasm", data: [0xde, 0xad]),
                                            .resource(kind: "onnx", data: [0xde]), .resource(kind: "document", data: [])])
    }

    @Test func failureAndTrapDiscardTheDraft() throws {
        let failing = try Contract.run(Contract.wat([.stateSet], data: [(0, "k")], main: """
            (drop (call $state_set (i32.const 0) (i32.const 1) (i32.const 0) (i32.const 1)))
            (i32.const 6)
            """), snapshot)
        #expect(failing.result!.status == .failure)
        #expect(failing.result!.code == 6)
        #expect(failing.result!.draft.stateWrites.count == 1)   // still shown, marked discarded
        #expect(failing.result!.json["draft"]?["committed"] == .bool(false))
        let trapping = try Contract.run(Contract.wat([.stateSet], data: [(0, "k")], main: """
            (drop (call $state_set (i32.const 0) (i32.const 1) (i32.const 0) (i32.const 1)))
            unreachable
            """), snapshot)
        #expect(trapping.result!.status == .trap)
        #expect(trapping.result!.code == nil)
        #expect(trapping.result!.json["draft"]?["committed"] == .bool(false))
    }
}
