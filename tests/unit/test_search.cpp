// Search end to end on a real profile: articles saved through ArticleStore (index kept by the
// store), queries parsed by SearchQuery and run by SearchEngine on a read-only connection.
// Every query operator, CJK queries of 1, 2, 3 and 6 characters, Japanese and Korean, mixed
// scripts, diacritics, prefixes, ranking, snippets, paging, malformed queries and SQL injection
// attempts in every field. The articles are written for this test.

#include "search/SearchEngine.h"
#include "search/SearchQuery.h"
#include "store/ArticleStore.h"
#include "store/Database.h"
#include "store/FeedStore.h"
#include "store/SqlQuery.h"
#include "store/StatusStore.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace bs;

namespace
{

QDateTime day(int y, int m, int d)
{
    return QDateTime(QDate(y, m, d), QTime(12, 0), QTimeZone::utc());
}

} // namespace

class TestSearch : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<Database> m_writer;
    std::unique_ptr<Database> m_reader;
    QHash<QString, qint64> m_id; // article key -> id
    qint64 m_harbour = 0, m_wire = 0, m_sports = 0;

    qint64 add(const QString &key, qint64 feed, const QString &title, const QString &author,
               const QString &body, const QDateTime &published, const QString &summary = {})
    {
        Article a;
        a.feedId = feed;
        a.guid = key;
        a.url = QUrl(QStringLiteral("https://example.test/") + key);
        a.title = title;
        a.author = author;
        a.content =
            body.isEmpty() ? QString() : QStringLiteral("<p>") + body + QStringLiteral("</p>");
        a.summary = summary;
        a.published = published;
        const auto r = ArticleStore(*m_writer).save(a);
        if (r.outcome != ArticleStore::SaveOutcome::Inserted)
            qFatal("could not save %s", qPrintable(key));
        m_id.insert(key, r.id);
        return r.id;
    }

    QSet<QString> keysOf(const QList<SearchHit> &hits)
    {
        QSet<QString> out;
        for (const SearchHit &h : hits)
            out.insert(m_id.key(h.id));
        return out;
    }

    QList<SearchHit> run(const QString &text, SearchOptions options = {},
                         const QDateTime &now = day(2024, 4, 3))
    {
        QString error;
        const auto query = SearchQuery::parse(text, &error, now);
        if (!query) {
            qFatal("parse failed for %s: %s", qPrintable(text), qPrintable(error));
            return {};
        }
        const auto hits = SearchEngine(*m_reader).search(*query, options, &error);
        if (!hits) {
            qFatal("search failed for %s: %s", qPrintable(text), qPrintable(error));
            return {};
        }
        // count() agrees with a full listing.
        SearchOptions all = options;
        all.limit = 1000;
        all.offset = 0;
        const auto listed = SearchEngine(*m_reader).search(*query, all, &error);
        const auto counted = SearchEngine(*m_reader).count(*query, options, &error);
        if (!listed || !counted || *counted != listed->size())
            qFatal("count() disagrees with search() for %s", qPrintable(text));
        return *hits;
    }

    QSet<QString> found(const QString &text, SearchOptions options = {})
    {
        return keysOf(run(text, options));
    }

    static QSet<QString> keys(const char *spaceSeparated)
    {
        QSet<QString> out;
        for (const QString &k :
             QString::fromLatin1(spaceSeparated).split(QLatin1Char(' '), Qt::SkipEmptyParts))
            out.insert(k);
        return out;
    }

    QString parseError(const QString &text)
    {
        QString error;
        const auto query = SearchQuery::parse(text, &error, day(2024, 4, 3));
        return query ? QString() : error;
    }

