// broadsheet-cli save / feed-set / media / related --page / sync as processes against the
// loopback server (served from this thread while the process runs).

#include "OfflineSite.h"
#include "TestHttpServer.h"
#include "offline/MediaCache.h"
#include "store/ArticleStore.h"
#include "store/Database.h"
#include "store/FeedStore.h"
#include "store/SqlQuery.h"
#include "store/StatusStore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace bs;
using namespace bs::test;

class TestOfflineCli : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<TestHttpServer> m_server;
    QString m_profile;
    int m_round = 0;

    struct Run {
        int code = -1;
        QByteArray out;
        QString err;
    };

    Run cli(const QStringList &arguments)
    {
        QProcess process;
        process.setProgram(QStringLiteral(BROADSHEET_CLI));
        process.setArguments(QStringList{QStringLiteral("--profile"), m_profile} + arguments);
        process.start();
        Run run;
        if (!QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 30000)) {
            process.kill();
            process.waitForFinished();
            return run;
        }
        run.out = process.readAllStandardOutput();
        run.err = QString::fromUtf8(process.readAllStandardError());
        run.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        return run;
    }

    std::unique_ptr<Database> reader()
    {
        QString error;
        return Database::openReader(m_profile + QStringLiteral("/broadsheet.sqlite"), &error);
    }

    void routePage()
    {
        m_server->route("/story.html", HttpResponse::ok(offlinePage(QStringLiteral("Pilots meet"),
                                                                    QStringLiteral("marrowleaf"),
                                                                    {QStringLiteral("/img/a.png"),
                                                                     QStringLiteral("/img/b.jpg")},
                                                                    QStringLiteral("/img/a.png")),
                                                        "text/html; charset=utf-8"));
        m_server->route("/img/a.png", HttpResponse::ok(testImage("PNG", 20, 1), "image/png"));
        m_server->route("/img/b.jpg", HttpResponse::ok(testImage("JPEG", 20, 2), "image/jpeg"));
    }

