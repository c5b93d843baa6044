// Times Mozilla Readability on a folder of test pages, in-process, the way bench_extract times
// ours: per page, JSDOM construction (the HTML parse) + new Readability(doc).parse(), after one
// warm-up run, repeated until at least --min-ms have passed and --min-reps runs were made; the
// page's time is the mean of those runs. Prints one JSON object on stdout:
//   {"tool": "...", "pages": [{"name": "...", "ms": 1.23, "reps": 40, "ok": true}, ...]}
//
//   node bench-readability.js PAGES_DIR [--url URL] [--min-ms 200] [--min-reps 5] [--only a,b]
//
// Dependencies come from node_modules beside the script or from NODE_PATH (the benchmark
// installs them in the build folder; see install.sh).
"use strict";
const fs = require("fs");
const path = require("path");
const { JSDOM } = require("jsdom");
const { Readability } = require("@mozilla/readability");

function parseArgs(argv) {
  const a = { pages: null, url: "http://fakehost/test/page.html", minMs: 200, minReps: 5, only: null };
  for (let i = 0; i < argv.length; ++i) {
    const v = argv[i];
    if (v === "--url") a.url = argv[++i];
    else if (v === "--min-ms") a.minMs = Number(argv[++i]);
    else if (v === "--min-reps") a.minReps = Number(argv[++i]);
    else if (v === "--only") a.only = new Set(argv[++i].split(","));
    else a.pages = v;
  }
  if (!a.pages) {
    process.stderr.write("usage: bench-readability.js PAGES_DIR [--url URL] [--min-ms N] [--min-reps N]\n");
    process.exit(2);
  }
  return a;
}

function extractOnce(html, url) {
  const dom = new JSDOM(html, { url });
  const article = new Readability(dom.window.document).parse();
  return { dom, article };
}

function version(name) {
  try {
    return require(name + "/package.json").version;
  } catch (e) {
    return "?";
  }
}

function main() {
  const a = parseArgs(process.argv.slice(2));
  const names = fs
    .readdirSync(a.pages)
    .filter((n) => fs.existsSync(path.join(a.pages, n, "source.html")))
    .filter((n) => !a.only || a.only.has(n))
    .sort();
  const pages = [];
  for (const name of names) {
    const html = fs.readFileSync(path.join(a.pages, name, "source.html"), "utf8");
    // Warm-up (JIT, lazy module loading); not timed.
    let { dom, article } = extractOnce(html, a.url);
    dom.window.close();
    const ok = !!(article && article.content);
    let reps = 0;
    let totalNs = 0n;
    while (reps < a.minReps || Number(totalNs) / 1e6 < a.minMs) {
      const t0 = process.hrtime.bigint();
      const r = extractOnce(html, a.url);
      totalNs += process.hrtime.bigint() - t0;
      r.dom.window.close(); // frees the window; not part of the timed work
      ++reps;
    }
    pages.push({ name, ms: Number(totalNs) / 1e6 / reps, reps, ok });
  }
  const tool = `node ${process.version}, @mozilla/readability ${version("@mozilla/readability")}, jsdom ${version("jsdom")}`;
  process.stdout.write(JSON.stringify({ tool, pages }) + "\n");
}

main();
