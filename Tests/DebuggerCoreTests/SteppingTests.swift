@testable import DebuggerCore
import Testing
import WasmVM

struct SteppingTests {
    @Test func opensPausedBeforeTheFirstInstruction() throws {
        let session = try makeSession()
        let s = session.snapshot
        #expect(s.step == 0)
        #expect(s.statusLine.hasPrefix("paused at main+0x"))
        #expect(s.code?.functionName == "main")
        #expect(s.code?.currentLine != nil)
        #expect(s.stack.isEmpty)
        #expect(s.locals == [NamedValue(name: "local.0 sum", value: .i32(0))])
        #expect(s.globals == [NamedValue(name: "global.0 count", value: .i32(7))])
        #expect(s.fuel.used == 0)
    }

    @Test func stepExecutesOneInstructionAndShowsTheStack() throws {
        let session = try makeSession()
        session.must("step")
        session.must("s")
        let s = session.snapshot
        #expect(s.step == 2)
        #expect(s.stack == [StackEntry(value: .i32(3), willPop: true), StackEntry(value: .i32(2), willPop: true)])
        #expect(s.fuel.used == 2)
        #expect(s.fuel.lastCost == 1)
        #expect(session.must("stack") == "stack[0]  i32 0x00000003  3  <- popped next\nstack[1]  i32 0x00000002  2  <- popped next")
    }

    @Test func stepIntoACallThenFinishBackToTheCaller() throws {
        let session = try makeSession()
        session.must("step 3")
        #expect(session.snapshot.code?.functionName == "add")
        #expect(session.snapshot.frames.map(\.name).count == 2)
        #expect(session.must("bt").contains("#1 main+0x"))
        session.must("finish")
        let s = session.snapshot
        #expect(s.code?.functionName == "main")
        #expect(s.stack == [StackEntry(value: .i32(5), willPop: true)])
    }

    @Test func nextStepsOverCallsIncludingHostCalls() throws {
        let session = try makeSession()
        session.must("n"); session.must("n")
        session.must("next")  // over call $add
        #expect(session.snapshot.code?.functionName == "main")
        #expect(session.snapshot.stack.map(\.value) == [.i32(5)])
        session.must("n 1".split(separator: " ").first.map(String.init)!)
        for _ in 0 ..< 3 { session.must("next") }  // i32.const 16, local.get, call $store
        #expect(session.snapshot.code?.functionName == "main")
        #expect(session.memoryBytes(at: 20, count: 4) == [5, 0, 0, 0])
        session.must("next"); session.must("next")
        session.must("next")  // over the host call
        #expect(session.snapshot.stack.map(\.value) == [.i32(1)])
        #expect(session.snapshot.hostCalls.map(\.text) == ["record(ptr=32, amount=10) -> i32:1"])
        #expect(session.memoryBytes(at: 32, count: 8) == [10, 0, 0, 0, 0, 0, 0, 0])
    }

