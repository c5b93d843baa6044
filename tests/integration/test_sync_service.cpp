// SyncService: the engine on its own thread against the loopback TestHttpServer. Checks that
// the work happens off the caller's thread, that signals come back on it, what lands in the
// database, cancel, and a clean shutdown in the middle of a sync.

#include "TestHttpServer.h"
#include "store/ArticleStore.h"
#include "store/Database.h"
#include "store/FeedStore.h"
#include "store/SqlQuery.h"
#include "sync/SyncService.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace bs;
using namespace bs::test;

namespace
{

QByteArray rss(const QString &feed, int items)
{
    QString out = QStringLiteral("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
                                 "<title>%1</title><link>http://site.test/</link>")
                      .arg(feed);
    for (int i = 0; i < items; ++i)
        out += QStringLiteral("<item><guid>%1-%2</guid><title>%1 story %2</title>"
                              "<description>Text of %1 story %2</description></item>")
                   .arg(feed)
                   .arg(i);
    return (out + QStringLiteral("</channel></rss>")).toUtf8();
}

} // namespace

class TestSyncService : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<TestHttpServer> m_server;
    QString m_path;
    int m_round = 0;

    QList<qint64> addFeeds(int n, const QString &prefix, int items, int delayMs = 0)
    {
        QString error;
        auto db = Database::openWriter(m_path, &error);
        QList<qint64> ids;
        for (int i = 0; i < n; ++i) {
            const QString name = QStringLiteral("%1%2").arg(prefix).arg(i);
            const QByteArray path = QStringLiteral("/%1.xml").arg(name).toLatin1();
            HttpResponse response = HttpResponse::ok(rss(name, items), "application/rss+xml");
            response.delayMs = delayMs;
            m_server->route(path, response);
            ids << FeedStore(*db)
                       // Only feed requests reach the server: no article pages.
                       .addFeed(Feed{.url = m_server->url(QString::fromLatin1(path)),
                                     .fullText = FullTextMode::Off})
                       .value_or(0);
        }
        return ids;
    }

    std::unique_ptr<Database> reader()
    {
        QString error;
        return Database::openReader(m_path, &error);
    }