private slots:
    void init()
    {
        m_profile = m_dir.filePath(QStringLiteral("profile-%1").arg(++m_round));
        m_server = std::make_unique<TestHttpServer>();
        QVERIFY(m_server->listen());
    }

    void savesAPageStarredWithImagesAndUpdatesOnSecondSave()
    {
        routePage();
        m_server->redirect("/short", "/story.html", 302);
        const QString address = m_server->url(QStringLiteral("/short")).toString();
        const Run first = cli({QStringLiteral("save"), address, QStringLiteral("--json")});
        QVERIFY2(first.code == 0, qPrintable(first.err));
        const QJsonObject saved = QJsonDocument::fromJson(first.out).object();
        const qint64 id = saved.value(QStringLiteral("id")).toInteger();
        QVERIFY(id > 0);
        QVERIFY(saved.value(QStringLiteral("title"))
                    .toString()
                    .startsWith(QLatin1String("Pilots meet")));
        QCOMPARE(saved.value(QStringLiteral("url")).toString(),
                 m_server->url(QStringLiteral("/story.html")).toString());
        {
            auto db = reader();
            QVERIFY(db);
            const auto article = ArticleStore(*db).article(id);
            QVERIFY(article);
            const auto feed = FeedStore(*db).feed(article->feedId);
            QVERIFY(feed && FeedStore::isBuiltIn(*feed));
            QCOMPARE(feed->url, FeedStore::savedPagesUrl());
            QVERIFY(StatusStore(*db).status(id)->starred);
            QVERIFY(article->fullText.contains(QLatin1String("marrowleaf")));
            SqlQuery q(*db);
            q.prepare(QStringLiteral("SELECT rowid FROM article_fts WHERE article_fts MATCH ?"));
            q.bind(QStringLiteral("marrowleaf"));
            QVERIFY(q.exec() && q.next());
            QCOMPARE(q.value(0).toLongLong(), id);
            MediaCache cache(*db, m_profile + QStringLiteral("/media"));
            QCOMPARE(cache.stats().entries, 2);
            for (const char *path : {"/img/a.png", "/img/b.jpg"}) {
                const auto entry = cache.lookup(m_server->url(QString::fromLatin1(path)));
                QVERIFY2(entry && QFile::exists(entry->filePath), path);
            }
            QCOMPARE(cache.takeAccessed().size(), 2); // reader: touches handed to the writer
        }

        // Saving again (the page changed) updates the same article: no duplicate.
        m_server->route("/story.html", HttpResponse::ok(offlinePage(QStringLiteral("Pilots meet"),
                                                                    QStringLiteral("samphire"),
                                                                    {QStringLiteral("/img/a.png")}),
                                                        "text/html; charset=utf-8"));
        const int imageHits = m_server->hits("/img/a.png");
        const Run second = cli({QStringLiteral("save"), address});
        QVERIFY2(second.code == 0, qPrintable(second.err));
        QCOMPARE(second.out.trimmed(), QByteArray::number(id));
        QVERIFY(second.err.contains(QLatin1String("Updated")));
        QCOMPARE(m_server->hits("/img/a.png"), imageHits); // cached: linked, not fetched again
        auto db = reader();
        ArticleQuery all;
        QCOMPARE(ArticleStore(*db).count(all), 1);
        QVERIFY(ArticleStore(*db).article(id)->fullText.contains(QLatin1String("samphire")));

        // The page's own related list.
        const Run related = cli({QStringLiteral("related"), QString::number(id),
                                 QStringLiteral("--page"), QStringLiteral("--json")});
        QVERIFY2(related.code == 0, qPrintable(related.err));
        const QJsonArray list = QJsonDocument::fromJson(related.out).array();
        QCOMPARE(list.size(), 3);
        QCOMPARE(list[2].toObject().value(QStringLiteral("title")).toString(),
                 QStringLiteral("Library hosts harbour history evening"));
        QCOMPARE(list[2].toObject().value(QStringLiteral("url")).toString(),
                 m_server->url(QStringLiteral("/more/3.html")).toString());
        QVERIFY(list[0].toObject().contains(QStringLiteral("snippet")));

        const Run media = cli({QStringLiteral("media"), QStringLiteral("--json")});
        QVERIFY2(media.code == 0, qPrintable(media.err));
        const QJsonObject stats = QJsonDocument::fromJson(media.out).object();
        QCOMPARE(stats.value(QStringLiteral("entries")).toInteger(), 2);
        QCOMPARE(stats.value(QStringLiteral("budget_bytes")).toInteger(), 512LL * 1024 * 1024);
        QCOMPARE(stats.value(QStringLiteral("max_image_bytes")).toInteger(), 5LL * 1024 * 1024);
        QVERIFY(stats.value(QStringLiteral("bytes")).toInteger() > 0);
        QCOMPARE(stats.value(QStringLiteral("pinned_bytes")).toInteger(),
                 stats.value(QStringLiteral("bytes")).toInteger()); // a saved page is starred
    }

    void saveErrorsAreClear()
    {
        m_server->route("/doc.pdf", HttpResponse::ok("%PDF-1.4", "application/pdf"));
        Run bad = cli({QStringLiteral("save"), QStringLiteral("not a url")});
        QCOMPARE(bad.code, 1);
        QVERIFY2(bad.err.contains(QLatin1String("is not a web address")), qPrintable(bad.err));
        Run ftp = cli({QStringLiteral("save"), QStringLiteral("ftp://example.org/x")});
        QCOMPARE(ftp.code, 1);
        Run missing = cli(
            {QStringLiteral("save"), m_server->url(QStringLiteral("/nothing.html")).toString()});
        QCOMPARE(missing.code, 1);
        QVERIFY2(missing.err.contains(QLatin1String("404")), qPrintable(missing.err));
        Run pdf =
            cli({QStringLiteral("save"), m_server->url(QStringLiteral("/doc.pdf")).toString()});
        QCOMPARE(pdf.code, 1);
        QVERIFY2(pdf.err.contains(QLatin1String("not a web page (Content-Type application/pdf)")),
                 qPrintable(pdf.err));
        Run usage = cli({QStringLiteral("save")});
        QCOMPARE(usage.code, 2);
        if (auto db = reader())
            QCOMPARE(ArticleStore(*db).count({}), 0);
    }

    void feedSetChoosesTheModeAndSyncDownloads()
    {
        routePage();
        m_server->route("/feed.xml",
                        HttpResponse::ok(offlineFeed({{QStringLiteral("s1"),
                                                       QStringLiteral("Pilots meet"),
                                                       m_server->url(QStringLiteral("/story.html")),
                                                       QStringLiteral("A teaser."),
                                                       {}}}),
                                         "application/rss+xml"));
        Run add = cli(
            {QStringLiteral("add-feed"), m_server->url(QStringLiteral("/feed.xml")).toString()});
        QVERIFY2(add.code == 0, qPrintable(add.err));
        qint64 feedId = 0;
        {
            auto db = reader();
            feedId = FeedStore(*db).feeds().constFirst().id;
        }
        Run off = cli({QStringLiteral("feed-set"), QString::number(feedId),
                       QStringLiteral("--full-text"), QStringLiteral("off")});
        QVERIFY2(off.code == 0, qPrintable(off.err));
        QCOMPARE(reader() ? FeedStore(*reader()).feed(feedId)->fullText : FullTextMode::On,
                 FullTextMode::Off);
        Run wrong = cli({QStringLiteral("feed-set"), QString::number(feedId),
                         QStringLiteral("--full-text"), QStringLiteral("maybe")});
        QCOMPARE(wrong.code, 2);
        Run none = cli({QStringLiteral("feed-set"), QStringLiteral("999"),
                        QStringLiteral("--full-text"), QStringLiteral("on")});
        QCOMPARE(none.code, 1);
        Run on = cli({QStringLiteral("feed-set"), QString::number(feedId),
                      QStringLiteral("--full-text"), QStringLiteral("auto")});
        QVERIFY2(on.code == 0, qPrintable(on.err));

        // sync waits for the downloads it queued before it exits.
        Run sync = cli({QStringLiteral("sync")});
        QVERIFY2(sync.code == 0, qPrintable(sync.err));
        QVERIFY2(sync.out.contains("1 article page(s) downloaded, 0 failed; 2 image(s) cached"),
                 sync.out.constData());
        auto db = reader();
        const qint64 id = ArticleStore(*db).list({}).constFirst().summary.id;
        QVERIFY(ArticleStore(*db).page(id)->fullText.contains(QLatin1String("marrowleaf")));

        Run config = cli(
            {QStringLiteral("config"), QStringLiteral("media.budget_mb"), QStringLiteral("64")});
        QVERIFY2(config.code == 0, qPrintable(config.err));
        const Run media = cli({QStringLiteral("media"), QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(media.out)
                     .object()
                     .value(QStringLiteral("budget_bytes"))
                     .toInteger(),
                 64LL * 1024 * 1024);
    }
};

QTEST_GUILESS_MAIN(TestOfflineCli)
#include "test_offline_cli.moc"
