// The search ranking on real profiles: bs_bm25 (SearchRank.h) against SQLite's own bm25 on the
// same index, SearchEngine's scores (including the one-phrase path that applies the IDF after
// ranking), the document-frequency estimate above the counting cap, and the window of newest
// candidates a very common query is ranked in. The articles are generated here.
#include "search/SearchEngine.h"
#include "search/SearchQuery.h"
#include "store/ArticleStore.h"
#include "store/Database.h"
#include "store/FeedStore.h"
#include "store/SqlQuery.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace bs;

namespace
{

const char *const kWords[] = {"harbour", "council", "budget", "river",   "festival",
                              "railway", "summit",  "museum", "weather", "market"};

QString sentence(int seed, int words)
{
    QString s;
    for (int i = 0; i < words; ++i)
        s += QLatin1String(kWords[(seed * 7 + i * (seed % 5 + 1)) % std::size(kWords)]) +
             QLatin1Char(' ');
    return s.trimmed();
}

const char kBuiltin[] = "bm25(article_fts, 10.0, 4.0, 1.0, 2.0, 1.0)";

} // namespace

class TestSearchRank : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    std::unique_ptr<Database> create(const QString &name, const QList<Article> &articles)
    {
        QString error;
        const QString path = m_dir.filePath(name);
        auto writer = Database::openWriter(path, &error);
        if (!writer)
            qFatal("%s", qPrintable(error));
        const auto feed = FeedStore(*writer).addFeed(
            Feed{.url = QUrl(QStringLiteral("https://rank.test/") + name),
                 .title = QStringLiteral("Rank Desk")});
        QList<Article> batch = articles;
        for (Article &a : batch)
            a.feedId = *feed;
        if (!ArticleStore(*writer).saveAll(batch))
            qFatal("%s", qPrintable(writer->lastError()));
        writer.reset();
        auto reader = Database::openReader(path, &error);
        if (!reader)
            qFatal("%s", qPrintable(error));
        return reader;
    }

    static Article article(int i, const QString &title, const QString &body)
    {
        Article a;
        a.guid = QStringLiteral("a%1").arg(i);
        a.url = QUrl(QStringLiteral("https://rank.test/a%1").arg(i));
        a.title = title;
        a.content = QStringLiteral("<p>") + body + QStringLiteral("</p>");
        a.published = QDateTime(QDate(2024, 1, 1), QTime(0, 0), QTimeZone::utc()).addSecs(i * 60);
        return a;
    }

    // rowid -> (builtin bm25, bs_bm25 with the given cap) for a MATCH expression.
    static QHash<qint64, std::pair<double, double>> scores(Database &db, const QString &match,
                                                           int cap)
    {
        SqlQuery q(db);
        const bool ok = q.prepare(
            QStringLiteral("SELECT article_fts.rowid, %1, bs_bm25(article_fts, ?, (SELECT min(id) "
                           "FROM articles), (SELECT max(id) FROM articles), 10.0, 4.0, 1.0, 2.0, "
                           "1.0) FROM article_fts WHERE article_fts MATCH ?")
                .arg(QLatin1String(kBuiltin)));
        if (!ok)
            qFatal("%s", qPrintable(q.errorText()));
        q.bind(cap).bind(match);
        if (!q.exec())
            qFatal("%s", qPrintable(q.errorText()));
        QHash<qint64, std::pair<double, double>> out;
        while (q.next())
            out.insert(q.value(0).toLongLong(), {q.value(1).toDouble(), q.value(2).toDouble()});
        return out;
    }

