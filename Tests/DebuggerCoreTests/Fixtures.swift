import DebuggerCore
import Testing
import WasmVM

/// A small contract: `main` calls `add` and `store`, then the host's `record`, and returns local 0.
/// `record(ptr, amount)` writes `amount` as 8 little-endian bytes at `ptr`.
let sampleWAT = """
    (module
      (import "env" "record" (func $record (param i32 i64) (result i32)))
      (memory (export "memory") 1)
      (global $count (mut i32) (i32.const 7))
      (func $add (param $a i32) (param $b i32) (result i32)
        local.get $a
        local.get $b
        i32.add)
      (func $store (param $addr i32) (param $v i32)
        local.get $addr
        local.get $v
        i32.store offset=4)
      (func $main (export "main") (result i32)
        (local $sum i32)
        i32.const 2
        i32.const 3
        call $add
        local.set $sum
        i32.const 16
        local.get $sum
        call $store
        i32.const 32
        i64.const 10
        call $record
        drop
        global.get $count
        i32.const 1
        i32.add
        global.set $count
        local.get $sum)
      (func $crash (export "crash") (result i32)
        i32.const 1
        i32.const 0
        i32.div_u)
      (func $spin (export "spin") (param $n i32) (result i32)
        (local $i i32)
        (local $acc i32)
        (loop $again
          local.get $acc
          local.get $i
          i32.add
          local.set $acc
          local.get $i
          i32.const 1
          i32.add
          local.tee $i
          local.get $n
          i32.lt_u
          br_if $again)
        local.get $acc)
    )
    """

/// The stand-in host: `record` writes its i64 at the pointer and returns 1.
func recordHost() -> ModuleTarget.HostFunction { ModuleTarget.HostFunction(
    name: "record", type: FunctionType(parameters: [.i32, .i64], results: [.i32]), parameterNames: ["ptr", "amount"],
    writes: { args in
        guard case .i32(let p) = args[0] else { return [] }
        return [UInt64(p) ..< UInt64(p) + 8]
    },
    body: { (context: inout HostCallContext) throws(Trap) -> [Value] in
        guard case .i32(let p) = context.arguments[0], case .i64(let v) = context.arguments[1], let memory = context.memory else {
            throw Trap(.hostError, "record: bad arguments")
        }
        try memory.write(UInt64(p), (0 ..< 8).map { UInt8(truncatingIfNeeded: v >> (8 * $0)) })
        return [.i32(1)]
    }) }

func makeSession(_ function: String = "main", arguments: [Value] = [], fuel: UInt64 = 10_000_000, wat: String = sampleWAT) throws -> DebugSession {
    let module = try Module.load(text: wat)
    return try DebugSession(target: ModuleTarget(module: module, function: function, arguments: arguments, fuel: fuel, hostFunctions: [recordHost()]))
}

extension DebugSession {
    /// Runs a command that must be valid; returns its output.
    @discardableResult
    func must(_ command: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let result = execute(command)
        #expect(!result.isError, "\(command): \(result.output)", sourceLocation: sourceLocation)
        return result.output
    }
}

/// What every pane shows, minus the "new since the last stop" marks (which depend on the path taken).
struct PaneState: Equatable {
    var statusLine: String
    var step: UInt64
    var stack: [StackEntry]
    var locals: [NamedValue]
    var globals: [NamedValue]
    var frames: [FrameView]
    var memory: [UInt8]
    var lastAccesses: [MemoryRange]
    var fuelUsed: UInt64
    var lastCost: UInt64
    var draft: [String]
    var hostCalls: [String]

    init(_ session: DebugSession) {
        let s = session.snapshot
        statusLine = s.statusLine; step = s.step; stack = s.stack; locals = s.locals; globals = s.globals; frames = s.frames
        memory = session.memoryBytes(at: 0, count: 128)
        lastAccesses = s.memory.lastAccesses
        fuelUsed = s.fuel.used; lastCost = s.fuel.lastCost
        draft = s.draft.sections.flatMap { section in section.entries.map { "\(section.title): \($0.text)" } }
        hostCalls = s.hostCalls.map(\.text)
    }
}
