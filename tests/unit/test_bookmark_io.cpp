// Bookmark files: Netscape bookmark HTML and JSON written and read back (escaping, line breaks,
// labels, notes), hostile files (malformed, huge, javascript: addresses, duplicates, deep
// nesting), and export -> import -> export round trips between real profiles.

#include "feeds/BookmarkFile.h"
#include "search/SearchEngine.h"
#include "search/SearchQuery.h"
#include "store/ArticleStore.h"
#include "store/BookmarkStore.h"
#include "store/Database.h"
#include "store/FeedStore.h"
#include "store/LabelStore.h"
#include "store/NoteStore.h"
#include "store/SqlQuery.h"
#include "store/StatusStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace bs;

namespace
{

QDateTime utc(int day, int hour = 9)
{
    return QDateTime(QDate(2024, 3, day), QTime(hour, 0), QTimeZone::utc());
}

qint64 scalar(Database &db, const QString &sql)
{
    SqlQuery q(db);
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

const QString kTrickyTitle = QStringLiteral("Fish & <chips> \"quoted\" 'single' &amp; 鱼");

QList<Bookmark> sample()
{
    Bookmark a;
    a.url = QStringLiteral("https://news.test/a?x=1&y=\"2\"");
    a.title = kTrickyTitle;
    a.feed = QStringLiteral("News & Views");
    a.published = utc(1);
    a.starred = true;
    a.starredAt = utc(5);
    a.labels = {QStringLiteral("Food <fun>"), QStringLiteral("R&D")};
    a.note = QStringLiteral("Line one & <two>\nLine \"three\"\ttabbed");
    a.noteUpdated = utc(6);
    Bookmark b;
    b.url = QStringLiteral("http://plain.test/b");
    b.title = QStringLiteral("Plain");
    b.feed = QStringLiteral("Plain feed");
    b.published = utc(2);
    b.starred = true;
    b.starredAt = utc(4);
    return {a, b};
}

// JSON written with single quotes, so the tests read without a wall of escapes.
QByteArray singleQuoted(const char *text)
{
    return QByteArray(text).replace('\'', '"');
}

} // namespace

class TestBookmarkIo : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    int m_round = 0;

    std::unique_ptr<Database> openNew()
    {
        QString error;
        auto db = Database::openWriter(
            m_dir.filePath(QStringLiteral("profile-%1.sqlite").arg(++m_round)), &error);
        if (!db)
            qWarning() << error;
        return db;
    }

