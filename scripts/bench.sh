#!/usr/bin/env bash
# Installs the peer linters (when the registries are reachable) and runs the tree benchmark.
# Usage: scripts/bench.sh [--files N] [--scaling] [--no-peers]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v rumdl >/dev/null 2>&1 || pip install --quiet rumdl || echo "bench: rumdl not installable; skipped"
if [ ! -x ../bench-peers/node_modules/.bin/markdownlint-cli2 ]; then
  mkdir -p ../bench-peers && (cd ../bench-peers && npm install --silent markdownlint-cli2) || echo "bench: markdownlint-cli2 not installable; skipped"
fi
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -sr)"
cargo bench --bench tree -- "$@"
