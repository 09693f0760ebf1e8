import CFuzzer
import FuzzHarness
import WasmVM

// Load + validate + instantiate + run: any byte string must load or be refused with a
// LoadError; a module that loads is instantiated (imports stubbed) and each export called
// with zeros, ones and all-bits-set arguments and 10,000 fuel each (the first 32 exports) in the fast
// loop, the exact loop and one step at a time.
// The three transcripts must agree; a difference is reported as a crash.
private let runner = ModuleRun(fuel: 10_000, maxMemoryPages: 16, maxTableElements: 1_000, maxStackSlots: 1 << 16,
                               maxCalledExports: 32)

private func fuzzModule(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: count))
    guard let module = try? Module.load(binary: bytes) else { return 0 }
    for index in 0..<module.functions.count {
        _ = module.disassemble(function: module.importedFunctionCount + index)
    }
    let fast = runner.transcript(of: module, loop: .fast)
    for loop in [LoopKind.exact, .stepped] {
        let other = runner.transcript(of: module, loop: loop)
        if let d = ModuleRun.firstDifference(fast, other) {
            fatalError("fast and \(loop) loops disagree at line \(d.index):\n  fast:  \(d.a)\n  \(loop): \(d.b)")
        }
    }
    return 0
}

@_cdecl("FuzzModule_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { fuzzModule($0, $1) }
}
