import CFuzzer
import ContractHost
import Foundation
import WasmVM

// Snapshot JSON: any bytes parse or are refused with an InputError. A snapshot that parses
// must save and re-parse to the same text (the `save` / `--save-failure` round trip), and is
// run (fuel capped at 200,000) against its module when that is inline or one of the samples.
private let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("samples").path

/// Sample modules by the code path a snapshot in their directory resolves to (never another file:
/// a fuzzed path could name a device).
private let modules: [String: Module] = {
    var found: [String: Module] = [:]
    let walker = FileManager.default.enumerator(atPath: samples)
    while let relative = walker?.nextObject() as? String {
        guard relative.hasSuffix(".wasm") || relative.hasSuffix(".wat") else { continue }
        let path = samples + "/" + relative
        if let module = try? ModuleFile.load(path: path) { found[path] = module }
    }
    return found
}()

/// A 64 Ki-slot value stack: the default 4 Mi (32 MB) would be allocated and freed per input.
private let configuration = { var c = MachineConfiguration(); c.maxStackSlots = 1 << 16; return c }()
private let file = samples + "/teach/fuzz.snapshot.json"
private let saveTo = samples + "/teach/fuzz-saved.snapshot.json"

private func fuzzSnapshot(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: count))
    guard let snapshot = try? ChainSnapshot.parse(bytes: bytes, file: file, baseDirectory: samples + "/teach") else { return 0 }
    let saved = snapshot.json(savedAt: saveTo, expect: snapshot.expect).prettyText
    let again: ChainSnapshot
    do {
        again = try ChainSnapshot.parse(bytes: Array(saved.utf8), file: saveTo, baseDirectory: samples + "/teach")
    } catch {
        fatalError("a saved snapshot does not parse: \(error)\n\(saved)")
    }
    let resaved = again.json(savedAt: saveTo, expect: again.expect).prettyText
    if resaved != saved { fatalError("saving is not stable:\n\(saved)\n---\n\(resaved)") }

    let module: Module?
    switch snapshot.code {
    case .inline: module = try? snapshot.loadModule()
    case .file: module = snapshot.codePath.flatMap { modules[($0 as NSString).standardizingPath] }
    }
    guard let module,
          let capped = try? snapshot.applying(CallSettings(fuel: min(snapshot.call.fuel, 200_000))),
          let execution = try? ContractExecution(snapshot: capped, module: module, configuration: configuration) else { return 0 }
    let result = execution.runToEnd()
    _ = result.text
    _ = result.jsonText
    _ = execution.draft.json(committed: result.status == .success).compactText
    return 0
}

@_cdecl("FuzzSnapshot_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    _ = modules.count  // loaded before the first input, outside libFuzzer's per-input timeout
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { fuzzSnapshot($0, $1) }
}
