// Scheduling, scope, progress, dedupe and retention through SyncEngine against the loopback
// TestHttpServer, and `broadsheet-cli sync/feeds/purge` as processes: what ends up in the
// database afterwards.

#include "TestHttpServer.h"
#include "store/ArticleStore.h"
#include "store/Database.h"
#include "store/FeedStore.h"
#include "store/SettingsStore.h"
#include "store/SqlQuery.h"
#include "store/StatusStore.h"
#include "sync/SyncEngine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <unistd.h>

using namespace bs;
using namespace bs::test;

namespace
{

struct Item {
    QString guid;
    QString link;
    QString title;
    QDateTime published;
};

QByteArray rss(const QList<Item> &items, const QString &channelExtras = {})
{
    QString out = QStringLiteral("<?xml version=\"1.0\"?><rss version=\"2.0\" "
                                 "xmlns:sy=\"http://purl.org/rss/1.0/modules/syndication/\">"
                                 "<channel><title>Quay Gazette</title>"
                                 "<link>http://quay.test/</link>%1")
                      .arg(channelExtras);
    for (const Item &i : items) {
        out += QStringLiteral("<item>");
        if (!i.guid.isEmpty())
            out += QStringLiteral("<guid isPermaLink=\"false\">%1</guid>").arg(i.guid);
        out += QStringLiteral("<title>%1</title><link>%2</link><description>%1 text"
                              "</description>")
                   .arg(i.title, i.link);
        if (i.published.isValid())
            out += QStringLiteral("<pubDate>%1</pubDate>")
                       .arg(i.published.toUTC().toString(Qt::RFC2822Date));
        out += QStringLiteral("</item>");
    }
    out += QStringLiteral("</channel></rss>");
    return out.toUtf8();
}

QList<Item> items(int count, const QString &prefix, const QDateTime &newest, int gapSecs)
{
    QList<Item> list;
    for (int i = 0; i < count; ++i)
        list.append(Item{QStringLiteral("%1-%2").arg(prefix).arg(i),
                         QStringLiteral("http://quay.test/%1/%2").arg(prefix).arg(i),
                         QStringLiteral("%1 %2").arg(prefix).arg(i),
                         newest.addSecs(-qint64(i) * gapSecs)});
    return list;
}

HttpResponse feedResponse(const QByteArray &body)
{
    return HttpResponse::ok(body, "application/rss+xml");
}

} // namespace

