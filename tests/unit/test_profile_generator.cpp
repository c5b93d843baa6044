// The benchmarks' profile generator (tests/bench/ProfileGenerator) on a small real file: what it
// writes is what the app's stores and search read, and its search index matches its content.

#include "ProfileGenerator.h"
#include "html/HtmlText.h"
#include "search/SearchEngine.h"
#include "search/SearchQuery.h"
#include "store/ArticleStore.h"
#include "store/Database.h"
#include "store/FeedStore.h"
#include "store/Migrations.h"
#include "store/SqlQuery.h"
#include "store/StatusStore.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace bs;
using bs::bench::ProfileGenerator;

class TestProfileGenerator : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_path;
    static constexpr int kArticles = 2000;
    static ProfileGenerator::Options options()
    {
        ProfileGenerator::Options o;
        o.articles = kArticles;
        o.feeds = 40;
        o.folders = 4;
        return o;
    }

private slots:
    void initTestCase()
    {
        m_path = m_dir.filePath(QStringLiteral("broadsheet.sqlite"));
        ProfileGenerator generator(options());
        QVERIFY(!generator.reusable(m_path));
        QString error;
        QVERIFY2(generator.generate(m_path, &error), qPrintable(error));
        QVERIFY(!generator.generate(m_path, &error)); // never over an existing file
    }

    void storesReadIt()
    {
        QString error;
        auto db = Database::openReader(m_path, &error);
        QVERIFY2(db, qPrintable(error));
        QCOMPARE(db->schemaVersion(), Migrations::latestVersion());
        FeedStore feeds(*db);
        QCOMPARE(feeds.feeds().size(), 40);
        QCOMPARE(feeds.folders().size(), 4);
        ArticleStore articles(*db);
        QCOMPARE(articles.count({}), qint64(kArticles));
        int expectedUnread = 0, expectedStarred = 0;
        for (qint64 id = 1; id <= kArticles; ++id) {
            expectedUnread += ProfileGenerator::isGeneratedRead(id) ? 0 : 1;
            expectedStarred += ProfileGenerator::isGeneratedStarred(id) ? 1 : 0;
        }
        ArticleQuery unread;
        unread.unreadOnly = true;
        QCOMPARE(articles.count(unread), qint64(expectedUnread));
        StatusStore status(*db);
        QCOMPARE(status.starredCount(), qint64(expectedStarred));
        // Per-feed counts agree with the total and with the one-feed query.
        const auto counts = status.unreadCounts();
        qint64 sum = 0;
        for (auto it = counts.begin(); it != counts.end(); ++it) {
            QCOMPARE(status.unreadCount(it.key()), it.value());
            sum += it.value();
        }
        QCOMPARE(sum, qint64(expectedUnread));
        // Newest first, paging through every article once.
        ArticleQuery page;
        page.limit = 500;
        QSet<qint64> seen;
        qint64 lastTime = std::numeric_limits<qint64>::max();
        while (true) {
            const auto rows = articles.list(page);
            for (const ArticlePageRow &r : rows) {
                QVERIFY(r.sortTime <= lastTime);
                lastTime = r.sortTime;
                seen.insert(r.summary.id);
                QVERIFY(!r.summary.title.isEmpty());
                QVERIFY(!r.summary.author.isEmpty());
            }
            if (rows.size() < page.limit)
                break;
            page.after = std::make_pair(rows.last().sortTime, rows.last().summary.id);
        }
        QCOMPARE(seen.size(), kArticles);
        // Two years of dates.
        const auto newest = articles.article(kArticles), oldest = articles.article(1);
        QVERIFY(newest && oldest);
        QVERIFY(oldest->published.daysTo(newest->published) > 600);
        QVERIFY(!newest->summary.isEmpty());
    }

    void indexedTextIsWhatTheAppWouldIndex()
    {
        QString error;
        auto db = Database::openReader(m_path, &error);
        QVERIFY(db);
        SqlQuery q(*db);
        QVERIFY(q.exec(QStringLiteral("SELECT c.summary, c.text, c.summary_text, c.feed_title, "
                                      "f.title, a.language FROM article_content c JOIN articles a "
                                      "ON a.id = c.article_id JOIN feeds f ON f.id = a.feed_id "
                                      "WHERE c.article_id % 37 = 0")));
        int rows = 0, chinese = 0;
        while (q.next()) {
            ++rows;
            // The summary is the body: the index reads its plain text, and no summary apart.
            QCOMPARE(q.value(1).toString(), htmlToPlainText(q.value(0).toString()));
            QCOMPARE(q.value(2).toString(), QString());
            QCOMPARE(q.value(3).toString(), q.value(4).toString());
            chinese += q.value(5).toString() == QLatin1String("zh") ? 1 : 0;
        }
        QCOMPARE(rows, kArticles / 37);
        QVERIFY(chinese > 0);
    }

    void searchFindsArticles()
    {
        QString error;
        auto db = Database::openReader(m_path, &error);
        QVERIFY(db);
        ArticleStore articles(*db);
        for (qint64 id : {qint64(5), qint64(10) /* Chinese */, qint64(1999)}) {
            const auto a = articles.article(id);
            QVERIFY(a);
            // A phrase of the title's first words (the first characters for Chinese).
            const QString phrase =
                a->language == QLatin1String("zh")
                    ? a->title.left(4)
                    : a->title.split(QLatin1Char(' ')).mid(0, 3).join(QLatin1Char(' '));
            const auto query =
                SearchQuery::parse(QLatin1Char('"') + phrase + QLatin1Char('"'), &error);
            QVERIFY2(query, qPrintable(error));
            SearchOptions options;
            options.limit = 1000;
            options.snippets = false;
            const auto hits = SearchEngine(*db).search(*query, options, &error);
            QVERIFY2(hits, qPrintable(error));
            bool found = false;
            for (const SearchHit &h : *hits)
                found = found || h.id == id;
            QVERIFY2(found, qPrintable(phrase));
        }
        // The index holds exactly what its external content says.
        auto writer = Database::openWriter(m_path, &error);
        QVERIFY2(writer, qPrintable(error));
        SqlQuery check(*writer);
        QVERIFY2(check.exec(QStringLiteral(
                     "INSERT INTO article_fts(article_fts, rank) VALUES ('integrity-check', 1)")),
                 qPrintable(check.errorText()));
    }

    void appWritesOnTop()
    {
        QString error;
        auto db = Database::openWriter(m_path, &error);
        QVERIFY2(db, qPrintable(error));
        // A sync of an article the profile has (same feed and guid) updates, does not duplicate.
        ArticleStore store(*db);
        auto a = store.article(7);
        QVERIFY(a);
        QCOMPARE(store.save(*a).outcome, ArticleStore::SaveOutcome::Unchanged);
        a->title += QStringLiteral(" (updated)");
        a->contentHash.clear();
        const auto saved = store.save(*a);
        QCOMPARE(saved.outcome, ArticleStore::SaveOutcome::Updated);
        QCOMPARE(saved.id, qint64(7));
        Article fresh = *a;
        fresh.id = 0;
        fresh.guid = QStringLiteral("urn:new");
        fresh.url = QUrl(QStringLiteral("https://new.example.test/"));
        QCOMPARE(store.save(fresh).outcome, ArticleStore::SaveOutcome::Inserted);
        QCOMPARE(store.count({}), qint64(kArticles + 1));
    }

    void readStateRestores()
    {
        QString error;
        qint64 unreadBefore = 0;
        {
            auto db = Database::openWriter(m_path, &error);
            QVERIFY(db);
            ArticleQuery unread;
            unread.unreadOnly = true;
            unreadBefore = ArticleStore(*db).count(unread);
            StatusStore status(*db);
            QCOMPARE(status.markRead(ReadScope{}), int(unreadBefore));
            QCOMPARE(ArticleStore(*db).count(unread), qint64(0));
        }
        QVERIFY2(ProfileGenerator::restoreReadState(m_path, &error), qPrintable(error));
        auto db = Database::openReader(m_path, &error);
        QVERIFY(db);
        ArticleQuery unread;
        unread.unreadOnly = true;
        // Every article (those written on top too) gets the generator's rule back.
        SqlQuery q(*db);
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM articles WHERE id % 10 >= 3")) &&
                q.next());
        QVERIFY(unreadBefore > 0);
        QCOMPARE(ArticleStore(*db).count(unread), q.value(0).toLongLong());
        QVERIFY(!StatusStore(*db).status(3)->read);
        QVERIFY(StatusStore(*db).status(12)->read);
    }

    void reuseFollowsTheOptions()
    {
        QVERIFY(ProfileGenerator(options()).reusable(m_path));
        ProfileGenerator::Options other = options();
        other.articles = kArticles + 1;
        QVERIFY(!ProfileGenerator(other).reusable(m_path));
    }
};

QTEST_GUILESS_MAIN(TestProfileGenerator)
#include "test_profile_generator.moc"
