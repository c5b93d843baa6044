// The list finder's parts on pages written here: CSS selectors through XPath, the dates lists
// show, the finder on several layouts, reading a stored selector, and bad input.

#include "pages/CssSelector.h"
#include "pages/ListDates.h"
#include "pages/PageLists.h"

#include <libxml/HTMLparser.h>

#include <QStringEncoder>
#include <QtTest>

using namespace bs;
using namespace bs::pages;

namespace
{

const QDateTime kNow(QDate(2025, 3, 10), QTime(12, 0), QTimeZone(8 * 3600));

QString day(const QDateTime &when)
{
    return when.isValid() ? when.date().toString(Qt::ISODate) : QStringLiteral("none");
}

QString headline(int i)
{
    static const QStringList words = {
        QStringLiteral("Council approves"),  QStringLiteral("Harbour authority opens"),
        QStringLiteral("Researchers chart"), QStringLiteral("Regional rail line adds"),
        QStringLiteral("Local school wins"), QStringLiteral("Storm season begins with")};
    return words.at(i % words.size()) +
           QStringLiteral(" a plan for the northern district, report number %1").arg(i);
}

// A section page: the stories in `list`, a "Most read" box, navigation, pagination, footer.
QByteArray sectionPage(const QString &list, const QString &head = {})
{
    QString popular;
    for (int i = 0; i < 8; ++i)
        popular += QStringLiteral("<li><a href=\"/popular/%1-story-that-many-people-read\">A "
                                  "widely read story about something else entirely, part %1</a>"
                                  "</li>")
                       .arg(i);
    return QStringLiteral(
               "<!DOCTYPE html><html lang=\"en\"><head><title>World news</title>%1</head><body>"
               "<header><nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/world/\">World"
               "</a></li><li><a href=\"/sport/\">Sport</a></li><li><a href=\"/arts/\">Arts</a>"
               "</li></ul></nav></header><main>%2<div class=\"pager\"><a href=\"?page=2\">2</a>"
               "<a href=\"?page=3\">3</a><a href=\"?page=2\">Next</a></div></main>"
               "<aside class=\"sidebar\"><h2>Most read</h2><ol>%3</ol></aside><footer><a "
               "href=\"/about\">About</a> <a href=\"/contact\">Contact</a> <a "
               "href=\"/privacy\">Privacy</a></footer></body></html>")
        .arg(head, list, popular)
        .toUtf8();
}

QString cards(int count)
{
    QString out = QStringLiteral("<div class=\"grid\">");
    for (int i = 0; i < count; ++i)
        out += QStringLiteral("<article class=\"card\"><a href=\"/world/2025/03/%1/story-%2\">"
                              "<img data-src=\"/img/%2.jpg\" src=\"data:image/gif;base64,R0lGOD\">"
                              "</a><h3><a href=\"/world/2025/03/%1/story-%2\">%3</a></h3><p>A "
                              "teaser that says a little more about what happened and why it "
                              "matters.</p><time datetime=\"2025-03-%1T08:00:00Z\">Mar %1</time>"
                              "</article>")
                   .arg(9 - i % 9, 2, 10, QLatin1Char('0'))
                   .arg(i)
                   .arg(headline(i));
    return out + QStringLiteral("</div>");
}

} // namespace

class TestPageLists : public QObject
{
    Q_OBJECT

private slots:
    void selectorsBecomeXPath_data()
    {
        QTest::addColumn<QString>("css");
        QTest::addColumn<QString>("xpath");
        QTest::newRow("tag") << "li"
                             << "//li";
        QTest::newRow("child") << "ul > li"
                               << "//ul/li";
        QTest::newRow("descendant") << "div li"
                                    << "//div//li";
        QTest::newRow("id") << "div#main > ul"
                            << "//div[@id='main']/ul";
        QTest::newRow("class")
            << "ul.news"
            << "//ul[contains(concat(' ', normalize-space(@class), ' '), ' news ')]";
        QTest::newRow("attribute") << "a[rel=\"bookmark\"]"
                                   << "//a[@rel='bookmark']";
        QTest::newRow("nth") << "td:nth-of-type(2) > a"
                             << "//td[2]/a";
        QTest::newRow("any") << "*.x"
                             << "//*[contains(concat(' ', normalize-space(@class), ' '), ' x ')]";
        QTest::newRow("alternatives") << "ul > li, ol > li"
                                      << "//ul/li | //ol/li";
    }
    void selectorsBecomeXPath()
    {
        QFETCH(QString, css);
        QFETCH(QString, xpath);
        QString error;
        QCOMPARE(cssToXPath(css, &error), xpath);
        QVERIFY(error.isEmpty());
    }

