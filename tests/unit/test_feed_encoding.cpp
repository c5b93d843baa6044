// decodeFeed and the CJK sniffer, on documents generated here with Qt's (ICU) encoders.
#include "feeds/FeedEncoding.h"
#include "text/CjkSniffer.h"
#include "text/XmlDeclaration.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QStringEncoder>
#include <QtTest>

#include <libxml/parser.h>
#include <libxml/tree.h>

using namespace bs;

namespace
{

QByteArray encode(const char *encoding, const QString &text)
{
    QStringEncoder encoder(encoding);
    Q_ASSERT(encoder.isValid());
    const QByteArray bytes = encoder.encode(text);
    Q_ASSERT(!encoder.hasError());
    return bytes;
}

// An RSS document with `title`, declaring `declared` unless it is empty.
QString rss(const QString &title, const char *declared = nullptr)
{
    QString head = declared ? QStringLiteral("<?xml version=\"1.0\" encoding=\"%1\"?>\n")
                                  .arg(QLatin1String(declared))
                            : QString();
    return head + QStringLiteral("<rss version=\"2.0\"><channel><title>%1</title></channel></rss>")
                      .arg(title);
}

QString text(const DecodedDocument &doc)
{
    return QString::fromUtf8(doc.utf8);
}

// The text of the first <title> element, parsed by libxml2 from the decoded bytes as they are.
QString xmlTitle(const QByteArray &utf8)
{
    xmlDocPtr doc = xmlReadMemory(utf8.constData(), int(utf8.size()), nullptr, nullptr,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!doc)
        return QStringLiteral("<not well-formed>");
    QString title;
    QList<xmlNode *> stack{xmlDocGetRootElement(doc)};
    while (!stack.isEmpty() && title.isEmpty()) {
        xmlNode *node = stack.takeFirst();
        for (; node; node = node->next) {
            if (node->type == XML_ELEMENT_NODE && xmlStrEqual(node->name, BAD_CAST "title")) {
                xmlChar *content = xmlNodeGetContent(node);
                title = QString::fromUtf8(reinterpret_cast<const char *>(content));
                xmlFree(content);
                break;
            }
            if (node->children)
                stack.append(node->children);
        }
    }
    xmlFreeDoc(doc);
    return title;
}

const QString Chinese = QStringLiteral("南湖日报 要闻");

} // namespace

