// A sync of F feeds x I items (default 1,000 x 50, bodies ~80 words, 10% Chinese) served from
// a loopback TestHttpServer on its own thread into a fresh profile, by the SyncEngine on this
// thread (as `broadsheet-cli sync` runs it):
//   1. first sync: every article new: wall time, CPU time (this thread = the engine; the whole
//      process includes the server's thread), articles/s;
//   2. second sync: every feed answers 304: wall time;
// then the engine's CPU stages alone, without network, over the same bodies: parsing every
// body, merging the parsed feeds into another fresh database (FeedMerger: dedupe, content,
// status, FTS index), and the same merge with the FTS table swapped for a plain table, so the
// split of the first sync (parse / merge / FTS indexing / network) can be read off. The table ends
// with the ratios against the aims (first sync <= 20 s, all-304 resync <= 2 s).
//
//   bench_sync [FEEDS [ITEMS]]

#include "LoopbackFeedSite.h"
#include "feeds/FeedParser.h"
#include "store/ArticleStore.h"
#include "store/Database.h"
#include "store/FeedStore.h"
#include "store/SqlQuery.h"
#include "sync/FeedMerger.h"
#include "sync/SyncEngine.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>

#include <cstdio>
#include <sys/resource.h>

using namespace bs;
using namespace bs::test;

