// The caller's thread stays free while SyncService syncs 1,000 feeds (50 items each) on its
// worker: a 10 ms timer on this thread's event loop records the gaps between its ticks. The
// loopback server runs on a third thread so that serving does not count against this one.
// The longest gap and the 99th percentile are printed (the aim is < 50 ms); the test asserts
// what the sync stored, not a time.

#include "LoopbackFeedSite.h"
#include "store/ArticleStore.h"
#include "store/Database.h"
#include "store/FeedStore.h"
#include "store/SqlQuery.h"
#include "sync/SyncService.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>

using namespace bs;
using namespace bs::test;

class TestSyncHeartbeat : public QObject
{
    Q_OBJECT
private slots:
    void heartbeatWhileThousandFeedsSync()
    {
        constexpr int kFeeds = 1000;
        constexpr int kItems = 50;
        LoopbackFeedSite site(LoopbackFeedSite::Shape{.feeds = kFeeds, .items = kItems});
        QVERIFY(site.start());
        site.prepare(); // bodies generated up front, on the server's thread

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("heartbeat.sqlite"));
        {
            QString error;
            auto db = Database::openWriter(path, &error);
            QVERIFY2(db, qPrintable(error));
            FeedStore feeds(*db);
            for (int f = 0; f < kFeeds; ++f)
                QVERIFY(feeds.addFeed(Feed{.url = site.feedUrl(f)}));
        }

        SyncService service(path);
        QVERIFY(service.workerThread() != QThread::currentThread());
        int synced = 0, errors = 0, offThread = 0;
        qint64 added = 0;
        QString firstError;
        connect(&service, &SyncService::feedSynced, this,
                [&](qint64, const QList<qint64> &a, const QList<qint64> &, const QString &e) {
                    ++synced;
                    added += a.size();
                    if (!e.isEmpty() && errors++ == 0)
                        firstError = e;
                    if (QThread::currentThread() != thread())
                        ++offThread;
                });

        QEventLoop loop;
        SyncEngine::Progress last;
        bool done = false;
        connect(&service, &SyncService::finished, &loop, [&](const SyncEngine::Progress &p) {
            last = p;
            done = true;
            loop.quit();
        });
        connect(&service, &SyncService::failed, &loop, [&](const QString &e) {
            firstError = e;
            loop.quit();
        });
        QTimer deadline;
        deadline.setSingleShot(true);
        connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
        deadline.start(240000);

        // The heartbeat: the gap between consecutive ticks of a 10 ms timer.
        QList<qint64> gapsUs;
        gapsUs.reserve(40000);
        QElapsedTimer clock;
        qint64 lastTick = -1;
        QTimer heartbeat;
        heartbeat.setTimerType(Qt::PreciseTimer);
        heartbeat.setInterval(10);
        connect(&heartbeat, &QTimer::timeout, this, [&] {
            const qint64 now = clock.nsecsElapsed() / 1000;
            if (lastTick >= 0)
                gapsUs.append(now - lastTick);
            lastTick = now;
        });

        clock.start();
        heartbeat.start();
        service.syncAll();
        loop.exec();
        heartbeat.stop();
        const qint64 wallMs = clock.elapsed();

        QVERIFY2(done, qPrintable(firstError.isEmpty() ? QStringLiteral("timed out") : firstError));
        QVERIFY2(errors == 0, qPrintable(firstError));
        QCOMPARE(synced, kFeeds);
        QCOMPARE(last.feedsDone, kFeeds);
        QCOMPARE(last.errors, 0);
        QCOMPARE(offThread, 0);
        QCOMPARE(added, qint64(kFeeds) * kItems);
        QCOMPARE(site.requests(), kFeeds);

        QString error;
        auto db = Database::openReader(path, &error);
        QVERIFY2(db, qPrintable(error));
        QCOMPARE(ArticleStore(*db).count({}), qint64(kFeeds) * kItems);
        SqlQuery q(*db);
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM feeds WHERE etag IS NOT NULL AND "
                                      "etag <> '' AND last_error = ''")) &&
                q.next());
        QCOMPARE(q.value(0).toInt(), kFeeds);

        QVERIFY(gapsUs.size() > 10);
        QList<qint64> sorted = gapsUs;
        std::sort(sorted.begin(), sorted.end());
        const qint64 longest = sorted.last();
        const qint64 p99 = sorted.at(qsizetype(double(sorted.size() - 1) * 0.99));
        const qint64 median = sorted.at(sorted.size() / 2);
        qInfo("heartbeat over a %d-feed sync (%lld articles) lasting %lld ms: %lld ticks, "
              "longest gap %.1f ms, 99th percentile %.1f ms, median %.1f ms (aim: < 50 ms)",
              kFeeds, added, wallMs, qint64(gapsUs.size()) + 1, longest / 1000.0, p99 / 1000.0,
              median / 1000.0);
    }
};

QTEST_GUILESS_MAIN(TestSyncHeartbeat)
#include "test_sync_heartbeat.moc"
