// Extraction benchmark: the time to read the article out of each of the Readability test pages
// (parse + extract through bs::extractArticle, in-process), next to Mozilla Readability + jsdom
// on the same pages under node (JSDOM construction + new Readability(doc).parse(), in-process,
// timed the same way by readability-js/bench-readability.js), in the same run.
//
//   bench_extract [--pages DIR] [--js DIR] [--min-ms M] [--min-reps R] [--no-js] [--verbose]
//
//   --pages DIR   the test pages (default ${BROADSHEET_CORPUS_DIR}/readability/test-pages);
//                 every sub-folder with a source.html is one page
//   --js DIR      where readability-js/install.sh put node_modules (default: the build folder's
//                 tests/bench/readability-js); the JS side is skipped with a message when node
//                 or the modules are missing
//   --min-ms M    per page, repeat until at least M ms were spent (default 200) ...
//   --min-reps R  ... and at least R runs were made (default 5), after one untimed warm-up
//   --verbose     print every page's times
//
// A page's time is the mean of its timed runs; the table gives the median, p95 and mean of those
// per-page times, for each side, and the ratio (Readability.js / ours).

#include "html/Extractor.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>

#include <algorithm>
#include <cstdio>
#include <map>

using namespace bs;

namespace
{

const QUrl kPageUrl(QStringLiteral("http://fakehost/test/page.html"));

struct Stats {
    double median = 0, p95 = 0, mean = 0;
    int count = 0;
};

Stats summarize(std::vector<double> v)
{
    Stats s;
    if (v.empty())
        return s;
    std::sort(v.begin(), v.end());
    s.count = int(v.size());
    s.median = v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
    s.p95 = v[std::min(v.size() - 1, size_t(double(v.size()) * 0.95))];
    for (double x : v)
        s.mean += x;
    s.mean /= double(v.size());
    return s;
}

struct Page {
    QString name;
    QByteArray bytes;
};

QList<Page> loadPages(const QString &dir)
{
    QList<Page> pages;
    const QStringList names = QDir(dir).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &name : names) {
        QFile f(dir + QLatin1Char('/') + name + QStringLiteral("/source.html"));
        if (f.open(QIODevice::ReadOnly))
            pages.append({name, f.readAll()});
    }
    return pages;
}

// Mean milliseconds per run of extractArticle over one page.
double timeOurs(const Page &page, double minMs, int minReps, bool *ok)
{
    const ExtractedArticle warm = extractArticle(page.bytes, kPageUrl); // untimed warm-up
    *ok = warm.ok() && !warm.text.isEmpty();
    qint64 totalNs = 0;
    int reps = 0;
    QElapsedTimer t;
    while (reps < minReps || double(totalNs) / 1e6 < minMs) {
        t.start();
        const ExtractedArticle a = extractArticle(page.bytes, kPageUrl);
        totalNs += t.nsecsElapsed();
        ++reps;
        if (a.text.isEmpty() && *ok) // keeps the result alive; never expected
            *ok = false;
    }
    return double(totalNs) / 1e6 / reps;
}

