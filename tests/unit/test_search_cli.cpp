// broadsheet-cli search as a user runs it: a real process on a real profile.

#include "store/ArticleStore.h"
#include "store/Database.h"
#include "store/FeedStore.h"
#include "store/StatusStore.h"

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

class TestSearchCli : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    qint64 m_kaesong = 0, m_ferry = 0, m_budget = 0;
    QString profile() const { return m_dir.filePath(QStringLiteral("profile")); }

private slots:
    void initTestCase()
    {
        QVERIFY(QDir().mkpath(profile()));
        QString error;
        auto db = Database::openWriter(profile() + QStringLiteral("/broadsheet.sqlite"), &error);
        QVERIFY2(db, qPrintable(error));
        const auto feed = FeedStore(*db).addFeed(Feed{
            .url = QUrl(QStringLiteral("https://wire.test/rss")), .title = QStringLiteral("Wire")});
        QVERIFY(feed);
        auto save = [&](const QString &guid, const QString &title, const QString &body, int day) {
            Article a;
            a.feedId = *feed;
            a.guid = guid;
            a.title = title;
            a.content = QStringLiteral("<p>") + body + QStringLiteral("</p>");
            a.published = QDateTime(QDate(2024, 5, day), QTime(8, 0), QTimeZone::utc());
            return ArticleStore(*db).save(a).id;
        };
        m_kaesong = save(QStringLiteral("k"), QStringLiteral("开城工业园区的未来"),
                         QStringLiteral("关于开城工业园区的讨论仍在继续。"), 2);
        m_ferry = save(QStringLiteral("f"), QStringLiteral("Ferry returns"),
                       QStringLiteral("The island boat runs again."), 3);
        m_budget = save(QStringLiteral("b"), QStringLiteral("Budget night"),
                        QStringLiteral("A ferry subsidy passed; the island cheered."), 4);
        QVERIFY(m_kaesong > 0 && m_ferry > 0 && m_budget > 0);
        QCOMPARE(StatusStore(*db).setStarred({m_budget}, true), 1);
    }

    void jsonBestFirst()
    {
        const Run r = cli(profile(), {QStringLiteral("search"), QStringLiteral("ferry"),
                                      QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        const QJsonArray a = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(a.size(), 2);
        QCOMPARE(a[0][QStringLiteral("id")].toInteger(), m_ferry); // title hit first
        QCOMPARE(a[1][QStringLiteral("id")].toInteger(), m_budget);
        const QJsonObject first = a[0].toObject();
        QCOMPARE(first.keys(), (QStringList{QStringLiteral("feed"), QStringLiteral("id"),
                                            QStringLiteral("published"), QStringLiteral("score"),
                                            QStringLiteral("snippet"), QStringLiteral("title")}));
        QCOMPARE(first[QStringLiteral("feed")].toString(), QStringLiteral("Wire"));
        QCOMPARE(first[QStringLiteral("published")].toString(),
                 QStringLiteral("2024-05-03T08:00:00Z"));
        QVERIFY(first[QStringLiteral("score")].toDouble() >
                a[1][QStringLiteral("score")].toDouble());
        QVERIFY(
            first[QStringLiteral("snippet")].toString().contains(QLatin1String("<b>Ferry</b>")));
    }

    void textOutputAndCjk()
    {
        const Run r = cli(profile(), {QStringLiteral("search"), QStringLiteral("开城")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.startsWith(QString::number(m_kaesong) + QLatin1Char('\t')),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("[开城]")), qPrintable(r.out));
    }

    void exclusionIsNotAnOption()
    {
        const Run r = cli(profile(), {QStringLiteral("search"), QStringLiteral("island"),
                                      QStringLiteral("-ferry"), QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        const QJsonArray a = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(a.size(), 0); // both island articles mention ferry
        const Run s = cli(profile(), {QStringLiteral("search"), QStringLiteral("is:starred"),
                                      QStringLiteral("--sort"), QStringLiteral("date"),
                                      QStringLiteral("--limit"), QStringLiteral("5"),
                                      QStringLiteral("--json")});
        QCOMPARE(s.code, 0);
        const QJsonArray b = QJsonDocument::fromJson(s.out.toUtf8()).array();
        QCOMPARE(b.size(), 1);
        QCOMPARE(b[0][QStringLiteral("id")].toInteger(), m_budget);
    }

    void errorsAndHelp()
    {
        Run r = cli(profile(), {QStringLiteral("search"), QStringLiteral("\"open quote")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QLatin1String("never closed")), qPrintable(r.err));
        r = cli(profile(), {QStringLiteral("search"), QStringLiteral("before:someday")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QLatin1String("not a date")), qPrintable(r.err));
        r = cli(profile(), {QStringLiteral("search"), QStringLiteral("x"),
                            QStringLiteral("--limit"), QStringLiteral("0")});
        QCOMPARE(r.code, 2);
        r = cli(profile(), {QStringLiteral("search"), QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        for (const char *op : {"title:", "author:", "feed:", "folder:", "is:unread", "is:saved",
                               "label:", "before:", "after:", " OR ", "-word", "\"exact phrase\""})
            QVERIFY2(r.out.contains(QLatin1String(op)), op);
        r = cli(profile(), {QStringLiteral("--help")});
        QVERIFY(r.out.contains(QLatin1String("search")));
    }
};

QTEST_GUILESS_MAIN(TestSearchCli)
#include "test_search_cli.moc"
