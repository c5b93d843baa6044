// OPML: parsing real readers' exports, writing OPML 2.0, importing into and exporting from a
// profile, and round trips that must lose nothing.

#include "feeds/Opml.h"
#include "feeds/OpmlImport.h"
#include "store/Database.h"
#include "store/FeedStore.h"
#include "store/SqlQuery.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace bs;

namespace
{

QByteArray fixture(const QString &name)
{
    QFile f(QStringLiteral(OPML_FIXTURES "/") + name);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QByteArray opml(const QByteArray &body, const QByteArray &declaration = "UTF-8")
{
    return "<?xml version=\"1.0\" encoding=\"" + declaration +
           "\"?>\n<opml version=\"2.0\"><head><title>t</title></head><body>" + body +
           "</body></opml>";
}

// "A / B" for a folder id, from the store's folders.
QString folderPath(const QHash<qint64, Folder> &folders, qint64 id)
{
    QStringList names;
    for (int guard = 0; id && guard < 100; ++guard) {
        const Folder f = folders.value(id);
        names.prepend(f.name);
        id = f.parentId;
    }
    return names.join(QStringLiteral(" / "));
}

// Everything an import must keep, one sorted line per feed and per folder.
QStringList snapshot(Database &db)
{
    FeedStore store(db);
    QHash<qint64, Folder> folders;
    for (const Folder &f : store.folders())
        folders.insert(f.id, f);
    QStringList lines;
    for (const Folder &f : folders)
        lines << QStringLiteral("folder %1").arg(folderPath(folders, f.id));
    for (const Feed &f : store.feeds())
        lines << QStringLiteral("feed [%1] %2 | %3 | %4 | %5")
                     .arg(folderPath(folders, f.folderId), f.url.toString(), f.title,
                          f.siteUrl.toString(), f.description);
    lines.sort();
    return lines;
}

// The same lines computed from a parsed document (duplicates dropped, first one wins).
void documentLines(const OpmlFolder &folder, const QStringList &path, QSet<QString> *urls,
                   QStringList *lines)
{
    const QString here = path.join(QStringLiteral(" / "));
    for (const OpmlFeed &f : folder.feeds) {
        if (urls->contains(f.xmlUrl.toString()))
            continue;
        urls->insert(f.xmlUrl.toString());
        *lines << QStringLiteral("feed [%1] %2 | %3 | %4 | %5")
                      .arg(here, f.xmlUrl.toString(), f.title, f.htmlUrl.toString(), f.description);
    }
    for (const OpmlFolder &sub : folder.folders) {
        const QStringList subPath = path + QStringList{sub.title};
        const QString line = QStringLiteral("folder %1").arg(subPath.join(QStringLiteral(" / ")));
        if (!lines->contains(line))
            *lines << line;
        documentLines(sub, subPath, urls, lines);
    }
}

QStringList documentLines(const OpmlDocument &doc)
{
    QSet<QString> urls;
    QStringList lines;
    documentLines(doc.root, {}, &urls, &lines);
    lines.sort();
    return lines;
}

} // namespace

class TestOpml : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    int m_profiles = 0;

    std::unique_ptr<Database> freshProfile()
    {
        QString error;
        auto db = Database::openWriter(
            m_dir.filePath(QStringLiteral("p%1.sqlite").arg(++m_profiles)), &error);
        if (!db)
            qWarning("%s", qPrintable(error));
        return db;
    }

