import ContractHost
import Testing
import WasmVM
@testable import DebuggerCore

/// Fuel by function is always on in the debugger (issue 16 item 5): for runs of any
/// length (once it vanished past 250,000 instructions), and `fuel` and the Fuel pane say
/// how many functions they leave out.
@Suite struct FuelByFunctionTests {
    /// Twelve functions, `main` calling each in a loop of 40,000 rounds (5.1M fuel).
    static let twelve: String = {
        let callees = (1 ... 11).map { "(func $f\($0) (param i32) (result i32) (i32.add (local.get 0) (i32.const \($0))))" }
        let calls = (1 ... 11).map { "(local.set $x (call $f\($0) (local.get $x)))" }
        return """
            (module (memory (export "memory") 1)
              \(callees.joined(separator: "\n  "))
              (func (export "main") (result i32) (local $i i32) (local $x i32)
                (loop $l
                  \(calls.joined(separator: "\n      "))
                  (br_if $l (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const 40000))))
                (i32.and (local.get $x) (i32.const 0))))
            """
    }()

    @Test func everyFunctionIsCountedAndTheLeftOutOnesAreCounted() throws {
        let session = try BadInputTrapAtStartTests.session(Self.twelve)
        session.must("continue")
        let fuel = session.must("fuel").split(separator: "\n")
        #expect(fuel.first == "fuel used 5120004 of 10000000, last step cost 1")
        #expect(fuel.dropFirst().first == "function     self   share    total   calls")
        #expect(fuel.contains("main      3360004   65.6%  5120004       1"))
        #expect(fuel.contains("... 2 more (`profile` shows all)"))
        #expect(fuel.last == "total     5120004  100.0%")
        // The pane's rows are all twelve functions; it shows ten and counts the rest.
        #expect(session.snapshot.fuel.byFunction.count == 12)
        #expect(session.snapshot.fuel.byFunction.reduce(0) { $0 + $1.selfFuel } == 5_120_004)
        #expect(session.snapshot.fuel.byFunction.allSatisfy { $0.name == "main" || $0.calls == 40_000 })
        let profile = session.must("profile").split(separator: "\n")
        #expect(profile.count == 14)
    }
}
