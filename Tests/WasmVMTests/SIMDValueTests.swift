import Testing
@testable import WasmVM

/// v128 values: the `V128` representation, two-slot layout through locals, globals, calls,
/// branches, select and memory, in every loop with exact fuel.
@Suite struct SIMDValueTests {
    @Test func lanesAreLittleEndian() {
        let v = V128(SIMD4<UInt32>(1, 2, 3, 0xffff_ffff))
        #expect(v.low == 0x0000_0002_0000_0001)
        #expect(v.high == 0xffff_ffff_0000_0003)
        #expect(v.i8x16[0] == 1 && v.i8x16[4] == 2 && v.i8x16[15] == 0xff)
        #expect(v.i16x8[2] == 2 && v.s32x4[3] == -1 && v.i64x2[1] == 0xffff_ffff_0000_0003)
        #expect(v.bytes == [1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 0xff, 0xff, 0xff, 0xff])
        #expect(V128(bytes: v.bytes) == v)
        #expect(V128(SIMD2<Double>(1.5, -0.0)).f64x2 == SIMD2(1.5, -0.0))
        #expect(v.description == "0xffffffff000000030000000200000001")
        #expect(V128(hex: v.description) == v)
        #expect(V128(hex: "0x2a") == V128(low: 42, high: 0))
        #expect(V128(hex: "0xg") == nil)
        #expect(Value.v128(v).description == "v128:0xffffffff000000030000000200000001")
        #expect(Value(typedString: "v128:0x1_0000000000000002") == .v128(V128(low: 2, high: 1)))
        #expect(Value.v128(v).slots == [v.low, v.high])
        #expect(ValueType.v128.slotCount == 2 && [ValueType.i32, .v128, .f64].slotCount == 4)
    }

    /// Every way a v128 moves: params, locals (after an i32, so slots are offset), globals,
    /// a block result carried by `br`, select, a call's arguments and results, memory.
    static let module = """
    (module
      (memory 1)
      (global $g (mut v128) (v128.const i32x4 10 20 30 40))
      (func $add (param v128 v128) (result v128) (i32x4.add (local.get 0) (local.get 1)))
      (func (export "main") (param $n i32) (param $v v128) (result v128 i32)
        (local $k i32) (local $w v128)
        (local.set $w (i32x4.splat (local.get $n)))
        (local.set $k (i32.const 7))
        (v128.store (i32.const 16) (call $add (local.get $v) (global.get $g)))
        (global.set $g (local.get $w))
        (block (result v128)
          (br 0 (select (v128.load (i32.const 16)) (local.get $w) (local.get $k))))
        (i32x4.extract_lane 2 (global.get $g)))
      (func (export "lanes") (result i32)
        (i32x4.extract_lane 3 (i32x4.add (v128.const i32x4 1 2 3 4) (i32x4.splat (i32.const 100))))))
    """

    @Test(arguments: LoopKind.allCases)
    func v128MovesThroughEverything(_ loop: LoopKind) throws {
        let arg = Value.v128(V128(SIMD4<UInt32>(1, 2, 3, 4)))
        let (values, fuel) = try Self.call("main", [.i32(5), arg], loop: loop)
        #expect(values == [.v128(V128(SIMD4<UInt32>(11, 22, 33, 44))), .i32(5)])
        #expect(fuel == 29)   // 20 instructions at 1, the call 5, the callee 4
        let (lanes, laneFuel) = try Self.call("lanes", [], loop: loop)
        #expect(lanes == [.i32(104)])
        #expect(laneFuel == 6)   // const, const, splat, add, extract_lane, return: 1 each
    }

    /// A vectorized loop (sum of 4 x 64 i32 in memory, 16 bytes a step) and an out-of-bounds
    /// v128 load: fast code runs the SIMD ops in stack form and stops at the load, with the
    /// exact loop's results, trap and fuel.
    static let loop = """
    (module
      (memory 1)
      (func (export "sum") (param $n i32) (result i32) (local $i i32) (local $acc v128)
        (block $done (loop $next
          (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
          (v128.store (local.get $i) (i32x4.splat (local.get $i)))
          (local.set $acc (i32x4.add (local.get $acc) (v128.load (local.get $i))))
          (local.set $i (i32.add (local.get $i) (i32.const 16)))
          (br $next)))
        (i32.add (i32x4.extract_lane 0 (local.get $acc)) (i32x4.extract_lane 3 (local.get $acc))))
      (func (export "oob") (result i32) (i32x4.extract_lane 1 (v128.load offset=65530 (i32.const 0)))))
    """

