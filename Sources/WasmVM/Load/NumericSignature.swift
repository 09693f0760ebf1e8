// Generated from WasmParser's instruction enums (see docs/loader.md); one row per opcode.
import WasmParser

/// Operand and result types of the numeric instructions, with their interpreter opcode.
struct NumericSignature {
    var op: OpCode
    var operand: ValueType
    var arity: Int
    var result: ValueType
}

extension NumericSignature {
    init(_ i: Instruction.Cmp) {
        switch i {
        case .i32Eq: self.init(op: .i32Eq, operand: .i32, arity: 2, result: .i32)
        case .i32Ne: self.init(op: .i32Ne, operand: .i32, arity: 2, result: .i32)
        case .i32LtS: self.init(op: .i32LtS, operand: .i32, arity: 2, result: .i32)
        case .i32LtU: self.init(op: .i32LtU, operand: .i32, arity: 2, result: .i32)
        case .i32GtS: self.init(op: .i32GtS, operand: .i32, arity: 2, result: .i32)
        case .i32GtU: self.init(op: .i32GtU, operand: .i32, arity: 2, result: .i32)
        case .i32LeS: self.init(op: .i32LeS, operand: .i32, arity: 2, result: .i32)
        case .i32LeU: self.init(op: .i32LeU, operand: .i32, arity: 2, result: .i32)
        case .i32GeS: self.init(op: .i32GeS, operand: .i32, arity: 2, result: .i32)
        case .i32GeU: self.init(op: .i32GeU, operand: .i32, arity: 2, result: .i32)
        case .i64Eq: self.init(op: .i64Eq, operand: .i64, arity: 2, result: .i32)
        case .i64Ne: self.init(op: .i64Ne, operand: .i64, arity: 2, result: .i32)
        case .i64LtS: self.init(op: .i64LtS, operand: .i64, arity: 2, result: .i32)
        case .i64LtU: self.init(op: .i64LtU, operand: .i64, arity: 2, result: .i32)
        case .i64GtS: self.init(op: .i64GtS, operand: .i64, arity: 2, result: .i32)
        case .i64GtU: self.init(op: .i64GtU, operand: .i64, arity: 2, result: .i32)
        case .i64LeS: self.init(op: .i64LeS, operand: .i64, arity: 2, result: .i32)
        case .i64LeU: self.init(op: .i64LeU, operand: .i64, arity: 2, result: .i32)
        case .i64GeS: self.init(op: .i64GeS, operand: .i64, arity: 2, result: .i32)
        case .i64GeU: self.init(op: .i64GeU, operand: .i64, arity: 2, result: .i32)
        case .f32Eq: self.init(op: .f32Eq, operand: .f32, arity: 2, result: .i32)
        case .f32Ne: self.init(op: .f32Ne, operand: .f32, arity: 2, result: .i32)
        case .f32Lt: self.init(op: .f32Lt, operand: .f32, arity: 2, result: .i32)
        case .f32Gt: self.init(op: .f32Gt, operand: .f32, arity: 2, result: .i32)
        case .f32Le: self.init(op: .f32Le, operand: .f32, arity: 2, result: .i32)
        case .f32Ge: self.init(op: .f32Ge, operand: .f32, arity: 2, result: .i32)
        case .f64Eq: self.init(op: .f64Eq, operand: .f64, arity: 2, result: .i32)
        case .f64Ne: self.init(op: .f64Ne, operand: .f64, arity: 2, result: .i32)
        case .f64Lt: self.init(op: .f64Lt, operand: .f64, arity: 2, result: .i32)
        case .f64Gt: self.init(op: .f64Gt, operand: .f64, arity: 2, result: .i32)
        case .f64Le: self.init(op: .f64Le, operand: .f64, arity: 2, result: .i32)
        case .f64Ge: self.init(op: .f64Ge, operand: .f64, arity: 2, result: .i32)
        }
    }

