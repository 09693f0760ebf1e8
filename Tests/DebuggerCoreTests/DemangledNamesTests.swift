import DebuggerCore
import Testing
import WasmVM

/// Rust and C++ names in breakpoints, backtraces and disassembly, and `set print demangle`.
struct DemangledNamesTests {
    static let wat = """
        (module
          (func $_ZN5vault12parse_amount17h6ca08b5a431a2420E (result i32)
            i32.const 7)
          (func $_ZN4core3ops8function6FnOnce9call_once17h15a043cc1fcbe736E (result i32)
            call $_ZN5vault12parse_amount17h6ca08b5a431a2420E)
          (func $_ZN4core3ops8function6FnOnce9call_once17h9d1a91f095c82dcbE (result i32)
            i32.const 0)
          (func $deposit (export "deposit") (result i32)
            call $_ZN4core3ops8function6FnOnce9call_once17h15a043cc1fcbe736E))
        """

    @Test func breakAcceptsDemangledRawAndSuffixNames() throws {
        let session = try makeSession("deposit", wat: Self.wat)
        #expect(session.must("break vault::parse_amount") == "breakpoint 1: vault::parse_amount (func 0) entry")
        #expect(session.must("break parse_amount") == "breakpoint 2: vault::parse_amount (func 0) entry")
        #expect(session.must("break _ZN5vault12parse_amount17h6ca08b5a431a2420E") == "breakpoint 3: vault::parse_amount (func 0) entry")
        let ambiguous = session.execute("break call_once")
        #expect(ambiguous.isError)
        #expect(ambiguous.output == "'call_once' is ambiguous: core::ops::function::FnOnce::call_once (func 1), "
            + "core::ops::function::FnOnce::call_once (func 2) (2 functions; give the raw name or func N)")
        #expect(session.must("break _ZN4core3ops8function6FnOnce9call_once17h15a043cc1fcbe736E")
            == "breakpoint 4: core::ops::function::FnOnce::call_once (func 1) entry")
        #expect(session.execute("break amount").output == "no function 'amount' (a name, an export or an index)")
        session.must("continue")
        #expect(session.must("bt") == """
            => #0 core::ops::function::FnOnce::call_once+0x1 (offset 0x2d)
               #1 deposit+0x1 (offset 0x37)
            """)
    }

    @Test func printDemangleOffShowsRawNamesEverywhere() throws {
        let session = try makeSession("deposit", wat: Self.wat)
        session.must("break parse_amount")
        session.must("continue")
        #expect(session.snapshot.code?.functionName == "vault::parse_amount")
        #expect(session.must("disassemble deposit").contains("call 1 <core::ops::function::FnOnce::call_once>"))
        #expect(session.must("set print demangle off") == "print demangle is off")
        #expect(session.must("bt") == """
            => #0 _ZN5vault12parse_amount17h6ca08b5a431a2420E+0x1 (offset 0x28)
               #1 _ZN4core3ops8function6FnOnce9call_once17h15a043cc1fcbe736E+0x1 (offset 0x2d)
               #2 deposit+0x1 (offset 0x37)
            """)
        #expect(session.snapshot.code?.functionName == "_ZN5vault12parse_amount17h6ca08b5a431a2420E")
        #expect(session.must("disassemble deposit").contains("call 1 <_ZN4core3ops8function6FnOnce9call_once17h15a043cc1fcbe736E>"))
        // Demangled names still find functions while raw names are shown.
        #expect(session.must("break vault::parse_amount") == "breakpoint 2: _ZN5vault12parse_amount17h6ca08b5a431a2420E (func 0) entry")
        #expect(session.must("set print demangle on") == "print demangle is on")
        #expect(session.snapshot.code?.functionName == "vault::parse_amount")
        #expect(session.execute("set print demangle maybe").output == "usage: set print demangle on|off")
        #expect(session.execute("set print asm on").isError)
    }
}
