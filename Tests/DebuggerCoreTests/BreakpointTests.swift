import DebuggerCore
import Testing
import WasmVM

struct BreakpointTests {
    @Test func functionBreakpointsByNameExportAndIndex() throws {
        let session = try makeSession()
        #expect(session.must("break add") == "breakpoint 1: add (func 1) entry")
        #expect(session.must("b 2") == "breakpoint 2: store (func 2) entry")
        let output = session.must("c")
        #expect(output.hasPrefix("breakpoint 1\npaused at add+0x"))
        #expect(session.snapshot.locals.map(\.value) == [.i32(2), .i32(3)])
        #expect(session.snapshot.locals.map(\.name) == ["local.0 a", "local.1 b"])
        session.must("c")
        #expect(session.snapshot.code?.functionName == "store")
        session.must("c")
        #expect(session.snapshot.statusLine == "finished: success")
        #expect(session.must("info breakpoints").contains("1   break        yes      1     add (func 1) entry"))
    }

    @Test func offsetBreakpointsNeedAnInstructionStart() throws {
        let session = try makeSession()
        let lines = try #require(session.snapshot.code).lines  // main's lines
        try #require(lines.count > 2)
        let target = lines[2].offset
        session.must("break 0x\(String(target, radix: 16))")
        session.must("continue")
        #expect(session.snapshot.code?.lines[session.snapshot.code!.currentLine!].offset == target)
        #expect(session.execute("break 0x1").isError)
    }

    @Test func hostBreakpointsStopBeforeTheCallWithDecodedArguments() throws {
        let session = try makeSession()
        session.must("break host record")
        let output = session.must("continue")
        #expect(output == "breakpoint 1: host call record(ptr=32, amount=10)\npaused at main+0x15 (offset 0x97), step 17\n=> 0x97  call 0 <record>")
        #expect(session.must("bt") == "   host record(ptr=32, amount=10) (about to be called)\n=> #0 main+0x15 (offset 0x97)")
        #expect(session.snapshot.fuel.used == 25)
        let s = session.snapshot
        #expect(s.frames.first == FrameView(name: "env.record (host)", offset: nil, isHost: true))
        #expect(s.stack.prefix(2).map(\.value) == [.i64(10), .i32(32)])
        #expect(s.stack.prefix(2).allSatisfy { $0.willPop })
        #expect(s.memory.pendingHostRanges == [MemoryRange(range: 32 ..< 40, kind: .write)])
        #expect(s.hostCalls.last?.text == "record(ptr=32, amount=10)")
        #expect(s.hostCalls.last?.pending == true)
        session.must("c")
        #expect(session.snapshot.statusLine == "finished: success")
    }

    @Test func conditionsOnHostArgumentsLocalsAndTheStack() throws {
        let session = try makeSession()
        session.must("break host *")
        #expect(session.must("condition 1 amount > 10") == "breakpoint 1 stops only if amount > 10")
        session.must("c")
        #expect(session.snapshot.statusLine == "finished: success")
        session.must("restart")
        session.must("condition 1 amount == 10 && stack[0] == 10 || fuel < 0")
        session.must("c")
        #expect(session.snapshot.frames.first?.isHost == true)
        #expect(session.execute("condition 1 nonsense > 1").isError)
        #expect(session.execute("condition 1 local.0 >").isError)
        session.must("restart")
        session.must("break add")
        session.must("condition 2 local.1 != 3")
        session.must("disable 1")
        session.must("c")
        #expect(session.snapshot.statusLine == "finished: success")
    }

    @Test func memoryWatchesStopAfterGuestStoresAndHostWrites() throws {
        let session = try makeSession()
        session.must("watch mem 20 4")
        let output = session.must("c")
        #expect(output.hasPrefix("watch 1: memory 0x14..0x18 (4 bytes) written"))
        #expect(session.memoryBytes(at: 20, count: 4) == [5, 0, 0, 0])
        #expect(session.snapshot.code?.functionName == "store")
        #expect(session.snapshot.memory.lastAccesses == [MemoryRange(range: 20 ..< 24, kind: .write)])
        session.must("watch mem 36 1")
        session.must("c")
        #expect(session.snapshot.hostCalls.map(\.text) == ["record(ptr=32, amount=10) -> i32:1"])
        #expect(session.snapshot.stack.map(\.value) == [.i32(1)])
        session.must("c")
        #expect(session.snapshot.statusLine == "finished: success")
    }

    @Test func fuelBreakpointsStopWhenUsedFuelReachesTheAmount() throws {
        let session = try makeSession()
        session.must("break fuel 10")
        let output = session.must("c")
        #expect(output.hasPrefix("breakpoint 1: fuel used"))
        #expect(session.snapshot.fuel.used <= 10)
        session.must("s")
        #expect(session.snapshot.fuel.used > 10)
        session.must("c")
        #expect(session.snapshot.statusLine == "finished: success")
    }

    @Test func theTrapBreakpointCanBeDisabled() throws {
        let session = try makeSession("crash")
        session.must("disable 0")
        session.must("c")
        #expect(session.snapshot.statusLine == "trapped: integer_divide_by_zero")
        #expect(session.snapshot.frames.isEmpty)
        #expect(session.execute("delete 0").isError)
    }

    @Test func badCommandsAreOneLineErrorsThatChangeNothing() throws {
        let session = try makeSession()
        session.must("s")
        let before = PaneState(session)
        for bad in ["frobnicate", "break", "break nosuch", "break host nosuch", "watch mem 1", "condition 9 fuel > 1", "condition 0 fuel > 1",
                    "delete 7", "x", "x 0x999999", "goto x", "step 0", "set fuel", "frame 3", "info", "re"] {
            let result = session.execute(bad)
            #expect(result.isError, "\(bad) should be refused")
            #expect(!result.output.contains("\n"), "\(bad): \(result.output)")
        }
        #expect(PaneState(session) == before)
        #expect(session.must("info breakpoints") == "ID  type         enabled  hits  what\n0   trap         yes      0     any trap")
    }
}