    init(_ i: Instruction.Unary) {
        switch i {
        case .i32Clz: self.init(op: .i32Clz, operand: .i32, arity: 1, result: .i32)
        case .i32Ctz: self.init(op: .i32Ctz, operand: .i32, arity: 1, result: .i32)
        case .i32Popcnt: self.init(op: .i32Popcnt, operand: .i32, arity: 1, result: .i32)
        case .i64Clz: self.init(op: .i64Clz, operand: .i64, arity: 1, result: .i64)
        case .i64Ctz: self.init(op: .i64Ctz, operand: .i64, arity: 1, result: .i64)
        case .i64Popcnt: self.init(op: .i64Popcnt, operand: .i64, arity: 1, result: .i64)
        case .f32Abs: self.init(op: .f32Abs, operand: .f32, arity: 1, result: .f32)
        case .f32Neg: self.init(op: .f32Neg, operand: .f32, arity: 1, result: .f32)
        case .f32Ceil: self.init(op: .f32Ceil, operand: .f32, arity: 1, result: .f32)
        case .f32Floor: self.init(op: .f32Floor, operand: .f32, arity: 1, result: .f32)
        case .f32Trunc: self.init(op: .f32Trunc, operand: .f32, arity: 1, result: .f32)
        case .f32Nearest: self.init(op: .f32Nearest, operand: .f32, arity: 1, result: .f32)
        case .f32Sqrt: self.init(op: .f32Sqrt, operand: .f32, arity: 1, result: .f32)
        case .f64Abs: self.init(op: .f64Abs, operand: .f64, arity: 1, result: .f64)
        case .f64Neg: self.init(op: .f64Neg, operand: .f64, arity: 1, result: .f64)
        case .f64Ceil: self.init(op: .f64Ceil, operand: .f64, arity: 1, result: .f64)
        case .f64Floor: self.init(op: .f64Floor, operand: .f64, arity: 1, result: .f64)
        case .f64Trunc: self.init(op: .f64Trunc, operand: .f64, arity: 1, result: .f64)
        case .f64Nearest: self.init(op: .f64Nearest, operand: .f64, arity: 1, result: .f64)
        case .f64Sqrt: self.init(op: .f64Sqrt, operand: .f64, arity: 1, result: .f64)
        case .i32Extend8S: self.init(op: .i32Extend8S, operand: .i32, arity: 1, result: .i32)
        case .i32Extend16S: self.init(op: .i32Extend16S, operand: .i32, arity: 1, result: .i32)
        case .i64Extend8S: self.init(op: .i64Extend8S, operand: .i64, arity: 1, result: .i64)
        case .i64Extend16S: self.init(op: .i64Extend16S, operand: .i64, arity: 1, result: .i64)
        case .i64Extend32S: self.init(op: .i64Extend32S, operand: .i64, arity: 1, result: .i64)
        }
    }

