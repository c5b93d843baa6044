// broadsheet-cli label, note, saved-search and bookmarks as a user runs them: real processes on
// real profiles.

#include "store/ArticleStore.h"
#include "store/Database.h"
#include "store/FeedStore.h"

#include "CliProcess.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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

QJsonArray jsonArray(const Run &r)
{
    return QJsonDocument::fromJson(r.outBytes).array();
}

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

} // namespace

class TestBookmarksCli : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    qint64 m_harbour = 0, m_ferry = 0, m_budget = 0;
    QString profile() const { return m_dir.filePath(QStringLiteral("profile")); }
    QString other() const { return m_dir.filePath(QStringLiteral("other")); }

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
        auto save = [&](const QString &guid, const QString &title, int day) {
            Article a;
            a.feedId = *feed;
            a.guid = guid;
            a.url = QUrl(QStringLiteral("https://wire.test/") + guid);
            a.title = title;
            a.content = QStringLiteral("<p>") + title + QStringLiteral(" and the island.</p>");
            a.published = QDateTime(QDate(2024, 5, day), QTime(8, 0), QTimeZone::utc());
            return ArticleStore(*db).save(a).id;
        };
        m_harbour = save(QStringLiteral("h"), QStringLiteral("Harbour <crane> & \"dock\""), 2);
        m_ferry = save(QStringLiteral("f"), QStringLiteral("Ferry returns"), 3);
        m_budget = save(QStringLiteral("b"), QStringLiteral("Budget night: ferry subsidy"), 4);
        QVERIFY(m_harbour > 0 && m_ferry > 0 && m_budget > 0);
    }

    void labels()
    {
        Run r = cli(profile(), {s("label"), s("create"), s("Long reads")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = cli(profile(), {s("label"), s("create"), s("long READS")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("already a label 'Long reads'")), qPrintable(r.err));
        r = cli(profile(), {s("label"), s("create"), s("x'); DROP TABLE labels; --")});
        QCOMPARE(r.code, 0);
        r = cli(profile(), {s("label"), s("assign"), s("long reads"), QString::number(m_ferry),
                            QString::number(m_budget)});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QLatin1String("2 article(s) changed")));
        // One unknown id: refused, nothing changed.
        r = cli(profile(), {s("label"), s("assign"), s("x'); DROP TABLE labels; --"),
                            QString::number(m_harbour), s("424242")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("424242")), qPrintable(r.err));
        r = cli(profile(), {s("label"), s("assign"), s("Long reads"), s("abc")});
        QCOMPARE(r.code, 2);
        r = cli(profile(), {s("label"), s("list"), s("--json")});
        QCOMPARE(r.code, 0);
        QJsonArray a = jsonArray(r);
        QCOMPARE(a.size(), 2);
        QCOMPARE(a[0][QStringLiteral("name")].toString(), s("Long reads"));
        QCOMPARE(a[0][QStringLiteral("articles")].toInt(), 2);
        QCOMPARE(a[1][QStringLiteral("name")].toString(), s("x'); DROP TABLE labels; --"));
        QCOMPARE(a[1][QStringLiteral("articles")].toInt(), 0);
        r = cli(profile(), {s("label"), s("rename"), s("Long reads"), s("Weekend")});
        QCOMPARE(r.code, 0);
        r = cli(profile(), {s("label"), s("rename"), s("Nope"), s("Other")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QLatin1String("no label 'Nope'")));
        r = cli(profile(), {s("label"), s("unassign"), s("weekend"), QString::number(m_ferry)});
        QCOMPARE(r.code, 0);
        r = cli(profile(), {s("search"), s("label:Weekend"), s("--json")});
        QCOMPARE(jsonArray(r).size(), 1);
        r = cli(profile(), {s("label"), s("delete"), s("x'); DROP TABLE labels; --")});
        QCOMPARE(r.code, 0);
        r = cli(profile(), {s("label"), s("list")});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, s("Weekend\t1 article(s)\n"));
        r = cli(profile(), {s("label")});
        QCOMPARE(r.code, 2);
        r = cli(profile(), {s("label"), s("--help")});
        QCOMPARE(r.code, 0);
        for (const char *sub : {"create", "rename", "delete", "list", "assign", "unassign"})
            QVERIFY2(r.out.contains(QLatin1String(sub)), sub);
    }

    void notes()
    {
        const QString id = QString::number(m_harbour);
        Run r = cli(profile(), {s("note"), id, s("Ask"), s("about"), s("-the"), s("crane")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QLatin1String("now starred")), qPrintable(r.out));
        r = cli(profile(), {s("note"), id});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, s("Ask about -the crane\n"));
        r = cli(profile(), {s("list-articles"), s("--starred"), s("--json")});
        QCOMPARE(jsonArray(r).size(), 1);
        r = cli(profile(), {s("note"), id, s("--"), s("--clear is text here; DROP TABLE x")});
        QCOMPARE(r.code, 0);
        r = cli(profile(), {s("note"), id});
        QCOMPARE(r.out, s("--clear is text here; DROP TABLE x\n"));
        r = cli(profile(), {s("note"), s("999999"), s("nowhere")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QLatin1String("no article 999999")));
        r = cli(profile(), {s("note"), s("999999")});
        QCOMPARE(r.code, 1);
        r = cli(profile(), {s("note"), s("--help")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QLatin1String("stars")));
    }

    void savedSearches()
    {
        Run r = cli(profile(), {s("saved-search"), s("add"), s("Ferries"), s("ferry"), s("--sort"),
                                s("date")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = cli(profile(),
                {s("saved-search"), s("add"), s("Island, no ferry"), s("island"), s("-ferry")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = cli(profile(), {s("saved-search"), s("add"), s("Broken"), s("\"open quote")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("never closed")), qPrintable(r.err));
        r = cli(profile(),
                {s("saved-search"), s("add"), s("Bad sort"), s("x"), s("--sort"), s("size")});
        QCOMPARE(r.code, 2);
        r = cli(profile(), {s("mark-read"), QString::number(m_ferry)});
        QCOMPARE(r.code, 0);
        r = cli(profile(), {s("saved-search"), s("list"), s("--json")});
        QCOMPARE(r.code, 0);
        QJsonArray a = jsonArray(r);
        QCOMPARE(a.size(), 2);
        QCOMPARE(a[0][QStringLiteral("name")].toString(), s("Ferries"));
        QCOMPARE(a[0][QStringLiteral("sort")].toString(), s("date"));
        QCOMPARE(a[0][QStringLiteral("total")].toInt(), 2);
        QCOMPARE(a[0][QStringLiteral("unread")].toInt(), 1);
        QCOMPARE(a[1][QStringLiteral("query")].toString(), s("island -ferry"));
        QCOMPARE(a[1][QStringLiteral("total")].toInt(), 1); // the harbour
        r = cli(profile(),
                {s("saved-search"), s("run"), s("ferries"), s("--json"), s("--limit"), s("1")});
        QCOMPARE(r.code, 0);
        a = jsonArray(r);
        QCOMPARE(a.size(), 1);
        QCOMPARE(a[0][QStringLiteral("id")].toInteger(), m_budget); // by date: newest
        r = cli(profile(), {s("saved-search"), s("run"), s("Ferries")});
        QVERIFY2(r.out.startsWith(QString::number(m_budget) + QLatin1Char('\t')),
                 qPrintable(r.out));
        r = cli(profile(), {s("saved-search"), s("rename"), s("Ferries"), s("Boats")});
        QCOMPARE(r.code, 0);
        r = cli(profile(), {s("saved-search"), s("update"), s("Boats"), s("title:ferry")});
        QCOMPARE(r.code, 0);
        r = cli(profile(), {s("saved-search"), s("remove"), s("Island, no ferry")});
        QCOMPARE(r.code, 0);
        r = cli(profile(), {s("saved-search"), s("list")});
        QCOMPARE(r.out, s("Boats\t2 match(es)\t1 unread\ttitle:ferry\n"));
        r = cli(profile(), {s("saved-search"), s("run"), s("Nope")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QLatin1String("no saved search 'Nope'")));
        r = cli(profile(), {s("saved-search"), s("--help")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QLatin1String("live")));
    }

    void bookmarksExportImport()
    {
        // Saved here: harbour (noted, starred), budget (labelled Weekend).
        Run r = cli(profile(), {s("bookmarks"), s("export"), s("--format"), s("json")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonObject root = QJsonDocument::fromJson(r.outBytes).object();
        QCOMPARE(root[QStringLiteral("version")].toInt(), 1);
        const QJsonArray entries = root[QStringLiteral("bookmarks")].toArray();
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries[0][QStringLiteral("title")].toString(), s("Harbour <crane> & \"dock\""));
        QCOMPARE(entries[0][QStringLiteral("note")].toString(),
                 s("--clear is text here; DROP TABLE x"));
        QCOMPARE(entries[1][QStringLiteral("labels")].toArray().first().toString(), s("Weekend"));

        const QString html = m_dir.filePath(QStringLiteral("bookmarks.html"));
        r = cli(profile(), {s("bookmarks"), s("export"), html});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QLatin1String("Exported 2 bookmark(s)")));
        QFile file(html);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("<!DOCTYPE NETSCAPE-Bookmark-file-1>"));
        QVERIFY(bytes.contains("Harbour &lt;crane&gt; &amp; &quot;dock&quot;</A>"));
        QVERIFY(bytes.contains("TAGS=\"Weekend\""));

        // Into another profile: two saved pages, and the same export comes out.
        QVERIFY(QDir().mkpath(other()));
        r = cli(other(), {s("bookmarks"), s("import"), html});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QLatin1String("Saved pages created: 2")), qPrintable(r.out));
        QVERIFY(r.out.contains(QLatin1String("Labels created: 1")));
        r = cli(other(), {s("bookmarks"), s("export")});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.outBytes, bytes);
        r = cli(other(), {s("note"), QString::number(1)});
        QCOMPARE(r.code, 0);

        // Hostile files: clear errors, exit 1, nothing imported.
        const QString junk = m_dir.filePath(QStringLiteral("junk.json"));
        QFile j(junk);
        QVERIFY(j.open(QIODevice::WriteOnly));
        j.write("{\"version\":1,\"bookmarks\":[{\"url\":");
        j.close();
        r = cli(other(), {s("bookmarks"), s("import"), junk});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("malformed")), qPrintable(r.err));
        const QString evil = m_dir.filePath(QStringLiteral("evil.html"));
        QFile e(evil);
        QVERIFY(e.open(QIODevice::WriteOnly));
        e.write("<!DOCTYPE NETSCAPE-Bookmark-file-1><DL><DT><A HREF=\"javascript:alert(1)\">x</A>"
                "<DT><A HREF=\"https://wire.test/f\">Ferry</A></DL>");
        e.close();
        r = cli(profile(), {s("bookmarks"), s("import"), evil});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QLatin1String("Addresses skipped (not http/https): 1")),
                 qPrintable(r.out));
        QVERIFY(r.out.contains(QLatin1String("Matched articles: 1")));
        r = cli(profile(), {s("bookmarks"), s("import"), m_dir.filePath(QStringLiteral("none"))});
        QCOMPARE(r.code, 1);
        r = cli(profile(), {s("bookmarks"), s("export"), s("--format"), s("csv")});
        QCOMPARE(r.code, 2);
        r = cli(profile(), {s("bookmarks"), s("--help")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QLatin1String("javascript:")));
    }

    void listedInHelp()
    {
        const Run r = cli(profile(), {s("--help")});
        for (const char *verb : {"label", "note", "saved-search", "bookmarks"})
            QVERIFY2(r.out.contains(QLatin1String(verb)), verb);
        QVERIFY(r.out.contains(QLatin1String("stars it")));
    }
};

QTEST_GUILESS_MAIN(TestBookmarksCli)
#include "test_bookmarks_cli.moc"
