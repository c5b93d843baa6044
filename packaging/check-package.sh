#!/usr/bin/env bash
# The packaging stage of `make test`: checks the .deb that `make package` built in BUILD_DIR.
#   - desktop-file-validate and appstreamcli validate the desktop entry and the metainfo;
#   - dpkg-deb shows the control fields and the file list, which must hold the FHS tree;
#   - as root (or with password-less sudo) the package is installed with apt-get, the installed
#     broadsheet-cli prints the project's version and works on a fresh profile, the installed
#     broadsheet starts offscreen, and man renders the installed page without warnings;
#   - the package is removed again unless it was installed before or KEEP_PACKAGE=1.
# Any failure stops the stage with a non-zero status.
# Usage: check-package.sh [BUILD_DIR]   (default build/package)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/package}

step() { printf '\n== %s\n' "$*"; }
die() {
  echo "check-package: FAIL: $*" >&2
  exit 1
}

version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")
app_id=$(sed -n 's/^set(BROADSHEET_APP_ID "\(.*\)")$/\1/p' CMakeLists.txt)
[ -n "$version" ] || die "no project version in $build/CMakeCache.txt (run make package)"
[ -n "$app_id" ] || die "no BROADSHEET_APP_ID in CMakeLists.txt"
arch=$(dpkg --print-architecture)
deb="$build/broadsheet_${version}_${arch}.deb"
[ -f "$deb" ] || die "$deb is missing (run make package)"

step "validate the desktop entry and the metainfo"
command -v desktop-file-validate >/dev/null || die "desktop-file-validate missing (desktop-file-utils)"
command -v appstreamcli >/dev/null || die "appstreamcli missing (appstream)"
bash tests/package/validate-metadata.sh "packaging/$app_id.desktop" \
  "$build/packaging/$app_id.metainfo.xml" "$app_id" "$version"

step "dpkg-deb -I $deb"
dpkg-deb -I "$deb"
[ "$(dpkg-deb -f "$deb" Package)" = broadsheet ] || die "package name"
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || die "package version is not $version"
[ "$(dpkg-deb -f "$deb" Section)" = web ] || die "section is not web"
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libqt6core6 libqt6widgets6 libqt6webenginewidgets6 libqt6webenginecore6-bin \
  libsqlite3-0 libqt6sql6-sqlite; do
  case "$depends" in *"$lib"*) ;; *) die "Depends lacks $lib (dpkg-shlibdeps): $depends" ;; esac
done

step "dpkg-deb -c $deb"
listing=$(dpkg-deb -c "$deb")
echo "$listing"
for path in ./usr/bin/broadsheet ./usr/bin/broadsheet-cli \
  "./usr/share/applications/$app_id.desktop" "./usr/share/metainfo/$app_id.metainfo.xml" \
  "./usr/share/icons/hicolor/scalable/apps/$app_id.svg" \
  "./usr/share/icons/hicolor/48x48/apps/$app_id.png" \
  ./usr/share/man/man1/broadsheet-cli.1.gz ./usr/share/doc/broadsheet/copyright \
  ./usr/share/doc/broadsheet/changelog.gz; do
  grep -qF " $path" <<<"$listing" || die "$path is not in the package"
done

if command -v lintian >/dev/null; then
  step "lintian (informational)"
  lintian --tag-display-limit 0 "$deb" || true
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
  else
    step "install: SKIPPED (not root and no password-less sudo; run as root to check it)"
    exit 0
  fi
fi

step "apt-get install ./$deb"
was_installed=0
if [ "$(dpkg-query -W -f='${Status}' broadsheet 2>/dev/null || true)" = "install ok installed" ]; then
  was_installed=1
fi
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --allow-downgrades "./$deb"
cleanup() {
  if [ "$was_installed" = 0 ] && [ "${KEEP_PACKAGE:-0}" != 1 ]; then
    echo "removing the test installation (KEEP_PACKAGE=1 keeps it)"
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get remove -y -qq broadsheet >/dev/null || true
  fi
}
trap cleanup EXIT
[ "$(dpkg-query -W -f='${Version}' broadsheet)" = "$version" ] || die "installed version"

step "/usr/bin/broadsheet-cli --version"
out=$(/usr/bin/broadsheet-cli --version)
echo "$out"
[ "$out" = "broadsheet-cli $version" ] || die "broadsheet-cli --version says '$out', not $version"

step "installed broadsheet-cli on a fresh profile"
profile=$(mktemp -d)
trap 'rm -rf "$profile"; cleanup' EXIT
/usr/bin/broadsheet-cli --profile "$profile" config sync.interval_minutes 45 >/dev/null
grep -q '^sync.interval_minutes = 45' \
  <<<"$(/usr/bin/broadsheet-cli --profile "$profile" config sync.interval_minutes)" ||
  die "the installed CLI did not keep a setting"
[ "$(/usr/bin/broadsheet-cli --profile "$profile" feeds --json | tr -d ' \n')" = '[]' ] ||
  die "the installed CLI did not list the fresh profile's (no) feeds"
[ -f "$profile/broadsheet.sqlite" ] || die "no database in the fresh profile"

step "QT_QPA_PLATFORM=offscreen /usr/bin/broadsheet --version"
out=$(QT_QPA_PLATFORM=offscreen /usr/bin/broadsheet --version)
echo "$out"
grep -q "$version" <<<"$out" || die "broadsheet --version says '$out', not $version"

step "man -l /usr/share/man/man1/broadsheet-cli.1.gz"
for page in broadsheet-cli broadsheet; do
  warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "/usr/share/man/man1/$page.1.gz" 2>&1 >/dev/null || true)
  [ -z "$warnings" ] || die "man warns about $page.1: $warnings"
done
LC_ALL=C.UTF-8 MANWIDTH=80 man -l /usr/share/man/man1/broadsheet-cli.1.gz | head -5

step "the installed app on a fresh profile under Xvfb (screenshots in $build/screenshots)"
if command -v xvfb-run >/dev/null; then
  bash packaging/screenshots.sh /usr/bin/broadsheet "$build/screenshots"
else
  echo "SKIPPED: xvfb-run missing (package xvfb)"
fi

step "packaging checks passed for broadsheet $version"