class TestSyncSchedule : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<TestHttpServer> m_server;
    QString m_path;
    QString m_profile;
    FetchPolicy m_policy;
    int m_round = 0;

    std::unique_ptr<Database> writer()
    {
        QString error;
        auto db = Database::openWriter(m_path, &error);
        if (!db)
            qWarning() << error;
        return db;
    }

    qint64 addFeed(const QString &path, qint64 folderId = 0, int intervalSecs = 0)
    {
        auto db = writer();
        Feed feed;
        feed.url = m_server->url(path);
        feed.folderId = folderId;
        feed.fetchIntervalSecs = intervalSecs;
        return FeedStore(*db).addFeed(feed).value_or(0);
    }

    std::optional<Feed> feed(qint64 id)
    {
        auto db = writer();
        return FeedStore(*db).feed(id);
    }

    qint64 count(const QString &sql, qint64 bindValue = 0)
    {
        auto db = writer();
        SqlQuery q(*db);
        q.prepare(sql);
        if (sql.contains(QLatin1Char('?')))
            q.bind(bindValue);
        if (!q.exec() || !q.next())
            return -1;
        return q.value(0).toLongLong();
    }

    // Runs one pass started by `start` on a fresh engine; returns the final progress.
    SyncProgress runPass(const std::function<void(SyncEngine &)> &start,
                         QHash<qint64, qint64> *unread = nullptr,
                         QHash<qint64, QList<qint64>> *updated = nullptr,
                         bool retentionEveryPass = false)
    {
        SyncEngine engine(m_path, m_policy);
        engine.setRetentionAfterSync(retentionEveryPass, 0);
        SyncProgress last;
        bool done = false;
        connect(&engine, &SyncEngine::finished, this, [&](const SyncProgress &p) {
            last = p;
            done = true;
        });
        if (unread)
            connect(&engine, &SyncEngine::unreadCountChanged, this,
                    [unread](qint64 id, qint64 n) { unread->insert(id, n); });
        if (updated)
            connect(&engine, &SyncEngine::feedSynced, this,
                    [updated](qint64 id, const QList<qint64> &, const QList<qint64> &u,
                              const QString &) { updated->insert(id, u); });
        if (!engine.open())
            return last;
        start(engine);
        if (!QTest::qWaitFor([&] { return done; }, 30000))
            qWarning() << "the pass did not finish";
        return last;
    }

    QProcess *startCli(const QStringList &arguments)
    {
        auto *process = new QProcess(this);
        process->setProgram(QStringLiteral(BROADSHEET_CLI));
        process->setArguments(QStringList{QStringLiteral("--profile"), m_profile} + arguments);
        process->start();
        return process;
    }

    // Runs the CLI to its end while this thread's event loop serves HTTP.
    int cli(const QStringList &arguments, QByteArray *out = nullptr, QByteArray *err = nullptr)
    {
        QProcess *process = startCli(arguments);
        if (!QTest::qWaitFor([&] { return process->state() == QProcess::NotRunning; }, 30000))
            process->kill();
        if (out)
            *out = process->readAllStandardOutput();
        if (err)
            *err = process->readAllStandardError();
        const int code = process->exitStatus() == QProcess::NormalExit ? process->exitCode() : -1;
        process->deleteLater();
        return code;
    }

