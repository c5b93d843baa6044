// First run of a new profile (FirstRun) with the bundled resources, on real SQLite files: the
// demo feed's articles stored with their content, searchable and related; the default
// subscriptions in their folders; nothing imported again; the demo feed never fetched.

#include "TestHttpServer.h"
#include "feeds/FirstRun.h"
#include "feeds/Opml.h"
#include "search/RelatedStories.h"
#include "search/SearchEngine.h"
#include "search/SearchQuery.h"
#include "store/ArticleStore.h"
#include "store/Database.h"
#include "store/FeedStore.h"
#include "store/SettingsStore.h"
#include "store/SqlQuery.h"
#include "sync/SyncEngine.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace bs;

namespace
{

QByteArray readFile(const QString &name)
{
    QFile file(QStringLiteral(BROADSHEET_FIRST_RUN_DIR "/") + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

FirstRunContent bundled()
{
    FirstRunContent content;
    content.opml = readFile(QStringLiteral("default-subscriptions.opml"));
    content.demo.url = FirstRun::demoFeedUrl();
    content.demo.title = QStringLiteral("Demo");
    content.demo.document = readFile(QStringLiteral("demo-feed.xml"));
    return content;
}

qint64 scalar(Database &db, const QString &sql, const QVariant &value = {})
{
    SqlQuery q(db);
    q.prepare(sql);
    if (value.isValid())
        q.bind(value);
    return q.exec() && q.next() ? q.value(0).toLongLong() : -1;
}

// Every (folder title, feed URL) pair of an OPML document's top-level folders.
QList<QPair<QString, QUrl>> feedsOf(const OpmlDocument &doc)
{
    QList<QPair<QString, QUrl>> out;
    for (const OpmlFolder &folder : doc.root.folders)
        for (const OpmlFeed &feed : folder.feeds)
            out.append({folder.title, feed.xmlUrl});
    return out;
}

} // namespace

class TestFirstRun : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    int m_n = 0;

    QString newProfile() { return m_dir.filePath(QStringLiteral("p%1.sqlite").arg(++m_n)); }

    std::unique_ptr<Database> writer(const QString &path)
    {
        QString error;
        auto db = Database::openWriter(path, &error);
        if (!db)
            qWarning("%s", qPrintable(error));
        return db;
    }

    qint64 articleByGuid(Database &db, const QString &guid)
    {
        return scalar(db, QStringLiteral("SELECT id FROM articles WHERE guid = ?"), guid);
    }

private slots:
    void bundledFilesArePresent()
    {
        QVERIFY(!bundled().opml.isEmpty());
        QVERIFY(!bundled().demo.document.isEmpty());
    }

    void firstRunImportsDemoAndSubscriptions()
    {
        const QString path = newProfile();
        auto db = writer(path);
        QVERIFY(db);
        const FirstRunContent content = bundled();
        const FirstRunReport report = FirstRun::run(*db, content);
        QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
        QVERIFY(report.ran);

        // The demo feed: built in, never fetched, kept forever; every item stored with content.
        const int items = int(content.demo.document.count("<item>"));
        QVERIFY(items >= 8);
        QCOMPARE(report.demoArticles, items);
        FeedStore feeds(*db);
        const auto demo = feeds.feedByUrl(FirstRun::demoFeedUrl());
        QVERIFY(demo);
        QCOMPARE(demo->id, report.demoFeedId);
        QVERIFY(FeedStore::isBuiltIn(*demo));
        QVERIFY(demo->disabled);
        QCOMPARE(demo->retentionDays, -1);
        QCOMPARE(demo->title, QStringLiteral("Broadsheet Demo"));
        ArticleStore articles(*db);
        ArticleQuery query;
        query.feedId = demo->id;
        const auto rows = articles.list(query);
        QCOMPARE(rows.size(), items);
        int chinese = 0;
        for (const ArticlePageRow &row : rows) {
            const auto article = articles.article(row.summary.id);
            QVERIFY(article);
            QVERIFY(!article->title.isEmpty());
            QVERIFY2(article->content.size() > 200, qPrintable(article->title));
            QVERIFY(article->content.contains(QLatin1String("<p>")));
            if (article->title.contains(QRegularExpression(QStringLiteral("\\p{Han}"))))
                ++chinese;
        }
        QVERIFY(chinese >= 2 && chinese < items); // both languages
        QCOMPARE(scalar(*db,
                        QStringLiteral("SELECT count(*) FROM article_status WHERE read = 0 "
                                       "AND article_id IN (SELECT id FROM articles WHERE "
                                       "feed_id = ?)"),
                        demo->id),
                 qint64(items));

        // The subscriptions: every feed of the file in its folder.
        QString error;
        const auto doc = parseOpml(content.opml, &error);
        QVERIFY2(doc, qPrintable(error));
        const auto expected = feedsOf(*doc);
        QVERIFY(expected.size() >= 8);
        QCOMPARE(report.opml.feedsAdded, int(expected.size()));
        QStringList folderNames;
        for (const Folder &folder : feeds.folders())
            folderNames.append(folder.name);
        QCOMPARE(folderNames.size(), 3);
        for (const QString &name :
             {QStringLiteral("News"), QStringLiteral("Tech"), QStringLiteral("中文")})
            QVERIFY2(folderNames.contains(name), qPrintable(name));
        for (const auto &[folder, url] : expected) {
            const auto feed = feeds.feedByUrl(url);
            QVERIFY2(feed, qPrintable(url.toString()));
            QVERIFY(url.scheme() == QLatin1String("https"));
            QCOMPARE(feed->folderId, *feeds.findFolder(folder));
            QVERIFY(!feed->disabled);
        }
        QCOMPARE(SettingsStore(*db).value(QLatin1String(FirstRun::kDoneSetting)),
                 QStringLiteral("1"));

        // A second start imports nothing.
        const qint64 feedCount = feeds.feeds().size();
        const qint64 articleCount = scalar(*db, QStringLiteral("SELECT count(*) FROM articles"));
        const FirstRunReport again = FirstRun::run(*db, content);
        QVERIFY(!again.ran);
        QVERIFY(!again.skipped.isEmpty());
        QCOMPARE(qint64(feeds.feeds().size()), feedCount);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM articles")), articleCount);

        // Nor after every feed was deleted.
        for (const Feed &feed : feeds.feeds())
            QVERIFY(feeds.removeFeed(feed.id));
        QVERIFY(!FirstRun::run(*db, content).ran);
        QVERIFY(feeds.feeds().isEmpty());
    }

    void profileWithFeedsIsLeftAlone()
    {
        auto db = writer(newProfile());
        QVERIFY(db);
        FeedStore feeds(*db);
        QVERIFY(feeds.addFeed(Feed{.url = QUrl(QStringLiteral("https://example.org/feed"))}));
        const FirstRunReport report = FirstRun::run(*db, bundled());
        QVERIFY(!report.ran);
        QCOMPARE(feeds.feeds().size(), 1);
        QVERIFY(!feeds.feedByUrl(FirstRun::demoFeedUrl()));
        // Recorded: deleting that feed later does not bring the first run back.
        QVERIFY(feeds.removeFeed(feeds.feeds().first().id));
        QVERIFY(!FirstRun::run(*db, bundled()).ran);
    }

    void brokenDemoDocumentIsReported()
    {
        auto db = writer(newProfile());
        QVERIFY(db);
        FirstRunContent content = bundled();
        content.demo.document = "this is not a feed";
        const FirstRunReport report = FirstRun::run(*db, content);
        QVERIFY(report.ran);
        QVERIFY(!report.error.isEmpty());
        QCOMPARE(report.demoArticles, 0);
        QVERIFY(report.opml.feedsAdded > 0); // the subscriptions still came in
        // A bundled feed must have a built-in address.
        BundledFeed web{QUrl(QStringLiteral("https://example.org/x")), QStringLiteral("x"),
                        bundled().demo.document};
        QString error;
        QVERIFY(!FirstRun::importBundledFeed(*db, web, QDateTime::currentDateTimeUtc(), nullptr,
                                             &error));
        QVERIFY(!error.isEmpty());
    }

    // The demo articles are in the search index and pair up as related stories.
    void demoIsSearchableAndRelated()
    {
        const QString path = newProfile();
        {
            auto db = writer(path);
            QVERIFY(db);
            QVERIFY(FirstRun::run(*db, bundled()).ran);
        }
        QString error;
        auto reader = Database::openReader(path, &error);
        QVERIFY2(reader, qPrintable(error));

        const auto search = [&](const QString &text) {
            QList<qint64> ids;
            const auto query = SearchQuery::parse(text, &error);
            if (!query)
                return ids;
            const auto hits = SearchEngine(*reader).search(*query, SearchOptions{}, &error);
            if (hits)
                for (const SearchHit &hit : *hits)
                    ids.append(hit.id);
            return ids;
        };
        const qint64 ferry1 = articleByGuid(*reader, QStringLiteral("broadsheet-demo-ferry-1"));
        const qint64 ferry2 = articleByGuid(*reader, QStringLiteral("broadsheet-demo-ferry-2"));
        const qint64 bus1 = articleByGuid(*reader, QStringLiteral("broadsheet-demo-bus-1"));
        const qint64 bus2 = articleByGuid(*reader, QStringLiteral("broadsheet-demo-bus-2"));
        QVERIFY(ferry1 > 0 && ferry2 > 0 && bus1 > 0 && bus2 > 0);
        QList<qint64> hits = search(QStringLiteral("title:ferry"));
        std::sort(hits.begin(), hits.end());
        QCOMPARE(hits, (QList<qint64>{ferry1, ferry2}));
        hits = search(QStringLiteral("无人驾驶"));
        std::sort(hits.begin(), hits.end());
        QCOMPARE(hits, (QList<qint64>{bus1, bus2}));

        // Each pair of stories on one topic: the other one is the first related story.
        const QList<QPair<QString, QString>> pairs = {
            {QStringLiteral("broadsheet-demo-ferry-1"), QStringLiteral("broadsheet-demo-ferry-2")},
            {QStringLiteral("broadsheet-demo-bus-1"), QStringLiteral("broadsheet-demo-bus-2")},
            {QStringLiteral("broadsheet-demo-search"),
             QStringLiteral("broadsheet-demo-search-tips")},
            {QStringLiteral("broadsheet-demo-welcome"), QStringLiteral("broadsheet-demo-keyboard")},
            {QStringLiteral("broadsheet-demo-welcome-zh"),
             QStringLiteral("broadsheet-demo-offline-zh")},
        };
        RelatedStories related(*reader);
        for (const auto &[a, b] : pairs) {
            for (const auto &[from, to] : {qMakePair(a, b), qMakePair(b, a)}) {
                const auto result = related.related(articleByGuid(*reader, from), 5, &error);
                QVERIFY2(result, qPrintable(error));
                QVERIFY2(!result->stories.isEmpty(), qPrintable(from));
                QVERIFY2(result->stories.first().id == articleByGuid(*reader, to),
                         qPrintable(from + QStringLiteral(" -> ") + result->stories.first().title));
            }
        }
    }

    // The sync engine fetches the subscriptions and never the built-in demo feed.
    void syncNeverFetchesTheDemoFeed()
    {
        test::TestHttpServer server;
        QVERIFY(server.listen());
        server.route("/feed.xml",
                     test::HttpResponse::ok("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
                                            "<title>Loopback</title><item><guid>l1</guid>"
                                            "<title>Local story</title></item></channel></rss>",
                                            "application/rss+xml"));
        FirstRunContent content = bundled();
        content.opml = QStringLiteral("<?xml version=\"1.0\"?><opml version=\"2.0\"><body>"
                                      "<outline text=\"Local\"><outline type=\"rss\" "
                                      "text=\"Loopback\" xmlUrl=\"%1\"/></outline></body></opml>")
                           .arg(server.url(QStringLiteral("/feed.xml")).toString())
                           .toUtf8();
        const QString path = newProfile();
        qint64 demoId = 0;
        int demoArticles = 0;
        {
            auto db = writer(path);
            QVERIFY(db);
            const FirstRunReport report = FirstRun::run(*db, content);
            QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
            demoId = report.demoFeedId;
            demoArticles = report.demoArticles;
        }
        SyncEngine engine(path);
        engine.setDownloadsEnabled(false);
        QList<qint64> synced;
        connect(&engine, &SyncEngine::feedSynced, this,
                [&](qint64 id, const QList<qint64> &, const QList<qint64> &, const QString &) {
                    synced.append(id);
                });
        QSignalSpy done(&engine, &SyncEngine::finished);
        QVERIFY(engine.open());
        engine.syncAll();
        QVERIFY(!done.isEmpty() || done.wait(30000));
        QCOMPARE(synced.size(), 1);
        QVERIFY(synced.first() != demoId);
        QCOMPARE(server.hits("/feed.xml"), 1);
        engine.syncDue();
        QTRY_COMPARE(done.size(), 2);
        QCOMPARE(synced.size(), 1);

        QString error;
        auto reader = Database::openReader(path, &error);
        QVERIFY(reader);
        const auto demo = FeedStore(*reader).feed(demoId);
        QVERIFY(demo);
        QVERIFY(demo->lastError.isEmpty());
        QVERIFY(!demo->lastFetch.isValid());
        QCOMPARE(scalar(*reader, QStringLiteral("SELECT count(*) FROM articles WHERE feed_id = ?"),
                        demoId),
                 qint64(demoArticles));
    }
};

QTEST_GUILESS_MAIN(TestFirstRun)
#include "test_first_run.moc"
