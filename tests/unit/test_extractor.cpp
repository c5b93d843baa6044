#include "html/Extractor.h"

#include <QtTest>

using namespace bs;

namespace
{

const QUrl kPage(QStringLiteral("http://news.example.test/world/2025/story.html"));

// Enough article text to win the scoring: n paragraphs of a sentence with commas.
QByteArray paragraphs(int n, const char *word = "harbour")
{
    QByteArray out;
    for (int i = 0; i < n; ++i)
        out += QByteArrayLiteral("<p>Paragraph ") + QByteArray::number(i) +
               QByteArrayLiteral(" tells of the ") + word +
               QByteArrayLiteral(", the boats, the nets and the weather, which changed slowly "
                                 "through the long afternoon while the crews waited.</p>\n");
    return out;
}

QByteArray page(const QByteArray &head, const QByteArray &body)
{
    return QByteArrayLiteral("<!DOCTYPE html><html><head>") + head +
           QByteArrayLiteral("</head><body>") + body + QByteArrayLiteral("</body></html>");
}

QStringList textParagraphs(const QString &text)
{
    QStringList out;
    for (const QString &p : text.split(QStringLiteral("\n\n"), Qt::SkipEmptyParts))
        if (!p.trimmed().isEmpty())
            out << p.trimmed();
    return out;
}

} // namespace

