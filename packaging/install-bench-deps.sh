#!/usr/bin/env bash
# Optional: the Debian 12 packages the benchmarks compare against (not needed to build, test
# or run Broadsheet). node + npm run Mozilla Readability + jsdom next to the extractor in
# bench_extract (tests/bench/readability-js; its npm modules go into the build folder).
set -euo pipefail

PACKAGES=(nodejs npm)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
# A node from elsewhere (nodesource, nvm) on PATH will do as well.
if command -v node >/dev/null && command -v npm >/dev/null; then
  exit 0
fi
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "install-bench-deps: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