    OpmlDocument parse(const QByteArray &data)
    {
        QString error;
        const auto doc = parseOpml(data, &error);
        if (!doc)
            qWarning("parse failed: %s", qPrintable(error));
        return doc.value_or(OpmlDocument{});
    }

private slots:
    void nestedFoldersAndFeeds()
    {
        const OpmlDocument doc = parse(fixture(QStringLiteral("rssguard.opml")));
        QCOMPARE(doc.title, QStringLiteral("RSS Guard"));
        QCOMPARE(doc.dateCreated, QDateTime(QDate(2022, 2, 12), QTime(13, 14, 15), Qt::UTC));
        QCOMPARE(doc.root.feedCount(), 6);
        QCOMPARE(doc.root.folders.size(), 3);
        const OpmlFolder &tech = doc.root.folders[0];
        QCOMPARE(tech.title, QStringLiteral("Tech"));
        QCOMPARE(tech.folders.size(), 1);
        const OpmlFolder &linux = tech.folders[0];
        QCOMPARE(linux.title, QStringLiteral("Linux"));
        QCOMPARE(linux.feeds.size(), 2);
        QCOMPARE(linux.folders[0].title, QStringLiteral("Kernel"));
        const OpmlFeed &lwn = linux.feeds[0];
        QCOMPARE(lwn.title, QStringLiteral("LWN.net"));
        QCOMPARE(lwn.xmlUrl, QUrl(QStringLiteral("https://lwn.net/headlines/rss")));
        QCOMPARE(lwn.htmlUrl, QUrl(QStringLiteral("https://lwn.net")));
        QCOMPARE(lwn.type, QStringLiteral("rss"));
        QCOMPARE(lwn.description, QStringLiteral("Linux news from LWN"));
        QCOMPARE(doc.root.folders[1].feeds[0].title, QStringLiteral("联合早报 · 中国"));
        QCOMPARE(doc.root.folders[2].title, QStringLiteral("Empty category"));
        QVERIFY(doc.root.folders[2].feeds.isEmpty());
        QCOMPARE(doc.root.feeds.size(), 1);
    }

    void otherReadersExports()
    {
        OpmlDocument doc = parse(fixture(QStringLiteral("netnewswire.opml")));
        QCOMPARE(doc.root.feedCount(), 5);
        QCOMPARE(doc.root.folders[1].feeds[1].title, QString()); // text == xmlUrl: untitled
        doc = parse(fixture(QStringLiteral("quiterss.opml")));
        QCOMPARE(doc.root.feedCount(), 6);
        QCOMPARE(doc.root.folders[1].feeds[0].title, QStringLiteral("Fish & Chips \"Weekly\""));
        QCOMPARE(doc.root.folders[1].feeds[0].xmlUrl.toString(),
                 QStringLiteral("https://blog.example.org/feed?tag=a&lang=en"));
        QVERIFY(doc.root.folders[1].feeds[0].type.isEmpty()); // QuiteRSS writes no type
        doc = parse(fixture(QStringLiteral("feedly.opml")));
        QCOMPARE(doc.root.feedCount(), 3); // the duplicate is kept by the parser
        doc = parse(fixture(QStringLiteral("inoreader.opml")));
        QCOMPARE(doc.root.folders[0].feeds.size(), 2);
        QCOMPARE(doc.root.feeds[0].title, QStringLiteral("Uncategorized feed"));
    }

    void htmlEntitiesAndBareAmpersands()
    {
        const OpmlDocument doc = parse(opml(
            "<outline text=\"Caf&eacute; &amp; Bar &mdash; News&nbsp;Daily\" "
            "xmlUrl=\"https://example.org/a?x=1&y=2\"/>"
            "<outline text=\"Tom & Jerry\" xmlUrl=\"https://example.org/b\"/>"
            "<outline text=\"&#x4E2D;&#25991; &unknown; &copy; &#;\" xmlUrl=\"https://e.org/c\"/>"
            "<!-- a comment with a bare & -->"));
        QCOMPARE(doc.root.feeds.size(), 3);
        QCOMPARE(doc.root.feeds[0].title, QStringLiteral("Café & Bar — News Daily"));
        QCOMPARE(doc.root.feeds[0].xmlUrl.toString(),
                 QStringLiteral("https://example.org/a?x=1&y=2"));
        QCOMPARE(doc.root.feeds[1].title, QStringLiteral("Tom & Jerry"));
        QCOMPARE(doc.root.feeds[2].title, QStringLiteral("中文 &unknown; © &#;"));

        // '&' inside CDATA is literal and must not be escaped.
        const OpmlDocument cdata =
            parse("<opml version=\"2.0\"><head><title><![CDATA[Fish & chips &amp; "
                  "more]]></title></head><body/></opml>");
        QCOMPARE(cdata.title, QStringLiteral("Fish & chips &amp; more"));
    }

