#!/usr/bin/env python3
"""Scores the related-stories list of broadsheet-cli extract against labelled pages.

Labels: JSON arrays of {corpus, file, url, split, items: [{url, title}]} where file is relative to
CORPUS_DIR/<corpus>. For each page `extract FILE --url URL --json` is run and its `related` URLs
are compared with the labelled items: URLs micro-averaged (precision, recall, F1), and the pages
where a list was invented (the label has none, the output has one). The summary line:

  split: pages N related P R F1 invented k/n failures f
"""
import argparse
import glob
import json
import os
import subprocess
import sys
from urllib.parse import unquote, urlsplit, urlunsplit


def norm(url):
    parts = urlsplit(unquote(url.strip()))
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query, ""))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--corpus-dir", required=True, help="the folder holding trafilatura/, readability/")
    ap.add_argument("--labels", nargs="+", required=True)
    ap.add_argument("--split", default="all")
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--min-f1", type=float, default=0)
    ap.add_argument("--max-invented-per-40", type=float, default=1e9)
    a = ap.parse_args()
    pages = []
    for pattern in a.labels:
        for path in sorted(glob.glob(pattern)):
            pages += json.load(open(path, encoding="utf-8"))
    chosen = [p for p in pages if a.split == "all" or p.get("split") == a.split]
    if not chosen:
        print("SKIP: no labelled pages")
        return 0
    tp = fp = fn = invented = empty_pages = failures = 0
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for p in chosen:
        path = os.path.join(a.corpus_dir, p["corpus"], p["file"])
        if not os.path.exists(path):
            print("SKIP: %s is absent" % path)
            return 0
        r = subprocess.run([a.cli, "extract", path, "--url", p["url"], "--json"],
                           capture_output=True, timeout=60, env=env)
        got = set()
        if r.returncode == 0:
            try:
                got = {norm(i["url"]) for i in json.loads(r.stdout.decode("utf-8")).get("related", [])}
            except ValueError:
                failures += 1
        else:
            failures += 1
        want = {norm(i["url"]) for i in p["items"]}
        t = len(got & want)
        tp += t
        fp += len(got - want)
        fn += len(want - got)
        if not want:
            empty_pages += 1
            invented += bool(got)
        if a.show:
            print("%-50s want %2d got %2d right %2d" % (p["file"][-50:], len(want), len(got), t))
    precision = tp / (tp + fp) if tp + fp else 0
    recall = tp / (tp + fn) if tp + fn else 0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0
    print("%s: pages %d related P %.3f R %.3f F1 %.3f invented %d/%d failures %d" % (
        a.split, len(chosen), precision, recall, f1, invented, empty_pages, failures))
    per40 = invented * 40.0 / len(chosen)
    return 1 if f1 < a.min_f1 or per40 > a.max_invented_per_40 else 0


if __name__ == "__main__":
    sys.exit(main())
