#!/usr/bin/env bash
# Builds the Rust sample contract samples/vault/src/lib.rs into
#   vault.wasm     -C opt-level=0 with DWARF (-C debuginfo=2): for source-level debugging
#   vault.O2.wasm  -C opt-level=2 without debug info
#
# Needs Debian's rustc 1.63 and its wasm32 standard library:
#     apt-get install rustc libstd-rust-dev-wasm32
# It uses /usr/bin/rustc explicitly (a rustup rustc earlier on PATH would give
# other bytes), so the committed .wasm files are reproducible: same sources,
# same bytes. Idempotent.
set -euo pipefail
cd "$(dirname "$0")"

RUSTC=${RUSTC:-/usr/bin/rustc}
if ! [ -x "$RUSTC" ] || ! [ -d "$("$RUSTC" --print sysroot)/lib/rustlib/wasm32-unknown-unknown" ]; then
    echo "vault/build.sh: $RUSTC or its wasm32 library not found; install them with: apt-get install rustc libstd-rust-dev-wasm32" >&2
    exit 1
fi

# no_std, panic=abort (the panic handler is one `unreachable`), no allocator:
# the module imports only the host functions it calls. The name section is
# kept so the debugger shows (demangled) function names; __heap_base tells the
# host's malloc where the heap starts. --remap-path-prefix keeps this
# checkout's path out of the output: sources are named src/lib.rs, src/wes.rs
# under the compilation directory ".". The only absolute paths left are those
# of Debian's libcore (/usr/src/rustc-1.63.0/...), the same on every machine.
FLAGS=(--edition 2021 --crate-type cdylib --crate-name vault
       --target wasm32-unknown-unknown -C panic=abort
       "--remap-path-prefix=$PWD=."
       -C link-arg=--export=__heap_base -C link-arg=-zstack-size=65536)

# build OUT FLAG... : src/lib.rs to OUT (temp file, then rename).
build() {
    local out=$1
    shift
    "$RUSTC" "${FLAGS[@]}" "$@" -o "$out.tmp" src/lib.rs
    chmod 644 "$out.tmp"
    mv "$out.tmp" "$out"
    echo "built vault/$out ($(wc -c <"$out") bytes)"
}

build vault.wasm -C opt-level=0 -C debuginfo=2
build vault.O2.wasm -C opt-level=2 -C debuginfo=0 -C strip=debuginfo
