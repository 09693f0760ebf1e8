@testable import DebuggerCore
import Foundation
import Testing
import WasmVM

/// Conditions the machine evaluates itself (lowered, in fast code's probe or the exact loop)
/// stop exactly where the session's own evaluation stops: same output, step, fuel and hits.
/// `lowersConditions = false` is the reference: every arrival wakes the session.
struct MachineConditionTests {
    struct Run: Equatable {
        var outputs: [String]
        var steps: UInt64
        var fuel: UInt64
        var arrivals: [Int64]
    }

    /// Offset of the `index`th instruction of spin (0: the loop head; 4: `local.get 1` inside the block).
    func spinOffset(_ session: DebugSession, _ index: Int) throws -> String {
        let lines = try #require(session.snapshot.code?.lines)
        let head = try #require(lines.firstIndex { $0.text == "local.get 2" })
        return "0x" + String(lines[head + index].offset, radix: 16)
    }

    /// The commands (`LOOP`, `MID`: spin's loop head and an instruction inside its block) run both ways.
    func bothWays(n: UInt32 = 1000, _ commands: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> (machine: Run, checks: Int) {
        var runs: [Run] = []
        var checks: [Int] = []
        for lowered in [true, false] {
            let session = try makeSession("spin", arguments: [.i32(n)])
            session.lowersConditions = lowered
            let loop = try spinOffset(session, 0), mid = try spinOffset(session, 4)
            let outputs = commands.map {
                session.must($0.replacingOccurrences(of: "LOOP", with: loop).replacingOccurrences(of: "MID", with: mid), sourceLocation: sourceLocation)
            }
            runs.append(Run(outputs: outputs, steps: session.machine.steps, fuel: session.machine.fuelUsed,
                            arrivals: session.breakpoints.map(\.arrivals.value)))
            checks.append(session.sessionConditionChecks)
        }
        #expect(runs[0] == runs[1], sourceLocation: sourceLocation)
        // The reference path evaluates every arrival; the machine's far fewer.
        #expect(checks[0] < checks[1], sourceLocation: sourceLocation)
        return (runs[0], checks[0])
    }

    @Test func aLocalAtTheLoopHeadStopsWhereTheSessionStops() throws {
        let (run, checks) = try bothWays(["break LOOP if i == 777", "c", "info breakpoints", "c"])
        #expect(run.outputs[1] == """
            breakpoint 1
            paused at spin+0x5 (offset 0xb2), step 8547
            => 0xb2  local.get 2
            """)
        #expect(run.outputs[3].hasPrefix("finished: success, step 11002"))
        #expect(run.arrivals == [0, 999])   // the first arrival is where the call starts: stepped over
        #expect(checks == 1)   // the one arrival where it held
    }

    @Test func insideABlockAndThroughMemory() throws {
        let (run, checks) = try bothWays([
            "break MID if mem32[i * 4] == 0 && i * 3 % 7 == 2 && i > 400", "c", "c", "info breakpoints",
        ])
        #expect(run.outputs[1].contains("step 4426"))
        #expect(run.outputs[2].contains("step 4503"))
        #expect(checks == 2)
    }

    @Test func hitsAreCountedByTheMachineAsByTheSession() throws {
        let (run, checks) = try bothWays(["break LOOP if hits == 5 || hits == 900", "c", "c", "c", "info breakpoints"])
        #expect(run.outputs[1].contains("step 55"))
        #expect(run.outputs[3].hasPrefix("finished: success"))
        #expect(run.outputs[4].hasSuffix("if hits == 5 || hits == 900 (reached 999 times)"))
        #expect(checks == 2)
    }

    @Test func aReadOutsideMemoryIsLeftToTheSessionAndNotedAsBefore() throws {
        // mem32[i * 1000] leaves the 64 KiB memory from i = 66: each failure goes to the session, which notes it.
        let (run, _) = try bothWays(n: 100, ["break LOOP if mem32[i * 1000] == 1 || i == 68", "c", "c"])
        #expect(run.outputs[1] == """
            breakpoint 1
            paused at spin+0x5 (offset 0xb2), step 748
            => 0xb2  local.get 2
            note: breakpoint 1's condition: mem32[0x101d0] is outside memory (65536 bytes) (taken as false; not repeated)
            note: breakpoint 1's condition: mem32[0x105b8] is outside memory (65536 bytes) (taken as false; not repeated)
            note: breakpoint 1's condition: mem32[0x109a0] is outside memory (65536 bytes) (taken as false; not repeated)
            """)
    }

    @Test func anArrivalAtACheckpointStepStops() throws {
        // spin's loop head is reached at step 11 i: i = 2^20 arrives at step 11 * 2^20, where a run
        // pauses for a checkpoint. That arrival used to be skipped (the machine never pauses twice at a step).
        // Machine path only: the reference path would wake the session a million times.
        let session = try makeSession("spin", arguments: [.i32(1_048_580)], fuel: 20_000_000)
        session.must("break \(try spinOffset(session, 0)) if i == 1048576")
        #expect(session.must("c").contains("step 11534336"))
        #expect(session.breakpoints[1].arrivals.value == 1_048_576)
        #expect(session.sessionConditionChecks == 1)
    }

    @Test func reverseContinueLandsOnTheForwardStop() throws {
        let (run, _) = try bothWays(["break LOOP if i % 300 == 50", "c", "c", "rc", "rc"])
        #expect(run.outputs[1].contains("step 550"))
        #expect(run.outputs[2].contains("step 3850"))
        #expect(run.outputs[3].contains("step 550"))
        #expect(run.outputs[4].hasPrefix("no earlier breakpoint: back at the start"))
    }

    /// loop.c's `run(40)` (built -O0 -g), with machine conditions on or off: each command's output, then steps and fuel.
    func loopC(_ commands: [String]) throws -> [[String]] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        let path = root + "/samples/debug/loop.wasm"
        let module = try Module.load(binary: Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        var results: [[String]] = []
        for lowered in [true, false] {
            let session = try DebugSession(target: ModuleTarget(module: module, function: "run", arguments: [.i32(40)], fuel: 10_000_000, hostFunctions: []),
                                           sources: SourceOptions(modulePath: path))
            session.lowersConditions = lowered
            results.append(commands.map { session.must($0) } + ["\(session.machine.steps) \(session.machine.fuelUsed) \(session.sessionConditionChecks)"])
        }
        return results
    }

    @Test func aTemporaryStopAtTheSameInstructionStillStops() throws {
        // `next` stops at line 27's start, where a never-true machine condition is: the machine does not skip it.
        let results = try loopC(["break loop.c:27 if local.0 == 12345", "next", "next", "next", "next", "next", "next", "c"])
        #expect(Array(results[0].dropLast()) == Array(results[1].dropLast()))
        #expect(results[0][1 ... 6].filter { $0.contains("at debug/loop.c:27, step") }.count == 2)
        #expect(results[0][7].hasPrefix("finished: success"))
        let checks = results.map { Int($0.last!.split(separator: " ")[2])! }
        #expect(checks[0] < checks[1])
    }

    @Test func aSourceVariableIsLeftToTheSession() throws {
        let results = try loopC(["break loop.c:27 if i == 33", "c", "print t.count", "c"])
        #expect(results[0] == results[1])
        #expect(results[0][2].hasSuffix("32"))
    }
}

/// A lowered condition reads frame slots: the v128 local before `i` takes two, so `local.2`
/// (`i`) is slot 3; read as slot 2 (the v128's high half, always 0) it never held.
struct MachineConditionSlotTests {
    static let wat = """
        (module
          (func (export "count") (param $n i32) (result i32)
            (local $v v128) (local $i i32)
            (loop $again
              local.get $i
              i32.const 1
              i32.add
              local.tee $i
              local.get $n
              i32.lt_u
              br_if $again)
            local.get $i))
        """

    @Test func aLocalAfterAV128IsReadFromItsOwnSlot() throws {
        var stops: [String] = []
        for lowered in [true, false] {
            let session = try makeSession("count", arguments: [.i32(100)], wat: Self.wat)
            session.lowersConditions = lowered
            let head = try #require(session.snapshot.code?.lines.first { $0.text == "local.get 2" })
            session.must("break 0x\(String(head.offset, radix: 16)) if local.2 == 40")
            stops.append(session.must("c") + " fuel \(session.machine.fuelUsed)")
        }
        #expect(stops[0] == stops[1])
        #expect(stops[0].hasSuffix("step 280\n=> 0x2a  local.get 2 fuel 280"), "\(stops[0])")
    }
}
