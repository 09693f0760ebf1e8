#!/usr/bin/env bash
# Replays every sample snapshot with `wesdbg run --json` and checks that the
# outcome still matches the snapshot's `expect` (status, code or trap kind).
#     samples/check.sh [WESDBG]        default: .build/debug/wesdbg
# Prints one line per snapshot and ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
WESDBG=${1:-.build/debug/wesdbg}
[ -x "$WESDBG" ] || { echo "check.sh: $WESDBG not found; run swift build first" >&2; exit 2; }

passed=0
failed=0
for snap in samples/*/*.snapshot.json; do
    out=$("$WESDBG" run "$snap" --json 2>&1)
    verdict=$(printf '%s' "$out" | python3 -c '
import json, sys
try:
    r = json.load(sys.stdin)
except ValueError:
    print("no JSON result"); sys.exit()
e = r.get("expect") or {}
if e.get("matches") is True:
    print("ok")
else:
    actual = {"status": r.get("status"), "code": r.get("code"), "trap": (r.get("trap") or {}).get("kind")}
    print("expected %s, got %s" % (json.dumps(e.get("expected")), json.dumps(actual)))
')
    if [ "$verdict" = ok ]; then
        passed=$((passed + 1))
        echo "ok    $snap"
    else
        failed=$((failed + 1))
        echo "FAIL  $snap: $verdict"
        [ "$verdict" = "no JSON result" ] && printf '      %s\n' "$(printf '%s' "$out" | head -3)"
    fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
