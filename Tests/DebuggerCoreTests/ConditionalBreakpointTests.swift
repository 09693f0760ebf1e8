@testable import DebuggerCore
import Testing
import WasmVM

/// Conditions on breakpoints and watches in a session: `break … if`, `condition`, `hits`,
/// notes for what cannot be evaluated, and refusals that leave the session unchanged.
struct ConditionalBreakpointTests {
    func loopStart(_ session: DebugSession) throws -> String {
        let offset = try #require(session.snapshot.code?.lines.first { $0.text == "local.get 2" }).offset
        return "0x" + String(offset, radix: 16)
    }

    @Test func breakIfUsesWasmNames() throws {
        let session = try makeSession()
        #expect(session.must("break add if a == 2 && $b == 3") == "breakpoint 1: add (func 1) entry if a == 2 && $b == 3")
        #expect(session.must("c").hasPrefix("breakpoint 1\npaused at add+0x"))
        session.must("restart")
        session.must("condition 1 b == 4")
        session.must("c")
        #expect(session.snapshot.statusLine == "finished: success")
        #expect(session.must("info breakpoints").hasSuffix("add (func 1) entry at offset 0x71  if b == 4"))
    }

    @Test func hitsCountsEveryArrivalAndRestartsWithTheCall() throws {
        let session = try makeSession("spin", arguments: [.i32(1000)])
        let loop = try loopStart(session)
        session.must("break \(loop) if hits == 3")
        session.must("c")
        #expect(session.snapshot.locals.map(\.value) == [.i32(1000), .i32(3), .i32(3)])
        #expect(session.must("info breakpoints").hasSuffix("1   break        yes      1     offset \(loop)  if hits == 3 (reached 3 times)"))
        session.must("c")
        #expect(session.snapshot.statusLine == "finished: success")
        #expect(session.must("info breakpoints").hasSuffix("if hits == 3 (reached 999 times)"))
        // reverse-continue's scan does not count: hits is unknown there, once said.
        #expect(session.must("rc") == """
            no earlier breakpoint: back at the start
            paused at spin+0x5 (offset 0xb2), step 0
            => 0xb2  local.get 2
            note: breakpoint 1's condition: hits is not counted while reverse-continue searches back (taken as false; not repeated)
            """)
        session.must("restart")
        session.must("c")
        #expect(session.snapshot.locals.map(\.value) == [.i32(1000), .i32(3), .i32(3)])
    }

    @Test func aConditionThatCannotBeEvaluatedIsFalseWithOneNote() throws {
        let session = try makeSession("spin", arguments: [.i32(100)])
        session.must("break \(try loopStart(session)) if 1000 / (i - 50) == 0 || i == 60")
        #expect(session.must("c") == """
            breakpoint 1
            paused at spin+0x5 (offset 0xb2), step 660
            => 0xb2  local.get 2
            note: breakpoint 1's condition: division by zero (taken as false; not repeated)
            """)
        #expect(session.snapshot.locals.map(\.value)[1] == .i32(60))
    }

    @Test func watchesAndHostCallsTakeConditions() throws {
        let session = try makeSession()
        #expect(session.must("watch mem 20 4 if mem32[20] == 5") == "watch 1: memory 0x14..0x18 (4 bytes) written if mem32[20] == 5")
        #expect(session.must("c").hasPrefix("watch 1: memory 0x14..0x18 (4 bytes) written"))
        #expect(session.must("break host record if amount == 10 && ptr == 32 && count == 7")
            == "breakpoint 2: host call record if amount == 10 && ptr == 32 && count == 7")
        #expect(session.must("c").hasPrefix("breakpoint 2: host call record(ptr=32, amount=10)"))
        // `b` is add's local: a watch can stop anywhere, so it is looked up where the write happened.
        session.must("restart")
        session.must("delete")
        session.must("watch mem 20 4 if b == 3")
        #expect(session.must("c") == """
            finished: success, step 25
            returned i32:5
            note: breakpoint 3's condition: no symbol "b" in scope at store+0x8 (offset 0x80) (taken as false; not repeated)
            """)
        session.must("restart")
        session.must("break host record if amount == \"GOLD\"")
        #expect(session.must("c").hasSuffix("note: breakpoint 4's condition: amount does not point at text here (taken as false; not repeated)"))
    }

    @Test func badConditionsAreRefusedAndChangeNothing() throws {
        let session = try makeSession()
        let before = session.must("info breakpoints")
        let cases: [(String, String)] = [
            ("break add if", "usage: break … if EXPR (EXPR: see help condition)"),
            ("break add if nosuch > 1", "condition: column 1: no symbol \"nosuch\" in scope at add+0x1 (offset 0x71)"),
            ("break add if a >", "condition: column 4: expected an operand"),
            ("break trap if fuel > 1", "breakpoint 0 (trap) takes no condition: a trap always ends the call"),
            ("break host record if nosuch == 1",
             "condition: column 1: no symbol \"nosuch\" (not a source variable, wasm local or global of the module; the host call's arguments are amount, ptr)"),
            ("watch mem 20 4 if nowhere == 1", "condition: column 1: no symbol \"nowhere\" (not a source variable, wasm local or global of the module)"),
            ("condition x fuel > 1", "condition: 'x' is not a breakpoint ID (info breakpoints lists them)"),
            ("condition -1 fuel > 1", "condition: '-1' is not a breakpoint ID (info breakpoints lists them)"),
            ("condition 0 fuel > 1", "breakpoint 0 (trap) takes no condition: a trap always ends the call"),
        ]
        for (command, message) in cases {
            let result = session.execute(command)
            #expect(result.isError && result.output == message, "\(command): \(result.output)")
        }
        #expect(session.must("info breakpoints") == before)
        #expect(session.must("break add") == "breakpoint 1: add (func 1) entry")
        #expect(session.execute("condition 1 a >>").output == "condition: column 5: expected an operand")
        #expect(session.must("info breakpoints").hasSuffix("add (func 1) entry at offset 0x71"))
    }
}