namespace
{

double cpuSeconds(int who)
{
    rusage usage{};
    getrusage(who, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

struct Run {
    double wall = 0, engineCpu = 0, processCpu = 0;
    int feeds = 0, errors = 0;
    qint64 added = 0;
};

Run sync(const QString &path)
{
    SyncEngine engine(path);
    Run run;
    QEventLoop loop;
    QObject::connect(
        &engine, &SyncEngine::feedSynced, &loop,
        [&](qint64, const QList<qint64> &added, const QList<qint64> &, const QString &error) {
            run.added += added.size();
            if (!error.isEmpty() && run.errors++ == 0)
                std::fprintf(stderr, "feed error: %s\n", qPrintable(error));
        });
    QObject::connect(&engine, &SyncEngine::finished, &loop, [&](const SyncEngine::Progress &p) {
        run.feeds = p.feedsDone;
        loop.quit();
    });
    QObject::connect(&engine, &SyncEngine::failed, &loop, [&](const QString &error) {
        std::fprintf(stderr, "sync failed: %s\n", qPrintable(error));
        loop.quit();
    });
    const double cpu0 = cpuSeconds(RUSAGE_THREAD), proc0 = cpuSeconds(RUSAGE_SELF);
    QElapsedTimer timer;
    timer.start();
    if (!engine.open())
        return run;
    QMetaObject::invokeMethod(&engine, &SyncEngine::syncAll, Qt::QueuedConnection);
    loop.exec();
    run.wall = double(timer.nsecsElapsed()) / 1e9;
    run.engineCpu = cpuSeconds(RUSAGE_THREAD) - cpu0;
    run.processCpu = cpuSeconds(RUSAGE_SELF) - proc0;
    return run;
}

bool addFeeds(const QString &path, const LoopbackFeedSite &site, int feeds)
{
    QString error;
    auto db = Database::openWriter(path, &error);
    if (!db) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return false;
    }
    FeedStore store(*db);
    // Full-article download off: this measures fetching, parsing and merging feeds (the site's
    // article links name a host that does not exist, so downloads would only measure failures).
    for (int f = 0; f < feeds; ++f)
        if (!store.addFeed(Feed{.url = site.feedUrl(f), .fullText = FullTextMode::Off}))
            return false;
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int feeds = argc > 1 ? std::max(1, atoi(argv[1])) : 1000;
    const int items = argc > 2 ? std::max(1, atoi(argv[2])) : 50;
    LoopbackFeedSite site(LoopbackFeedSite::Shape{.feeds = feeds, .items = items});
    if (!site.start()) {
        std::fprintf(stderr, "cannot listen on 127.0.0.1\n");
        return 1;
    }
    site.prepare();
    qint64 bodyBytes = 0;
    QList<QByteArray> bodies;
    for (int f = 0; f < feeds; ++f) {
        bodies << LoopbackFeedSite::body(site.shape(), f, 0);
        bodyBytes += bodies.last().size();
    }

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broadsheet.sqlite"));
    if (!addFeeds(path, site, feeds))
        return 1;

    const Run first = sync(path);
    const int notModifiedBefore = site.notModified();
    const Run second = sync(path);
    const int notModified = site.notModified() - notModifiedBefore;
    qint64 stored = 0;
    {
        QString error;
        auto db = Database::openReader(path, &error);
        stored = db ? ArticleStore(*db).count({}) : -1;
    }

    // The CPU stages alone, over the same bodies.
    QElapsedTimer timer;
    timer.start();
    QList<ParsedFeed> parsed;
    parsed.reserve(feeds);
    for (int f = 0; f < feeds; ++f) {
        FeedSource source;
        source.url = site.feedUrl(f);
        source.contentType = QStringLiteral("application/rss+xml");
        parsed << parseFeed(bodies.at(f), source);
    }
    const double parseSeconds = double(timer.nsecsElapsed()) / 1e9;

    // Merging alone, into fresh databases: as the store is, and with the FTS table swapped for
    // a plain table of the same columns (what the search index costs is the difference).
    auto mergeAll = [&](const QString &name, bool withIndex, qint64 *merged) -> double {
        const QString mergePath = dir.filePath(name);
        if (!addFeeds(mergePath, site, feeds))
            return -1;
        QString error;
        auto db = Database::openWriter(mergePath, &error);
        if (!withIndex) {
            SqlQuery q(*db);
            if (!q.exec(QStringLiteral("DROP TABLE article_fts")) ||
                !q.exec(QStringLiteral("CREATE TABLE article_fts(article_fts, title, author, "
                                       "feed, summary, text)")))
                return -1;
        }
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QElapsedTimer clock;
        clock.start();
        for (int f = 0; f < feeds; ++f) {
            FetchResult fetch;
            fetch.feedId = f + 1;
            fetch.url = site.feedUrl(f);
            fetch.outcome = FetchResult::Fetched;
            fetch.httpStatus = 200;
            fetch.newValidators.etag = QString::fromLatin1(LoopbackFeedSite::etag(f, 0));
            *merged += FeedMerger(*db).merge(f + 1, fetch, &parsed.at(f), now).added.size();
        }
        return double(clock.nsecsElapsed()) / 1e9;
    };
    qint64 merged = 0, mergedNoIndex = 0;
    const double mergeSeconds = mergeAll(QStringLiteral("merge.sqlite"), true, &merged);
    const double noIndexSeconds =
        mergeAll(QStringLiteral("merge-no-fts.sqlite"), false, &mergedNoIndex);

    const qint64 articles = qint64(feeds) * items;
    std::printf("sync of %d feeds x %d items (%.1f MB of feed XML) over loopback HTTP\n\n", feeds,
                items, double(bodyBytes) / 1e6);
    std::printf("%-34s %10s %12s %13s %12s\n", "", "wall s", "engine CPU s", "process CPU s",
                "articles/s");
    std::printf("%-34s %10.2f %12.2f %13.2f %12.0f\n", "first sync (all new)", first.wall,
                first.engineCpu, first.processCpu, double(first.added) / first.wall);
    std::printf("%-34s %10.2f %12.2f %13.2f %12s\n", "second sync (every feed 304)", second.wall,
                second.engineCpu, second.processCpu, "-");
    std::printf("%-34s %10.2f %12s %13s %12.0f\n", "  parse only (parseFeed)", parseSeconds, "", "",
                double(articles) / parseSeconds);
    std::printf("%-34s %10.2f %12s %13s %12.0f\n", "  merge only (FeedMerger, FTS incl.)",
                mergeSeconds, "", "", double(merged) / mergeSeconds);
    std::printf("%-34s %10.2f %12s %13s %12.0f\n", "  merge without the FTS index", noIndexSeconds,
                "", "", double(mergedNoIndex) / noIndexSeconds);
    std::printf("\nsplit of the first sync's %.1f s (stages measured alone): parse %.1f s "
                "(%.0f%%), merge without index %.1f s (%.0f%%), FTS indexing %.1f s (%.0f%%), "
                "network, HTTP and queueing: the rest, %.1f s\n",
                first.wall, parseSeconds, 100 * parseSeconds / first.wall, noIndexSeconds,
                100 * noIndexSeconds / first.wall, mergeSeconds - noIndexSeconds,
                100 * (mergeSeconds - noIndexSeconds) / first.wall,
                first.wall - parseSeconds - mergeSeconds);
    std::printf("\nfirst sync: %d feeds, %lld new articles, %d errors; stored %lld of %lld\n",
                first.feeds, first.added, first.errors, stored, articles);
    std::printf("second sync: %d feeds, %d answered 304, %lld new, %d errors\n", second.feeds,
                notModified, second.added, second.errors);
    std::printf("\n%-34s %10s %10s %10s\n", "aim", "measured", "aim", "ratio");
    std::printf("%-34s %9.2fs %9.2fs %10.2f\n", "first sync <= 20 s", first.wall, 20.0,
                first.wall / 20.0);
    std::printf("%-34s %9.2fs %9.2fs %10.2f\n", "all-304 resync <= 2 s", second.wall, 2.0,
                second.wall / 2.0);
    const bool ok = first.errors == 0 && second.errors == 0 && stored == articles &&
                    first.feeds == feeds && notModified == feeds && merged == articles &&
                    mergedNoIndex == articles;
    if (!ok)
        std::fprintf(stderr, "the runs did not sync every feed as expected\n");
    return ok ? 0 : 1;
}