private slots:
    void init()
    {
        m_path = m_dir.filePath(QStringLiteral("service-%1.sqlite").arg(++m_round));
        m_server = std::make_unique<TestHttpServer>();
        QVERIFY(m_server->listen());
    }

    void syncsOnTheWorkerAndReportsOnTheCallersThread()
    {
        const QList<qint64> ids = addFeeds(6, QStringLiteral("feed"), 12);
        SyncService service(m_path);
        QVERIFY(service.workerThread() != QThread::currentThread());
        QVERIFY(service.workerThread()->isRunning());

        QSet<qint64> synced;
        QList<qint64> added;
        int wrongThread = 0;
        connect(&service, &SyncService::feedSynced, this,
                [&](qint64 id, const QList<qint64> &a, const QList<qint64> &, const QString &e) {
                    if (QThread::currentThread() != thread())
                        ++wrongThread;
                    QVERIFY2(e.isEmpty(), qPrintable(e));
                    synced.insert(id);
                    added += a;
                });
        QSignalSpy progress(&service, &SyncService::progressChanged);
        QSignalSpy done(&service, &SyncService::finished);
        service.syncAll();
        QVERIFY(service.isSyncing());
        QVERIFY(done.wait(20000));
        QVERIFY(!service.isSyncing());
        QCOMPARE(wrongThread, 0);
        QCOMPARE(synced, QSet<qint64>(ids.begin(), ids.end()));
        QCOMPARE(added.size(), 6 * 12);
        const auto last = done.first().first().value<SyncEngine::Progress>();
        QCOMPARE(last.feedsDone, 6);
        QCOMPARE(last.feedsTotal, 6);
        QCOMPARE(last.errors, 0);
        QVERIFY(progress.size() >= 6);

        // The writer is held by the worker (one writer per profile), and what it wrote is
        // visible through a read-only connection on this thread.
        QString error;
        QVERIFY(!Database::openWriter(m_path, &error));
        auto db = reader();
        QCOMPARE(ArticleStore(*db).count({}), 6 * 12);
        QCOMPARE(FeedStore(*db).feed(ids.first())->title, QStringLiteral("feed0"));
        for (qint64 id : added)
            QVERIFY(ArticleStore(*db).article(id).has_value());

        // One feed on request: only that feed is fetched.
        m_server->clearLog();
        done.clear();
        service.syncFeeds({ids.at(2)});
        QVERIFY(done.wait(20000));
        QCOMPARE(m_server->requests().size(), 1);
        QCOMPARE(m_server->requests().first().path, QByteArray("/feed2.xml"));
    }

    void autoSyncFetchesOnlyDueFeeds()
    {
        const QList<qint64> ids = addFeeds(3, QStringLiteral("due"), 4);
        {
            // The first feed was fetched a moment ago and is not due for an hour.
            QString error;
            auto db = Database::openWriter(m_path, &error);
            FeedStore feeds(*db);
            auto feed = feeds.feed(ids.first());
            QVERIFY(feed);
            feed->nextFetch = QDateTime::currentDateTimeUtc().addSecs(3600);
            QVERIFY(feeds.updateFeed(*feed));
        }
        SyncService service(m_path);
        QSignalSpy started(&service, &SyncService::syncStarted);
        QSignalSpy unread(&service, &SyncService::unreadCountChanged);
        QSignalSpy done(&service, &SyncService::finished);
        service.setAutoSync(150);
        QVERIFY(done.wait(20000));
        auto first = done.first().first().value<SyncEngine::Progress>();
        QCOMPARE(first.feedsTotal, 2);
        QCOMPARE(first.feedsDone, 2);
        QCOMPARE(started.size(), 0); // a scheduled pass is not a manual one
        QSet<QByteArray> paths;
        for (const auto &request : m_server->requests())
            paths.insert(request.path);
        QCOMPARE(paths, (QSet<QByteArray>{"/due1.xml", "/due2.xml"}));
        QCOMPARE(unread.size(), 2);
        for (const auto &args : unread) {
            QVERIFY(ids.mid(1).contains(args.at(0).toLongLong()));
            QCOMPARE(args.at(1).toLongLong(), 4);
        }

        // Now nothing is due: the next checks fetch nothing.
        m_server->clearLog();
        done.clear();
        QVERIFY(done.wait(5000));
        QCOMPARE(done.first().first().value<SyncEngine::Progress>().feedsTotal, 0);
        QVERIFY(m_server->requests().isEmpty());
        auto db = reader();
        QCOMPARE(ArticleStore(*db).count({}), 2 * 4);
        for (qint64 id : ids)
            QVERIFY(FeedStore(*db).feed(id)->nextFetch > QDateTime::currentDateTimeUtc());
    }

    void cancelStopsTheRun()
    {
        const QList<qint64> ids = addFeeds(30, QStringLiteral("slow"), 3, 400);
        SyncService service(m_path);
        QSignalSpy synced(&service, &SyncService::feedSynced);
        QSignalSpy done(&service, &SyncService::finished);
        service.syncAll();
        QVERIFY(synced.wait(20000));
        service.cancel();
        QVERIFY(done.wait(20000));
        QVERIFY(!service.isSyncing());
        const int count = int(synced.size());
        QVERIFY2(count < ids.size(), qPrintable(QString::number(count)));
        QTest::qWait(600); // nothing more arrives after the cancel
        QCOMPARE(synced.size(), count);
        auto db = reader();
        QVERIFY(ArticleStore(*db).count({}) <= qint64(count) * 3);
    }

    void destroyedMidSyncShutsDownCleanly()
    {
        addFeeds(20, QStringLiteral("busy"), 20, 300);
        QElapsedTimer timer;
        {
            SyncService service(m_path);
            QSignalSpy synced(&service, &SyncService::feedSynced);
            service.syncAll();
            QVERIFY(synced.wait(20000));
            timer.start();
        } // cancels, stops the thread, waits; the engine closes the writer on its thread
        qInfo("shutdown mid-sync took %lld ms", timer.elapsed());

        // The writer lock is free again and the file is sound.
        QString error;
        auto db = Database::openWriter(m_path, &error);
        QVERIFY2(db, qPrintable(error));
        SqlQuery q(*db);
        QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
        const qint64 n = ArticleStore(*db).count({});
        QCOMPARE(n % 20, 0); // whole feeds only
    }

    void reportsWhenTheWriterIsTaken()
    {
        addFeeds(1, QStringLiteral("locked"), 2);
        QString error;
        auto holder = Database::openWriter(m_path, &error);
        QVERIFY(holder);
        SyncService service(m_path);
        QSignalSpy failed(&service, &SyncService::failed);
        QVERIFY(failed.wait(10000)); // open() on the worker fails
        QVERIFY(!failed.first().first().toString().isEmpty());
        holder.reset();
        // Once the writer is free, the next request opens it and syncs.
        QSignalSpy done(&service, &SyncService::finished);
        service.syncAll();
        QVERIFY(done.wait(20000));
        QCOMPARE(done.first().first().value<SyncEngine::Progress>().feedsDone, 1);
        auto db = reader();
        QCOMPARE(ArticleStore(*db).count({}), 2);
    }
};

QTEST_GUILESS_MAIN(TestSyncService)
#include "test_sync_service.moc"
