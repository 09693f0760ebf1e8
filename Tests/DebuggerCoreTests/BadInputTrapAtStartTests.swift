import ContractHost
import Testing
import WasmVM
@testable import DebuggerCore

/// A call that traps before its first instruction opens trapped where it trapped, as
/// `run` reports it (issue 10, items 2 and 9), instead of being refused or crashing.
@Suite struct BadInputTrapAtStartTests {
    static func session(_ wat: String, configuration: MachineConfiguration = MachineConfiguration()) throws -> DebugSession {
        let module = try Module.load(text: wat)
        let snapshot = try ChainSnapshot.bare(modulePath: "start.wat", module: module, settings: CallSettings())
        return try DebugSession(target: ContractTarget(execution: ContractExecution(snapshot: snapshot, module: module, configuration: configuration)))
    }

    /// Failed before: `ContractTarget` refused the module ("the module's start function trapped").
    @Test func aTrappingStartFunctionOpensAtTheTrappingInstruction() throws {
        let session = try Self.session("""
            (module (memory (export "memory") 1)
              (func $init i32.const 1 i32.const 0 i32.div_u drop)
              (start $init)
              (func (export "main") (result i32) i32.const 0))
            """)
        let snapshot = session.snapshot
        #expect(snapshot.statusLine == "trapped: integer_divide_by_zero")
        #expect(snapshot.frames.map(\.name) == ["init+0x5"])
        #expect(snapshot.code != nil)
        #expect(session.must("bt") == "=> #0 init+0x5 (offset 0x3b)")
        #expect(session.must("stack") == "stack[0]  i32 0x00000000  0\nstack[1]  i32 0x00000001  1")
        #expect(session.must("fuel") == "fuel used 3 of 10000000, last step cost 0")
        let refusal = "the module's start function trapped (integer_divide_by_zero) before the call began: there is nothing to run, step or go back to"
        for command in ["step", "continue", "reverse-step", "goto 0", "restart", "set fuel 99"] {
            #expect(session.execute(command).output == refusal, "\(command)")
        }
        #expect(snapshot.statusLine == session.snapshot.statusLine)
    }

    /// Failed before: a precondition in `ContractExecution.start()` ended the process.
    @Test func anEntryTooBigForTheValueStackOpensTrapped() throws {
        var configuration = MachineConfiguration()
        configuration.maxStackSlots = 64
        let body = String(repeating: "i32.const 0 ", count: 80) + String(repeating: "drop ", count: 80)
        let session = try Self.session(#"(module (memory (export "memory") 1) (func (export "main") (result i32) \#(body) i32.const 0))"#,
                                       configuration: configuration)
        #expect(session.snapshot.statusLine == "trapped: call_stack_exhausted")
        #expect(session.execute("step").output == "the call trapped before its first instruction (call_stack_exhausted: the function needs 80 value-stack slots; the stack holds 64): there is nothing to run, step or go back to")
    }
}
