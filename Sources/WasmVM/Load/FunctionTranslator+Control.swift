import WasmParser

extension FunctionTranslator {
    /// Checks that exactly the frame's results are left on its operand stack.
    mutating func popFrameResults(_ results: [ValueType]) throws(LoadError) {
        try pop(results)
        guard operands.count == frameHeight else {
            throw invalid("type mismatch: \(operands.count - frameHeight) values left on the stack at the end of a block")
        }
    }

    mutating func visitElse() throws(LoadError) {
        let index = frames.count - 1
        guard frames[index].kind == .if else { throw malformed("else without a matching if") }
        try popFrameResults(frames[index].results)
        // The then-branch jumps over the else-branch to the end.
        if isLive {
            emit(.jump, a: frames[index].codeFixups)
            frames[index].codeFixups = UInt32(code.count - 1)
        }
        if frames[index].elseFixup >= 0 {
            code[frames[index].elseFixup].a = UInt32(code.count)
            frames[index].elseFixup = -1
        }
        frames[index].kind = .else
        frames[index].unreachable = false
        refreshFrameCache()
        push(frames[index].params)
    }

    mutating func visitEnd() throws(LoadError) {
        let last = frames.count - 1
        try popFrameResults(frames[last].results)
        if frames[last].kind == .if, frames[last].params != frames[last].results {
            // No else: the implicit else-branch passes the params through unchanged.
            throw invalid("type mismatch: if without else must not change the stack types")
        }
        let endPC: Int
        if frames[last].kind == .function {
            // The final `end` is always translated, even when unreachable.
            code.append(Instr(.return, a: UInt32(frames[last].results.slotCount)))
            offsets.append(UInt32(truncatingIfNeeded: binaryOffset))
            heights.append(UInt32(localSlotCount + frames[last].results.slotCount))   // reached with exactly the results
            endPC = code.count - 1
        } else {
            endPC = code.count
        }
        let frame = frames.removeLast()
        resolveFixups(of: frame, at: endPC)
        if frames.isEmpty {
            isFinished = true
            isLive = false
            return
        }
        refreshFrameCache()
        push(frame.results)
    }

    mutating func visitBrTable(targets: BrTable) throws(LoadError) {
        try pop(.i32)
        let defaultIndex = try label(targets.defaultIndex)
        let arity = frames[defaultIndex].labelTypes.count
        for depth in targets.labelIndices {
            let index = try label(depth)
            let types = frames[index].labelTypes
            guard types.count == arity else {
                throw invalid("type mismatch: br_table targets have different arities")
            }
            try checkTop(types)
        }
        try pop(frames[defaultIndex].labelTypes)
        if isLive {
            emit(.brTable, a: UInt32(branchTables.count), b: UInt64(targets.labelIndices.count + 1))
            for depth in targets.labelIndices {
                appendTableTarget(toFrame: frames.count - 1 - Int(depth))
            }
            appendTableTarget(toFrame: defaultIndex)
        }
        markUnreachable()
    }
}
