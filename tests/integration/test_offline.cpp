// Offline content during sync against the loopback server: full-article download per feed
// mode, the page's words in the search index, images in the media cache (files on disk and
// rows), per-article errors, cancellation, no second download, and cached images of deleted
// articles removed after retention.

#include "OfflineSite.h"
#include "TestHttpServer.h"
#include "offline/MediaCache.h"
#include "store/ArticleStore.h"
#include "store/Database.h"
#include "store/FeedStore.h"
#include "store/SettingsStore.h"
#include "store/SqlQuery.h"
#include "store/StatusStore.h"
#include "sync/SyncEngine.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace bs;
using namespace bs::test;

namespace
{

struct SyncRun {
    bool finished = false;
    bool downloadsDone = false;
    int pages = 0, pageErrors = 0, images = 0, imageErrors = 0;
    QList<qint64> changed; // articleContentChanged, in order
};

} // namespace

class TestOffline : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<TestHttpServer> m_server;
    QString m_profile;
    QString m_path;
    int m_round = 0;

    std::unique_ptr<Database> writer()
    {
        QString error;
        auto db = Database::openWriter(m_path, &error);
        if (!db)
            qWarning() << error;
        return db;
    }

    qint64 addFeed(const QString &path, FullTextMode mode = FullTextMode::Automatic)
    {
        auto db = writer();
        Feed feed;
        feed.url = m_server->url(path);
        feed.fullText = mode;
        return FeedStore(*db).addFeed(feed).value_or(0);
    }

    // One pass of every feed, waiting for the merges and the downloads they queued.
    SyncRun sync(bool retention = false, const std::function<void(SyncEngine &)> &during = {})
    {
        SyncRun run;
        SyncEngine engine(m_path);
        engine.setRetentionAfterSync(retention, 0);
        connect(&engine, &SyncEngine::finished, this, [&] { run.finished = true; });
        connect(&engine, &SyncEngine::downloadsFinished, this, [&](int p, int pe, int i, int ie) {
            run.downloadsDone = true;
            run.pages += p;
            run.pageErrors += pe;
            run.images += i;
            run.imageErrors += ie;
        });
        connect(&engine, &SyncEngine::articleContentChanged, this,
                [&](qint64 id) { run.changed.append(id); });
        if (!engine.open())
            return run;
        engine.syncAll();
        if (during)
            during(engine);
        if (!QTest::qWaitFor([&] { return run.finished && !engine.isDownloading(); }, 30000))
            qWarning() << "the pass or its downloads did not finish";
        return run;
    }

    QString pageUrl(int n) const
    {
        return m_server->url(QStringLiteral("/a/%1.html").arg(n)).toString();
    }

    qint64 articleByGuid(Database &db, const QString &guid)
    {
        SqlQuery q(db);
        q.prepare(QStringLiteral("SELECT id FROM articles WHERE guid = ?"));
        q.bind(guid);
        return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
    }

    QList<qint64> search(Database &db, const QString &word)
    {
        SqlQuery q(db);
        q.prepare(QStringLiteral("SELECT rowid FROM article_fts WHERE article_fts MATCH ?"));
        q.bind(word);
        QList<qint64> out;
        if (q.exec())
            while (q.next())
                out.append(q.value(0).toLongLong());
        return out;
    }

    qint64 scalar(Database &db, const QString &sql, qint64 bound = 0)
    {
        SqlQuery q(db);
        q.prepare(sql);
        if (sql.contains(QLatin1Char('?')))
            q.bind(bound);
        return q.exec() && q.next() ? q.value(0).toLongLong() : -1;
    }

    int pageRequests() const
    {
        int n = 0;
        for (const HttpRequest &r : m_server->requests())
            n += r.path.startsWith("/a/") ? 1 : 0;
        return n;
    }

    // The summaries-only site: two articles, four images (one shared by both pages).
    void routeSite(const QString &feedPath = QStringLiteral("/feed.xml"))
    {
        const QList<OfflineItem> items = {
            {QStringLiteral("one"),
             QStringLiteral("Pilots meet"),
             QUrl(pageUrl(1)),
             QStringLiteral("Harbour pilots compare notes."),
             {}},
            {QStringLiteral("two"),
             QStringLiteral("Channel markers"),
             QUrl(pageUrl(2)),
             QStringLiteral("New markers for the channel."),
             {}},
        };
        m_server->route(feedPath.toUtf8(),
                        HttpResponse::ok(offlineFeed(items), "application/rss+xml"));
        m_server->route(
            "/a/1.html",
            HttpResponse::ok(
                offlinePage(QStringLiteral("Pilots meet"), QStringLiteral("marrowleaf"),
                            {QStringLiteral("/img/p1.png"), QStringLiteral("/img/shared.png")},
                            m_server->url(QStringLiteral("/img/lead.jpg")).toString()),
                "text/html; charset=utf-8"));
        m_server->route(
            "/a/2.html",
            HttpResponse::ok(
                offlinePage(QStringLiteral("Channel markers"), QStringLiteral("saltwort"),
                            {QStringLiteral("/img/shared.png"), QStringLiteral("/img/p2.jpg")}),
                "text/html; charset=utf-8"));
        m_server->route("/img/lead.jpg", HttpResponse::ok(testImage("JPEG", 40, 1), "image/jpeg"));
        m_server->route("/img/p1.png", HttpResponse::ok(testImage("PNG", 30, 2), "image/png"));
        m_server->route("/img/shared.png", HttpResponse::ok(testImage("PNG", 20, 3), "image/png"));
        m_server->route("/img/p2.jpg", HttpResponse::ok(testImage("JPEG", 24, 4), "image/jpeg"));
    }

