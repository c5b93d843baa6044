// SyncService's writes besides syncing, on a real profile file: read/starred state, "mark all
// read" for each kind of scope, labels, saving a page from the loopback server, the bookmark
// export, and what a bad request reports. The service runs its own worker thread; every
// outcome is read back through a read-only connection on this thread.

#include "OfflineSite.h"
#include "TestData.h"
#include "TestHttpServer.h"
#include "store/ArticleStore.h"
#include "store/Database.h"
#include "store/FeedStore.h"
#include "store/LabelStore.h"
#include "store/SqlQuery.h"
#include "store/StatusStore.h"
#include "sync/SyncService.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

using namespace bs;
using namespace bs::test;

class TestSyncServiceStatus : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_path;
    int m_round = 0;
    qint64 m_folder = 0, m_sub = 0;
    qint64 m_inFolder = 0, m_inSub = 0, m_outside = 0;
    QList<qint64> m_ids; // every article, 20 a feed

    std::unique_ptr<Database> reader()
    {
        QString error;
        return Database::openReader(m_path, &error);
    }

    qint64 unread(Database &db, qint64 feedId) { return StatusStore(db).unreadCount(feedId); }

    QList<qint64> idsOf(Database &db, qint64 feedId)
    {
        QList<qint64> ids;
        SqlQuery q(db);
        q.prepare(QStringLiteral("SELECT id FROM articles WHERE feed_id = ? ORDER BY id"));
        q.bind(feedId);
        if (q.exec())
            while (q.next())
                ids << q.value(0).toLongLong();
        return ids;
    }

