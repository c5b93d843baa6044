#!/usr/bin/env bash
# Screenshots of the desktop app under Xvfb on a fresh temporary profile: the app's hidden
# --screenshot-tour option (ui/ScreenshotTour) opens an English article, a Chinese one, a
# search, the add-feed dialog and the dark theme, and saves one PNG each into OUT_DIR.
# The profile gets the app's first-run demo content; a build without it (no --no-first-run
# option) gets the stand-in feed in packaging/screenshot-content, served on 127.0.0.1 and
# synced with broadsheet-cli (next to BROADSHEET, or on PATH).
# Usage: screenshots.sh [BROADSHEET] [OUT_DIR]   (defaults build/default/ui/broadsheet,
#        build/screenshots; /usr/bin/broadsheet for an installed package)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
app=${1:-build/default/ui/broadsheet}
out=${2:-build/screenshots}
command -v xvfb-run >/dev/null || { echo "screenshots: xvfb-run missing (package xvfb)" >&2; exit 1; }
[ -x "$app" ] || { echo "screenshots: $app is not an executable" >&2; exit 1; }

cli=""
for candidate in "$(dirname "$app")/../app/broadsheet-cli" "$(dirname "$app")/broadsheet-cli" \
  "$(command -v broadsheet-cli || true)"; do
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then
    cli=$candidate
    break
  fi
done

work=$(mktemp -d)
server_pid=""
cleanup() {
  [ -z "$server_pid" ] || kill "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
profile="$work/profile"
mkdir -p "$profile" "$out"
rm -f "$out"/*.png

if QT_QPA_PLATFORM=offscreen "$app" --help 2>/dev/null | grep -q -- '--no-first-run'; then
  echo "screenshots: the app's first-run demo content fills the profile"
else
  [ -n "$cli" ] || { echo "screenshots: broadsheet-cli not found to fill the profile" >&2; exit 1; }
  echo "screenshots: no first-run demo in this build; syncing the stand-in feed"
  port_file="$work/port"
  python3 - "$here/screenshot-content" "$port_file" <<'PY' &
import functools, http.server, sys
handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=sys.argv[1])
handler.log_message = lambda *a: None
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
open(sys.argv[2], "w").write(str(server.server_address[1]))
server.serve_forever()
PY
  server_pid=$!
  for _ in $(seq 50); do [ -s "$port_file" ] && break; sleep 0.1; done
  url="http://127.0.0.1:$(cat "$port_file")/feed.xml"
  "$cli" --profile "$profile" add-feed "$url" >/dev/null
  id=$("$cli" --profile "$profile" feeds --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
  "$cli" --profile "$profile" feed-set "$id" --full-text off >/dev/null
  "$cli" --profile "$profile" sync
  kill "$server_pid"
  server_pid=""
fi

export LC_ALL=C.UTF-8 QT_QPA_PLATFORM=xcb XDG_RUNTIME_DIR="$work/xdg"
mkdir -p -m 700 "$XDG_RUNTIME_DIR"
if [ "$(id -u)" = 0 ]; then
  export QTWEBENGINE_DISABLE_SANDBOX=1 # Chromium cannot sandbox its renderer for root
fi
status=0
xvfb-run -a -s '-screen 0 1280x800x24' \
  "$app" --profile "$profile" --screenshot-tour "$out" || status=$?

echo "screenshots in $out:"
ls -l "$out"
[ -s "$out/main-window.png" ] || { echo "screenshots: main-window.png missing" >&2; exit 1; }
exit "$status"
