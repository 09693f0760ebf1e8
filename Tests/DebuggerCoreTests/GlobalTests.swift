@testable import DebuggerCore
import Testing
import WasmVM

/// Global names from the name section and exports, and `set global`.
struct GlobalTests {
    static let wat = """
        (module
          (global $amount (mut i64) (i64.const 250))
          (global $limit i32 (i32.const 9))
          (global (export "__heap_base") i32 (i32.const 4096))
          (global (mut f64) (f64.const 1.5))
          (func (export "main") (result i64)
            global.get $amount
            i64.const 1
            i64.add
            global.set $amount
            global.get $amount))
        """

    @Test func globalsAreNamedEverywhere() throws {
        let session = try makeSession(wat: Self.wat)
        #expect(session.must("globals") == """
            global.0 amount  i64 0x00000000000000fa  250
            global.1 limit  i32 0x00000009  9
            global.2 __heap_base  i32 0x00001000  4096
            global.3  f64 0x3ff8000000000000  1.5
            """)
        #expect(session.snapshot.globals.map(\.name) == ["global.0 amount", "global.1 limit", "global.2 __heap_base", "global.3"])
        #expect(session.must("disassemble").contains("global.get 0 <amount>"))
        #expect(session.must("disassemble").contains("global.set 0 <amount>"))
    }

    @Test func setGlobalByIndexOrNameChangesTheRun() throws {
        let session = try makeSession(wat: Self.wat)
        #expect(session.must("set global $amount 1000") == "global.0 amount = i64 0x00000000000003e8  1000")
        #expect(session.must("set global 3 -2.25") == "global.3 = f64 0xc002000000000000  -2.25")
        #expect(session.snapshot.debuggerChanges == ["step 0: set global 0 i64:1000", "step 0: set global 3 f64:-2.25"])
        #expect(session.must("continue").contains("returned i64:1001"))
        // restart drops the changes.
        session.must("restart")
        #expect(session.snapshot.debuggerChanges.isEmpty)
        #expect(session.must("set global global.0 0x10") == "global.0 amount = i64 0x0000000000000010  16")
        #expect(session.must("continue").contains("returned i64:17"))
        // A change made at step 0 stays when going back to step 0 (as set local does).
        session.must("goto 0")
        #expect(session.must("continue").contains("returned i64:17"))
    }

    @Test func setGlobalRefusesWhatCannotBeSet() throws {
        let session = try makeSession(wat: Self.wat)
        func error(_ command: String) -> String {
            let r = session.execute(command)
            #expect(r.isError, "\(command)")
            return r.output
        }
        #expect(error("set global limit 3") == "global.1 limit is immutable: only mutable globals can be set")
        #expect(error("set global __heap_base 0") == "global.2 __heap_base is immutable: only mutable globals can be set")
        #expect(error("set global 4 1") == "no global '4' (globals 0...3, or a name globals shows)")
        #expect(error("set global nope 1") == "no global 'nope' (globals 0...3, or a name globals shows)")
        #expect(error("set global amount x") == "'x' is not an i64 (-9223372036854775808...18446744073709551615)")
        #expect(error("set global amount") == "usage: set global N|NAME VALUE")
        #expect(session.snapshot.debuggerChanges.isEmpty)
        session.must("continue")
        #expect(error("set global amount 1") == "the call has finished; use reverse-step, goto or restart")
    }
}
