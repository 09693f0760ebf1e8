#!/bin/sh
# Fuzzing/run.sh TARGET SECONDS [libFuzzer options...]
# Builds one libFuzzer target (release, -sanitize=fuzzer,address) in .build-fuzz and runs it
# for SECONDS under nice -n 19, seeded from the repository's samples, keymaps, command
# scripts and spec-suite modules (Fuzzing/seeds.sh). TARGET: module | snapshot | commands | keymap.
# The growing corpus is kept in .build-fuzz/corpus/TARGET (git-ignored); crashes and
# timeouts (an input over 60 s; the machine is shared, so not 10) land in .build-fuzz-artifacts/TARGET/.
set -eu
usage() { echo "usage: Fuzzing/run.sh module|snapshot|commands|keymap SECONDS [libFuzzer options...]" >&2; exit 2; }
[ $# -ge 2 ] || usage
target=$1; seconds=$2; shift 2
case $target in
  module) product=FuzzModule; dict= ;;
  snapshot) product=FuzzSnapshot; dict=json.dict ;;
  commands) product=FuzzCommands; dict=commands.dict ;;
  keymap) product=FuzzKeymap; dict=keymap.dict ;;
  *) usage ;;
esac
case $seconds in ''|*[!0-9]*) echo "SECONDS: must be a whole number, not '$seconds'" >&2; exit 2 ;; esac
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
scratch=$root/.build-fuzz
nice -n 19 swift build --package-path "$here" --scratch-path "$scratch" -c release --product "$product" \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -use-ld=lld
bin=$(swift build --package-path "$here" --scratch-path "$scratch" -c release --show-bin-path)/$product
corpus=$scratch/corpus/$target
seeds=$scratch/seeds/$target
artifacts=$root/.build-fuzz-artifacts/$target
mkdir -p "$corpus" "$artifacts"
"$here/seeds.sh" "$target" "$seeds"
set -- -max_total_time="$seconds" -timeout=60 -rss_limit_mb=4096 -print_final_stats=1 \
  -artifact_prefix="$artifacts/" "$@"
[ -n "$dict" ] && set -- -dict="$here/dict/$dict" "$@"
# Swift's own crash backtracer would run under ASan and report itself; libFuzzer prints the stack.
SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0} exec nice -n 19 "$bin" "$@" "$corpus" "$seeds"
