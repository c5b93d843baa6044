// Search benchmark: builds a synthetic profile through ArticleStore (the index maintained on
// insert), then times queries through SearchQuery + SearchEngine (top 50 by bm25, with
// snippets) on a read-only connection, next to the LIKE '%word%' scan over title and text that
// RSS Guard and QuiteRSS run, in the same process on the same file.
//
//   bench_search [N] [--summaries] [--queries Q] [--like-queries L] [--keep DIR]
//
//   N             articles (default 100000)
//   --summaries   title + ~50-word summary per article (the 1,000,000-article shape);
//                 default: title + ~300-word body
//   --queries Q   queries per class for the index (default 200)
//   --like-queries L   queries per class for the LIKE scan (default 30; each scans everything)
//   --keep DIR    build the profile in DIR and keep it (default: a temporary folder); an
//                 existing profile there with N articles is reused
//   --no-snippets time the queries without snippet()
//   --related R   related-stories lookups for R random articles (default 200; 0 skips)
//   --slowest K   also print the K slowest queries of each class with their times
//   --query TEXT  time only this query (20 runs, top 50 with snippets) on the profile and stop
//
// Reports: text bytes indexed vs index bytes (dbstat when available), insert throughput with the
// index maintained, a full rebuild of the index, p50/p95 per query class, and p50/p95 of
// RelatedStories::related (top 10) for random articles.

#include "SearchCorpus.h"
#include "search/RelatedStories.h"
#include "search/SearchEngine.h"
#include "search/SearchQuery.h"
#include "store/ArticleStore.h"
#include "store/Database.h"
#include "store/FeedStore.h"
#include "store/SqlQuery.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace bs;