private slots:
    void init()
    {
        m_path = m_dir.filePath(QStringLiteral("status-%1.sqlite").arg(++m_round));
        QString error;
        auto db = Database::openWriter(m_path, &error);
        QVERIFY2(db, qPrintable(error));
        FeedStore feeds(*db);
        m_folder = *feeds.folderId(QStringLiteral("World"));
        m_sub = *feeds.folderId(QStringLiteral("Europe"), m_folder);
        m_inFolder = *feeds.addFeed(Feed{.folderId = m_folder,
                                         .url = QUrl(QStringLiteral("https://a.example.test/rss")),
                                         .title = QStringLiteral("Alpha")});
        m_inSub = *feeds.addFeed(Feed{.folderId = m_sub,
                                      .url = QUrl(QStringLiteral("https://b.example.test/rss")),
                                      .title = QStringLiteral("Beta")});
        m_outside = *feeds.addFeed(Feed{.url = QUrl(QStringLiteral("https://c.example.test/rss")),
                                        .title = QStringLiteral("Gamma")});
        ArticleGenerator gen;
        QList<Article> batch;
        for (qint64 feed : {m_inFolder, m_inSub, m_outside})
            for (int i = 0; i < 20; ++i)
                batch << gen.make(feed, int(feed * 100 + i), 30);
        QVERIFY(ArticleStore(*db).saveAll(batch));
        m_ids.clear();
        for (qint64 feed : {m_inFolder, m_inSub, m_outside})
            m_ids += idsOf(*db, feed);
        QCOMPARE(m_ids.size(), 60);
    }

    void setsReadAndStarredAndReportsCounts()
    {
        SyncService service(m_path);
        QSignalSpy read(&service, &SyncService::readChanged);
        QSignalSpy starred(&service, &SyncService::starredChanged);
        QHash<qint64, qint64> counts;
        int wrongThread = 0;
        connect(&service, &SyncService::unreadCountChanged, this, [&](qint64 feed, qint64 n) {
            if (QThread::currentThread() != thread())
                ++wrongThread;
            counts.insert(feed, n);
        });

        const QList<qint64> some{m_ids.at(0), m_ids.at(1), m_ids.at(25)};
        service.setRead(some, true);
        QVERIFY(read.wait(10000));
        QCOMPARE(read.first().at(0).value<QList<qint64>>(), some);
        QCOMPARE(read.first().at(1).toBool(), true);
        QCOMPARE(read.first().at(2).toInt(), 3);
        QTRY_COMPARE(counts.value(m_inFolder, -1), 18);
        QTRY_COMPARE(counts.value(m_inSub, -1), 19);
        QVERIFY(!counts.contains(m_outside));
        QCOMPARE(wrongThread, 0);
        {
            auto db = reader();
            for (qint64 id : some)
                QVERIFY(StatusStore(*db).status(id)->read);
            QVERIFY(!StatusStore(*db).status(m_ids.at(2))->read);
            QCOMPARE(unread(*db, m_inFolder), 18);
        }

        // Again: nothing changes. Back to unread: two of them changed.
        service.setRead(some, true);
        QTRY_COMPARE(read.size(), 2);
        QCOMPARE(read.last().at(2).toInt(), 0);
        service.setRead({m_ids.at(0), m_ids.at(1)}, false);
        QTRY_COMPARE(read.size(), 3);
        QCOMPARE(read.last().at(2).toInt(), 2);
        QTRY_COMPARE(counts.value(m_inFolder), 20);

        service.setStarred({m_ids.at(3), m_ids.at(40)}, true);
        QVERIFY(starred.wait(10000));
        QCOMPARE(starred.first().at(2).toInt(), 2);
        {
            auto db = reader();
            QVERIFY(StatusStore(*db).status(m_ids.at(3))->starred);
            QVERIFY(StatusStore(*db).status(m_ids.at(40))->starred);
            QCOMPARE(StatusStore(*db).starredCount(), 2);
        }
        service.setStarred({m_ids.at(3)}, false);
        QTRY_COMPARE(starred.size(), 2);
        QCOMPARE(starred.last().at(2).toInt(), 1);
        auto db = reader();
        QCOMPARE(StatusStore(*db).starredCount(), 1);

        // Unknown ids change nothing and are not counted.
        service.setRead({999999, 888888}, true);
        QTRY_COMPARE(read.size(), 4);
        QCOMPARE(read.last().at(2).toInt(), 0);
    }

    void marksScopesRead()
    {
        SyncService service(m_path);
        QSignalSpy marked(&service, &SyncService::markedRead);
        QHash<qint64, qint64> counts;
        connect(&service, &SyncService::unreadCountChanged, this,
                [&](qint64 feed, qint64 n) { counts.insert(feed, n); });
        auto db = reader();

        // A folder covers its subfolder's feeds, not the feed outside it.
        service.markRead(ReadScope{.kind = ReadScope::Kind::Folder, .id = m_folder});
        QVERIFY(marked.wait(10000));
        QCOMPARE(marked.first().at(1).toInt(), 40);
        QCOMPARE(marked.first().at(0).value<ReadScope>().id, m_folder);
        QTRY_COMPARE(counts.value(m_inFolder, -1), 0);
        QTRY_COMPARE(counts.value(m_inSub, -1), 0);
        QCOMPARE(unread(*db, m_inFolder), 0);
        QCOMPARE(unread(*db, m_inSub), 0);
        QCOMPARE(unread(*db, m_outside), 20);

        // A feed, with articles stored after the view was shown left unread.
        const QList<qint64> gamma = idsOf(*db, m_outside);
        service.markRead(
            ReadScope{.kind = ReadScope::Kind::Feed, .id = m_outside, .maxArticleId = gamma.at(9)});
        QTRY_COMPARE(marked.size(), 2);
        QCOMPARE(marked.last().at(1).toInt(), 10);
        QTRY_COMPARE(counts.value(m_outside, -1), 10);
        QCOMPARE(unread(*db, m_outside), 10);
        QVERIFY(!StatusStore(*db).status(gamma.at(10))->read);

        // A list of ids (a search's results).
        service.markRead(ReadScope{.kind = ReadScope::Kind::Articles,
                                   .articleIds = {gamma.at(10), gamma.at(11)}});
        QTRY_COMPARE(marked.size(), 3);
        QCOMPARE(marked.last().at(1).toInt(), 2);
        QTRY_COMPARE(counts.value(m_outside, -1), 8);

        // Everything else.
        service.markRead(ReadScope{.kind = ReadScope::Kind::All});
        QTRY_COMPARE(marked.size(), 4);
        QCOMPARE(marked.last().at(1).toInt(), 8);
        QTRY_COMPARE(counts.value(m_outside, -1), 0);
        QCOMPARE(unread(*db, m_outside), 0);
    }

    void marksStarredAndLabelScopes()
    {
        SyncService service(m_path);
        QSignalSpy marked(&service, &SyncService::markedRead);
        QSignalSpy labelled(&service, &SyncService::labelsChanged);
        QSignalSpy starred(&service, &SyncService::starredChanged);
        service.setStarred({m_ids.at(0), m_ids.at(30)}, true);
        QVERIFY(starred.wait(10000));
        service.markRead(ReadScope{.kind = ReadScope::Kind::Starred});
        QVERIFY(marked.wait(10000));
        QCOMPARE(marked.last().at(1).toInt(), 2);

        service.assignLabel(QStringLiteral("Later"), {m_ids.at(5), m_ids.at(50)});
        QVERIFY(labelled.wait(10000));
        auto db = reader();
        const auto label = LabelStore(*db).find(QStringLiteral("later"));
        QVERIFY(label);
        service.markRead(ReadScope{.kind = ReadScope::Kind::Label, .id = label->id});
        QTRY_COMPARE(marked.size(), 2);
        QCOMPARE(marked.last().at(1).toInt(), 2);
        QVERIFY(StatusStore(*db).status(m_ids.at(50))->read);
        QVERIFY(!StatusStore(*db).status(m_ids.at(51))->read);
    }

    void assignsAndUnassignsLabels()
    {
        SyncService service(m_path);
        QSignalSpy labelled(&service, &SyncService::labelsChanged);
        QSignalSpy failed(&service, &SyncService::writeFailed);
        const QList<qint64> chosen{m_ids.at(2), m_ids.at(22), m_ids.at(42)};

        // A new name creates the label.
        service.assignLabel(QStringLiteral("Read later"), chosen);
        QVERIFY(labelled.wait(10000));
        QCOMPARE(labelled.first().at(0).toString(), QStringLiteral("Read later"));
        QCOMPARE(labelled.first().at(2).toInt(), 3);
        auto db = reader();
        for (qint64 id : chosen) {
            const QList<Label> labels = LabelStore(*db).labelsOf(id);
            QCOMPARE(labels.size(), 1);
            QCOMPARE(labels.first().name, QStringLiteral("Read later"));
        }
        // An existing one (any case) is reused.
        service.assignLabel(QStringLiteral("read LATER"), {m_ids.at(2), m_ids.at(3)});
        QTRY_COMPARE(labelled.size(), 2);
        QCOMPARE(labelled.last().at(2).toInt(), 1);
        QCOMPARE(LabelStore(*db).list().size(), 1);
        QCOMPARE(LabelStore(*db).list().first().articles, 4);

        service.unassignLabel(QStringLiteral("Read later"), {m_ids.at(2), m_ids.at(42)});
        QTRY_COMPARE(labelled.size(), 3);
        QCOMPARE(labelled.last().at(2).toInt(), 2);
        QCOMPARE(LabelStore(*db).list().first().articles, 2);

        // An unknown id refuses the whole call, and a label it would have created is not left.
        service.assignLabel(QStringLiteral("Never"), {m_ids.at(7), 987654});
        QVERIFY(failed.wait(10000));
        QVERIFY2(failed.first().at(0).toString().contains(QLatin1String("987654")),
                 qPrintable(failed.first().at(0).toString()));
        QVERIFY(!LabelStore(*db).find(QStringLiteral("Never")));
        QVERIFY(LabelStore(*db).labelsOf(m_ids.at(7)).isEmpty());
        // A name a label cannot have.
        service.assignLabel(QStringLiteral("a,b"), {m_ids.at(7)});
        QTRY_COMPARE(failed.size(), 2);
        service.unassignLabel(QStringLiteral("No such label"), {m_ids.at(7)});
        QTRY_COMPARE(failed.size(), 3);
        QCOMPARE(labelled.size(), 3);
    }

    void savesAPageAndItsImages()
    {
        TestHttpServer server;
        QVERIFY(server.listen());
        server.route("/story.html", HttpResponse::ok(offlinePage(QStringLiteral("Harbour lights"),
                                                                 QStringLiteral("quillwort"),
                                                                 {QStringLiteral("/img/a.png")}),
                                                     "text/html; charset=utf-8"));
        server.route("/img/a.png", HttpResponse::ok(testImage("PNG", 24, 3), "image/png"));
        server.route("/doc.pdf", HttpResponse::ok("%PDF-1.4", "application/pdf"));

        SyncService service(m_path);
        QSignalSpy saved(&service, &SyncService::pageSaved);
        QSignalSpy content(&service, &SyncService::articleContentChanged);
        const QUrl address = server.url(QStringLiteral("/story.html"));
        service.savePage(address);
        QVERIFY(saved.wait(15000));
        QCOMPARE(saved.first().at(0).toUrl(), address);
        const qint64 id = saved.first().at(1).toLongLong();
        QVERIFY2(id > 0, qPrintable(saved.first().at(2).toString()));
        QVERIFY(saved.first().at(2).toString().isEmpty());
        // Its image arrives afterwards, on the worker's download queue.
        QTRY_VERIFY_WITH_TIMEOUT(content.contains(QVariantList{id}), 15000);
        auto db = reader();
        const auto article = ArticleStore(*db).article(id);
        QVERIFY(article);
        QVERIFY2(article->title.startsWith(QLatin1String("Harbour lights")),
                 qPrintable(article->title));
        QVERIFY(article->fullText.contains(QLatin1String("quillwort")));
        QCOMPARE(FeedStore(*db).feed(article->feedId)->url, FeedStore::savedPagesUrl());
        QVERIFY(StatusStore(*db).status(id)->starred);
        SqlQuery media(*db);
        QVERIFY(
            media.exec(QStringLiteral("SELECT count(*) FROM article_media WHERE article_id = ") +
                       QString::number(id)) &&
            media.next());
        QCOMPARE(media.value(0).toInt(), 1);
        QCOMPARE(server.hits("/img/a.png"), 1);

        // Errors are sentences; nothing is stored.
        const int before = ArticleStore(*db).count({});
        service.savePage(server.url(QStringLiteral("/missing.html")));
        service.savePage(server.url(QStringLiteral("/doc.pdf")));
        service.savePage(QUrl(QStringLiteral("ftp://example.test/x")));
        QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 4, 15000);
        QHash<QString, QString> errors;
        for (int i = 1; i < 4; ++i) {
            QCOMPARE(saved.at(i).at(1).toLongLong(), 0);
            errors.insert(saved.at(i).at(0).toUrl().path(), saved.at(i).at(2).toString());
        }
        QVERIFY2(errors.value(QStringLiteral("/missing.html")).contains(QLatin1String("404")),
                 qPrintable(errors.value(QStringLiteral("/missing.html"))));
        QVERIFY(errors.value(QStringLiteral("/doc.pdf"))
                    .contains(QLatin1String("not a web page (Content-Type application/pdf)")));
        QVERIFY(errors.value(QStringLiteral("/x")).contains(QLatin1String("not a web address")));
        QCOMPARE(ArticleStore(*db).count({}), before);
    }

    void exportsBookmarks()
    {
        SyncService service(m_path);
        QSignalSpy starred(&service, &SyncService::starredChanged);
        QSignalSpy exported(&service, &SyncService::bookmarksExported);
        service.setStarred({m_ids.at(1), m_ids.at(21)}, true);
        QVERIFY(starred.wait(10000));
        const QString path = m_dir.filePath(QStringLiteral("bookmarks-%1.html").arg(m_round));
        service.exportBookmarks(path, false);
        QVERIFY(exported.wait(10000));
        QCOMPARE(exported.first().at(1).toInt(), 2);
        QVERIFY(exported.first().at(2).toString().isEmpty());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray html = file.readAll();
        QVERIFY(html.startsWith("<!DOCTYPE NETSCAPE-Bookmark-file-1>"));
        auto db = reader();
        for (qint64 id : {m_ids.at(1), m_ids.at(21)})
            QVERIFY(html.contains(ArticleStore(*db).article(id)->url.toEncoded()));

        // A folder that does not exist: the error comes back, no count.
        service.exportBookmarks(m_dir.filePath(QStringLiteral("no/such/dir/b.json")), true);
        QTRY_COMPARE(exported.size(), 2);
        QCOMPARE(exported.last().at(1).toInt(), 0);
        QVERIFY(!exported.last().at(2).toString().isEmpty());
    }

    // "Mark all read" over many articles runs on the worker: this thread's 10 ms timer keeps
    // ticking meanwhile. Prints the time and the longest gap between ticks (no time asserted).
    void markAllReadOfManyRunsOffTheCallersThread()
    {
        const int extra = qEnvironmentVariableIntValue("BROADSHEET_MARK_ALL_ARTICLES") > 0
                              ? qEnvironmentVariableIntValue("BROADSHEET_MARK_ALL_ARTICLES")
                              : 20000;
        {
            QString error;
            auto db = Database::openWriter(m_path, &error);
            QVERIFY2(db, qPrintable(error));
            ArticleGenerator gen(7);
            QList<Article> batch;
            for (int i = 0; i < extra; ++i) {
                batch << gen.make(m_outside, 10000 + i, 4);
                if (batch.size() == 5000 || i == extra - 1) {
                    QVERIFY(ArticleStore(*db).saveAll(batch));
                    batch.clear();
                }
            }
        }
        SyncService service(m_path);
        QSignalSpy marked(&service, &SyncService::markedRead);
        QElapsedTimer clock, sinceTick;
        qint64 longestGap = 0;
        int ticks = 0;
        QTimer heartbeat;
        heartbeat.setInterval(10);
        connect(&heartbeat, &QTimer::timeout, this, [&] {
            longestGap = std::max(longestGap, sinceTick.restart());
            ++ticks;
        });
        clock.start();
        sinceTick.start();
        heartbeat.start();
        service.markRead(ReadScope{.kind = ReadScope::Kind::All});
        QVERIFY(marked.wait(120000));
        const qint64 elapsed = clock.elapsed();
        heartbeat.stop();
        QCOMPARE(marked.first().at(1).toInt(), 60 + extra);
        auto db = reader();
        QCOMPARE(StatusStore(*db).unreadCounts().size(), 0);
        qInfo("mark all read of %d articles: %lld ms on the worker; caller's 10 ms timer ticked "
              "%d times, longest gap %lld ms",
              60 + extra, elapsed, ticks, longestGap);
    }
};

QTEST_GUILESS_MAIN(TestSyncServiceStatus)
#include "test_sync_service_status.moc"
