#!/usr/bin/env python3
"""Generates the register-form numeric part of the fast interpreter.

Writes Sources/WasmVM/Core/FastOp.swift (the op enum, with the hand-written
control ops of Scripts/FastOp.control.txt, and the compiler's op tables) and
the cases between the GENERATED markers of Sources/WasmVM/Execute/Machine+Fast.swift.
Run from the repository root after editing the tables below; commit both outputs.
"""
import re
import pathlib

# (OpCode case, expression over slots x and y giving the result slot, imm kind or None, trap guard or None)
# imm kind: "32" = y is the zero-extended imm32, "64" = y is the sign-extended imm32.
I32 = [
    ("i32Add", "asSlot(asU32(x) &+ asU32(y))"), ("i32Sub", "asSlot(asU32(x) &- asU32(y))"),
    ("i32Mul", "asSlot(asU32(x) &* asU32(y))"), ("i32And", "x & y"), ("i32Or", "x | y"), ("i32Xor", "x ^ y"),
    ("i32Shl", "asSlot(asU32(x) &<< (asU32(y) & 31))"),
    ("i32ShrS", "asSlot(asS32(x) &>> Int32(bitPattern: asU32(y) & 31))"),
    ("i32ShrU", "asSlot(asU32(x) &>> (asU32(y) & 31))"),
    ("i32Rotl", "asSlot(Machine.rotateLeft(asU32(x), asU32(y)))"),
    ("i32Rotr", "asSlot(Machine.rotateLeft(asU32(x), 32 &- asU32(y)))"),
]
I32_CMP = [
    ("i32Eq", "asU32(x) == asU32(y)"), ("i32Ne", "asU32(x) != asU32(y)"),
    ("i32LtS", "asS32(x) < asS32(y)"), ("i32LtU", "asU32(x) < asU32(y)"),
    ("i32GtS", "asS32(x) > asS32(y)"), ("i32GtU", "asU32(x) > asU32(y)"),
    ("i32LeS", "asS32(x) <= asS32(y)"), ("i32LeU", "asU32(x) <= asU32(y)"),
    ("i32GeS", "asS32(x) >= asS32(y)"), ("i32GeU", "asU32(x) >= asU32(y)"),
]
I64 = [
    ("i64Add", "x &+ y"), ("i64Sub", "x &- y"), ("i64Mul", "x &* y"),
    ("i64And", "x & y"), ("i64Or", "x | y"), ("i64Xor", "x ^ y"),
    ("i64Shl", "x &<< (y & 63)"), ("i64ShrS", "asSlot(Int64(bitPattern: x) &>> Int64(y & 63))"),
    ("i64ShrU", "x &>> (y & 63)"),
    ("i64Rotl", "Machine.rotateLeft(x, y)"), ("i64Rotr", "Machine.rotateLeft(x, 64 &- y)"),
]
S64 = "Int64(bitPattern: {})"
I64_CMP = [
    ("i64Eq", "x == y"), ("i64Ne", "x != y"),
    ("i64LtS", "Int64(bitPattern: x) < Int64(bitPattern: y)"), ("i64LtU", "x < y"),
    ("i64GtS", "Int64(bitPattern: x) > Int64(bitPattern: y)"), ("i64GtU", "x > y"),
    ("i64LeS", "Int64(bitPattern: x) <= Int64(bitPattern: y)"), ("i64LeU", "x <= y"),
    ("i64GeS", "Int64(bitPattern: x) >= Int64(bitPattern: y)"), ("i64GeU", "x >= y"),
]
# Division: the register form deopts (the exact loop then traps) when the guard fails.
DIV = [
    ("i32DivS", "asSlot(asS32(x) / asS32(y))", "asS32(y) != 0 && !(asS32(x) == .min && asS32(y) == -1)"),
    ("i32DivU", "asSlot(asU32(x) / asU32(y))", "asU32(y) != 0"),
    ("i32RemS", "asS32(y) == -1 ? 0 : asSlot(asS32(x) % asS32(y))", "asS32(y) != 0"),
    ("i32RemU", "asSlot(asU32(x) % asU32(y))", "asU32(y) != 0"),
    ("i64DivS", "asSlot(Int64(bitPattern: x) / Int64(bitPattern: y))", "y != 0 && !(Int64(bitPattern: x) == .min && Int64(bitPattern: y) == -1)"),
    ("i64DivU", "x / y", "y != 0"),
    ("i64RemS", "Int64(bitPattern: y) == -1 ? 0 : asSlot(Int64(bitPattern: x) % Int64(bitPattern: y))", "y != 0"),
    ("i64RemU", "x % y", "y != 0"),
]
FLOAT = []
for w, conv in (("f32", "asF32"), ("f64", "asF64")):
    FLOAT += [
        (f"{w}Add", f"asSlot({conv}(x) + {conv}(y))"), (f"{w}Sub", f"asSlot({conv}(x) - {conv}(y))"),
        (f"{w}Mul", f"asSlot({conv}(x) * {conv}(y))"), (f"{w}Div", f"asSlot({conv}(x) / {conv}(y))"),
        (f"{w}Min", f"asSlot(Machine.wasmMin({conv}(x), {conv}(y)))"), (f"{w}Max", f"asSlot(Machine.wasmMax({conv}(x), {conv}(y)))"),
        (f"{w}Eq", f"asSlot({conv}(x) == {conv}(y))"), (f"{w}Ne", f"asSlot({conv}(x) != {conv}(y))"),
        (f"{w}Lt", f"asSlot({conv}(x) < {conv}(y))"), (f"{w}Gt", f"asSlot({conv}(x) > {conv}(y))"),
        (f"{w}Le", f"asSlot({conv}(x) <= {conv}(y))"), (f"{w}Ge", f"asSlot({conv}(x) >= {conv}(y))"),
    ]
