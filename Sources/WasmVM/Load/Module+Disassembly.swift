import WasmParser
import WasmTypes

extension Module {
    /// WAT-like text of one instruction (`i32.load offset=8 align=4`, `call 3 <name>`).
    func text(of instruction: Instruction) -> String {
        switch instruction {
        case .unreachable: return "unreachable"
        case .nop: return "nop"
        case .block(let t): return "block" + text(of: t)
        case .loop(let t): return "loop" + text(of: t)
        case .if(let t): return "if" + text(of: t)
        case .else: return "else"
        case .end: return "end"
        case .br(let d): return "br \(d)"
        case .brIf(let d): return "br_if \(d)"
        case .brTable(let t): return "br_table " + (t.labelIndices + [t.defaultIndex]).map(String.init).joined(separator: " ")
        case .return: return "return"
        case .call(let f): return "call \(f) <\(displayName(ofFunction: Int(f)))>"
        case .callIndirect(let type, let table): return "call_indirect" + (table == 0 ? "" : " \(table)") + " (type \(type))"
        case .drop: return "drop"
        case .select: return "select"
        case .typedSelect(let t): return "select (result \(name(of: t)))"
        case .localGet(let i): return "local.get \(i)"
        case .localSet(let i): return "local.set \(i)"
        case .localTee(let i): return "local.tee \(i)"
        case .globalGet(let i): return "global.get \(i)" + (displayName(ofGlobal: Int(i)).map { " <\($0)>" } ?? "")
        case .globalSet(let i): return "global.set \(i)" + (displayName(ofGlobal: Int(i)).map { " <\($0)>" } ?? "")
        case .load(let l, let m): return memoryText(MemoryAccess(l)?.op, m)
        case .store(let s, let m): return memoryText(MemoryAccess(s)?.op, m)
        case .memorySize: return "memory.size"
        case .memoryGrow: return "memory.grow"
        case .i32Const(let v): return "i32.const \(v)"
        case .i64Const(let v): return "i64.const \(v)"
        case .f32Const(let v): return "f32.const \(Float(bitPattern: v.bitPattern))"
        case .f64Const(let v): return "f64.const \(Double(bitPattern: v.bitPattern))"
        case .refNull(let h): return h == .externRef ? "ref.null extern" : "ref.null func"
        case .refIsNull: return "ref.is_null"
        case .refFunc(let f): return "ref.func \(f) <\(displayName(ofFunction: Int(f)))>"
        case .i32Eqz: return "i32.eqz"
        case .i64Eqz: return "i64.eqz"
        case .cmp(let op): return NumericSignature(op).op.numericMnemonic ?? "\(op)"
        case .unary(let op): return NumericSignature(op).op.numericMnemonic ?? "\(op)"
        case .binary(let op): return NumericSignature(op).op.numericMnemonic ?? "\(op)"
        case .conversion(let op): return NumericSignature(op).op.numericMnemonic ?? "\(op)"
        case .memoryInit(let d, _): return "memory.init \(d)"
        case .dataDrop(let d): return "data.drop \(d)"
        case .memoryCopy: return "memory.copy"
        case .memoryFill: return "memory.fill"
        case .tableInit(let e, let t): return "table.init \(t) \(e)"
        case .elemDrop(let e): return "elem.drop \(e)"
        case .tableCopy(let d, let s): return "table.copy \(d) \(s)"
        case .tableFill(let t): return "table.fill \(t)"
        case .tableGet(let t): return "table.get \(t)"
        case .tableSet(let t): return "table.set \(t)"
        case .tableGrow(let t): return "table.grow \(t)"
        case .tableSize(let t): return "table.size \(t)"
        case .v128Const(let v):
            let lanes = (V128(bytes: v.bytes) ?? .zero).i32x4
            return "v128.const i32x4 " + (0 ..< 4).map { "0x" + String(lanes[$0], radix: 16) }.joined(separator: " ")
        case .i8x16Shuffle(let mask): return "i8x16.shuffle " + mask.lanes.map(String.init).joined(separator: " ")
        case .simd(let op): return SimdSignature(op)?.op.numericMnemonic ?? "\(op)"
        case .simdLane(let op, let lane): return (SimdSignature(op).op.numericMnemonic ?? "\(op)") + " \(lane)"
        case .simdMemLane(let op, let memarg, let lane): return memoryText(SimdSignature(op).op, memarg) + " \(lane)"
        default: return "\(instruction)"
        }
    }

    private func text(of blockType: BlockType) -> String {
        switch blockType {
        case .empty: ""
        case .type(let t): " (result \(name(of: t)))"
        case .funcType(let i): " (type \(i))"
        }
    }

    private func name(of type: WasmTypes.ValueType) -> String {
        (try? ValueType(decoded: type, offset: 0))?.description ?? "\(type)"
    }


    private func memoryText(_ op: OpCode?, _ memarg: MemArg) -> String {
        var text = op?.numericMnemonic ?? "?"
        if memarg.offset != 0 { text += " offset=\(memarg.offset)" }
        return text + " align=\(1 << min(memarg.align, 16))"
    }
}
