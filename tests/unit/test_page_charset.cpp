// decodeHtmlPage and the WHATWG prescan, on pages generated here with Qt's (ICU) encoders.
#include "html/HtmlPrescan.h"
#include "html/PageCharset.h"

#include <QFile>
#include <QStringEncoder>
#include <QtTest>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

using namespace bs;

namespace
{

QByteArray encode(const char *encoding, const QString &text)
{
    QStringEncoder encoder(encoding);
    Q_ASSERT(encoder.isValid());
    return encoder.encode(text);
}

QString page(const QString &head, const QString &body)
{
    return QStringLiteral("<!DOCTYPE html><html><head>%1<title>%2</title></head>"
                          "<body><p>%2</p></body></html>")
        .arg(head, body);
}

QString text(const DecodedDocument &doc)
{
    return QString::fromUtf8(doc.utf8);
}

// The <title> as libxml2's HTML parser reads the decoded bytes when told they are UTF-8 (the
// page's own <meta> still names its original encoding).
QString htmlTitle(const QByteArray &utf8)
{
    htmlDocPtr doc = htmlReadMemory(utf8.constData(), int(utf8.size()), nullptr, "UTF-8",
                                    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                        HTML_PARSE_NONET);
    if (!doc)
        return {};
    QString title;
    QList<xmlNode *> pending{xmlDocGetRootElement(doc)};
    while (!pending.isEmpty() && title.isEmpty()) {
        for (xmlNode *node = pending.takeFirst(); node; node = node->next) {
            if (node->type == XML_ELEMENT_NODE && xmlStrEqual(node->name, BAD_CAST "title")) {
                xmlChar *content = xmlNodeGetContent(node);
                title = QString::fromUtf8(reinterpret_cast<const char *>(content));
                xmlFree(content);
                break;
            }
            if (node->children)
                pending.append(node->children);
        }
    }
    xmlFreeDoc(doc);
    return title;
}

const QString Chinese = QStringLiteral("南湖日报 要闻：城东新桥今日通车 市民踊跃参观");

} // namespace

