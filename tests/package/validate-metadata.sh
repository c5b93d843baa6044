#!/usr/bin/env bash
# Validates the desktop entry and the AppStream metainfo with the freedesktop tools, and checks
# that they agree with the build: one application id, the project's version in the releases.
# Exits 77 (ctest: skipped) when neither validator is installed.
# Usage: validate-metadata.sh DESKTOP_FILE METAINFO_FILE APP_ID VERSION
set -euo pipefail
desktop=$1
metainfo=$2
app_id=$3
version=$4

have_desktop=$(command -v desktop-file-validate || true)
have_appstream=$(command -v appstreamcli || true)
if [ -z "$have_desktop" ] && [ -z "$have_appstream" ]; then
  echo "SKIP: neither desktop-file-validate (desktop-file-utils) nor appstreamcli (appstream)"
  exit 77
fi

failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

if [ -n "$have_desktop" ]; then
  out=$(desktop-file-validate "$desktop" 2>&1) || fail "desktop-file-validate: $out"
  [ -z "$out" ] || fail "desktop-file-validate warns: $out"
else
  echo "note: desktop-file-validate missing, desktop entry not validated"
fi
if [ -n "$have_appstream" ]; then
  out=$(appstreamcli validate --no-net "$metainfo" 2>&1) || fail "appstreamcli: $out"
else
  echo "note: appstreamcli missing, metainfo not validated"
fi

[ "$(basename "$desktop")" = "$app_id.desktop" ] || fail "desktop file is not named $app_id.desktop"
grep -qx "Icon=$app_id" "$desktop" || fail "desktop entry's Icon is not $app_id"
grep -q "<id>$app_id</id>" "$metainfo" || fail "metainfo id is not $app_id"
grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo" ||
  fail "metainfo does not launch $app_id.desktop"
grep -q "<release version=\"$version\" date=\"[0-9]\{4\}-[0-9][0-9]-[0-9][0-9]\"" "$metainfo" ||
  fail "metainfo has no release $version with a date"
if grep -q '@[A-Z_]*@' "$metainfo"; then
  fail "metainfo has unconfigured @VARIABLES@"
fi
grep -qx 'Exec=broadsheet %U' "$desktop" || fail "desktop entry does not run 'broadsheet %U'"

if [ "$failures" -ne 0 ]; then
  exit 1
fi
echo "desktop entry and metainfo valid for $app_id $version"
