import Testing
@testable import WasmVM

/// `Module.reentrantFunctions`: which functions fuel by function must count running
/// activations of (FunctionCode.isUnnested is its negation).
@Suite struct CallGraphTests {
    /// Imports: 0 a host function, 1 another instance's wasm function (may call back). Defined,
    /// from index 2: $leaf, $chain (calls $leaf), $self (recursive), $ping and $pong (mutually
    /// recursive), $host (calls the host import), $out (calls the wasm import: reaches the
    /// exported $entry), $entry (exported, calls $out), $viaTable (call_indirect: reaches
    /// $inTable, in the table, which calls $viaTable back), $inTable, $deep (a 3000-deep chain's head).
    static let module = """
    (module
      (import "env" "host" (func $hostImport))
      (import "env" "wasm" (func $wasmImport))
      (table 1 funcref)
      (elem (i32.const 0) $inTable)
      (func $leaf)
      (func $chain (call $leaf))
      (func $self (call $self))
      (func $ping (call $pong))
      (func $pong (call $ping))
      (func $host (call $hostImport))
      (func $out (call $wasmImport))
      (func $entry (export "entry") (call $out))
      (func $viaTable (call_indirect (i32.const 0)))
      (func $inTable (call $viaTable)))
    """

    @Test func onlyFunctionsOnACallCycleAreReentrant() throws {
        let module = try Module.load(text: Self.module)
        let reentrant = module.reentrantFunctions { $0 == 1 }
        #expect(reentrant == [false, false, true, true, true, false, true, true, true, true])
        // With both imports host functions, nothing leads back to $out and $entry.
        #expect(module.reentrantFunctions { _ in false } == [false, false, true, true, true, false, false, false, true, true])
    }

    /// The search is iterative: a call chain thousands deep, ending in a cycle, fits any native stack.
    @Test func aDeepChainIsWalkedWithoutRecursion() throws {
        let depth = 3000
        let chain = (0 ..< depth).map { "(func $f\($0) (call $f\($0 + 1)))" }.joined(separator: "\n")
        let module = try Module.load(text: "(module \(chain) (func $f\(depth) (call $f\(depth - 1))))")
        let reentrant = module.reentrantFunctions { _ in false }
        #expect(reentrant.count == depth + 1)
        #expect(reentrant.enumerated().allSatisfy { $1 == ($0 >= depth - 1) })
    }
}