    // A feed with four articles: starred+labelled+noted, labelled only, starred only, plain.
    QList<qint64> seed(Database &db)
    {
        const auto feed =
            FeedStore(db).addFeed(Feed{.url = QUrl(QStringLiteral("https://wire.test/rss")),
                                       .title = QStringLiteral("Wire & Co")});
        if (!feed)
            return {};
        QList<qint64> ids;
        const QStringList titles{kTrickyTitle, QStringLiteral("Only labelled"),
                                 QStringLiteral("Only starred"), QStringLiteral("Not saved")};
        for (int i = 0; i < titles.size(); ++i) {
            Article a;
            a.feedId = *feed;
            a.guid = QStringLiteral("w%1").arg(i);
            a.url = QUrl(QStringLiteral("https://wire.test/story/%1?ref=rss&n=%1").arg(i));
            a.title = titles[i];
            a.content = QStringLiteral("<p>body %1</p>").arg(i);
            a.published = utc(i + 1);
            ids << ArticleStore(db).save(a).id;
        }
        LabelStore labels(db);
        labels.create(QStringLiteral("Food & drink"));
        labels.create(QStringLiteral("<script>"));
        labels.assign(QStringLiteral("Food & drink"), {ids[0], ids[1]});
        labels.assign(QStringLiteral("<script>"), {ids[0]});
        NoteStore(db).set(ids[0], QStringLiteral("Call \"Ann\" <ann@x.test> & ask\nabout it"));
        StatusStore(db).setStarred({ids[2]}, true);
        // Star times a second apart at least, so the export's order is known.
        SqlQuery q(db);
        q.prepare(QStringLiteral("UPDATE article_status SET starred_at = ? WHERE article_id = ?"));
        q.bind(utc(10)).bind(ids[0]);
        q.exec();
        q.bind(utc(12)).bind(ids[2]);
        q.exec();
        return ids;
    }

private slots:
    void htmlEscapesAndReadsBack()
    {
        const QByteArray html = BookmarkFile::writeHtml(sample());
        QVERIFY(html.startsWith("<!DOCTYPE NETSCAPE-Bookmark-file-1>"));
        // Nothing a person typed reaches the markup unescaped.
        QVERIFY(!html.contains("<chips>"));
        QVERIFY(!html.contains("<two>"));
        QVERIFY(!html.contains("Food <fun>"));
        QVERIFY(html.contains("Fish &amp; &lt;chips&gt; &quot;quoted&quot; 'single' &amp;amp;"));
        QVERIFY(html.contains("TAGS=\"Food &lt;fun&gt;,R&amp;D\""));
        QVERIFY(html.contains(QByteArray("ADD_DATE=\"") +
                              QByteArray::number(utc(5).toSecsSinceEpoch())));
        QVERIFY(html.contains(QByteArray("LAST_MODIFIED=\"") +
                              QByteArray::number(utc(6).toSecsSinceEpoch())));
        QVERIFY(
            html.contains("<DD>Line one &amp; &lt;two&gt;&#10;Line &quot;three&quot;&#9;tabbed"));

        QString error;
        const auto doc = BookmarkFile::parse(html, &error);
        QVERIFY2(doc, qPrintable(error));
        QCOMPARE(doc->bookmarks.size(), 2);
        const QList<Bookmark> in = sample();
        for (int i = 0; i < 2; ++i) {
            const Bookmark &got = doc->bookmarks[i];
            QCOMPARE(got.url, in[i].url);
            QCOMPARE(got.title, in[i].title);
            QCOMPARE(got.starred, true);
            QCOMPARE(got.starredAt, in[i].starredAt);
            QCOMPARE(got.labels, in[i].labels);
            QCOMPARE(got.note, in[i].note);
            QCOMPARE(got.noteUpdated, in[i].noteUpdated);
        }
    }

    void jsonReadsBack()
    {
        const QList<Bookmark> in = sample();
        const QByteArray json = BookmarkFile::writeJson(in, utc(20));
        const QJsonObject root = QJsonDocument::fromJson(json).object();
        QCOMPARE(root.value(QLatin1String("version")).toInt(), 1);
        QCOMPARE(root.value(QLatin1String("exported")).toString(),
                 QStringLiteral("2024-03-20T09:00:00Z"));
        const QJsonObject first = root.value(QLatin1String("bookmarks")).toArray()[0].toObject();
        QCOMPARE(first.keys(), (QStringList{QStringLiteral("feed"), QStringLiteral("labels"),
                                            QStringLiteral("note"), QStringLiteral("published"),
                                            QStringLiteral("starred_at"), QStringLiteral("title"),
                                            QStringLiteral("url")}));
        QString error;
        const auto doc = BookmarkFile::parse(json, &error);
        QVERIFY2(doc, qPrintable(error));
        QCOMPARE(doc->bookmarks.size(), 2);
        for (int i = 0; i < 2; ++i) {
            Bookmark expected = in[i];
            expected.noteUpdated = {}; // JSON does not carry it
            QCOMPARE(doc->bookmarks[i], expected);
        }
    }

