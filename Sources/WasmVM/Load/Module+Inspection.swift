extension Module {
    func inspect(function: Int, pc: Int) -> (types: [ValueType], popCount: Int)? { nil }
    func disassembly(function: Int) -> [DisassembledInstruction] { [] }
}
