#!/usr/bin/env python3
"""Fuzzing/wasmtime-check.py CALLS.jsonl: a second opinion from wasmtime (pip install wasmtime).

CALLS.jsonl is what `Differential --json` writes: per module, wesdbg's fast-loop calls in order
(export, arguments, results or trap kind). Each module is instantiated in wasmtime with the
same stub imports (host functions return zeros, an import named "trap" traps; memories,
tables and zero globals as declared) and the same calls are made in the same order. A call
must return the same values (integers and float bits; any NaN matches any NaN, since
WebAssembly lets engines choose; a v128 matches when its bits do or when, read as f32x4 or
as f64x2, every lane has the same bits or is NaN in both) or trap with the corresponding
trap code.

The Python binding has no v128 values, and asking it the type of an import or export with
one aborts the process, so signatures come from the module's own type, import, function
and export sections (parsed here), every import comes from a generated stub module (text
format, compiled by wasmtime), and a function with v128 parameters or results is called
through a generated adapter that takes and returns each v128 as two i64 halves. A module stops
being compared after an out_of_fuel or call_stack_exhausted trap (wasmtime has neither
limit here), or a call returning a non-null reference. Prints disagreements and a summary;
exit 1 on any.
"""
import json, struct, sys
import wasmtime as w

CODES = {
    "unreachable": "UNREACHABLE", "memory_out_of_bounds": "MEMORY_OUT_OF_BOUNDS",
    "table_out_of_bounds": "TABLE_OUT_OF_BOUNDS", "integer_overflow": "INTEGER_OVERFLOW",
    "integer_divide_by_zero": "INTEGER_DIVISION_BY_ZERO", "invalid_conversion": "BAD_CONVERSION_TO_INTEGER",
    "uninitialized_element": "INDIRECT_CALL_TO_NULL", "indirect_call_type_mismatch": "BAD_SIGNATURE",
    "null_reference": "NULL_REFERENCE",
}
STOP = {"out_of_fuel", "call_stack_exhausted"}


def argument(t, bits):
    b = int(bits)
    if t == "i32": return w.Val.i32(struct.unpack("<i", struct.pack("<I", b & 0xffffffff))[0])
    if t == "i64": return w.Val.i64(struct.unpack("<q", struct.pack("<Q", b & MASK64))[0])
    if t == "f32": return w.Val.f32(struct.unpack("<f", struct.pack("<I", b & 0xffffffff))[0])
    return w.Val.f64(struct.unpack("<d", struct.pack("<Q", b))[0])


MASK64 = (1 << 64) - 1


