#!/usr/bin/env bash
# The man page cannot go stale: every command that `broadsheet-cli --help` lists has its own
# .SS section in broadsheet-cli.1, every --option the help text names appears in the page, and
# groff renders the page without a warning. (Here-strings, not pipes, feed grep -q: with
# pipefail, a writer killed by SIGPIPE when grep stops early would fail the check.)
# Usage: check-manpage.sh BROADSHEET_CLI MANPAGE
set -euo pipefail
cli=$1
page=$2

help=$("$cli" --help)
# The page's text with roff's escaped hyphens and font changes undone.
text=$(sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' "$page")

failures=0
commands=$(printf '%s\n' "$help" | sed -n '/^Commands:/,/^$/p' | grep -E '^  [a-z]' | awk '{print $1}')
count=0
for command in $commands; do
  count=$((count + 1))
  if ! grep -qE "^\.SS \"?${command}( |\"|$)" <<<"$text"; then
    echo "FAIL: command '$command' has no .SS section in $page"
    failures=$((failures + 1))
  fi
done
if [ "$count" -lt 10 ]; then
  echo "FAIL: found only $count commands in '$cli --help'; did its layout change?"
  failures=$((failures + 1))
fi

options=$(printf '%s\n' "$help" | grep -oE -- '--[a-z][a-z-]*' | sort -u)
for option in $options; do
  if ! grep -qF -- "$option" <<<"$text"; then
    echo "FAIL: option '$option' from --help is not in $page"
    failures=$((failures + 1))
  fi
done

if command -v groff >/dev/null; then
  warnings=$(LC_ALL=C.UTF-8 groff -man -Tutf8 -ww -z "$page" 2>&1 || true)
  if [ -n "$warnings" ]; then
    echo "FAIL: groff warns about $page:"
    echo "$warnings"
    failures=$((failures + 1))
  fi
fi

echo "$count commands and $(printf '%s\n' "$options" | wc -l) options checked against $page"
if [ "$failures" -ne 0 ]; then
  echo "$failures problem(s)"
  exit 1
fi