    init(_ i: Instruction.Binary) {
        switch i {
        case .i32Add: self.init(op: .i32Add, operand: .i32, arity: 2, result: .i32)
        case .i32Sub: self.init(op: .i32Sub, operand: .i32, arity: 2, result: .i32)
        case .i32Mul: self.init(op: .i32Mul, operand: .i32, arity: 2, result: .i32)
        case .i32DivS: self.init(op: .i32DivS, operand: .i32, arity: 2, result: .i32)
        case .i32DivU: self.init(op: .i32DivU, operand: .i32, arity: 2, result: .i32)
        case .i32RemS: self.init(op: .i32RemS, operand: .i32, arity: 2, result: .i32)
        case .i32RemU: self.init(op: .i32RemU, operand: .i32, arity: 2, result: .i32)
        case .i32And: self.init(op: .i32And, operand: .i32, arity: 2, result: .i32)
        case .i32Or: self.init(op: .i32Or, operand: .i32, arity: 2, result: .i32)
        case .i32Xor: self.init(op: .i32Xor, operand: .i32, arity: 2, result: .i32)
        case .i32Shl: self.init(op: .i32Shl, operand: .i32, arity: 2, result: .i32)
        case .i32ShrS: self.init(op: .i32ShrS, operand: .i32, arity: 2, result: .i32)
        case .i32ShrU: self.init(op: .i32ShrU, operand: .i32, arity: 2, result: .i32)
        case .i32Rotl: self.init(op: .i32Rotl, operand: .i32, arity: 2, result: .i32)
        case .i32Rotr: self.init(op: .i32Rotr, operand: .i32, arity: 2, result: .i32)
        case .i64Add: self.init(op: .i64Add, operand: .i64, arity: 2, result: .i64)
        case .i64Sub: self.init(op: .i64Sub, operand: .i64, arity: 2, result: .i64)
        case .i64Mul: self.init(op: .i64Mul, operand: .i64, arity: 2, result: .i64)
        case .i64DivS: self.init(op: .i64DivS, operand: .i64, arity: 2, result: .i64)
        case .i64DivU: self.init(op: .i64DivU, operand: .i64, arity: 2, result: .i64)
        case .i64RemS: self.init(op: .i64RemS, operand: .i64, arity: 2, result: .i64)
        case .i64RemU: self.init(op: .i64RemU, operand: .i64, arity: 2, result: .i64)
        case .i64And: self.init(op: .i64And, operand: .i64, arity: 2, result: .i64)
        case .i64Or: self.init(op: .i64Or, operand: .i64, arity: 2, result: .i64)
        case .i64Xor: self.init(op: .i64Xor, operand: .i64, arity: 2, result: .i64)
        case .i64Shl: self.init(op: .i64Shl, operand: .i64, arity: 2, result: .i64)
        case .i64ShrS: self.init(op: .i64ShrS, operand: .i64, arity: 2, result: .i64)
        case .i64ShrU: self.init(op: .i64ShrU, operand: .i64, arity: 2, result: .i64)
        case .i64Rotl: self.init(op: .i64Rotl, operand: .i64, arity: 2, result: .i64)
        case .i64Rotr: self.init(op: .i64Rotr, operand: .i64, arity: 2, result: .i64)
        case .f32Add: self.init(op: .f32Add, operand: .f32, arity: 2, result: .f32)
        case .f32Sub: self.init(op: .f32Sub, operand: .f32, arity: 2, result: .f32)
        case .f32Mul: self.init(op: .f32Mul, operand: .f32, arity: 2, result: .f32)
        case .f32Div: self.init(op: .f32Div, operand: .f32, arity: 2, result: .f32)
        case .f32Min: self.init(op: .f32Min, operand: .f32, arity: 2, result: .f32)
        case .f32Max: self.init(op: .f32Max, operand: .f32, arity: 2, result: .f32)
        case .f32Copysign: self.init(op: .f32Copysign, operand: .f32, arity: 2, result: .f32)
        case .f64Add: self.init(op: .f64Add, operand: .f64, arity: 2, result: .f64)
        case .f64Sub: self.init(op: .f64Sub, operand: .f64, arity: 2, result: .f64)
        case .f64Mul: self.init(op: .f64Mul, operand: .f64, arity: 2, result: .f64)
        case .f64Div: self.init(op: .f64Div, operand: .f64, arity: 2, result: .f64)
        case .f64Min: self.init(op: .f64Min, operand: .f64, arity: 2, result: .f64)
        case .f64Max: self.init(op: .f64Max, operand: .f64, arity: 2, result: .f64)
        case .f64Copysign: self.init(op: .f64Copysign, operand: .f64, arity: 2, result: .f64)
        }
    }

