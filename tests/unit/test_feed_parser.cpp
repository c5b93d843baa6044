// bs::parseFeed on feeds written here: the formats, Chinese portal feeds in GBK with zone-less
// dates, typed articles for the store, and hostile input.

#include "feeds/FeedParser.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringEncoder>
#include <QtTest>

using namespace bs;

namespace
{

QByteArray gbk(const QString &text)
{
    QStringEncoder encoder("GBK");
    return encoder.encode(text);
}

// A portal feed of our own: gb2312 label, GBK bytes, zone-less dates, CDATA descriptions.
QByteArray portalFeed()
{
    return gbk(QStringLiteral(
        "<?xml version=\"1.0\" encoding=\"gb2312\"?>\n<rss version=\"2.0\"><channel>"
        "<title>南湖日报 - 要闻</title><link>http://paper.example.test/</link>"
        "<description>要闻频道</description><language>zh-cn</language>"
        "<item><title>城东新桥今日通车</title><link>http://paper.example.test/a/1.html</link>"
        "<pubDate>2024-03-05 08:30:00</pubDate><description><![CDATA[<p>城东新桥今日上午正式通车，"
        "全长一千二百米。</p>]]></description></item>"
        "<item><title>Harbour festival "
        "returns</title><link>http://paper.example.test/a/2.html</link>"
        "<pubDate>2024-03-04 21:05:10</pubDate><description><![CDATA[The harbour festival "
        "returns this weekend.]]></description></item>"
        "<item><title>青岛海洋科技展开幕</title><link>http://paper.example.test/a/3.html</link>"
        "<pubDate>2024-03-04 "
        "09:00:00</pubDate><description>海洋科技展在青岛开幕</description></item>"
        "</channel></rss>"));
}

} // namespace

class TestFeedParser : public QObject
{
    Q_OBJECT
private slots:
    void rss20()
    {
        const ParsedFeed f = parseFeed(
            QByteArrayLiteral(
                "<rss version=\"2.0\"><channel><title>T</title><link>http://x.test/</link>"
                "<item><title>One &amp; two</title><link>/a</link><guid "
                "isPermaLink=\"false\">g1</guid>"
                "<pubDate>Sun, 06 Sep 2009 16:20:00 +0000</pubDate><author>ann@x.test "
                "(Ann)</author>"
                "<category>News</category><enclosure url=\"http://x.test/a.mp3\" length=\"12\" "
                "type=\"audio/mpeg\"/><description>&lt;p&gt;Hi&lt;/p&gt;</description></item>"
                "</channel></rss>"),
            FeedSource{.url = QUrl(QStringLiteral("http://x.test/feed"))});
        QVERIFY2(!f.bozo, qPrintable(f.bozoReason));
        QCOMPARE(f.version, QStringLiteral("rss20"));
        const QList<Article> a = f.articles(7);
        QCOMPARE(a.size(), 1);
        QCOMPARE(a[0].feedId, 7);
        QCOMPARE(a[0].title, QStringLiteral("One & two"));
        QCOMPARE(a[0].guid, QStringLiteral("g1"));
        QCOMPARE(a[0].url, QUrl(QStringLiteral("http://x.test/a")));
        QCOMPARE(a[0].published, QDateTime(QDate(2009, 9, 6), QTime(16, 20), Qt::UTC));
        QCOMPARE(a[0].enclosures.size(), 1);
        QCOMPARE(a[0].enclosures[0].length, 12);
        QVERIFY(a[0].summary.contains(QLatin1String("<p>Hi</p>")));
        const QJsonObject json = f.toJson();
        const QJsonObject e = json[QStringLiteral("entries")].toArray()[0].toObject();
        QCOMPARE(e[QStringLiteral("published")].toString(), QStringLiteral("2009-09-06T16:20:00Z"));
        QCOMPARE(e[QStringLiteral("published_raw")].toString(),
                 QStringLiteral("Sun, 06 Sep 2009 16:20:00 +0000"));
        QCOMPARE(e[QStringLiteral("tags")].toArray()[0][QStringLiteral("term")].toString(),
                 QStringLiteral("News"));
        QCOMPARE(e[QStringLiteral("enclosures")].toArray()[0][QStringLiteral("href")].toString(),
                 QStringLiteral("http://x.test/a.mp3"));
    }