private slots:
    void init()
    {
        m_profile = m_dir.filePath(QStringLiteral("profile-%1").arg(++m_round));
        QVERIFY(QDir().mkpath(m_profile));
        m_path = m_profile + QStringLiteral("/broadsheet.sqlite");
        m_server = std::make_unique<TestHttpServer>();
        QVERIFY(m_server->listen());
    }

    void automaticDownloadsPagesAndImages()
    {
        routeSite();
        const qint64 feed = addFeed(QStringLiteral("/feed.xml"));
        QVERIFY(feed > 0);
        const SyncRun run = sync();
        QVERIFY(run.finished && run.downloadsDone);
        QCOMPARE(run.pages, 2);
        QCOMPARE(run.pageErrors, 0);
        QCOMPARE(run.imageErrors, 0);

        auto db = writer();
        const qint64 one = articleByGuid(*db, QStringLiteral("one"));
        const qint64 two = articleByGuid(*db, QStringLiteral("two"));
        QVERIFY(one > 0 && two > 0);
        QVERIFY(run.changed.contains(one) && run.changed.contains(two));
        ArticleStore store(*db);
        const auto page1 = store.page(one);
        QVERIFY(page1);
        QVERIFY(page1->fullText.contains(QLatin1String("marrowleaf")));
        QVERIFY(page1->extractError.isEmpty());
        QVERIFY(page1->mediaError.isEmpty());
        QVERIFY(page1->extractedAt.isValid());
        QCOMPARE(page1->lang, QStringLiteral("en"));
        QCOMPARE(page1->leadImage, m_server->url(QStringLiteral("/img/lead.jpg")).toString());
        // The feed's own summary is kept beside the page.
        QCOMPARE(store.article(one)->summary, QStringLiteral("Harbour pilots compare notes."));
        // Searchable by words only the page has.
        QCOMPARE(search(*db, QStringLiteral("marrowleaf")), QList<qint64>{one});
        QCOMPARE(search(*db, QStringLiteral("saltwort")), QList<qint64>{two});

        // The page's own related list, with absolute addresses.
        const QJsonArray related = QJsonDocument::fromJson(page1->relatedJson.toUtf8()).array();
        QCOMPARE(related.size(), 3);
        QCOMPARE(related[0].toObject().value(QStringLiteral("url")).toString(),
                 m_server->url(QStringLiteral("/more/1.html")).toString());
        QCOMPARE(related[1].toObject().value(QStringLiteral("title")).toString(),
                 QStringLiteral("Sandbank survey to begin in June"));

        // Images: four addresses, four distinct files, linked to their articles.
        MediaCache cache(*db, MediaCache::directoryFor(m_path));
        QCOMPARE(cache.directory(), m_profile + QStringLiteral("/media"));
        QCOMPARE(cache.stats().entries, 4);
        QCOMPARE(cache.stats().files, 4);
        QCOMPARE(scalar(*db,
                        QStringLiteral("SELECT count(*) FROM article_media WHERE "
                                       "article_id = ?"),
                        one),
                 3);
        QCOMPARE(scalar(*db,
                        QStringLiteral("SELECT count(*) FROM article_media WHERE "
                                       "article_id = ?"),
                        two),
                 2);
        for (const char *path :
             {"/img/lead.jpg", "/img/p1.png", "/img/shared.png", "/img/p2.jpg"}) {
            const auto entry = cache.lookup(m_server->url(QString::fromLatin1(path)));
            QVERIFY2(entry, path);
            QFile file(entry->filePath);
            QVERIFY(file.open(QIODevice::ReadOnly));
            QCOMPARE(file.size(), entry->size);
            QVERIFY(entry->filePath.startsWith(m_profile + QStringLiteral("/media/")));
        }
        QCOMPARE(cache.lookup(m_server->url(QStringLiteral("/img/lead.jpg")))->mimeType,
                 QStringLiteral("image/jpeg"));

        // A second pass, the feed changed for article one: its page is not fetched again and
        // the stored page stays.
        const int pagesBefore = pageRequests();
        const int imagesBefore = m_server->hits("/img/p1.png");
        db.reset();
        m_server->route("/feed.xml",
                        HttpResponse::ok(offlineFeed({{QStringLiteral("one"),
                                                       QStringLiteral("Pilots meet again"),
                                                       QUrl(pageUrl(1)),
                                                       QStringLiteral("Updated teaser."),
                                                       {}},
                                                      {QStringLiteral("two"),
                                                       QStringLiteral("Channel markers"),
                                                       QUrl(pageUrl(2)),
                                                       QStringLiteral("New markers for the "
                                                                      "channel."),
                                                       {}}}),
                                         "application/rss+xml"));
        const SyncRun again = sync();
        QVERIFY(again.finished);
        QCOMPARE(again.pages, 0);
        QCOMPARE(pageRequests(), pagesBefore);
        QCOMPARE(m_server->hits("/img/p1.png"), imagesBefore);
        db = writer();
        QCOMPARE(ArticleStore(*db).article(one)->title, QStringLiteral("Pilots meet again"));
        QVERIFY(ArticleStore(*db).page(one)->fullText.contains(QLatin1String("marrowleaf")));
        QCOMPARE(search(*db, QStringLiteral("marrowleaf")), QList<qint64>{one});
    }

    void offModeRequestsNoPage()
    {
        routeSite();
        const qint64 feed = addFeed(QStringLiteral("/feed.xml"), FullTextMode::Off);
        QVERIFY(feed > 0);
        const SyncRun run = sync();
        QVERIFY(run.finished);
        QCOMPARE(pageRequests(), 0);
        for (const HttpRequest &r : m_server->requests())
            QCOMPARE(r.path, QByteArray("/feed.xml"));
        auto db = writer();
        QCOMPARE(ArticleStore(*db).count({}), 2);
        QVERIFY(
            ArticleStore(*db).page(articleByGuid(*db, QStringLiteral("one")))->fullText.isEmpty());
        QCOMPARE(MediaCache(*db, MediaCache::directoryFor(m_path)).stats().entries, 0);
    }

    void fullContentFeedIsNotFetchedInAutomatic()
    {
        routeSite();
        QString body;
        for (int i = 0; i < 8; ++i)
            body += QStringLiteral("<p>The whole article is in the feed, paragraph %1, with "
                                   "enough words to read as an article and not a teaser.</p>")
                        .arg(i);
        m_server->route(
            "/full.xml",
            HttpResponse::ok(offlineFeed({{QStringLiteral("full"), QStringLiteral("All here"),
                                           QUrl(pageUrl(1)), QStringLiteral("Teaser."), body}}),
                             "application/rss+xml"));
        QVERIFY(addFeed(QStringLiteral("/full.xml")) > 0);
        const SyncRun run = sync();
        QVERIFY(run.finished);
        QCOMPARE(pageRequests(), 0);
        auto db = writer();
        const auto page = ArticleStore(*db).page(articleByGuid(*db, QStringLiteral("full")));
        QVERIFY(page && page->fullText.isEmpty() && !page->extractedAt.isValid());

        // The same feed set to "on" downloads new articles whatever they carry.
        m_server->route(
            "/full.xml",
            HttpResponse::ok(offlineFeed({{QStringLiteral("full2"), QStringLiteral("All here too"),
                                           QUrl(pageUrl(2)), QStringLiteral("Teaser."), body}}),
                             "application/rss+xml"));
        Feed feed = FeedStore(*db).feeds().constFirst();
        feed.fullText = FullTextMode::On;
        QVERIFY(FeedStore(*db).updateFeed(feed));
        db.reset();
        QCOMPARE(sync().pages, 1);
        QCOMPARE(pageRequests(), 1);
    }

    void errorsAreRecordedAndArticlesKept()
    {
        const QList<OfflineItem> items = {
            {QStringLiteral("missing"),
             QStringLiteral("Gone page"),
             m_server->url(QStringLiteral("/a/missing.html")),
             QStringLiteral("Teaser one."),
             {}},
            {QStringLiteral("pdf"),
             QStringLiteral("A document"),
             m_server->url(QStringLiteral("/a/report.pdf")),
             QStringLiteral("Teaser two."),
             {}},
            {QStringLiteral("images"),
             QStringLiteral("Bad images"),
             m_server->url(QStringLiteral("/a/images.html")),
             QStringLiteral("Teaser three."),
             {}},
        };
        m_server->route("/feed.xml", HttpResponse::ok(offlineFeed(items), "application/rss+xml"));
        m_server->route("/a/report.pdf",
                        HttpResponse::ok("%PDF-1.4 not a page", "application/pdf"));
        m_server->route(
            "/a/images.html",
            HttpResponse::ok(
                offlinePage(QStringLiteral("Bad images"), QStringLiteral("glasswort"),
                            {QStringLiteral("/img/huge.png"), QStringLiteral("/img/fake.png"),
                             QStringLiteral("/img/typed.png"), QStringLiteral("/img/good.png")}),
                "text/html"));
        const QByteArray huge = testImage("PNG", 700, 5, true);
        QVERIFY(huge.size() > 1024 * 1024);
        m_server->route("/img/huge.png", HttpResponse::ok(huge, "image/png"));
        m_server->route("/img/fake.png",
                        HttpResponse::ok("<html><body>Not found</body></html>", "image/png"));
        m_server->route("/img/typed.png", HttpResponse::ok(testImage("PNG", 10, 6), "text/html"));
        m_server->route("/img/good.png", HttpResponse::ok(testImage("PNG", 10, 7), "image/png"));
        QVERIFY(addFeed(QStringLiteral("/feed.xml")) > 0);
        {
            auto db = writer();
            QVERIFY(SettingsStore(*db).setValue(QLatin1String(SettingsStore::kMediaMaxImageMb),
                                                QStringLiteral("1")));
        }
        const SyncRun run = sync();
        QVERIFY(run.finished && run.downloadsDone);
        QCOMPARE(run.pages, 1);
        QCOMPARE(run.pageErrors, 2);
        QCOMPARE(run.images, 1);
        QCOMPARE(run.imageErrors, 3);

        auto db = writer();
        ArticleStore store(*db);
        QCOMPARE(store.count({}), 3);
        const qint64 missing = articleByGuid(*db, QStringLiteral("missing"));
        const auto missingPage = store.page(missing);
        QVERIFY2(missingPage->extractError.contains(QLatin1String("404")),
                 qPrintable(missingPage->extractError));
        QVERIFY(missingPage->extractedAt.isValid());
        QVERIFY(missingPage->fullText.isEmpty());
        QCOMPARE(store.article(missing)->summary, QStringLiteral("Teaser one."));
        QCOMPARE(search(*db, QStringLiteral("teaser")).size(), 3); // the feed's text still indexed

        const auto pdf = store.page(articleByGuid(*db, QStringLiteral("pdf")));
        QVERIFY2(pdf->extractError.contains(QLatin1String("application/pdf")),
                 qPrintable(pdf->extractError));

        const qint64 imagesId = articleByGuid(*db, QStringLiteral("images"));
        const auto imagesPage = store.page(imagesId);
        QVERIFY(imagesPage->fullText.contains(QLatin1String("glasswort")));
        QVERIFY(imagesPage->extractError.isEmpty());
        const QStringList lines = imagesPage->mediaError.split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 3);
        QVERIFY(imagesPage->mediaError.contains(QLatin1String("huge.png")));
        QVERIFY(imagesPage->mediaError.contains(QLatin1String("fake.png: the bytes are not")));
        QVERIFY(imagesPage->mediaError.contains(QLatin1String("typed.png: not an image")));
        MediaCache cache(*db, MediaCache::directoryFor(m_path));
        QCOMPARE(cache.stats().entries, 1);
        QVERIFY(cache.lookup(m_server->url(QStringLiteral("/img/good.png"))));
        QVERIFY(!cache.lookup(m_server->url(QStringLiteral("/img/huge.png"))));
    }

    void cancelStopsDownloads()
    {
        m_server->route("/feed.xml", HttpResponse::ok(offlineFeed({{QStringLiteral("slow"),
                                                                    QStringLiteral("Slow page"),
                                                                    QUrl(pageUrl(9)),
                                                                    QStringLiteral("Teaser."),
                                                                    {}}}),
                                                      "application/rss+xml"));
        HttpResponse slow = HttpResponse::ok(
            offlinePage(QStringLiteral("Slow page"), QStringLiteral("sedge"), {}), "text/html");
        slow.delayMs = 20000;
        m_server->route("/a/9.html", slow);
        QVERIFY(addFeed(QStringLiteral("/feed.xml")) > 0);
        QElapsedTimer clock;
        clock.start();
        bool cancelled = false;
        const SyncRun run = sync(false, [&](SyncEngine &engine) {
            // Once the page is asked for, cancel while it is in flight.
            QVERIFY(QTest::qWaitFor([&] { return m_server->hits("/a/9.html") > 0; }, 10000));
            QVERIFY(engine.isDownloading());
            engine.cancel();
            cancelled = true;
        });
        QVERIFY(cancelled);
        QVERIFY(run.finished && run.downloadsDone);
        QVERIFY(clock.elapsed() < 15000); // did not wait for the held page
        QCOMPARE(run.pages, 0);
        auto db = writer();
        const auto page = ArticleStore(*db).page(articleByGuid(*db, QStringLiteral("slow")));
        QVERIFY(page->fullText.isEmpty());
        QVERIFY(page->extractError.isEmpty()); // cancelled, not failed
        QCOMPARE(ArticleStore(*db).count({}), 1);
    }

    void retentionRemovesImagesOfDeletedArticles()
    {
        routeSite();
        const qint64 feed = addFeed(QStringLiteral("/feed.xml"));
        // Articles from 2021 are past a one-day retention once read.
        {
            auto db = writer();
            Feed f = *FeedStore(*db).feed(feed);
            f.retentionDays = 1;
            QVERIFY(FeedStore(*db).updateFeed(f));
        }
        const SyncRun first = sync(true); // unread: retention keeps them
        QCOMPARE(first.pages, 2);
        QString mediaDir = MediaCache::directoryFor(m_path);
        QStringList files;
        qint64 one = 0, two = 0;
        {
            auto db = writer();
            one = articleByGuid(*db, QStringLiteral("one"));
            two = articleByGuid(*db, QStringLiteral("two"));
            SqlQuery q(*db);
            QVERIFY(q.exec(QStringLiteral("SELECT sha256 FROM media_cache")));
            MediaCache cache(*db, mediaDir);
            while (q.next())
                files.append(cache.filePath(q.value(0).toString()));
            QCOMPARE(files.size(), 4);
            for (const QString &f : files)
                QVERIFY(QFile::exists(f));
            // Article one is read and goes; article two is read but starred and stays.
            QCOMPARE(StatusStore(*db).setRead({one, two}, true), 2);
            QCOMPARE(StatusStore(*db).setStarred({two}, true), 1);
        }
        const SyncRun second = sync(true);
        QVERIFY(second.finished);
        auto db = writer();
        QVERIFY(!ArticleStore(*db).article(one));
        QVERIFY(ArticleStore(*db).article(two));
        MediaCache cache(*db, mediaDir);
        // One's own images (lead, p1) are gone with their files; shared.png stays for two.
        QCOMPARE(cache.stats().entries, 2);
        QVERIFY(!cache.lookup(m_server->url(QStringLiteral("/img/lead.jpg"))));
        QVERIFY(!cache.lookup(m_server->url(QStringLiteral("/img/p1.png"))));
        QVERIFY(cache.lookup(m_server->url(QStringLiteral("/img/shared.png"))));
        QVERIFY(cache.lookup(m_server->url(QStringLiteral("/img/p2.jpg"))));
        int remaining = 0;
        for (const QString &f : files)
            remaining += QFile::exists(f) ? 1 : 0;
        QCOMPARE(remaining, 2);
    }
};

QTEST_GUILESS_MAIN(TestOffline)
#include "test_offline.moc"
