// wesdbg's benchmark suite: every workload on wesdbg's interpreter (as
// `wesdbg run` executes it) and on WasmKit 0.4.2's, in one run, plus the cost
// of debug hooks and the load time of a 1 MB module. `Benchmarks/run.sh`
// builds this in release mode and runs it.
import Foundation

let options: Options
do { options = try Options(CommandLine.arguments.dropFirst()) } catch {
    FileHandle.standardError.write("wesdbg-bench: \(error)\n".data(using: .utf8)!)
    exit(2)
}

do {
    let suite = Suite(options: options)
    try suite.runAll()
} catch {
    FileHandle.standardError.write("wesdbg-bench: \(error)\n".data(using: .utf8)!)
    exit(1)
}
