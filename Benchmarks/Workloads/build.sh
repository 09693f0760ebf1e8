#!/usr/bin/env bash
# Rebuilds wasm/*.wasm from c/*.c (Debian's clang-14 + wasm-ld-14, wasm32,
# freestanding, no imports; *_simd.c also -msimd128) and wat/*.wat (wabt's
# wat2wasm). The built files are committed, so the benchmark needs neither tool.
set -euo pipefail
cd "$(dirname "$0")"

CLANG=/usr/bin/clang-14
WASM_LD=/usr/bin/wasm-ld-14
if [[ ! -x $CLANG || ! -x $WASM_LD ]]; then
    echo "build.sh: needs $CLANG and $WASM_LD: apt-get install clang-14 lld-14" >&2
    exit 2
fi
if ! command -v wat2wasm >/dev/null; then
    echo "build.sh: needs wat2wasm: apt-get install wabt" >&2
    exit 2
fi

mkdir -p wasm
for source in c/*.c; do
    name=$(basename "$source" .c)
    # -ffreestanding keeps clang from calling libc; the only exports are
    # run, idle (never called) and memory; the stack is placed first so that
    # a stack overflow traps instead of overwriting data.
    # *_simd.c are the vectorized workloads: -msimd128 lets clang emit v128 code.
    simd=()
    [[ $name == *_simd ]] && simd=(-msimd128)
    "$CLANG" --target=wasm32 -O2 "${simd[@]}" -ffreestanding -nostdlib \
        -fuse-ld="$WASM_LD" -Wl,--no-entry -Wl,--stack-first -Wl,-z,stack-size=65536 \
        -o "wasm/$name.wasm" "$source"
    echo "built wasm/$name.wasm ($(stat -c %s "wasm/$name.wasm") bytes)"
done
for source in wat/*.wat; do
    name=$(basename "$source" .wat)
    wat2wasm -o "wasm/$name.wasm" "$source"
    echo "built wasm/$name.wasm ($(stat -c %s "wasm/$name.wasm") bytes)"
done
