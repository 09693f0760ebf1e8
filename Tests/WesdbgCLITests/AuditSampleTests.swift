import ContractHost
import Foundation
import Testing
@testable import WesdbgCLI

/// The SIMD sample (samples/audit, clang-14 -O2 -msimd128 -g): its loops run on v128 values.
@Suite struct AuditSampleTests {
    func transcript(_ snapshot: String, _ commands: [String]) throws -> [String] {
        let session = try DebugCommand.parse([CLIFixtures.sample(snapshot)]).makeSession()
        var text = ""
        #expect(DebugCommand.runBatch(session: session, commands: commands) { text += $0 })
        return text.split(separator: "\n").map(String.init)
    }

    func run(_ snapshot: String) throws -> JSONValue {
        let result = try CLIFixtures.run([CLIFixtures.sample("audit/" + snapshot + ".snapshot.json"), "--json"])
        #expect(result.errors == "")
        return try JSONValue.parse(result.output)
    }

    /// The hot loop is vectorized: the walkthrough's offsets hold v128.load and i64x2.add.
    @Test func theBalanceLoopIsVectorized() throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: CLIFixtures.sample("audit/audit.wasm"))))
        #expect(Array(bytes[0x45a..<0x45e]) == [0xfd, 0x00, 0x04, 0x00])  // v128.load align=16
        #expect(Array(bytes[0x460..<0x463]) == [0xfd, 0xce, 0x01])  // i64x2.add
        #expect(Array(bytes[0x4d9..<0x4dc]) == [0xfd, 0x1d, 0x00])  // i64x2.extract_lane 0
    }

    @Test func auditSumsTheBalances() throws {
        let json = try run("audit")
        #expect(json["status"] == .string("success"))
        #expect(json["code"] == .number("0"))
        #expect(json["fuel"]?["used"] == .number("1871"))
        #expect(json["draft"]?["returnData"]?["text"] == .string("25001240590"))
        let mismatch = try run("audit_mismatch")
        #expect(mismatch["code"] == .number("6"))
        #expect(mismatch["fuel"]?["used"] == .number("1871"))
        #expect(mismatch["draft"]?["returnData"]?["text"] == .string("25001240590"))
        let missing = try run("audit_missing")
        #expect(missing["code"] == .number("4"))
        #expect(missing["fuel"]?["used"] == .number("71"))
    }

    @Test func checksumCountsBytesCommasAndSum() throws {
        let json = try run("checksum")
        #expect(json["status"] == .string("success"))
        #expect(json["fuel"]?["used"] == .number("5902"))
        #expect(json["draft"]?["returnData"]?["text"] == .string("{\"bytes\":72,\"commas\":7,\"sum\":5620}"))
    }

    /// samples/README.md's walkthrough: the unrolled loop's four loads and the accumulator on
    /// the stack, four i64x2.add folding them, the reduction's extract_lane giving the total
    /// of the vector loops (the scalar tail then adds the 45th balance, 58552).
    @Test func walkthroughStepsThroughTheVectorLoop() throws {
        let lines = try transcript("audit/audit.snapshot.json", [
            "break 0x460", "continue", "stack", "stepi 4", "stack", "continue", "stack",
            "delete 1", "break 0x4d9", "continue", "stack", "stepi", "stack", "continue",
        ])
        #expect(lines.filter { !$0.hasPrefix("=> ") } == [
            "(wesdbg) break 0x460",
            "breakpoint 1: offset 0x460",
            "(wesdbg) continue",
            "breakpoint 1",
            "paused at audit+0x122 (offset 0x460) at audit/audit.c:24, step 85",
            "24\t    for (uint32_t i = 0; i < n; i++) total += b[i];",
            "(wesdbg) stack",
            "stack[0]  v128 0x00000000000000000000000000000000  <- popped next",
            "stack[1]  v128 0x00000000000007d700000000000003e8  <- popped next",
            "stack[2]  v128 0x0000000000000fdf0000000000000bd4",
            "stack[3]  v128 0x000000000000181f000000012a0605f8",
            "stack[4]  v128 0x00000000000020970000000000001c54",
            "(wesdbg) stepi 4",
            "paused at audit+0x12e (offset 0x46c) at audit/audit.c:24, step 89",
            "24\t    for (uint32_t i = 0; i < n; i++) total += b[i];",
            "(wesdbg) stack",
            "stack[0]  v128 0x000000000000506c000000012a063208  <- popped next",
            "(wesdbg) continue",
            "breakpoint 1",
            "paused at audit+0x122 (offset 0x460) at audit/audit.c:24, step 118",
            "24\t    for (uint32_t i = 0; i < n; i++) total += b[i];",
            "(wesdbg) stack",
            "stack[0]  v128 0x000000000000506c000000012a063208  <- popped next",
            "stack[1]  v128 0x000000000000294700000000000024e8  <- popped next",
            "stack[2]  v128 0x000000000000322f0000000000002db4",
            "stack[3]  v128 0x000000012a062d4f00000000000036b8",
            "stack[4]  v128 0x00000000000044a70000000000003ff4",
            "(wesdbg) delete 1",
            "deleted breakpoint 1",
            "(wesdbg) break 0x4d9",
            "breakpoint 2: offset 0x4d9",
            "(wesdbg) continue",
            "breakpoint 2",
            "paused at audit+0x19b (offset 0x4d9) at audit/audit.c:24, step 277",
            "24\t    for (uint32_t i = 0; i < n; i++) total += b[i];",
            "(wesdbg) stack",
            "stack[0]  v128 0xc4c4c4c718d9e55600000005d22fc356  <- popped next",
            "(wesdbg) stepi",
            "paused at audit+0x19e (offset 0x4dc) at audit/audit.c:24, step 278",
            "24\t    for (uint32_t i = 0; i < n; i++) total += b[i];",
            "(wesdbg) stack",
            "stack[0]  i64 0x00000005d22fc356  25001182038  <- popped next",
            "(wesdbg) continue",
            "finished: success, step 1563",
            "returned i32:0",
        ])
        // The current instruction by its text-format name.
        #expect(lines.filter { $0.hasPrefix("=> ") } == [
            "=> 0x460  i64x2.add", "=> 0x46c  local.set 7", "=> 0x460  i64x2.add",
            "=> 0x4d9  i64x2.extract_lane 0", "=> 0x4dc  local.set 3",
        ])
    }
}
