import DebuggerCore
import Foundation
import Testing
@testable import WesdbgCLI

/// Conditions on source variables, as batch transcripts on the `-g` samples (C: token, -O0 and -O1;
/// Rust: vault). The values are what `print` shows at the same stops (SourceLevelTests pins those
/// against `llvm-dwarfdump`); offsets and steps are those of the stops without conditions.
struct ConditionTranscriptTests {
    /// The transcript of `wesdbg debug samples/FILE -x …`, without its last newline (invalid commands included).
    func transcript(_ file: String, _ commands: [String]) throws -> String {
        let session = try DebugCommand.parse([DebugBatchTests.samples + "/" + file]).makeSession()
        var text = ""
        _ = DebugCommand.runBatch(session: session, commands: commands) { text += $0 }
        return text.hasSuffix("\n") ? String(text.dropLast()) : text
    }

    /// Variables of transfer at token.c:83 (-O0, DW_OP_fbreg over __stack_pointer, as print reads them); refusals name the column.
    @Test func cSourceVariablesStructFieldsPointersAndArrays() throws {
        let text = try transcript("token/transfer.debug.snapshot.json", [
            #"break token.c:83 if amount == 250 && to.len == 42 && *to.ptr == '0' && caller[1] == 'x' && token_len == 4 && p.len - 64 == 0"#,
            #"condition 1 amount >"#,
            #"break token.c:83 if nosuch == 1"#,
            #"break token.c:83 if to == 1"#,
            #"break token.c:83 if to.nope == 1"#,
            #"break token.c:83 if amount > 250"#,
            #"continue"#,
            #"info breakpoints"#,
        ])
        #expect(text == #"""
(wesdbg) break token.c:83 if amount == 250 && to.len == 42 && *to.ptr == '0' && caller[1] == 'x' && token_len == 4 && p.len - 64 == 0
breakpoint 1: token/token.c:83 if amount == 250 && to.len == 42 && *to.ptr == '0' && caller[1] == 'x' && token_len == 4 && p.len - 64 == 0
(wesdbg) condition 1 amount >
error: condition: column 9: expected an operand
(wesdbg) break token.c:83 if nosuch == 1
error: condition: column 1: no symbol "nosuch" in scope at token/token.c:83
(wesdbg) break token.c:83 if to == 1
error: condition: column 1: to is wes_slice, not a number (use a member, an element or *)
(wesdbg) break token.c:83 if to.nope == 1
error: condition: column 3: there is no member named nope
(wesdbg) break token.c:83 if amount > 250
breakpoint 2: token/token.c:83 if amount > 250
(wesdbg) continue
breakpoint 1
paused at transfer+0x289 (offset 0x686) at token/token.c:83, step 55073
83	    if (!wes_execute_utxo_transfer(caller, to_ptr, amount, TOKEN, token_len))
=> 0x686  i32.const 48
(wesdbg) info breakpoints
ID  type         enabled  hits  what
0   trap         yes      0     any trap
1   break        yes      1     token/token.c:83 at offset 0x686 (token/token.c:83)  if amount == 250 && to.len == 42 && *to.ptr == '0' && caller[1] == 'x' && token_len == 4 && p.len - 64 == 0
2   break        yes      0     token/token.c:83 at offset 0x686 (token/token.c:83)  if amount > 250
"""#)
    }

    /// wes_is_address's loop (wes.h:178) stops at the first 'c' past index 20 of `to`; wes_json_find (wes.h:243) through `value->ptr` and `*key`.
    @Test func cLoopsPointerMembersAndIndexes() throws {
        let text = try transcript("token/transfer.debug.snapshot.json", [
            #"break wes.h:178 if s[i] == 'c' && i > 20 && n == 42"#,
            #"break wes.h:243 if value->ptr - s == v && key[1] == 'o' && *value->ptr == '"'"#,
            #"continue"#,
            #"print v"#,
            #"continue"#,
            #"print i"#,
            #"print s[i]"#,
            #"continue"#,
            #"print i"#,
            #"info breakpoints"#,
        ])
        #expect(text == #"""
(wesdbg) break wes.h:178 if s[i] == 'c' && i > 20 && n == 42
breakpoint 1: include/wes.h:178 if s[i] == 'c' && i > 20 && n == 42
(wesdbg) break wes.h:243 if value->ptr - s == v && key[1] == 'o' && *value->ptr == '"'
breakpoint 2: include/wes.h:243 if value->ptr - s == v && key[1] == 'o' && *value->ptr == '"'
(wesdbg) continue
breakpoint 2
paused at wes_json_find+0x3ad (offset 0x15c1) at include/wes.h:243, step 10057
243	            value->len = i - v;
=> 0x15c1  local.get 5
(wesdbg) print v
$1 = 19
(wesdbg) continue
breakpoint 1
paused at wes_is_address+0x124 (offset 0xa64) at include/wes.h:178, step 17090
178	        char c = s[i];
=> 0xa64  local.get 4
(wesdbg) print i
$2 = 25
(wesdbg) print s[i]
$3 = 99 'c'
(wesdbg) continue
breakpoint 1
paused at wes_is_address+0x124 (offset 0xa64) at include/wes.h:178, step 17561
178	        char c = s[i];
=> 0xa64  local.get 4
(wesdbg) print i
$4 = 28
(wesdbg) info breakpoints
ID  type         enabled  hits  what
0   trap         yes      0     any trap
1   break        yes      2     include/wes.h:178 at offset 0xa64 (include/wes.h:178)  if s[i] == 'c' && i > 20 && n == 42
2   break        yes      1     include/wes.h:243 at offset 0x15c1 (include/wes.h:243)  if value->ptr - s == v && key[1] == 'o' && *value->ptr == '"'
"""#)
    }

    /// Strings: a C char array (caller), a global (TOKEN), host-call arguments that point at text; names from the name section.
    @Test func textGlobalsAndHostArguments() throws {
        let text = try transcript("token/transfer.debug.snapshot.json", [
            #"break token.c:83 if TOKEN == "GOLD" && caller == "0x8209c622d851832908d7089992787a9f1a39ffe5" && (amount & 0xff) == 250 && __stack_pointer > 0 && $__stack_pointer == global.0"#,
            #"break host execute_utxo_transfer if token == "GOLD" && amount == 250 && to == "0xc1d73080c71c19539eb4f22cf2cb85cc820817a3""#,
            #"break host execute_utxo_transfer if token == "SILVER""#,
            #"break host * if amount == "GOLD""#,
            #"continue"#,
            #"continue"#,
            #"continue"#,
        ])
        #expect(text == #"""
(wesdbg) break token.c:83 if TOKEN == "GOLD" && caller == "0x8209c622d851832908d7089992787a9f1a39ffe5" && (amount & 0xff) == 250 && __stack_pointer > 0 && $__stack_pointer == global.0
breakpoint 1: token/token.c:83 if TOKEN == "GOLD" && caller == "0x8209c622d851832908d7089992787a9f1a39ffe5" && (amount & 0xff) == 250 && __stack_pointer > 0 && $__stack_pointer == global.0
(wesdbg) break host execute_utxo_transfer if token == "GOLD" && amount == 250 && to == "0xc1d73080c71c19539eb4f22cf2cb85cc820817a3"
breakpoint 2: host call execute_utxo_transfer if token == "GOLD" && amount == 250 && to == "0xc1d73080c71c19539eb4f22cf2cb85cc820817a3"
(wesdbg) break host execute_utxo_transfer if token == "SILVER"
breakpoint 3: host call execute_utxo_transfer if token == "SILVER"
(wesdbg) break host * if amount == "GOLD"
breakpoint 4: any host call if amount == "GOLD"
(wesdbg) continue
breakpoint 1
paused at transfer+0x289 (offset 0x686) at token/token.c:83, step 55073
83	    if (!wes_execute_utxo_transfer(caller, to_ptr, amount, TOKEN, token_len))
=> 0x686  i32.const 48
(wesdbg) continue
breakpoint 2: host call execute_utxo_transfer(from=70912 "0x8209c622d851832908d7089992787a9f1a39ffe5", to=1188 "0xc1d73080c71c19539eb4f22cf2cb85cc820817a3", amount=250, token=1156 "GOLD", token_len=4)
paused at transfer+0x2bf (offset 0x6bc) at token/token.c:83, step 55097
83	    if (!wes_execute_utxo_transfer(caller, to_ptr, amount, TOKEN, token_len))
=> 0x6bc  call 3 <wes_execute_utxo_transfer>
note: breakpoint 4's condition: amount does not point at text here (taken as false; not repeated)
(wesdbg) continue
finished: success, step 66198
returned i32:0
"""#)
    }

    /// -O1: wes.h:307 has four inlined copies, each with its own `n`; `amount` is optimized out at token.c:83: false, with a note.
    @Test func optimizedCodeInlinedCopiesAndOptimizedOutVariables() throws {
        let text = try transcript("token/transfer.O1.snapshot.json", [
            #"break wes.h:307 if n == 64"#,
            #"continue"#,
            #"print n"#,
            #"break wes.h:307 if nosuch == 1"#,
            #"break token.c:83 if amount == 250"#,
            #"continue"#,
        ])
        #expect(text == #"""
(wesdbg) break wes.h:307 if n == 64
breakpoint 1: include/wes.h:307 (4 locations) if n == 64
(wesdbg) continue
breakpoint 1
paused at transfer+0x28 (offset 0x241) at include/wes.h:307, step 10
307	    if (n < 0 || n > WES_PARAMS_CAP) return 0;
=> 0x241  i32.gt_u
(wesdbg) print n
$1 = 64
(wesdbg) break wes.h:307 if nosuch == 1
error: condition: column 1: no symbol "nosuch" in scope at include/wes.h:307
(wesdbg) break token.c:83 if amount == 250
breakpoint 2: token/token.c:83 if amount == 250
(wesdbg) continue
finished: success, step 12885
returned i32:0
note: breakpoint 2's condition: amount: value has been optimized out (taken as false; not repeated)
"""#)
    }

    /// The Rust sample: a &[u8] compared as text and through its fields, a loop's locals, a struct's fields.
    @Test func rustSlicesStructsAndLoops() throws {
        let text = try transcript("vault/deposit.snapshot.json", [
            #"break vault::parse_amount if text == "250" && text.length == 3 && *text.data_ptr == '2'"#,
            #"continue"#,
            #"info args"#,
            #"break lib.rs:63 if value == 25 && c == '0'"#,
            #"break lib.rs:100 if account.balance == 100 && amount == 250 && account.owner.__0[1] == 'x'"#,
            #"break lib.rs:100 if account == 1"#,
            #"break lib.rs:100 if text == 1"#,
            #"delete 1"#,
            #"continue"#,
            #"info locals"#,
            #"continue"#,
        ])
        #expect(text == #"""
(wesdbg) break vault::parse_amount if text == "250" && text.length == 3 && *text.data_ptr == '2'
breakpoint 1: vault::parse_amount (func 23) entry if text == "250" && text.length == 3 && *text.data_ptr == '2'
(wesdbg) continue
breakpoint 1
paused at vault::parse_amount+0x5f (offset 0x24be) at src/lib.rs:55, step 7438
55	    if text.is_empty() || text.len() > 20 {
=> 0x24be  local.get 1
(wesdbg) info args
text = [50, 53, 48]
(wesdbg) break lib.rs:63 if value == 25 && c == '0'
breakpoint 2: src/lib.rs:63 (2 locations) if value == 25 && c == '0'
(wesdbg) break lib.rs:100 if account.balance == 100 && amount == 250 && account.owner.__0[1] == 'x'
breakpoint 3: src/lib.rs:100 if account.balance == 100 && amount == 250 && account.owner.__0[1] == 'x'
(wesdbg) break lib.rs:100 if account == 1
error: condition: column 1: account is Account, not a number (use a member, an element or *)
(wesdbg) break lib.rs:100 if text == 1
error: condition: column 1: no symbol "text" in scope at src/lib.rs:100
(wesdbg) delete 1
deleted breakpoint 1
(wesdbg) continue
breakpoint 2
paused at vault::parse_amount+0x1d0 (offset 0x262f) at src/lib.rs:63, step 10802
63	        value = value.checked_mul(10)?.checked_add((c - b'0') as u64)?;
=> 0x262f  local.get 5
(wesdbg) info locals
c = 48
iter = Iter<u8> {ptr: NonNull<u8> {pointer: 0xfe2d}, end: 0xfe2d, _marker: PhantomData<&u8>}
value = 25
(wesdbg) continue
breakpoint 3
paused at deposit+0x140 (offset 0x350c) at src/lib.rs:100, step 19429
100	    let balance = match account.balance.checked_add(amount) {
=> 0x350c  local.get 2
"""#)
    }

}
