import Foundation
import FuzzHarness
import WasmVM

// Differential: Differential [--fuel N] [--no-step] [--show] FILE.wasm...  (--show: print the fast transcripts)
// Each module's exports run in the fast loop, the exact loop and (unless --no-step) one
// Machine.step() at a time; the transcripts (results, traps, fuel, steps, memory and globals
// after each call) must be byte-identical. Prints each disagreement and a summary; exit 1 on any.
var arguments = Array(CommandLine.arguments.dropFirst())
var fuel: UInt64 = 1_000_000
var loops: [LoopKind] = [.exact, .stepped]
var files: [String] = []
var show = false
while !arguments.isEmpty {
    let a = arguments.removeFirst()
    switch a {
    case "--fuel":
        guard let n = arguments.first.flatMap(UInt64.init) else {
            FileHandle.standardError.write(Data("--fuel: needs an integer 0...\(UInt64.max)\n".utf8)); exit(2)
        }
        fuel = n; arguments.removeFirst()
    case "--no-step": loops = [.exact]
    case "--show": show = true
    default: files.append(a)
    }
}
let runner = ModuleRun(fuel: fuel, maxMemoryPages: 256, maxTableElements: 100_000)
var checked = 0, refused = 0, disagreements = 0, calls = 0
for path in files {
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("\(path): cannot read the file\n".utf8)); exit(2)
    }
    let module: Module
    do { module = try Module.load(binary: Array(data)) } catch {
        refused += 1
        print("\(path): refused: \(error)")
        continue
    }
    checked += 1
    let fast = runner.transcript(of: module, loop: .fast)
    calls += fast.count - 1
    if show { print("\(path):\n  " + fast.joined(separator: "\n  ")) }
    for loop in loops {
        let other = runner.transcript(of: module, loop: loop)
        if let d = ModuleRun.firstDifference(fast, other) {
            disagreements += 1
            print("\(path): fast and \(loop) disagree at line \(d.index):\n  fast:  \(d.a)\n  \(loop): \(d.b)")
        }
    }
}
print("\(checked) modules checked (\(calls) calls), \(refused) refused, \(disagreements) disagreements")
exit(disagreements == 0 ? 0 : 1)
