// `broadsheet-cli sync` killed with SIGKILL at random points while it merges changed feeds.
// After each kill: the database passes integrity_check; every feed is either fully at the new
// revision (all its items, updated bodies, the new ETag) or exactly as it was; no star is
// lost; no article is doubled; and the killed writer's lock does not stop the next sync.
// The loopback server runs on its own thread so it keeps serving while this thread waits.
// BROADSHEET_CRASH_SEED replays a run (the seed is printed).

#include "LoopbackFeedSite.h"
#include "store/Database.h"
#include "store/FeedStore.h"
#include "store/Profile.h"
#include "store/SqlQuery.h"
#include "store/StatusStore.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

using namespace bs;
using namespace bs::test;

namespace
{

constexpr LoopbackFeedSite::Shape kShape{
    .feeds = 200, .items = 50, .words = 40, .newPerRevision = 4, .updatedPerRevision = 8};

} // namespace

class TestSyncCrash : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_dbPath;
    QHash<qint64, int> m_feedIndex; // feed id -> site feed number
    QHash<qint64, int> m_revision;  // feed id -> revision the database holds
    QSet<qint64> m_starred;

    QStringList cliArgs() const
    {
        return {QStringLiteral("--profile"), m_dir.path(), QStringLiteral("sync")};
    }

    // Which revision the feed's stored ETag names, or -1.
    static int revisionOf(const QString &etag)
    {
        const qsizetype dash = etag.lastIndexOf(QLatin1Char('-'));
        if (dash < 0 || !etag.endsWith(QLatin1Char('"')))
            return -1;
        bool ok = false;
        const int r = etag.mid(dash + 1, etag.size() - dash - 2).toInt(&ok);
        return ok ? r : -1;
    }

    // Checks the whole database against the revisions each feed may be at: its previous one,
    // or `latest`. Updates m_revision.
    void verifyDatabase(int latest, const QString &when)
    {
        QString error;
        auto db = Database::openReader(m_dbPath, &error);
        QVERIFY2(db, qPrintable(error));
        SqlQuery q(*db);
        QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));

        // Articles per feed: guid -> body.
        QHash<qint64, QHash<QString, QString>> articles;
        qint64 total = 0;
        QVERIFY(q.exec(
            QStringLiteral("SELECT a.feed_id, a.guid, c.summary || c.content FROM articles a "
                           "LEFT JOIN article_content c ON c.article_id = a.id")));
        while (q.next()) {
            ++total;
            auto &feed = articles[q.value(0).toLongLong()];
            const QString guid = q.value(1).toString();
            QVERIFY2(!feed.contains(guid), qPrintable(QStringLiteral("doubled: ") + guid));
            feed.insert(guid, q.value(2).toString());
        }
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM (SELECT feed_id, url FROM articles "
                                      "GROUP BY feed_id, url HAVING count(*) > 1)")) &&
                q.next());
        QCOMPARE(q.value(0).toInt(), 0); // no article twice under another guid

        int advanced = 0;
        qint64 expectedTotal = 0;
        for (const Feed &feed : FeedStore(*db).feeds()) {
            const int f = m_feedIndex.value(feed.id, -1);
            QVERIFY(f >= 0);
            const int previous = m_revision.value(feed.id);
            const int r = revisionOf(feed.etag);
            QVERIFY2(r == previous || r == latest,
                     qPrintable(QStringLiteral("%1: feed %2 has ETag %3, expected revision %4 "
                                               "or %5")
                                    .arg(when)
                                    .arg(f)
                                    .arg(feed.etag)
                                    .arg(previous)
                                    .arg(latest)));
            QVERIFY(feed.lastError.isEmpty());
            // Exactly the items of revision r, with revision r's bodies.
            const auto &stored = articles.value(feed.id);
            const int n = LoopbackFeedSite::itemCount(kShape, r);
            QVERIFY2(stored.size() == n,
                     qPrintable(QStringLiteral("%1: feed %2 at revision %3 holds %4 articles, "
                                               "not %5")
                                    .arg(when)
                                    .arg(f)
                                    .arg(r)
                                    .arg(stored.size())
                                    .arg(n)));
            for (int i = 0; i < n; ++i) {
                const auto it = stored.constFind(LoopbackFeedSite::guid(f, i));
                QVERIFY2(it != stored.constEnd(), qPrintable(when + QStringLiteral(": missing ") +
                                                             LoopbackFeedSite::guid(f, i)));
                const bool marked = it->contains(LoopbackFeedSite::revisionMark(r));
                QVERIFY2(marked == LoopbackFeedSite::isUpdated(kShape, i),
                         qPrintable(QStringLiteral("%1: feed %2 item %3 body is not revision %4's")
                                        .arg(when)
                                        .arg(f)
                                        .arg(i)
                                        .arg(r)));
            }
            if (r != previous)
                ++advanced;
            m_revision.insert(feed.id, r);
            expectedTotal += n;
        }
        QCOMPARE(total, expectedTotal);

        QSet<qint64> starred;
        QVERIFY(q.exec(QStringLiteral("SELECT article_id FROM article_status WHERE starred = 1")));
        while (q.next())
            starred.insert(q.value(0).toLongLong());
        QCOMPARE(starred, m_starred);
        qInfo("%s: %d feeds moved to revision %d, %lld articles", qPrintable(when), advanced,
              latest, total);
    }

    // Runs the CLI to the end; returns its wall time in ms.
    qint64 syncToTheEnd()
    {
        QElapsedTimer timer;
        timer.start();
        QProcess cli;
        cli.start(QStringLiteral(BROADSHEET_CLI), cliArgs());
        if (!cli.waitForStarted() || !cli.waitForFinished(180000))
            return -1;
        if (cli.exitStatus() != QProcess::NormalExit || cli.exitCode() != 0) {
            qWarning("sync failed: %s", cli.readAllStandardError().constData());
            return -1;
        }
        return timer.elapsed();
    }

