// SyncEngine against the loopback TestHttpServer: what ends up in the database after real
// HTTP exchanges (304s, redirects, errors, updated and dropped items, duplicate guids).

#include "TestHttpServer.h"
#include "store/ArticleStore.h"
#include "store/Database.h"
#include "store/FeedStore.h"
#include "store/StatusStore.h"
#include "sync/SyncEngine.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace bs;
using namespace bs::test;

namespace
{

QByteArray rss(const QList<std::pair<QString, QString>> &items,
               const QString &title = QStringLiteral("Loopback News"))
{
    QString out =
        QStringLiteral("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>%1</title>"
                       "<link>http://site.test/</link>")
            .arg(title);
    for (const auto &[guid, text] : items)
        out +=
            QStringLiteral("<item><guid>%1</guid><title>%2</title><link>http://site.test/%1</link>"
                           "<pubDate>Mon, 06 Sep 2021 10:00:00 GMT</pubDate><description>%2 "
                           "body</description></item>")
                .arg(guid, text);
    out += QStringLiteral("</channel></rss>");
    return out.toUtf8();
}

} // namespace

class TestSync : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<TestHttpServer> m_server;
    QString m_path;
    int m_round = 0;

    qint64 addFeed(const QUrl &url)
    {
        QString error;
        auto db = Database::openWriter(m_path, &error);
        return FeedStore(*db).addFeed(Feed{.url = url}).value_or(0);
    }

    // One sync run of every feed; returns the per-feed errors.
    QHash<qint64, QString> syncAll()
    {
        SyncEngine engine(m_path, FetchPolicy{});
        QHash<qint64, QString> errors;
        connect(&engine, &SyncEngine::feedSynced, this,
                [&](qint64 id, const QList<qint64> &, const QList<qint64> &, const QString &e) {
                    errors.insert(id, e);
                });
        QSignalSpy done(&engine, &SyncEngine::finished);
        if (!engine.open())
            return errors;
        engine.syncAll();
        if (done.isEmpty())
            done.wait(20000);
        return errors;
    }

    std::unique_ptr<Database> reader()
    {
        QString error;
        return Database::openReader(m_path, &error);
    }

