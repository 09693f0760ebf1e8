#!/usr/bin/env bash
# Rebuilds every sample contract samples/NAME/NAME.c into samples/NAME/NAME.wasm
# (-O2) and NAME.debug.wasm (-O0 -g); token also into token.O1.wasm (-O1 -g) and
# token.dwarf5.wasm (the Swift toolchain's clang 21, -O0 -gdwarf-5); audit only
# into audit.wasm (-O2 -msimd128 -g: its loops vectorized).
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
CFLAGS=(--target=wasm32 -nostdlib -ffreestanding -fno-stack-protector
        -Wall -Wextra -Werror -std=c11 -Iinclude
        "-ffile-prefix-map=$PWD=.")
LDFLAGS=(-Wl,--no-entry -Wl,--export=__heap_base
         -Wl,-z,stack-size=65536)

# build OUT CLANG LDFLAGS-LINKER OPT... : one contract source to OUT (temp file, then rename).
build() {
    local out=$1 clang=$2 linker=$3
    shift 3
    "$clang" "${CFLAGS[@]}" "$@" "-fuse-ld=$linker" "${LDFLAGS[@]}" -o "$out.tmp" "$src"
    chmod 644 "$out.tmp"
    mv "$out.tmp" "$out"
    echo "built $out ($(wc -c <"$out") bytes)"
}

# The Swift toolchain's clang and wasm-ld (LLVM 21) give the DWARF 5 sample.
CLANG21=${CLANG21:-/opt/swift/usr/bin/clang}
WASM_LD21=${WASM_LD21:-/opt/swift/usr/bin/wasm-ld}

contracts=(token registry nft staking governance)
for name in "${contracts[@]}"; do
    src="$name/$name.c"
    [ -f "$src" ] || continue
    build "$name/$name.wasm" "$CLANG" "$WASM_LD_PATH" -O2
    # Source-level debugging (DWARF 4, the debugger's line and variable tests).
    build "$name/$name.debug.wasm" "$CLANG" "$WASM_LD_PATH" -O0 -g
    if [ "$name" = token ]; then
        build "$name/$name.O1.wasm" "$CLANG" "$WASM_LD_PATH" -O1 -g
        if [ -x "$CLANG21" ] && [ -x "$WASM_LD21" ]; then
            build "$name/$name.dwarf5.wasm" "$CLANG21" "$WASM_LD21" -O0 -gdwarf-5
        else
            echo "build.sh: $CLANG21 or $WASM_LD21 not found; $name/$name.dwarf5.wasm not rebuilt" >&2
        fi
    fi
done

# A contract whose hot loops clang vectorizes (v128 values, WebAssembly SIMD);
# -g gives the loop a source line to break at (the -O0 build would not vectorize).
src=audit/audit.c
build audit/audit.wasm "$CLANG" "$WASM_LD_PATH" -O2 -msimd128 -g

# A long loop to step over by lines (not a contract: `--call run --args i32:N`).
src=debug/loop.c
build debug/loop.wasm "$CLANG" "$WASM_LD_PATH" -O0 -g

# The Rust DWARF fixture of the DebugInfo tests (not a contract): Debian's rustc
# (apt-get install rustc libstd-rust-dev-wasm32), called by full path because a
# rustup toolchain may come first on PATH.
RUSTC=${RUSTC:-/usr/bin/rustc}
if [ -x "$RUSTC" ]; then
    out=debuginfo/shapes.wasm
    (cd debuginfo && "$RUSTC" --target wasm32-unknown-unknown --crate-type cdylib -C opt-level=0 \
        -C debuginfo=2 -C codegen-units=1 "--remap-path-prefix=$PWD=." -o shapes.wasm.tmp shapes.rs)
    chmod 644 "$out.tmp"
    mv "$out.tmp" "$out"
    echo "built $out ($(wc -c <"$out") bytes)"
else
    echo "build.sh: $RUSTC not found; debuginfo/shapes.wasm not rebuilt" >&2
fi

if command -v wasm-validate >/dev/null 2>&1; then
    for f in */*.wasm; do wasm-validate "$f"; done
    for f in teach/*.wat; do
        [ -f "$f" ] || continue
        wat2wasm "$f" -o /dev/null
    done
    echo "validated every .wasm and .wat"
fi
vault/build.sh
