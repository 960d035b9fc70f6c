#!/usr/bin/env bash
# Opens DIR/report.html in headless Chromium and checks that it renders: the page's script
# ran (it sets data-ready="1" on <body>) and every figure section is in the rendered DOM.
# Installs Debian's chromium package when no chromium is on the machine.
#   tests/browser/render.sh DIR [SCREENSHOT.png]
set -euo pipefail
dir="$(cd "$1" && pwd)"
shot="${2:-}"
page="$dir/report.html"
[ -s "$page" ] || { echo "render: $page is missing (run figtrace report -o $1)" >&2; exit 1; }
browser="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$browser" ]; then
  echo "render: installing chromium (apt-get)" >&2
  if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
  browser="$(command -v chromium)"
fi
flags=(--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run --hide-scrollbars)
dom="$(timeout 120 "$browser" "${flags[@]}" --virtual-time-budget=5000 --dump-dom "file://$page" 2>/dev/null)"
expected="$(grep -o '<section class="figure' "$page" | wc -l)"
rendered="$(printf '%s' "$dom" | grep -o '<section class="figure' | wc -l)"
if ! printf '%s' "$dom" | grep -q 'data-ready="1"'; then
  echo "render: FAILED: the page's script did not run in $browser" >&2
  exit 1
fi
if [ "$rendered" -ne "$expected" ] || [ "$expected" -eq 0 ]; then
  echo "render: FAILED: $rendered of $expected figure sections rendered" >&2
  exit 1
fi
if [ -n "$shot" ]; then
  timeout 120 "$browser" "${flags[@]}" --window-size=1100,1400 --screenshot="$shot" "file://$page" 2>/dev/null
  [ -s "$shot" ] || { echo "render: FAILED: no screenshot" >&2; exit 1; }
fi
echo "render: ok: $rendered figure sections rendered by $("$browser" --version 2>/dev/null | head -1)"
