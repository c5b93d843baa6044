#!/usr/bin/env python3
"""Scores broadsheet-cli page-lists against labelled list pages.

Each labels file is a JSON array of {file, url, now, split, no_list, items: [{url, published}]}
(file relative to the labels file's folder, or absolute). For each page the first list of
`page-lists FILE --url URL --now NOW --json` is compared with the labelled main list: item URLs
micro-averaged over pages (precision, recall, F1), and for labelled items that show a date, the
share whose `published` has the same day. A page labelled no_list passes when page-lists refuses
it (exit 1). Prints one line per page with --show, then a summary line per split:

  split: pages N lists P R F1 dates D/T (x%) no-list k/n failures f

--min-* floors make the exit status 1 when the scored split falls below them.
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


def run(cli, path, page):
    args = [cli, "page-lists", path, "--url", page["url"], "--json"]
    if page.get("now"):
        args += ["--now", page["now"]]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    try:
        p = subprocess.run(args, capture_output=True, timeout=60, env=env)
    except subprocess.TimeoutExpired:
        return None, "timeout"
    if p.returncode != 0:
        return None, p.stderr.decode("utf-8", "replace").strip()
    try:
        return json.loads(p.stdout.decode("utf-8")), ""
    except ValueError as e:
        return None, "bad JSON: %s" % e


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--labels", nargs="+", required=True, help="labels files or globs")
    ap.add_argument("--split", default="all", help="dev, check or all")
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--min-precision", type=float, default=0)
    ap.add_argument("--min-recall", type=float, default=0)
    ap.add_argument("--min-dates", type=float, default=0)
    ap.add_argument("--min-nolist", type=float, default=0)
    a = ap.parse_args()

    pages = []
    for pattern in a.labels:
        for path in sorted(glob.glob(pattern)):
            base = os.path.dirname(os.path.abspath(path))
            for page in json.load(open(path, encoding="utf-8")):
                page["path"] = page["file"] if os.path.isabs(page["file"]) else os.path.join(base, page["file"])
                pages.append(page)
    if not pages:
        print("SKIP: no labelled pages found")
        return 0
    chosen = [p for p in pages if a.split == "all" or p.get("split") == a.split]
    tp = fp = fn = 0
    dates_ok = dates_all = 0
    nolist_ok = nolist_all = 0
    failures = 0
    for page in chosen:
        result, error = run(a.cli, page["path"], page)
        name = os.path.basename(page["path"])
        if page.get("no_list"):
            nolist_all += 1
            refused = result is None and error and error != "timeout"
            nolist_ok += bool(refused)
            if a.show:
                print("%-34s no-list %s%s" % (name, "refused" if refused else "LISTED",
                                              "" if refused else " " + (result[0]["selector"] if result else error)))
            continue
        want = {norm(i["url"]): i for i in page["items"]}
        got = {}
        selector = ""
        if result:
            selector = result[0]["selector"]
            for item in result[0]["items"]:
                got.setdefault(norm(item["url"]), item)
        else:
            failures += 1
        t = len(set(want) & set(got))
        tp += t
        fp += len(set(got) - set(want))
        fn += len(set(want) - set(got))
        d_ok = d_all = 0
        for u, label in want.items():
            if not label.get("published") or u not in got:
                continue
            d_all += 1
            d_ok += (got[u].get("published") or "")[:10] == label["published"]
        dates_ok += d_ok
        dates_all += d_all
        if a.show:
            print("%-34s P %.2f R %.2f dates %d/%d  %s%s" % (
                name, t / len(got) if got else 0, t / len(want) if want else 0, d_ok, d_all,
                selector, "" if result else "FAILED: " + error))
    precision = tp / (tp + fp) if tp + fp else 0
    recall = tp / (tp + fn) if tp + fn else 0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0
    dates = dates_ok / dates_all if dates_all else 1
    nolist = nolist_ok / nolist_all if nolist_all else 1
    print("%s: pages %d lists P %.3f R %.3f F1 %.3f dates %d/%d (%.1f%%) no-list %d/%d failures %d" % (
        a.split, len(chosen), precision, recall, f1, dates_ok, dates_all, 100 * dates, nolist_ok,
        nolist_all, failures))
    below = precision < a.min_precision or recall < a.min_recall or dates < a.min_dates or nolist < a.min_nolist
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main())
