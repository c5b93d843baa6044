#include "html/Sanitizer.h"

#include "HtmlChecks.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QThread>
#include <QtTest>

#include <memory>
#include <vector>

using namespace bs;

namespace
{

QString sanitize(const char *html)
{
    return sanitizeHtml(QString::fromUtf8(html));
}

} // namespace

// sanitizeHtml() on hostile input: malformed markup, random tag soup, deep nesting, large input,
// invalid characters, several threads.
class TestSanitizerRobustness : public QObject
{
    Q_OBJECT
private slots:
    void activeContentCheckWorks()
    {
        QVERIFY(!test::activeHtmlContent(QStringLiteral("<a href=\"jav&#x09;ascript&colon;x\">"))
                     .isEmpty());
        QVERIFY(
            !test::activeHtmlContent(QStringLiteral("<img src=\"x\" onerror=\"y\" />")).isEmpty());
        QVERIFY(!test::activeHtmlContent(QStringLiteral("a<script>x</script>")).isEmpty());
        QVERIFY(test::activeHtmlContent(QStringLiteral("<p title=\"x onerror=y\">javascript:</p>"))
                    .isEmpty());
    }

    void malformedMarkupDoesNotCrash()
    {
        const char *const inputs[] = {
            "<",
            "<<<>>>",
            "</",
            "<a",
            "<a href=",
            "<a href=\"",
            "<a href='x",
            "<p><b><i>unclosed",
            "</div></span></p>",
            "<table><tr><td>a<td>b<tr></table></td>",
            "<!--",
            "<!-- -- >still comment?",
            "<!DOCTYPE",
            "<!DOCTYPE ~",
            "<![CDATA[",
            "<?xml version=\"1.0\"?><?php ?>",
            "<script>",
            "<script><!--",
            "<style>",
            "<svg><script>alert(1)",
            "<img src=x onerror=alert(1)//",
            "<img/src=x/onerror=alert(1)>",
            "<a href=\"java&#x0;script:alert(1)\">x</a>",
            "<scr<script>ipt>alert(1)</scr</script>ipt>",
            "<<script>script>alert(1)<</script>/script>",
            "<div style=\"x:expression(alert(1))",
            "&#xFFFFFFFF; &#99999999999999999999; &#0; &#xD800;",
            "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
            "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
            "<bs-sanitizer-root></bs-sanitizer-root>after",
        };
        for (const char *html : inputs) {
            const QString out = sanitize(html);
            BS_VERIFY_NOTHING_ACTIVE(out);
        }
        QCOMPARE(sanitize("<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">"
                          "</p></noscript>"),
                 QStringLiteral("<noscript><p title=\"&lt;/noscript&gt;&lt;img src=x "
                                "onerror=alert(1)&gt;\"></p></noscript>"));
        QCOMPARE(sanitize("safe<!-- -- broken >text"), QStringLiteral("safetext"));
    }

    void randomTagSoupStaysSafe()
    {
        const char *const pieces[] = {
            "<p>",      "</p>",        "<div>",       "</div>",      "<b>",
            "</b>",     "<table>",     "<td>",        "<script>",    "</script>",
            "<style>",  "</style>",    "<a href=\"",  "javascript:", "\">",
            "<img src", "=x onerror=", "alert(1)",    "<!--",        "-->",
            "&amp;",    "&#106;",      " text ",      "<",           ">",
            "\"",       "'",           "<iframe>",    "<svg>",       "</svg>",
            "<math>",   "<textarea>",  "</textarea>", "<noscript>",  "</noscript>",
            "<li>",     "<br/>",       "<![CDATA[",   "]]>",         "<!DOCTYPE html>",
            "</",       "<o:p>",       "<p style=\"", "color: red",  "url(x)",
        };
        constexpr int pieceCount = int(sizeof pieces / sizeof pieces[0]);
        QRandomGenerator random(20240601);
        for (int round = 0; round < 2000; ++round) {
            QString html;
            const int length = random.bounded(1, 40);
            for (int i = 0; i < length; ++i)
                html += QString::fromUtf8(pieces[random.bounded(pieceCount)]);
            const QString once = sanitizeHtml(html);
            BS_VERIFY_NOTHING_ACTIVE(once);
            BS_VERIFY_NOTHING_ACTIVE(sanitizeHtml(once));
        }
    }

