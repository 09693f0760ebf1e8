import WasmParser

/// The debugger's static views of a function: re-validation of its body (one pass,
/// linear in the body) gives operand types, pop counts and disassembly.
extension Module {
    func inspect(function: Int, pc: Int) -> (types: [ValueType], popCount: Int)? {
        let defined = function - importedFunctionCount
        guard defined >= 0, defined < functions.count, pc >= 0, pc < functions[defined].code.count,
              var walk = BodyWalk(module: self, defined: defined) else { return nil }
        var snapshot: [ValueType?] = []
        var heightBefore = 0
        while let step = walk.next() {
            let before = walk.translator.code.count
            if before == pc {
                snapshot = walk.translator.operands
                heightBefore = snapshot.count
                walk.translator.lowestOperandCount = heightBefore
            }
            guard walk.visit(step) else { return nil }
            if before <= pc, walk.translator.code.count > pc {
                return (snapshot.compactMap { $0 }, heightBefore - walk.translator.lowestOperandCount)
            }
        }
        return nil
    }

    func disassembly(function: Int) -> [DisassembledInstruction] {
        let defined = function - importedFunctionCount
        guard defined >= 0, defined < functions.count, var walk = BodyWalk(module: self, defined: defined) else { return [] }
        var lines: [DisassembledInstruction] = []
        while let step = walk.next() {
            let before = walk.translator.code.count
            var depth = walk.translator.frames.count - 1
            guard walk.visit(step) else { break }
            let offset = walk.translator.binaryOffset + walk.delta
            let instruction = walk.recorder.last
            switch instruction {
            case .end, .else: depth = max(0, depth - 1)
            default: break
            }
            let pc = walk.translator.code.count > before ? before : nil
            lines.append(DisassembledInstruction(offset: offset, text: text(of: instruction), depth: depth, pc: pc))
        }
        return lines
    }

    /// Rebuilds the validation context of this (already valid) module.
    func validationContext() -> ValidationContext {
        let context = ValidationContext()
        context.types = types
        context.functionTypeIndices = functionTypeIndices
        for entry in imports {
            switch entry.descriptor {
            case .table(let t): context.tableTypes.append(t.elementType)
            case .memory: context.memoryCount += 1
            case .global(let g):
                context.globals.append(g)
                context.importedGlobalCount += 1
            case .function: break
            }
        }
        context.tableTypes += tables.map(\.elementType)
        context.memoryCount += memories.count
        context.globals += globals.map(\.type)
        context.elementTypes = elements.map(\.type)
        context.dataCount = data.count
        context.declaredFunctions = [Bool](repeating: true, count: functionTypeIndices.count)
        return context
    }
}

/// Steps a translator through one defined function's body, instruction by instruction.
struct BodyWalk {
    var recorder: InstructionRecorder
    var translator: FunctionTranslator {
        get { recorder.translator }
        _modify { yield &recorder.translator }
    }
    var parser: ExpressionParser
    /// Module offset minus the offset in the one-body module the body is decoded from.
    let delta: Int

    /// Decodes the body from a minimal module holding only it (a code section),
    /// so that nothing else of the module is decoded again.
    init?(module: Module, defined: Int) {
        let function = module.functions[defined]
        let range = function.bodyRange
        guard range.upperBound <= module.bytes.count else { return nil }
        var body: [UInt8] = [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00, 0x0A]
        let size = Self.leb(UInt32(range.count))
        body += Self.leb(UInt32(size.count + range.count + 1)) + [0x01] + size
        let bodyStart = body.count
        body += module.bytes[range]
        var sectionParser = Parser(bytes: body, features: webAssembly2Features)
        var code: Code?
        while let payload = try? sectionParser.parseNext() {
            if case .codeSection(let codes) = payload { code = codes.first }
        }
        guard let code else { return nil }
        delta = range.lowerBound - bodyStart
        parser = ExpressionParser(code: code)
        recorder = InstructionRecorder(translator: FunctionTranslator(
            context: module.validationContext(), typeIndex: Int(function.typeIndex), locals: function.localTypes))
    }

    mutating func next() -> ExpressionParser.Visit? { try? parser.parse() }

    /// Visits one instruction; false if it does not validate (cannot happen in a loaded module).
    mutating func visit(_ step: ExpressionParser.Visit) -> Bool {
        do { try step(visitor: &recorder) } catch { return false }
        return true
    }

    static func leb(_ value: UInt32) -> [UInt8] {
        var v = value, out: [UInt8] = []
        repeat {
            var byte = UInt8(v & 0x7f)
            v >>= 7
            if v != 0 { byte |= 0x80 }
            out.append(byte)
        } while v != 0
        return out
    }
}

/// Forwards every instruction to a translator through its generic entry point,
/// keeping the decoded instruction for disassembly.
struct InstructionRecorder: AnyInstructionVisitor {
    typealias VisitorError = LoadError
    var translator: FunctionTranslator
    var last: Instruction = .nop

    var binaryOffset: Int {
        get { translator.binaryOffset }
        set { translator.binaryOffset = newValue }
    }

    mutating func visit(_ instruction: Instruction) throws(LoadError) {
        last = instruction
        try translator.visit(instruction)
    }
}