FLOAT += [("f32Copysign", "(x & 0x7fff_ffff) | (y & 0x8000_0000)"),
          ("f64Copysign", "(x & 0x7fff_ffff_ffff_ffff) | (y & 0x8000_0000_0000_0000)")]
# Non-trapping unary ops (the trapping truncations run in stack form).
UNARY = [
    ("i32Eqz", "asSlot(asU32(x) == 0)"), ("i64Eqz", "asSlot(x == 0)"),
    ("i32Clz", "UInt64(asU32(x).leadingZeroBitCount)"), ("i32Ctz", "UInt64(asU32(x).trailingZeroBitCount)"),
    ("i32Popcnt", "UInt64(asU32(x).nonzeroBitCount)"),
    ("i64Clz", "UInt64(x.leadingZeroBitCount)"), ("i64Ctz", "UInt64(x.trailingZeroBitCount)"),
    ("i64Popcnt", "UInt64(x.nonzeroBitCount)"),
    ("i32WrapI64", "x & 0xffff_ffff"), ("i64ExtendI32S", "asSlot(Int64(asS32(x)))"), ("i64ExtendI32U", "x & 0xffff_ffff"),
    ("i32Extend8S", "asSlot(Int32(Int8(truncatingIfNeeded: x)))"), ("i32Extend16S", "asSlot(Int32(Int16(truncatingIfNeeded: x)))"),
    ("i64Extend8S", "asSlot(Int64(Int8(truncatingIfNeeded: x)))"), ("i64Extend16S", "asSlot(Int64(Int16(truncatingIfNeeded: x)))"),
    ("i64Extend32S", "asSlot(Int64(Int32(truncatingIfNeeded: x)))"),
    ("f32Abs", "x & 0x7fff_ffff"), ("f32Neg", "(x ^ 0x8000_0000) & 0xffff_ffff"), ("f32Sqrt", "asSlot(asF32(x).squareRoot())"),
    ("f32Ceil", "asSlot(asF32(x).rounded(.up))"), ("f32Floor", "asSlot(asF32(x).rounded(.down))"),
    ("f32Trunc", "asSlot(asF32(x).rounded(.towardZero))"), ("f32Nearest", "asSlot(asF32(x).rounded(.toNearestOrEven))"),
    ("f64Abs", "x & 0x7fff_ffff_ffff_ffff"), ("f64Neg", "x ^ 0x8000_0000_0000_0000"), ("f64Sqrt", "asSlot(asF64(x).squareRoot())"),
    ("f64Ceil", "asSlot(asF64(x).rounded(.up))"), ("f64Floor", "asSlot(asF64(x).rounded(.down))"),
    ("f64Trunc", "asSlot(asF64(x).rounded(.towardZero))"), ("f64Nearest", "asSlot(asF64(x).rounded(.toNearestOrEven))"),
    ("f32ConvertI32S", "asSlot(Float(asS32(x)))"), ("f32ConvertI32U", "asSlot(Float(asU32(x)))"),
    ("f32ConvertI64S", "asSlot(Float(Int64(bitPattern: x)))"), ("f32ConvertI64U", "asSlot(Float(x))"),
    ("f32DemoteF64", "asSlot(Float(asF64(x)))"),
    ("f64ConvertI32S", "asSlot(Double(asS32(x)))"), ("f64ConvertI32U", "asSlot(Double(asU32(x)))"),
    ("f64ConvertI64S", "asSlot(Double(Int64(bitPattern: x)))"), ("f64ConvertI64U", "asSlot(Double(x))"),
    ("f64PromoteF32", "asSlot(Double(asF32(x)))"),
    ("i32TruncSatF32S", "asSlot(Machine.saturate(Double(asF32(x)), Int32.self))"),
    ("i32TruncSatF32U", "asSlot(Machine.saturate(Double(asF32(x)), UInt32.self))"),
    ("i32TruncSatF64S", "asSlot(Machine.saturate(asF64(x), Int32.self))"),
    ("i32TruncSatF64U", "asSlot(Machine.saturate(asF64(x), UInt32.self))"),
    ("i64TruncSatF32S", "asSlot(Machine.saturate(Double(asF32(x)), Int64.self))"),
    ("i64TruncSatF32U", "Machine.saturate(Double(asF32(x)), UInt64.self)"),
    ("i64TruncSatF64S", "asSlot(Machine.saturate(asF64(x), Int64.self))"),
    ("i64TruncSatF64U", "Machine.saturate(asF64(x), UInt64.self)"),
]
# `if` branches when the condition is zero: the fused form uses the negated compare.
NEGATE = {"Eq": "Ne", "Ne": "Eq", "LtS": "GeS", "LtU": "GeU", "GtS": "LeS", "GtU": "LeU",
          "LeS": "GtS", "LeU": "GtU", "GeS": "LtS", "GeU": "LtU"}
