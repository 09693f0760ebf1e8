@testable import DebuggerCore
import Testing
import WasmVM

struct TimeTravelTests {
    /// Steps forward through the whole call recording every state, then walks back
    /// with reverse-step: each lands on exactly the state the forward step saw.
    @Test func reverseStepRestoresEveryPreviousState() throws {
        let session = try makeSession()
        var states = [PaneState(session)]
        while case .paused = session.snapshot.state {
            session.must("step")
            states.append(PaneState(session))
        }
        #expect(states.count > 20)
        for expected in states.dropLast().reversed() {
            session.must("reverse-step")
            #expect(PaneState(session) == expected)
        }
        #expect(session.execute("rs").isError)
    }

    @Test func gotoLandsOnTheSameStateAsSteppingThere() throws {
        let session = try makeSession()
        session.must("step 13")
        let forward = PaneState(session)
        session.must("c")
        session.must("goto 13")
        #expect(PaneState(session) == forward)
        session.must("goto 0")
        #expect(session.snapshot.step == 0)
    }

    @Test func reverseContinueGoesBackToThePreviousHit() throws {
        let session = try makeSession()
        session.must("break add")
        session.must("break host record")
        session.must("c")
        let atAdd = PaneState(session)
        session.must("c")
        let atRecord = PaneState(session)
        session.must("c")
        #expect(session.snapshot.statusLine == "finished: success")
        #expect(session.must("rc").hasPrefix("breakpoint 2: host call record("))
        #expect(PaneState(session) == atRecord)
        #expect(session.must("reverse-continue").hasPrefix("breakpoint 1"))
        #expect(PaneState(session) == atAdd)
        #expect(session.must("rc").hasPrefix("no earlier breakpoint"))
        #expect(session.snapshot.step == 0)
    }

    @Test func reverseStepFromATrapLandsBeforeTheTrappingInstruction() throws {
        let session = try makeSession("crash")
        session.must("s"); session.must("s")
        let before = PaneState(session)
        session.must("c")
        session.must("rs")
        #expect(PaneState(session) == before)
    }

    @Test func hostStateIsRestoredByTimeTravel() throws {
        let session = try makeSession()
        session.must("break host record")
        session.must("c")
        let pending = PaneState(session)
        session.must("next")
        #expect(session.snapshot.hostCalls.count == 1)
        session.must("rs")
        #expect(PaneState(session) == pending)
        #expect(session.snapshot.hostCalls.map(\.text) == ["record(ptr=32, amount=10)"])
        #expect(session.snapshot.hostCalls.map(\.pending) == [true])
    }

    /// A long run crosses many periodic checkpoints; jumps land on the states stepping reaches.
    @Test func longRunsTravelThroughPeriodicCheckpoints() throws {
        let session = try makeSession("spin", arguments: [.i32(400_000)])
        session.must("c")
        #expect(session.snapshot.statusLine == "finished: success")
        let end = session.snapshot.step
        #expect(end > 4_000_000)
        session.must("goto 3000001")
        let jumped = PaneState(session)
        session.must("goto 3000000")
        session.must("step")
        #expect(PaneState(session) == jumped)
        session.must("rs")
        session.must("rs")
        #expect(session.snapshot.step == 2_999_999)
        session.must("goto \(end)")
        #expect(session.snapshot.statusLine == "finished: success")
    }

    @Test func setChangesAreRecordedAndUndoneByGoingBackPastThem() throws {
        let session = try makeSession()
        session.must("step 5")
        session.must("set mem 0x40 0a0b")
        #expect(session.memoryBytes(at: 0x40, count: 2) == [10, 11])
        #expect(session.snapshot.debuggerChanges == ["step 5: set mem 0x40 0a0b"])
        session.must("s")
        session.must("rs")
        #expect(session.memoryBytes(at: 0x40, count: 2) == [10, 11])
        session.must("rs")
        #expect(session.memoryBytes(at: 0x40, count: 2) == [0, 0])
        #expect(session.snapshot.debuggerChanges.isEmpty)
    }