    void hostileFiles()
    {
        QString error;
        // Malformed JSON: the offset and the reason.
        QVERIFY(!BookmarkFile::parse("{\"version\": 1, \"bookmarks\": [", &error));
        QVERIFY2(error.contains(QLatin1String("malformed")), qPrintable(error));
        QVERIFY(!BookmarkFile::parse("{\"version\": 1, \"items\": []}", &error));
        QVERIFY2(error.contains(QLatin1String("\"bookmarks\" array")), qPrintable(error));
        QVERIFY(!BookmarkFile::parse("{\"version\": 9, \"bookmarks\": []}", &error));
        QVERIFY2(error.contains(QLatin1String("version 9")), qPrintable(error));
        QVERIFY(!BookmarkFile::parse("just some words", &error));
        QVERIFY2(error.contains(QLatin1String("neither")), qPrintable(error));
        QVERIFY(!BookmarkFile::parse("<html><body><p>no links here</p></body></html>", &error));
        QVERIFY2(error.contains(QLatin1String("no bookmarks")), qPrintable(error));
        // Over the size cap: refused before parsing.
        QByteArray huge("<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL>");
        huge.append(QByteArray(BookmarkFile::kMaxFileBytes, ' '));
        QVERIFY(!BookmarkFile::parse(huge, &error));
        QVERIFY2(error.contains(QLatin1String("up to 32 MB")), qPrintable(error));
        huge.clear();
        // Too many entries.
        QByteArray many("<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n");
        for (int i = 0; i <= BookmarkFile::kMaxBookmarks; ++i)
            many += "<DT><A HREF=\"https://m.test/" + QByteArray::number(i) + "\">m</A>\n";
        QVERIFY(!BookmarkFile::parse(many, &error));
        QVERIFY2(error.contains(QLatin1String("more than 100000")), qPrintable(error));

        // A long flat list as browsers write it (<DT> never closed) is read whole.
        many.truncate(many.indexOf("<DT><A HREF=\"https://m.test/5000\""));
        const auto flat = BookmarkFile::parse(many, &error);
        QVERIFY2(flat, qPrintable(error));
        QCOMPARE(flat->bookmarks.size(), 5000);
        QCOMPARE(flat->bookmarks.last().url, QStringLiteral("https://m.test/4999"));

        // Dangerous and odd addresses are skipped and counted; broken markup still yields the
        // good entries; duplicates are kept for the store to count.
        const QByteArray html =
            "<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n"
            "<DT><A HREF=\"javascript:alert(document.cookie)\">evil</A>\n"
            "<DT><A HREF=\" JavaScript:alert(1)\">evil 2</A>\n"
            "<DT><A HREF=\"data:text/html,<script>alert(1)</script>\">data</A>\n"
            "<DT><A HREF=\"place:sort=8&maxResults=10\">Firefox query</A>\n"
            "<DT><A>no address</A>\n"
            "<DT><A HREF=\"https://ok.test/1\" ADD_DATE=\"1700000000000\">ok <b>one</b></A>\n"
            "<DD>note <i>with</i> markup\n<DL><DT><A HREF=\"https://ok.test/2\">nested</A></DL>\n"
            "<DT><A HREF=\"https://ok.test/1\">again</A>\n"
            "<DT><A HREF=\"https://ok.test/3\" TAGS=\" a, ,A,b \"><unclosed <<<\n";
        const auto doc = BookmarkFile::parse(html, &error);
        QVERIFY2(doc, qPrintable(error));
        QCOMPARE(doc->skippedAddresses, 4);
        QCOMPARE(doc->invalidEntries, 1);
        QCOMPARE(doc->bookmarks.size(), 4);
        QCOMPARE(doc->bookmarks[0].title, QStringLiteral("ok one"));
        QCOMPARE(doc->bookmarks[0].starredAt,
                 QDateTime::fromSecsSinceEpoch(1700000000, QTimeZone::utc()));
        QCOMPARE(doc->bookmarks[0].note, QStringLiteral("note with markup"));
        QCOMPARE(doc->bookmarks[1].url, QStringLiteral("https://ok.test/2"));
        QCOMPARE(doc->bookmarks[2].url, QStringLiteral("https://ok.test/1"));
        QCOMPARE(doc->bookmarks[3].labels, (QStringList{QStringLiteral("a"), QStringLiteral("b")}));

        // JSON with a javascript: url and entries of the wrong shape.
        const auto json = BookmarkFile::parse(
            singleQuoted(
                "{'version':1,'bookmarks':[{'url':'javascript:alert(1)'},42,{'title':'no url'},"
                "{'url':'https://ok.test/j','labels':['x',7,''],'note':null}]}"),
            &error);
        QVERIFY2(json, qPrintable(error));
        QCOMPARE(json->skippedAddresses, 1);
        QCOMPARE(json->invalidEntries, 2);
        QCOMPARE(json->bookmarks.size(), 1);
        QCOMPARE(json->bookmarks[0].labels, QStringList{QStringLiteral("x")});
        QVERIFY(!json->bookmarks[0].starred); // it has a label, and no starred_at

        // Folders nested 20,000 deep: read without exhausting the stack.
        QByteArray deep("<!DOCTYPE NETSCAPE-Bookmark-file-1>\n");
        for (int i = 0; i < 20000; ++i)
            deep += "<DL><p><DT><H3>f</H3>\n";
        deep += "<DT><A HREF=\"https://deep.test/\">deep</A>\n";
        const auto nested = BookmarkFile::parse(deep, &error);
        QVERIFY2(nested, qPrintable(error));
        QCOMPARE(nested->bookmarks.size(), 1);
    }