    @Test(arguments: LoopKind.allCases)
    func aVectorizedLoopInEveryLoop(_ loop: LoopKind) throws {
        let module = try Module.load(text: Self.loop)
        #expect(module.functions.allSatisfy { $0.usesV128 && $0.fast != nil })
        let (values, fuel) = try Self.call("sum", [.i32(1024)], loop: loop, text: Self.loop, fuel: 10_000)
        #expect(values == [.i32(2 * (0 ..< 64).reduce(0) { $0 + 16 * $1 })])   // lanes 0 and 3 each sum 16i
        #expect(fuel == 64 * 18 + 4 + 6)   // 64 steps of 18, the last test (4), the lanes, the add and the return (6)
        #expect(throws: Trap.self) { _ = try Self.call("oob", [], loop: loop, text: Self.loop) }
    }

    /// A v128 store into a watched range pauses right after it in both modes, at the same fuel;
    /// a breakpoint on a SIMD op in fast code stops there.
    @Test(arguments: [true, false])
    func watchesAndBreakpointsStopAtSIMDOps(_ fast: Bool) throws {
        var configuration = MachineConfiguration()
        configuration.usesFastCode = fast
        let machine = Machine(configuration: configuration)
        let instance = try machine.instantiate(try Module.load(text: Self.loop), imports: { _ in nil })
        guard case .function(let address)? = machine.export(instance, named: "sum") else { Issue.record("no sum"); return }
        machine.setMemoryWatches([40 ..< 41], instance: instance)
        try machine.startCall(function: address, arguments: [.i32(1024)], fuel: 10_000)
        guard case .memoryWatch(let at, let length, _) = machine.run() else { Issue.record("no watch"); return }
        #expect(at == 32 && length == 16)
        #expect(machine.fuelUsed == 2 * 18 + 8)   // two steps, then the third up to its store
        machine.setMemoryWatches([], instance: instance)
        // pc 11 is the i32x4.add of the loop body (get, get, ge_u, br_if, get, get, splat, store, get, get, load, add).
        machine.setBreakpoint(id: 1, instance: instance, function: 0, pc: 11)
        guard case .breakpoint = machine.run() else { Issue.record("no breakpoint"); return }
        #expect(machine.fuelUsed == 2 * 18 + 11)
        #expect(machine.location?.pc == 11)
    }

    @Test func inspectionReadsBothSlots() throws {
        let machine = Machine()
        let instance = try machine.instantiate(try Module.load(text: Self.module), imports: { _ in nil })
        guard case .function(let address)? = machine.export(instance, named: "main") else { Issue.record("no main"); return }
        try machine.startCall(function: address, arguments: [.i32(5), .v128(V128(low: 1, high: 2))], fuel: 1_000)
        for _ in 0 ..< 3 { _ = machine.step() }   // local.get $n, i32x4.splat, local.set $w
        let frame = try #require(machine.frames.last)
        #expect(frame.locals == [.i32(5), .v128(V128(low: 1, high: 2)), .i32(0), .v128(V128(SIMD4<UInt32>(5, 5, 5, 5)))])
        #expect(machine.innermostLocal(3) == .v128(V128(SIMD4<UInt32>(5, 5, 5, 5))))
        machine.setLocal(frame: 0, index: 1, .v128(V128(low: 9, high: 8)))
        #expect(machine.innermostLocal(1) == .v128(V128(low: 9, high: 8)))
        #expect(machine.innermostLocal(2) == .i32(0))
        #expect(machine.global(of: instance, index: 0) == .v128(V128(SIMD4<UInt32>(10, 20, 30, 40))))
    }

    @Test func relaxedSIMDIsRefused() throws {
        // i8x16.relaxed_swizzle (0xfd 0x100) is not WebAssembly 2.0.
        let text = "(module (func (drop (i8x16.relaxed_swizzle (v128.const i64x2 0 0) (v128.const i64x2 0 0)))))"
        #expect(throws: LoadError.self) { try Module.load(text: text) }
    }

    static func call(_ name: String, _ arguments: [Value], loop: LoopKind, text: String = module,
                     fuel: UInt64 = 1_000) throws -> ([Value], UInt64) {
        var configuration = MachineConfiguration()
        configuration.usesFastCode = loop == .fast
        let machine = Machine(configuration: configuration)
        let instance = try machine.instantiate(try Module.load(text: text), imports: { _ in nil })
        guard case .function(let address)? = machine.export(instance, named: name) else { throw Trap(.hostError, "no \(name)") }
        try machine.startCall(function: address, arguments: arguments, fuel: fuel)
        while true {
            switch loop == .stepped ? machine.step() : machine.run() {
            case .returned(let values): return (values, machine.fuelUsed)
            case .trapped(let trap): throw trap
            default: continue
            }
        }
    }
}