private slots:
    void equalsBm25BelowTheCap()
    {
        QList<Article> list;
        for (int i = 0; i < 80; ++i)
            list << article(i, sentence(i, 4), sentence(i + 3, 20 + i % 30));
        list << article(80, QStringLiteral("港口 harbour news"),
                        QStringLiteral("青岛港口 the river 港口 market"));
        auto db = create(QStringLiteral("small.sqlite"), list);
        const QStringList matches = {
            QStringLiteral("\"harbour\""), QStringLiteral("\"river\" AND \"summit\""),
            QStringLiteral("\"council budget\""), QStringLiteral("(\"museum\" OR \"港口\")"),
            QStringLiteral("\"railway\" NOT \"weather\"")};
        for (const QString &m : matches) {
            const auto s = scores(*db, m, 2000);
            QVERIFY2(!s.isEmpty(), qPrintable(m));
            for (auto it = s.begin(); it != s.end(); ++it)
                QVERIFY2(std::abs(it->first - it->second) <= 1e-9 * std::abs(it->first) + 1e-12,
                         qPrintable(QStringLiteral("%1: row %2: bm25 %3, bs_bm25 %4")
                                        .arg(m)
                                        .arg(it.key())
                                        .arg(it->first)
                                        .arg(it->second)));
        }
        // SearchEngine's scores are bm25's, negated: for one phrase (IDF applied after the
        // ranking) and for several.
        for (const QString &text : {QStringLiteral("harbour"), QStringLiteral("\"council budget\""),
                                    QStringLiteral("river summit"), QStringLiteral("港口")}) {
            QString error;
            const auto query = SearchQuery::parse(text, &error);
            QVERIFY2(query, qPrintable(error));
            SearchOptions o;
            o.limit = 200;
            const auto hits = SearchEngine(*db).search(*query, o, &error);
            QVERIFY2(hits && !hits->isEmpty(), qPrintable(text + error));
            const auto s = scores(*db, query->ftsMatch(), 2000);
            QCOMPARE(hits->size(), s.size());
            for (const SearchHit &h : *hits) {
                QVERIFY(s.contains(h.id));
                const double expected = -s[h.id].first;
                QVERIFY2(std::abs(h.score - expected) <= 1e-9 * std::abs(expected) + 1e-12,
                         qPrintable(
                             QStringLiteral("%1: %2 vs %3").arg(text).arg(h.score).arg(expected)));
            }
            for (qsizetype i = 1; i < hits->size(); ++i)
                QVERIFY((*hits)[i - 1].score >= (*hits)[i].score);
        }
    }

    void estimatesTheFrequencyAboveTheCap()
    {
        // "plover" in every fourth article: 50 of 200, evenly spread over the rowids.
        QList<Article> list;
        for (int i = 0; i < 200; ++i)
            list << article(i, sentence(i, 3),
                            sentence(i, 12) + (i % 4 == 3 ? QStringLiteral(" plover") : QString()));
        auto db = create(QStringLiteral("spread.sqlite"), list);
        const auto exact = scores(*db, QStringLiteral("\"plover\""), 2000);
        const auto capped = scores(*db, QStringLiteral("\"plover\""), 10);
        QCOMPARE(exact.size(), 50);
        QCOMPARE(capped.size(), 50);
        for (auto it = exact.begin(); it != exact.end(); ++it) {
            QCOMPARE(it->first, it->second); // below the cap: bm25 itself
            const double estimated = capped[it.key()].second;
            // Counted to 10 and extrapolated over the rowid range: within 5% of the truth.
            QVERIFY2(std::abs(estimated - it->first) <= 0.05 * std::abs(it->first),
                     qPrintable(QStringLiteral("%1 vs %2").arg(estimated).arg(it->first)));
        }
    }

    void veryCommonQueriesRankTheNewestWindow()
    {
        // 2,300 articles with the same word in the body; one title hit among the newest and
        // one among the oldest.
        QList<Article> list;
        for (int i = 0; i < 2300; ++i) {
            const bool titleHit = i == 5 || i == 2250;
            list << article(i, titleHit ? QStringLiteral("Kestrel spotted") : sentence(i, 3),
                            sentence(i, 10) + QStringLiteral(" kestrel"));
        }
        auto db = create(QStringLiteral("common.sqlite"), list);
        QString error;
        const auto query = SearchQuery::parse(QStringLiteral("kestrel"), &error);
        QVERIFY(query);
        SearchOptions o;
        o.limit = 50;
        const auto hits = SearchEngine(*db).search(*query, o, &error);
        QVERIFY2(hits, qPrintable(error));
        QCOMPARE(hits->size(), 50);
        SqlQuery q(*db);
        QVERIFY(q.exec(QStringLiteral("SELECT id FROM articles WHERE guid = 'a2250'")) && q.next());
        const qint64 newTitleHit = q.value(0).toLongLong();
        QVERIFY(q.exec(QStringLiteral("SELECT id FROM articles ORDER BY id DESC LIMIT 1 OFFSET "
                                      "1999")) &&
                q.next());
        const qint64 oldestRanked = q.value(0).toLongLong();
        // The title hit among the newest 2,000 matches comes first; everything listed is from
        // that window, best first; the count is not capped.
        QCOMPARE(hits->front().id, newTitleHit);
        QCOMPARE(hits->front().title, QStringLiteral("Kestrel spotted"));
        for (qsizetype i = 0; i < hits->size(); ++i) {
            QVERIFY((*hits)[i].id >= oldestRanked);
            QVERIFY((*hits)[i].score > 0);
            if (i > 0)
                QVERIFY((*hits)[i - 1].score >= (*hits)[i].score);
        }
        QCOMPARE(SearchEngine(*db).count(*query, o, &error), std::optional<qint64>(2300));
        // A query made specific enough reaches the old title hit.
        const auto specific = SearchQuery::parse(QStringLiteral("title:kestrel"), &error);
        QVERIFY(specific);
        const auto titled = SearchEngine(*db).search(*specific, o, &error);
        QVERIFY2(titled, qPrintable(error));
        QCOMPARE(titled->size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestSearchRank)
#include "test_search_rank.moc"
