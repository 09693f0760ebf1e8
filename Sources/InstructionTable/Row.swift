// The row type of the instruction table (Table*.swift). One row is one interpreter
// opcode (`OpCode`); the generators (Generate*.swift) derive every list of ops from
// the rows, so a new op is one row. docs/interpreter.md explains the fields.

/// A WebAssembly value type as the generated code spells it (`ValueType.<name>`).
/// A `v128` takes two stack slots (Generate+SIMD reads and writes both).
public enum ValueKind: String, Sendable {
    case i32, i64, f32, f64, funcref, externref, v128

    var slots: Int { self == .v128 ? 2 : 1 }
}

/// The WasmParser `Instruction` case a row is decoded from: `group` names the nested
/// enum (`Instruction.Binary.i32Add` is group "Binary"); nil is a case of `Instruction`
/// itself (`.i32Eqz`).
/// The case has the row's name (WasmParser and OpCode spell every op alike).
public struct ParserCase: Sendable {
    public var group: String?
    public init(_ group: String?) { self.group = group }

    public static let instruction = ParserCase(nil)
    public static let cmp = ParserCase("Cmp"), unary = ParserCase("Unary"), binary = ParserCase("Binary")
    public static let conversion = ParserCase("Conversion"), load = ParserCase("Load"), store = ParserCase("Store")
    public static let simd = ParserCase("Simd"), simdLane = ParserCase("SimdLane"), simdMemLane = ParserCase("SimdMemLane")
}

/// Fuel charged before the op runs (FuelCosts.swift names the constants).
public enum Fuel: Sendable, Equatable {
    case instruction          // FuelCosts.instruction (1)
    case call                 // FuelCosts.call
    case units(Int)           // a literal price
    case variable             // depends on operands or state: the loops take the slow path (Machine+Run.swift)
}

/// What the op computes, as Swift over its operand slots `x` (first) and `y` (second),
/// each a `UInt64` slot value; written once, used by both loops.
/// SIMD rows: `x`, `y`, `z` are `V128` for v128 operands, and a memory row reads or writes
/// raw memory at `p` (an `UnsafeMutableRawPointer` at the effective address).
public enum Semantics: Sendable {
    case value(String)        // the result slot (a V128 for a v128 result)
    case condition(String)    // a Bool; the result is i32 1 or 0, and fused branches test it directly
    case store(String)        // a statement that writes memory at `p` (SIMD stores)
}

/// A trap guard: when `when` holds (over x, y) the op traps with `TrapKind.<kind>`.
/// Guards are checked in order, before the result is computed.
public struct Trap: Sendable {
    public var when: String
    public var kind: String
    public init(_ when: String, _ kind: String) { self.when = when; self.kind = kind }
}

/// Immediates of the stack-code instruction (the translator writes them).
public enum Immediate: Sendable {
    case memarg(naturalAlignment: Int)   // a: offset, b: alignment exponent (| lane << 32 with `lane`)
    case lane(count: Int)                // a lane index below `count`: `lane` in the semantics (a, or b >> 32 with a memarg)
    case v128                            // 16 bytes (v128.const, a shuffle's lanes): `c`, FunctionCode.v128Constants[a]
}

/// Register forms the op gets in fast code (FastOp), and how the fast compiler treats it.
public enum FastForm: Sendable {
    case slotSlot                        // <op>SS: a = dst, b = x | y << 32
    case slotImmediate(fits: String?)    // <op>SI: y a 32-bit immediate; `fits` (over constant v) limits which
    case unary                           // <op>S: a = dst, b = x
    case slotWide                        // <op>SW: y a 64-bit immediate in b; a = dst | x << 16 (slots below 2^16)
    case commutative                     // a constant on the left becomes the immediate
    case compare(negated: String, mirrored: String)   // fused brIf<op>SS/SI; the op for `if`, and with operands swapped
    case island                          // the fast loop leaves to the exact loop (FastOp.deopt)
    case load(String)                    // compiled to this fast memory op
    case store(String)
    case simd(String)                    // a SIMD row's stack form in fast code: `simd`, `simdLoad` or `simdStore`
}

public struct Row: Sendable {
    public var name: String
    public var mnemonic: String?
    public var parser: ParserCase?
    public var operands: [ValueKind]
    public var results: [ValueKind]
    public var fuel: Fuel
    public var semantics: Semantics?     // nil: hand-written in the loops (control, memory, variables)
    public var traps: [Trap]
    public var immediates: [Immediate]
    public var fast: [FastForm]
    public var doc: String?              // immediates and stack effect, the OpCode case's comment

    public init(_ name: String, _ mnemonic: String? = nil, parser: ParserCase? = nil,
                _ operands: [ValueKind] = [], _ results: [ValueKind] = [], fuel: Fuel = .instruction,
                _ semantics: Semantics? = nil, traps: [Trap] = [], immediates: [Immediate] = [],
                fast: [FastForm] = [], doc: String? = nil) {
        self.name = name; self.mnemonic = mnemonic; self.parser = parser
        self.operands = operands; self.results = results; self.fuel = fuel
        self.semantics = semantics; self.traps = traps; self.immediates = immediates
        self.fast = fast; self.doc = doc
    }
}

/// A titled run of rows: the OpCode enum keeps the titles as comments.
public struct Section: Sendable {
    public var title: String
    public var rows: [Row]
    public init(_ title: String, _ rows: [Row]) { self.title = title; self.rows = rows }
}

// Queries the generators share.
extension Row {
    var hasSlotSlot: Bool { fast.contains { if case .slotSlot = $0 { true } else { false } } }
    var immediate: (fits: String?, present: Bool) {
        for f in fast { if case .slotImmediate(let fits) = f { return (fits, true) } }
        return (nil, false)
    }
    var isUnaryForm: Bool { fast.contains { if case .unary = $0 { true } else { false } } }
    var hasWide: Bool { fast.contains { if case .slotWide = $0 { true } else { false } } }
    var isCommutative: Bool { fast.contains { if case .commutative = $0 { true } else { false } } }
    var isIsland: Bool { fast.contains { if case .island = $0 { true } else { false } } }
    var compare: (negated: String, mirrored: String)? {
        for f in fast { if case .compare(let n, let m) = f { return (n, m) } }
        return nil
    }
    var fastLoad: String? { for f in fast { if case .load(let op) = f { return op } }; return nil }
    var fastStore: String? { for f in fast { if case .store(let op) = f { return op } }; return nil }
    var fastSIMD: String? { for f in fast { if case .simd(let op) = f { return op } }; return nil }
    var naturalAlignment: Int? {
        for i in immediates { if case .memarg(let a) = i { return a } }
        return nil
    }
    var laneCount: Int? {
        for i in immediates { if case .lane(let n) = i { return n } }
        return nil
    }
    var hasV128Immediate: Bool { immediates.contains { if case .v128 = $0 { true } else { false } } }
    /// Runs through the SIMD paths (Generate+SIMD), not `Machine.numeric` or register forms.
    var isSIMD: Bool { operands.contains(.v128) || results.contains(.v128) }
    /// The result slot expression.
    var valueExpression: String? {
        switch semantics {
        case .value(let e): e
        case .condition(let c): "asSlot(\(c))"
        case .store, nil: nil
        }
    }
    var capitalized: String { name.prefix(1).uppercased() + name.dropFirst() }
}
