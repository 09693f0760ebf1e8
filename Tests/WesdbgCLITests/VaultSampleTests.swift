import ContractHost
import DebuggerCore
import Foundation
import Testing
@testable import WesdbgCLI

/// The Rust sample (samples/vault, Debian's rustc 1.63): runs, and reads in Rust names.
@Suite struct VaultSampleTests {
    func transcript(_ snapshot: String, _ commands: [String]) throws -> [String] {
        let session = try DebugCommand.parse([CLIFixtures.sample(snapshot)]).makeSession()
        var text = ""
        #expect(DebugCommand.runBatch(session: session, commands: commands) { text += $0 })
        return text.split(separator: "\n").map(String.init)
    }

    @Test func depositAddsToTheAccount() throws {
        let run = try CLIFixtures.run([CLIFixtures.sample("vault/deposit.snapshot.json"), "--json"])
        let json = try JSONValue.parse(run.output)
        #expect(json["status"] == .string("success"))
        #expect(json["fuel"]?["used"] == .number("26077"))
        #expect(json["draft"]?["returnData"]?["text"] == .string("350"))
        guard case .array(let writes)? = json["draft"]?["stateWrites"] else { Issue.record("no stateWrites"); return }
        #expect(writes.map { $0["value"]?["text"] } == [.string("350")])
        let optimized = try CLIFixtures.run([CLIFixtures.sample("vault/deposit_O2.snapshot.json"), "--json"])
        let o2 = try JSONValue.parse(optimized.output)
        #expect(o2["fuel"]?["used"] == .number("3256"))
        #expect(o2["draft"] == json["draft"])
    }

    @Test func breakByRustNameAndBacktrace() throws {
        let lines = try transcript("vault/deposit.snapshot.json", ["break vault::parse_amount", "continue", "bt"])
        #expect(Array(lines.prefix(6)) == [
            "(wesdbg) break vault::parse_amount",
            "breakpoint 1: vault::parse_amount (func 23) entry",
            "(wesdbg) continue",
            "breakpoint 1",
            // After the prologue (DWARF's first line row past the entry), on the function's first statement.
            "paused at vault::parse_amount+0x5f (offset 0x24be) at src/lib.rs:55, step 7438",
            "55\t    if text.is_empty() || text.len() > 20 {",
        ])
        // Frames name the source function (generic arguments included) and line, then the code position.
        #expect(Array(lines.suffix(7)) == [
            "=> #0 vault::parse_amount (src/lib.rs:55) at vault::parse_amount+0x5f (offset 0x24be)",
            "   #1 core::ops::function::FnOnce::call_once<fn(&[u8]) -> core::option::Option<u64>, (&[u8])> (/usr/src/rustc-1.63.0/library/core/src/ops/function.rs:248) at core::ops::function::FnOnce::call_once+0x44 (offset 0x46b2)",
            "   #2 core::option::Option<&[u8]>::and_then<&[u8], u64, fn(&[u8]) -> core::option::Option<u64>> (/usr/src/rustc-1.63.0/library/core/src/option.rs:1262) at core::option::Option<T>::and_then+0xc6 (offset 0x5ff7)",
            "   #3 vault::amount_param (src/lib.rs:84) at vault::amount_param+0x76 (offset 0x326b)",
            "   #4 core::ops::function::FnOnce::call_once<fn(&[u8]) -> core::option::Option<u64>, (&[u8])> (/usr/src/rustc-1.63.0/library/core/src/ops/function.rs:248) at core::ops::function::FnOnce::call_once+0x44 (offset 0x476a)",
            "   #5 core::option::Option<&[u8]>::and_then<&[u8], u64, fn(&[u8]) -> core::option::Option<u64>> (/usr/src/rustc-1.63.0/library/core/src/option.rs:1262) at core::option::Option<T>::and_then+0xc6 (offset 0x5ebf)",
            "   #6 vault::deposit (src/lib.rs:95) at deposit+0x9e (offset 0x346a)",
        ])
    }

    @Test func aPanicTrapsThroughTheCoreLibrary() throws {
        let lines = try transcript("vault/withdraw_corrupt.snapshot.json", ["continue", "bt", "set print demangle off", "bt"])
        #expect(lines[1] == "trapped: unreachable, step 15874")
        #expect(lines.contains("   #6 core::option::Option<u64>::expect<u64> (/usr/src/rustc-1.63.0/library/core/src/option.rs:738) at core::option::Option<T>::expect+0x57 (offset 0x5c21)"))
        #expect(lines.contains("   #7 vault::Account::load (src/lib.rs:34) at vault::Account::load+0x215 (offset 0x2189)"))
        // Demangling off shows the symbol's linkage name; DWARF's source name is not mangled.
        #expect(lines.contains("   #7 vault::Account::load (src/lib.rs:34) at _ZN5vault7Account4load17h27b6cfb5607ff6aeE+0x215 (offset 0x2189)"))
        #expect(lines.last == "   #8 vault::withdraw (src/lib.rs:121) at withdraw+0x12f (offset 0x37da)")
    }

    @Test func inspectListsDemangledNames() throws {
        let result = try InspectCommandTests.inspect([CLIFixtures.sample("vault/vault.wasm")])
        #expect(result.status == 0)
        #expect(result.output.contains("  [23] vault::parse_amount  (i32, i32, i32) -> ()  1026 bytes at 0x245f"))
        #expect(result.output.contains("  [26] vault::parse_address::{{closure}}  (i32, i32) -> (i32)  326 bytes at 0x30ad"))
        #expect(result.output.contains("  __heap_base  global i32 = i32:67040"))
        #expect(!result.output.contains("_ZN"))
    }

    /// The Rust sample at source level: a line breakpoint, a struct and its fields
    /// (`Account { owner: Address([u8; 42]), balance: u64 }`), `next` and `step` by line.
    @Test func sourceLevelWalkThroughDeposit() throws {
        let lines = try transcript("vault/deposit.snapshot.json", [
            "break lib.rs:100", "continue", "print account.balance", "print account.owner.__0[1]", "next", "step", "bt",
        ])
        #expect(lines == [
            "(wesdbg) break lib.rs:100",
            "breakpoint 1: src/lib.rs:100",
            "(wesdbg) continue",
            "breakpoint 1",
            "paused at deposit+0x140 (offset 0x350c) at src/lib.rs:100, step 19429",
            "100\t    let balance = match account.balance.checked_add(amount) {",
            "=> 0x350c  local.get 2",
            "(wesdbg) print account.balance",
            "$1 = 100",
            "(wesdbg) print account.owner.__0[1]",
            "$2 = 120",
            "(wesdbg) next",
            "paused at deposit+0x194 (offset 0x3560) at src/lib.rs:101, step 19565",
            "101\t        Some(balance) => balance,",
            "=> 0x3560  local.get 2",
            "(wesdbg) step",
            "paused at deposit+0x1ac (offset 0x3578) at src/lib.rs:104, step 19574",
            "104\t    if !wes::transfer_native(&account.owner, &wes::contract_address(), amount) {",
            "=> 0x3578  i32.const 320",
            "(wesdbg) bt",
            "=> #0 vault::deposit (src/lib.rs:104) at deposit+0x1ac (offset 0x3578)",
        ])
        let account = try transcript("vault/deposit.snapshot.json", ["break lib.rs:100", "continue", "print account"])
        #expect(account.last?.hasPrefix("$1 = Account {owner: Address([48, 120, 56, 50, ") == true)
        #expect(account.last?.hasSuffix("]), balance: 100}") == true)
    }
}
