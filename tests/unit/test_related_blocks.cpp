// The page's own related stories (pages/RelatedFinder through extractArticle) on pages written
// here: a second portal template (GBK, a table of title + date rows under 相关新闻), a news page
// with a related box beside "most read", an in-body "Read more:" teaser, a sponsored widget, a
// page with no related block, and the parser's reading of scripts that write markup and of NUL
// bytes.

#include "html/Extractor.h"
#include "html/HtmlParse.h"

#include <QStringEncoder>
#include <QtTest>

using namespace bs;

namespace
{

QString prose(int paragraphs)
{
    QString out;
    for (int i = 0; i < paragraphs; ++i)
        out += QStringLiteral("<p>The port authority said on Saturday that all twelve cranes were "
                              "back in service after engineers checked the rails and the power "
                              "supply that the storm had damaged earlier in the week (%1).</p>")
                   .arg(i);
    return out;
}

QString headline(int i)
{
    return QStringLiteral("Harbour town votes on a new ferry timetable for the winter, part %1")
        .arg(i);
}

QStringList urls(const QList<RelatedLink> &links)
{
    QStringList out;
    for (const RelatedLink &l : links)
        out << l.url.toString();
    return out;
}

} // namespace

class TestRelatedBlocks : public QObject
{
    Q_OBJECT

private slots:
    void secondPortalTemplate()
    {
        QString rows;
        for (int i = 0; i < 10; ++i)
            rows += QStringLiteral(
                        "<tr><td class=\"xg_t\">·<a href=\"/2024/09%1/%2.shtml\" "
                        "target=\"_blank\">区域协调发展战略深入实施第%3项重点工程进展顺利</a>"
                        "</td><td class=\"xg_d\">2024-09-%1</td></tr>")
                        .arg(10 + i)
                        .arg(800 + i)
                        .arg(i);
        const QString html =
            QStringLiteral(
                "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gbk\">"
                "<title>Harbour cranes return to work after the storm_示例网</title>"
                "<script>document.write('<div class=\"ad\"><a href=\"/x\">x</a></div>');</script>"
                "</head><body><div class=\"topnav\"><a href=\"/\">首页</a> | <a href=\"/gn/\">国内"
                "</a></div><div class=\"main\"><div class=\"weizhi\">当前位置：<a href=\"/\">首页"
                "</a> &gt; <a href=\"/gn/\">国内</a></div><h1 class=\"bt\">Harbour cranes return "
                "to work after the storm</h1><div class=\"xinxi\">2024-09-21 08:30:00 "
                "来源：示例日报 "
                "[国内]</div><div class=\"zw\">%1<p>(责任编辑：王小明)</p></div>"
                "<table class=\"xgxw\" width=\"100%\"><tr><td colspan=\"2\"><b>相关新闻</b></td>"
                "</tr>%2</table></div><div class=\"foot\"><a href=\"/about.html\">关于我们</a>"
                "</div></body></html>")
                .arg(prose(6), rows);
        QStringEncoder encoder("GB18030");
        const ExtractedArticle a =
            extractArticle(encoder.encode(html),
                           QUrl(QStringLiteral("http://news.example.cn/2024/0921/123.shtml")));
        QVERIFY2(a.ok(), qPrintable(a.error));
        QCOMPARE(a.encoding, QStringLiteral("gbk"));
        QCOMPARE(a.title, QStringLiteral("Harbour cranes return to work after the storm"));
        QCOMPARE(a.published, QDateTime(QDate(2024, 9, 21), QTime(0, 30), QTimeZone::utc()));
        QCOMPARE(a.source, QStringLiteral("示例日报"));
        QCOMPARE(a.category, QStringLiteral("国内"));
        QCOMPARE(a.byline, QStringLiteral("王小明"));
        QCOMPARE(a.text.count(QStringLiteral("The port authority said")), 6);
        QVERIFY(!a.text.contains(QStringLiteral("区域协调")));
        QCOMPARE(a.related.size(), 10);
        QVERIFY(a.relatedConfidence >= 0.7);
        QVERIFY(a.textConfidence >= 0.7);
        QVERIFY(a.toJson()
                    .value(QStringLiteral("confidence"))
                    .toObject()
                    .contains(QStringLiteral("related")));
        for (int i = 0; i < 10; ++i) {
            QCOMPARE(a.related[i].url.toString(),
                     QStringLiteral("http://news.example.cn/2024/09%1/%2.shtml")
                         .arg(10 + i)
                         .arg(800 + i));
            QCOMPARE(a.related[i].title,
                     QStringLiteral("区域协调发展战略深入实施第%1项重点工程进展顺利").arg(i));
        }
    }

