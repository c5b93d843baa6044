#include "html/HtmlText.h"

#include <QtTest>

using namespace bs;

class TestHtmlText : public QObject
{
    Q_OBJECT
private slots:
    void plainTextPassesThrough()
    {
        QCOMPARE(htmlToPlainText(QStringLiteral("  a  b ")), QStringLiteral("a b"));
    }
    void blocksBecomeLines()
    {
        QCOMPARE(htmlToPlainText(QStringLiteral("<p>One <i>two</i></p><p>Three</p>")),
                 QStringLiteral("One two\nThree"));
    }
    void scriptAndStyleDropped()
    {
        QCOMPARE(
            htmlToPlainText(QStringLiteral("<style>p{}</style><p>Hi<script>alert(1)</script></p>")),
            QStringLiteral("Hi"));
    }
    void entitiesDecoded()
    {
        QCOMPARE(htmlToPlainText(QStringLiteral("Fish &amp; chips &lt;3 &#38075; &eacute;")),
                 QStringLiteral("Fish & chips <3 钻 é"));
    }
    void chineseKept()
    {
        QCOMPARE(htmlToPlainText(QStringLiteral("<div>南湖日报<br>要闻</div>")),
                 QStringLiteral("南湖日报\n要闻"));
    }
    void brokenMarkupRecovers()
    {
        QCOMPARE(htmlToPlainText(QStringLiteral("<p>open <b>bold <i>both</p> tail")),
                 QStringLiteral("open bold both\ntail"));
    }
};

QTEST_GUILESS_MAIN(TestHtmlText)
#include "test_html_text.moc"