    init(_ i: Instruction.Conversion) {
        switch i {
        case .i32WrapI64: self.init(op: .i32WrapI64, operand: .i64, arity: 1, result: .i32)
        case .i32TruncF32S: self.init(op: .i32TruncF32S, operand: .f32, arity: 1, result: .i32)
        case .i32TruncF32U: self.init(op: .i32TruncF32U, operand: .f32, arity: 1, result: .i32)
        case .i32TruncF64S: self.init(op: .i32TruncF64S, operand: .f64, arity: 1, result: .i32)
        case .i32TruncF64U: self.init(op: .i32TruncF64U, operand: .f64, arity: 1, result: .i32)
        case .i64ExtendI32S: self.init(op: .i64ExtendI32S, operand: .i32, arity: 1, result: .i64)
        case .i64ExtendI32U: self.init(op: .i64ExtendI32U, operand: .i32, arity: 1, result: .i64)
        case .i64TruncF32S: self.init(op: .i64TruncF32S, operand: .f32, arity: 1, result: .i64)
        case .i64TruncF32U: self.init(op: .i64TruncF32U, operand: .f32, arity: 1, result: .i64)
        case .i64TruncF64S: self.init(op: .i64TruncF64S, operand: .f64, arity: 1, result: .i64)
        case .i64TruncF64U: self.init(op: .i64TruncF64U, operand: .f64, arity: 1, result: .i64)
        case .f32ConvertI32S: self.init(op: .f32ConvertI32S, operand: .i32, arity: 1, result: .f32)
        case .f32ConvertI32U: self.init(op: .f32ConvertI32U, operand: .i32, arity: 1, result: .f32)
        case .f32ConvertI64S: self.init(op: .f32ConvertI64S, operand: .i64, arity: 1, result: .f32)
        case .f32ConvertI64U: self.init(op: .f32ConvertI64U, operand: .i64, arity: 1, result: .f32)
        case .f32DemoteF64: self.init(op: .f32DemoteF64, operand: .f64, arity: 1, result: .f32)
        case .f64ConvertI32S: self.init(op: .f64ConvertI32S, operand: .i32, arity: 1, result: .f64)
        case .f64ConvertI32U: self.init(op: .f64ConvertI32U, operand: .i32, arity: 1, result: .f64)
        case .f64ConvertI64S: self.init(op: .f64ConvertI64S, operand: .i64, arity: 1, result: .f64)
        case .f64ConvertI64U: self.init(op: .f64ConvertI64U, operand: .i64, arity: 1, result: .f64)
        case .f64PromoteF32: self.init(op: .f64PromoteF32, operand: .f32, arity: 1, result: .f64)
        case .i32ReinterpretF32: self.init(op: .i32ReinterpretF32, operand: .f32, arity: 1, result: .i32)
        case .i64ReinterpretF64: self.init(op: .i64ReinterpretF64, operand: .f64, arity: 1, result: .i64)
        case .f32ReinterpretI32: self.init(op: .f32ReinterpretI32, operand: .i32, arity: 1, result: .f32)
        case .f64ReinterpretI64: self.init(op: .f64ReinterpretI64, operand: .i64, arity: 1, result: .f64)
        case .i32TruncSatF32S: self.init(op: .i32TruncSatF32S, operand: .f32, arity: 1, result: .i32)
        case .i32TruncSatF32U: self.init(op: .i32TruncSatF32U, operand: .f32, arity: 1, result: .i32)
        case .i32TruncSatF64S: self.init(op: .i32TruncSatF64S, operand: .f64, arity: 1, result: .i32)
        case .i32TruncSatF64U: self.init(op: .i32TruncSatF64U, operand: .f64, arity: 1, result: .i32)
        case .i64TruncSatF32S: self.init(op: .i64TruncSatF32S, operand: .f32, arity: 1, result: .i64)
        case .i64TruncSatF32U: self.init(op: .i64TruncSatF32U, operand: .f32, arity: 1, result: .i64)
        case .i64TruncSatF64S: self.init(op: .i64TruncSatF64S, operand: .f64, arity: 1, result: .i64)
        case .i64TruncSatF64U: self.init(op: .i64TruncSatF64U, operand: .f64, arity: 1, result: .i64)
        }
    }
}

/// Memory access instructions: opcode, value type and natural alignment exponent; nil for SIMD/atomics.
struct MemoryAccess {
    var op: OpCode
    var type: ValueType
    var naturalAlignment: UInt32
}

extension MemoryAccess {
    init?(_ i: Instruction.Load) {
        switch i {
        case .i32Load: self.init(op: .i32Load, type: .i32, naturalAlignment: 2)
        case .i64Load: self.init(op: .i64Load, type: .i64, naturalAlignment: 3)
        case .f32Load: self.init(op: .f32Load, type: .f32, naturalAlignment: 2)
        case .f64Load: self.init(op: .f64Load, type: .f64, naturalAlignment: 3)
        case .i32Load8S: self.init(op: .i32Load8S, type: .i32, naturalAlignment: 0)
        case .i32Load8U: self.init(op: .i32Load8U, type: .i32, naturalAlignment: 0)
        case .i32Load16S: self.init(op: .i32Load16S, type: .i32, naturalAlignment: 1)
        case .i32Load16U: self.init(op: .i32Load16U, type: .i32, naturalAlignment: 1)
        case .i64Load8S: self.init(op: .i64Load8S, type: .i64, naturalAlignment: 0)
        case .i64Load8U: self.init(op: .i64Load8U, type: .i64, naturalAlignment: 0)
        case .i64Load16S: self.init(op: .i64Load16S, type: .i64, naturalAlignment: 1)
        case .i64Load16U: self.init(op: .i64Load16U, type: .i64, naturalAlignment: 1)
        case .i64Load32S: self.init(op: .i64Load32S, type: .i64, naturalAlignment: 2)
        case .i64Load32U: self.init(op: .i64Load32U, type: .i64, naturalAlignment: 2)
        default: return nil
        }
    }