    void atom10()
    {
        const ParsedFeed f = parseFeed(QByteArrayLiteral(
            "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\"><title>A</title>"
            "<entry><title type=\"html\">&lt;b&gt;Bold&lt;/b&gt; news</title><id>urn:1</id>"
            "<link rel=\"alternate\" "
            "href=\"http://a.test/1\"/><updated>2021-01-02T03:04:05+01:00</updated>"
            "<author><name>Bo</name><email>bo@a.test</email></author>"
            "<content type=\"xhtml\"><div "
            "xmlns=\"http://www.w3.org/1999/xhtml\"><p>Body</p></div></content>"
            "</entry></feed>"));
        QVERIFY2(!f.bozo, qPrintable(f.bozoReason));
        QCOMPARE(f.version, QStringLiteral("atom10"));
        const Article a = f.articles(1).first();
        QCOMPARE(a.title, QStringLiteral("Bold news"));
        QCOMPARE(a.author, QStringLiteral("Bo (bo@a.test)"));
        QCOMPARE(a.published, QDateTime(QDate(2021, 1, 2), QTime(2, 4, 5), Qt::UTC));
        QCOMPARE(a.content, QStringLiteral("<p>Body</p>"));
        QCOMPARE(a.language, QStringLiteral("en"));
    }

    void rdfAndJsonFeed()
    {
        const ParsedFeed rdf = parseFeed(QByteArrayLiteral(
            "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
            "xmlns=\"http://purl.org/rss/1.0/\"><channel><title>R</title></channel>"
            "<item "
            "rdf:about=\"http://r.test/1\"><title>Item</title><link>http://r.test/1</link></item>"
            "</rdf:RDF>"));
        QCOMPARE(rdf.version, QStringLiteral("rss10"));
        QCOMPARE(rdf.articles(1).first().guid, QStringLiteral("http://r.test/1"));

        const ParsedFeed json = parseFeed(QByteArrayLiteral(
            "{\"version\":\"https://jsonfeed.org/version/"
            "1.1\",\"title\":\"J\",\"items\":[{\"id\":\"1\","
            "\"url\":\"https://j.test/1\",\"title\":\"Hello\",\"content_html\":\"<p>x<script>y</"
            "script></p>\","
            "\"date_published\":\"2020-05-06T07:08:09Z\",\"attachments\":[{\"url\":\"https://"
            "j.test/a.mp3\","
            "\"mime_type\":\"audio/mpeg\",\"size_in_bytes\":5}]}]}"));
        QVERIFY2(!json.bozo, qPrintable(json.bozoReason));
        QCOMPARE(json.version, QStringLiteral("json11"));
        const Article a = json.articles(1).first();
        QCOMPARE(a.title, QStringLiteral("Hello"));
        QVERIFY(!a.content.contains(QLatin1String("script")));
        QCOMPARE(a.enclosures.first().length, 5);
    }

    void portalFeedInGbkWithZonelessDates()
    {
        FeedSource source;
        source.zonelessZone = QTimeZone("Asia/Shanghai");
        const ParsedFeed f = parseFeed(portalFeed(), source);
        QVERIFY2(!f.bozo, qPrintable(f.bozoReason));
        QCOMPARE(f.feedInfo().title, QStringLiteral("南湖日报 - 要闻"));
        const QList<Article> a = f.articles(1);
        QCOMPARE(a.size(), 3);
        QCOMPARE(a[0].title, QStringLiteral("城东新桥今日通车"));
        QCOMPARE(a[2].title, QStringLiteral("青岛海洋科技展开幕"));
        // 08:30 in Shanghai is 00:30 UTC.
        QCOMPARE(a[0].published, QDateTime(QDate(2024, 3, 5), QTime(0, 30), Qt::UTC));
        QVERIFY(a[0].summary.contains(QStringLiteral("全长一千二百米")));
        // Without a zone the same text reads as UTC, and the raw text is kept.
        const QJsonObject json = parseFeed(portalFeed()).toJson();
        const QJsonObject e = json[QStringLiteral("entries")].toArray()[0].toObject();
        QCOMPARE(e[QStringLiteral("published_raw")].toString(),
                 QStringLiteral("2024-03-05 08:30:00"));
        QCOMPARE(e[QStringLiteral("published")].toString(), QStringLiteral("2024-03-05T08:30:00Z"));
    }