class TestFeedEncoding : public QObject
{
    Q_OBJECT
private slots:
    void utf8WithoutBomIsSharedNotCopied()
    {
        const QByteArray bytes = rss(Chinese, "utf-8").toUtf8();
        const DecodedDocument doc = decodeFeed(bytes);
        QCOMPARE(doc.encoding, QStringLiteral("utf-8"));
        QVERIFY(!doc.bozo);
        QCOMPARE(doc.utf8.constData(), bytes.constData());
        QCOMPARE(xmlTitle(doc.utf8), Chinese);
    }
    void utf8BomIsDropped()
    {
        const DecodedDocument doc = decodeFeed("\xEF\xBB\xBF" + rss(Chinese).toUtf8());
        QCOMPARE(doc.encoding, QStringLiteral("utf-8"));
        QVERIFY(!doc.bozo);
        QVERIFY(doc.utf8.startsWith("<rss"));
        QCOMPARE(xmlTitle(doc.utf8), Chinese);
    }
    void utf16And32_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("encoding");
        const QString doc = rss(Chinese, "utf-16");
        const QString doc32 = rss(Chinese, "utf-32");
        QTest::newRow("UTF-16LE BOM") << "\xFF\xFE" + encode("UTF-16LE", doc) << "utf-16le";
        QTest::newRow("UTF-16BE BOM") << "\xFE\xFF" + encode("UTF-16BE", doc) << "utf-16be";
        QTest::newRow("UTF-16LE no BOM") << encode("UTF-16LE", doc) << "utf-16le";
        QTest::newRow("UTF-16BE no BOM") << encode("UTF-16BE", doc) << "utf-16be";
        QTest::newRow("UTF-32LE no BOM") << encode("UTF-32LE", doc32) << "utf-32le";
        QTest::newRow("UTF-32BE BOM")
            << QByteArray("\x00\x00\xFE\xFF", 4) + encode("UTF-32BE", doc32) << "utf-32be";
        QTest::newRow("UTF-16LE no BOM, no declaration")
            << encode("UTF-16LE", rss(Chinese)) << "utf-16le";
    }
    void utf16And32()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, encoding);
        const DecodedDocument doc = decodeFeed(bytes);
        QCOMPARE(doc.encoding, encoding);
        QVERIFY(text(doc).contains(Chinese));
        QVERIFY(!xmlDeclarationNeedsRewrite(doc.utf8));
        QCOMPARE(xmlTitle(doc.utf8), Chinese);
    }
    void gbkBytesLabelledGb2312()
    {
        // 镕 is in GBK but not in GB2312: real "gb2312" documents are GBK.
        const QString title = Chinese + QStringLiteral(" 朱镕基");
        const DecodedDocument doc = decodeFeed(encode("GBK", rss(title, "gb2312")));
        QCOMPARE(doc.encoding, QStringLiteral("gb18030"));
        QVERIFY2(!doc.bozo, qPrintable(doc.bozoReason));
        QVERIFY(doc.utf8.startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>"));
        QCOMPARE(xmlTitle(doc.utf8), title);
    }
    void httpCharsetOverridesDeclaration()
    {
        DecodedDocument doc = decodeFeed(rss(Chinese, "gb2312").toUtf8(),
                                         QStringLiteral("application/rss+xml; charset=\"UTF-8\""));
        QCOMPARE(doc.encoding, QStringLiteral("utf-8"));
        QVERIFY(!doc.bozo);
        QCOMPARE(xmlTitle(doc.utf8), Chinese);

        doc = decodeFeed(encode("windows-1252", rss(QStringLiteral("“quoted” – dash"), "utf-8")),
                         QStringLiteral("text/xml; charset=windows-1252"));
        QCOMPARE(doc.encoding, QStringLiteral("windows-1252"));
        QVERIFY(!doc.bozo);
        QCOMPARE(xmlTitle(doc.utf8), QStringLiteral("“quoted” – dash"));
    }
    void textXmlWithoutCharsetIsUsAscii()
    {
        DecodedDocument doc =
            decodeFeed(rss(QStringLiteral("plain"), "utf-8").toUtf8(), QStringLiteral("text/xml"));
        QCOMPARE(doc.encoding, QStringLiteral("us-ascii"));
        QVERIFY(!doc.bozo);
        doc = decodeFeed(rss(Chinese, "utf-8").toUtf8(), QStringLiteral("text/xml"));
        QCOMPARE(doc.encoding, QStringLiteral("utf-8"));
        QVERIFY(doc.bozo);
        QVERIFY(doc.bozoReason.contains(QLatin1String("us-ascii")));
    }
    void textPlainIsBozo()
    {
        DecodedDocument doc =
            decodeFeed(rss(QStringLiteral("plain")).toUtf8(), QStringLiteral("text/plain"));
        QVERIFY(doc.bozo);
        QVERIFY(doc.bozoReason.contains(QLatin1String("not an XML media type")));
        QCOMPARE(doc.encoding, QStringLiteral("us-ascii"));
        doc = decodeFeed(rss(Chinese).toUtf8(), QStringLiteral("text/html; charset=utf-8"));
        QVERIFY(doc.bozo);
        QCOMPARE(doc.encoding, QStringLiteral("utf-8"));
        QCOMPARE(xmlTitle(doc.utf8), Chinese);
    }
    void invalidUtf8BecomesReplacementCharacter()
    {
        const QByteArray good = (Chinese + Chinese + Chinese).toUtf8();
        const QByteArray bytes =
            rss(QString(), "utf-8")
                .toUtf8()
                .replace("<title></title>", "<title>" + good + "\xFF" + good + "\xE5\x8C</title>");
        const DecodedDocument doc = decodeFeed(bytes);
        QCOMPARE(doc.encoding, QStringLiteral("utf-8"));
        QVERIFY(doc.bozo);
        QVERIFY(doc.bozoReason.contains(QLatin1String("U+FFFD")));
        const QString expected = Chinese + Chinese + Chinese;
        QCOMPARE(xmlTitle(doc.utf8), expected + QChar(0xFFFD) + expected + QChar(0xFFFD));
    }
    void legacyEncodings_data()
    {
        QTest::addColumn<QByteArray>("codec");
        QTest::addColumn<QByteArray>("label");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("encoding");
        QTest::newRow("Big5") << QByteArray("Big5") << QByteArray("big5")
                              << QStringLiteral("中文新聞網站") << "big5";
        QTest::newRow("Shift_JIS") << QByteArray("Shift_JIS") << QByteArray("Shift_JIS")
                                   << QStringLiteral("日本語のニュース") << "shift_jis";
        QTest::newRow("EUC-JP") << QByteArray("EUC-JP") << QByteArray("euc-jp")
                                << QStringLiteral("日本語のニュース") << "euc-jp";
        QTest::newRow("EUC-KR") << QByteArray("EUC-KR") << QByteArray("euc-kr")
                                << QStringLiteral("한국어 뉴스") << "euc-kr";
        QTest::newRow("KOI8-R") << QByteArray("KOI8-R") << QByteArray("koi8-r")
                                << QStringLiteral("Новости дня") << "koi8-r";
        QTest::newRow("windows-1251") << QByteArray("windows-1251") << QByteArray("cp1251")
                                      << QStringLiteral("Новости дня") << "cp1251";
        QTest::newRow("ISO-8859-7") << QByteArray("ISO-8859-7") << QByteArray("iso-8859-7")
                                    << QStringLiteral("Ειδήσεις") << "iso-8859-7";
        QTest::newRow("windows-1252") << QByteArray("windows-1252") << QByteArray("windows-1252")
                                      << QStringLiteral("“smart” quotes – €") << "windows-1252";
        QTest::newRow("EBCDIC") << QByteArray("IBM037") << QByteArray("cp037")
                                << QStringLiteral("EBCDIC news") << "cp037";
        // Latin-1 labels read 0x80-0x9F with windows-1252's table.
        QTest::newRow("iso-8859-1") << QByteArray("windows-1252") << QByteArray("ISO-8859-1")
                                    << QStringLiteral("“smart” café") << "iso-8859-1";
    }
    void legacyEncodings()
    {
        QFETCH(QByteArray, codec);
        QFETCH(QByteArray, label);
        QFETCH(QString, title);
        QFETCH(QString, encoding);
        const DecodedDocument doc =
            decodeFeed(encode(codec.constData(), rss(title, label.constData())));
        QCOMPARE(doc.encoding, encoding);
        QVERIFY2(!doc.bozo, qPrintable(doc.bozoReason));
        QCOMPARE(xmlTitle(doc.utf8), title);
    }
    void undeclaredWindows1252IsBozo()
    {
        const QString title = QStringLiteral("“smart” quotes");
        const DecodedDocument doc = decodeFeed(encode("windows-1252", rss(title)));
        QCOMPARE(doc.encoding, QStringLiteral("windows-1252"));
        QVERIFY(doc.bozo);
        QCOMPARE(xmlTitle(doc.utf8), title);
    }
    void utf8LabelledLatin1ReadsAsUtf8()
    {
        const DecodedDocument doc = decodeFeed(rss(QStringLiteral("café"), "iso-8859-1").toUtf8());
        QCOMPARE(doc.encoding, QStringLiteral("utf-8"));
        QVERIFY(doc.bozo);
        QVERIFY(doc.bozoReason.contains(QLatin1String("valid UTF-8")));
        QCOMPARE(xmlTitle(doc.utf8), QStringLiteral("café"));
    }
    void undeclaredGbkIsGuessed()
    {
        const QString title = QStringLiteral("上半年规上工业增加值增长 工业经济迈向更高质量发展");
        const DecodedDocument doc = decodeFeed(encode("GBK", rss(title)));
        QCOMPARE(doc.encoding, QStringLiteral("gb18030"));
        QVERIFY(doc.bozo);
        QCOMPARE(xmlTitle(doc.utf8), title);
    }
    void byteOrderMarkBeatsAsciiCharset()
    {
        const QByteArray bytes = "\xFF\xFE" + encode("UTF-16LE", rss(Chinese));
        const DecodedDocument doc =
            decodeFeed(bytes, QStringLiteral("application/xml; charset=us-ascii"));
        QCOMPARE(doc.encoding, QStringLiteral("utf-16le"));
        QVERIFY(doc.bozo);
        QCOMPARE(xmlTitle(doc.utf8), Chinese);
    }
    void loneSurrogateIsReplaced()
    {
        QByteArray bytes = "\xFF\xFE" + encode("UTF-16LE", rss(QStringLiteral("ab")));
        bytes.replace(QByteArray("a\0b\0", 4), QByteArray("a\0\x00\xD8", 4));
        const DecodedDocument doc = decodeFeed(bytes);
        QVERIFY(doc.bozo);
        QVERIFY(QByteArrayView(doc.utf8).isValidUtf8());
        QCOMPARE(xmlTitle(doc.utf8), QStringLiteral("a") + QChar(0xFFFD));
    }
    void bogusLabelFallsBack()
    {
        const DecodedDocument doc = decodeFeed(rss(Chinese, "bogus").toUtf8());
        QCOMPARE(doc.encoding, QStringLiteral("utf-8"));
        QVERIFY(doc.bozo);
        QCOMPARE(xmlTitle(doc.utf8), Chinese);
    }
    void declarationRewriteKeepsOtherAttributes()
    {
        QByteArray utf8("<?xml version=\"1.1\" encoding='ISO-8859-1' standalone=\"yes\"?><a/>");
        rewriteXmlDeclarationEncoding(utf8);
        QCOMPARE(utf8,
                 QByteArray("<?xml version=\"1.1\" encoding='utf-8' standalone=\"yes\"?><a/>"));
        QCOMPARE(xmlDeclarationEncoding("<?xml version='1.0' encoding = \"koi8-r\" ?>\n"),
                 QByteArray("koi8-r"));
        QCOMPARE(xmlDeclarationEncoding("<rss encoding='x'?>"), QByteArray());
    }
    // NUL bytes are passed through as they are: the XML parser reports them.
    void nulBytesPassThrough()
    {
        const QByteArray bytes("<rss>a\0b</rss>", 14);
        const DecodedDocument doc = decodeFeed(bytes);
        QCOMPARE(doc.utf8, bytes);
    }
    void jsonFeedIsLeftAlone()
    {
        const QByteArray bytes = QStringLiteral("{\"title\": \"%1\"}").arg(Chinese).toUtf8();
        const DecodedDocument doc = decodeFeed(bytes, QStringLiteral("application/feed+json"));
        QCOMPARE(doc.encoding, QStringLiteral("utf-8"));
        QVERIFY(!doc.bozo);
        QCOMPARE(doc.utf8, bytes);
    }
    void garbageNeverCrashes()
    {
        const char *const labels[] = {"utf-8",  "utf-16", "gb2312", "big5",  "shift_jis",
                                      "euc-jp", "bogus",  "utf-32", "cp037", "koi8-r"};
        const QString types[] = {{},
                                 QStringLiteral("text/xml"),
                                 QStringLiteral("application/xml; charset=gbk"),
                                 QStringLiteral("text/plain"),
                                 QStringLiteral("application/json")};
        QRandomGenerator random(20240922);
        for (int i = 0; i < 400; ++i) {
            QByteArray bytes;
            if (i % 3 == 0)
                bytes = QByteArray("<?xml version=\"1.0\" encoding=\"") + labels[i % 10] + "\"?>";
            if (i % 7 == 0)
                bytes.prepend(i % 2 ? "\xFF\xFE" : "\xEF\xBB\xBF");
            const int length = int(random.bounded(300));
            for (int k = 0; k < length; ++k)
                bytes.append(char(random.bounded(256)));
            const DecodedDocument doc = decodeFeed(bytes, types[i % 5]);
            QVERIFY(QByteArrayView(doc.utf8).isValidUtf8());
            QVERIFY(!doc.encoding.isEmpty());
        }
    }
    void largeUtf8FeedIsFast()
    {
        const QByteArray item = QStringLiteral("<item><title>%1 news</title><description>Text "
                                               "with 中文 and ASCII mixed.</description></item>\n")
                                    .arg(Chinese)
                                    .toUtf8();
        QByteArray bytes = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss><channel>";
        bytes.reserve(21 * 1024 * 1024);
        while (bytes.size() < 20 * 1024 * 1024)
            bytes.append(item);
        bytes.append("</channel></rss>");
        QElapsedTimer timer;
        timer.start();
        const DecodedDocument doc = decodeFeed(bytes);
        const qint64 ms = timer.elapsed();
        qInfo("20 MB UTF-8 feed decoded in %lld ms", ms);
        QCOMPARE(doc.encoding, QStringLiteral("utf-8"));
        QCOMPARE(doc.utf8.constData(), bytes.constData()); // no copy
#if defined(NDEBUG) && !defined(__SANITIZE_ADDRESS__)
        // Optimised builds only: the sanitizer build is unoptimised and instrumented.
        QVERIFY2(ms < 100, "expected a few milliseconds; generous for a loaded machine");
#endif
    }
    void cjkSniffer_data()
    {
        QTest::addColumn<QByteArray>("codec");
        QTest::addColumn<QString>("sample");
        QTest::addColumn<QByteArray>("expected");
        const QString hans = QStringLiteral("新型天然气水合物海洋探测系统在青岛面世，"
                                            "喜迎全民健身日 男女老少动起来");
        const QString hant =
            QStringLiteral("這是一個關於台灣經濟發展的新聞報導，政府表示將繼續推動改革");
        const QString ja = QStringLiteral("東京都は今日、新しい計画を発表しました。"
                                          "これからの生活について話し合います。");
        const QString ko = QStringLiteral("서울시는 오늘 새로운 계획을 발표했습니다. 시민들의 "
                                          "생활이 더 좋아질 것이라고 말했다.");
        QTest::newRow("GBK") << QByteArray("GBK") << hans << QByteArray("gbk");
        QTest::newRow("Big5") << QByteArray("Big5") << hant << QByteArray("big5");
        QTest::newRow("Shift_JIS") << QByteArray("Shift_JIS") << ja << QByteArray("shift_jis");
        QTest::newRow("EUC-JP") << QByteArray("EUC-JP") << ja << QByteArray("euc-jp");
        QTest::newRow("EUC-KR") << QByteArray("EUC-KR") << ko << QByteArray("euc-kr");
        QTest::newRow("Latin") << QByteArray("windows-1252")
                               << QStringLiteral("Déjà vu, café crème") << QByteArray();
        QTest::newRow("UTF-8") << QByteArray("UTF-8") << hans << QByteArray();
        QTest::newRow("too short") << QByteArray("GBK") << QStringLiteral("中") << QByteArray();
    }
    void cjkSniffer()
    {
        QFETCH(QByteArray, codec);
        QFETCH(QString, sample);
        QFETCH(QByteArray, expected);
        QCOMPARE(charset::sniffCjkEncoding(encode(codec.constData(), sample)), expected);
    }
    void portalFixtureFeed()
    {
        QFile file(QStringLiteral(BROADSHEET_FIXTURES_DIR "/portal-a/feed.xml"));
        if (!file.open(QIODevice::ReadOnly))
            QSKIP("portal-a fixtures not found under BROADSHEET_FIXTURES_DIR");
        const DecodedDocument doc = decodeFeed(file.readAll());
        QCOMPARE(doc.encoding, QStringLiteral("gb18030"));
        QVERIFY2(!doc.bozo, qPrintable(doc.bozoReason));
        QVERIFY(text(doc).contains(QStringLiteral("北纬网")));
        QCOMPARE(xmlTitle(doc.utf8), QStringLiteral("北纬网 - 资讯"));
    }
};

QTEST_GUILESS_MAIN(TestFeedEncoding)
#include "test_feed_encoding.moc"
