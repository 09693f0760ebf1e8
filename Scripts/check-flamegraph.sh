#!/usr/bin/env bash
# Renders a `wesdbg profile --svg` flame graph in headless Chromium (Debian's
# `apt-get install chromium`): a PNG screenshot, then the DOM after the inline script
# ran, zoomed and searched through the URL (`#zoom=NAME&search=PATTERN`).
# Usage: Scripts/check-flamegraph.sh FILE.svg OUT.png [ZOOM] [SEARCH]
# Prints the DOM on stdout; exits non-zero when Chromium fails.
set -euo pipefail
svg=$(realpath "$1"); png=$2; zoom=${3:-}; search=${4:-}
browser=$(command -v chromium || command -v chromium-browser)
profile_dir=$(mktemp -d)
trap 'rm -rf "$profile_dir"' EXIT
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$profile_dir" --no-first-run --disable-extensions)
"$browser" "${flags[@]}" --window-size=1200,400 --screenshot="$png" "file://$svg" >/dev/null 2>&1
"$browser" "${flags[@]}" --dump-dom "file://$svg#zoom=$zoom&search=$search" 2>/dev/null
