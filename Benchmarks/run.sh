#!/usr/bin/env bash
# One command for the whole benchmark suite: builds the runner in release mode
# and prints the wesdbg-vs-WasmKit table, the debug-hook overhead and the
# 1 MB module load time. Extra arguments go to the runner (see --help).
# The workloads are prebuilt (Workloads/wasm); Workloads/build.sh rebuilds them.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
swift build -c release --package-path "$here" >&2
exec "$(swift build -c release --package-path "$here" --show-bin-path)/WesdbgBench" \
    --workloads "$here/Workloads/wasm" "$@"
