#!/usr/bin/env bash
# `cmake --install` of a built tree into a temporary prefix lays out the FHS tree the package
# ships, and nothing else (no test, benchmark or library files).
# Usage: check-install.sh BUILD_DIR APP_ID
set -euo pipefail
build=$1
app_id=$2
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT

cmake --install "$build" --prefix "$prefix/usr" >/dev/null

expected=(
  usr/bin/broadsheet
  usr/bin/broadsheet-cli
  "usr/share/applications/$app_id.desktop"
  "usr/share/metainfo/$app_id.metainfo.xml"
  "usr/share/icons/hicolor/scalable/apps/$app_id.svg"
  usr/share/man/man1/broadsheet-cli.1.gz
  usr/share/man/man1/broadsheet.1.gz
  usr/share/doc/broadsheet/copyright
  usr/share/doc/broadsheet/changelog.gz
)
if command -v rsvg-convert >/dev/null; then
  for size in 16 24 32 48 64 128 256; do
    expected+=("usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png")
  done
fi

failures=0
for path in "${expected[@]}"; do
  if [ ! -f "$prefix/$path" ]; then
    echo "FAIL: $path not installed"
    failures=$((failures + 1))
  fi
done
for exe in usr/bin/broadsheet usr/bin/broadsheet-cli; do
  [ -x "$prefix/$exe" ] || { echo "FAIL: $exe is not executable"; failures=$((failures + 1)); }
done
# Everything installed must be expected (translations may join later under share/broadsheet).
while IFS= read -r path; do
  path=${path#"$prefix/"}
  found=0
  for e in "${expected[@]}"; do [ "$e" = "$path" ] && found=1; done
  case "$path" in usr/share/broadsheet/*) found=1 ;; esac
  if [ "$found" = 0 ]; then
    echo "FAIL: unexpected installed file $path"
    failures=$((failures + 1))
  fi
done < <(find "$prefix" -type f | sort)
# Each PNG has the size its folder names.
if command -v identify >/dev/null; then
  for f in "$prefix"/usr/share/icons/hicolor/*x*/apps/*.png; do
    [ -e "$f" ] || continue
    dir=$(basename "$(dirname "$(dirname "$f")")")
    got=$(identify -format '%wx%h' "$f")
    [ "$got" = "$dir" ] || { echo "FAIL: $f is $got"; failures=$((failures + 1)); }
  done
fi
# The installed CLI runs and says its version.
grep -q '^broadsheet-cli [0-9]' <<<"$("$prefix/usr/bin/broadsheet-cli" --version)" ||
  { echo "FAIL: installed broadsheet-cli --version"; failures=$((failures + 1)); }

if [ "$failures" -ne 0 ]; then
  exit 1
fi
echo "installed ${#expected[@]} expected files under $prefix/usr"
