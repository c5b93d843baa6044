// The shared portal fixture (a GB2312 news portal feed, read at run time from
// BROADSHEET_FIXTURES_DIR; skipped when absent): parsed into a profile through the store, a
// two-character Chinese query finds the story about Qingdao, and exactly the stories whose text
// holds those characters.

#include "feeds/FeedParser.h"
#include "html/HtmlText.h"
#include "search/SearchEngine.h"
#include "store/ArticleStore.h"
#include "store/Database.h"
#include "store/FeedStore.h"

#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

using namespace bs;

class TestSearchPortal : public QObject
{
    Q_OBJECT
private slots:
    void twoCharacterQueryFindsQingdao()
    {
        QFile file(QStringLiteral(BROADSHEET_FIXTURES_DIR "/portal-a/feed.xml"));
        if (!file.open(QIODevice::ReadOnly))
            QSKIP("shared portal-a fixture not present");
        const ParsedFeed parsed = parseFeed(file.readAll());
        QVERIFY(!parsed.articles(1).isEmpty());

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("portal.sqlite"));
        QString error;
        auto writer = Database::openWriter(path, &error);
        QVERIFY2(writer, qPrintable(error));
        Feed info = parsed.feedInfo();
        info.url = QUrl(QStringLiteral("http://news.example.test/rss.xml"));
        const auto feedId = FeedStore(*writer).addFeed(info);
        QVERIFY(feedId);
        const QList<Article> articles = parsed.articles(*feedId);
        QList<ArticleStore::SaveResult> saved;
        QVERIFY2(ArticleStore(*writer).saveAll(articles, &saved), qPrintable(writer->lastError()));

        // The oracle: the stories whose title or text holds the two characters.
        const QString qingdao = QStringLiteral("青岛");
        QSet<qint64> expected;
        QString story;
        for (int i = 0; i < articles.size(); ++i) {
            const Article &a = articles[i];
            const QString text = a.title + QLatin1Char(' ') + htmlToPlainText(a.summary) +
                                 QLatin1Char(' ') + htmlToPlainText(a.content);
            if (text.contains(qingdao)) {
                expected.insert(saved[i].id);
                if (a.title.contains(qingdao))
                    story = a.title;
            }
        }
        QVERIFY2(!story.isEmpty(), "the fixture has a story about Qingdao in its titles");

        auto reader = Database::openReader(path, &error);
        QVERIFY2(reader, qPrintable(error));
        const auto query = SearchQuery::parse(qingdao, &error);
        QVERIFY2(query, qPrintable(error));
        const auto hits = SearchEngine(*reader).search(*query, {}, &error);
        QVERIFY2(hits, qPrintable(error));
        QSet<qint64> found;
        for (const SearchHit &h : *hits)
            found.insert(h.id);
        QCOMPARE(found, expected);
        // The story with the name in its title ranks first, the match highlighted whole.
        QCOMPARE(hits->first().title, story);
        QVERIFY(hits->first().snippet.contains(SearchEngine::kMarkOpen + qingdao +
                                               SearchEngine::kMarkClose));
    }
};

QTEST_GUILESS_MAIN(TestSearchPortal)
#include "test_search_portal.moc"