class TestExtractor : public QObject
{
    Q_OBJECT
private slots:
    void charsetFromHeaderBeatsMeta()
    {
        // "中文" in GBK; the meta names another encoding, the HTTP header GBK.
        const QByteArray body = QByteArrayLiteral("<article><h2>\xd6\xd0\xce\xc4</h2>") +
                                paragraphs(4) + QByteArrayLiteral("</article>");
        const QByteArray html =
            page(QByteArrayLiteral("<meta charset=\"koi8-r\"><title>T</title>"), body);
        const ExtractedArticle a =
            extractArticle(html, kPage, QStringLiteral("text/html; charset=gbk"));
        QVERIFY(a.ok());
        QCOMPARE(a.encoding, QStringLiteral("gbk"));
        QVERIFY2(a.text.contains(QStringLiteral("中文")), qPrintable(a.text));
    }
    void charsetFromMeta()
    {
        const QByteArray html = page(QByteArrayLiteral("<meta charset=\"gb2312\"><title>T</title>"),
                                     QByteArrayLiteral("<div><p>\xd0\xc2\xce\xc5\xb1\xa8\xb5\xc0 "
                                                       "</p>") +
                                         paragraphs(4) + QByteArrayLiteral("</div>"));
        const ExtractedArticle a = extractArticle(html, kPage);
        QVERIFY(a.ok());
        QCOMPARE(a.encoding, QStringLiteral("gbk"));
        QVERIFY2(a.text.contains(QStringLiteral("新闻报道")), qPrintable(a.text));
    }
    void byteOrderMarkBeatsHeaderAndMeta()
    {
        const QByteArray html =
            QByteArrayLiteral("\xef\xbb\xbf") +
            page(QByteArrayLiteral("<meta charset=\"windows-1252\"><title>T</title>"),
                 QByteArrayLiteral("<div><p>Caf\xc3\xa9 society</p>") + paragraphs(4) +
                     QByteArrayLiteral("</div>"));
        const ExtractedArticle a =
            extractArticle(html, kPage, QStringLiteral("text/html; charset=gbk"));
        QVERIFY(a.ok());
        QCOMPARE(a.encoding, QStringLiteral("utf-8"));
        QVERIFY2(a.text.contains(QStringLiteral("Café society")), qPrintable(a.text));
    }
    void lazyImagesResolved()
    {
        const QByteArray body =
            QByteArrayLiteral("<article>") + paragraphs(3) +
            QByteArrayLiteral("<figure><img src=\"data:image/gif;base64,R0lGOD\" "
                              "data-src=\"/img/lazy.jpg\" alt=\"a\"><figcaption>Boats at "
                              "dawn</figcaption></figure>"
                              "<p><img srcset=\"/img/s.jpg 320w, /img/l.jpg 1280w, /img/m.jpg "
                              "640w\" alt=\"b\"></p>"
                              "<p><img src=\"/images/grey.gif\" data-original=\"pics/o.png\" "
                              "alt=\"c\"></p>") +
            paragraphs(3) + QByteArrayLiteral("</article>");
        const ExtractedArticle a = extractArticle(page("<title>Boats</title>", body), kPage);
        QVERIFY(a.ok());
        QVERIFY2(
            a.contentHtml.contains(QStringLiteral("src=\"http://news.example.test/img/lazy.jpg\"")),
            qPrintable(a.contentHtml));
        QVERIFY2(
            a.contentHtml.contains(QStringLiteral("src=\"http://news.example.test/img/l.jpg\"")),
            qPrintable(a.contentHtml));
        QVERIFY2(a.contentHtml.contains(
                     QStringLiteral("src=\"http://news.example.test/world/2025/pics/o.png\"")),
                 qPrintable(a.contentHtml));
        QVERIFY(a.contentHtml.contains(QStringLiteral("<figure>")));
        QVERIFY(a.contentHtml.contains(QStringLiteral("<figcaption>")));
        QCOMPARE(a.leadImage, QUrl(QStringLiteral("http://news.example.test/img/lazy.jpg")));
    }
    void tablesAndCodeKept()
    {
        const QByteArray body =
            QByteArrayLiteral("<div class=\"post\">") + paragraphs(3) +
            QByteArrayLiteral("<table><thead><tr><th>Port</th><th>Catch</th></tr></thead>"
                              "<tbody><tr><td>North</td><td>12</td></tr><tr><td>South</td>"
                              "<td>7</td></tr></tbody></table>"
                              "<pre><code>int catchOfDay = 12;\nreturn catchOfDay;</code></pre>") +
            paragraphs(3) + QByteArrayLiteral("</div>");
        const ExtractedArticle a = extractArticle(page("<title>Catch</title>", body), kPage);
        QVERIFY(a.ok());
        QVERIFY2(a.contentHtml.contains(QStringLiteral("<table>")), qPrintable(a.contentHtml));
        QVERIFY(a.contentHtml.contains(QStringLiteral("<th>Port</th>")));
        QVERIFY(a.contentHtml.contains(QStringLiteral("<pre><code>int catchOfDay = 12;")));
        QVERIFY2(a.text.contains(QStringLiteral("int catchOfDay = 12;\nreturn catchOfDay;")),
                 qPrintable(a.text));
        QVERIFY(a.text.contains(QStringLiteral("North 12")));
    }
    void boilerplateRemoved()
    {
        const QByteArray body =
            QByteArrayLiteral("<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>"
                              "<script>var secretTracker = 1;</script>"
                              "<style>.x { color: red }</style>"
                              "<!-- hiddenComment -->"
                              "<div class=\"sidebar\"><p>Sidebar promotion text that goes on "
                              "and on, with commas, to look like content.</p></div>"
                              "<article>") +
            paragraphs(5) +
            QByteArrayLiteral("<p style=\"display:none\">Invisible text, with commas.</p>"
                              "<p>Visible <span onclick=\"steal()\">words</span>, and "
                              "<a href=\"javascript:alert(1)\">a bad link</a> at the end.</p>"
                              "</article>"
                              "<div id=\"comments\"><p>Reader comment, with an opinion, and "
                              "more opinion, which nobody asked for at all.</p></div>"
                              "<footer>Footer text &copy; Example</footer>");
        const ExtractedArticle a = extractArticle(page("<title>Harbour</title>", body), kPage);
        QVERIFY(a.ok());
        for (const char *gone : {"secretTracker", "color: red", "hiddenComment", "Sidebar",
                                 "Reader comment", "Footer text", "Invisible", "Home"}) {
            QVERIFY2(!a.text.contains(QLatin1String(gone)), gone);
            QVERIFY2(!a.contentHtml.contains(QLatin1String(gone)), gone);
        }
        QVERIFY(!a.contentHtml.contains(QStringLiteral("onclick")));
        QVERIFY(!a.contentHtml.contains(QStringLiteral("javascript:")));
        QVERIFY(!a.contentHtml.contains(QStringLiteral("<script")));
        QVERIFY(a.text.contains(QStringLiteral("Visible words, and a bad link at the end.")));
        QCOMPARE(textParagraphs(a.text).size(), 6);
    }
    void jsonLdMetadata()
    {
        const QByteArray head = QByteArrayLiteral(
            "<title>Tide tables rewritten | The Coast Courier</title>"
            "<meta property=\"og:title\" content=\"OG title loses\">"
            "<meta property=\"og:site_name\" content=\"Coast Courier\">"
            "<meta name=\"description\" content=\"Plain description.\">"
            "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
            "\"@graph\":[{\"@type\":\"WebSite\",\"name\":\"Site\"},{\"@type\":\"NewsArticle\","
            "\"headline\":\"Tide tables rewritten\",\"author\":[{\"@type\":\"Person\","
            "\"name\":\"Ada Reef\"},{\"@type\":\"Person\",\"name\":\"Bo Shore\"}],"
            "\"datePublished\":\"2024-05-06T09:30:00+02:00\",\"description\":\"The tides, "
            "again.\",\"publisher\":{\"@type\":\"Organization\",\"name\":\"The Coast "
            "Courier\"},\"image\":{\"@type\":\"ImageObject\",\"url\":\"/img/tide.jpg\"}}]}"
            "</script>");
        const ExtractedArticle a =
            extractArticle(page(head, QByteArrayLiteral("<article>") + paragraphs(4) +
                                          QByteArrayLiteral("</article>")),
                           kPage);
        QVERIFY(a.ok());
        QCOMPARE(a.title, QStringLiteral("Tide tables rewritten"));
        QCOMPARE(a.byline, QStringLiteral("Ada Reef, Bo Shore"));
        QCOMPARE(a.published, QDateTime(QDate(2024, 5, 6), QTime(7, 30), QTimeZone::utc()));
        QCOMPARE(a.excerpt, QStringLiteral("The tides, again."));
        QCOMPARE(a.siteName, QStringLiteral("The Coast Courier"));
        QCOMPARE(a.leadImage, QUrl(QStringLiteral("http://news.example.test/img/tide.jpg")));
        const QJsonObject json = a.toJson();
        QCOMPARE(json.value(QStringLiteral("published")).toString(),
                 QStringLiteral("2024-05-06T07:30:00Z"));
        QCOMPARE(json.keys().size(), 13); // ... feeds, confidence {text, related}
        QVERIFY(json.value(QStringLiteral("confidence"))
                    .toObject()
                    .value(QStringLiteral("text"))
                    .toDouble() > 0);
    }
    void metaTagsAndDocumentTitle()
    {
        const QByteArray html =
            QByteArrayLiteral("<html lang=\"ar\" dir=\"RTL\"><head><title>Quiet harbour "
                              "reopens after storm - Gulf Daily</title>"
                              "<meta name=\"author\" content=\"Samir Haddad\">"
                              "<meta property=\"article:published_time\" "
                              "content=\"2023-11-02T18:00:00Z\"></head><body><article>") +
            paragraphs(4) + QByteArrayLiteral("</article></body></html>");
        const ExtractedArticle a = extractArticle(html, kPage);
        QVERIFY(a.ok());
        QCOMPARE(a.title, QStringLiteral("Quiet harbour reopens after storm"));
        QCOMPARE(a.byline, QStringLiteral("Samir Haddad"));
        QCOMPARE(a.lang, QStringLiteral("ar"));
        QCOMPARE(a.dir, QStringLiteral("rtl"));
        QCOMPARE(a.published, QDateTime(QDate(2023, 11, 2), QTime(18, 0), QTimeZone::utc()));
        QVERIFY(a.excerpt.startsWith(QStringLiteral("Paragraph 0 tells")));
    }
    void relativeUrlsResolved()
    {
        const QByteArray body = QByteArrayLiteral("<article>") + paragraphs(3) +
                                QByteArrayLiteral("<p>See <a href=\"../2024/older.html\">the "
                                                  "older story</a> and <a href=\"/about\">us</a>"
                                                  ", or <img src=\"pic.png\" alt=\"p\">.</p>") +
                                paragraphs(2) + QByteArrayLiteral("</article>");
        const ExtractedArticle a = extractArticle(page("<title>Links</title>", body), kPage);
        QVERIFY(a.ok());
        QVERIFY2(a.contentHtml.contains(
                     QStringLiteral("href=\"http://news.example.test/world/2024/older.html\"")),
                 qPrintable(a.contentHtml));
        QVERIFY(a.contentHtml.contains(QStringLiteral("href=\"http://news.example.test/about\"")));
        QVERIFY(a.contentHtml.contains(
            QStringLiteral("src=\"http://news.example.test/world/2025/pic.png\"")));
        // <base href> changes the base.
        const ExtractedArticle b = extractArticle(
            page("<title>Links</title><base href=\"http://cdn.example.test/base/\">", body), kPage);
        QVERIFY(b.contentHtml.contains(
            QStringLiteral("href=\"http://cdn.example.test/2024/older.html\"")));
    }
    void relatedListAndFeeds()
    {
        QByteArray related = QByteArrayLiteral("<div class=\"more\"><h3>Related stories</h3><ul>");
        for (int i = 1; i <= 4; ++i)
            related += QByteArrayLiteral("<li><a href=\"/s/") + QByteArray::number(i) +
                       QByteArrayLiteral(".html\">Story number ") + QByteArray::number(i) +
                       QByteArrayLiteral("</a><p>A short snippet about story ") +
                       QByteArray::number(i) + QByteArrayLiteral("...<a href=\"/s/") +
                       QByteArray::number(i) + QByteArrayLiteral(".html\">more</a></p></li>");
        related += "</ul></div>";
        const QByteArray head = QByteArrayLiteral(
            "<title>Feeds</title>"
            "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"All news\" "
            "href=\"/rss.xml\">"
            "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"World\" "
            "href=\"atom.xml\">");
        const ExtractedArticle a =
            extractArticle(page(head, QByteArrayLiteral("<article>") + paragraphs(4) +
                                          QByteArrayLiteral("</article>") + related),
                           kPage);
        QVERIFY(a.ok());
        QCOMPARE(a.related.size(), 4);
        QCOMPARE(a.related.at(2).title, QStringLiteral("Story number 3"));
        QCOMPARE(a.related.at(2).url, QUrl(QStringLiteral("http://news.example.test/s/3.html")));
        QCOMPARE(a.related.at(2).snippet, QStringLiteral("A short snippet about story 3..."));
        QVERIFY(!a.text.contains(QStringLiteral("Story number")));
        QCOMPARE(a.feeds.size(), 2);
        QCOMPARE(a.feeds.at(0).url, QUrl(QStringLiteral("http://news.example.test/rss.xml")));
        QCOMPARE(a.feeds.at(0).type, QStringLiteral("rss"));
        QCOMPARE(a.feeds.at(1).url,
                 QUrl(QStringLiteral("http://news.example.test/world/2025/atom.xml")));
        QCOMPARE(a.feeds.at(1).title, QStringLiteral("World"));
    }
    void emptyAndGarbageInput()
    {
        const ExtractedArticle empty = extractArticle(QByteArray(), kPage);
        QVERIFY(!empty.ok());
        QVERIFY(!empty.error.isEmpty());
        const ExtractedArticle blank = extractArticle(QByteArray("  \n\t "), kPage);
        QVERIFY(!blank.ok());
        QByteArray binary(4096, '\0');
        for (int i = 0; i < binary.size(); ++i)
            binary[i] = char((i * 7919) & 0xff);
        const ExtractedArticle b = extractArticle(binary, kPage);
        QVERIFY(!b.ok());
        QVERIFY(b.error.contains(QStringLiteral("binary")));
        // Markup soup parses to something or nothing, without crashing.
        for (const char *soup : {"<<<>>>&&&;;", "</p></div></html>", "<html><body></body></html>",
                                 "<p>", "<table><tr><td><td><td>", "<!--", "<![CDATA[x"}) {
            const ExtractedArticle s = extractArticle(QByteArray(soup), kPage);
            QVERIFY(s.ok() || !s.error.isEmpty());
            QVERIFY(s.text.size() < 64);
        }
    }
    void deeplyNestedPage()
    {
        // 100,000 unclosed elements, then the article: past libxml2's default depth limit,
        // which would drop the text; the extractor unwraps the excess nesting instead.
        const int depth = 100000;
        QByteArray html = "<html><head><title>Deep</title></head><body>";
        html.reserve(depth * 6 + 2000);
        for (int i = 0; i < depth; ++i)
            html += i % 2 ? "<div>" : "<span>";
        html += paragraphs(4);
        html += "</body></html>";
        const ExtractedArticle a = extractArticle(html, kPage);
        QVERIFY2(a.ok(), qPrintable(a.error));
        QCOMPARE(textParagraphs(a.text).size(), 4);
        // Closed nesting, 5,000 deep.
        QByteArray closed = "<html><body>" + QByteArray("<div>").repeated(5000) + paragraphs(4) +
                            QByteArray("</div>").repeated(5000) + "</body></html>";
        const ExtractedArticle b = extractArticle(closed, kPage);
        QVERIFY2(b.ok(), qPrintable(b.error));
        QCOMPARE(textParagraphs(b.text).size(), 4);
    }
    void projectPortalFixture()
    {
        QFile file(QStringLiteral(EXTRACT_FIXTURES "/portal-b.html"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const ExtractedArticle a = extractArticle(
            file.readAll(), QUrl(QStringLiteral("http://www.hekou.example.test/news/2025/0314/"
                                                "200.html")));
        QVERIFY(a.ok());
        QCOMPARE(a.encoding, QStringLiteral("gbk"));
        QCOMPARE(a.title, QStringLiteral("Larchmouth opens late-night library in old warehouse"));
        QCOMPARE(a.published, QDateTime(QDate(2025, 3, 14), QTime(0, 5, 30), QTimeZone::utc()));
        QCOMPARE(
            a.published.toOffsetFromUtc(8 * 3600).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
            QStringLiteral("2025-03-14 08:05:30"));
        QCOMPARE(a.category, QStringLiteral("本地新闻"));
        QCOMPARE(a.source, QStringLiteral("Larchmouth Evening Post"));
        QCOMPARE(a.byline, QStringLiteral("Petra Lindqvist & Harbour Desk"));
        const QStringList ps = textParagraphs(a.text);
        QCOMPARE(ps.size(), 17);
        QCOMPARE(ps.first(),
                 QStringLiteral("The riverside town of Larchmouth opened its new public library "
                                "on Saturday, turning a disused grain warehouse on the east bank "
                                "into a reading hall that stays open until midnight."));
        QCOMPARE(ps.last(),
                 QStringLiteral("For now, the warehouse is the busiest building on the "
                                "waterfront, and the bell that once marked the end of a shift "
                                "now marks closing time."));
        for (const char *gone :
             {"您的位置", "分享到", "点击排行", "版权所有", "登录", "Petra", "2025-03-14", "来源"})
            QVERIFY2(!a.text.contains(QString::fromUtf8(gone)), gone);
        QCOMPARE(
            a.leadImage,
            QUrl(QStringLiteral("http://www.hekou.example.test/uploads/2025/03/library-hall.jpg")));
        QCOMPARE(a.related.size(), 6);
        QCOMPARE(a.related.at(0).title, QStringLiteral("河畔步道完成翻修 周末迎来首批游客"));
        QCOMPARE(a.related.at(0).url,
                 QUrl(QStringLiteral("http://www.hekou.example.test/news/2025/0314/201.html")));
        QVERIFY(a.related.at(0).snippet.startsWith(QStringLiteral("经过半年施工")));
        QVERIFY(!a.related.at(0).snippet.contains(QStringLiteral("[详细]")));
        QCOMPARE(a.related.at(2).title, QStringLiteral("Ferry route study published"));
        QCOMPARE(a.related.at(5).url,
                 QUrl(QStringLiteral("http://www.hekou.example.test/news/2025/0314/206.html")));
        QCOMPARE(a.feeds.size(), 1);
        QCOMPARE(a.feeds.at(0).url,
                 QUrl(QStringLiteral("http://www.hekou.example.test/rss/local.xml")));
    }
};

QTEST_GUILESS_MAIN(TestExtractor)
#include "test_extractor.moc"