private slots:
    void init()
    {
        m_profile = m_dir.filePath(QStringLiteral("profile-%1").arg(++m_round));
        QVERIFY(QDir().mkpath(m_profile));
        m_path = m_profile + QStringLiteral("/broadsheet.sqlite");
        m_server = std::make_unique<TestHttpServer>();
        QVERIFY(m_server->listen());
        m_policy = FetchPolicy{};
    }

    void dueSyncFetchesOnlyDueFeeds()
    {
        m_server->route("/a.xml", feedResponse(rss(items(2, QStringLiteral("a"), {}, 0))));
        m_server->route("/b.xml", feedResponse(rss(items(2, QStringLiteral("b"), {}, 0))));
        const qint64 a = addFeed(QStringLiteral("/a.xml"));
        const qint64 b = addFeed(QStringLiteral("/b.xml"));
        // Never fetched: both are due.
        SyncProgress p = runPass([](SyncEngine &e) { e.syncDue(); });
        QCOMPARE(p.feedsTotal, 2);
        QCOMPARE(m_server->hits("/a.xml"), 1);
        QCOMPARE(m_server->hits("/b.xml"), 1);
        QVERIFY(feed(a)->nextFetch > QDateTime::currentDateTimeUtc());
        // Nothing is due now.
        p = runPass([](SyncEngine &e) { e.syncDue(); });
        QCOMPARE(p.feedsTotal, 0);
        QCOMPARE(m_server->hits("/a.xml"), 1);
        // b's time has come; a's has not.
        {
            auto db = writer();
            Feed f = *FeedStore(*db).feed(b);
            f.nextFetch = QDateTime::currentDateTimeUtc().addSecs(-5);
            QVERIFY(FeedStore(*db).updateFeed(f));
        }
        p = runPass([](SyncEngine &e) { e.syncDue(); });
        QCOMPARE(p.feedsTotal, 1);
        QCOMPARE(m_server->hits("/a.xml"), 1);
        QCOMPARE(m_server->hits("/b.xml"), 2);
        // "Sync now" fetches regardless of due time.
        runPass([](SyncEngine &e) { e.syncAll(); });
        QCOMPARE(m_server->hits("/a.xml"), 2);
        QCOMPARE(m_server->hits("/b.xml"), 3);
    }

    void intervalFollowsSettingsHintsAndRate()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        // No dates, no hints: the default setting (120 minutes here).
        m_server->route("/plain.xml", feedResponse(rss(items(3, QStringLiteral("p"), {}, 0))));
        // Posting every five minutes: the 10-minute floor.
        m_server->route("/busy.xml",
                        feedResponse(rss(items(12, QStringLiteral("busy"), now, 300))));
        // Busy too, but its ttl asks for three hours.
        m_server->route("/ttl.xml", feedResponse(rss(items(12, QStringLiteral("ttl"), now, 300),
                                                     QStringLiteral("<ttl>180</ttl>"))));
        // Weekly posts: at most a day.
        m_server->route("/weekly.xml",
                        feedResponse(rss(items(5, QStringLiteral("w"), now, 7 * 86400))));
        // Only sy hints: every six hours.
        m_server->route(
            "/sy.xml",
            feedResponse(rss(items(2, QStringLiteral("sy"), {}, 0),
                             QStringLiteral("<sy:updatePeriod>daily</sy:updatePeriod>"
                                            "<sy:updateFrequency>4</sy:updateFrequency>"))));
        const qint64 plain = addFeed(QStringLiteral("/plain.xml"));
        const qint64 busy = addFeed(QStringLiteral("/busy.xml"));
        const qint64 ttl = addFeed(QStringLiteral("/ttl.xml"));
        const qint64 weekly = addFeed(QStringLiteral("/weekly.xml"));
        const qint64 sy = addFeed(QStringLiteral("/sy.xml"));
        const qint64 chosen = addFeed(QStringLiteral("/busy.xml?override"), 0, 5 * 3600);
        {
            auto db = writer();
            QVERIFY(SettingsStore(*db).setValue(QLatin1String(SettingsStore::kSyncIntervalMinutes),
                                                QStringLiteral("120")));
        }
        runPass([](SyncEngine &e) { e.syncAll(); });
        const auto interval = [this](qint64 id) {
            const auto f = feed(id);
            return f->lastFetch.secsTo(f->nextFetch);
        };
        QCOMPARE(interval(plain), 7200);
        QCOMPARE(interval(busy), 600);
        QCOMPARE(interval(ttl), 3 * 3600);
        QCOMPARE(feed(ttl)->ttlSecs, 3 * 3600);
        QCOMPARE(interval(weekly), 86400);
        QCOMPARE(interval(sy), 6 * 3600);
        QCOMPARE(feed(sy)->updatePeriodSecs, 6 * 3600);
        QCOMPARE(interval(chosen), 5 * 3600);
    }

    void failingFeedsBackOffAndHonourRetryAfter()
    {
        m_server->route("/down.xml", HttpResponse::error(500));
        HttpResponse busy = HttpResponse::error(429);
        busy.retryAfterSecs = 3 * 3600;
        m_server->route("/busy.xml", busy);
        const qint64 down = addFeed(QStringLiteral("/down.xml"));
        const qint64 limited = addFeed(QStringLiteral("/busy.xml"));
        m_policy.retries = 0; // one request per pass
        QList<qint64> seconds;
        for (int round = 1; round <= 3; ++round) {
            runPass([down](SyncEngine &e) { e.syncFeeds({down}); });
            const auto f = feed(down);
            QCOMPARE(f->errorCount, round);
            seconds.append(f->lastFetch.secsTo(f->nextFetch));
        }
        QCOMPARE(seconds, (QList<qint64>{15 * 60, 30 * 60, 60 * 60}));
        // The server asks for three hours: that beats the first backoff step.
        runPass([limited](SyncEngine &e) { e.syncFeeds({limited}); });
        const auto f = feed(limited);
        QCOMPARE(f->errorCount, 1);
        QVERIFY2(f->lastFetch.secsTo(f->nextFetch) >= 3 * 3600 - 5,
                 qPrintable(QString::number(f->lastFetch.secsTo(f->nextFetch))));
    }

    void folderSyncIncludesSubfolders()
    {
        qint64 news = 0;
        qint64 local = 0;
        {
            auto db = writer();
            news = *FeedStore(*db).folderId(QStringLiteral("News"));
            local = *FeedStore(*db).folderId(QStringLiteral("Local"), news);
        }
        for (const char *path : {"/top.xml", "/sub.xml", "/other.xml"})
            m_server->route(path,
                            feedResponse(rss(items(1, QString::fromLatin1(path + 1), {}, 0))));
        addFeed(QStringLiteral("/top.xml"), news);
        addFeed(QStringLiteral("/sub.xml"), local);
        addFeed(QStringLiteral("/other.xml"));
        const SyncProgress p = runPass([news](SyncEngine &e) { e.syncFolder(news); });
        QCOMPARE(p.feedsTotal, 2);
        QCOMPARE(m_server->hits("/top.xml"), 1);
        QCOMPARE(m_server->hits("/sub.xml"), 1);
        QCOMPARE(m_server->hits("/other.xml"), 0);
        // The same through the CLI, by folder name.
        QByteArray out;
        QCOMPARE(cli({QStringLiteral("sync"), QStringLiteral("--folder"), QStringLiteral("Local")},
                     &out),
                 0);
        QCOMPARE(m_server->hits("/sub.xml"), 2);
        QCOMPARE(m_server->hits("/top.xml"), 1);
        QVERIFY2(out.contains("1 feed(s) synced"), out.constData());
        QByteArray err;
        QCOMPARE(cli({QStringLiteral("sync"), QStringLiteral("--folder"), QStringLiteral("Nope")},
                     nullptr, &err),
                 1);
        QVERIFY(err.contains("no folder"));
    }

    void progressCountsFeedsBytesErrorsAndUnread()
    {
        m_server->route("/one.xml", feedResponse(rss(items(3, QStringLiteral("one"), {}, 0))));
        m_server->route("/two.xml", feedResponse(rss(items(2, QStringLiteral("two"), {}, 0))));
        m_server->route("/missing.xml", HttpResponse::error(404));
        const qint64 one = addFeed(QStringLiteral("/one.xml"));
        const qint64 two = addFeed(QStringLiteral("/two.xml"));
        const qint64 missing = addFeed(QStringLiteral("/missing.xml"));
        QHash<qint64, qint64> unread;
        const SyncProgress p = runPass([](SyncEngine &e) { e.syncAll(); }, &unread);
        QCOMPARE(p.feedsTotal, 3);
        QCOMPARE(p.feedsDone, 3);
        QCOMPARE(p.errors, 1);
        QCOMPARE(p.failures.size(), 1);
        QCOMPARE(p.failures.first().feedId, missing);
        QVERIFY(p.failures.first().message.contains(QLatin1String("404")));
        QCOMPARE(p.articlesAdded, 5);
        QVERIFY(p.bytes > 0);
        QVERIFY(!p.cancelled);
        QCOMPARE(unread.value(one), 3);
        QCOMPARE(unread.value(two), 2);
        QVERIFY(!unread.contains(missing));
        {
            auto db = writer();
            QCOMPARE(
                StatusStore(*db).setRead(
                    {ArticleStore(*db).list(ArticleQuery{.feedId = one}).first().summary.id}, true),
                1);
        }
        unread.clear();
        runPass([](SyncEngine &e) { e.syncAll(); }, &unread);
        QCOMPARE(unread.value(one), 2);

        // feeds --errors lists the failing feed only, with count, time and message.
        QByteArray out;
        QCOMPARE(cli({QStringLiteral("feeds"), QStringLiteral("--errors")}, &out), 0);
        const QList<QByteArray> lines = out.trimmed().split('\n');
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines.first().startsWith(QByteArray::number(missing) + "\t2 error(s)\t"),
                 lines.first().constData());
        QVERIFY(lines.first().contains("404"));
        QCOMPARE(
            cli({QStringLiteral("feeds"), QStringLiteral("--errors"), QStringLiteral("--json")},
                &out),
            0);
        const QJsonArray array = QJsonDocument::fromJson(out).array();
        QCOMPARE(array.size(), 1);
        QCOMPARE(array.first()[QStringLiteral("id")].toInteger(), missing);
        QCOMPARE(array.first()[QStringLiteral("error_count")].toInt(), 2);
        QVERIFY(!array.first()[QStringLiteral("last_error_at")].toString().isEmpty());
        // list-feeds stays as an alias of feeds.
        QCOMPARE(cli({QStringLiteral("list-feeds"), QStringLiteral("--json")}, &out), 0);
        QCOMPARE(QJsonDocument::fromJson(out).array().size(), 3);
        // Not on a terminal, --progress prints one plain line per feed.
        QCOMPARE(cli({QStringLiteral("sync"), QStringLiteral("--progress")}, &out), 1);
        QCOMPARE(out.count("/3] "), 3);
        QVERIFY(!out.contains('\r'));
    }

    void progressBarOnATerminal()
    {
        m_server->route("/t1.xml", feedResponse(rss(items(2, QStringLiteral("t1"), {}, 0))));
        m_server->route("/t2.xml", HttpResponse::error(404));
        addFeed(QStringLiteral("/t1.xml"));
        addFeed(QStringLiteral("/t2.xml"));
        // The CLI's stdout is a pseudo-terminal, so isatty(1) holds.
        const int master = ::posix_openpt(O_RDWR | O_NOCTTY);
        QVERIFY(master >= 0);
        QVERIFY(::grantpt(master) == 0 && ::unlockpt(master) == 0);
        ::fcntl(master, F_SETFL, ::fcntl(master, F_GETFL) | O_NONBLOCK);
        auto *process = new QProcess(this);
        process->setProgram(QStringLiteral(BROADSHEET_CLI));
        process->setArguments({QStringLiteral("--profile"), m_profile, QStringLiteral("sync"),
                               QStringLiteral("--progress")});
        process->setStandardOutputFile(QString::fromLocal8Bit(::ptsname(master)));
        process->start();
        QByteArray screen;
        const auto drain = [&] {
            char buffer[4096];
            ssize_t n = 0;
            while ((n = ::read(master, buffer, sizeof buffer)) > 0)
                screen.append(buffer, n);
        };
        QVERIFY(QTest::qWaitFor(
            [&] {
                drain();
                return process->state() == QProcess::NotRunning;
            },
            20000));
        drain();
        ::close(master);
        QCOMPARE(process->exitCode(), 1); // one feed failed
        process->deleteLater();
        // The bar is redrawn in place, then the summary and the error are printed.
        QVERIFY2(screen.contains("\r\x1b[2K[#####.....] 1/2 feeds"), screen.constData());
        QVERIFY2(screen.contains("[##########] 2/2 feeds"), screen.constData());
        QVERIFY(screen.contains("1 error"));
        QVERIFY(screen.contains("2 feed(s) synced, 1 with errors"));
        QVERIFY(screen.contains("t2.xml: error: "));
        QVERIFY(!screen.contains("/2] ")); // no plain per-feed lines
    }

    void changedGuidWithSameLinkUpdatesTheArticle()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QList<Item> doc{{QStringLiteral("urn:1"), QStringLiteral("http://quay.test/story"),
                         QStringLiteral("Story"), now.addSecs(-3600)},
                        {QStringLiteral("urn:2"), QStringLiteral("http://quay.test/other"),
                         QStringLiteral("Other"), now.addSecs(-7200)}};
        m_server->route("/feed.xml",
                        [&doc](const HttpRequest &) { return feedResponse(rss(doc)); });
        const qint64 id = addFeed(QStringLiteral("/feed.xml"));
        runPass([](SyncEngine &e) { e.syncAll(); });
        qint64 story = 0;
        {
            auto db = writer();
            for (const auto &row : ArticleStore(*db).list({}))
                if (row.summary.title == QLatin1String("Story"))
                    story = row.summary.id;
            QVERIFY(story);
            QCOMPARE(StatusStore(*db).setStarred({story}, true), 1);
        }
        // The publisher changes its guid scheme: same link, new guid, edited title.
        doc[0].guid = QStringLiteral("https://quay.test/?p=1");
        doc[0].title = QStringLiteral("Story, corrected");
        QHash<qint64, QList<qint64>> updated;
        runPass([](SyncEngine &e) { e.syncAll(); }, nullptr, &updated);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM articles WHERE feed_id = ?"), id), 2);
        QVERIFY(updated.value(id).contains(story));
        auto db = writer();
        const auto a = ArticleStore(*db).article(story);
        QCOMPARE(a->guid, QStringLiteral("https://quay.test/?p=1"));
        QCOMPARE(a->title, QStringLiteral("Story, corrected"));
        QVERIFY(StatusStore(*db).status(story)->starred);
    }

    void sharedLinksAreNotMerged()
    {
        // A feed that points every item at its home page: guids tell the items apart.
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QString home = QStringLiteral("http://quay.test/");
        QList<Item> doc{{QStringLiteral("n1"), home, QStringLiteral("Notice one"), now},
                        {QStringLiteral("n2"), home, QStringLiteral("Notice two"), now}};
        m_server->route("/notices.xml",
                        [&doc](const HttpRequest &) { return feedResponse(rss(doc)); });
        const qint64 id = addFeed(QStringLiteral("/notices.xml"));
        runPass([](SyncEngine &e) { e.syncAll(); });
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM articles WHERE feed_id = ?"), id), 2);
        // A third notice, alone in the document, with the same link: a new article.
        doc = {{QStringLiteral("n3"), home, QStringLiteral("Notice three"), now}};
        runPass([](SyncEngine &e) { e.syncAll(); });
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM articles WHERE feed_id = ?"), id), 3);
        // Two new items sharing one link in the same document are not merged either.
        m_server->route("/pair.xml",
                        feedResponse(rss({{QStringLiteral("p1"), QStringLiteral("http://q/x"),
                                           QStringLiteral("P1"), now}})));
        const qint64 pair = addFeed(QStringLiteral("/pair.xml"));
        runPass([](SyncEngine &e) { e.syncAll(); });
        m_server->route("/pair.xml",
                        feedResponse(rss({{QStringLiteral("p2"), QStringLiteral("http://q/x"),
                                           QStringLiteral("P2"), now},
                                          {QStringLiteral("p3"), QStringLiteral("http://q/x"),
                                           QStringLiteral("P3"), now}})));
        runPass([](SyncEngine &e) { e.syncAll(); });
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM articles WHERE feed_id = ?"), pair), 3);
    }

    void retentionAfterSyncLeavesTombstones()
    {
        // Items published long ago, still in the feed.
        const QDateTime old = QDateTime::currentDateTimeUtc().addDays(-400);
        QList<Item> doc = items(4, QStringLiteral("old"), old, 3600);
        m_server->route("/old.xml", [&doc](const HttpRequest &) { return feedResponse(rss(doc)); });
        const qint64 id = addFeed(QStringLiteral("/old.xml"));
        // Unread: nothing is removed.
        SyncProgress p = runPass([](SyncEngine &e) { e.syncAll(); }, nullptr, nullptr, true);
        QCOMPARE(p.articlesAdded, 4);
        QCOMPARE(p.articlesRemoved, 0);
        qint64 starred = 0;
        {
            auto db = writer();
            QCOMPARE(StatusStore(*db).markFeedRead(id), 4);
            starred = ArticleStore(*db).list({}).first().summary.id;
            QCOMPARE(StatusStore(*db).setStarred({starred}, true), 1);
        }
        // Read and 400 days old: retention after the pass removes all but the starred one.
        p = runPass([](SyncEngine &e) { e.syncAll(); }, nullptr, nullptr, true);
        QCOMPARE(p.articlesRemoved, 3);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM articles WHERE feed_id = ?"), id), 1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM article_tombstones")), 3);
        // The feed still carries them (and one new item): they do not come back as new and
        // unread.
        doc.prepend(Item{QStringLiteral("fresh"), QStringLiteral("http://quay.test/fresh"),
                         QStringLiteral("Fresh"), QDateTime::currentDateTimeUtc()});
        QHash<qint64, qint64> unread;
        p = runPass([](SyncEngine &e) { e.syncAll(); }, &unread, nullptr, false);
        QCOMPARE(p.articlesAdded, 1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM articles WHERE feed_id = ?"), id), 2);
        QCOMPARE(unread.value(id), 1);
        // The starred one is still there, starred.
        auto db = writer();
        QVERIFY(StatusStore(*db).status(starred)->starred);
    }

    void purgeCommand()
    {
        const QDateTime old = QDateTime::currentDateTimeUtc().addDays(-200);
        m_server->route("/p.xml", feedResponse(rss(items(6, QStringLiteral("p"), old, 60))));
        const qint64 id = addFeed(QStringLiteral("/p.xml"));
        QCOMPARE(cli({QStringLiteral("sync")}), 0);
        {
            auto db = writer();
            QCOMPARE(StatusStore(*db).markFeedRead(id), 6);
        }
        QByteArray out;
        QCOMPARE(cli({QStringLiteral("purge"), QStringLiteral("--dry-run")}, &out), 0);
        QVERIFY2(out.contains("Would remove 6 article(s)"), out.constData());
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM articles")), 6);
        QCOMPARE(cli({QStringLiteral("purge")}, &out), 0);
        QVERIFY2(out.contains("Removed 6 article(s) in 1 batch(es)"), out.constData());
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM articles")), 0);
    }

    void interruptCancelsCleanly()
    {
        for (const char *path : {"/f1.xml", "/f2.xml", "/f3.xml"})
            m_server->route(path,
                            feedResponse(rss(items(2, QString::fromLatin1(path + 1), {}, 0))));
        HttpResponse slow = feedResponse(rss(items(2, QStringLiteral("slow"), {}, 0)));
        slow.delayMs = 25'000; // answers long after the test has interrupted the sync
        m_server->route("/slow.xml", slow);
        const qint64 slowId = addFeed(QStringLiteral("/slow.xml"));
        addFeed(QStringLiteral("/f1.xml"));
        addFeed(QStringLiteral("/f2.xml"));
        addFeed(QStringLiteral("/f3.xml"));
        QProcess *process = startCli({QStringLiteral("sync"), QStringLiteral("--progress")});
        QByteArray out;
        QVERIFY(QTest::qWaitFor(
            [&] {
                out += process->readAllStandardOutput();
                return out.count('\n') >= 3 || process->state() == QProcess::NotRunning;
            },
            20000));
        QCOMPARE(process->state(), QProcess::Running); // the slow feed holds the pass open
        QCOMPARE(m_server->hits("/slow.xml"), 1);
        ::kill(pid_t(process->processId()), SIGINT);
        QVERIFY(QTest::qWaitFor([&] { return process->state() == QProcess::NotRunning; }, 10000));
        out += process->readAllStandardOutput();
        const QByteArray err = process->readAllStandardError();
        QCOMPARE(process->exitStatus(), QProcess::NormalExit);
        QCOMPARE(process->exitCode(), 128 + SIGINT);
        QVERIFY2(err.contains("cancelled"), err.constData());
        QVERIFY2(out.contains("3 feed(s) synced"), out.constData());
        // What was merged stays; the feed in flight is untouched.
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM articles")), 6);
        const auto s = feed(slowId);
        QVERIFY(!s->lastFetch.isValid());
        QCOMPARE(s->errorCount, 0);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM articles WHERE feed_id = ?"), slowId),
                 0);
        auto db = writer(); // the writer lock was released
        QVERIFY(db);
        SqlQuery q(*db);
        QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
    }
};

QTEST_GUILESS_MAIN(TestSyncSchedule)
#include "test_sync_schedule.moc"