    void importMarksCreatesAndCountsAllOrNothing()
    {
        auto db = openNew();
        QVERIFY(db);
        const QList<qint64> ids = seed(*db);
        QCOMPARE(ids.size(), 4);
        QString error;
        const auto doc = BookmarkFile::parse(
            singleQuoted(
                "{'version':1,'bookmarks':["
                "{'url':'https://wire.test/story/"
                "3?ref=rss&n=3','starred_at':'2024-03-10T08:00:00Z',"
                "'labels':['Later'],'note':'read at lunch'},"
                "{'url':'https://elsewhere.test/page','title':'A page & more',"
                "'published':'2024-01-02T03:04:05Z','starred_at':null,'labels':['food & DRINK'],"
                "'note':null},"
                "{'url':'https://elsewhere.test/page','title':'dup'},"
                "{'url':'javascript:void(0)'}]}"),
            &error);
        QVERIFY2(doc, qPrintable(error));
        const qint64 articlesBefore = scalar(*db, QStringLiteral("SELECT count(*) FROM articles"));
        const auto counts = BookmarkStore(*db).import(*doc);
        QVERIFY2(counts, qPrintable(db->lastError()));
        QCOMPARE(counts->matched, 1);
        QCOMPARE(counts->created, 1);
        QCOMPARE(counts->duplicates, 1);
        QCOMPARE(counts->skippedAddresses, 1);
        QCOMPARE(counts->labelsCreated, 1); // Later; "food & DRINK" is the existing label
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM articles")), articlesBefore + 1);
        // The matched article: starred at the file's time, labelled, noted.
        const auto status = StatusStore(*db).status(ids[3]);
        QVERIFY(status->starred);
        QCOMPARE(status->starredAt, QDateTime(QDate(2024, 3, 10), QTime(8, 0), QTimeZone::utc()));
        QCOMPARE(NoteStore(*db).note(ids[3])->text, QStringLiteral("read at lunch"));
        QCOMPARE(LabelStore(*db).labelsOf(ids[3]).first().name, QStringLiteral("Later"));
        // The unknown address: an article of Saved pages, labelled, not starred, searchable.
        const qint64 page = scalar(*db, QStringLiteral("SELECT id FROM articles WHERE url = "
                                                       "'https://elsewhere.test/page'"));
        QVERIFY(page > 0);
        const auto article = ArticleStore(*db).article(page);
        QCOMPARE(article->title, QStringLiteral("A page & more"));
        QCOMPARE(article->feedId, *FeedStore(*db).savedPagesFeedId());
        QCOMPARE(article->published,
                 QDateTime(QDate(2024, 1, 2), QTime(3, 4, 5), QTimeZone::utc()));
        QVERIFY(!StatusStore(*db).status(page)->starred);
        QCOMPARE(LabelStore(*db).labelsOf(page).first().name, QStringLiteral("Food & drink"));
        SearchOptions options;
        const auto hits = SearchEngine(*db).search(
            *SearchQuery::parse(QStringLiteral("page more"), &error), options, &error);
        QVERIFY2(hits, qPrintable(error));
        QCOMPARE(hits->size(), 1);
        QCOMPARE(hits->first().id, page);

        // Importing the same file again changes nothing new.
        const auto again = BookmarkStore(*db).import(*doc);
        QVERIFY(again);
        QCOMPARE(again->matched, 2);
        QCOMPARE(again->created, 0);
        QCOMPARE(again->labelsCreated, 0);

        // One bad entry (a note over the limit) and nothing at all is imported.
        BookmarkDocument bad;
        Bookmark fine;
        fine.url = QStringLiteral("https://fresh.test/one");
        fine.starred = true;
        Bookmark tooLong;
        tooLong.url = QStringLiteral("https://fresh.test/two");
        tooLong.note = QString(NoteStore::kMaxLength + 10, QLatin1Char('n'));
        bad.bookmarks = {fine, tooLong};
        const qint64 before = scalar(*db, QStringLiteral("SELECT count(*) FROM articles"));
        QVERIFY(!BookmarkStore(*db).import(bad));
        QVERIFY2(db->lastError().contains(QLatin1String("Nothing was imported")),
                 qPrintable(db->lastError()));
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM articles")), before);
    }