# Compare with the operands swapped (a constant on the left becomes an immediate).
MIRROR = {"Eq": "Eq", "Ne": "Ne", "LtS": "GtS", "LtU": "GtU", "GtS": "LtS", "GtU": "LtU",
          "LeS": "GeS", "LeU": "GeU", "GeS": "LeS", "GeU": "LeU"}
COMMUTATIVE = {"i32Add", "i32Mul", "i32And", "i32Or", "i32Xor", "i64Add", "i64Mul", "i64And", "i64Or", "i64Xor"}

CONTROL = pathlib.Path("Scripts/FastOp.control.txt").read_text()

X = "let x = fp[Int(UInt32(truncatingIfNeeded: i.b))]"
Y = "y = fp[Int(i.b >> 32)]"
IMM32 = "y = i.b >> 32"
IMM64 = "y = UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: i.b >> 32)))"

ops = []        # FastOp case names, in order
cases = []      # loop cases
binary = []     # (orig, ss, si or None, commutative)
compares = []   # (orig, width, suffix)
unary = []      # (orig, fast)


def add(name, body):
    ops.append(name)
    cases.append(f"            case .{name}: {body}")


for orig, expr in I32 + I64:
    imm = IMM32 if orig.startswith("i32") else IMM64
    add(orig + "SS", f"{X}, {Y}; fp[Int(i.a)] = {expr}")
    add(orig + "SI", f"{X}, {imm}; fp[Int(i.a)] = {expr}")
    binary.append((orig, orig + "SS", orig + "SI", orig in COMMUTATIVE))
for orig, cond in I32_CMP + I64_CMP:
    imm = IMM32 if orig.startswith("i32") else IMM64
    add(orig + "SS", f"{X}, {Y}; fp[Int(i.a)] = asSlot({cond})")
    add(orig + "SI", f"{X}, {imm}; fp[Int(i.a)] = asSlot({cond})")
    binary.append((orig, orig + "SS", orig + "SI", orig[3:] in ("Eq", "Ne")))
    compares.append((orig, orig[:3], orig[3:]))
for orig, cond in I32_CMP + I64_CMP:
    imm = IMM32 if orig.startswith("i32") else IMM64
    # Both ways lead to a block head, which is charged on arrival.
    enter = "fuelUsed &+= UInt64(ip.pointee.charge); if _slowPath(fuelUsed > limit) { break loop }; continue loop"
    add("brIf" + orig[0].upper() + orig[1:] + "SS", f"{X}, {Y}; ip = {cond} ? code + Int(i.a) : ip + 1; {enter}")
    add("brIf" + orig[0].upper() + orig[1:] + "SI", f"{X}, {imm}; ip = {cond} ? code + Int(i.a) : ip + 1; {enter}")
