import CFuzzer
import ContractHost
import DebuggerCore
import Foundation
import WasmVM

// The command language: each input is up to 16 lines fed to `DebugSession.execute` on a fresh
// session of samples/registry/increment.debug.snapshot.json (a C contract with DWARF, so
// source commands, print and ptype have something to work on). Every line must come back
// as output or a one-line error; the panes' snapshot is taken after each, as the TUI does.
// `save` is never sent (it writes files).
private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
private let snapshotPath = root.appendingPathComponent("samples/registry/increment.debug.snapshot.json").path
private let snapshot = try! ChainSnapshot.load(path: snapshotPath)
private let module = try! snapshot.loadModule()
/// A 64 Ki-slot value stack: the default 4 Mi (32 MB) would be allocated and freed per input.
private let configuration = { var c = MachineConfiguration(); c.maxStackSlots = 1 << 16; return c }()

private func fuzzCommands(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: count), as: UTF8.self)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).prefix(16).map(String.init)
    let writesFiles = lines.contains { line in
        let word = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init) ?? ""
        return word.count >= 2 && "save".hasPrefix(word)
    }
    if writesFiles { return 0 }
    let session: DebugSession
    do {
        let execution = try ContractExecution(snapshot: snapshot, module: module, configuration: configuration)
        session = try DebugSession(target: ContractTarget(execution: execution),
                                   sources: SourceOptions(modulePath: snapshot.codePath, directories: []))
    } catch {
        fatalError("the sample does not open: \(error)")
    }
    for line in lines {
        let result = session.execute(line)
        if result.isError && result.output.contains("\n") {
            fatalError("a multi-line error for \(line.debugDescription): \(result.output.debugDescription)")
        }
        _ = session.snapshot
        if result.quit { break }
    }
    return 0
}

@_cdecl("FuzzCommands_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { fuzzCommands($0, $1) }
}
