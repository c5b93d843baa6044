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
    QHash<qint64, QString> syncAll(const FetchPolicy &policy = {})
    {
        SyncEngine engine(m_path, policy);
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
            done.wait(30000);
        return errors;
    }

    std::unique_ptr<Database> reader()
    {
        QString error;
        return Database::openReader(m_path, &error);
    }

    qint64 articlesOf(Database &db, qint64 feedId)
    {
        ArticleQuery query;
        query.feedId = feedId;
        return ArticleStore(db).count(query);
    }

    // A failed fetch leaves the feed as it was apart from its error state: no articles, no
    // validators, its address unchanged, one error counted and a later retry time.
    void checkFailedUntouched(Database &db, qint64 id, const QString &path, const QString &error)
    {
        const auto f = FeedStore(db).feed(id);
        QVERIFY(f);
        QVERIFY2(!error.isEmpty(), qPrintable(path));
        QCOMPARE(f->lastError, error);
        QCOMPARE(f->errorCount, 1);
        QVERIFY(f->lastErrorAt.isValid());
        QVERIFY(f->nextFetch > QDateTime::currentDateTimeUtc());
        QVERIFY(f->etag.isEmpty() && f->lastModified.isEmpty() && f->contentHash.isEmpty());
        QCOMPARE(f->url, m_server->url(path));
        QCOMPARE(articlesOf(db, id), 0);
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

    // Answers a feed server should not give, in one pass: each failing feed keeps nothing and
    // records its error; compressed bodies and a charset header that contradicts the XML
    // declaration still store the right articles.
    void hostileAnswersLeaveTheStoreConsistent()
    {
        m_server->redirect("/loop-a.xml", "/loop-b.xml", 302);
        m_server->redirect("/loop-b.xml", "/loop-a.xml", 302);
        HttpResponse slow = HttpResponse::ok(rss({{"s", "Slow"}}), "application/rss+xml");
        slow.delayMs = 2500;
        m_server->route("/slow.xml", slow);
        QList<std::pair<QString, QString>> many;
        for (int i = 0; i < 2000; ++i)
            many.append({QStringLiteral("big%1").arg(i), QStringLiteral("Big item %1").arg(i)});
        HttpResponse big = HttpResponse::ok(rss(many), "application/rss+xml");
        big.etag = "\"big\"";
        m_server->route("/big.xml", big);
        HttpResponse gzip =
            HttpResponse::ok(rss({{"g1", "Gzip one"}, {"g2", "Gzip two"}}), "application/rss+xml");
        gzip.coding = ContentCoding::Gzip;
        m_server->route("/gzip.xml", gzip);
        HttpResponse brotli = HttpResponse::ok(rss({{"b1", "Brotli one"}}), "application/rss+xml");
        brotli.coding = ContentCoding::Brotli;
        brotli.chunked = true;
        m_server->route("/brotli.xml", brotli);
        // The header says Latin-1, the declaration and the bytes say UTF-8.
        const QByteArray utf8 = QStringLiteral("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss "
                                               "version=\"2.0\"><channel><title>Caf\u00e9 "
                                               "\u9752\u5c9b</title><item><guid>m1</guid><title>"
                                               "Z\u00fcrich \u6d77\u8fb9</title></item></channel>"
                                               "</rss>")
                                    .toUtf8();
        m_server->route("/mismatch.xml",
                        HttpResponse::ok(utf8, "application/rss+xml; charset=iso-8859-1"));

        const qint64 loop = addFeed(m_server->url(QStringLiteral("/loop-a.xml")));
        const qint64 slowId = addFeed(m_server->url(QStringLiteral("/slow.xml")));
        const qint64 bigId = addFeed(m_server->url(QStringLiteral("/big.xml")));
        const qint64 gzipId = addFeed(m_server->url(QStringLiteral("/gzip.xml")));
        const qint64 brotliId = addFeed(m_server->url(QStringLiteral("/brotli.xml")));
        const qint64 mismatch = addFeed(m_server->url(QStringLiteral("/mismatch.xml")));

        FetchPolicy policy;
        policy.transferTimeoutMs = 500;
        policy.retries = 0;
        policy.maxBodyBytes = 64 * 1024;
        const auto errors = syncAll(policy);
        QCOMPARE(errors.size(), 6);

        auto db = reader();
        checkFailedUntouched(*db, loop, QStringLiteral("/loop-a.xml"), errors.value(loop));
        QVERIFY2(errors.value(loop).contains(QLatin1String("redirect"), Qt::CaseInsensitive),
                 qPrintable(errors.value(loop)));
        checkFailedUntouched(*db, slowId, QStringLiteral("/slow.xml"), errors.value(slowId));
        checkFailedUntouched(*db, bigId, QStringLiteral("/big.xml"), errors.value(bigId));

        for (qint64 ok : {gzipId, brotliId, mismatch}) {
            QVERIFY2(errors.value(ok).isEmpty(), qPrintable(errors.value(ok)));
            QCOMPARE(FeedStore(*db).feed(ok)->errorCount, 0);
        }
        QCOMPARE(articlesOf(*db, gzipId), 2);
        QCOMPARE(articlesOf(*db, brotliId), 1);
        QCOMPARE(articlesOf(*db, mismatch), 1);
        ArticleQuery query;
        query.feedId = mismatch;
        const auto rows = ArticleStore(*db).list(query);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().summary.title, QStringLiteral("Z\u00fcrich \u6d77\u8fb9"));
        QCOMPARE(FeedStore(*db).feed(mismatch)->title, QStringLiteral("Caf\u00e9 \u9752\u5c9b"));
        QCOMPARE(ArticleStore(*db).count({}), 4);
    }

    // 429 with Retry-After puts the feed off until then; a 500 is an error that the next
    // good answer clears.
    void retryAfterAndServerErrorRecovery()
    {
        HttpResponse busy = HttpResponse::error(429);
        busy.retryAfterSecs = 600;
        m_server->route("/busy.xml", busy);
        const qint64 busyId = addFeed(m_server->url(QStringLiteral("/busy.xml")));
        FetchPolicy policy;
        policy.retries = 0;
        policy.maxHostWaitMs = 1000;
        const QDateTime before = QDateTime::currentDateTimeUtc();
        const auto first = syncAll(policy);
        {
            auto db = reader();
            checkFailedUntouched(*db, busyId, QStringLiteral("/busy.xml"), first.value(busyId));
            QVERIFY(FeedStore(*db).feed(busyId)->nextFetch >= before.addSecs(590));
        }
        {
            // Out of the way: the host's Retry-After would hold the next feed too.
            QString error;
            auto db = Database::openWriter(m_path, &error);
            auto f = FeedStore(*db).feed(busyId);
            f->disabled = true;
            QVERIFY(FeedStore(*db).updateFeed(*f));
        }
        int calls = 0;
        m_server->route("/flaky.xml", [&calls](const HttpRequest &) {
            return ++calls == 1
                       ? HttpResponse::error(500)
                       : HttpResponse::ok(rss({{"r", "Recovered"}}), "application/rss+xml");
        });
        const qint64 flaky = addFeed(m_server->url(QStringLiteral("/flaky.xml")));
        const auto second = syncAll(policy);
        {
            auto db = reader();
            checkFailedUntouched(*db, flaky, QStringLiteral("/flaky.xml"), second.value(flaky));
            QVERIFY2(second.value(flaky).contains(QLatin1String("500")),
                     qPrintable(second.value(flaky)));
        }
        QVERIFY(syncAll(policy).value(flaky).isEmpty());
        auto db = reader();
        const auto f = FeedStore(*db).feed(flaky);
        QCOMPARE(f->errorCount, 0);
        QVERIFY(f->lastError.isEmpty());
        QCOMPARE(articlesOf(*db, flaky), 1);
        QCOMPARE(calls, 2);
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