for orig, expr, guard in DIV:
    imm = IMM32 if orig.startswith("i32") else IMM64
    add(orig + "SS", f"{X}, {Y}; guard {guard} else {{ break loop }}; fp[Int(i.a)] = {expr}")
    # The compiler only emits the immediate form for divisors other than 0 and -1 (it cannot trap).
    add(orig + "SI", f"{X}, {imm}; fp[Int(i.a)] = {expr}")
    binary.append((orig, orig + "SS", orig + "SI", False))
for orig, expr in FLOAT:
    add(orig + "SS", f"{X}, {Y}; fp[Int(i.a)] = {expr}")
    binary.append((orig, orig + "SS", None, False))
for orig, expr in UNARY:
    add(orig + "S", f"{X}; fp[Int(i.a)] = {expr}")
    unary.append((orig, orig + "S"))


def cap(s):
    return s[0].upper() + s[1:]


swift = ["// Generated by Scripts/fast-ops.py from its tables and FastOp.control.txt: do not edit by hand.", "",
         "/// Ops of the fast code. Operand layout: see FastInstr.swift; slots are frame-relative.",
         "enum FastOp: UInt16, Sendable {"]
swift += ["    " + line if line.strip() else "" for line in CONTROL.splitlines()]
swift += ["", "    // Numeric register forms. SS: a = dst, b = x | y << 32 (slots); SI: y is an immediate",
          "    // (i32 zero-extended, i64 sign-extended from 32 bits); S: unary, b = x.",
          "    // brIf<compare>: a = target pc, b as SS/SI."]
swift += [f"    case {o}" for o in ops]
swift += ["}", "", "extension FastOp {",
          "    /// Slot-slot and slot-immediate forms of a binary op (the immediate form of a division only for divisors other than 0 and -1).",
          "    static func binary(_ op: OpCode) -> (ss: FastOp, si: FastOp?, commutative: Bool)? {",
          "        switch op {"]
for orig, ss, si, comm in binary:
    swift.append(f"        case .{orig}: (.{ss}, {'.' + si if si else 'nil'}, {'true' if comm else 'false'})")
swift += ["        default: nil", "        }", "    }", "",
          "    /// The form of a unary op that cannot trap.",
          "    static func unary(_ op: OpCode) -> FastOp? {", "        switch op {"]
for orig, fast in unary:
    swift.append(f"        case .{orig}: .{fast}")
swift += ["        default: nil", "        }", "    }", "",
          "    /// An integer compare: its fused branch forms, its negation (for `if`) and its mirror (operands swapped).",
          "    static func compare(_ op: OpCode) -> (brSS: FastOp, brSI: FastOp, negated: OpCode, mirrored: OpCode)? {",
          "        switch op {"]
for orig, width, suffix in compares:
    swift.append(f"        case .{orig}: (.brIf{cap(orig)}SS, .brIf{cap(orig)}SI, .{width}{NEGATE[suffix]}, .{width}{MIRROR[suffix]})")
swift += ["        default: nil", "        }", "    }", "",
          "    /// Whether the op is a fused compare-and-branch.",
          "    static func compareOf(branch op: FastOp) -> Bool {", "        switch op {",
          "        case " + ", ".join(f".brIf{cap(o)}SS, .brIf{cap(o)}SI" for o, _, _ in compares) + ": true",
          "        default: false", "        }", "    }", "",
          "    /// The integer compare a register-form op computes, and whether its second operand is an immediate.",
          "    static func compareOf(_ op: FastOp) -> (OpCode, immediate: Bool)? {", "        switch op {"]
for orig, width, suffix in compares:
    swift.append(f"        case .{orig}SS: (.{orig}, false)")
    swift.append(f"        case .{orig}SI: (.{orig}, true)")
swift += ["        default: nil", "        }", "    }", "}", ""]
pathlib.Path("Sources/WasmVM/Core/FastOp.swift").write_text("\n".join(swift))

loop = pathlib.Path("Sources/WasmVM/Execute/Machine+Fast.swift")
text = loop.read_text()
begin, end = "            // BEGIN GENERATED (Scripts/fast-ops.py)\n", "            // END GENERATED\n"
generated = begin + "\n".join(cases) + "\n" + end
text = re.sub(re.escape(begin) + ".*?" + re.escape(end), lambda _: generated, text, flags=re.S)
loop.write_text(text)
print(f"{len(ops)} numeric fast ops")
