import Testing
@testable import WasmVM

/// Names as the debugger shows them: demangled from the name section, raw on request.
@Suite struct ModuleNamesTests {
    static let wat = """
        (module
          (func $_ZN5vault12parse_amount17h6ca08b5a431a2420E)
          (func $_ZN4core3ops8function6FnOnce9call_once17h15a043cc1fcbe736E)
          (func $_ZN4core3ops8function6FnOnce9call_once17h9d1a91f095c82dcbE)
          (func $_RNvMCs3CKAgideXN0_5vaultNtB2_7Account4load)
          (func $_ZNK5vault7Account3getEv)
          (func $plain (export "deposit")))
        """

    @Test func displayNamesAreDemangledAndRawNamesKept() throws {
        let module = try Module.load(text: Self.wat)
        #expect((0 ..< 6).map(module.displayName(ofFunction:)) == [
            "vault::parse_amount", "core::ops::function::FnOnce::call_once", "core::ops::function::FnOnce::call_once",
            "<vault::Account>::load", "vault::Account::get() const", "plain",
        ])
        #expect(module.rawName(ofFunction: 0) == "_ZN5vault12parse_amount17h6ca08b5a431a2420E")
        let raw = module.withNames(demangled: false)
        #expect(raw.displayName(ofFunction: 3) == "_RNvMCs3CKAgideXN0_5vaultNtB2_7Account4load")
        #expect(raw.withNames(demangled: true).displayName(ofFunction: 3) == "<vault::Account>::load")
        #expect(module.withNames(demangled: true) === module)
    }

    @Test func functionsAreFoundByRawDemangledAndSuffixNames() throws {
        let module = try Module.load(text: Self.wat)
        #expect(module.functions(named: "_ZN5vault12parse_amount17h6ca08b5a431a2420E") == [0])
        #expect(module.functions(named: "vault::parse_amount") == [0])
        #expect(module.functions(named: "parse_amount") == [0])
        #expect(module.functions(named: "<vault::Account>::load") == [3])
        #expect(module.functions(named: "load") == [3])
        #expect(module.functions(named: "call_once") == [1, 2])
        #expect(module.functions(named: "FnOnce::call_once") == [1, 2])
        #expect(module.functions(named: "deposit") == [5])
        #expect(module.functions(named: "plain") == [5])
        // A suffix matches whole path components only.
        #expect(module.functions(named: "amount").isEmpty)
        #expect(module.functions(named: "").isEmpty)
    }
}