    void badSelectorsAreRefused()
    {
        for (const char *bad : {"", "ul >> li", "li:hover", "a[href^=x]", ":nth-of-type(2)",
                                "li:nth-of-type(0)", "ul >", "#", "a[x=\"1]", "div !"}) {
            QString error;
            QVERIFY2(cssToXPath(QString::fromUtf8(bad), &error).isEmpty(), bad);
            QVERIFY2(!pageSelectorError(QString::fromUtf8(bad)).isEmpty(), bad);
        }
        QVERIFY(pageSelectorError(QStringLiteral("div.list > ul > li")).isEmpty());
    }

    void selectorsMatchElements()
    {
        const QByteArray html = "<html><body><div id=\"a\"><ul class=\"x y\"><li>1</li><li>2</li>"
                                "</ul></div><ul class=\"x\"><li>3</li></ul></body></html>";
        xmlDoc *doc = htmlReadMemory(html.constData(), int(html.size()), nullptr, "UTF-8",
                                     HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
        QCOMPARE(selectElements(doc, QStringLiteral("ul.x > li")).size(), size_t(3));
        QCOMPARE(selectElements(doc, QStringLiteral("#a li")).size(), size_t(2));
        QCOMPARE(selectElements(doc, QStringLiteral("ul.y li:nth-of-type(2)")).size(), size_t(1));
        QCOMPARE(selectElements(doc, QStringLiteral("ol li")).size(), size_t(0));
        xmlFreeDoc(doc);
    }

    void datesListsShow_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<bool>("dayFirst");
        QTest::newRow("iso") << "(2024-09-21)"
                             << "2024-09-21" << true;
        QTest::newRow("iso time") << "2024/9/21 14:05"
                                  << "2024-09-21" << true;
        QTest::newRow("cjk") << "发布时间：2024年9月21日"
                             << "2024-09-21" << true;
        QTest::newRow("cjk no year") << "9月21日 10:30"
                                     << "2024-09-21" << true;
        QTest::newRow("month-day") << "[09-21]"
                                   << "2024-09-21" << true;
        QTest::newRow("month-day this year") << "03-08 10:30"
                                             << "2025-03-08" << true;
        QTest::newRow("dotted") << "21.09.2024"
                                << "2024-09-21" << true;
        QTest::newRow("us") << "09/21/2024"
                            << "2024-09-21" << false;
        QTest::newRow("day first") << "21/09/2024"
                                   << "2024-09-21" << true;
        QTest::newRow("english") << "Sep 21, 2024"
                                 << "2024-09-21" << false;
        QTest::newRow("english long") << "Published 21 September 2024"
                                      << "2024-09-21" << true;
        QTest::newRow("german") << "21. September 2024, 14:05 Uhr"
                                << "2024-09-21" << true;
        QTest::newRow("spanish") << "21 de septiembre de 2024"
                                 << "2024-09-21" << true;
        QTest::newRow("russian") << "21 сентября 2024"
                                 << "2024-09-21" << true;
        QTest::newRow("arabic digits") << "٢١ سبتمبر ٢٠٢٤"
                                       << "2024-09-21" << true;
        QTest::newRow("korean") << "2024.09.21"
                                << "2024-09-21" << true;
        QTest::newRow("two-digit year") << "15.01.25 | 21:10"
                                        << "2025-01-15" << true;
        QTest::newRow("hours ago zh") << "3小时前"
                                      << "2025-03-10" << true;
        QTest::newRow("hours ago en") << "14 hours ago"
                                      << "2025-03-09" << true;
        QTest::newRow("yesterday") << "昨天 14:20"
                                   << "2025-03-09" << true;
        QTest::newRow("days ago ru") << "2 дня назад"
                                     << "2025-03-08" << true;
        QTest::newRow("vor") << "vor 3 Tagen"
                             << "2025-03-07" << true;
        QTest::newRow("hebrew dual") << "לפני שעתיים"
                                     << "2025-03-10" << true;
        QTest::newRow("future refused") << "2031-01-01"
                                        << "none" << true;
        QTest::newRow("no date") << "Page 3 of 12, 1,234 readers"
                                 << "none" << true;
        QTest::newRow("score is no date") << "Final score 3-1"
                                          << "none" << true;
    }
    void datesListsShow()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QFETCH(bool, dayFirst);
        DateContext context{kNow, 8 * 3600, dayFirst};
        QCOMPARE(day(findDate(text, context).when), expected);
    }

    void datesInAddresses()
    {
        QCOMPARE(dateInUrl(QUrl(QStringLiteral("http://a.cn/xxgk/202409/t20240921_123.html"))),
                 QDate(2024, 9, 21));
        QCOMPARE(dateInUrl(QUrl(QStringLiteral("https://a.com/2024/09/21/slug/"))),
                 QDate(2024, 9, 21));
        QCOMPARE(dateInUrl(QUrl(QStringLiteral("https://a.com/news/2024-09-21-slug"))),
                 QDate(2024, 9, 21));
        QVERIFY(!dateInUrl(QUrl(QStringLiteral("https://a.com/a/20240921123456.html"))).isValid());
        QVERIFY(!dateInUrl(QUrl(QStringLiteral("https://a.com/2024/09/slug"))).isValid());
    }

    void cardGridBeatsMostRead()
    {
        const PageListsResult r = findPageLists(
            sectionPage(cards(12)), QUrl(QStringLiteral("https://news.example/world/")));
        QVERIFY2(r.ok(), qPrintable(r.error));
        const PageList &best = r.lists.first();
        QCOMPARE(best.items.size(), 12);
        QCOMPARE(best.items[0].title, headline(0));
        QCOMPARE(best.items[0].url.toString(),
                 QStringLiteral("https://news.example/world/2025/03/09/story-0"));
        QCOMPARE(best.items[0].image.toString(), QStringLiteral("https://news.example/img/0.jpg"));
        QVERIFY(best.items[0].snippet.startsWith(QLatin1String("A teaser")));
        QCOMPARE(day(best.items[0].published), QStringLiteral("2025-03-09"));
        QCOMPARE(r.title, QStringLiteral("World news"));
        // The selector reads the same stories back.
        const PageListsResult again =
            readPageList(sectionPage(cards(12)),
                         QUrl(QStringLiteral("https://news.example/world/")), best.selector);
        QVERIFY2(again.ok(), qPrintable(again.error));
        QCOMPARE(again.lists.first().items.size(), 12);
        // The most-read box is a list too, ranked lower.
        QVERIFY(r.lists.size() >= 2);
        QVERIFY(r.lists[1].items.first().url.path().startsWith(QLatin1String("/popular/")));
    }

    void splitListsBaseHrefAndCutTitles()
    {
        // One list cut into blocks of five, links relative to <base href>, titles cut with
        // "..." and whole in the title attribute, dates without a year.
        QString blocks;
        for (int b = 0; b < 3; ++b) {
            blocks += QStringLiteral("<ul class=\"lst\">");
            for (int i = b * 5; i < b * 5 + 5; ++i)
                blocks += QStringLiteral("<li><a href=\"%1/t2025030%2_%3.html\" title=\"%4\">%5..."
                                         "</a><span>03-0%2</span></li>")
                              .arg(QStringLiteral("202503"))
                              .arg(1 + i % 8)
                              .arg(5000 + i)
                              .arg(headline(i), headline(i).left(20));
            blocks += QStringLiteral("</ul><div class=\"line\"></div>");
        }
        const QByteArray page =
            sectionPage(QStringLiteral("<div class=\"box\">%1</div>").arg(blocks),
                        QStringLiteral("<base href=\"https://www.example.gov.cn/xxgk/\">"));
        PageListOptions options;
        options.now = kNow;
        const PageListsResult r = findPageLists(
            page, QUrl(QStringLiteral("https://www.example.gov.cn/index.html")), {}, options);
        QVERIFY2(r.ok(), qPrintable(r.error));
        const PageList &best = r.lists.first();
        QCOMPARE(best.items.size(), 15);
        QCOMPARE(best.items[0].title, headline(0));
        QCOMPARE(best.items[0].url.toString(),
                 QStringLiteral("https://www.example.gov.cn/xxgk/202503/t20250301_5000.html"));
        QCOMPARE(day(best.items[0].published), QStringLiteral("2025-03-01"));
        QCOMPARE(readPageList(page, QUrl(QStringLiteral("https://www.example.gov.cn/index.html")),
                              best.selector)
                     .lists.first()
                     .items.size(),
                 15);
    }

    void gbkTablePortal()
    {
        QString rows;
        for (int i = 0; i < 10; ++i)
            rows += QStringLiteral("<tr><td><a href=\"/gn/2025/03%1/%2.shtml\">%3</a></td><td>"
                                   "2025-03-%1</td></tr>")
                        .arg(9 - i % 9, 2, 10, QLatin1Char('0'))
                        .arg(100 + i)
                        .arg(QStringLiteral("各地加快推进城乡基础设施建设，第%1项工程开工").arg(i));
        const QString html =
            QStringLiteral("<html><head><meta charset=\"gb2312\"><title>国内</title>"
                           "</head><body><table>%1</table></body></html>")
                .arg(rows);
        QStringEncoder encoder("GB18030");
        const QByteArray bytes = encoder.encode(html);
        const PageListsResult r =
            findPageLists(bytes, QUrl(QStringLiteral("http://news.example.cn/gn/")));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.encoding, QStringLiteral("gbk"));
        QCOMPARE(r.lists.first().items.size(), 10);
        QVERIFY(r.lists.first().items.first().title.startsWith(QStringLiteral("各地加快")));
        QCOMPARE(day(r.lists.first().items.first().published), QStringLiteral("2025-03-09"));
    }

    void badInputIsAnError()
    {
        const QUrl url(QStringLiteral("https://news.example/"));
        QVERIFY(!findPageLists({}, url).ok());
        QVERIFY(!findPageLists("   \n", url).ok());
        QByteArray binary(2048, '\0');
        binary[0] = '\x89';
        QVERIFY(findPageLists(binary, url).error.contains(QLatin1String("binary")));
        QByteArray huge(9 * 1024 * 1024, 'a');
        QVERIFY(findPageLists(huge, url).error.contains(QLatin1String("larger")));
        // A page of navigation only.
        QVERIFY(!findPageLists(sectionPage(QStringLiteral("<p>Not found.</p>")), url).ok());
        // An article: long prose, a few related links.
        QString prose;
        for (int i = 0; i < 12; ++i)
            prose += QStringLiteral("<p>%1. The council met on Tuesday evening to discuss the "
                                    "plan, which has been debated for months by residents, "
                                    "business owners and the regional transport authority.</p>")
                         .arg(headline(i));
        const PageListsResult article = findPageLists(
            sectionPage(QStringLiteral("<article><h1>Title</h1>%1<h3>Related</h3><ul><li><a "
                                       "href=\"/world/2025/03/01/a-story\">%2</a></li><li><a "
                                       "href=\"/world/2025/03/02/b-story\">%3</a></li></ul>"
                                       "</article>")
                            .arg(prose, headline(1), headline(2))),
            url);
        QVERIFY(!article.ok());
        // Deep nesting and unclosed tags do not break it.
        QByteArray deep = "<html><body>";
        for (int i = 0; i < 5000; ++i)
            deep += "<div><span>";
        deep += cards(5).toUtf8();
        QVERIFY(findPageLists(deep, url).ok());
        // A stored selector that finds nothing says so.
        const PageListsResult none =
            readPageList(sectionPage(cards(4)), url, QStringLiteral("table.gone tr"));
        QVERIFY(none.error.contains(QLatin1String("matches nothing")));
        QVERIFY(!readPageList(sectionPage(cards(4)), url, QStringLiteral("ul >> li")).ok());
    }
};

QTEST_GUILESS_MAIN(TestPageLists)
#include "test_page_lists.moc"