    void declaredEncodings_data()
    {
        QTest::addColumn<QByteArray>("declaration");
        QTest::addColumn<QByteArray>("title");
        QTest::addColumn<QString>("expected");
        QTest::newRow("windows-1251")
            << QByteArray("windows-1251") << QByteArray("\xCD\xEE\xE2\xEE\xF1\xF2\xE8")
            << QStringLiteral("Новости");
        QTest::newRow("ISO-8859-1")
            << QByteArray("ISO-8859-1") << QByteArray("Caf\xE9") << QStringLiteral("Café");
        QTest::newRow("GBK") << QByteArray("GBK") << QByteArray("\xD0\xC2\xCE\xC5 \xD6\xD0\xCE\xC4")
                             << QStringLiteral("新闻 中文");
        QTest::newRow("Shift_JIS")
            << QByteArray("Shift_JIS") << QByteArray("\x83\x6A\x83\x85\x81\x5B\x83\x58")
            << QStringLiteral("ニュース");
    }
    void declaredEncodings()
    {
        QFETCH(QByteArray, declaration);
        QFETCH(QByteArray, title);
        QFETCH(QString, expected);
        const OpmlDocument doc =
            parse(opml("<outline text=\"" + title + "\"><outline text=\"" + title +
                           " &eacute;\" xmlUrl=\"https://e.org/f\"/>" + "</outline>",
                       declaration));
        QCOMPARE(doc.root.folders.size(), 1);
        QCOMPARE(doc.root.folders[0].title, expected);
        QCOMPARE(doc.root.folders[0].feeds[0].title, expected + QStringLiteral(" é"));
    }

    void utf16WithBom()
    {
        const QString text = QString::fromUtf8(
            opml("<outline text=\"新闻\" xmlUrl=\"https://e.org/f\"/>", "UTF-16"));
        QByteArray data("\xFF\xFE", 2);
        data.append(reinterpret_cast<const char *>(text.utf16()), text.size() * 2);
        const OpmlDocument doc = parse(data);
        QCOMPARE(doc.root.feeds.size(), 1);
        QCOMPARE(doc.root.feeds[0].title, QStringLiteral("新闻"));
    }

    void categoryAttributeAndLooseAttributes()
    {
        const OpmlDocument doc = parse(
            opml("<outline text=\"A\" xmlUrl=\"https://e.org/a\" category=\"/Tech/Linux,/Tags/x\"/>"
                 "<outline text=\"B\" xmlUrl=\"https://e.org/b\" category=\"Tech\"/>"
                 "<outline text=\"C\" xmlurl=\"https://e.org/c\"/>"
                 "<outline text=\"D\" type=\"rss\" url=\"https://e.org/d\"/>"
                 "<outline text=\"A link\" type=\"link\" url=\"https://e.org/page.html\"/>"
                 "<outline text=\"\"><outline text=\"E\" XMLURL=\" https://e.org/e \"/></outline>"
                 "<outline text=\"Folder\"><outline text=\"F\" xmlUrl=\"https://e.org/f\" "
                 "category=\"/Elsewhere\"/></outline>"));
        QStringList rootFeeds;
        for (const OpmlFeed &f : doc.root.feeds)
            rootFeeds << f.title;
        QCOMPARE(rootFeeds,
                 (QStringList{QStringLiteral("C"), QStringLiteral("D"), QStringLiteral("E")}));
        QCOMPARE(doc.root.feeds[2].xmlUrl, QUrl(QStringLiteral("https://e.org/e")));
        QCOMPARE(doc.root.folders.size(), 2);
        const OpmlFolder &tech = doc.root.folders[0];
        QCOMPARE(tech.title, QStringLiteral("Tech"));
        QCOMPARE(tech.feeds[0].title, QStringLiteral("B"));
        QCOMPARE(tech.folders[0].title, QStringLiteral("Linux"));
        QCOMPARE(tech.folders[0].feeds[0].title, QStringLiteral("A"));
        // Nesting wins over the category attribute.
        QCOMPARE(doc.root.folders[1].feeds[0].title, QStringLiteral("F"));
    }

