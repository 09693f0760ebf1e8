// The store's internal entities. Everything the interpreter loop touches per
// instruction is a `let` (no exclusivity checks) or an unsafe buffer.

final class HostFunction {
    let module: String
    let name: String
    let body: HostFunctionBody
    init(module: String, name: String, body: @escaping HostFunctionBody) {
        self.module = module; self.name = name; self.body = body
    }
}

/// A defined function's runtime code in one instance: a private copy of the
/// translated instructions so breakpoints can patch `op` in place.
final class FunctionCode {
    unowned(unsafe) let instance: InstanceRuntime
    /// `instance.id`, compared on calls without touching references.
    let instanceID: Int
    /// Index in the module's function index space.
    let index: Int
    /// Store address (index in `Machine.storeFunctions`), for fuel attribution.
    let address: Int
    /// Fuel by function while profiling (Machine+FuelProfile.swift): inline, so fast calls and
    /// returns reach it with no load (a pointer to a buffer's entry cost one at every call and two at every return).
    @exclusivity(unchecked) var tally = FunctionTally()
    let code: UnsafeMutablePointer<Instr>
    let count: Int
    let offsets: [UInt32]
    let branchTables: UnsafeMutablePointer<BranchTarget>
    // Slot counts (a v128 takes two slots), precomputed so calls never look at types.
    let paramCount: Int
    let localCount: Int
    let resultCount: Int
    let maxHeight: Int
    /// The stack slots a fast call's own handler checks for: `maxHeight`, or more than any stack
    /// when the call needs the general handler (no fast code, more than 4 locals to zero).
    let fastCallSlots: Int
    /// Never below another of its own activations (no call path leads back to it: `Module.reentrantFunctions`),
    /// so fuel by function need not count its running activations (FunctionTally.active).
    let isUnnested: Bool
    let type: FunctionType
    let localTypes: [ValueType]
    /// Frame slot of each local, params first (a v128 takes two slots).
    let localOffsets: [Int]

    // Fast code (FastInstr.swift); a function without it runs in the exact loop only.
    let hasFast: Bool
    let fast: UnsafeMutablePointer<FastInstr>
    let fastBranches: UnsafeMutablePointer<FastBranch>
    /// Per stack-code pc: the fast pc of the block head there, or -1.
    let fastEntry: UnsafeMutablePointer<Int32>
    let fastOrigin: [UInt32]
    let fastUnspent: [UInt32]
    let fastFixups: [Int: [FastFixup]]
    let fastCount: Int
    /// Stack height before each stack-code pc (where the exact loop resumes after fast code).
    let heights: [UInt32]
    /// v128.const values and shuffle masks (CompiledFunction.v128Constants).
    let v128Constants: [V128]
    /// Breakpoints turning a fast instruction into `deopt`: its own op and how many breakpoints hold it.
    var fastPatches: [Int: (op: FastOp, count: Int)] = [:]
    /// Counting mode (`MachineConfiguration.countsBlocks`): the blocks and their entry counts.
    let counted: CountedBlocks?
    let blockCounts: UnsafeMutablePointer<UInt64>
    /// Probes of conditional breakpoints by fast pc, and their trampolines (kept once made).
    var probes: [Int: ConditionSet] = [:]
    var trampolines: [Int: UnsafeMutablePointer<FastInstr>] = [:]
    /// Whether calls and returns here (trampolines included) use their tallied handlers (`Machine.retargetTallies`).
    private(set) var tallied = false

