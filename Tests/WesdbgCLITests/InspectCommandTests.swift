import Foundation
import Testing
@testable import WesdbgCLI

@Suite struct InspectCommandTests {
    static func inspect(_ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
        let command = try InspectCommand.parse(arguments)
        var output = "", errors = ""
        let status = command.execute(output: &output, errors: &errors)
        return (status, output, errors)
    }

    @Test func importsWithVariantsAndErrorsExportsMemoryFunctions() throws {
        let dir = try CLIFixtures.temporaryDirectory()
        let path = dir + "/m.wat"
        try CLIFixtures.write("""
            (module
              (import "env" "query_utxo_balance" (func (param i32 i32) (result i64)))
              (import "env" "execute_utxo_transfer" (func (param i32 i32 i64 i32 i32) (result i32)))
              (import "env" "nope" (func))
              (memory (export "memory") 2 16)
              (table 3 funcref)
              (global (export "__heap_base") i32 (i32.const 4096))
              (func $helper (result i32) (i32.const 1))
              (func (export "main") (result i32) (call $helper)))
            """, to: path)
        let r = try Self.inspect([path])
        #expect(r.status == 0)
        let lines = r.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0].hasPrefix("module: \(path) ("))
        #expect(Array(lines[1...]) == [
            "imports (3):",
            "  env.query_utxo_balance  func (i32, i32) -> (i64)  host ABI: seed native-coin variant",
            "  env.execute_utxo_transfer  func (i32, i32, i64, i32, i32) -> (i32)  host ABI: standard",
            "  env.nope  func () -> ()  ABI error: import env.nope: unknown host function; the contract declares () -> ()",
            "exports (3):",
            "  memory  memory min 2, max 16 pages",
            "  __heap_base  global i32 = i32:4096",
            "  main  func () -> (i32)",
            "memories:",
            "  memory[0]  min 2, max 16 pages (64 KiB each)",
            "tables:",
            "  table[0]  funcref  min 3, no max elements",
            "functions (2 defined):",
            "  [3] helper  () -> (i32)  4 bytes at 0xa3",
            "  [4] main  () -> (i32)  4 bytes at 0xa8",
            "custom sections:",
            "  name  11 bytes at 0xb3",
            "debug info: none (build with -g for source-level debugging)",
            "host ABI: 1 error",
            "",
        ])
    }

    @Test func inspectsASnapshotsContractAndRefusesBadFiles() throws {
        let r = try Self.inspect([CLIFixtures.sample("token/transfer.snapshot.json")])
        #expect(r.status == 0)
        #expect(r.output.contains("host ABI: ok"))
        #expect(r.output.contains("custom sections:\n  name  "))
        let missing = try Self.inspect(["/nonexistent.wasm"])
        #expect(missing.status == 2)
        #expect(missing.errors == "/nonexistent.wasm: no such file\n")
    }
}