    void roundTripThroughFreshProfiles()
    {
        auto source = openNew();
        QVERIFY(source);
        QCOMPARE(seed(*source).size(), 4);
        const auto exported = BookmarkStore(*source).exportAll();
        QVERIFY2(exported, qPrintable(source->lastError()));
        QCOMPARE(exported->size(), 3); // starred+labelled+noted, labelled, starred; not the plain
        QCOMPARE(exported->at(0).title, QStringLiteral("Only starred")); // starred most recently
        const QByteArray json = BookmarkFile::writeJson(*exported, utc(30));
        const QByteArray html = BookmarkFile::writeHtml(*exported);

        QString error;
        // JSON into an empty profile: every entry becomes a saved page; all else is equal.
        {
            auto fresh = openNew();
            QVERIFY(fresh);
            const auto counts = BookmarkStore(*fresh).import(*BookmarkFile::parse(json, &error));
            QVERIFY2(counts, qPrintable(fresh->lastError()));
            QCOMPARE(counts->created, 3);
            auto back = BookmarkStore(*fresh).exportAll();
            QVERIFY(back);
            QList<Bookmark> expected = *exported;
            for (Bookmark &b : expected) {
                b.feed = QStringLiteral("Saved pages"); // where unknown addresses go
                b.noteUpdated = {};                     // the import's time: JSON has none
            }
            for (Bookmark &b : *back)
                b.noteUpdated = {};
            QCOMPARE(*back, expected);
        }
        // JSON into a profile that has the same feed but no bookmarks: the same file again.
        {
            auto same = openNew();
            QVERIFY(same);
            const auto feed =
                FeedStore(*same).addFeed(Feed{.url = QUrl(QStringLiteral("https://wire.test/rss")),
                                              .title = QStringLiteral("Wire & Co")});
            QVERIFY(feed);
            for (int i = 0; i < 4; ++i) {
                Article a;
                a.feedId = *feed;
                a.guid = QStringLiteral("w%1").arg(i);
                a.url = QUrl(QStringLiteral("https://wire.test/story/%1?ref=rss&n=%1").arg(i));
                a.title =
                    QStringList{kTrickyTitle, QStringLiteral("Only labelled"),
                                QStringLiteral("Only starred"), QStringLiteral("Not saved")}[i];
                a.published = utc(i + 1);
                QVERIFY(ArticleStore(*same).save(a).id > 0);
            }
            const auto counts = BookmarkStore(*same).import(*BookmarkFile::parse(json, &error));
            QVERIFY2(counts, qPrintable(same->lastError()));
            QCOMPARE(counts->matched, 3);
            QCOMPARE(counts->created, 0);
            const auto back = BookmarkStore(*same).exportAll();
            QCOMPARE(BookmarkFile::writeJson(*back, utc(30)), json);
        }
        // HTML into an empty profile and out again: the same bytes.
        {
            auto fresh = openNew();
            QVERIFY(fresh);
            const auto doc = BookmarkFile::parse(html, &error);
            QVERIFY2(doc, qPrintable(error));
            QVERIFY(BookmarkStore(*fresh).import(*doc));
            const auto back = BookmarkStore(*fresh).exportAll();
            const QStringList got = QString::fromUtf8(BookmarkFile::writeHtml(*back)).split('\n');
            const QStringList want = QString::fromUtf8(html).split('\n');
            QCOMPARE(got.size(), want.size());
            for (qsizetype i = 0; i < got.size(); ++i)
                QCOMPARE(got[i], want[i]);
        }
    }
};

QTEST_GUILESS_MAIN(TestBookmarkIo)
#include "test_bookmark_io.moc"