    @Test func continueRunsToTheEnd() throws {
        let session = try makeSession()
        let output = session.must("continue")
        #expect(session.snapshot.statusLine == "finished: success")
        #expect(output == "finished: success, step 25\nreturned i32:5")
        #expect(session.must("fuel") == """
            fuel used 82 of 10000000, last step cost 1
            function         self   share   total   calls
            record (host)      50   61.0%      50       1
            main               24   29.3%      82       1
            add                 4    4.9%       4       1
            store               4    4.9%       4       1
            total              82  100.0%
            """)
        #expect(session.snapshot.globals == [NamedValue(name: "global.0 count", value: .i32(8))])
        let error = session.execute("step")
        #expect(error.isError)
        #expect(error.output == "the call has finished; use reverse-step, goto or restart")
    }

    @Test func trapsStopAtTheTrappingInstruction() throws {
        let session = try makeSession("crash")
        let output = session.must("c")
        #expect(session.snapshot.statusLine == "trapped: integer_divide_by_zero")
        #expect(output.contains("=> 0x"))
        #expect(output.contains("i32.div_u"))
        #expect(session.snapshot.stack.map(\.value) == [.i32(0), .i32(1)])
        #expect(session.snapshot.draft.discarded == false)  // a bare module has no draft
        #expect(session.snapshot.frames.count == 1)
    }

    @Test func restartGoesBackToStepZeroWithTheSameModule() throws {
        let session = try makeSession()
        session.must("c")
        session.must("restart")
        let s = session.snapshot
        #expect(s.step == 0)
        #expect(s.globals == [NamedValue(name: "global.0 count", value: .i32(7))])
        #expect(s.hostCalls.isEmpty)
        #expect(session.memoryBytes(at: 16, count: 32).allSatisfy { $0 == 0 })
        session.must("c")
        #expect(session.snapshot.statusLine == "finished: success")
    }

    @Test func setLocalChangesTheSelectedFrameAndIsRecorded() throws {
        let session = try makeSession()
        session.must("break add")
        session.must("c")
        #expect(session.must("set local 1 40") == "local.1 b = i32 0x00000028  40")
        #expect(session.snapshot.debuggerChanges == ["step 3: set local 1 i32:40"])
        session.must("frame 1")
        #expect(session.execute("set local 5 1").isError)
        session.must("set local 0 -1")
        #expect(session.snapshot.locals.map(\.value) == [.i32(UInt32(bitPattern: -1))])
        session.must("c")
        #expect(session.must("x 20 4").hasPrefix("0x00000014  2a 00 00 00"))
        #expect(session.snapshot.statusLine == "finished: success")
        #expect(session.execute("set local 0 1").isError)
    }

    @Test func fuelIsAttributedToFunctionsAndHostCalls() throws {
        let session = try makeSession()
        session.must("c")
        let fuel = session.snapshot.fuel
        #expect(fuel.byFunction.map(\.name) == ["record (host)", "main", "add", "store"])
        #expect(fuel.byFunction.map(\.selfFuel).reduce(0, +) == fuel.used)
        #expect(fuel.byFunction.first?.selfFuel == 50)
        session.must("rs")
        #expect(session.snapshot.fuel.byFunction.map(\.selfFuel).reduce(0, +) == session.snapshot.fuel.used)
    }

    @Test func abbreviationsAndUniquePrefixes() throws {
        let session = try makeSession()
        for (typed, expected) in [("c", "continue"), ("s", "step"), ("n", "next"), ("fin", "finish"), ("rs", "reverse-step"),
                                  ("rc", "reverse-continue"), ("bt", "backtrace"), ("b", "break"), ("disas", "disassemble"),
                                  ("cond", "condition"), ("i", "info"), ("q", "quit"), ("reverse-c", "reverse-continue"), ("hostl", "hostlog")] {
            #expect(DebugSession.resolve(typed) == expected, "\(typed)")
        }
        #expect(DebugSession.resolve("re") == nil)
        #expect(session.execute("re").output == "ambiguous command 're': restart, reverse-step, reverse-next, reverse-stepi, reverse-continue, return")
        let help = session.must("help")
        #expect(help.contains("reverse-continue [rc]\n    go back to the previous breakpoint or watch hit"))
        #expect(session.must("help fin") == "finish\nrun until the current function returns\nabbreviations: fin")
        #expect(session.execute("quit").quit)
    }

    @Test func infoModuleListsImportsFunctionsMemoryAndExports() throws {
        let session = try makeSession()
        let lines = session.must("info module").split(separator: "\n").map(String.init)
        #expect(lines.first == "import func 0 env.record (i32, i64) -> (i32)")
        #expect(lines.contains { $0.hasPrefix("func 3 main () -> (i32) ") })
        #expect(lines.contains("memory 1.. pages"))
        #expect(lines.contains("export function main = 3"))
    }
}
