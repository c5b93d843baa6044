// Managing feeds and folders through SyncService's worker calls, on real SQLite files: add
// (duplicates refused, new folder), update (a hand-set title survives a sync), remove (articles
// and their search entries go), folders (create, rename, move, never into their own subtree,
// remove with feeds deleted or moved up), OPML import and export, settings, and discovery
// against the loopback HTTP server.

#include "TestData.h"
#include "TestHttpServer.h"
#include "feeds/Opml.h"
#include "store/ArticleStore.h"
#include "store/Database.h"
#include "store/FeedStore.h"
#include "store/SettingsStore.h"
#include "store/SqlQuery.h"
#include "sync/SyncService.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace bs;
using namespace bs::test;

namespace
{

QByteArray rss(const QString &title, const QString &prefix, int items)
{
    QString out = QStringLiteral("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
                                 "<title>%1</title><link>http://site.test/</link>")
                      .arg(title);
    for (int i = 0; i < items; ++i)
        out += QStringLiteral("<item><guid>%1-%2</guid><title>%1 story %2</title>"
                              "<description>Text of %1 story %2</description></item>")
                   .arg(prefix)
                   .arg(i);
    return (out + QStringLiteral("</channel></rss>")).toUtf8();
}

qint64 scalar(Database &db, const QString &sql, const QVariantList &values = {})
{
    SqlQuery q(db);
    q.prepare(sql);
    for (const QVariant &v : values)
        q.bind(v);
    if (!q.exec() || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

} // namespace

class TestFeedManagement : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    TestHttpServer m_server;
    int m_round = 0;

    QString freshProfile() { return m_dir.filePath(QStringLiteral("p%1.sqlite").arg(++m_round)); }

    std::unique_ptr<Database> reader(const QString &path)
    {
        QString error;
        auto db = Database::openReader(path, &error);
        if (!db)
            qWarning("%s", qPrintable(error));
        return db;
    }

    // Runs one worker call and waits for its success signal (or fails on feedError).
    static bool waitFor(QSignalSpy &spy, QSignalSpy &errors)
    {
        for (int i = 0; i < 100 && spy.isEmpty() && errors.isEmpty(); ++i)
            spy.wait(100);
        if (!errors.isEmpty())
            qWarning("feedError: %s", qPrintable(errors.first().value(0).toString()));
        return !spy.isEmpty() && errors.isEmpty();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_server.listen());
        m_server.route("/one.xml",
                       HttpResponse::ok(rss(QStringLiteral("Feed One"), QStringLiteral("one"), 3),
                                        "application/rss+xml"));
        m_server.route("/two.xml",
                       HttpResponse::ok(rss(QStringLiteral("Feed Two"), QStringLiteral("two"), 2),
                                        "application/rss+xml"));
        m_server.route("/site/",
                       HttpResponse::ok("<!doctype html><html><head><title>Site</title>"
                                        "<link rel=\"alternate\" type=\"application/rss+xml\" "
                                        "title=\"Feed One\" href=\"/one.xml\">"
                                        "<link rel=\"alternate\" type=\"application/atom+xml\" "
                                        "title=\"Comments\" href=\"/two.xml\">"
                                        "</head><body>Hello</body></html>",
                                        "text/html; charset=utf-8"));
    }

    void addFeedAndRefuseDuplicate()
    {
        const QString path = freshProfile();
        SyncService service(path);
        service.setSyncNewFeeds(false);
        QSignalSpy added(&service, &SyncService::feedAdded);
        QSignalSpy failed(&service, &SyncService::feedAddFailed);
        QSignalSpy changed(&service, &SyncService::feedsChanged);

        service.addFeed(m_server.url(QStringLiteral("/one.xml")), QStringLiteral("One"), 0,
                        FullTextMode::Off, QStringLiteral("News"));
        QVERIFY(added.wait(5000));
        QCOMPARE(failed.count(), 0);
        QTRY_COMPARE(changed.count(), 1);
        const qint64 id = added.first().value(0).toLongLong();

        auto db = reader(path);
        QVERIFY(db);
        const auto feed = FeedStore(*db).feed(id);
        QVERIFY(feed);
        QCOMPARE(feed->url, m_server.url(QStringLiteral("/one.xml")));
        QCOMPARE(feed->title, QStringLiteral("One"));
        QCOMPARE(feed->fullText, FullTextMode::Off);
        const auto news = FeedStore(*db).findFolder(QStringLiteral("News"));
        QVERIFY(news);
        QCOMPARE(feed->folderId, *news);

        // The same address again: refused with a sentence, nothing written.
        service.addFeed(m_server.url(QStringLiteral("/one.xml")));
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.first().value(0).toUrl(), m_server.url(QStringLiteral("/one.xml")));
        QVERIFY2(failed.first().value(1).toString().contains(QLatin1String("already subscribed")),
                 qPrintable(failed.first().value(1).toString()));
        QCOMPARE(FeedStore(*db).feeds().size(), 1);