    void deepNestingDoesNotOverflow()
    {
        constexpr int depth = 100000;
        const QString html = QStringLiteral("<div>").repeated(depth) + QStringLiteral("core") +
                             QStringLiteral("</div>").repeated(depth);
        QElapsedTimer timer;
        timer.start();
        const QString out = sanitizeHtml(html);
        QVERIFY(out.contains(QStringLiteral("core")));
        QCOMPARE(out.count(QStringLiteral("<div>")), out.count(QStringLiteral("</div>")));
        QVERIFY2(timer.elapsed() < 20000, qPrintable(QString::number(timer.elapsed())));
    }

    void strayEndTagsStayLinear()
    {
        // libxml2 searches its whole stack for each unmatched end tag: depth must stay bounded.
        constexpr int count = 100000;
        const QString html = QStringLiteral("<span>").repeated(count) + QStringLiteral("x") +
                             QStringLiteral("</div>").repeated(count);
        QElapsedTimer timer;
        timer.start();
        const QString out = sanitizeHtml(html);
        QVERIFY(out.contains(QLatin1Char('x')));
        QVERIFY2(timer.elapsed() < 20000, qPrintable(QString::number(timer.elapsed())));
    }

    void largeInputFinishesQuickly()
    {
        const QString paragraph = QStringLiteral(
            "<p class=\"body\">Reporters said on Tuesday that the <a href=\"/news/1\" "
            "onclick=\"track()\">council</a> had approved the budget &mdash; 12&nbsp;million "
            "for roads, <b>parks</b> and schools.<img src=\"img/chart.png\" alt=\"chart\"> "
            "南湖日报要闻</p>\n");
        QString html;
        while (html.size() < 5 * 1024 * 1024)
            html += paragraph;
        QElapsedTimer timer;
        timer.start();
        const QString out = sanitizeHtml(html, QUrl(QStringLiteral("https://example.org/")));
        const qint64 elapsed = timer.elapsed();
        QVERIFY2(elapsed < 30000, qPrintable(QString::number(elapsed)));
        QVERIFY(out.startsWith(QStringLiteral("<p class=\"body\">Reporters said")));
        QVERIFY(out.endsWith(QStringLiteral("南湖日报要闻</p>")));
        QVERIFY(!out.contains(QStringLiteral("onclick")));
        QVERIFY(out.contains(QStringLiteral("src=\"https://example.org/img/chart.png\"")));
    }

    void invalidCharactersDoNotCrash()
    {
        QString html = QStringLiteral("a<b title=\"t");
        html += QChar(0xD800); // lone high surrogate
        html += QStringLiteral("\">b");
        html += QChar(0xDC00); // lone low surrogate
        html += QChar(0);
        html += QStringLiteral("c\x01\x02\x1F");
        html += QChar(0xFFFF);
        html += QChar(0xFDD0);
        html += QStringLiteral("d</b>");
        const QString out = sanitizeHtml(html);
        QVERIFY(QStringView(out).isValidUtf16());
        QVERIFY(!out.contains(QChar(0)));
        QVERIFY(out.startsWith(QStringLiteral("a<b title=\"t")));
        QVERIFY(out.endsWith(QStringLiteral("d</b>")));
        // A string of nothing but NULs and surrogates.
        QString garbage;
        for (int i = 0; i < 1000; ++i)
            garbage += QChar(char16_t(i % 3 == 0 ? 0 : 0xD800 + i));
        QVERIFY(QStringView(sanitizeHtml(garbage)).isValidUtf16());
    }

    void usableFromSeveralThreads()
    {
        const QString html =
            QStringLiteral("<p onclick=\"x()\">a <a href=\"/b\">b</a></p>").repeated(200);
        const QString expected = sanitizeHtml(html, QUrl(QStringLiteral("http://e/")));
        std::vector<std::unique_ptr<QThread>> threads;
        std::vector<char> same(4, 0);
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back(QThread::create([&, t] {
                bool ok = true;
                for (int i = 0; i < 50; ++i)
                    ok = ok && sanitizeHtml(html, QUrl(QStringLiteral("http://e/"))) == expected;
                same[size_t(t)] = ok ? 1 : 0;
            }));
            threads.back()->start();
        }
        for (auto &thread : threads)
            thread->wait();
        for (char ok : same)
            QVERIFY(ok);
    }
};

QTEST_GUILESS_MAIN(TestSanitizerRobustness)
#include "test_sanitizer_robustness.moc"
