#!/usr/bin/env bash
# Installs the Readability.js benchmark tooling (pinned in package.json / package-lock.json)
# into DEST (a build folder, never the source tree): DEST/node_modules + the script.
# Exits 0 with a message when node or npm is missing, so the benchmark can run without it.
#   install.sh DEST
set -euo pipefail
src="$(cd "$(dirname "$0")" && pwd)"
dest="${1:?usage: install.sh DEST}"
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "readability-js: node/npm not found; the Readability.js comparison is skipped" \
         "(packaging/install-bench-deps.sh installs them)"
    exit 0
fi
mkdir -p "$dest"
cp "$src/package.json" "$src/bench-readability.js" "$dest/"
[ -f "$src/package-lock.json" ] && cp "$src/package-lock.json" "$dest/"
if [ -d "$dest/node_modules/jsdom" ] && [ -d "$dest/node_modules/@mozilla/readability" ] &&
   [ "$dest/node_modules/.package-lock.json" -nt "$src/package.json" ]; then
    exit 0
fi
cd "$dest"
if [ -f package-lock.json ]; then
    npm ci --no-audit --no-fund --loglevel=error
else
    npm install --no-audit --no-fund --loglevel=error
fi