private slots:
    void sigkillDuringSync()
    {
        LoopbackFeedSite site(kShape);
        QVERIFY(site.start());
        m_dbPath = Profile::fromOption(m_dir.path()).databasePath();
        {
            QString error;
            auto db = Database::openWriter(m_dbPath, &error);
            QVERIFY2(db, qPrintable(error));
            FeedStore feeds(*db);
            for (int f = 0; f < kShape.feeds; ++f) {
                // Feeds only: no article pages (their host does not exist).
                const auto id =
                    feeds.addFeed(Feed{.url = site.feedUrl(f), .fullText = FullTextMode::Off});
                QVERIFY(id);
                m_feedIndex.insert(*id, f);
                m_revision.insert(*id, -1); // nothing yet
            }
        }

        // A first full sync, then stars on updated and on untouched items of every feed.
        qint64 roundMs = syncToTheEnd();
        QVERIFY(roundMs > 0);
        qInfo("first sync of %d feeds x %d items: %lld ms", kShape.feeds, kShape.items, roundMs);
        verifyDatabase(0, QStringLiteral("first sync"));
        {
            QString error;
            auto db = Database::openWriter(m_dbPath, &error);
            QVERIFY2(db, qPrintable(error));
            SqlQuery q(*db);
            QVERIFY(q.exec(QStringLiteral("SELECT id, guid FROM articles")));
            QList<qint64> ids;
            while (q.next()) {
                const QString guid = q.value(1).toString();
                const int item = guid.section(QLatin1Char(':'), -1).toInt();
                if (item == 0 || item == 3 || item == 17)
                    ids << q.value(0).toLongLong();
            }
            QCOMPARE(StatusStore(*db).setStarred(ids, true), ids.size());
            m_starred = QSet<qint64>(ids.begin(), ids.end());
            QCOMPARE(m_starred.size(), kShape.feeds * 3);
        }

        quint32 seed = quint32(qEnvironmentVariableIntValue("BROADSHEET_CRASH_SEED"));
        if (seed == 0)
            seed = QRandomGenerator::global()->generate() | 1;
        qInfo("seed %u (BROADSHEET_CRASH_SEED=%u replays it)", seed, seed);
        QRandomGenerator random(seed);

        constexpr int kKills = 20;
        int kills = 0, rounds = 0, revision = 0;
        bool lockChecked = false;
        while (kills < kKills && rounds < 3 * kKills) {
            ++rounds;
            site.setRevision(++revision); // every feed changes: new items, updated bodies
            // Anywhere in the first 60% of a round: a round redoes every feed, so most kills land
            // mid-merge while the test stays short.
            const int delayMs = int(random.bounded(std::max<qint64>(roundMs * 6 / 10, 100)));
            QElapsedTimer timer;
            timer.start();
            QProcess cli;
            cli.start(QStringLiteral(BROADSHEET_CLI), cliArgs());
            QVERIFY2(cli.waitForStarted(), qPrintable(cli.errorString()));
            const bool finishedFirst = cli.waitForFinished(delayMs);
            if (finishedFirst) {
                // It finished before the kill: a complete round, which also tells how long one
                // takes.
                QVERIFY2(cli.exitStatus() == QProcess::NormalExit && cli.exitCode() == 0,
                         cli.readAllStandardError().constData());
                roundMs = timer.elapsed();
                verifyDatabase(revision, QStringLiteral("round %1 (completed)").arg(rounds));
                continue;
            }
            cli.kill(); // SIGKILL
            QVERIFY(cli.waitForFinished());
            QCOMPARE(cli.exitStatus(), QProcess::CrashExit);
            ++kills;
            const QByteArray err = cli.readAllStandardError();
            QVERIFY2(!err.contains("already open") && !err.contains("lock"), err.constData());
            verifyDatabase(revision, QStringLiteral("kill %1 after %2 ms").arg(kills).arg(delayMs));

            if (!lockChecked && QFile::exists(m_dbPath + QStringLiteral(".writer-lock"))) {
                // The killed writer left its lock file; the next writer takes it over.
                QString error;
                auto db = Database::openWriter(m_dbPath, &error);
                QVERIFY2(db, qPrintable(error));
                lockChecked = true;
            }
        }
        QVERIFY(lockChecked); // a kill hit an open writer at least once
        QVERIFY2(kills >= kKills,
                 qPrintable(QStringLiteral("only %1 kills in %2 rounds").arg(kills).arg(rounds)));

        // A sync after the last kill completes and brings every feed to the last revision.
        QVERIFY(syncToTheEnd() > 0);
        verifyDatabase(revision, QStringLiteral("final sync"));
        for (auto it = m_revision.cbegin(); it != m_revision.cend(); ++it)
            QCOMPARE(it.value(), revision);
        qInfo("%d kills in %d rounds", kills, rounds);
    }
};

QTEST_GUILESS_MAIN(TestSyncCrash)
#include "test_sync_crash.moc"