    /// `fastCode` is the compiled function's own fast code, or its counting-mode form.
    init(instance: InstanceRuntime, index: Int, address: Int, compiled: CompiledFunction, type: FunctionType, reentrant: Bool, fastCode: FastCode?) {
        self.instance = instance
        instanceID = instance.id
        self.index = index
        self.address = address
        count = compiled.code.count
        code = .allocate(capacity: Swift.max(count, 1))
        code.initialize(from: compiled.code, count: count)
        offsets = compiled.offsets
        branchTables = .allocate(capacity: Swift.max(compiled.branchTables.count, 1))
        branchTables.initialize(from: compiled.branchTables, count: compiled.branchTables.count)
        paramCount = type.parameters.slotCount
        localCount = compiled.localTypes.slotCount
        resultCount = type.results.slotCount
        maxHeight = Swift.max(compiled.maxHeight, paramCount + localCount + resultCount)
        fastCallSlots = fastCode != nil && localCount <= 4 ? maxHeight : 1 << 40
        isUnnested = !reentrant
        self.type = type
        localTypes = compiled.localTypes
        var offsets: [Int] = [], next = 0
        for t in type.parameters + compiled.localTypes { offsets.append(next); next += t.slotCount }
        localOffsets = offsets
        hasFast = fastCode != nil
        fastCount = fastCode?.count ?? 0
        fast = .allocate(capacity: Swift.max(fastCount, 1))
        fast.initialize(from: fastCode?.code ?? [], count: fastCount)
        let branches = fastCode?.branches ?? []
        fastBranches = .allocate(capacity: Swift.max(branches.count, 1))
        fastBranches.initialize(from: branches, count: branches.count)
        fastEntry = .allocate(capacity: Swift.max(count, 1))
        fastEntry.initialize(repeating: -1, count: Swift.max(count, 1))
        if let entries = fastCode?.entry { fastEntry.update(from: entries, count: Swift.min(entries.count, count)) }
        fastOrigin = fastCode?.origin ?? []
        fastUnspent = fastCode?.unspent ?? []
        fastFixups = fastCode?.fixups ?? [:]
        heights = compiled.heights
        counted = fastCode?.counted
        let blocks = counted?.ranges.count ?? 0
        blockCounts = .allocate(capacity: Swift.max(blocks, 1))
        blockCounts.initialize(repeating: 0, count: Swift.max(blocks, 1))
        // Each counter's address goes into its op, so the fast loop needs no lookup.
        for f in 0 ..< fastCount where fast[f].op == .countBlock {
            fast[f].b = UInt64(UInt(bitPattern: blockCounts + Int(fast[f].a)))
        }
        v128Constants = compiled.v128Constants
    }

    deinit {
        code.deallocate()
        branchTables.deallocate()
        fast.deallocate()
        fastBranches.deallocate()
        fastEntry.deallocate()
        blockCounts.deallocate()
        for t in trampolines.values { t.deallocate() }
    }

    func offset(at pc: Int) -> Int { pc < offsets.count ? Int(offsets[pc]) : 0 }

    /// The fast instruction from which the exact loop reaches stack-code `pc` without skipping it:
    /// the last one whose start state is exact at or before `pc`.
    func fastStop(before pc: Int) -> Int? {
        var found: Int?
        for f in 0 ..< fastCount where fastOrigin[f] != FastCode.notExact {
            if Int(fastOrigin[f]) > pc { break }
            found = f
        }
        return found
    }

    func retarget(tallied: Bool) {
        guard tallied != self.tallied else { return }
        self.tallied = tallied
        for f in 0 ..< fastCount { fast[f].retarget(tallied: tallied, unnested: isUnnested) }
        for t in trampolines.values { t.pointee.retarget(tallied: tallied, unnested: isUnnested) }
    }

    /// A breakpoint at stack-code `pc`: fast code leaves for the exact loop before reaching it.
    func holdFastCode(at pc: Int) {
        guard let f = fastStop(before: pc) else { return }
        if let held = fastPatches[f] {
            fastPatches[f] = (held.op, held.count + 1)
        } else {
            fastPatches[f] = (fast[f].op, 1)
            fast[f].op = .deopt
        }
    }

    func releaseFastCode(at pc: Int) {
        guard let f = fastStop(before: pc), let held = fastPatches[f] else { return }
        if held.count > 1 {
            fastPatches[f] = (held.op, held.count - 1)
        } else {
            fast[f].op = held.op
            fast[f].retarget(tallied: tallied, unnested: isUnnested)
            fastPatches[f] = nil
        }
    }
}

/// A function of the store: wasm code of some instance, or a host body.
final class StoreFunction {
    let type: FunctionType
    /// Canonical id of `type` (equal types, equal ids) for `call_indirect`.
    let typeID: Int
    let wasm: FunctionCode?
    let host: HostFunction?
    /// `host != nil`, tested in the loop without touching references.
    let isHost: Bool
    init(type: FunctionType, typeID: Int, wasm: FunctionCode?, host: HostFunction?) {
        self.type = type; self.typeID = typeID; self.wasm = wasm; self.host = host; isHost = host != nil
    }
}

/// A store function as fast code's `call_indirect` reads it: a trivial value, so reading one
/// costs no reference counting.
struct IndirectTarget {
    let typeID: Int
    let wasm: Unmanaged<FunctionCode>?
}

