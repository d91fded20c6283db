#!/usr/bin/env bash
# Renders the tutorials as HTML and takes headless Chromium screenshots of some pages, to look at
# the alerts, credential tables, code blocks and the locale switcher as a reader sees them. Also
# checks that every switcher link of those pages points to a rendered page.
#
# Not part of `cargo test` (CI has no Chromium). Needs Debian's chromium package, plus CJK fonts
# for the ko/zh-Hans pages:  apt-get install -y chromium fonts-noto-cjk
#
# Usage: scripts/screenshot.sh [OUT_DIR] [LOCALE/PAGE ...]
#   default OUT_DIR: /tmp/locdoc-shots; default pages: fr/hubspot ko/salesforce zh-Hans/paypal en/s3
set -euo pipefail
cd "$(dirname "$0")/.."

out=${1:-/tmp/locdoc-shots}
shift || true
pages=("$@")
if [ ${#pages[@]} -eq 0 ]; then
  pages=(fr/hubspot ko/salesforce zh-Hans/paypal en/s3)
fi
if ! command -v chromium >/dev/null; then
  echo "screenshot.sh: needs chromium (apt-get install -y chromium fonts-noto-cjk)" >&2
  exit 2
fi

mkdir -p "$out"
out=$(cd "$out" && pwd)
site="$out/site"
cargo run -q -- render --format html --out "$site"

status=0
for page in "${pages[@]}"; do
  html="$site/$page.html"
  if [ ! -f "$html" ]; then
    echo "screenshot.sh: no rendered page $page.html" >&2
    status=1
    continue
  fi
  # Every locale-switcher link must lead to a rendered page.
  dir=$(dirname "$html")
  for href in $(grep -o 'hreflang="[^"]*"' "$html" >/dev/null && grep -o 'href="\.\./[^"]*\.html"' "$html" | sed 's/^href="//; s/"$//'); do
    if [ ! -f "$dir/$href" ]; then
      echo "screenshot.sh: $page links to missing $href" >&2
      status=1
    fi
  done
  png="$out/$(echo "$page" | tr / -).png"
  profile=$(mktemp -d)
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --user-data-dir="$profile" \
    --hide-scrollbars --screenshot="$png" --window-size=1200,1600 "file://$html" >/dev/null 2>&1 || status=1
  rm -rf "$profile"
  echo "$png"
done
exit $status
