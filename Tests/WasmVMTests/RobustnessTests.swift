import Testing
@testable import WasmVM

/// Declared sizes past the machine's limits are a LinkError at instantiation,
/// not an allocation that aborts the process.
@Suite struct RobustnessTests {
    @Test func hugeInitialTableIsRefused() throws {
        let module = try Module.load(text: "(module (table 4294967295 funcref))")
        #expect(throws: LinkError("table 0 declares 4294967295 initial elements; the limit is 10000000")) {
            _ = try Machine().instantiate(module) { _ in nil }
        }
    }

    @Test func initialMemoryPastTheConfiguredLimitIsRefused() throws {
        var configuration = MachineConfiguration()
        configuration.maxMemoryPages = 16
        let module = try Module.load(text: #"(module (import "m" "t" (table 1 funcref)) (memory 17))"#)
        let machine = Machine(configuration: configuration)
        let table = machine.addTable(TableType(elementType: .funcref, limits: Limits(min: 1, max: nil)))
        #expect(throws: LinkError("memory 0 declares 17 initial pages; the limit is 16")) {
            _ = try machine.instantiate(module) { _ in table }
        }
    }

    @Test func tableAtTheLimitIsAllocated() throws {
        var configuration = MachineConfiguration()
        configuration.maxTableElements = 1000
        let module = try Module.load(text: "(module (table 1000 funcref) (memory 1))")
        _ = try Machine(configuration: configuration).instantiate(module) { _ in nil }
    }
}