class TestPageCharset : public QObject
{
    Q_OBJECT
private slots:
    void prescan_data()
    {
        QTest::addColumn<QByteArray>("html");
        QTest::addColumn<QByteArray>("encoding");
        QTest::newRow("charset") << QByteArray("<meta charset=\"utf-8\">") << QByteArray("utf-8");
        QTest::newRow("upper case") << QByteArray("<META CHARSET=GB2312>") << QByteArray("gbk");
        QTest::newRow("http-equiv")
            << QByteArray(
                   "<meta http-equiv=Content-Type content=\"text/html;charset='shift_jis'\">")
            << QByteArray("shift_jis");
        QTest::newRow("content without http-equiv")
            << QByteArray("<meta content=\"text/html; charset=big5\">") << QByteArray();
        QTest::newRow("in a comment")
            << QByteArray("<!-- <meta charset=big5> --><meta charset=euc-kr>")
            << QByteArray("euc-kr");
        QTest::newRow("in an attribute value")
            << QByteArray("<div title='<meta charset=big5>'><meta charset=koi8-r>")
            << QByteArray("koi8-r");
        QTest::newRow("unknown label skipped")
            << QByteArray("<meta charset=bogus><meta charset=gbk>") << QByteArray("gbk");
        QTest::newRow("first of duplicate attributes")
            << QByteArray("<meta name=x charset=\"euc-jp\" charset=big5>") << QByteArray("euc-jp");
        QTest::newRow("utf-16 means utf-8")
            << QByteArray("<meta charset=utf-16>") << QByteArray("utf-8");
        QTest::newRow("x-user-defined")
            << QByteArray("<meta charset=x-user-defined>") << QByteArray("windows-1252");
        QTest::newRow("latin1") << QByteArray("<meta charset=latin1>")
                                << QByteArray("windows-1252");
        QTest::newRow("unterminated") << QByteArray("<meta charset=\"gbk") << QByteArray();
    }
    void prescan()
    {
        QFETCH(QByteArray, html);
        QFETCH(QByteArray, encoding);
        QCOMPARE(prescanMetaCharset(html).encoding, encoding);
    }
    void metaCharsetGb2312()
    {
        const DecodedDocument doc =
            decodeHtmlPage(encode("GBK", page(QStringLiteral("<meta charset=gb2312>"), Chinese)));
        QCOMPARE(doc.encoding, QStringLiteral("gbk"));
        QVERIFY2(!doc.bozo, qPrintable(doc.bozoReason));
        QCOMPARE(htmlTitle(doc.utf8), Chinese);
    }
    void metaHttpEquivBig5()
    {
        const QString title = QStringLiteral("這是一個關於台灣經濟發展的新聞報導");
        const QString head = QStringLiteral(
            "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=big5\" />");
        const DecodedDocument doc = decodeHtmlPage(encode("Big5", page(head, title)));
        QCOMPARE(doc.encoding, QStringLiteral("big5"));
        QVERIFY(!doc.bozo);
        QCOMPARE(htmlTitle(doc.utf8), title);
    }
    void metaAfterLongHeadIsFound()
    {
        // KOI8-R: no sniffing would guess it, only the <meta> past 1024 bytes names it.
        const QString filler = QStringLiteral("<meta name=\"description\" content=\"%1\">")
                                   .arg(QString(1500, QLatin1Char('x')));
        const QString title = QStringLiteral("Новости дня");
        const DecodedDocument doc = decodeHtmlPage(
            encode("KOI8-R", page(filler + QStringLiteral("<meta charset=koi8-r>"), title)));
        QCOMPARE(doc.encoding, QStringLiteral("koi8-r"));
        QCOMPARE(htmlTitle(doc.utf8), title);
    }
    void byteOrderMarkWins()
    {
        const QString html = page(QStringLiteral("<meta charset=gbk>"), Chinese);
        DecodedDocument doc = decodeHtmlPage("\xEF\xBB\xBF" + html.toUtf8(),
                                             QStringLiteral("text/html; charset=gbk"));
        QCOMPARE(doc.encoding, QStringLiteral("utf-8"));
        QVERIFY(doc.bozo); // the header contradicts the byte order mark
        QVERIFY(doc.utf8.startsWith("<!DOCTYPE"));
        QCOMPARE(htmlTitle(doc.utf8), Chinese);

        doc = decodeHtmlPage("\xFF\xFE" + encode("UTF-16LE", html));
        QCOMPARE(doc.encoding, QStringLiteral("utf-16le"));
        QVERIFY(!doc.bozo);
        QCOMPARE(htmlTitle(doc.utf8), Chinese);
    }
    void httpHeaderWinsOverMeta()
    {
        DecodedDocument doc =
            decodeHtmlPage(encode("GBK", page(QStringLiteral("<meta charset=big5>"), Chinese)),
                           QStringLiteral("text/html; charset=GBK"));
        QCOMPARE(doc.encoding, QStringLiteral("gbk"));
        QVERIFY(!doc.bozo);
        QCOMPARE(htmlTitle(doc.utf8), Chinese);

        doc = decodeHtmlPage(page(QStringLiteral("<meta charset=gb2312>"), Chinese).toUtf8(),
                             QStringLiteral("text/html;charset=utf-8"));
        QCOMPARE(doc.encoding, QStringLiteral("utf-8"));
        QVERIFY(!doc.bozo);
        QCOMPARE(htmlTitle(doc.utf8), Chinese);
    }
    void serverDefaultLatin1LosesToMeta()
    {
        const DecodedDocument doc =
            decodeHtmlPage(encode("GBK", page(QStringLiteral("<meta charset=gb2312>"), Chinese)),
                           QStringLiteral("text/html; charset=ISO-8859-1"));
        QCOMPARE(doc.encoding, QStringLiteral("gbk"));
        QVERIFY(doc.bozo);
        QCOMPARE(htmlTitle(doc.utf8), Chinese);
    }
    void declaredLegacyButUtf8()
    {
        const DecodedDocument doc =
            decodeHtmlPage(page(QStringLiteral("<meta charset=gb2312>"), Chinese).toUtf8());
        QCOMPARE(doc.encoding, QStringLiteral("utf-8"));
        QVERIFY(doc.bozo);
        QVERIFY(doc.bozoReason.contains(QLatin1String("valid UTF-8")));
        QCOMPARE(htmlTitle(doc.utf8), Chinese);
    }
    void declaredUtf8ButGbk()
    {
        const DecodedDocument doc =
            decodeHtmlPage(encode("GBK", page(QStringLiteral("<meta charset=utf-8>"), Chinese)));
        QCOMPARE(doc.encoding, QStringLiteral("gbk"));
        QVERIFY(doc.bozo);
        QCOMPARE(htmlTitle(doc.utf8), Chinese);
    }
    void latin1LabelIsWindows1252()
    {
        const QString title = QStringLiteral("“Quoted” café");
        const DecodedDocument doc = decodeHtmlPage(
            encode("windows-1252", page(QStringLiteral("<meta charset=iso-8859-1>"), title)));
        QCOMPARE(doc.encoding, QStringLiteral("windows-1252"));
        QVERIFY(!doc.bozo);
        QCOMPARE(htmlTitle(doc.utf8), title);
    }
    void invalidBytesBecomeReplacementCharacters()
    {
        QByteArray bytes = page(QStringLiteral("<meta charset=utf-8>"), Chinese + Chinese).toUtf8();
        bytes.replace("</title>", "\xFF</title>");
        const DecodedDocument doc = decodeHtmlPage(bytes);
        QCOMPARE(doc.encoding, QStringLiteral("utf-8"));
        QVERIFY(doc.bozo);
        QCOMPARE(htmlTitle(doc.utf8), Chinese + Chinese + QChar(0xFFFD));
    }
    void undeclared()
    {
        const QByteArray utf8 = page({}, Chinese).toUtf8();
        DecodedDocument doc = decodeHtmlPage(utf8);
        QCOMPARE(doc.encoding, QStringLiteral("utf-8"));
        QVERIFY(!doc.bozo);
        QCOMPARE(doc.utf8.constData(), utf8.constData()); // no copy

        doc = decodeHtmlPage(encode("GBK", page({}, Chinese)));
        QCOMPARE(doc.encoding, QStringLiteral("gbk"));
        QCOMPARE(htmlTitle(doc.utf8), Chinese);

        const QString latin = QStringLiteral("Déjà vu — “café”");
        doc = decodeHtmlPage(encode("windows-1252", page({}, latin)));
        QCOMPARE(doc.encoding, QStringLiteral("windows-1252"));
        QVERIFY(!doc.bozo);
        QCOMPARE(htmlTitle(doc.utf8), latin);
    }
    void unknownHttpCharsetIgnored()
    {
        const DecodedDocument doc =
            decodeHtmlPage(encode("GBK", page(QStringLiteral("<meta charset=gbk>"), Chinese)),
                           QStringLiteral("text/html; charset=x-nonsense"));
        QCOMPARE(doc.encoding, QStringLiteral("gbk"));
        QVERIFY(doc.bozo);
        QCOMPARE(htmlTitle(doc.utf8), Chinese);
    }
    void portalFixturePage()
    {
        QFile file(QStringLiteral(BROADSHEET_FIXTURES_DIR "/portal-a/article.html"));
        if (!file.open(QIODevice::ReadOnly))
            QSKIP("portal-a fixtures not found under BROADSHEET_FIXTURES_DIR");
        const DecodedDocument doc = decodeHtmlPage(file.readAll());
        QCOMPARE(doc.encoding, QStringLiteral("gbk"));
        QVERIFY2(!doc.bozo, qPrintable(doc.bozoReason));
        QVERIFY(text(doc).contains(QStringLiteral("北纬网")));
        QVERIFY(text(doc).contains(QStringLiteral("North Korea’s border city")));
        QVERIFY(htmlTitle(doc.utf8).endsWith(QStringLiteral("_资讯_北纬网")));
    }
};

QTEST_GUILESS_MAIN(TestPageCharset)
#include "test_page_charset.moc"