    @Test func setFuelResumesAnOutOfFuelTrap() throws {
        let session = try makeSession(fuel: 10)
        session.must("c")
        #expect(session.snapshot.statusLine == "trapped: out_of_fuel")
        session.must("set fuel 1000")
        #expect(session.snapshot.fuel.modified)
        #expect(session.snapshot.fuel.limit == 1000)
        session.must("c")
        #expect(session.snapshot.statusLine == "finished: success")
    }

    @Test func reverseContinueStopsAtWatchHitsToo() throws {
        let session = try makeSession()
        session.must("watch mem 20 4")
        session.must("watch mem 32 8")
        session.must("c")
        let guestStore = PaneState(session)
        session.must("c")
        let hostWrite = PaneState(session)
        session.must("c")
        #expect(session.snapshot.statusLine == "finished: success")
        #expect(session.must("rc").hasPrefix("watch 2: memory 0x20..0x28 (8 bytes) written"))
        #expect(PaneState(session) == hostWrite)
        #expect(session.must("rc").hasPrefix("watch 1: memory 0x14..0x18 (4 bytes) written"))
        #expect(PaneState(session) == guestStore)
        #expect(session.must("info breakpoints").contains("1   watch mem    yes      2     memory 0x14..0x18 (4 bytes) written"))
    }

    /// The bound on checkpoints: at most 64, step 0 and the newest always kept, older ones thinned evenly.
    @Test func checkpointHistoryThinsEvenly() throws {
        let session = try makeSession("spin", arguments: [.i32(10)])
        var history = CheckpointHistory()
        let checkpoint = try #require(session.target.checkpoint())
        for k in 0 ..< 1000 { history.insert(step: UInt64(k) * 1000, checkpoint: checkpoint) }
        #expect(history.count == CheckpointHistory.maxCount)
        let steps = history.entries.map(\.step)
        #expect(steps.first == 0)
        #expect(steps.last == 999_000)
        let gaps = zip(steps.dropFirst(), steps).map { $0 - $1 }
        #expect(gaps.max()! <= 32_000)
        #expect(history.nearest(atOrBefore: 500_500)!.step <= 500_500)
        history.removeAll(from: 500_000)
        #expect(history.entries.map(\.step).allSatisfy { $0 < 500_000 })
    }

    /// A breakpoint hit millions of instructions in: reverse-continue scans the
    /// checkpoint segments back to it and lands on the state the forward run stopped at.
    @Test func reverseContinueFindsAHitAcrossCheckpoints() throws {
        let session = try makeSession("spin", arguments: [.i32(400_000)])
        session.must("break fuel 3000000")
        session.must("c")
        let hit = PaneState(session)
        #expect(hit.fuelUsed == 3_000_000)
        session.must("c")
        #expect(session.snapshot.statusLine == "finished: success")
        #expect(session.must("rc").hasPrefix("breakpoint 1: fuel used 3000000"))
        #expect(PaneState(session) == hit)
    }

    /// Conditions are checked at every hit; the stop is the first hit where they hold.
    @Test func conditionalBreakpointsInALoop() throws {
        let session = try makeSession("spin", arguments: [.i32(1000)])
        let loopStart = try #require(session.snapshot.code?.lines.first { $0.text == "local.get 2" }).offset
        session.must("break 0x\(String(loopStart, radix: 16))")
        session.must("condition 1 local.1 == 700")
        session.must("c")
        let hit = PaneState(session)
        #expect(hit.locals.map(\.value) == [.i32(1000), .i32(700), .i32(244_650)])
        session.must("c")
        #expect(session.must("rc").hasPrefix("breakpoint 1"))
        #expect(PaneState(session) == hit)
        #expect(session.must("info breakpoints").contains("1   break        yes      2     offset 0x"))
    }
}
