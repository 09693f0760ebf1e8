import Foundation
import FuzzHarness
import WasmVM

// Differential: Differential [--fuel N] [--no-step] [--show] [--json OUT] FILE.wasm...
// (--show: print the fast transcripts; --json: the fast loop's calls, one module a line, for
// Fuzzing/wasmtime-check.py)
// Each module's exports run in the fast loop, the exact loop and (unless --no-step) one
// Machine.step() at a time; the transcripts (results, traps, fuel, steps, memory and globals
// after each call) must be byte-identical. Prints each disagreement and a summary; exit 1 on any.
var arguments = Array(CommandLine.arguments.dropFirst())
var fuel: UInt64 = 1_000_000
var loops: [LoopKind] = [.exact, .stepped]
var files: [String] = []
var show = false
var jsonPath: String?
var jsonLines: [String] = []
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
    case "--json":
        guard let path = arguments.first else {
            FileHandle.standardError.write(Data("--json: needs an output file\n".utf8)); exit(2)
        }
        jsonPath = path; arguments.removeFirst()
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
    let outcome = runner.run(module, loop: .fast)
    let fast = outcome.lines
    if jsonPath != nil { jsonLines.append(json(path, outcome)) }
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
if let jsonPath {
    guard FileManager.default.createFile(atPath: jsonPath, contents: Data((jsonLines.joined(separator: "\n") + "\n").utf8)) else {
        FileHandle.standardError.write(Data("\(jsonPath): cannot be written\n".utf8)); exit(2)
    }
}
print("\(checked) modules checked (\(calls) calls), \(refused) refused, \(disagreements) disagreements")
exit(disagreements == 0 ? 0 : 1)

/// {"file": F, "start_trap": KIND|null, "calls": [{"export": E, "args": [[T, BITS]...], "results": [[T, BITS]...]|null, "trap": KIND|null}]}
/// BITS: the value's 64-bit slot as a decimal string (a v128: "0x" and 32 hex digits, lane 0 last; references: null or "ref").
func json(_ file: String, _ outcome: ModuleRun.Outcome) -> String {
    func string(_ s: String) -> String {
        let data = try! JSONSerialization.data(withJSONObject: [s], options: [.fragmentsAllowed])
        return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
    }
    func value(_ v: Value) -> String {
        switch v {
        case .funcref(let a), .externref(let a): return "[\"\(v.type)\", \(a == nil ? "null" : "\"ref\"")]"
        case .v128(let x):
            func hex(_ half: UInt64) -> String { let h = String(half, radix: 16); return String(repeating: "0", count: 16 - h.count) + h }
            return "[\"v128\", \"0x\(hex(x.high))\(hex(x.low))\"]"
        default: return "[\"\(v.type)\", \"\(v.slot)\"]"
        }
    }
    let calls = outcome.calls.map { call in
        "{\"export\": \(string(call.export)), \"args\": [\(call.arguments.map(value).joined(separator: ", "))], "
            + "\"results\": \(call.results.map { "[" + $0.map(value).joined(separator: ", ") + "]" } ?? "null"), "
            + "\"trap\": \(call.trap.map { "\"\($0.rawValue)\"" } ?? "null")}"
    }
    return "{\"file\": \(string(file)), \"start_trap\": \(outcome.startTrap.map { "\"\($0.rawValue)\"" } ?? "null"), "
        + "\"calls\": [\(calls.joined(separator: ", "))]}"
}
