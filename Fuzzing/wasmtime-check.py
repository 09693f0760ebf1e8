#!/usr/bin/env python3
"""Fuzzing/wasmtime-check.py CALLS.jsonl: a second opinion from wasmtime (pip install wasmtime).

CALLS.jsonl is what `Differential --json` writes: per module, wesdbg's fast-loop calls in order
(export, arguments, results or trap kind). Each module is instantiated in wasmtime with the
same stub imports (host functions return zeros, an import named "trap" traps; memories,
tables and zero globals as declared) and the same calls are made in the same order. A call
must return the same values (integers and float bits; any NaN matches any NaN, since
WebAssembly lets engines choose) or trap with the corresponding trap code. A module stops
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


def zero(t):
    k = str(t)
    k = "externref" if k == "anyref" else k  # this binding prints externref as anyref
    return {"i32": w.Val.i32(0), "i64": w.Val.i64(0), "f32": w.Val.f32(0.0), "f64": w.Val.f64(0.0),
            "funcref": w.Val.funcref(None), "externref": w.Val.externref(None)}[k]


def argument(t, bits):
    if t in ("funcref", "externref"):
        return None
    b = int(bits)
    if t == "i32": return w.Val.i32(struct.unpack("<i", struct.pack("<I", b & 0xffffffff))[0])
    if t == "i64": return w.Val.i64(struct.unpack("<q", struct.pack("<Q", b))[0])
    if t == "f32": return w.Val.f32(struct.unpack("<f", struct.pack("<I", b & 0xffffffff))[0])
    return w.Val.f64(struct.unpack("<d", struct.pack("<Q", b))[0])


def same(t, bits, got):
    if t in ("funcref", "externref"):
        return got is None if bits is None else got is not None
    b = int(bits)
    if t == "i32": return (got & 0xffffffff) == b
    if t == "i64": return (got & 0xffffffffffffffff) == b
    if t == "f32":
        mine = struct.unpack("<f", struct.pack("<I", b))[0]
        return (mine != mine and got != got) or struct.pack("<f", mine) == struct.pack("<f", got)
    mine = struct.unpack("<d", struct.pack("<Q", b))[0]
    return (mine != mine and got != got) or struct.pack("<d", mine) == struct.pack("<d", got)


def stub(store, name, ty):
    results = [zero(r) for r in ty.results]
    def body(*args):
        if name == "trap":
            raise w.Trap("stub traps")
        if not results: return None
        return results[0] if len(results) == 1 else results
    return w.Func(store, ty, body)


def check(record, engine):
    """Returns (calls compared, [disagreements])."""
    store = w.Store(engine)
    module = w.Module.from_file(engine, record["file"])
    externs = []
    for imp in module.imports:
        ty = imp.type
        if isinstance(ty, w.FuncType): externs.append(stub(store, imp.name, ty))
        elif isinstance(ty, w.GlobalType): externs.append(w.Global(store, ty, zero(ty.content)))
        elif isinstance(ty, w.MemoryType): externs.append(w.Memory(store, ty))
        elif isinstance(ty, w.TableType): externs.append(w.Table(store, ty, None))
    try:
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
    compared, bad = 0, []
    for call in record["calls"]:
        f = exports[call["export"]]
        args = [argument(t, b) for t, b in call["args"]]
        try:
            got = f(store, *args)
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
        arity = len(f.type(store).results)  # one null reference comes back as None, like no results
        values = [] if arity == 0 else [got] if arity == 1 else list(got)
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