private slots:
    void initTestCase()
    {
        m_path = m_dir.filePath(QStringLiteral("search.sqlite"));
        QString error;
        m_writer = Database::openWriter(m_path, &error);
        QVERIFY2(m_writer, qPrintable(error));
        FeedStore feeds(*m_writer);
        const auto news = feeds.folderId(QStringLiteral("News"));
        QVERIFY(news);
        const auto asia = feeds.folderId(QStringLiteral("Asia"), *news);
        QVERIFY(asia);
        m_harbour = *feeds.addFeed(Feed{.folderId = *news,
                                        .url = QUrl(QStringLiteral("https://harbour.test/rss")),
                                        .title = QStringLiteral("Harbour Times")});
        m_wire = *feeds.addFeed(Feed{.folderId = *asia,
                                     .url = QUrl(QStringLiteral("https://wire.test/rss")),
                                     .title = QStringLiteral("East Asia Wire")});
        m_sports = *feeds.addFeed(Feed{.url = QUrl(QStringLiteral("https://sports.test/rss")),
                                       .title = QStringLiteral("Sports Desk")});

        add(QStringLiteral("ferry"), m_harbour,
            QStringLiteral("Ferry service returns to the harbour"), QStringLiteral("Maria Lopez"),
            QStringLiteral("The boat between the islands resumed on Monday after storm repairs. "
                           "Officials said the café at the pier reopens too."),
            day(2024, 3, 1));
        add(QStringLiteral("budget"), m_harbour, QStringLiteral("City budget debate runs late"),
            QStringLiteral("Tom Reed"),
            QStringLiteral("Councillors argued over spending. A ferry subsidy for the islands "
                           "was mentioned once, near midnight."),
            day(2024, 3, 5));
        add(QStringLiteral("kaesong"), m_wire, QStringLiteral("开城工业园区重新开放的可能性"),
            QStringLiteral("记者"),
            QStringLiteral("统一部官员表示，位于开城的工业园区短期内不会恢复运营。多家企业仍在"
                           "等待补偿。"),
            day(2024, 2, 10));
        add(QStringLiteral("qingdao"), m_wire, QStringLiteral("青岛港口吞吐量创新高"), QString(),
            QStringLiteral("青岛港今年上半年集装箱吞吐量增长百分之八，码头自动化改造功不可没。"),
            day(2024, 4, 1));
        add(QStringLiteral("metro"), m_wire, QStringLiteral("城市地铁新线路开通"), QString(),
            QStringLiteral("新线路连接机场与市中心，全程约三十分钟。"), day(2024, 3, 20));
        add(QStringLiteral("tokyo"), m_wire, QStringLiteral("東京の桜が満開に"), QString(),
            QStringLiteral("東京都心で桜が満開となり、上野公園には多くの花見客が訪れた。"),
            day(2024, 3, 28));
        add(QStringLiteral("korea"), m_wire, QStringLiteral("개성공단 재가동 논의"), QString(),
            QStringLiteral("남북 당국이 개성공단 재가동 문제를 논의했다."), day(2024, 3, 15));
        add(QStringLiteral("cafe"), m_sports, QStringLiteral("Cafe owners celebrate league win"),
            QStringLiteral("Ana Müller"),
            QStringLiteral("The naïve crowd cheered the match late into the night."),
            day(2024, 3, 10));
        add(QStringLiteral("marathon"), m_sports,
            QStringLiteral("Qingdao 青岛 marathon draws runners"), QString(),
            QStringLiteral("Runners from 30 countries joined along the 海滨 road at dawn."),
            day(2024, 3, 31));
        add(QStringLiteral("letters"), m_harbour, QStringLiteral("Reader letters"), QString(),
            QStringLiteral("He typed '; DROP TABLE articles; -- into the box, then x' OR 1=1."),
            day(2024, 1, 5));
        add(QStringLiteral("keeper-old"), m_sports, QStringLiteral("Lighthouse keeper retires"),
            QString(), QStringLiteral("After forty winters the lamp goes electric."),
            day(2023, 11, 1));
        add(QStringLiteral("keeper-new"), m_sports, QStringLiteral("Lighthouse keeper retires"),
            QString(), QStringLiteral("After forty winters the lamp goes electric."),
            day(2023, 12, 1));
        // A summary beside the body is indexed in its own column.
        add(QStringLiteral("summary"), m_harbour, QStringLiteral("Tide tables"), QString(),
            QStringLiteral("Full tables for the spring."), day(2024, 2, 1),
            QStringLiteral("<p>Spring <b>equinox</b> tides</p>"));

        StatusStore status(*m_writer);
        QCOMPARE(status.setStarred({m_id[QStringLiteral("ferry")]}, true), 1);
        QCOMPARE(
            status.setRead({m_id[QStringLiteral("budget")], m_id[QStringLiteral("cafe")]}, true),
            2);
        SqlQuery q(*m_writer);
        QVERIFY(q.exec(QStringLiteral("INSERT INTO labels(id, name) VALUES (1, 'Keep')")));
        q.prepare(QStringLiteral("INSERT INTO article_labels(article_id, label_id) VALUES (?, 1)"));
        q.bind(m_id[QStringLiteral("cafe")]);
        QVERIFY(q.exec());

        m_reader = Database::openReader(m_path, &error);
        QVERIFY2(m_reader, qPrintable(error));
    }

    void wordsMustAllMatch()
    {
        QCOMPARE(found(QStringLiteral("islands")), keys("ferry budget"));
        QCOMPARE(found(QStringLiteral("islands storm")), keys("ferry"));
        QCOMPARE(found(QStringLiteral("islands volcano")), keys(""));
    }

    void diacriticsAndCase()
    {
        QCOMPARE(found(QStringLiteral("cafe")), keys("ferry cafe"));
        QCOMPARE(found(QStringLiteral("CAFÉ")), keys("ferry cafe"));
        QCOMPARE(found(QStringLiteral("naive")), keys("cafe"));
        QCOMPARE(found(QStringLiteral("author:muller")), keys("cafe"));
    }

    void prefix()
    {
        QCOMPARE(found(QStringLiteral("harb*")), keys("ferry budget letters summary"));
        QCOMPARE(found(QStringLiteral("isl*")), keys("ferry budget"));
        QCOMPARE(found(QStringLiteral("title:light*")), keys("keeper-old keeper-new"));
    }

    void phrase()
    {
        QCOMPARE(found(QStringLiteral("\"between the islands\"")), keys("ferry"));
        QCOMPARE(found(QStringLiteral("\"islands between\"")), keys(""));
        QCOMPARE(found(QStringLiteral("\"drop table articles\"")), keys("letters"));
    }

    void exclusion()
    {
        QCOMPARE(found(QStringLiteral("islands -storm")), keys("budget"));
        QCOMPARE(found(QStringLiteral("islands -\"storm repairs\"")), keys("budget"));
        QCOMPARE(found(QStringLiteral("islands -title:ferry")), keys("budget"));
        // Only exclusions: everything else.
        QCOMPARE(run(QStringLiteral("-islands")).size(), m_id.size() - 2);
    }

    void orGroups()
    {
        QCOMPARE(found(QStringLiteral("marathon OR 开城")), keys("kaesong marathon"));
        QCOMPARE(found(QStringLiteral("marathon OR lighthouse runners")), keys("marathon"));
        QCOMPARE(found(QStringLiteral("title:ferry OR author:reed")), keys("ferry budget"));
    }

    void titleAndAuthor()
    {
        QCOMPARE(found(QStringLiteral("ferry")), keys("ferry budget"));
        QCOMPARE(found(QStringLiteral("title:ferry")), keys("ferry"));
        QCOMPARE(found(QStringLiteral("title:\"keeper retires\"")), keys("keeper-old keeper-new"));
        QCOMPARE(found(QStringLiteral("author:lopez")), keys("ferry"));
        QCOMPARE(found(QStringLiteral("author:\"tom reed\"")), keys("budget"));
    }

    void feedAndFolder()
    {
        QCOMPARE(found(QStringLiteral("feed:harbour islands")), keys("ferry budget"));
        QCOMPARE(found(QStringLiteral("feed:SPORTS")), keys("cafe marathon keeper-old keeper-new"));
        QCOMPARE(found(QStringLiteral("feed:%1").arg(m_sports)),
                 keys("cafe marathon keeper-old keeper-new"));
        QCOMPARE(found(QStringLiteral("folder:asia")), keys("kaesong qingdao metro tokyo korea"));
        // A folder includes its subfolders.
        QCOMPARE(found(QStringLiteral("folder:news 城")), keys("kaesong metro"));
        QCOMPARE(found(QStringLiteral("-folder:news")),
                 keys("cafe marathon keeper-old keeper-new"));
        // The feed's title is indexed: a plain word finds its articles.
        QCOMPARE(found(QStringLiteral("wire")), keys("kaesong qingdao metro tokyo korea"));
    }

    void statusFilters()
    {
        QCOMPARE(found(QStringLiteral("is:starred")), keys("ferry"));
        QCOMPARE(found(QStringLiteral("is:saved")), keys("ferry cafe"));
        QCOMPARE(found(QStringLiteral("label:keep")), keys("cafe"));
        QCOMPARE(found(QStringLiteral("label:other")), keys(""));
        QCOMPARE(found(QStringLiteral("is:read")), keys("budget cafe"));
        QCOMPARE(found(QStringLiteral("islands is:unread")), keys("ferry"));
        QCOMPARE(found(QStringLiteral("islands -is:unread")), keys("budget"));
    }

    void dates()
    {
        QCOMPARE(found(QStringLiteral("after:2024-03-20 before:2024-04-01")),
                 keys("metro tokyo marathon"));
        QCOMPARE(found(QStringLiteral("before:2023-12-01")), keys("keeper-old"));
        // Relative to now (2024-04-03 12:00 UTC here).
        QCOMPARE(found(QStringLiteral("after:7d")), keys("qingdao tokyo marathon"));
        QCOMPARE(found(QStringLiteral("after:yesterday")), keys(""));
        QCOMPARE(found(QStringLiteral("lighthouse before:1y")), keys(""));
    }

    void chineseOneTwoThreeSixCharacters()
    {
        QCOMPARE(found(QStringLiteral("城")), keys("kaesong metro"));
        QCOMPARE(found(QStringLiteral("开城")), keys("kaesong"));
        QCOMPARE(found(QStringLiteral("青岛")), keys("qingdao marathon"));
        QCOMPARE(found(QStringLiteral("工业园")), keys("kaesong"));
        QCOMPARE(found(QStringLiteral("吞吐量")), keys("qingdao"));
        QCOMPARE(found(QStringLiteral("工业园区短期")), keys("kaesong"));
        QCOMPARE(found(QStringLiteral("集装箱吞吐量")), keys("qingdao"));
        // The characters must stand together and in order.
        QCOMPARE(found(QStringLiteral("园区工业")), keys(""));
        QCOMPARE(found(QStringLiteral("开放城")), keys(""));
        // Two CJK words are two terms (both must match).
        QCOMPARE(found(QStringLiteral("开城 补偿")), keys("kaesong"));
        QCOMPARE(found(QStringLiteral("开城 吞吐量")), keys(""));
    }

    void japaneseAndKorean()
    {
        QCOMPARE(found(QStringLiteral("桜")), keys("tokyo"));
        QCOMPARE(found(QStringLiteral("満開")), keys("tokyo"));
        QCOMPARE(found(QStringLiteral("花見客")), keys("tokyo"));
        QCOMPARE(found(QStringLiteral("개성공단")), keys("korea"));
        QCOMPARE(found(QStringLiteral("공단")), keys("korea"));
    }

    void mixedScripts()
    {
        QCOMPARE(found(QStringLiteral("qingdao 青岛")), keys("marathon"));
        QCOMPARE(found(QStringLiteral("\"qingdao 青岛 marathon\"")), keys("marathon"));
        QCOMPARE(found(QStringLiteral("\"along the 海滨 road\"")), keys("marathon"));
        QCOMPARE(found(QStringLiteral("\"the 海滨\"")), keys("marathon"));
        QCOMPARE(found(QStringLiteral("\"海滨 road\"")), keys("marathon"));
        QCOMPARE(found(QStringLiteral("\"30 countries\"")), keys("marathon"));
    }

    void summaryColumn() { QCOMPARE(found(QStringLiteral("equinox")), keys("summary")); }

    void rankingTitleBeatsBody()
    {
        const QList<SearchHit> hits = run(QStringLiteral("ferry"));
        QCOMPARE(hits.size(), 2);
        QCOMPARE(hits[0].id, m_id[QStringLiteral("ferry")]);  // in the title
        QCOMPARE(hits[1].id, m_id[QStringLiteral("budget")]); // in the body, and newer
        QVERIFY(hits[0].score > hits[1].score);
        QVERIFY(hits[1].score > 0);
    }

    void recencyBreaksTies()
    {
        const QList<SearchHit> hits = run(QStringLiteral("lighthouse"));
        QCOMPARE(hits.size(), 2);
        QCOMPARE(hits[0].score, hits[1].score);
        QCOMPARE(hits[0].id, m_id[QStringLiteral("keeper-new")]);
    }

    void sortByDate()
    {
        SearchOptions o;
        o.sort = SearchOptions::Sort::Date;
        const QList<SearchHit> hits = run(QStringLiteral("ferry"), o);
        QCOMPARE(hits.size(), 2);
        QCOMPARE(hits[0].id, m_id[QStringLiteral("budget")]);
        QCOMPARE(hits[0].published, day(2024, 3, 5));
        QCOMPARE(hits[0].feedTitle, QStringLiteral("Harbour Times"));
    }

    void scopes()
    {
        SearchOptions o;
        o.scope = SearchOptions::Scope::Feed;
        o.scopeId = m_sports;
        QCOMPARE(found(QStringLiteral("cafe"), o), keys("cafe"));
        o.scope = SearchOptions::Scope::Bookmarks;
        QCOMPARE(found(QStringLiteral("cafe"), o), keys("ferry cafe"));
        QCOMPARE(found(QStringLiteral("islands"), o), keys("ferry"));
        FeedStore feeds(*m_reader);
        o.scope = SearchOptions::Scope::Folder;
        o.scopeId = *feeds.findFolder(QStringLiteral("News"));
        QCOMPARE(found(QStringLiteral("青岛"), o), keys("qingdao"));
        o.excludeArticleId = m_id[QStringLiteral("qingdao")];
        QCOMPARE(found(QStringLiteral("青岛"), o), keys(""));
    }

    void paging()
    {
        const QList<SearchHit> all = run(QStringLiteral("城 OR islands OR lighthouse"));
        QCOMPARE(all.size(), 6);
        QList<qint64> paged;
        for (int offset = 0; offset < 8; offset += 2) {
            SearchOptions o;
            o.limit = 2;
            o.offset = offset;
            for (const SearchHit &h : run(QStringLiteral("城 OR islands OR lighthouse"), o))
                paged << h.id;
        }
        QList<qint64> ids;
        for (const SearchHit &h : all)
            ids << h.id;
        QCOMPARE(paged, ids);
    }

    void snippetsHighlightWholeMatches()
    {
        const auto mark = [](const QString &s) {
            return SearchEngine::markSnippet(s, QStringLiteral("["), QStringLiteral("]"));
        };
        QList<SearchHit> hits = run(QStringLiteral("开城"));
        QCOMPARE(hits.size(), 1);
        QVERIFY2(mark(hits[0].snippet).contains(QStringLiteral("[开城]")),
                 qPrintable(mark(hits[0].snippet)));
        hits = run(QStringLiteral("工业园区短期"));
        QVERIFY2(mark(hits[0].snippet).contains(QStringLiteral("[工业园区短期]")),
                 qPrintable(mark(hits[0].snippet)));
        SearchOptions o;
        o.scope = SearchOptions::Scope::Feed;
        o.scopeId = m_wire;
        hits = run(QStringLiteral("title:市"), o);
        QCOMPARE(hits.size(), 1);
        QVERIFY2(mark(hits[0].snippet).contains(QStringLiteral("城[市]地铁")),
                 qPrintable(mark(hits[0].snippet)));
        hits = run(QStringLiteral("storm"));
        QVERIFY2(mark(hits[0].snippet).contains(QStringLiteral("after [storm] repairs")),
                 qPrintable(mark(hits[0].snippet)));
        hits = run(QStringLiteral("cafe title:ferry"));
        QVERIFY2(mark(hits[0].snippet).contains(QStringLiteral("[café]")) ||
                     mark(hits[0].snippet).contains(QStringLiteral("[Ferry]")),
                 qPrintable(mark(hits[0].snippet)));
        QCOMPARE(SearchEngine::snippetHtml(QStringLiteral("a<b ") + SearchEngine::kMarkOpen +
                                           QStringLiteral("x") + SearchEngine::kMarkClose),
                 QStringLiteral("a&lt;b <b>x</b>"));
        // Without search words: the lead of the text.
        hits = run(QStringLiteral("is:starred"));
        QVERIFY(hits[0].snippet.startsWith(QStringLiteral("The boat between")));
        QCOMPARE(hits[0].score, 0.0);
    }

    void malformedQueriesAreExplained_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("hint");
        QTest::newRow("unbalanced quote") << "\"harbour ferry"
                                          << "quote";
        QTest::newRow("dangling OR") << "ferry OR"
                                     << "ends with OR";
        QTest::newRow("leading OR") << "OR ferry"
                                    << "OR needs";
        QTest::newRow("double OR") << "ferry OR OR boat"
                                   << "OR";
        QTest::newRow("OR with a filter") << "ferry OR is:starred"
                                          << "filter";
        QTest::newRow("OR with exclusion") << "ferry OR -boat"
                                           << "OR";
        QTest::newRow("unknown is:") << "is:maybe"
                                     << "is:maybe";
        QTest::newRow("bad date") << "before:2024-13-45"
                                  << "not a date";
        QTest::newRow("vague date") << "after:soon"
                                    << "not a date";
        QTest::newRow("empty operator") << "title:"
                                        << "needs a value";
        QTest::newRow("empty label") << "label:\"\""
                                     << "needs a value";
        QTest::newRow("nothing") << "   "
                                 << "Type something";
        QTest::newRow("empty phrase") << "\"\""
                                      << "Type something";
        QTest::newRow("only punctuation") << "!!! ???"
                                          << "no letters";
    }

    void malformedQueriesAreExplained()
    {
        QFETCH(QString, query);
        QFETCH(QString, hint);
        const QString error = parseError(query);
        QVERIFY2(error.contains(hint), qPrintable(query + QStringLiteral(" -> ") + error));
    }

    void fts5SyntaxIsInert()
    {
        // FTS5 operators typed by a person are plain text: no error, the words themselves.
        for (const char *text :
             {"NEAR(ferry harbour)", "ferry AND NOT", "{title}:ferry", "^ferry", "ferry + boat",
              "title:*", "text:ferry", "ferry\"", "col : ferry", "\"a\"\"b\"", "ferry NOT",
              "(islands", "islands)", "*", "-", "- islands"}) {
            QString error;
            const auto query = SearchQuery::parse(QString::fromUtf8(text), &error);
            if (!query)
                continue; // refused with a message is fine; an SQL error is not
            const auto hits = SearchEngine(*m_reader).search(*query, {}, &error);
            QVERIFY2(hits, qPrintable(QString::fromUtf8(text) + QStringLiteral(": ") + error));
        }
        // Not FTS5's NEAR: "NEAR(ferry" is the phrase "near ferry", which no article holds.
        QCOMPARE(found(QStringLiteral("NEAR(ferry harbour)")), keys(""));
        QCOMPARE(found(QStringLiteral("^ferry")), keys("ferry budget"));
        QCOMPARE(found(QStringLiteral("(islands")), keys("ferry budget"));
    }

    void sqlInjectionInEveryField()
    {
        const QStringList attempts = {
            QStringLiteral("title:\"'; DROP TABLE articles; --\""),
            QStringLiteral("author:\"Robert'); DROP TABLE articles;--\""),
            QStringLiteral("feed:x' OR 1=1"),
            QStringLiteral("feed:\"x' OR '1'='1\""),
            QStringLiteral("folder:\"'; DELETE FROM feeds; --\""),
            QStringLiteral("label:\"x') OR 1=1 --\""),
            QStringLiteral("\"'; DROP TABLE article_fts; --\""),
            QStringLiteral("-\"'); DELETE FROM articles; --\""),
            QStringLiteral("x' OR 1=1 --"),
            QStringLiteral("title:x%' OR '%'='"),
        };
        for (const QString &text : attempts) {
            QString error;
            const auto query = SearchQuery::parse(text, &error);
            if (!query) {
                QVERIFY(!error.isEmpty()); // refused with a sentence, before any SQL
                continue;
            }
            const auto hits = SearchEngine(*m_reader).search(*query, {}, &error);
            QVERIFY2(hits, qPrintable(text + QStringLiteral(": ") + error));
            // Nothing matches everything: at most the article that contains such text.
            QVERIFY2(hits->size() <= 1 || text.startsWith(QLatin1Char('-')), qPrintable(text));
            for (const SearchHit &h : *hits)
                QVERIFY(h.id == m_id[QStringLiteral("letters")] ||
                        text.startsWith(QLatin1Char('-')));
        }
        for (const char *text : {"before:\"2024-01-01'; DROP TABLE articles; --\"",
                                 "is:\"starred' OR 1=1\"", "after:1d'--"}) {
            QVERIFY(!parseError(QString::fromUtf8(text)).isEmpty());
        }
        QCOMPARE(found(QStringLiteral("title:\"'; DROP TABLE articles; --\"")), keys(""));
        QCOMPARE(found(QStringLiteral("\"'; DROP TABLE articles; --\"")), keys("letters"));
        QCOMPARE(found(QStringLiteral("feed:\"x' OR 1=1\"")), keys(""));
        QVERIFY(parseError(QStringLiteral("feed:x' OR 1=1")).contains(QLatin1String("filter")));
        SqlQuery q(*m_reader);
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM articles")) && q.next());
        QCOMPARE(q.value(0).toInt(), m_id.size());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM feeds")) && q.next());
        QCOMPARE(q.value(0).toInt(), 3);
    }

    void anyOfForRelatedLookups()
    {
        SearchOptions o;
        o.excludeArticleId = m_id[QStringLiteral("marathon")];
        QString error;
        const auto hits = SearchEngine(*m_reader).search(
            SearchQuery::anyOf(
                {QStringLiteral("青岛"), QStringLiteral("runners"), QStringLiteral("\"; DROP")}),
            o, &error);
        QVERIFY2(hits, qPrintable(error));
        QCOMPARE(keysOf(*hits), keys("qingdao letters"));
    }

    void indexFollowsUpdatesAndPurges()
    {
        // On the writer, a changed article is re-indexed and a purged one leaves the index.
        Article a;
        a.feedId = m_sports;
        a.guid = QStringLiteral("changing");
        a.title = QStringLiteral("Glacier survey begins");
        a.content = QStringLiteral("<p>Teams measure the ice.</p>");
        a.published = day(2024, 1, 1);
        const auto first = ArticleStore(*m_writer).save(a);
        QCOMPARE(first.outcome, ArticleStore::SaveOutcome::Inserted);
        m_id.insert(QStringLiteral("changing"), first.id);
        QCOMPARE(found(QStringLiteral("glacier")), keys("changing"));
        a.title = QStringLiteral("Survey of the 冰川 ends");
        QCOMPARE(ArticleStore(*m_writer).save(a).outcome, ArticleStore::SaveOutcome::Updated);
        QCOMPARE(found(QStringLiteral("glacier")), keys(""));
        QCOMPARE(found(QStringLiteral("冰川")), keys("changing"));
        QVERIFY(ArticleStore(*m_writer).purgeContent(first.id));
        QCOMPARE(found(QStringLiteral("冰川")), keys(""));
        SqlQuery q(*m_writer);
        QVERIFY(q.exec(QStringLiteral(
            "INSERT INTO article_fts(article_fts, rank) VALUES ('integrity-check', 1)")));
        m_id.remove(QStringLiteral("changing"));
        QVERIFY(q.exec(QStringLiteral("DELETE FROM articles WHERE guid = 'changing'")));
    }
};

QTEST_GUILESS_MAIN(TestSearch)
#include "test_search.moc"
