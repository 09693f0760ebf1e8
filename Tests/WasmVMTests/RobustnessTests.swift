import Testing
@testable import WasmVM

/// Declared sizes past the machine's limits are a LinkError at instantiation,
/// not an allocation that aborts the process (`(table 4294967295 funcref)` asked for 32 GiB).
@Suite struct RobustnessTests {
    @Test func hugeInitialTableIsRefused() throws {
        let module = try Module.load(text: "(module (table 4294967295 funcref))")
        #expect(throws: LinkError("table of 4294967295 elements exceeds the limit of 10000000 elements")) {
            _ = try Machine().instantiate(module) { _ in nil }
        }
    }

    @Test func tableAtTheLimitIsAllocated() throws {
        var configuration = MachineConfiguration()
        configuration.maxTableElements = 1000
        let module = try Module.load(text: "(module (table 1000 funcref))")
        _ = try Machine(configuration: configuration).instantiate(module) { _ in nil }
        let over = try Module.load(text: "(module (table 1001 funcref))")
        #expect(throws: LinkError("table of 1001 elements exceeds the limit of 1000 elements")) {
            _ = try Machine(configuration: configuration).instantiate(over) { _ in nil }
        }
    }

    /// Failed before: `Machine.invoke` threw a bare trap, and hosts that only expected argument
    /// errors from `startCall` hit a precondition. Now the call ends trapped, with a reason and a place.
    @Test func aFunctionTooBigForTheValueStackTraps() throws {
        var configuration = MachineConfiguration()
        configuration.maxStackSlots = 64
        let body = String(repeating: "i32.const 0 ", count: 100) + String(repeating: "drop ", count: 100)
        let module = try Module.load(text: "(module (func (export \"f\") \(body)))")
        let machine = Machine(configuration: configuration)
        let instance = try machine.instantiate(module) { _ in nil }
        let trap = Trap(.callStackExhausted, "the function needs 100 value-stack slots; the stack holds 64", function: 0, offset: Int(module.functions[0].offsets[0]))
        #expect(throws: trap) { try machine.startCall(function: machine.functionAddress(instance, function: 0), arguments: [], fuel: 1000) }
        guard case .trapped(let event) = machine.run() else { Issue.record("the machine is not trapped"); return }
        #expect(event == trap)
        #expect(machine.fuelUsed == 0)
    }

    /// `instantiateKeepingTrap` hands back the instance of a module whose start function trapped,
    /// with the machine still at the trapping instruction (what `debug` opens on).
    @Test func aTrappingStartFunctionKeepsItsInstanceAndFrames() throws {
        let module = try Module.load(text: "(module (func $init i32.const 1 i32.const 0 i32.div_u drop) (start $init))")
        let machine = Machine()
        let (_, trap) = try machine.instantiateKeepingTrap(module) { _ in nil }
        #expect(trap?.kind == .integerDivideByZero)
        #expect(machine.frames.count == 1)
        #expect(machine.frames.first?.location.pc == 2)
        #expect(trap?.offset == machine.frames.first?.location.offset)
        #expect(throws: Trap.self) { _ = try Machine().instantiate(module) { _ in nil } }
    }

    /// A module's names reach terminals and one-line reports; control characters are shown, not sent.
    @Test func controlCharactersInNamesArePrintedEscaped() throws {
        let module = try Module.load(text: #"(module (func (export "a\1b[31mb\0ac")))"#)
        #expect(module.displayName(ofFunction: 0) == "a\\u{1b}[31mb\\u{a}c")
        #expect(Module.printable("plain name") == "plain name")
        #expect(Module.printable("\u{7f}x\u{9b}") == "\\u{7f}x\\u{9b}")
    }
}
