// broadsheet-cli import-opml / export-opml as a user runs them: a real process on a real profile.

#include "feeds/Opml.h"

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

QString fixture(const char *name)
{
    return QStringLiteral(OPML_FIXTURES "/") + QLatin1String(name);
}

QStringList feedLines(const QString &profile)
{
    const Run r = cli(profile, {QStringLiteral("list-feeds"), QStringLiteral("--json")});
    QStringList lines;
    for (const QJsonValue &v : QJsonDocument::fromJson(r.outBytes).array())
        lines << v[QStringLiteral("folder")].toString() + QLatin1Char('|') +
                     v[QStringLiteral("url")].toString() + QLatin1Char('|') +
                     v[QStringLiteral("title")].toString();
    lines.sort();
    return lines;
}

} // namespace

class TestCliOpml : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString profile(const char *name) const { return m_dir.filePath(QLatin1String(name)); }

private slots:
    void helpListsTheVerbs()
    {
        const Run h = cli(profile("help"), {QStringLiteral("--help")});
        QCOMPARE(h.code, 0);
        for (const char *verb : {"import-opml", "export-opml", "discover"})
            QVERIFY2(h.outBytes.contains(verb), verb);
    }

    void importExportReimport()
    {
        Run r = cli(profile("a"), {QStringLiteral("import-opml"), fixture("rssguard.opml")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.outBytes.contains("Folders created: 5\n"), r.outBytes.constData());
        QVERIFY(r.outBytes.contains("Feeds added: 6\n"));
        QVERIFY(r.outBytes.contains("Duplicates skipped: 0\n"));

        r = cli(profile("a"), {QStringLiteral("import-opml"), fixture("rssguard.opml")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.outBytes.contains("Feeds added: 0\n"));
        QVERIFY(r.outBytes.contains("Duplicates skipped: 6\n"));

        // To stdout: the OPML itself, nothing else.
        r = cli(profile("a"), {QStringLiteral("export-opml")});
        QCOMPARE(r.code, 0);
        QString error;
        const auto doc = parseOpml(r.outBytes, &error);
        QVERIFY2(doc, qPrintable(error));
        QCOMPARE(doc->root.feedCount(), 6);

        const QString file = m_dir.filePath(QStringLiteral("export.opml"));
        r = cli(profile("a"), {QStringLiteral("export-opml"), file});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.outBytes.contains("Exported 6 feed(s)"));

        r = cli(profile("b"), {QStringLiteral("import-opml"), file});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.outBytes.contains("Feeds added: 6\n"));
        const QStringList lines = feedLines(profile("a"));
        QCOMPARE(lines.size(), 6);
        QCOMPARE(feedLines(profile("b")), lines);
        QVERIFY(lines.contains(QStringLiteral("Kernel|https://www.kernel.org/feeds/kdist.xml|"
                                              "Kernel.org releases")));
    }

    void invalidFeedsAreReported()
    {
        const QString file = m_dir.filePath(QStringLiteral("mixed.opml"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("<opml version=\"1.0\"><body><outline text=\"Good\" xmlUrl=\"https://e.test/a\"/>"
                "<outline text=\"Bad\" xmlUrl=\"mailto:x@e.test\"/></body></opml>");
        f.close();
        const Run r = cli(profile("c"), {QStringLiteral("import-opml"), file});
        QCOMPARE(r.code, 0);
        QVERIFY(r.outBytes.contains("Feeds added: 1\n"));
        QVERIFY(r.outBytes.contains("Invalid skipped: 1\n"));
        QVERIFY2(r.err.contains(QLatin1String("mailto:x@e.test")), qPrintable(r.err));
    }

    void errors()
    {
        Run r = cli(profile("d"), {QStringLiteral("import-opml")});
        QCOMPARE(r.code, 2);
        r = cli(profile("d"),
                {QStringLiteral("import-opml"), m_dir.filePath(QStringLiteral("nope"))});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("Cannot read")), qPrintable(r.err));
        const QString html = m_dir.filePath(QStringLiteral("page.html"));
        QFile f(html);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("<html><body>not opml</body></html>");
        f.close();
        r = cli(profile("d"), {QStringLiteral("import-opml"), html});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("not OPML")), qPrintable(r.err));
        r = cli(profile("d"),
                {QStringLiteral("export-opml"), QStringLiteral("a"), QStringLiteral("b")});
        QCOMPARE(r.code, 2);
        r = cli(profile("d"), {QStringLiteral("export-opml"),
                               m_dir.filePath(QStringLiteral("no/such/dir/x.opml"))});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("Cannot write")), qPrintable(r.err));
    }

    void exportOfAnEmptyProfile()
    {
        const Run r = cli(profile("e"), {QStringLiteral("export-opml")});
        QCOMPARE(r.code, 0);
        QString error;
        const auto doc = parseOpml(r.outBytes, &error);
        QVERIFY2(doc, qPrintable(error));
        QCOMPARE(doc->root.feedCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCliOpml)
#include "test_cli_opml.moc"