def same_lanes(a, b, width):
    """a and b (128-bit ints) as float lanes of `width` bits: each lane equal or NaN in both."""
    mask, exp = (1 << width) - 1, (0x7f800000, 0x7fffff) if width == 32 else (0x7ff0000000000000, 0xfffffffffffff)
    nan = lambda x: (x & exp[0]) == exp[0] and (x & exp[1]) != 0
    for lane in range(128 // width):
        x, y = (a >> (lane * width)) & mask, (b >> (lane * width)) & mask
        if x != y and not (nan(x) and nan(y)):
            return False
    return True


def same(t, bits, got):
    if t in ("funcref", "externref"):
        return got is None if bits is None else got is not None
    b = int(bits, 0)
    if t == "v128": return got == b or same_lanes(got, b, 32) or same_lanes(got, b, 64)
    if t == "i32": return (got & 0xffffffff) == b
    if t == "i64": return (got & 0xffffffffffffffff) == b
    if t == "f32":
        mine = struct.unpack("<f", struct.pack("<I", b))[0]
        return (mine != mine and got != got) or struct.pack("<f", mine) == struct.pack("<f", got)
    mine = struct.unpack("<d", struct.pack("<Q", b))[0]
    return (mine != mine and got != got) or struct.pack("<d", mine) == struct.pack("<d", got)


# ---- the module's signatures, read from its binary (WebAssembly 2.0 encodings only)

VALTYPES = {0x7f: "i32", 0x7e: "i64", 0x7d: "f32", 0x7c: "f64", 0x7b: "v128", 0x70: "funcref", 0x6f: "externref"}


class Reader:
    def __init__(self, data, pos=0, end=None):
        self.data, self.pos, self.end = data, pos, len(data) if end is None else end

    def byte(self):
        b = self.data[self.pos]; self.pos += 1
        return b

    def u32(self):
        result = shift = 0
        while True:
            b = self.byte()
            result |= (b & 0x7f) << shift
            shift += 7
            if b < 0x80: return result

    def name(self):
        n = self.u32(); s = self.data[self.pos:self.pos + n]; self.pos += n
        return s.decode("utf-8")

    def valtype(self): return VALTYPES[self.byte()]

    def limits(self):
        flags = self.byte()
        low = self.u32()
        return low, (self.u32() if flags & 1 else None)


def signatures(data):
    """(imports, export name -> (params, results)); an import is (module, name, kind, details)."""
    types, imports, functions, exports = [], [], [], {}
    r = Reader(data, 8)
    while r.pos < len(data):
        section, size = r.byte(), r.u32()
        body = Reader(data, r.pos, r.pos + size)
        r.pos += size
        if section == 1:
            for _ in range(body.u32()):
                assert body.byte() == 0x60
                params = [body.valtype() for _ in range(body.u32())]
                types.append((params, [body.valtype() for _ in range(body.u32())]))
        elif section == 2:
            for _ in range(body.u32()):
                module, name, kind = body.name(), body.name(), body.byte()
                if kind == 0:
                    t = body.u32(); functions.append(t); imports.append((module, name, "func", types[t]))
                elif kind == 1:
                    ref = body.valtype(); imports.append((module, name, "table", (ref, body.limits())))
                elif kind == 2: imports.append((module, name, "memory", body.limits()))
                else:
                    vt = body.valtype(); imports.append((module, name, "global", (vt, body.byte() == 1)))
        elif section == 3:
            functions += [body.u32() for _ in range(body.u32())]
        elif section == 7:
            for _ in range(body.u32()):
                name, kind, index = body.name(), body.byte(), body.u32()
                if kind == 0: exports[name] = types[functions[index]]
    return imports, exports


def zero_text(t):
    return {"i32": "i32.const 0", "i64": "i64.const 0", "f32": "f32.const 0", "f64": "f64.const 0",
            "v128": "v128.const i64x2 0 0", "funcref": "ref.null func", "externref": "ref.null extern"}[t]


def limits_text(limits):
    low, high = limits
    return "%d" % low if high is None else "%d %d" % (low, high)


def stub_module(imports):
    """The stub imports as one module exporting "0", "1", ...: functions returning zeros (an
    import named "trap" hits unreachable), memories, tables and zero globals as declared."""
    items = []
    for i, (_, name, kind, details) in enumerate(imports):
        if kind == "func":
            params, results = details
            body = "unreachable" if name == "trap" else " ".join(zero_text(t) for t in results)
            items.append('(func (export "%d") (param %s) (result %s) %s)' % (i, " ".join(params), " ".join(results), body))
        elif kind == "table":
            items.append('(table (export "%d") %s %s)' % (i, limits_text(details[1]), details[0]))
        elif kind == "memory":
            items.append('(memory (export "%d") %s)' % (i, limits_text(details)))
        else:
            t, mutable = details
            items.append('(global (export "%d") %s (%s))' % (i, "(mut %s)" % t if mutable else t, zero_text(t)))
    return "(module %s)" % "\n".join(items)


def adapter_module(params, results):
    """Imports "f" with v128s in its signature; exports "f" taking and returning each v128 as
    two i64s (low half first), every other value as itself."""
    outer = [x for t in params for x in (["i64", "i64"] if t == "v128" else [t])]
    outer_results = [x for t in results for x in (["i64", "i64"] if t == "v128" else [t])]
    body, k = [], 0
    for t in params:
        if t == "v128":
            body.append("local.get %d i64x2.splat local.get %d i64x2.replace_lane 1" % (k, k + 1)); k += 2
        else:
            body.append("local.get %d" % k); k += 1
    body.append("call $f")
    # Results into locals (last on top), then out again in order, v128s split.
    first = len(outer)
    body += ["local.set %d" % (first + i) for i in reversed(range(len(results)))]
    for i, t in enumerate(results):
        j = first + i
        body.append("local.get %d i64x2.extract_lane 0 local.get %d i64x2.extract_lane 1" % (j, j)
                    if t == "v128" else "local.get %d" % j)
    return ('(module (import "m" "f" (func $f (param %s) (result %s)))\n'
            '(func (export "f") (param %s) (result %s) (local %s)\n%s))'
            % (" ".join(params), " ".join(results), " ".join(outer), " ".join(outer_results),
               " ".join(results), "\n".join(body)))


def caller(store, engine, f, signature):
    """Calls f with the JSON arguments [[T, BITS]...]; returns its values as Python numbers
    (v128 as one 128-bit int) or references."""
    params, results = signature
    if "v128" not in params and "v128" not in results:
        def call(args):
            got = f(store, *[None if t in ("funcref", "externref") else argument(t, b) for t, b in args])
            return [] if not results else [got] if len(results) == 1 else list(got)
        return call
    adapter = w.Instance(store, w.Module(engine, adapter_module(params, results)), [f]).exports(store)["f"]
    def call(args):
        flat = []
        for t, b in args:
            if t == "v128":
                b = int(b, 0)
                flat += [argument("i64", b & MASK64), argument("i64", b >> 64)]
            else:
                flat.append(None if t in ("funcref", "externref") else argument(t, b))
        got = adapter(store, *flat)
        n = sum(2 if t == "v128" else 1 for t in results)
        got = [] if n == 0 else [got] if n == 1 else list(got)
        values = []
        for t in results:
            if t == "v128":
                values.append((got[0] & MASK64) | ((got[1] & MASK64) << 64)); got = got[2:]
            else:
                values.append(got[0]); got = got[1:]
        return values
    return call


def check(record, engine):
    """Returns (calls compared, [disagreements])."""
    store = w.Store(engine)
    data = open(record["file"], "rb").read()
    module = w.Module(engine, data)
    imports, exported = signatures(data)
    try:
        stubs = w.Instance(store, w.Module(engine, stub_module(imports)), []).exports(store)
        externs = [stubs[str(i)] for i in range(len(imports))]
        instance = w.Instance(store, module, externs)
        start = None
    except w.Trap as e:
        start = e
    except w.WasmtimeError as e:
        return 0, ["%s: wasmtime cannot instantiate: %s" % (record["file"], str(e).splitlines()[0])]
    if record["start_trap"] is not None or start is not None:
        if record["start_trap"] in STOP: return 0, []
        if (record["start_trap"] is None) != (start is None):
            return 0, ["%s: start function: wesdbg %s, wasmtime %s" % (record["file"], record["start_trap"], start)]
        return 0, []
    exports = instance.exports(store)
    callers = {}
    compared, bad = 0, []
    for call in record["calls"]:
        name = call["export"]
        if name not in callers: callers[name] = caller(store, engine, exports[name], exported[name])
        try:
            got = callers[name](call["args"])
            trap = None
        except w.Trap as e:
            got, trap = None, e
        where = "%s: %s%s" % (record["file"], json.dumps(call["export"]), [b for _, b in call["args"]])
        if call["trap"] in STOP:
            break
        compared += 1
        if call["trap"] is not None:
            if trap is None:
                bad.append("%s: wesdbg traps %s, wasmtime returns %r" % (where, call["trap"], got))
                break
            code = getattr(trap, "trap_code", None)
            want = CODES.get(call["trap"])
            if want and code is not None and code.name != want:
                bad.append("%s: wesdbg traps %s, wasmtime %s" % (where, call["trap"], code.name))
            continue
        if trap is not None:
            bad.append("%s: wesdbg returns %s, wasmtime traps %s" % (where, call["results"], str(trap).splitlines()[0]))
            break
        values = got
        results = call["results"]
        if len(values) != len(results) or not all(same(t, b, v) for (t, b), v in zip(results, values)):
            bad.append("%s: wesdbg returns %s, wasmtime %r" % (where, results, values))
            break
        if any(t in ("funcref", "externref") and b is not None for t, b in results):
            break
    return compared, bad


def main():
    if len(sys.argv) != 2:
        print("usage: wasmtime-check.py CALLS.jsonl", file=sys.stderr); sys.exit(2)
    engine = w.Engine()
    modules = calls = 0
    disagreements = []
    for line in open(sys.argv[1]):
        record = json.loads(line)
        modules += 1
        n, bad = check(record, engine)
        calls += n
        for b in bad: print(b)
        disagreements += bad
    print("%d modules, %d calls compared with wasmtime, %d disagreements" % (modules, calls, len(disagreements)))
    sys.exit(1 if disagreements else 0)


main()