/// An instance's index spaces resolved to store entities. The buffers are
/// filled during instantiation and fixed afterwards.
final class InstanceRuntime {
    let id: Int
    let module: Module
    let functions: UnsafeMutablePointer<StoreFunction>
    /// Per function index: its wasm code, nil for a host function or another instance's (the fast loop's
    /// direct calls skip `StoreFunction`, and leave for the exact loop to switch instances).
    let wasmCallees: UnsafeMutablePointer<Unmanaged<FunctionCode>?>
    let functionCount: Int
    let globals: UnsafeMutablePointer<UnsafeMutablePointer<UInt64>>
    let globalCount: Int
    /// Canonical type id per type index.
    /// Read by every `call_indirect`: raw, like `functions`.
    let typeIDs: UnsafeMutablePointer<Int>
    var tables: [Table] = [] { didSet { firstTable = tables.first.map { Unmanaged.passUnretained($0) } } }
    /// `tables[0]` for fast code's `call_indirect`: a trivial value, read without retaining
    /// (`unowned(unsafe) Table?` was retained to be compared with nil); `tables` holds it.
    var firstTable: Unmanaged<Table>?
    var memory: Memory?
    var functionAddresses: [Int] = []
    var tableAddresses: [Int] = []
    var memoryAddresses: [Int] = []
    var globalAddresses: [Int] = []
    /// Defined functions' code, by defined index.
    var codes: [FunctionCode] = []
    /// Element segments' references; a dropped segment is empty.
    var elements: [[UInt64]] = []
    var droppedData: [Bool] = []

    /// Fills function index `index` (imports first, then defined functions).
    func setFunction(_ index: Int, _ function: StoreFunction) {
        (functions + index).initialize(to: function)
        wasmCallees[index] = function.wasm.flatMap { $0.instanceID == id ? Unmanaged.passUnretained($0) : nil }
    }

    init(id: Int, module: Module, typeIDs: [Int]) {
        self.id = id
        self.module = module
        self.typeIDs = .allocate(capacity: Swift.max(typeIDs.count, 1))
        self.typeIDs.initialize(from: typeIDs, count: typeIDs.count)
        functionCount = module.functionTypeIndices.count
        functions = .allocate(capacity: Swift.max(functionCount, 1))
        wasmCallees = .allocate(capacity: Swift.max(functionCount, 1))
        wasmCallees.initialize(repeating: nil, count: Swift.max(functionCount, 1))
        globalCount = module.imports.count { if case .global = $0.descriptor { true } else { false } } + module.globals.count
        globals = .allocate(capacity: Swift.max(globalCount, 1))
    }

    deinit {
        functions.deinitialize(count: functionAddresses.count)
        functions.deallocate()
        wasmCallees.deallocate()
        globals.deallocate()
        typeIDs.deallocate()
    }
}

/// One wasm call frame. `fp` is the slot index of the frame's first param;
/// `pc` is exact for every frame but the running one (for callers it is the return address).
/// 32 bytes, a shift of the depth away: pc and fp are below 2^32, which leaves room for the entry fuel.
struct Frame {
    // unowned(unsafe): the machine's instances own all code; no ARC traffic per call.
    unowned(unsafe) let function: FunctionCode
    private var pc32: UInt32
    private let fp32: UInt32
    /// Where fast code continues when a call from this frame returns (set by fast calls, nil otherwise).
    var resume: UnsafeMutablePointer<FastInstr>? = nil
    /// `fuelUsed` when the call began (fuel by function: the activation's fuel at its return). Written
    /// by every call: in the frame, that costs no more than the zero it would hold.
    let entryFuel: UInt64

    // Inlined by hand: a release build compiles each file apart, and the calls (a retain and a
    // release of `function` around the initializer) cost call_loop 70%.
    @inline(__always)
    init(function: FunctionCode, pc: Int, fp: Int, entryFuel: UInt64 = 0) {
        self.function = function; pc32 = UInt32(truncatingIfNeeded: pc); fp32 = UInt32(truncatingIfNeeded: fp); self.entryFuel = entryFuel
    }
    var pc: Int {
        @inline(__always) get { Int(pc32) }
        @inline(__always) set { pc32 = UInt32(truncatingIfNeeded: newValue) }
    }
    var fp: Int { @inline(__always) get { Int(fp32) } }
}
