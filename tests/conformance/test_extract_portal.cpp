// The extractor on the portal-a fixture (a GBK-encoded Chinese portal page carrying an English
// article), read at run time from BROADSHEET_FIXTURES_DIR: every field of expected.json.
// Skips when the fixture is absent.

#include "feeds/FeedParser.h"
#include "html/Extractor.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace bs;

class TestExtractPortal : public QObject
{
    Q_OBJECT
private:
    QDir m_dir;
    QJsonObject m_expected;
    ExtractedArticle m_article;

private slots:
    void initTestCase()
    {
        m_dir = QDir(QStringLiteral(BROADSHEET_FIXTURES_DIR "/portal-a"));
        if (!m_dir.exists(QStringLiteral("article.html")) ||
            !m_dir.exists(QStringLiteral("expected.json")))
            QSKIP("portal-a fixture not found under BROADSHEET_FIXTURES_DIR");
        QFile expected(m_dir.filePath(QStringLiteral("expected.json")));
        QVERIFY(expected.open(QIODevice::ReadOnly));
        m_expected = QJsonDocument::fromJson(expected.readAll()).object();
        QVERIFY(!m_expected.isEmpty());
        QFile page(m_dir.filePath(QStringLiteral("article.html")));
        QVERIFY(page.open(QIODevice::ReadOnly));
        // As if fetched from the article's own address.
        m_article = extractArticle(page.readAll(),
                                   QUrl(m_expected.value(QStringLiteral("url")).toString()));
        QVERIFY2(m_article.ok(), qPrintable(m_article.error));
    }
    void title()
    {
        QCOMPARE(m_article.title, m_expected.value(QStringLiteral("title")).toString());
    }
    void publishedLocal()
    {
        // The page writes China time without a zone.
        QVERIFY(m_article.published.isValid());
        QCOMPARE(m_article.published.toOffsetFromUtc(8 * 3600).toString(
                     QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                 m_expected.value(QStringLiteral("published_local")).toString());
    }
    void categoryAndSource()
    {
        QCOMPARE(m_article.category, m_expected.value(QStringLiteral("category")).toString());
        QCOMPARE(m_article.source, m_expected.value(QStringLiteral("source")).toString());
    }
    void byline()
    {
        QCOMPARE(m_article.byline, m_expected.value(QStringLiteral("byline")).toString());
    }
    void paragraphs()
    {
        QStringList ps;
        for (const QString &p : m_article.text.split(QStringLiteral("\n\n"), Qt::SkipEmptyParts))
            if (!p.trimmed().isEmpty())
                ps << p.trimmed();
        QCOMPARE(ps.size(), m_expected.value(QStringLiteral("paragraphs")).toInt());
        QCOMPARE(ps.first(), m_expected.value(QStringLiteral("first_paragraph")).toString());
        QCOMPARE(ps.last(), m_expected.value(QStringLiteral("last_paragraph")).toString());
        // The article HTML holds the same paragraphs.
        QCOMPARE(m_article.contentHtml.count(QStringLiteral("<p>")), ps.size());
    }
    void mustNotContain()
    {
        const QJsonArray banned = m_expected.value(QStringLiteral("must_not_contain")).toArray();
        QVERIFY(!banned.isEmpty());
        for (const QJsonValue &v : banned) {
            QVERIFY2(!m_article.text.contains(v.toString()), qPrintable(v.toString()));
            QVERIFY2(!m_article.contentHtml.contains(v.toString()), qPrintable(v.toString()));
        }
    }
    void related()
    {
        const QJsonArray expected = m_expected.value(QStringLiteral("related")).toArray();
        QCOMPARE(m_article.related.size(), expected.size());
        for (int i = 0; i < expected.size(); ++i) {
            const QJsonObject e = expected.at(i).toObject();
            QCOMPARE(m_article.related.at(i).title, e.value(QStringLiteral("title")).toString());
            QCOMPARE(m_article.related.at(i).url.toString(),
                     e.value(QStringLiteral("url")).toString());
            QVERIFY(!m_article.related.at(i).snippet.contains(QStringLiteral("[详细]")));
        }
    }
    void feedItems()
    {
        // The portal's feed (feed.xml), announced by the page.
        QVERIFY(!m_article.feeds.isEmpty());
        QFile feed(m_dir.filePath(QStringLiteral("feed.xml")));
        if (!feed.open(QIODevice::ReadOnly))
            QSKIP("portal-a feed.xml not found");
        FeedSource source;
        source.url = m_article.feeds.first().url;
        source.zonelessZone = QTimeZone(8 * 3600);
        const ParsedFeed parsed = parseFeed(feed.readAll(), source);
        const QList<Article> articles = parsed.articles(1);
        QCOMPARE(articles.size(), m_expected.value(QStringLiteral("feed_items")).toInt());
        QCOMPARE(articles.first().title, m_article.title);
    }
};

QTEST_GUILESS_MAIN(TestExtractPortal)
#include "test_extract_portal.moc"
