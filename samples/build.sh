#!/usr/bin/env bash
# Rebuilds every sample contract samples/NAME/NAME.c into samples/NAME/NAME.wasm.
#
# Needs Debian's clang and lld 14 (their WebAssembly backend and linker):
#     apt-get install clang-14 lld-14
# It uses them explicitly (not the Swift toolchain's clang), so the committed
# .wasm files are reproducible: same sources, same bytes. Idempotent.
# When wabt is installed (apt-get install wabt), it also validates every
# .wasm and every teaching .wat.
set -euo pipefail
cd "$(dirname "$0")"

CLANG=${CLANG:-clang-14}
WASM_LD=${WASM_LD:-wasm-ld-14}
for tool in "$CLANG" "$WASM_LD"; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "build.sh: $tool not found; install it with: apt-get install clang-14 lld-14" >&2
        exit 1
    fi
done
WASM_LD_PATH=$(command -v "$WASM_LD")

# Freestanding wasm32; the name section is kept (no --strip-all) so the
# debugger shows function names; __heap_base tells the host's malloc where
# the heap starts. -ffile-prefix-map keeps paths out of the output.
CFLAGS=(--target=wasm32 -O2 -nostdlib -ffreestanding -fno-stack-protector
        -Wall -Wextra -Werror -std=c11 -Iinclude
        "-ffile-prefix-map=$PWD=.")
LDFLAGS=("-fuse-ld=$WASM_LD_PATH" -Wl,--no-entry -Wl,--export=__heap_base
         -Wl,-z,stack-size=65536)

contracts=(token registry nft staking governance)
for name in "${contracts[@]}"; do
    src="$name/$name.c"
    [ -f "$src" ] || continue
    out="$name/$name.wasm"
    "$CLANG" "${CFLAGS[@]}" "${LDFLAGS[@]}" -o "$out.tmp" "$src"
    chmod 644 "$out.tmp"
    mv "$out.tmp" "$out"
    echo "built $out ($(wc -c <"$out") bytes)"
done

if command -v wasm-validate >/dev/null 2>&1; then
    for f in */*.wasm; do wasm-validate "$f"; done
    for f in teach/*.wat; do
        [ -f "$f" ] || continue
        wat2wasm "$f" -o /dev/null
    done
    echo "validated every .wasm and .wat"
fi
