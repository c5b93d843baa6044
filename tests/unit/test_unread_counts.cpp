// Unread counts per feed (schema v10's feed_unread, kept by triggers) stay equal to a count over
// article_status through every way read state and articles change, on real files.

#include "TestData.h"
#include "store/ArticleStore.h"
#include "store/Database.h"
#include "store/FeedStore.h"
#include "store/LabelStore.h"
#include "store/Migrations.h"
#include "store/SqlQuery.h"
#include "store/StatusStore.h"
#include "sync/SyncService.h"

#include <QSignalSpy>

#include <QTemporaryDir>
#include <QtTest>

using namespace bs;

namespace
{

// The counts the table holds, with the feeds at zero left out (as the join leaves them out).
QHash<qint64, qint64> stored(Database &db)
{
    return StatusStore(db).unreadCounts();
}

qint64 scalar(Database &db, const QString &sql)
{
    SqlQuery q(db);
    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
}

} // namespace

class TestUnreadCounts : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    qint64 m_folder = 0, m_a = 0, m_b = 0, m_c = 0;
    QList<qint64> m_ids;

    void checkCounts(const char *where)
    {
        const auto expected = StatusStore(*m_db).countUnreadByFeed();
        const auto actual = stored(*m_db);
        if (actual != expected) {
            for (auto it = expected.begin(); it != expected.end(); ++it)
                qWarning() << where << "feed" << it.key() << "expected" << it.value() << "stored"
                           << actual.value(it.key());
        }
        QVERIFY2(actual == expected, where);
        for (qint64 feed : {m_a, m_b, m_c})
            QCOMPARE(StatusStore(*m_db).unreadCount(feed), expected.value(feed));
        QCOMPARE(scalar(*m_db, QStringLiteral("SELECT count(*) FROM feed_unread WHERE unread < 0")),
                 qint64(0));
    }

    QList<qint64> addArticles(qint64 feed, int first, int n)
    {
        test::ArticleGenerator gen{quint32(first)};
        QList<Article> batch;
        for (int i = first; i < first + n; ++i)
            batch << gen.make(feed, i, 20);
        QList<ArticleStore::SaveResult> results;
        if (!ArticleStore(*m_db).saveAll(batch, &results))
            return {};
        QList<qint64> ids;
        for (const auto &r : results)
            ids << r.id;
        return ids;
    }