    void sharedPortalFixture()
    {
        QFile file(QStringLiteral(BROADSHEET_FIXTURES_DIR "/portal-a/feed.xml"));
        QFile expectedFile(QStringLiteral(BROADSHEET_FIXTURES_DIR "/portal-a/expected.json"));
        if (!file.open(QIODevice::ReadOnly) || !expectedFile.open(QIODevice::ReadOnly))
            QSKIP("shared portal-a fixture not present");
        const QJsonObject expected = QJsonDocument::fromJson(expectedFile.readAll()).object();
        const ParsedFeed f = parseFeed(file.readAll());
        QVERIFY2(!f.bozo, qPrintable(f.bozoReason));
        const QList<Article> a = f.articles(1);
        QCOMPARE(a.size(), expected[QStringLiteral("feed_items")].toInt());
        QCOMPARE(a[0].title, expected[QStringLiteral("title")].toString());
        QCOMPARE(a[0].url.toString(), expected[QStringLiteral("url")].toString());
        const QJsonArray related = expected[QStringLiteral("related")].toArray();
        for (int i = 0; i < related.size(); ++i)
            QCOMPARE(a[i + 1].title, related[i][QStringLiteral("title")].toString());
        const QDateTime local =
            QDateTime::fromString(expected[QStringLiteral("published_local")].toString(),
                                  QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        QCOMPARE(a[0].published, QDateTime(local.date(), local.time(), Qt::UTC));
    }

    void brokenFeedsRecover()
    {
        // Undefined HTML entity, stray ampersand, missing end tags.
        const ParsedFeed f = parseFeed(QByteArrayLiteral(
            "<rss version=\"2.0\"><channel><title>Caf&eacute; &amp; bar &copy; A&B</title>"
            "<item><title>Still here</title></item>"));
        QVERIFY(f.bozo);
        QVERIFY(!f.bozoReason.isEmpty());
        QCOMPARE(f.feed.str(QStringLiteral("title")), QStringLiteral("Café & bar © A&B"));
        QCOMPARE(f.articles(1).size(), 1);
    }

    void hostileInputIsBounded()
    {
        // External entities are never read.
        const ParsedFeed xxe = parseFeed(QByteArrayLiteral(
            "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
            "<rss version=\"2.0\"><channel><title>&xxe;</title></channel></rss>"));
        QVERIFY(!xxe.feed.str(QStringLiteral("title")).contains(QLatin1String("root:")));

        // Billion laughs: refused by libxml2's amplification limit, quickly.
        QByteArray laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">";
        for (int i = 1; i < 10; ++i)
            laughs += QStringLiteral("<!ENTITY lol%1 \"%2\">")
                          .arg(i)
                          .arg(QStringLiteral("&lol%1;")
                                   .arg(i == 1 ? QString() : QString::number(i - 1))
                                   .repeated(10))
                          .toUtf8();
        laughs += "]><rss><channel><title>&lol9;</title></channel></rss>";
        QElapsedTimer timer;
        timer.start();
        const ParsedFeed bomb = parseFeed(laughs);
        QVERIFY(bomb.feed.str(QStringLiteral("title")).size() < 10'000'000);
        qInfo("billion laughs handled in %lld ms", timer.elapsed());

        // NUL bytes and invalid UTF-8 give a result, not a crash.
        QByteArray junk("<rss><channel><title>a\0b\xff\xfe "
                        "c</title><item><title>x</title></item></channel></rss>",
                        80);
        const ParsedFeed j = parseFeed(junk);
        QVERIFY(j.bozo);

        // Truncated document: what was read is kept.
        const ParsedFeed cut =
            parseFeed(QByteArrayLiteral("<rss "
                                        "version=\"2.0\"><channel><title>T</"
                                        "title><item><title>First</title></item><item><tit"));
        QVERIFY(cut.bozo);
        QVERIFY(cut.truncated);
        QVERIFY(!parseFeed(QByteArrayLiteral("<rss><channel/></rss>")).truncated);
        QVERIFY(cut.articles(1).size() >= 1);
        QCOMPARE(cut.articles(1).first().title, QStringLiteral("First"));

        // Empty and non-feed input.
        QVERIFY(parseFeed(QByteArray()).bozo);
        QVERIFY(
            parseFeed(QByteArrayLiteral("<html><body>not a feed</body></html>")).version.isEmpty());
    }

    void oversizedDocumentRefused()
    {
        QByteArray huge(100 * 1024 * 1024, ' ');
        huge.prepend("<rss version=\"2.0\"><channel><title>big</title>");
        const ParsedFeed f = parseFeed(huge);
        QVERIFY(f.bozo);
        QVERIFY2(f.bozoReason.contains(QLatin1String("too large")), qPrintable(f.bozoReason));
        QCOMPARE(f.entries.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestFeedParser)
#include "test_feed_parser.moc"
