// Reading offline: a feed of summaries is synced from the loopback server with full-article
// download on, the server is shut down, and the reader view then shows the downloaded page's
// text and its images from the profile's media cache, with no request leaving the reader
// scheme (the interceptor's log).

#include "OfflineSite.h"
#include "ReaderTesting.h"
#include "TestHttpServer.h"
#include "offline/MediaCache.h"
#include "reader/ReaderInterceptor.h"
#include "reader/ReaderSchemeHandler.h"
#include "reader/ReaderView.h"
#include "store/Database.h"
#include "store/FeedStore.h"
#include "store/SqlQuery.h"
#include "sync/SyncEngine.h"

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace bs;
using namespace bs::test;

class TestReaderOffline : public QObject
{
    Q_OBJECT

private slots:
    void readsSyncedArticleWithTheServerGone()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("broadsheet.sqlite"));
        auto server = std::make_unique<TestHttpServer>();
        QVERIFY(server->listen());
        const QUrl page = server->url(QStringLiteral("/a/1.html"));
        server->route("/feed.xml",
                      HttpResponse::ok(offlineFeed({{QStringLiteral("one"),
                                                     QStringLiteral("Lantern festival"),
                                                     page,
                                                     QStringLiteral("Lanterns on the river."),
                                                     {}}}),
                                       "application/rss+xml"));
        server->route(
            "/a/1.html",
            HttpResponse::ok(
                offlinePage(QStringLiteral("Lantern festival"), QStringLiteral("quillwort"),
                            {QStringLiteral("/img/boat.png"), QStringLiteral("/img/bridge.jpg")},
                            server->url(QStringLiteral("/img/lead.jpg")).toString()),
                "text/html; charset=utf-8"));
        server->route("/img/boat.png", HttpResponse::ok(testImage("PNG", 36, 1), "image/png"));
        server->route("/img/bridge.jpg", HttpResponse::ok(testImage("JPEG", 28, 2), "image/jpeg"));
        server->route("/img/lead.jpg", HttpResponse::ok(testImage("JPEG", 44, 3), "image/jpeg"));

        qint64 articleId = 0;
        {
            QString error;
            auto writer = Database::openWriter(path, &error);
            QVERIFY2(writer, qPrintable(error));
            Feed feed;
            feed.url = server->url(QStringLiteral("/feed.xml"));
            feed.fullText = FullTextMode::On;
            QVERIFY(FeedStore(*writer).addFeed(feed));
        }
        {
            SyncEngine engine(path);
            QVERIFY(engine.open());
            bool finished = false;
            int pages = 0, images = 0;
            connect(&engine, &SyncEngine::finished, this, [&] { finished = true; });
            connect(&engine, &SyncEngine::downloadsFinished, this, [&](int p, int, int i, int) {
                pages += p;
                images += i;
            });
            engine.syncAll();
            QVERIFY(QTest::qWaitFor([&] { return finished && !engine.isDownloading(); }, 30000));
            QCOMPARE(pages, 1);
            QCOMPARE(images, 3);
        }
        int pageRequests = 0;
        for (const HttpRequest &r : server->requests())
            pageRequests += r.path == "/a/1.html" ? 1 : 0;
        QCOMPARE(pageRequests, 1);
        server.reset(); // unplugged: nothing answers on that port any more

        QString error;
        auto reader = Database::openReader(path, &error);
        QVERIFY2(reader, qPrintable(error));
        {
            SqlQuery q(*reader);
            QVERIFY(q.exec(QStringLiteral("SELECT id FROM articles WHERE guid = 'one'")));
            QVERIFY(q.next());
            articleId = q.value(0).toLongLong();
        }
        MediaCache media(*reader, MediaCache::directoryFor(path));
        ReaderView view(*reader);
        view.setMediaResolver([&media](const QUrl &original) -> std::optional<ReaderMedia> {
            const auto entry = media.lookup(original);
            if (!entry)
                return std::nullopt;
            return ReaderMedia{{}, entry->filePath, entry->mimeType};
        });
        view.resize(900, 700);
        view.show();
        QVERIFY(view.usesWebEngine());
        QSignalSpy loaded(&view, &ReaderView::articleLoaded);
        view.showArticle(articleId);
        QVERIFY(loaded.wait(20000));
        QVERIFY(loaded.constLast().at(1).toBool());

        // The downloaded page's text, not just the feed's summary.
        const QString text = pageText(view.page());
        QVERIFY2(text.contains(QLatin1String("Lantern festival")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("quillwort")), qPrintable(text));

        // Both inline images decoded from the cache's files.
        const QString widths =
            QStringLiteral("Array.from(document.querySelectorAll('article img, main img, img'))"
                           ".map(function (i) { return i.naturalWidth; }).join(',')");
        QTRY_VERIFY_WITH_TIMEOUT(evalInPage(view.page(), widths)
                                     .toString()
                                     .split(QLatin1Char(','))
                                     .contains(QStringLiteral("36")),
                                 10000);
        const QStringList shown =
            evalInPage(view.page(), widths).toString().split(QLatin1Char(','));
        QVERIFY2(shown.contains(QStringLiteral("28")), qPrintable(shown.join(QLatin1Char(','))));
        QVERIFY(view.schemeHandler()->mediaServed() >= 2);
        QVERIFY(!media.takeAccessed().isEmpty()); // what the writer will mark as recently used

        // No request left the reader scheme: nothing was even attempted on the network.
        const auto log = view.interceptor()->log();
        QVERIFY(!log.isEmpty());
        for (const ReaderRequest &request : log) {
            QVERIFY2(request.url.scheme() == QLatin1String("bsreader"),
                     qPrintable(request.url.toString()));
            QVERIFY(!request.blocked);
        }
    }
};

BROADSHEET_READER_TEST_MAIN(TestReaderOffline)
#include "test_reader_offline.moc"