    void relatedBoxBesideMostRead()
    {
        QString related, popular;
        for (int i = 0; i < 4; ++i)
            related +=
                QStringLiteral("<li><a href=\"/news/2024/09/2%1/ferry-story-%1\">%2</a></li>")
                    .arg(i)
                    .arg(headline(i));
        for (int i = 0; i < 5; ++i)
            popular += QStringLiteral("<li><a href=\"/sport/2024/09/1%1/match-report-%1\">A "
                                      "match report that many people read this week, %1</a></li>")
                           .arg(i);
        const QString html =
            QStringLiteral(
                "<html><head><title>Cranes return</title></head><body><nav><ul><li><a "
                "href=\"/\">Home"
                "</a></li><li><a href=\"/news/\">News</a></li></ul></nav><article><h1>Cranes return"
                "</h1>%1<p>Read more: <a href=\"/news/2024/09/19/storm-damage-on-the-quay\">Storm "
                "damage on the quay is worse than first thought</a></p><footer "
                "class=\"article-footer\">"
                "<h2>Related articles</h2><ul class=\"links\">%2</ul></footer></article><aside>"
                "<h2>Most read</h2><ol>%3</ol></aside><div class=\"trc_related_container\"><h3>You "
                "may like</h3><ul><li><a href=\"https://ads.example.net/offer/12345-amazing\">One "
                "amazing trick that doctors hate and more</a></li><li><a "
                "href=\"https://ads.example.net/offer/67890-secret\">The secret of the ten minute "
                "workout revealed here</a></li></ul></div><footer><a href=\"/about\">About</a>"
                "</footer></body></html>")
                .arg(prose(5), related, popular);
        const ExtractedArticle a = extractArticle(
            html.toUtf8(), QUrl(QStringLiteral("https://harbour.example/news/2024/09/21/cranes")));
        QVERIFY2(a.ok(), qPrintable(a.error));
        const QStringList got = urls(a.related);
        QCOMPARE(got.size(), 5);
        QVERIFY(got.contains(
            QStringLiteral("https://harbour.example/news/2024/09/19/storm-damage-on-the-quay")));
        for (int i = 0; i < 4; ++i)
            QVERIFY(got.contains(
                QStringLiteral("https://harbour.example/news/2024/09/2%1/ferry-story-%1").arg(i)));
        // The in-text teaser stays in the text; the box does not.
        QVERIFY(a.text.contains(QStringLiteral("Storm damage on the quay")));
        QVERIFY(!a.text.contains(headline(1)));
    }

    void noRelatedBlockGivesNone()
    {
        QString popular;
        for (int i = 0; i < 6; ++i)
            popular += QStringLiteral("<li><a href=\"/news/2024/09/1%1/popular-%1\">A widely read "
                                      "story about the harbour and its ferries, %1</a></li>")
                           .arg(i);
        const QString html =
            QStringLiteral(
                "<html><body><nav><a href=\"/\">Home</a> <a href=\"/news/\">News</a></nav><article>"
                "<h1>Cranes</h1>%1<p>Tags: <a href=\"/tag/port\">port</a> <a href=\"/tag/storm\">"
                "storm</a></p></article><div class=\"sidebar\"><h2>Trending "
                "now</h2><ul>%2</ul></div>"
                "</body></html>")
                .arg(prose(5), popular);
        const ExtractedArticle a =
            extractArticle(html.toUtf8(), QUrl(QStringLiteral("https://harbour.example/news/a")));
        QVERIFY(a.ok());
        QVERIFY2(a.related.isEmpty(), qPrintable(urls(a.related).join(QLatin1Char(' '))));
        QCOMPARE(a.relatedConfidence, 0.0);
    }

    void weakTextIsReported()
    {
        // A page whose "article" is one short line among links reads with little confidence;
        // a long article with several paragraphs, with much.
        const ExtractedArticle weak =
            extractArticle("<html><body><div><a href=\"/a\">Home</a> <a href=\"/b\">News</a> <a "
                           "href=\"/c\">Sport</a><p>Short line.</p></div></body></html>",
                           QUrl(QStringLiteral("https://x.example/a")));
        const ExtractedArticle strong =
            extractArticle(QStringLiteral("<html><body><article>%1</article></body></html>")
                               .arg(prose(8))
                               .toUtf8(),
                           QUrl(QStringLiteral("https://x.example/a")));
        QVERIFY2(strong.ok(), qPrintable(strong.error));
        QVERIFY(strong.textConfidence > 0.8);
        QVERIFY2(weak.ok(), qPrintable(weak.error));
        QVERIFY2(weak.textConfidence < 0.4, qPrintable(QString::number(weak.textConfidence)));
    }

    void scriptsAndNulBytesDoNotCutThePage()
    {
        QCOMPARE(parserSafeHtml("<p>x</p>"), QByteArray("<p>x</p>"));
        QCOMPARE(parserSafeHtml("<script>var s = '</div>';</script><p>y</p>"),
                 QByteArray("<script>var s = '<\\/div>';</script><p>y</p>"));
        QCOMPARE(parserSafeHtml(QByteArray("a\0b", 3)), QByteArray("a\xEF\xBF\xBD"
                                                                   "b"));
        QCOMPARE(parserSafeHtml("<SCRIPT type=x>a</b></Script>"),
                 QByteArray("<SCRIPT type=x>a<\\/b></Script>"));
        // A page whose script writes markup and which holds a NUL byte still reads whole.
        QByteArray page = "<html><body><script>document.write('<span></span></p></div>');"
                          "</script>";
        page += prose(6).toUtf8();
        page.insert(page.indexOf("(3)"), '\0');
        page += "</body></html>";
        const ExtractedArticle a =
            extractArticle(page, QUrl(QStringLiteral("https://x.example/a")));
        QVERIFY2(a.ok(), qPrintable(a.error));
        QCOMPARE(a.text.count(QStringLiteral("The port authority said")), 6);
    }
};

QTEST_GUILESS_MAIN(TestRelatedBlocks)
#include "test_related_blocks.moc"
