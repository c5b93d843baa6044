// page-lists next to extract, per page, on the same machine in the same run: the labelled list
// pages in tests/data/pagelists, and (when the shared corpus is there) real pages of the
// trafilatura corpus, whose sizes reach past 300 KB. Prints a table and the medians and p95s;
// the aim is a median of at most 20 ms for a 300 KB page.
//
//   bench_page_lists [--min-ms N] [--real N] [DIR...]

#include "html/Extractor.h"
#include "pages/PageLists.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

namespace
{

// The median time of one call, repeating it for at least minMs (and at least 3 times).
double timeIt(const std::function<void()> &call, int minMs)
{
    std::vector<double> runs;
    QElapsedTimer total;
    total.start();
    while (runs.size() < 3 || total.elapsed() < minMs) {
        QElapsedTimer t;
        t.start();
        call();
        runs.push_back(double(t.nsecsElapsed()) / 1e6);
        if (runs.size() >= 200)
            break;
    }
    std::sort(runs.begin(), runs.end());
    return runs[runs.size() / 2];
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(p * double(v.size() - 1) + 0.5))];
}

struct Row {
    QString name;
    qint64 bytes;
    double lists;
    double extract;
    int found;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    int minMs = 100;
    int real = 120;
    QStringList dirs;
    for (int i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--min-ms") && i + 1 < args.size())
            minMs = args[++i].toInt();
        else if (args[i] == QLatin1String("--real") && i + 1 < args.size())
            real = args[++i].toInt();
        else
            dirs << args[i];
    }
    if (dirs.isEmpty())
        dirs << QStringLiteral(BROADSHEET_PAGELISTS_DIR);
    QStringList files;
    for (const QString &d : dirs)
        for (const QString &f :
             QDir(d).entryList({QStringLiteral("*.html")}, QDir::Files, QDir::Name))
            files << QDir(d).filePath(f);
    const QString corpus = QStringLiteral(BROADSHEET_CORPUS_DIR "/trafilatura/pages");
    QStringList realFiles =
        QDir(corpus).entryList({QStringLiteral("*.html")}, QDir::Files, QDir::Name);
    // An even spread over the corpus, not its first pages.
    QStringList chosen;
    for (int i = 0; i < realFiles.size() && real > 0;
         i += std::max<int>(1, int(realFiles.size()) / real))
        chosen << QDir(corpus).filePath(realFiles[i]);

    QTextStream out(stdout);
    std::vector<Row> rows;
    const QUrl url(QStringLiteral("https://www.example.org/section/"));
    for (const QString &path : files + chosen) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = f.readAll();
        int found = 0;
        const double lists =
            timeIt([&] { found = int(bs::findPageLists(bytes, url).lists.size()); }, minMs);
        const double extract = timeIt([&] { bs::extractArticle(bytes, url); }, minMs);
        rows.push_back({QFileInfo(path).fileName(), bytes.size(), lists, extract, found});
    }
    out << QStringLiteral("%1 %2 %3 %4 %5\n")
               .arg(QStringLiteral("page"), -44)
               .arg(QStringLiteral("KB"), 6)
               .arg(QStringLiteral("page-lists ms"), 14)
               .arg(QStringLiteral("extract ms"), 11)
               .arg(QStringLiteral("ratio"), 6);
    for (const Row &r : rows)
        out << QStringLiteral("%1 %2 %3 %4 %5\n")
                   .arg(r.name.left(44), -44)
                   .arg(double(r.bytes) / 1024, 6, 'f', 0)
                   .arg(r.lists, 14, 'f', 2)
                   .arg(r.extract, 11, 'f', 2)
                   .arg(r.lists / std::max(r.extract, 1e-6), 6, 'f', 2);
    const auto summary = [&](const QString &label, const std::function<bool(const Row &)> &keep) {
        std::vector<double> l, e;
        for (const Row &r : rows)
            if (keep(r)) {
                l.push_back(r.lists);
                e.push_back(r.extract);
            }
        if (l.empty())
            return;
        out << QStringLiteral("%1 pages %2: page-lists median %3 ms p95 %4 ms | extract median "
                              "%5 ms p95 %6 ms | ratio of medians %7\n")
                   .arg(label, -26)
                   .arg(l.size(), 4)
                   .arg(percentile(l, 0.5), 0, 'f', 2)
                   .arg(percentile(l, 0.95), 0, 'f', 2)
                   .arg(percentile(e, 0.5), 0, 'f', 2)
                   .arg(percentile(e, 0.95), 0, 'f', 2)
                   .arg(percentile(l, 0.5) / std::max(percentile(e, 0.5), 1e-6), 0, 'f', 2);
    };
    const int own = int(files.size());
    int index = 0;
    std::vector<bool> isOwn;
    for (const Row &r : rows) {
        Q_UNUSED(r);
        isOwn.push_back(index++ < own);
    }
    index = 0;
    summary(QStringLiteral("labelled list pages"),
            [&](const Row &) { return isOwn[size_t(index++)]; });
    index = 0;
    summary(QStringLiteral("real pages (trafilatura)"),
            [&](const Row &) { return !isOwn[size_t(index++)]; });
    summary(QStringLiteral("pages of 200-400 KB"),
            [](const Row &r) { return r.bytes >= 200 * 1024 && r.bytes <= 400 * 1024; });
    out << "Aim: page-lists median <= 20 ms for a 300 KB page." << Qt::endl;
    return 0;
}
