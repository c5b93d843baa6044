#!/usr/bin/env bash
# Installs the Debian 12 packages Broadsheet needs to build, test and run.
# Idempotent and fast when everything is present: it asks dpkg first and only
# calls apt-get for what is missing.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config git
  qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qt6-svg-dev libqt6svg6
  qt6-webengine-dev qt6-webengine-dev-tools
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
  libgl-dev libvulkan-dev
  libsqlite3-dev libxml2-dev zlib1g-dev libbrotli-dev libzstd-dev
  libgtest-dev libbenchmark-dev
  clang-format python3 python3-feedparser clang-14 libfuzzer-14-dev
  xvfb xauth imagemagick
  dpkg-dev desktop-file-utils appstream librsvg2-bin man-db groff-base
  fonts-noto-cjk
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
