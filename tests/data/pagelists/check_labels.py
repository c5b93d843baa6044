#!/usr/bin/env python3
"""Sanity check for the page-list test set (tests/data/pagelists).

Checks every labels-*.json in this folder:
  - the JSON parses and each entry has the expected fields and types;
  - the page file exists and decodes strictly in its declared encoding (for the
    legacy CJK encodings also the same way as the browser's superset codec);
  - every labelled item URL is the href of some <a> in the page, resolved the way a
    browser does (page URL, then the first <base href>);
  - every title occurs in the page (as text or as an attribute value);
  - item URLs are unique, published is null or a valid YYYY-MM-DD not after "now",
    no_list is true exactly when there are no items;
  - no file is labelled twice and every .html file here is labelled.

Usage: python3 check_labels.py   (exit status 1 when something is wrong)
"""
import datetime
import glob
import html
import json
import os
import re
import sys
from html.parser import HTMLParser
from urllib.parse import urljoin

HERE = os.path.dirname(os.path.abspath(__file__))

# How browsers decode these labels: the WHATWG encodings are supersets of Python's codecs.
SUPERSET = {"gbk": "gb18030", "gb2312": "gb18030", "big5": "cp950", "shift_jis": "cp932",
            "euc-kr": "cp949", "euc_kr": "cp949"}
FIELDS = {"file": str, "url": str, "encoding": str, "style": str, "split": str, "now": str,
          "no_list": bool, "items": list}


class Links(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.base = None
        self.hrefs = []
        self.texts = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "base" and self.base is None and a.get("href") is not None:
            self.base = a["href"].strip()
        if tag == "a" and a.get("href") is not None:
            self.hrefs.append(a["href"].strip())
        for _, v in attrs:
            if v:
                self.texts.append(v)

    def handle_data(self, data):
        self.texts.append(data)


def norm(s):
    return re.sub(r"\s+", " ", html.unescape(s)).strip()


def check_entry(e, errors):
    name = e.get("file", "?")

    def err(msg):
        errors.append(f"{name}: {msg}")

    for k, t in FIELDS.items():
        if not isinstance(e.get(k), t):
            err(f"field {k!r} missing or not {t.__name__}")
            return
    if e["split"] not in ("dev", "check"):
        err(f"split {e['split']!r}")
    try:
        now = datetime.datetime.fromisoformat(e["now"].replace("Z", "+00:00"))
        if now.tzinfo is None:
            err("now has no UTC offset")
    except ValueError:
        err(f"now {e['now']!r} is not ISO 8601")
        return
    path = os.path.join(HERE, e["file"])
    if not os.path.exists(path):
        err("file missing")
        return
    raw = open(path, "rb").read()
    enc = e["encoding"].lower()
    try:
        text = raw.decode(enc)
    except (LookupError, UnicodeDecodeError) as x:
        err(f"does not decode as {enc}: {x}")
        return
    sup = SUPERSET.get(enc)
    if sup and raw.decode(sup, errors="replace") != text:
        err(f"decodes differently as {enc} and {sup} (browser)")

    p = Links()
    p.feed(text)
    p.close()
    base = urljoin(e["url"], p.base) if p.base is not None else e["url"]
    resolved = {urljoin(base, h) for h in p.hrefs}
    alltext = norm(" ".join(p.texts))

    if e["no_list"] != (len(e["items"]) == 0):
        err("no_list must be true exactly when items is empty")
    seen = set()
    for i, it in enumerate(e["items"]):
        u, t, d = it.get("url"), it.get("title"), it.get("published", "missing")
        if not isinstance(u, str) or not isinstance(t, str) or not t.strip():
            err(f"item {i}: url/title missing")
            continue
        if u in seen:
            err(f"item {i}: duplicate url {u}")
        seen.add(u)
        if u not in resolved:
            err(f"item {i}: url not an href in the page: {u}")
        if norm(t) not in alltext:
            err(f"item {i}: title not found in the page: {t}")
        if d is not None:
            try:
                day = datetime.date.fromisoformat(d)
                if day > now.date():
                    err(f"item {i}: published {d} after now")
            except (TypeError, ValueError):
                err(f"item {i}: published {d!r} is not YYYY-MM-DD or null")
    return len(e["items"])


def main():
    errors, labelled, total = [], {}, 0
    files = sorted(glob.glob(os.path.join(HERE, "labels-*.json")))
    if not files:
        print("no labels-*.json found")
        return 1
    for lf in files:
        try:
            entries = json.load(open(lf, encoding="utf-8"))
        except ValueError as x:
            errors.append(f"{os.path.basename(lf)}: JSON does not parse: {x}")
            continue
        for e in entries:
            f = e.get("file")
            if f in labelled:
                errors.append(f"{f}: labelled in {labelled[f]} and {os.path.basename(lf)}")
            labelled[f] = os.path.basename(lf)
            total += check_entry(e, errors) or 0
    for h in sorted(glob.glob(os.path.join(HERE, "*.html"))):
        if os.path.basename(h) not in labelled:
            errors.append(f"{os.path.basename(h)}: not labelled")
    for m in errors:
        print("ERROR", m)
    print(f"{len(labelled)} pages, {total} items, {len(errors)} problems")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
