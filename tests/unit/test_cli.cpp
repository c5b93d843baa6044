// broadsheet-cli as a user runs it: a real process on a real profile.

#include "TestData.h"
#include "store/ArticleStore.h"
#include "store/Database.h"
#include "store/FeedStore.h"

#include "CliProcess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace bs;

namespace
{

using Run = test::CliRun;

Run cli(const QString &profile, const QStringList &args)
{
    return test::runCli(QStringLiteral(BROADSHEET_CLI), profile, args);
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString profile() const { return m_dir.filePath(QStringLiteral("profile")); }

private slots:
    void versionAndHelp()
    {
        const Run v = cli({}, {QStringLiteral("--version")});
        QCOMPARE(v.code, 0);
        QVERIFY(v.out.startsWith(QLatin1String("broadsheet-cli ")));
        const Run h = cli({}, {QStringLiteral("--help")});
        QCOMPARE(h.code, 0);
        for (const char *verb : {"add-feed", "list-feeds", "list-articles", "mark-read", "star"})
            QVERIFY2(h.out.contains(QLatin1String(verb)), verb);
    }

    void usageErrors()
    {
        Run r = cli(profile(), {QStringLiteral("frobnicate")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(QLatin1String("unknown command 'frobnicate'")));
        r = cli(profile(), {QStringLiteral("mark-read"), QStringLiteral("abc")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(QLatin1String("'abc' is not an article id")));
        r = cli(profile(), {QStringLiteral("list-articles"), QStringLiteral("--bogus")});
        QCOMPARE(r.code, 2);
        r = cli(profile(), {QStringLiteral("add-feed"), QStringLiteral("ftp://x y")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("is not a feed address")), qPrintable(r.err));
        QFile f(m_dir.filePath(QStringLiteral("afile")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        r = cli(f.fileName(), {QStringLiteral("list-feeds")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("is a file, not a folder")), qPrintable(r.err));
    }

    void addListMarkStar()
    {
        // --no-check: no server here; the address is stored as it is.
        Run r =
            cli(profile(),
                {QStringLiteral("add-feed"), QStringLiteral("https://news.example.test/rss.xml"),
                 QStringLiteral("--folder"), QStringLiteral("新闻"), QStringLiteral("--no-check")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = cli(profile(),
                {QStringLiteral("add-feed"), QStringLiteral("https://news.example.test/rss.xml"),
                 QStringLiteral("--no-check")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QLatin1String("Already subscribed")));

        // Articles arrive through the store, as the sync worker will put them there.
        qint64 first = 0;
        {
            QString error;
            auto db =
                Database::openWriter(profile() + QStringLiteral("/broadsheet.sqlite"), &error);
            QVERIFY2(db, qPrintable(error));
            const qint64 feedId = FeedStore(*db).feeds().first().id;
            test::ArticleGenerator gen;
            QList<Article> batch;
            for (int i = 0; i < 30; ++i)
                batch << gen.make(feedId, i, 20);
            QList<ArticleStore::SaveResult> results;
            QVERIFY(ArticleStore(*db).saveAll(batch, &results));
            first = results.first().id;
        }

        r = cli(profile(), {QStringLiteral("list-feeds"), QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        const QJsonArray feeds = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(feeds.size(), 1);
        QCOMPARE(feeds[0][QStringLiteral("folder")].toString(), QStringLiteral("新闻"));
        QCOMPARE(feeds[0][QStringLiteral("unread")].toInt(), 30);

        r = cli(profile(), {QStringLiteral("list-articles"), QStringLiteral("--json"),
                            QStringLiteral("--limit"), QStringLiteral("100")});
        QCOMPARE(r.code, 0);
        QJsonArray list = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(list.size(), 30);
        const QJsonObject newest = list[0].toObject();
        for (const char *key :
             {"id", "feed_id", "title", "url", "author", "published", "read", "starred"})
            QVERIFY2(newest.contains(QLatin1String(key)), key);
        // Article 29 is the newest: 1700000000 + 29 * 60 seconds.
        QCOMPARE(newest[QStringLiteral("published")].toString(),
                 QStringLiteral("2023-11-14T22:42:20Z"));

        r = cli(profile(),
                {QStringLiteral("mark-read"), QString::number(first), QString::number(first + 1)});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QLatin1String("2 article(s) changed")));
        r = cli(profile(), {QStringLiteral("star"), QString::number(first)});
        QCOMPARE(r.code, 0);

        r = cli(profile(), {QStringLiteral("list-articles"), QStringLiteral("--unread"),
                            QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).array().size(), 28);
        r = cli(profile(), {QStringLiteral("list-articles"), QStringLiteral("--starred"),
                            QStringLiteral("--json")});
        list = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list[0][QStringLiteral("id")].toInteger(), first);
        QVERIFY(list[0][QStringLiteral("read")].toBool());
        QVERIFY(list[0][QStringLiteral("starred")].toBool());

        r = cli(profile(),
                {QStringLiteral("list-articles"), QStringLiteral("--feed"), QStringLiteral("77")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QLatin1String("There is no feed 77")));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
