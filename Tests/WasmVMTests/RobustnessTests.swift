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

    /// A module's names reach terminals and one-line reports; control characters are shown, not sent.
    @Test func controlCharactersInNamesArePrintedEscaped() throws {
        let module = try Module.load(text: #"(module (func (export "a\1b[31mb\0ac")))"#)
        #expect(module.displayName(ofFunction: 0) == "a\\u{1b}[31mb\\u{a}c")
        #expect(Module.printable("plain name") == "plain name")
        #expect(Module.printable("\u{7f}x\u{9b}") == "\\u{7f}x\\u{9b}")
    }
}