    void notOpml()
    {
        QString error;
        QVERIFY(!parseOpml("<html><body>hi</body></html>", &error));
        QVERIFY2(error.contains(QLatin1String("not OPML")), qPrintable(error));
        QVERIFY(!parseOpml("this is not xml", &error));
        QVERIFY(!parseOpml(QByteArray(), &error));
        QVERIFY(!error.isEmpty());
        // A truncated file keeps what was readable.
        const auto partial = parseOpml(
            opml("<outline text=\"A\" xmlUrl=\"https://e.org/a\"/>").left(120) + "<outl", &error);
        QVERIFY2(partial, qPrintable(error));
    }

    void entityDeclarationsAreRefused()
    {
        QString error;
        const QByteArray xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE opml [<!ENTITY xxe SYSTEM "
                               "\"file:///etc/passwd\">]>\n<opml version=\"2.0\"><body><outline "
                               "text=\"&xxe;\" xmlUrl=\"https://e.org/a\"/></body></opml>";
        QVERIFY(!parseOpml(xxe, &error));
        QVERIFY2(error.contains(QLatin1String("entities")), qPrintable(error));

        QByteArray laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE opml [<!ENTITY l0 \"lol\">";
        for (int i = 1; i < 10; ++i)
            laughs += "<!ENTITY l" + QByteArray::number(i) + " \"" +
                      QByteArray("&l" + QByteArray::number(i - 1) + ";").repeated(10) + "\">";
        laughs += "]><opml><body><outline text=\"&l9;\" xmlUrl=\"https://e.org/a\"/></body></opml>";
        QElapsedTimer clock;
        clock.start();
        QVERIFY(!parseOpml(laughs, &error));
        QVERIFY(clock.elapsed() < 2000);

        // An external DTD is not fetched (no network, no DTD loading); the outline still reads.
        const auto doc = parseOpml("<?xml version=\"1.0\"?>\n<!DOCTYPE opml SYSTEM "
                                   "\"http://127.0.0.1:9/evil.dtd\">\n<opml><body><outline "
                                   "text=\"A\" xmlUrl=\"https://e.org/a\"/></body></opml>",
                                   &error);
        QVERIFY2(doc, qPrintable(error));
        QCOMPARE(doc->root.feeds.size(), 1);
    }

    void headDates_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDateTime>("expected");
        const QDateTime noon(QDate(2024, 4, 30), QTime(12, 0), Qt::UTC);
        QTest::newRow("GMT") << QStringLiteral("Tue, 30 Apr 2024 12:00:00 GMT") << noon;
        QTest::newRow("offset") << QStringLiteral("Tue, 30 Apr 2024 08:00:00 -0400") << noon;
        QTest::newRow("no day, no seconds") << QStringLiteral("30 Apr 2024 05:00 PDT") << noon;
        QTest::newRow("two-digit year") << QStringLiteral("30 Apr 24 12:00:00 Z") << noon;
        QTest::newRow("ISO") << QStringLiteral("2024-04-30T14:00:00+02:00") << noon;
        QTest::newRow("junk") << QStringLiteral("yesterday") << QDateTime();
    }
    void headDates()
    {
        QFETCH(QString, text);
        QFETCH(QDateTime, expected);
        const OpmlDocument doc = parse("<opml><head><dateCreated>" + text.toUtf8() +
                                       "</dateCreated></head><body/></opml>");
        QCOMPARE(doc.dateCreated, expected);
    }

    void writeThenParse()
    {
        OpmlDocument doc;
        doc.title = QStringLiteral("Mine & yours <3");
        doc.dateCreated = QDateTime(QDate(2024, 5, 1), QTime(10, 0, 0), Qt::UTC);
        OpmlFolder outer{QStringLiteral("Outer \"quoted\""), {}, {}};
        OpmlFolder inner{QStringLiteral("内层"), {}, {}};
        inner.feeds << OpmlFeed{QStringLiteral("Ünïcode & <tags>\x01"),
                                QUrl(QStringLiteral("https://e.org/a?x=1&y=2")),
                                QUrl(QStringLiteral("https://e.org/")), QStringLiteral("atom"),
                                QStringLiteral("line one\nline two")};
        outer.folders << inner;
        outer.folders << OpmlFolder{QStringLiteral("Empty"), {}, {}};
        doc.root.folders << outer;
        doc.root.feeds << OpmlFeed{
            QString(), QUrl(QStringLiteral("https://e.org/untitled")), {}, {}, {}};
        const QByteArray xml = writeOpml(doc);
        QVERIFY(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
        QVERIFY(xml.contains("<opml version=\"2.0\">"));
        QVERIFY(xml.contains("<dateCreated>Wed, 01 May 2024 10:00:00 GMT</dateCreated>"));
        const OpmlDocument back = parse(xml);
        QCOMPARE(back.title, doc.title);
        QCOMPARE(back.dateCreated, doc.dateCreated);
        QCOMPARE(back.root.folders.size(), 1);
        QCOMPARE(back.root.folders[0].title, outer.title);
        QCOMPARE(back.root.folders[0].folders.size(), 2);
        const OpmlFeed &feed = back.root.folders[0].folders[0].feeds.value(0);
        QCOMPARE(feed.title, QStringLiteral("Ünïcode & <tags>"));
        QCOMPARE(feed.xmlUrl, inner.feeds[0].xmlUrl);
        QCOMPARE(feed.htmlUrl, inner.feeds[0].htmlUrl);
        QCOMPARE(feed.type, QStringLiteral("atom"));
        QCOMPARE(feed.description, inner.feeds[0].description);
        QCOMPARE(back.root.folders[0].folders[1].title, QStringLiteral("Empty"));
        QCOMPARE(back.root.feeds.size(), 1);
        QCOMPARE(back.root.feeds[0].title, QString());
        QCOMPARE(back.root.feeds[0].type, QStringLiteral("rss"));
    }

    void importCounts()
    {
        auto db = freshProfile();
        QVERIFY(db);
        const OpmlDocument doc = parse(fixture(QStringLiteral("rssguard.opml")));
        auto counts = OpmlImport::apply(*db, doc);
        QVERIFY2(counts, qPrintable(db->lastError()));
        QCOMPARE(counts->foldersCreated, 5); // Tech, Linux, Kernel, 新闻, Empty category
        QCOMPARE(counts->feedsAdded, 6);
        QCOMPARE(counts->duplicatesSkipped, 0);
        QCOMPARE(counts->invalidSkipped, 0);
        const QStringList before = snapshot(*db);
        QVERIFY(before.contains(QStringLiteral(
            "feed [Tech / Linux / Kernel] https://www.kernel.org/feeds/kdist.xml | Kernel.org "
            "releases | https://www.kernel.org | ")));

        counts = OpmlImport::apply(*db, doc); // again: everything is already there
        QVERIFY(counts);
        QCOMPARE(counts->foldersCreated, 0);
        QCOMPARE(counts->feedsAdded, 0);
        QCOMPARE(counts->duplicatesSkipped, 6);
        QCOMPARE(snapshot(*db), before);

        counts = OpmlImport::apply(*db, parse(fixture(QStringLiteral("feedly.opml"))));
        QVERIFY(counts);
        QCOMPARE(counts->foldersCreated, 2);
        QCOMPARE(counts->feedsAdded, 2);
        QCOMPARE(counts->duplicatesSkipped, 1); // A List Apart is in two categories
    }

    void invalidAndFeedSchemeUrls()
    {
        auto db = freshProfile();
        QVERIFY(db);
        const auto counts = OpmlImport::apply(
            *db, parse(opml("<outline text=\"JS\" xmlUrl=\"javascript:alert(1)\"/>"
                            "<outline text=\"Rel\" xmlUrl=\"/feed.xml\"/>"
                            "<outline text=\"FTP\" xmlUrl=\"ftp://e.org/feed\"/>"
                            "<outline text=\"Feed\" xmlUrl=\"feed://e.org/rss\"/>"
                            "<outline text=\"FeedS\" xmlUrl=\"feed:https://e.org/atom\"/>")));
        QVERIFY2(counts, qPrintable(db->lastError()));
        QCOMPARE(counts->feedsAdded, 2);
        QCOMPARE(counts->invalidSkipped, 3);
        QCOMPARE(counts->problems.size(), 3);
        QVERIFY(counts->problems[0].contains(QLatin1String("javascript:alert(1)")));
        FeedStore store(*db);
        QVERIFY(store.feedByUrl(QUrl(QStringLiteral("http://e.org/rss"))));
        QVERIFY(store.feedByUrl(QUrl(QStringLiteral("https://e.org/atom"))));
    }

    void importIsOneTransaction()
    {
        auto db = freshProfile();
        QVERIFY(db);
        SqlQuery trigger(*db);
        QVERIFY(trigger.exec(QStringLiteral(
            "CREATE TEMP TRIGGER refuse_feed BEFORE INSERT ON feeds WHEN NEW.url LIKE '%kdist%' "
            "BEGIN SELECT RAISE(ABORT, 'refused by test'); END")));
        const auto counts = OpmlImport::apply(*db, parse(fixture(QStringLiteral("rssguard.opml"))));
        QVERIFY(!counts);
        QVERIFY2(db->lastError().contains(QLatin1String("refused by test")),
                 qPrintable(db->lastError()));
        QCOMPARE(snapshot(*db), QStringList()); // no folder, no feed
    }

    void importNeedsTheWriter()
    {
        auto writer = freshProfile();
        QVERIFY(writer);
        const QString path = writer->path();
        writer.reset();
        QString error;
        auto reader = Database::openReader(path, &error);
        QVERIFY2(reader, qPrintable(error));
        QVERIFY(!OpmlImport::apply(*reader, parse(fixture(QStringLiteral("inoreader.opml")))));
    }

    void roundTrip_data()
    {
        QTest::addColumn<QString>("file");
        for (const char *name : {"rssguard.opml", "quiterss.opml", "netnewswire.opml",
                                 "feedly.opml", "inoreader.opml"})
            QTest::newRow(name) << QString::fromLatin1(name);
    }
    void roundTrip()
    {
        QFETCH(QString, file);
        const OpmlDocument original = parse(fixture(file));
        QVERIFY(original.root.feedCount() > 0);

        auto first = freshProfile();
        QVERIFY(first);
        QVERIFY2(OpmlImport::apply(*first, original), qPrintable(first->lastError()));
        const QStringList imported = snapshot(*first);
        QCOMPARE(imported, documentLines(original)); // nothing lost on the way in

        const QByteArray exported = writeOpml(OpmlExport::fromStore(*first));
        auto second = freshProfile();
        QVERIFY(second);
        const auto counts = OpmlImport::apply(*second, parse(exported));
        QVERIFY2(counts, qPrintable(second->lastError()));
        QCOMPARE(counts->duplicatesSkipped, 0);
        QCOMPARE(snapshot(*second), imported); // nothing lost on the way out and back
    }

    void exportOrderFollowsTheStore()
    {
        auto db = freshProfile();
        QVERIFY(db);
        QVERIFY(OpmlImport::apply(*db, parse(fixture(QStringLiteral("rssguard.opml")))));
        const OpmlDocument doc = OpmlExport::fromStore(*db);
        QCOMPARE(doc.root.folders.size(), 3);
        QCOMPARE(doc.root.folders[0].title, QStringLiteral("Tech"));
        QCOMPARE(doc.root.folders[0].folders[0].feeds[0].title, QStringLiteral("LWN.net"));
        QCOMPARE(doc.root.folders[0].folders[0].feeds[1].title, QStringLiteral("Phoronix"));
        QCOMPARE(doc.root.feeds[0].title, QStringLiteral("Daring Fireball"));
    }

    void builtInFeedsAreNotExported()
    {
        auto db = freshProfile();
        QVERIFY(db);
        QVERIFY(FeedStore(*db).savedPagesFeedId());
        const QByteArray exported = writeOpml(OpmlExport::fromStore(*db));
        QVERIFY(!exported.contains("saved-pages"));
        QVERIFY(!exported.contains("Saved pages"));
    }
};

QTEST_GUILESS_MAIN(TestOpml)
#include "test_opml.moc"
