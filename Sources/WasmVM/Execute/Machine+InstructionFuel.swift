// Fuel by instruction in counting mode (`MachineConfiguration.countsBlocks`, for
// `profile --lines`), without stepping: fast code counts block entries (a `countBlock`
// heads every block), and where it leaves mid-block the unspent tail it gives back is
// noted; the exact loop, which then runs (host calls, variable costs, traps, the last
// block before a limit), is driven one instruction at a time and credits each its fuel.
// An instruction's fuel is then entries x cost - given-back tails x cost + exact credits.

/// What counting mode records besides the block counters (keys: store address << 32 | pc).
struct InstructionCredits {
    /// Fuel the exact loop charged at each stack-code pc.
    var exact: [Int: UInt64] = [:]
    /// How often fast code left at each fast pc inside a counted block.
    var exits: [Int: UInt64] = [:]
}

extension Machine {
    /// Counting-mode fast code for each defined function of `module` (nil where it has none).
    static func countingFastCode(_ module: Module) -> [FastCode?] {
        let typeArity = module.types.map { (params: $0.parameters.slotCount, results: $0.results.slotCount) }
        let functionArity = module.functionTypeIndices.map { typeArity[Int($0)] }
        return module.functions.map { compiled in
            guard compiled.fast != nil else { return nil }
            return FastCompiler.compile(compiled, paramCount: typeArity[Int(compiled.typeIndex)].params,
                                        functionArity: functionArity, typeArity: typeArity, countsBlocks: true)
        }
    }

    static func creditKey(_ function: FunctionCode, _ pc: Int) -> Int { function.address << 32 | pc }

    /// Zeroes the counts for a new call (the start function's run is not part of it).
    func resetInstructionFuel() {
        guard configuration.countsBlocks else { return }
        instructionCredits = InstructionCredits()
        for f in storeFunctions {
            guard let code = f.wasm, let counted = code.counted else { continue }
            code.blockCounts.update(repeating: 0, count: counted.ranges.count)
        }
    }

    /// Fast code left at fast pc `pc` of `function`, giving back the rest of its block.
    func noteFastExit(_ function: FunctionCode, _ pc: Int) {
        guard let counted = function.counted, counted.blockOf[pc] >= 0 else { return }
        instructionCredits.exits[Self.creditKey(function, pc), default: 0] += 1
    }

    /// The exact loop charged `fuel` at `pc` of `function`.
    func creditExact(_ function: FunctionCode, _ pc: Int, _ fuel: UInt64) {
        guard fuel > 0 else { return }
        instructionCredits.exact[Self.creditKey(function, pc), default: 0] &+= fuel
    }

    /// One exact-loop instruction in counting mode: runs it and credits its charge.
    func executeCounting(stepStop: UInt64, pauseAtFuel: UInt64?, pauseAtDepth: Int) -> ExecutionEvent {
        guard let top = callFrames.last else {
            return execute(stepStop: stepStop, pauseAtFuel: pauseAtFuel, pauseAtDepth: pauseAtDepth)
        }
        let before = fuelUsedValue
        let event = execute(stepStop: Swift.min(stepStop, stepCount &+ 1), pauseAtFuel: pauseAtFuel, pauseAtDepth: pauseAtDepth)
        creditExact(top.function, top.pc, fuelUsedValue &- before)
        return event
    }

    /// Fuel by instruction of the current (or last) call while `countsBlocks` was on, in
    /// store and code order, instructions that charged nothing left out. Adds up to
    /// `fuelUsed`, less a direct host call's fuel (it runs at no instruction).
    public var fuelByInstruction: [InstructionFuel] {
        guard configuration.countsBlocks else { return [] }
        var exits: [Int: [(pc: Int, count: UInt64)]] = [:]
        for (key, count) in instructionCredits.exits { exits[key >> 32, default: []].append((key & 0xffff_ffff, count)) }
        var exact: [Int: [(pc: Int, fuel: UInt64)]] = [:]
        for (key, fuel) in instructionCredits.exact { exact[key >> 32, default: []].append((key & 0xffff_ffff, fuel)) }
        var rows: [InstructionFuel] = []
        for f in storeFunctions {
            guard let code = f.wasm else { continue }
            var fuel = [UInt64](repeating: 0, count: code.count)
            let cost = (0 ..< code.count).map { pc in
                let key = PatchKey(instance: code.instanceID, function: code.index, pc: pc)
                return FuelCosts.base(patches[key]?.original.op ?? code.code[pc].op)
            }
            if let counted = code.counted {
                for (block, range) in counted.ranges.enumerated() where code.blockCounts[block] > 0 {
                    let n = code.blockCounts[block]
                    for pc in range { fuel[Int(pc)] &+= n &* cost[Int(pc)] }
                }
                for exit in exits[code.address] ?? [] {
                    let range = counted.ranges[Int(counted.blockOf[exit.pc])]
                    for pc in Int(code.fastOrigin[exit.pc]) ..< Int(range.upperBound) { fuel[pc] &-= exit.count &* cost[pc] }
                }
            }
            for credit in exact[code.address] ?? [] { fuel[credit.pc] &+= credit.fuel }
            for pc in fuel.indices where fuel[pc] > 0 {
                rows.append(InstructionFuel(location: location(code, pc), fuel: fuel[pc]))
            }
        }
        return rows
    }
}
