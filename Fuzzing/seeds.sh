#!/bin/sh
# Fuzzing/seeds.sh TARGET DIR: writes the seed corpus of a fuzz target into DIR (made anew).
#   module    samples/**/*.wasm, samples' .wat compiled, and the modules of up to 40 spec-suite
#             scripts (wast2json from wabt; skipped when it is not installed)
#   snapshot  samples/**/*.snapshot.json
#   commands  Fuzzing/seeds/commands/*.txt
#   keymap    keymaps/*
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
target=$1; dir=$2
rm -rf "$dir"; mkdir -p "$dir"
n=0
copy() { n=$((n + 1)); cp "$1" "$dir/seed-$n-$(basename "$1")"; }
case $target in
  module)
    # Modules over 64 KiB (the DWARF builds) would make every mutation slow.
    for f in $(find "$root/samples" -name '*.wasm' -size -64k); do copy "$f"; done
    if command -v wat2wasm >/dev/null; then
      for f in $(find "$root/samples" -name '*.wat'); do
        wat2wasm "$f" -o "$dir/seed-wat-$(basename "$f" .wat).wasm" 2>/dev/null || true
      done
    fi
    spec=${SPEC_SUITE:-$root/../shared/spec-testsuite}
    [ -d "$spec" ] || spec=/work/shared/spec-testsuite
    if command -v wast2json >/dev/null && [ -d "$spec" ]; then
      tmp=$(mktemp -d)
      for f in $(ls "$spec"/*.wast | grep -v '/simd_' | head -40); do
        name=$(basename "$f" .wast)
        wast2json "$f" -o "$tmp/$name.json" 2>/dev/null || true
      done
      # Only the modules (.wasm); the .wat files wast2json writes for assert_malformed are text.
      for f in "$tmp"/*.wasm; do [ -f "$f" ] && [ "$(wc -c < "$f")" -le 20000 ] && cp "$f" "$dir/spec-$(basename "$f")"; done
      rm -rf "$tmp"
    fi ;;
  snapshot) for f in $(find "$root/samples" -name '*.snapshot.json'); do copy "$f"; done ;;
  commands) for f in "$here"/seeds/commands/*.txt; do copy "$f"; done ;;
  keymap) for f in "$root"/keymaps/*; do copy "$f"; done ;;
  *) echo "seeds.sh: unknown target '$target'" >&2; exit 2 ;;
esac
echo "seeds.sh: $(ls "$dir" | wc -l) seeds for $target in $dir"