private slots:
    void init()
    {
        m_path = m_dir.filePath(QStringLiteral("sync-%1.sqlite").arg(++m_round));
        m_server = std::make_unique<TestHttpServer>();
        QVERIFY(m_server->listen());
    }

    void fetchesThenConditionalGet()
    {
        HttpResponse feed =
            HttpResponse::ok(rss({{"a", "Alpha"}, {"b", "Beta"}}), "application/rss+xml");
        feed.etag = "\"v1\"";
        feed.lastModified = "Mon, 06 Sep 2021 10:00:00 GMT";
        m_server->route("/feed.xml", feed);
        const qint64 id = addFeed(m_server->url(QStringLiteral("/feed.xml")));
        QVERIFY(syncAll().value(id).isEmpty());
        {
            auto db = reader();
            const auto f = FeedStore(*db).feed(id);
            QCOMPARE(f->title, QStringLiteral("Loopback News"));
            QCOMPARE(f->etag, QStringLiteral("\"v1\""));
            QCOMPARE(f->lastModified, QStringLiteral("Mon, 06 Sep 2021 10:00:00 GMT"));
            QVERIFY(f->lastFetch.isValid());
            QCOMPARE(ArticleStore(*db).count({}), 2);
        }
        m_server->clearLog();
        QVERIFY(syncAll().value(id).isEmpty());
        const QList<HttpRequest> log = m_server->requests();
        QVERIFY(!log.isEmpty());
        QCOMPARE(log.last().header("If-None-Match"), QByteArray("\"v1\""));
        QCOMPARE(log.last().header("If-Modified-Since"),
                 QByteArray("Mon, 06 Sep 2021 10:00:00 GMT"));
        auto db = reader();
        QCOMPARE(ArticleStore(*db).count({}), 2); // 304: nothing new, nothing doubled
    }

    void updatesKeepStatusAndDroppedItemsStay()
    {
        QByteArray body = rss({{"a", "Alpha"}, {"b", "Beta"}, {"c", "Gamma"}});
        m_server->route("/feed.xml", [&body](const HttpRequest &) {
            return HttpResponse::ok(body, "application/rss+xml");
        });
        const qint64 id = addFeed(m_server->url(QStringLiteral("/feed.xml")));
        QVERIFY(syncAll().value(id).isEmpty());
        qint64 alpha = 0;
        {
            QString error;
            auto db = Database::openWriter(m_path, &error);
            for (const auto &row : ArticleStore(*db).list({}))
                if (row.summary.title == QLatin1String("Alpha"))
                    alpha = row.summary.id;
            QCOMPARE(StatusStore(*db).setRead({alpha}, true), 1);
            QCOMPARE(StatusStore(*db).setStarred({alpha}, true), 1);
        }
        // Alpha's text changes, Gamma is dropped from the feed, Beta repeats its guid.
        body = rss({{"a", "Alpha revised"}, {"b", "Beta"}});
        QVERIFY(syncAll().value(id).isEmpty());
        auto db = reader();
        ArticleStore articles(*db);
        QCOMPARE(articles.count({}), 3);
        const auto a = articles.article(alpha);
        QCOMPARE(a->title, QStringLiteral("Alpha revised"));
        const auto s = StatusStore(*db).status(alpha);
        QVERIFY(s->read && s->starred);
    }

    void errorsAreStoredAndRecover()
    {
        bool broken = true;
        m_server->route("/flaky.xml", [&broken](const HttpRequest &) {
            return broken ? HttpResponse::error(404)
                          : HttpResponse::ok(rss({{"x", "Back"}}), "application/rss+xml");
        });
        m_server->route("/gone.xml", HttpResponse::error(410));
        m_server->route("/page.html",
                        HttpResponse::ok("<html><body>hello</body></html>", "text/html"));
        const qint64 flaky = addFeed(m_server->url(QStringLiteral("/flaky.xml")));
        const qint64 gone = addFeed(m_server->url(QStringLiteral("/gone.xml")));
        const qint64 page = addFeed(m_server->url(QStringLiteral("/page.html")));
        const auto errors = syncAll();
        QVERIFY2(errors.value(flaky).contains(QLatin1String("404")),
                 qPrintable(errors.value(flaky)));
        QVERIFY(errors.value(gone).contains(QLatin1String("410")));
        QVERIFY2(errors.value(page).contains(QLatin1String("not a feed")),
                 qPrintable(errors.value(page)));
        {
            auto db = reader();
            FeedStore feeds(*db);
            QCOMPARE(feeds.feed(flaky)->errorCount, 1);
            QVERIFY(feeds.feed(flaky)->lastError.contains(QLatin1String("404")));
            QVERIFY(feeds.feed(flaky)->nextFetch > QDateTime::currentDateTimeUtc());
            QVERIFY(feeds.feed(gone)->disabled);
        }
        broken = false;
        QVERIFY(syncAll().value(flaky).isEmpty());
        auto db = reader();
        const auto f = FeedStore(*db).feed(flaky);
        QCOMPARE(f->errorCount, 0);
        QVERIFY(f->lastError.isEmpty());
        QCOMPARE(ArticleStore(*db).count({}), 1);
    }

    void cutDocumentKeepsNoValidators()
    {
        QByteArray body = rss({{"a", "Alpha"}, {"b", "Beta"}});
        body.chop(40); // as if the connection dropped inside a chunked body
        HttpResponse feed = HttpResponse::ok(body, "application/rss+xml");
        feed.etag = "\"cut\"";
        m_server->route("/cut.xml", feed);
        const qint64 id = addFeed(m_server->url(QStringLiteral("/cut.xml")));
        syncAll();
        auto db = reader();
        QVERIFY(FeedStore(*db).feed(id)->etag.isEmpty());
        QVERIFY(ArticleStore(*db).count({}) >= 1); // what was read is kept
    }

    void permanentRedirectMovesTheFeed()
    {
        m_server->route("/new.xml",
                        HttpResponse::ok(rss({{"n", "New home"}}), "application/rss+xml"));
        m_server->redirect("/old.xml", "/new.xml", 301);
        m_server->redirect("/temp.xml", "/new2.xml", 302);
        m_server->route("/new2.xml", HttpResponse::ok(rss({{"t", "Temp"}}), "application/rss+xml"));
        const qint64 moved = addFeed(m_server->url(QStringLiteral("/old.xml")));
        const qint64 temp = addFeed(m_server->url(QStringLiteral("/temp.xml")));
        syncAll();
        auto db = reader();
        QCOMPARE(FeedStore(*db).feed(moved)->url, m_server->url(QStringLiteral("/new.xml")));
        QCOMPARE(FeedStore(*db).feed(temp)->url, m_server->url(QStringLiteral("/temp.xml")));
        QCOMPARE(ArticleStore(*db).count({}), 2);
    }
};

QTEST_GUILESS_MAIN(TestSync)
#include "test_sync.moc"
