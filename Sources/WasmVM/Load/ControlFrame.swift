/// One entry of the validator's control stack (a block, loop, if/else or the
/// function itself) plus what translation needs to resolve its label.
struct ControlFrame {
    enum Kind: UInt8 { case function, block, loop, `if`, `else` }

    var kind: Kind
    var params: [ValueType]
    var results: [ValueType]
    /// Operand stack height (operands only) where the block's params start.
    var height: Int
    /// The same height in slots (a v128 takes two): what branch immediates use.
    var slotHeight: Int
    /// After `unreachable`, `br`, `br_table` or `return`: the stack is polymorphic.
    var unreachable = false
    /// The frame began in unreachable code: nothing inside it is emitted.
    var dead: Bool
    /// Loop: the pc its label branches to.
    var startPC: Int
    /// If: the `jumpIfZero` to point at the else branch (or the end); -1 when none.
    var elseFixup = -1
    /// Forward branches to this label, chained through `Instr.a` (UInt32.max ends the chain).
    var codeFixups = UInt32.max
    /// Forward `br_table` entries to this label, chained through `BranchTarget.pc`.
    var tableFixups = UInt32.max

    /// The types a branch to this label carries.
    var labelTypes: [ValueType] { kind == .loop ? params : results }
    /// The slots a branch to this label carries (its arity in `Instr`).
    var labelSlots: Int { labelTypes.slotCount }
}