        // Not an address of anything.
        service.addFeed(QUrl(QStringLiteral("not a url")));
        QTRY_COMPARE(failed.count(), 2);
        QCOMPARE(FeedStore(*db).feeds().size(), 1);
    }

    void newFeedIsSyncedAndHandTitleSurvives()
    {
        const QString path = freshProfile();
        SyncService service(path);
        QSignalSpy added(&service, &SyncService::feedAdded);
        QSignalSpy synced(&service, &SyncService::finished);
        service.addFeed(m_server.url(QStringLiteral("/two.xml")), QString(), 0, FullTextMode::Off);
        QVERIFY(added.wait(5000));
        const qint64 id = added.first().value(0).toLongLong();
        // Added feeds are fetched right away.
        QTRY_VERIFY_WITH_TIMEOUT(synced.count() >= 1, 10000);
        auto db = reader(path);
        QCOMPARE(
            scalar(*db, QStringLiteral("SELECT count(*) FROM articles WHERE feed_id = ?"), {id}),
            2);
        QCOMPARE(FeedStore(*db).feed(id)->title, QStringLiteral("Feed Two"));

        // A title set by hand stays through the next sync; an interval and retention too.
        Feed edited = *FeedStore(*db).feed(id);
        edited.title = QStringLiteral("My name for it");
        edited.fetchIntervalSecs = 45 * 60;
        edited.retentionDays = -1;
        edited.fullText = FullTextMode::On;
        QSignalSpy updated(&service, &SyncService::feedUpdated);
        service.updateFeed(edited);
        QVERIFY(updated.wait(5000));
        synced.clear();
        service.syncFeeds({id});
        QTRY_VERIFY_WITH_TIMEOUT(synced.count() >= 1, 10000);
        auto feed = FeedStore(*db).feed(id);
        QCOMPARE(feed->title, QStringLiteral("My name for it"));
        QVERIFY(feed->titleLocked);
        QCOMPARE(feed->fetchIntervalSecs, 45 * 60);
        QCOMPARE(feed->retentionDays, -1);
        QCOMPARE(feed->fullText, FullTextMode::On);
        QVERIFY(feed->lastFetch.isValid());

        // An empty title gives the feed its own title back at the next sync.
        updated.clear();
        service.renameFeed(id, QString());
        QVERIFY(updated.wait(5000));
        QVERIFY(!FeedStore(*db).feed(id)->titleLocked);
        synced.clear();
        service.syncFeeds({id});
        QTRY_VERIFY_WITH_TIMEOUT(synced.count() >= 1, 10000);
        QCOMPARE(FeedStore(*db).feed(id)->title, QStringLiteral("Feed Two"));

        // A new address forgets the old validators and is due at once; another feed's address
        // is refused.
        QSignalSpy errors(&service, &SyncService::feedError);
        edited = *FeedStore(*db).feed(id);
        edited.url = m_server.url(QStringLiteral("/one.xml"));
        updated.clear();
        service.updateFeed(edited);
        QVERIFY(updated.wait(5000));
        feed = FeedStore(*db).feed(id);
        QCOMPARE(feed->url, m_server.url(QStringLiteral("/one.xml")));
        QVERIFY(feed->etag.isEmpty() && feed->contentHash.isEmpty());
        QVERIFY(!feed->nextFetch.isValid());
        service.addFeed(m_server.url(QStringLiteral("/two.xml")), QString(), 0, FullTextMode::Off);
        QTRY_COMPARE(added.count(), 2);
        edited.url = m_server.url(QStringLiteral("/two.xml"));
        service.updateFeed(edited);
        QVERIFY(errors.wait(5000));
        QVERIFY(errors.first().value(0).toString().contains(QLatin1String("already has")));
        QCOMPARE(FeedStore(*db).feed(id)->url, m_server.url(QStringLiteral("/one.xml")));
    }

    void removeFeedTakesArticlesAndIndexEntries()
    {
        const QString path = freshProfile();
        qint64 keep = 0, drop = 0;
        {
            QString error;
            auto db = Database::openWriter(path, &error);
            QVERIFY2(db, qPrintable(error));
            FeedStore feeds(*db);
            keep = *feeds.addFeed(Feed{.url = QUrl(QStringLiteral("https://keep.test/rss"))});
            drop = *feeds.addFeed(Feed{.url = QUrl(QStringLiteral("https://drop.test/rss"))});
            ArticleGenerator gen;
            QList<Article> batch;
            for (int i = 0; i < 60; ++i)
                batch << gen.make(i % 2 ? keep : drop, i, 30);
            QVERIFY(ArticleStore(*db).saveAll(batch));
        }
        {
            SyncService service(path);
            service.setSyncNewFeeds(false);
            QSignalSpy changed(&service, &SyncService::feedsChanged);
            QSignalSpy errors(&service, &SyncService::feedError);
            service.removeFeed(drop);
            QVERIFY(waitFor(changed, errors));
            auto db = reader(path);
            QVERIFY(!FeedStore(*db).feed(drop));
            QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM articles")), 30);
            // The index has exactly the articles that are left.
            QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM article_fts_docsize")), 30);
            QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM article_fts_docsize WHERE "
                                                "id NOT IN (SELECT id FROM articles)")),
                     0);
            // Removing it again: an error, nothing else changes.
            service.removeFeed(drop);
            QVERIFY(errors.wait(5000));
        }
        QString error;
        auto db = Database::openWriter(path, &error);
        QVERIFY2(db, qPrintable(error));
        SqlQuery check(*db);
        QVERIFY2(check.exec(QStringLiteral(
                     "INSERT INTO article_fts(article_fts, rank) VALUES ('integrity-check', 1)")),
                 qPrintable(db->lastError()));
    }

    void foldersCreateRenameMoveRemove()
    {
        const QString path = freshProfile();
        qint64 inA = 0, inB = 0, top = 0, a = 0, b = 0, c = 0;
        {
            QString error;
            auto db = Database::openWriter(path, &error);
            QVERIFY2(db, qPrintable(error));
            FeedStore feeds(*db);
            a = *feeds.folderId(QStringLiteral("A"));
            b = *feeds.folderId(QStringLiteral("B"), a); // A/B
            c = *feeds.folderId(QStringLiteral("C"), b); // A/B/C
            inA =
                *feeds.addFeed(Feed{.folderId = a, .url = QUrl(QStringLiteral("https://a.test/"))});
            inB =
                *feeds.addFeed(Feed{.folderId = b, .url = QUrl(QStringLiteral("https://b.test/"))});
            top = *feeds.addFeed(Feed{.url = QUrl(QStringLiteral("https://top.test/"))});
            ArticleGenerator gen;
            QList<Article> batch;
            for (int i = 0; i < 20; ++i)
                batch << gen.make(inB, i, 20);
            QVERIFY(ArticleStore(*db).saveAll(batch));
        }
        SyncService service(path);
        service.setSyncNewFeeds(false);
        QSignalSpy changed(&service, &SyncService::feedsChanged);
        QSignalSpy errors(&service, &SyncService::feedError);
        QSignalSpy created(&service, &SyncService::folderCreated);
        auto db = reader(path);
        FeedStore store(*db);

        service.createFolder(QStringLiteral("  Tech  "));
        QVERIFY(waitFor(created, errors));
        const qint64 tech = created.first().value(0).toLongLong();
        QCOMPARE(store.folder(tech)->name, QStringLiteral("Tech"));
        service.createFolder(QStringLiteral("Tech"));
        QVERIFY(errors.wait(5000));
        errors.clear();

        changed.clear();
        service.renameFolder(tech, QStringLiteral("Technology"));
        QVERIFY(waitFor(changed, errors));
        QCOMPARE(store.folder(tech)->name, QStringLiteral("Technology"));
        service.renameFolder(tech, QStringLiteral("A")); // a sibling has that name
        QVERIFY(errors.wait(5000));
        QCOMPARE(store.folder(tech)->name, QStringLiteral("Technology"));
        errors.clear();

        // Never into itself or below itself.
        service.moveFolder(a, c);
        QVERIFY(errors.wait(5000));
        QVERIFY(errors.first().value(0).toString().contains(QLatin1String("subfolders")));
        errors.clear();
        service.moveFolder(a, a);
        QVERIFY(errors.wait(5000));
        errors.clear();
        QCOMPARE(store.folder(a)->parentId, 0);
        QCOMPARE(store.folder(c)->parentId, b);

        changed.clear();
        service.moveFolder(c, tech);
        QVERIFY(waitFor(changed, errors));
        QCOMPARE(store.folder(c)->parentId, tech);
        changed.clear();
        service.moveFeed(top, tech);
        QVERIFY(waitFor(changed, errors));
        QCOMPARE(store.feed(top)->folderId, tech);
        changed.clear();
        service.moveFeed(top, 0);
        QVERIFY(waitFor(changed, errors));
        QCOMPARE(store.feed(top)->folderId, 0);

        // Removing A but keeping its feeds: its feed and its subfolder B (with B's feed) move up
        // to the top level.
        changed.clear();
        service.removeFolder(a, false);
        QVERIFY(waitFor(changed, errors));
        QVERIFY(!store.folder(a));
        QCOMPARE(store.feed(inA)->folderId, 0);
        QCOMPARE(store.folder(b)->parentId, 0);
        QCOMPARE(store.feed(inB)->folderId, b);

        // Removing B with its feeds: the feed and its articles go, the index follows.
        changed.clear();
        service.removeFolder(b, true);
        QVERIFY(waitFor(changed, errors));
        QVERIFY(!store.folder(b));
        QVERIFY(!store.feed(inB));
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM articles")), 0);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM article_fts_docsize")), 0);
        QVERIFY(store.feed(inA) && store.feed(top));
    }

    void removeFolderMergesNameClashes()
    {
        const QString path = freshProfile();
        qint64 outer = 0, innerNews = 0, topNews = 0, feed = 0;
        {
            QString error;
            auto db = Database::openWriter(path, &error);
            FeedStore feeds(*db);
            topNews = *feeds.folderId(QStringLiteral("News"));
            outer = *feeds.folderId(QStringLiteral("Outer"));
            innerNews = *feeds.folderId(QStringLiteral("News"), outer);
            feed = *feeds.addFeed(
                Feed{.folderId = innerNews, .url = QUrl(QStringLiteral("https://n.test/"))});
        }
        SyncService service(path);
        QSignalSpy changed(&service, &SyncService::feedsChanged);
        QSignalSpy errors(&service, &SyncService::feedError);
        service.removeFolder(outer, false);
        QVERIFY(waitFor(changed, errors));
        auto db = reader(path);
        FeedStore store(*db);
        QCOMPARE(store.folders().size(), 1);
        QCOMPARE(store.feed(feed)->folderId, topNews);
    }

    void opmlImportAndExportRoundTrip()
    {
        const QString path = freshProfile();
        const QString opml = m_dir.filePath(QStringLiteral("in.opml"));
        {
            QFile file(opml);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QStringLiteral(
                           "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">"
                           "<head><title>Mine</title></head><body>"
                           "<outline text=\"Tech\"><outline text=\"Kernel\" type=\"rss\" "
                           "xmlUrl=\"%1\"/><outline text=\"Deep\"><outline text=\"Deeper\" "
                           "type=\"rss\" xmlUrl=\"%2\"/></outline></outline>"
                           "<outline text=\"晚报\" type=\"rss\" xmlUrl=\"https://wb.test/rss\"/>"
                           "<outline text=\"Again\" type=\"rss\" xmlUrl=\"%1\"/>"
                           "<outline text=\"Bad\" type=\"rss\" xmlUrl=\"ftp://x.test/f\"/>"
                           "</body></opml>")
                           .arg(m_server.url(QStringLiteral("/one.xml")).toString(),
                                m_server.url(QStringLiteral("/two.xml")).toString())
                           .toUtf8());
        }
        SyncService service(path);
        service.setSyncNewFeeds(false);
        QSignalSpy imported(&service, &SyncService::opmlImported);
        QSignalSpy errors(&service, &SyncService::feedError);
        service.importOpml(opml);
        QVERIFY(waitFor(imported, errors));
        const auto counts = imported.first().value(1).value<OpmlImportCounts>();
        QCOMPARE(counts.feedsAdded, 3);
        QCOMPARE(counts.foldersCreated, 2);
        QCOMPARE(counts.duplicatesSkipped, 1);
        QCOMPARE(counts.invalidSkipped, 1);

        auto db = reader(path);
        FeedStore store(*db);
        const auto tech = store.findFolder(QStringLiteral("Tech"));
        QVERIFY(tech);
        const auto deep = store.findFolder(QStringLiteral("Deep"), *tech);
        QVERIFY(deep);
        QCOMPARE(store.feedByUrl(m_server.url(QStringLiteral("/two.xml")))->folderId, *deep);
        QCOMPARE(store.feedByUrl(QUrl(QStringLiteral("https://wb.test/rss")))->title,
                 QStringLiteral("晚报"));

        // Export, then read the file back: the same folders and feeds.
        const QString out = m_dir.filePath(QStringLiteral("out.opml"));
        QSignalSpy exported(&service, &SyncService::opmlExported);
        service.exportOpml(out);
        QVERIFY(waitFor(exported, errors));
        QCOMPARE(exported.first().value(1).toInt(), 3);
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QString error;
        const auto document = parseOpml(file.readAll(), &error);
        QVERIFY2(document, qPrintable(error));
        QCOMPARE(document->root.feedCount(), 3);
        QCOMPARE(document->root.folders.size(), 1);
        QCOMPARE(document->root.folders.first().title, QStringLiteral("Tech"));
        QCOMPARE(document->root.folders.first().folders.first().title, QStringLiteral("Deep"));
        QCOMPARE(document->root.folders.first().folders.first().feeds.first().xmlUrl,
                 m_server.url(QStringLiteral("/two.xml")));

        // A file that is not OPML, and one that is not there: errors, nothing imported.
        const QString junk = m_dir.filePath(QStringLiteral("junk.opml"));
        QFile j(junk);
        QVERIFY(j.open(QIODevice::WriteOnly));
        j.write("this is not xml");
        j.close();
        service.importOpml(junk);
        QVERIFY(errors.wait(5000));
        service.importOpml(m_dir.filePath(QStringLiteral("missing.opml")));
        QTRY_COMPARE(errors.count(), 2);
        QCOMPARE(store.feeds().size(), 3);
    }

    void settingsThroughTheWorker()
    {
        const QString path = freshProfile();
        SyncService service(path);
        QSignalSpy set(&service, &SyncService::settingChanged);
        QSignalSpy errors(&service, &SyncService::feedError);
        service.setSetting(QLatin1String(SettingsStore::kSyncIntervalMinutes),
                           QStringLiteral("25"));
        QVERIFY(waitFor(set, errors));
        set.clear();
        service.setSetting(QLatin1String(SettingsStore::kRetentionDays), QStringLiteral("-1"));
        QVERIFY(waitFor(set, errors));
        auto db = reader(path);
        SettingsStore settings(*db);
        QCOMPARE(settings.number(QLatin1String(SettingsStore::kSyncIntervalMinutes), 60), 25);
        QCOMPARE(settings.number(QLatin1String(SettingsStore::kRetentionDays), 90), -1);
    }

    void discoveryOnTheWorker()
    {
        const QString path = freshProfile();
        SyncService service(path);
        QSignalSpy found(&service, &SyncService::discovered);

        service.discover(m_server.url(QStringLiteral("/site/")));
        QVERIFY(found.wait(10000));
        auto feeds = found.first().value(1).value<QList<DiscoveredFeed>>();
        QCOMPARE(feeds.size(), 2);
        QCOMPARE(feeds[0].url, m_server.url(QStringLiteral("/one.xml")));
        QCOMPARE(feeds[1].url, m_server.url(QStringLiteral("/two.xml")));
        QVERIFY(found.first().value(2).toString().isEmpty());

        found.clear();
        service.discover(m_server.url(QStringLiteral("/one.xml")));
        QVERIFY(found.wait(10000));
        feeds = found.first().value(1).value<QList<DiscoveredFeed>>();
        QCOMPARE(feeds.size(), 1);
        QCOMPARE(feeds[0].title, QStringLiteral("Feed One"));

        found.clear();
        service.discover(m_server.url(QStringLiteral("/nothing-here")));
        QVERIFY(found.wait(10000));
        QVERIFY(found.first().value(1).value<QList<DiscoveredFeed>>().isEmpty());
        QVERIFY(!found.first().value(2).toString().isEmpty());

        // Cancelled: no answer comes.
        HttpResponse slow = HttpResponse::ok("<html></html>", "text/html");
        slow.delayMs = 1500;
        m_server.route("/slow/", slow);
        found.clear();
        service.discover(m_server.url(QStringLiteral("/slow/")));
        service.cancelDiscovery();
        QVERIFY(!found.wait(2500));
    }
};

QTEST_GUILESS_MAIN(TestFeedManagement)
#include "test_feed_management.moc"