private slots:
    void initTestCase()
    {
        QString error;
        m_db = Database::openWriter(m_dir.filePath(QStringLiteral("c.sqlite")), &error);
        QVERIFY2(m_db, qPrintable(error));
        FeedStore feeds(*m_db);
        m_folder = *feeds.folderId(QStringLiteral("News"));
        m_a = *feeds.addFeed(
            Feed{.folderId = m_folder, .url = QUrl(QStringLiteral("https://a.example.test/"))});
        m_b = *feeds.addFeed(
            Feed{.folderId = m_folder, .url = QUrl(QStringLiteral("https://b.example.test/"))});
        m_c = *feeds.addFeed(Feed{.url = QUrl(QStringLiteral("https://c.example.test/"))});
    }

    void insertsCount()
    {
        checkCounts("empty");
        m_ids << addArticles(m_a, 0, 30) << addArticles(m_b, 100, 20) << addArticles(m_c, 200, 10);
        QCOMPARE(m_ids.size(), 60);
        QCOMPARE(StatusStore(*m_db).unreadCount(m_a), qint64(30));
        checkCounts("after inserts");
        // A feed's update of an article (same guid, new content) keeps its status and count.
        test::ArticleGenerator gen(0);
        Article again = gen.make(m_a, 0, 20);
        again.title += QStringLiteral(" (corrected)");
        QCOMPARE(ArticleStore(*m_db).save(again).outcome, ArticleStore::SaveOutcome::Updated);
        checkCounts("after an update");
    }

    void readAndUnread()
    {
        StatusStore status(*m_db);
        QCOMPARE(status.setRead(m_ids.mid(0, 5), true), 5);
        QCOMPARE(status.setRead(m_ids.mid(0, 5), true), 0); // already read: no change
        QCOMPARE(status.unreadCount(m_a), qint64(25));
        checkCounts("after setRead");
        QCOMPARE(status.setRead(m_ids.mid(2, 2), false), 2);
        checkCounts("after setRead(false)");
        QCOMPARE(status.setStarred(m_ids.mid(0, 10), true), 10);
        checkCounts("after starring");
        QVERIFY(status.markFeedRead(m_b) > 0);
        QCOMPARE(status.unreadCount(m_b), qint64(0));
        checkCounts("after markFeedRead");
    }

    void everyScope()
    {
        StatusStore status(*m_db);
        QVERIFY(LabelStore(*m_db).create(QStringLiteral("keep")));
        QVERIFY(LabelStore(*m_db).assign(QStringLiteral("keep"), m_ids.mid(50, 4)) > 0);
        ReadScope label{.kind = ReadScope::Kind::Label,
                        .id = LabelStore(*m_db).find(QStringLiteral("keep"))->id};
        QCOMPARE(status.markRead(label), 4);
        checkCounts("label scope");
        QVERIFY(status.markRead(ReadScope{.kind = ReadScope::Kind::Starred}) > 0);
        checkCounts("starred scope");
        QVERIFY(status.setRead(m_ids, false) > 0);
        checkCounts("all unread again");
        QCOMPARE(status.markRead(ReadScope{.kind = ReadScope::Kind::Folder, .id = m_folder}), 50);
        checkCounts("folder scope");
        QCOMPARE(status.markRead(
                     ReadScope{.kind = ReadScope::Kind::Articles, .articleIds = m_ids.mid(55, 3)}),
                 3);
        checkCounts("articles scope");
        QVERIFY(status.setRead(m_ids, false) > 0);
        // Mark everything read up to what the view showed; later articles stay unread and
        // counted (the bulk path recounts them).
        const qint64 shownMax = m_ids.last();
        const QList<qint64> later = addArticles(m_c, 300, 4);
        QCOMPARE(later.size(), 4);
        QCOMPARE(status.markRead(ReadScope{.kind = ReadScope::Kind::All, .maxArticleId = shownMax}),
                 60);
        QCOMPARE(status.unreadCount(m_c), qint64(4));
        QCOMPARE(status.unreadCount(m_a), qint64(0));
        checkCounts("all scope with a max id");
        // The per-row trigger is live again after the bulk statement.
        QCOMPARE(scalar(*m_db, QStringLiteral("SELECT count(*) FROM feed_unread_hold")), qint64(0));
        QCOMPARE(status.setRead(m_ids.mid(0, 3), false), 3);
        QCOMPARE(status.unreadCount(m_a), qint64(3));
        checkCounts("after the bulk path");
        m_ids << later;
    }

    void deletions()
    {
        StatusStore status(*m_db);
        QVERIFY(status.setRead(m_ids, false) > 0);
        QVERIFY(status.setRead(m_ids.mid(0, 1), true) == 1);
        // Retention's path: the article goes with its status; read and unread ones.
        {
            Transaction tx(*m_db);
            ArticleStore store(*m_db);
            QVERIFY(store.removeInTransaction(m_ids.at(0))); // read
            QVERIFY(store.removeInTransaction(m_ids.at(1))); // unread
            QVERIFY(tx.commit());
        }
        QCOMPARE(status.unreadCount(m_a), qint64(28));
        checkCounts("after removing articles");
        // A purge of content keeps status and counts.
        QVERIFY(ArticleStore(*m_db).purgeContent(m_ids.at(2)));
        checkCounts("after a purge");
        // Removing a feed removes its articles and its count.
        QVERIFY(FeedStore(*m_db).removeFeed(m_b));
        QCOMPARE(scalar(*m_db, QStringLiteral("SELECT count(*) FROM feed_unread WHERE feed_id = ") +
                                   QString::number(m_b)),
                 qint64(0));
        checkCounts("after removing a feed");
        // A rolled-back change leaves the counts as they were.
        {
            Transaction tx(*m_db);
            SqlQuery q(*m_db);
            QVERIFY(q.exec(QStringLiteral("UPDATE article_status SET read = 1")));
        }
        checkCounts("after a rollback");
    }

    void markReadOnTheWorker()
    {
        // SyncService::markRead runs StatusStore::markRead on the worker's writer connection.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("w.sqlite"));
        QString error;
        qint64 feed = 0;
        {
            auto db = Database::openWriter(path, &error);
            QVERIFY2(db, qPrintable(error));
            feed = *FeedStore(*db).addFeed(Feed{.url = QUrl(QStringLiteral("https://w.test/"))});
            test::ArticleGenerator gen{7};
            QList<Article> batch;
            for (int i = 0; i < 25; ++i)
                batch << gen.make(feed, i, 10);
            QVERIFY(ArticleStore(*db).saveAll(batch));
        }
        SyncService sync(path);
        QSignalSpy marked(&sync, &SyncService::markedRead);
        sync.markRead(ReadScope{.kind = ReadScope::Kind::Feed, .id = feed});
        QVERIFY(marked.wait(20000));
        QCOMPARE(marked.constLast().at(1).toInt(), 25);
        auto reader = Database::openReader(path, &error);
        QVERIFY2(reader, qPrintable(error));
        QCOMPARE(StatusStore(*reader).unreadCount(feed), qint64(0));
        QVERIFY(StatusStore(*reader).unreadCounts().isEmpty());
    }

    void migrationCountsExistingArticles()
    {
        // A v9 profile (the version before the counts) with articles, some read, is counted
        // when v10 arrives.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v9.sqlite"));
        QString error;
        {
            auto old = Database::openWriterAtVersion(path, 9, &error);
            QVERIFY2(old, qPrintable(error));
            QCOMPARE(old->schemaVersion(), 9);
            // The v9 columns only (FeedStore writes today's).
            SqlQuery q(*old);
            qint64 ids[3] = {};
            for (int i = 0; i < 3; ++i) {
                q.prepare(QStringLiteral("INSERT INTO feeds(url, created_at) VALUES (?, ?)"));
                q.bind(QStringLiteral("https://%1.test/").arg(QChar(u'x' + i)))
                    .bind(qint64(1700000000));
                QVERIFY2(q.exec(), qPrintable(old->lastError()));
                ids[i] = q.lastInsertId();
            }
            const qint64 f1 = ids[0];
            const qint64 f2 = ids[1]; // ids[2]: no articles
            for (int i = 1; i <= 40; ++i) {
                q.prepare(QStringLiteral("INSERT INTO articles(id, feed_id, guid, sort_time, "
                                         "fetched_at) VALUES (?, ?, ?, ?, ?)"));
                q.bind(qint64(i)).bind(i % 3 ? f1 : f2).bind(QStringLiteral("g%1").arg(i));
                q.bind(qint64(1700000000 + i)).bind(qint64(1700000000 + i));
                QVERIFY2(q.exec(), qPrintable(old->lastError()));
                q.prepare(QStringLiteral("INSERT INTO article_status(article_id, read) "
                                         "VALUES (?, ?)"));
                q.bind(qint64(i)).bind(qint64(i % 4 == 0));
                QVERIFY(q.exec());
            }
        }
        auto db = Database::openWriter(path, &error);
        QVERIFY2(db, qPrintable(error));
        QCOMPARE(db->schemaVersion(), Migrations::latestVersion());
        StatusStore status(*db);
        const auto counts = status.unreadCounts();
        QCOMPARE(counts, status.countUnreadByFeed());
        QCOMPARE(counts.size(), 2);
        qint64 total = 0;
        for (qint64 n : counts)
            total += n;
        QCOMPARE(total, qint64(30));
        QCOMPARE(status.unreadCount(3), qint64(0));
    }
};

QTEST_GUILESS_MAIN(TestUnreadCounts)
#include "test_unread_counts.moc"
