#!/usr/bin/env python3
"""Runs the extraction scoring script over a folder of test pages and fails when the mean F1
drops below a floor. Prints the script's summary lines; prints "SKIP: ..." and exits 0 when the
script or the pages are absent (ctest reports a skip)."""
import argparse
import os
import re
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--script", required=True)
    ap.add_argument("--cli", required=True)
    ap.add_argument("--pages", required=True)
    ap.add_argument("--min-f1", type=float, required=True)
    a = ap.parse_args()
    if not os.path.isfile(a.script):
        print(f"SKIP: no scoring script at {a.script}")
        return 0
    if not os.path.isdir(a.pages):
        print(f"SKIP: no test pages at {a.pages}")
        return 0
    r = subprocess.run([sys.executable, a.script, "--cli", a.cli, "--pages", a.pages, "--quiet"],
                       capture_output=True, text=True)
    sys.stdout.write(r.stdout)
    sys.stderr.write(r.stderr)
    if r.returncode != 0:
        print(f"scoring script failed with exit code {r.returncode}")
        return 1
    lines = [l for l in r.stdout.splitlines() if l.strip()]
    m = re.match(r"mean F1 ([0-9.]+)", lines[-1] if lines else "")
    if not m:
        print("no 'mean F1' line in the scoring output")
        return 1
    f1 = float(m.group(1))
    if f1 < a.min_f1:
        print(f"mean F1 {f1:.3f} is below the floor {a.min_f1:.3f}")
        return 1
    print(f"mean F1 {f1:.3f} >= floor {a.min_f1:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
