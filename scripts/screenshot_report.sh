#!/usr/bin/env bash
# Render medlint's HTML audit report in headless Chromium and save a screenshot.
# Usage: scripts/screenshot_report.sh OUT.png PATH...
# Needs the Debian packages chromium and, for Chinese glyphs, a CJK font (fonts-wqy-microhei).
set -euo pipefail
out="$(realpath -m "$1")"; shift
here="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$here/.venv/bin/medlint" check --no-cache --format html -o "$work/report.html" "$@" || true
chromium --headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run \
  --disable-component-update --disable-sync --user-data-dir="$work/profile" \
  --screenshot="$out" --window-size=1280,2000 "file://$work/report.html" 2>/dev/null
echo "wrote $out"