    init?(_ i: Instruction.Store) {
        switch i {
        case .i32Store: self.init(op: .i32Store, type: .i32, naturalAlignment: 2)
        case .i64Store: self.init(op: .i64Store, type: .i64, naturalAlignment: 3)
        case .f32Store: self.init(op: .f32Store, type: .f32, naturalAlignment: 2)
        case .f64Store: self.init(op: .f64Store, type: .f64, naturalAlignment: 3)
        case .i32Store8: self.init(op: .i32Store8, type: .i32, naturalAlignment: 0)
        case .i32Store16: self.init(op: .i32Store16, type: .i32, naturalAlignment: 1)
        case .i64Store8: self.init(op: .i64Store8, type: .i64, naturalAlignment: 0)
        case .i64Store16: self.init(op: .i64Store16, type: .i64, naturalAlignment: 1)
        case .i64Store32: self.init(op: .i64Store32, type: .i64, naturalAlignment: 2)
        default: return nil
        }
    }

}

extension OpCode {
    /// The WebAssembly text mnemonic of a numeric or memory opcode (nil for the others).
    var numericMnemonic: String? {
        switch self {
        case .i32Eq: "i32.eq"
        case .i32Ne: "i32.ne"
        case .i32LtS: "i32.lt_s"
        case .i32LtU: "i32.lt_u"
        case .i32GtS: "i32.gt_s"
        case .i32GtU: "i32.gt_u"
        case .i32LeS: "i32.le_s"
        case .i32LeU: "i32.le_u"
        case .i32GeS: "i32.ge_s"
        case .i32GeU: "i32.ge_u"
        case .i64Eq: "i64.eq"
        case .i64Ne: "i64.ne"
        case .i64LtS: "i64.lt_s"
        case .i64LtU: "i64.lt_u"
        case .i64GtS: "i64.gt_s"
        case .i64GtU: "i64.gt_u"
        case .i64LeS: "i64.le_s"
        case .i64LeU: "i64.le_u"
        case .i64GeS: "i64.ge_s"
        case .i64GeU: "i64.ge_u"
        case .f32Eq: "f32.eq"
        case .f32Ne: "f32.ne"
        case .f32Lt: "f32.lt"
        case .f32Gt: "f32.gt"
        case .f32Le: "f32.le"
        case .f32Ge: "f32.ge"
        case .f64Eq: "f64.eq"
        case .f64Ne: "f64.ne"
        case .f64Lt: "f64.lt"
        case .f64Gt: "f64.gt"
        case .f64Le: "f64.le"
        case .f64Ge: "f64.ge"
        case .i32Clz: "i32.clz"
        case .i32Ctz: "i32.ctz"
        case .i32Popcnt: "i32.popcnt"
        case .i64Clz: "i64.clz"
        case .i64Ctz: "i64.ctz"
        case .i64Popcnt: "i64.popcnt"
        case .f32Abs: "f32.abs"
        case .f32Neg: "f32.neg"
        case .f32Ceil: "f32.ceil"
        case .f32Floor: "f32.floor"
        case .f32Trunc: "f32.trunc"
        case .f32Nearest: "f32.nearest"
        case .f32Sqrt: "f32.sqrt"
        case .f64Abs: "f64.abs"
        case .f64Neg: "f64.neg"
        case .f64Ceil: "f64.ceil"
        case .f64Floor: "f64.floor"
        case .f64Trunc: "f64.trunc"
        case .f64Nearest: "f64.nearest"
        case .f64Sqrt: "f64.sqrt"
        case .i32Extend8S: "i32.extend8_s"
        case .i32Extend16S: "i32.extend16_s"
        case .i64Extend8S: "i64.extend8_s"
        case .i64Extend16S: "i64.extend16_s"
        case .i64Extend32S: "i64.extend32_s"
        case .i32Add: "i32.add"
        case .i32Sub: "i32.sub"
        case .i32Mul: "i32.mul"
        case .i32DivS: "i32.div_s"
        case .i32DivU: "i32.div_u"
        case .i32RemS: "i32.rem_s"
        case .i32RemU: "i32.rem_u"
        case .i32And: "i32.and"
        case .i32Or: "i32.or"
        case .i32Xor: "i32.xor"
        case .i32Shl: "i32.shl"
        case .i32ShrS: "i32.shr_s"
        case .i32ShrU: "i32.shr_u"
        case .i32Rotl: "i32.rotl"
        case .i32Rotr: "i32.rotr"
        case .i64Add: "i64.add"
        case .i64Sub: "i64.sub"
        case .i64Mul: "i64.mul"
        case .i64DivS: "i64.div_s"
        case .i64DivU: "i64.div_u"
        case .i64RemS: "i64.rem_s"
        case .i64RemU: "i64.rem_u"
        case .i64And: "i64.and"
        case .i64Or: "i64.or"
        case .i64Xor: "i64.xor"
        case .i64Shl: "i64.shl"
        case .i64ShrS: "i64.shr_s"
        case .i64ShrU: "i64.shr_u"
        case .i64Rotl: "i64.rotl"
        case .i64Rotr: "i64.rotr"
        case .f32Add: "f32.add"
        case .f32Sub: "f32.sub"
        case .f32Mul: "f32.mul"
        case .f32Div: "f32.div"
        case .f32Min: "f32.min"
        case .f32Max: "f32.max"
        case .f32Copysign: "f32.copysign"
        case .f64Add: "f64.add"
        case .f64Sub: "f64.sub"
        case .f64Mul: "f64.mul"
        case .f64Div: "f64.div"
        case .f64Min: "f64.min"
        case .f64Max: "f64.max"
        case .f64Copysign: "f64.copysign"
        case .i32WrapI64: "i32.wrap_i64"
        case .i32TruncF32S: "i32.trunc_f32_s"
        case .i32TruncF32U: "i32.trunc_f32_u"
        case .i32TruncF64S: "i32.trunc_f64_s"
        case .i32TruncF64U: "i32.trunc_f64_u"
        case .i64ExtendI32S: "i64.extend_i32_s"
        case .i64ExtendI32U: "i64.extend_i32_u"
        case .i64TruncF32S: "i64.trunc_f32_s"
        case .i64TruncF32U: "i64.trunc_f32_u"
        case .i64TruncF64S: "i64.trunc_f64_s"
        case .i64TruncF64U: "i64.trunc_f64_u"
        case .f32ConvertI32S: "f32.convert_i32_s"
        case .f32ConvertI32U: "f32.convert_i32_u"
        case .f32ConvertI64S: "f32.convert_i64_s"
        case .f32ConvertI64U: "f32.convert_i64_u"
        case .f32DemoteF64: "f32.demote_f64"
        case .f64ConvertI32S: "f64.convert_i32_s"
        case .f64ConvertI32U: "f64.convert_i32_u"
        case .f64ConvertI64S: "f64.convert_i64_s"
        case .f64ConvertI64U: "f64.convert_i64_u"
        case .f64PromoteF32: "f64.promote_f32"
        case .i32ReinterpretF32: "i32.reinterpret_f32"
        case .i64ReinterpretF64: "i64.reinterpret_f64"
        case .f32ReinterpretI32: "f32.reinterpret_i32"
        case .f64ReinterpretI64: "f64.reinterpret_i64"
        case .i32TruncSatF32S: "i32.trunc_sat_f32_s"
        case .i32TruncSatF32U: "i32.trunc_sat_f32_u"
        case .i32TruncSatF64S: "i32.trunc_sat_f64_s"
        case .i32TruncSatF64U: "i32.trunc_sat_f64_u"
        case .i64TruncSatF32S: "i64.trunc_sat_f32_s"
        case .i64TruncSatF32U: "i64.trunc_sat_f32_u"
        case .i64TruncSatF64S: "i64.trunc_sat_f64_s"
        case .i64TruncSatF64U: "i64.trunc_sat_f64_u"
        case .i32Load: "i32.load"
        case .i64Load: "i64.load"
        case .f32Load: "f32.load"
        case .f64Load: "f64.load"
        case .i32Load8S: "i32.load8_s"
        case .i32Load8U: "i32.load8_u"
        case .i32Load16S: "i32.load16_s"
        case .i32Load16U: "i32.load16_u"
        case .i64Load8S: "i64.load8_s"
        case .i64Load8U: "i64.load8_u"
        case .i64Load16S: "i64.load16_s"
        case .i64Load16U: "i64.load16_u"
        case .i64Load32S: "i64.load32_s"
        case .i64Load32U: "i64.load32_u"
        case .i32Store: "i32.store"
        case .i64Store: "i64.store"
        case .f32Store: "f32.store"
        case .f64Store: "f64.store"
        case .i32Store8: "i32.store8"
        case .i32Store16: "i32.store16"
        case .i64Store8: "i64.store8"
        case .i64Store16: "i64.store16"
        case .i64Store32: "i64.store32"
        case .i32Eqz: "i32.eqz"
        case .i64Eqz: "i64.eqz"
        default: nil
        }
    }
}