// Runs the node script; page name -> mean ms. Empty with a message in *why when it cannot run.
std::map<QString, double> timeReadabilityJs(const QString &jsDir, const QString &pagesDir,
                                            double minMs, int minReps, QString *tool, QString *why)
{
    std::map<QString, double> out;
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    if (node.isEmpty()) {
        *why = QStringLiteral("node not found (packaging/install-bench-deps.sh installs it)");
        return out;
    }
    const QString script = jsDir + QStringLiteral("/bench-readability.js");
    if (!QFile::exists(script) || !QDir(jsDir + QStringLiteral("/node_modules/jsdom")).exists() ||
        !QDir(jsDir + QStringLiteral("/node_modules/@mozilla/readability")).exists()) {
        *why = QStringLiteral("no Readability.js tooling in %1 (run tests/bench/readability-js/"
                              "install.sh %1; needs npm)")
                   .arg(jsDir);
        return out;
    }
    QProcess p;
    p.setWorkingDirectory(jsDir);
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p.start(node, {script, pagesDir, QStringLiteral("--url"), kPageUrl.toString(),
                   QStringLiteral("--min-ms"), QString::number(minMs), QStringLiteral("--min-reps"),
                   QString::number(minReps)});
    if (!p.waitForFinished(-1) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *why = QStringLiteral("the node script failed (exit code %1)").arg(p.exitCode());
        return out;
    }
    const QJsonObject o = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    *tool = o.value(QStringLiteral("tool")).toString();
    for (const QJsonValue v : o.value(QStringLiteral("pages")).toArray()) {
        const QJsonObject page = v.toObject();
        out[page.value(QStringLiteral("name")).toString()] =
            page.value(QStringLiteral("ms")).toDouble();
    }
    if (out.empty())
        *why = QStringLiteral("the node script printed no pages");
    return out;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QString pagesDir = QStringLiteral(BROADSHEET_CORPUS_DIR "/readability/test-pages");
    QString jsDir = QStringLiteral(BROADSHEET_READABILITY_JS_DIR);
    double minMs = 200;
    int minReps = 5;
    bool js = true;
    bool verbose = false;
    const QStringList args = app.arguments().mid(1);
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        const bool hasValue = i + 1 < args.size();
        if (a == QLatin1String("--pages") && hasValue)
            pagesDir = args[++i];
        else if (a == QLatin1String("--js") && hasValue)
            jsDir = args[++i];
        else if (a == QLatin1String("--min-ms") && hasValue)
            minMs = args[++i].toDouble();
        else if (a == QLatin1String("--min-reps") && hasValue)
            minReps = qMax(1, args[++i].toInt());
        else if (a == QLatin1String("--no-js"))
            js = false;
        else if (a == QLatin1String("--verbose"))
            verbose = true;
        else {
            std::fprintf(stderr, "usage: bench_extract [--pages DIR] [--js DIR] [--min-ms M] "
                                 "[--min-reps R] [--no-js] [--verbose]\n");
            return 2;
        }
    }

    const QList<Page> pages = loadPages(pagesDir);
    if (pages.isEmpty()) {
        std::printf("SKIP: no test pages (folders with source.html) in %s\n", qPrintable(pagesDir));
        return 0;
    }
    qint64 bytes = 0;
    for (const Page &p : pages)
        bytes += p.bytes.size();
    std::printf("%lld pages, %.1f MB of HTML, from %s\n", qlonglong(pages.size()),
                double(bytes) / 1e6, qPrintable(pagesDir));
    std::printf("per page: one untimed warm-up, then runs until >= %.0f ms and >= %d runs; "
                "a page's time is the mean of its runs\n",
                minMs, minReps);

    std::map<QString, double> ours;
    int failed = 0;
    for (const Page &p : pages) {
        bool ok = false;
        ours[p.name] = timeOurs(p, minMs, minReps, &ok);
        if (!ok)
            ++failed;
    }
    if (failed)
        std::printf("note: %d page(s) gave no text with ours\n", failed);

    std::map<QString, double> theirs;
    QString tool, why;
    if (js)
        theirs = timeReadabilityJs(jsDir, pagesDir, minMs, minReps, &tool, &why);
    else
        why = QStringLiteral("--no-js");

    std::vector<double> oursMs, theirsMs, ratios;
    for (const auto &[name, ms] : ours) {
        oursMs.push_back(ms);
        const auto it = theirs.find(name);
        if (it != theirs.end()) {
            theirsMs.push_back(it->second);
            ratios.push_back(it->second / ms);
        }
        if (verbose)
            std::printf("  %-48s ours %8.3f ms%s\n", qPrintable(name), ms,
                        it != theirs.end()
                            ? qPrintable(QStringLiteral("   Readability.js %1 ms   x%2")
                                             .arg(it->second, 9, 'f', 3)
                                             .arg(it->second / ms, 0, 'f', 1))
                            : "");
    }
    const Stats o = summarize(oursMs), t = summarize(theirsMs), r = summarize(ratios);
    std::printf("\n%-34s %6s %10s %10s %10s\n", "extraction per page (ms)", "pages", "median",
                "p95", "mean");
    std::printf("%-34s %6d %10.3f %10.3f %10.3f\n", "ours (bs::extractArticle)", o.count, o.median,
                o.p95, o.mean);
    if (t.count) {
        std::printf("%-34s %6d %10.3f %10.3f %10.3f\n", "Readability.js + jsdom", t.count, t.median,
                    t.p95, t.mean);
        std::printf("%-34s %6s %9.1fx %9.1fx %9.1fx\n", "ratio (Readability.js / ours)", "",
                    t.median / o.median, t.p95 / o.p95, t.mean / o.mean);
        std::printf("per-page ratio: median %.1fx, slowest-relative page %.1fx\n", r.median,
                    ratios.empty() ? 0.0 : *std::min_element(ratios.begin(), ratios.end()));
        std::printf("Readability.js side: %s\n", qPrintable(tool));
    } else {
        std::printf("Readability.js side skipped: %s\n", qPrintable(why));
    }
    return 0;
}