namespace
{

constexpr int kBatch = 1000;

struct Latency {
    double p50 = 0, p95 = 0, mean = 0;
    double hitsMean = 0;
};

Latency summarize(std::vector<double> ms, double hits)
{
    Latency l;
    if (ms.empty())
        return l;
    std::sort(ms.begin(), ms.end());
    l.p50 = ms[ms.size() / 2];
    l.p95 = ms[std::min(ms.size() - 1, size_t(ms.size() * 0.95))];
    for (double v : ms)
        l.mean += v;
    l.mean /= ms.size();
    l.hitsMean = hits / ms.size();
    return l;
}

qint64 scalar(Database &db, const QString &sql)
{
    SqlQuery q(db);
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

QStringList randomTexts(Database &db, bool chinese, int count, QRandomGenerator &random)
{
    // Documents picked at random among those of the language asked for.
    QStringList out;
    SqlQuery q(db);
    q.prepare(QStringLiteral("SELECT c.text FROM articles a JOIN article_content c ON "
                             "c.article_id = a.id WHERE a.id = ? AND a.language = ?"));
    const qint64 max = scalar(db, QStringLiteral("SELECT max(id) FROM articles"));
    while (out.size() < count) {
        q.bind(qint64(1 + random.bounded(max)))
            .bind(chinese ? QStringLiteral("zh") : QStringLiteral("en"));
        if (q.exec() && q.next())
            out << q.value(0).toString();
        q.finish();
    }
    return out;
}

QString phraseFrom(const QString &text, int words, QRandomGenerator &random)
{
    const QStringList w = text.simplified().split(QLatin1Char(' '));
    const int start = int(random.bounded(qMax(1, int(w.size()) - words)));
    return QLatin1Char('"') + w.mid(start, words).join(QLatin1Char(' ')) + QLatin1Char('"');
}

QString cjkFrom(const QString &text, int characters, QRandomGenerator &random)
{
    QString t = text;
    t.remove(QChar(0x3002));
    t.remove(QLatin1Char(' '));
    const int start = int(random.bounded(qMax(1, int(t.size()) - characters)));
    return t.mid(start, characters);
}

// The words a LIKE scan looks for: the query without quotes; several words must all appear.
QStringList likeWords(const QString &query)
{
    QString q = query;
    q.remove(QLatin1Char('"'));
    if (query.startsWith(QLatin1Char('"')))
        return {q};
    return q.split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int n = 100000;
    int perClass = 200;
    int likePerClass = 30;
    int relatedLookups = 200;
    bool summaries = false;
    bool snippets = true;
    int slowest = 0;
    QString only;
    QString keep;
    const QStringList args = app.arguments().mid(1);
    for (int i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--summaries"))
            summaries = true;
        else if (args[i] == QLatin1String("--no-snippets"))
            snippets = false;
        else if (args[i] == QLatin1String("--queries") && i + 1 < args.size())
            perClass = args[++i].toInt();
        else if (args[i] == QLatin1String("--like-queries") && i + 1 < args.size())
            likePerClass = args[++i].toInt();
        else if (args[i] == QLatin1String("--related") && i + 1 < args.size())
            relatedLookups = args[++i].toInt();
        else if (args[i] == QLatin1String("--query") && i + 1 < args.size())
            only = args[++i];
        else if (args[i] == QLatin1String("--slowest") && i + 1 < args.size())
            slowest = args[++i].toInt();
        else if (args[i] == QLatin1String("--keep") && i + 1 < args.size())
            keep = args[++i];
        else
            n = args[i].toInt();
    }
    if (n <= 0 || perClass <= 0) {
        std::fprintf(stderr, "usage: bench_search [N] [--summaries] [--queries Q] "
                             "[--like-queries L] [--keep DIR]\n");
        return 2;
    }
    const int words = summaries ? 50 : 300;
    const bench::SearchCorpus::Shape shape =
        summaries ? bench::SearchCorpus::Shape::Summaries : bench::SearchCorpus::Shape::Bodies;

    QTemporaryDir tmp;
    const QString dir = keep.isEmpty() ? tmp.path() : keep;
    const QString path = dir + QStringLiteral("/search-bench.sqlite");
    QString error;
    bool reuse = false;
    if (!keep.isEmpty() && QFileInfo::exists(path)) {
        auto db = Database::openReader(path, &error);
        reuse = db && scalar(*db, QStringLiteral("SELECT count(*) FROM articles")) == n;
    }
    if (!reuse) {
        QFile::remove(path);
        QFile::remove(path + QStringLiteral("-wal"));
        QFile::remove(path + QStringLiteral("-shm"));
    }

    // 1. Insert through the store, index maintained.
    double insertSeconds = 0;
    if (!reuse) {
        auto db = Database::openWriter(path, &error);
        if (!db) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        const auto feedId =
            FeedStore(*db).addFeed(Feed{.url = QUrl(QStringLiteral("https://bench.test/feed")),
                                        .title = QStringLiteral("Bench Wire")});
        bench::SearchCorpus corpus;
        ArticleStore store(*db);
        QElapsedTimer timer;
        for (int i = 0; i < n; i += kBatch) {
            QList<Article> batch;
            for (int k = i; k < std::min(n, i + kBatch); ++k)
                batch << corpus.make(*feedId, k, shape, words);
            timer.start();
            if (!store.saveAll(batch)) {
                std::fprintf(stderr, "%s\n", qPrintable(db->lastError()));
                return 1;
            }
            insertSeconds += timer.nsecsElapsed() / 1e9;
            if ((i / kBatch) % 100 == 99)
                std::fprintf(stderr, "  inserted %d\n", i + kBatch);
        }
        SqlQuery q(*db);
        q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    }

    // 2. Sizes, and a full rebuild of the index from the content.
    double rebuildSeconds = 0;
    qint64 textBytes = 0, indexBytes = -1, indexPayload = 0, fileBytes = 0;
    QString indexHow;
    if (!reuse) {
        auto db = Database::openWriter(path, &error);
        if (!db) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        textBytes = scalar(
            *db, QStringLiteral("SELECT sum(length(CAST(title AS BLOB)) + "
                                "length(CAST(author AS BLOB)) + length(CAST(feed AS BLOB)) + "
                                "length(CAST(summary AS BLOB)) + length(CAST(text AS BLOB))) "
                                "FROM article_search_source"));
        QElapsedTimer timer;
        timer.start();
        SqlQuery q(*db);
        if (!q.exec(QStringLiteral("INSERT INTO article_fts(article_fts) VALUES ('rebuild')"))) {
            std::fprintf(stderr, "rebuild: %s\n", qPrintable(q.errorText()));
            return 1;
        }
        rebuildSeconds = timer.nsecsElapsed() / 1e9;
        q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        indexBytes = scalar(*db, QStringLiteral("SELECT sum(pgsize) FROM dbstat WHERE name LIKE "
                                                "'article_fts%'"));
        indexHow = QStringLiteral("pages (dbstat)");
        indexPayload =
            scalar(*db, QStringLiteral("SELECT (SELECT sum(length(block)) FROM article_fts_data) + "
                                       "(SELECT sum(length(sz)) FROM article_fts_docsize) + "
                                       "(SELECT count(*) * 16 FROM article_fts_idx)"));
        fileBytes = QFileInfo(path).size();
    }

    // 3. Queries on a reader.
    auto db = Database::openReader(path, &error);
    if (!db) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    if (!only.isEmpty()) {
        SearchEngine engine(*db);
        const auto query = SearchQuery::parse(only, &error);
        if (!query) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        std::vector<double> ms;
        qsizetype hits = 0;
        QElapsedTimer timer;
        for (int i = 0; i < 20; ++i) {
            SearchOptions o;
            o.limit = 50;
            o.snippets = snippets;
            timer.start();
            const auto result = engine.search(*query, o, &error);
            ms.push_back(timer.nsecsElapsed() / 1e6);
            if (!result) {
                std::fprintf(stderr, "%s\n", qPrintable(error));
                return 1;
            }
            hits = result->size();
        }
        const Latency l = summarize(ms, 0);
        std::printf("%s: %lld hits, p50 %.2f ms, p95 %.2f ms, mean %.2f ms (20 runs)\n",
                    qPrintable(only), qlonglong(hits), l.p50, l.p95, l.mean);
        return 0;
    }
    QRandomGenerator random(99);
    bench::SearchCorpus picker(1234);
    struct QueryClass {
        const char *name;
        QStringList queries;
    };
    std::vector<QueryClass> classes(5);
    classes[0].name = "one English word";
    classes[1].name = "two English words";
    classes[2].name = "English phrase (2-3 words)";
    classes[3].name = "2-char CJK";
    classes[4].name = "3-char CJK";
    const QStringList english = randomTexts(*db, false, perClass, random);
    const QStringList chinese = randomTexts(*db, true, perClass * 2, random);
    for (int i = 0; i < perClass; ++i) {
        classes[0].queries << picker.queryWord();
        classes[1].queries << picker.queryWord() + QLatin1Char(' ') + picker.queryWord();
        classes[2].queries << phraseFrom(english[i], 2 + int(random.bounded(2)), random);
        classes[3].queries << cjkFrom(chinese[i], 2, random);
        classes[4].queries << cjkFrom(chinese[perClass + i], 3, random);
    }

    SearchEngine engine(*db);
    SqlQuery like(*db);
    std::printf("\n%d articles (%s), 10%% Chinese; Zipf-distributed vocabulary\n", n,
                summaries ? "title + ~50-word summary" : "title + ~300-word body");
    if (reuse) {
        std::printf("(profile reused from %s: insert, rebuild and sizes not measured)\n\n",
                    qPrintable(path));
    } else {
        std::printf("text indexed: %.1f MB; index: %.1f MB in %s (%.2fx the text), %.1f MB of "
                    "index payload (%.2fx); database file %.1f MB\n",
                    textBytes / 1e6, indexBytes / 1e6, qPrintable(indexHow),
                    double(indexBytes) / textBytes, indexPayload / 1e6,
                    double(indexPayload) / textBytes, fileBytes / 1e6);
        std::printf("insert with the index maintained (ArticleStore::saveAll, batches of %d): "
                    "%.1f s, %.0f articles/s\n",
                    kBatch, insertSeconds, n / insertSeconds);
        std::printf("index rebuild from content ('rebuild'): %.1f s\n\n", rebuildSeconds);
    }
    std::printf("| %-27s | %7s | %8s | %8s | %9s | %7s | %9s | %9s | %9s |\n", "query class",
                "queries", "p50 ms", "p95 ms", "mean hits", "LIKE n", "LIKE p50", "LIKE p95",
                "p50 ratio");
    std::printf("|-----------------------------|---------|----------|----------|-----------|-----"
                "----|-----------|-----------|-----------|\n");
    for (const QueryClass &c : classes) {
        std::vector<double> ms;
        std::vector<std::pair<double, QString>> timed;
        double hits = 0;
        QElapsedTimer timer;
        for (const QString &text : c.queries) {
            timer.start();
            const auto query = SearchQuery::parse(text, &error);
            if (!query) {
                std::fprintf(stderr, "query %s: %s\n", qPrintable(text), qPrintable(error));
                return 1;
            }
            SearchOptions o;
            o.limit = 50;
            o.snippets = snippets;
            const auto result = engine.search(*query, o, &error);
            if (!result) {
                std::fprintf(stderr, "query %s: %s\n", qPrintable(text), qPrintable(error));
                return 1;
            }
            ms.push_back(timer.nsecsElapsed() / 1e6);
            timed.emplace_back(ms.back(), text);
            hits += result->size();
        }
        const Latency fts = summarize(ms, hits);

        std::vector<double> likeMs;
        double likeHits = 0;
        for (int i = 0; i < std::min(likePerClass, int(c.queries.size())); ++i) {
            const QStringList w = likeWords(c.queries[i]);
            QStringList conditions;
            for (int k = 0; k < w.size(); ++k)
                conditions << QStringLiteral("(a.title LIKE ? OR c.text LIKE ?)");
            timer.start();
            like.prepare(QStringLiteral("SELECT a.id FROM articles a JOIN article_content c ON "
                                        "c.article_id = a.id WHERE ") +
                         conditions.join(QLatin1String(" AND ")) +
                         QStringLiteral(" ORDER BY a.sort_time DESC"));
            for (const QString &word : w) {
                const QString pattern = QLatin1Char('%') + word + QLatin1Char('%');
                like.bind(pattern).bind(pattern);
            }
            if (!like.exec()) {
                std::fprintf(stderr, "LIKE: %s\n", qPrintable(like.errorText()));
                return 1;
            }
            int rows = 0;
            while (like.next())
                ++rows;
            likeMs.push_back(timer.nsecsElapsed() / 1e6);
            likeHits += rows;
        }
        const Latency scan = summarize(likeMs, likeHits);
        std::printf("| %-27s | %7d | %8.2f | %8.2f | %9.1f | %7d | %9.1f | %9.1f | %8.0fx |\n",
                    c.name, int(ms.size()), fts.p50, fts.p95, fts.hitsMean, int(likeMs.size()),
                    scan.p50, scan.p95, fts.p50 > 0 ? scan.p50 / fts.p50 : 0.0);
        std::sort(timed.begin(), timed.end(),
                  [](const auto &a, const auto &b) { return a.first > b.first; });
        for (int k = 0; k < std::min(slowest, int(timed.size())); ++k)
            std::printf("|   %8.2f ms  %s\n", timed[k].first, qPrintable(timed[k].second));
    }
    std::printf("\nIndex queries: parse + SearchEngine::search, top 50 by bm25 (title weighted), "
                "with snippets. LIKE: every matching id over title and text, newest first (what a "
                "reader without an index lists).\n");

    // 4. Related stories for random articles (any language), top 10.
    if (relatedLookups > 0) {
        const qint64 max = scalar(*db, QStringLiteral("SELECT max(id) FROM articles"));
        RelatedStories related(*db);
        std::vector<double> ms, chineseMs;
        double stories = 0;
        SqlQuery lang(*db);
        lang.prepare(QStringLiteral("SELECT language FROM articles WHERE id = ?"));
        QElapsedTimer timer;
        for (int i = 0; i < relatedLookups; ++i) {
            const qint64 id = 1 + random.bounded(max);
            lang.bind(id);
            const bool chineseArticle =
                lang.exec() && lang.next() && lang.value(0).toString() == QLatin1String("zh");
            lang.finish();
            timer.start();
            const auto result = related.related(id, 10, &error);
            const double elapsed = timer.nsecsElapsed() / 1e6;
            if (!result) {
                std::fprintf(stderr, "related %lld: %s\n", id, qPrintable(error));
                return 1;
            }
            ms.push_back(elapsed);
            if (chineseArticle)
                chineseMs.push_back(elapsed);
            stories += result->stories.size();
        }
        const Latency all = summarize(ms, stories);
        const Latency zh = summarize(chineseMs, 0);
        std::printf("\nrelated stories (RelatedStories::related, top 10) for %d random articles: "
                    "p50 %.2f ms, p95 %.2f ms, mean %.2f ms, %.1f stories on average; of them "
                    "%d Chinese: p50 %.2f ms, p95 %.2f ms\n",
                    int(ms.size()), all.p50, all.p95, all.mean, all.hitsMean, int(chineseMs.size()),
                    zh.p50, zh.p95);
    }
    return 0;
}
