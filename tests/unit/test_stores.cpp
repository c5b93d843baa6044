// FeedStore, ArticleStore and StatusStore on real SQLite files.

#include "TestData.h"
#include "store/ArticleStore.h"
#include "store/Database.h"
#include "store/FeedStore.h"
#include "store/LabelStore.h"
#include "store/SqlQuery.h"
#include "store/StatusStore.h"

#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

using namespace bs;

namespace
{

QList<qint64> searchIds(Database &db, const QString &match)
{
    QList<qint64> ids;
    SqlQuery q(db);
    q.prepare(
        QStringLiteral("SELECT rowid FROM article_fts WHERE article_fts MATCH ? ORDER BY rowid"));
    q.bind(match);
    if (q.exec())
        while (q.next())
            ids << q.value(0).toLongLong();
    return ids;
}

} // namespace

class TestStores : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    qint64 m_feed = 0;

    Article article(const QString &guid, const QString &title, const QString &html)
    {
        Article a;
        a.feedId = m_feed;
        a.guid = guid;
        a.title = title;
        a.content = html;
        a.url = QUrl(QStringLiteral("https://example.test/") + guid);
        a.published = QDateTime::currentDateTimeUtc();
        return a;
    }

private slots:
    void init()
    {
        QString error;
        m_db = Database::openWriter(
            m_dir.filePath(QStringLiteral("%1.sqlite").arg(QTest::currentTestFunction())), &error);
        QVERIFY2(m_db, qPrintable(error));
        Feed f;
        f.url = QUrl(QStringLiteral("https://example.test/feed.xml"));
        f.title = QStringLiteral("Example");
        const auto id = FeedStore(*m_db).addFeed(f);
        QVERIFY2(id, qPrintable(m_db->lastError()));
        m_feed = *id;
    }
    void cleanup() { m_db.reset(); }

    void feedsAndFolders()
    {
        FeedStore store(*m_db);
        const auto folder = store.folderId(QStringLiteral("World"));
        QVERIFY(folder);
        QCOMPARE(store.folderId(QStringLiteral("World")), folder); // found, not duplicated
        QCOMPARE(store.folders().size(), 1);

        Feed f;
        f.url = QUrl(QStringLiteral("https://news.example.test/rss"));
        f.folderId = *folder;
        const auto id = store.addFeed(f);
        QVERIFY(id);
        QVERIFY(!store.addFeed(f));
        QVERIFY2(m_db->lastError().contains(QLatin1String("Already subscribed")),
                 qPrintable(m_db->lastError()));

        Feed bad;
        bad.url = QUrl(QStringLiteral("not a url"));
        QVERIFY(!store.addFeed(bad));
        QVERIFY(m_db->lastError().contains(QLatin1String("is not a feed address")));

        auto loaded = store.feed(*id);
        QVERIFY(loaded);
        QCOMPARE(loaded->folderId, *folder);
        loaded->etag = QStringLiteral("\"abc\"");
        loaded->lastError = QStringLiteral("HTTP 500");
        loaded->errorCount = 2;
        loaded->lastFetch = QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC);
        QVERIFY(store.updateFeed(*loaded));
        const auto again = store.feedByUrl(f.url);
        QVERIFY(again);
        QCOMPARE(again->etag, QStringLiteral("\"abc\""));
        QCOMPARE(again->errorCount, 2);
        QCOMPARE(again->lastFetch, loaded->lastFetch);
        QCOMPARE(store.feeds().size(), 2);
    }

    void savedPagesFeedIsBuiltInAndNeverFetched()
    {
        FeedStore store(*m_db);
        const auto id = store.savedPagesFeedId();
        QVERIFY2(id, qPrintable(m_db->lastError()));
        QCOMPARE(store.savedPagesFeedId(), id); // found again, not duplicated
        const auto feed = store.feed(*id);
        QVERIFY(feed);
        QCOMPARE(feed->title, QStringLiteral("Saved pages"));
        QVERIFY(feed->disabled);
        QVERIFY(feed->retentionDays < 0);
        QVERIFY(FeedStore::isBuiltIn(*feed));
        QVERIFY(!FeedStore::isBuiltIn(*store.feed(m_feed)));
    }

    void removingAFeedRemovesItsArticles()
    {
        ArticleStore articles(*m_db);
        QVERIFY(
            articles.save(article(QStringLiteral("a"), QStringLiteral("A"), QStringLiteral("x")))
                .outcome == ArticleStore::SaveOutcome::Inserted);
        QVERIFY(FeedStore(*m_db).removeFeed(m_feed));
        QCOMPARE(articles.count({}), 0);
    }

    void saveInsertsUpdatesAndKeepsStatus()
    {
        ArticleStore articles(*m_db);
        StatusStore status(*m_db);
        Article a = article(QStringLiteral("g1"), QStringLiteral("Solar farm opens"),
                            QStringLiteral("<p>The <b>solar</b> farm opened today.</p>"));
        a.enclosures.append(Enclosure{QUrl(QStringLiteral("https://example.test/a.mp3")),
                                      QStringLiteral("audio/mpeg"),
                                      1234,
                                      {}});
        const auto first = articles.save(a);
        QCOMPARE(first.outcome, ArticleStore::SaveOutcome::Inserted);
        QCOMPARE(articles.save(a).outcome, ArticleStore::SaveOutcome::Unchanged);
        QCOMPARE(status.setRead({first.id}, true), 1);
        QCOMPARE(status.setStarred({first.id}, true), 1);

        a.content = QStringLiteral("<p>The solar farm opened today, a week late.</p>");
        const auto second = articles.save(a);
        QCOMPARE(second.outcome, ArticleStore::SaveOutcome::Updated);
        QCOMPARE(second.id, first.id);
        const auto s = status.status(first.id);
        QVERIFY(s && s->read && s->starred);
        const auto loaded = articles.article(first.id);
        QVERIFY(loaded);
        QCOMPARE(loaded->content, a.content);
        QCOMPARE(loaded->enclosures.size(), 1);
        QCOMPARE(loaded->enclosures.first().length, 1234);
        // The index follows the update: the new word is found, the row is there once.
        QCOMPARE(searchIds(*m_db, QStringLiteral("late")), QList<qint64>{first.id});
        QCOMPARE(searchIds(*m_db, QStringLiteral("solar")), QList<qint64>{first.id});
    }

    void saveAllIsAllOrNothing()
    {
        ArticleStore articles(*m_db);
        QList<Article> batch;
        for (int i = 0; i < 5; ++i)
            batch << article(QStringLiteral("b%1").arg(i), QStringLiteral("T"),
                             QStringLiteral("x"));
        batch[3].feedId = 9999; // no such feed: the foreign key fails
        QVERIFY(!articles.saveAll(batch));
        QCOMPARE(articles.count({}), 0);
        batch[3].feedId = m_feed;
        QList<ArticleStore::SaveResult> results;
        QVERIFY(articles.saveAll(batch, &results));
        QCOMPARE(results.size(), 5);
        QCOMPARE(articles.count({}), 5);
    }

    void indexFindsEnglishAndChinese()
    {
        ArticleStore articles(*m_db);
        const auto en = articles.save(article(QStringLiteral("en"), QStringLiteral("Harbour news"),
                                              QStringLiteral("<p>Ferries return &amp; run</p>")));
        const auto zh =
            articles.save(article(QStringLiteral("zh"), QStringLiteral("海洋探测"),
                                  QStringLiteral("<p>新型天然气水合物海洋探测系统在青岛面世</p>")));
        QCOMPARE(searchIds(*m_db, QStringLiteral("ferries")), QList<qint64>{en.id});
        QCOMPARE(searchIds(*m_db, QStringLiteral("天然气")), QList<qint64>{zh.id});
        QCOMPARE(searchIds(*m_db, QStringLiteral("\"在青岛面世\"")), QList<qint64>{zh.id});
        // Markup is not indexed as text.
        QVERIFY(searchIds(*m_db, QStringLiteral("amp")).isEmpty());
    }

    void purgeKeepsStatusAndIdentity()
    {
        ArticleStore articles(*m_db);
        StatusStore status(*m_db);
        const Article a = article(QStringLiteral("p1"), QStringLiteral("Museum reopens"),
                                  QStringLiteral("<p>Paintings return to the museum.</p>"));
        const auto saved = articles.save(a);
        QCOMPARE(status.setStarred({saved.id}, true), 1);
        QVERIFY(articles.purgeContent(saved.id));
        QVERIFY(searchIds(*m_db, QStringLiteral("paintings")).isEmpty());
        const auto s = status.status(saved.id);
        QVERIFY(s && s->starred);
        QVERIFY(s->starredAt.isValid());
        const auto loaded = articles.article(saved.id);
        QVERIFY(loaded);
        QVERIFY(loaded->content.isEmpty());
        QCOMPARE(loaded->title, a.title);
        // The item reappearing in its feed is recognised: same id, status kept.
        QCOMPARE(articles.save(a).id, saved.id);
        QVERIFY(status.status(saved.id)->starred);
        SqlQuery q(*m_db);
        QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
    }

    void listPagesEveryRowOnceNewestFirst()
    {
        ArticleStore articles(*m_db);
        test::ArticleGenerator gen;
        QList<Article> batch;
        for (int i = 0; i < 1000; ++i) {
            Article a = gen.make(m_feed, i, 20);
            a.published =
                QDateTime::fromSecsSinceEpoch(1700000000 + (i % 50) * 10, Qt::UTC); // ties
            batch << a;
        }
        QVERIFY(articles.saveAll(batch));
        ArticleQuery query;
        query.limit = 64;
        QSet<qint64> seen;
        qint64 lastTime = std::numeric_limits<qint64>::max();
        int pages = 0;
        for (;;) {
            const auto page = articles.list(query);
            if (page.isEmpty())
                break;
            ++pages;
            for (const ArticlePageRow &row : page) {
                QVERIFY(row.sortTime <= lastTime);
                lastTime = row.sortTime;
                QVERIFY(!seen.contains(row.summary.id));
                seen.insert(row.summary.id);
            }
            query.after = std::make_pair(page.last().sortTime, page.last().summary.id);
        }
        QCOMPARE(seen.size(), 1000);
        QCOMPARE(pages, 16);
    }

    void listPagesOldestFirstWithTies()
    {
        ArticleStore articles(*m_db);
        test::ArticleGenerator gen;
        QList<Article> batch;
        for (int i = 0; i < 300; ++i) {
            Article a = gen.make(m_feed, i, 10);
            a.published = QDateTime::fromSecsSinceEpoch(1700000000 + (i % 7) * 10, Qt::UTC);
            batch << a;
        }
        QVERIFY(articles.saveAll(batch));
        ArticleQuery query;
        query.limit = 32;
        query.oldestFirst = true;
        QSet<qint64> seen;
        std::pair<qint64, qint64> last{0, 0};
        for (;;) {
            const auto page = articles.list(query);
            if (page.isEmpty())
                break;
            for (const ArticlePageRow &row : page) {
                const std::pair<qint64, qint64> key{row.sortTime, row.summary.id};
                QVERIFY(key > last);
                last = key;
                seen.insert(row.summary.id);
            }
            query.after = std::make_pair(page.last().sortTime, page.last().summary.id);
        }
        QCOMPARE(seen.size(), 300);
    }

    void listByFolderLabelDayAndSavedPages()
    {
        FeedStore feeds(*m_db);
        const qint64 top = *feeds.folderId(QStringLiteral("Top"));
        const qint64 sub = *feeds.folderId(QStringLiteral("Sub"), top);
        const qint64 other = *feeds.folderId(QStringLiteral("Other"));
        const qint64 inTop = *feeds.addFeed(
            Feed{.folderId = top, .url = QUrl(QStringLiteral("https://top.example.test/f"))});
        const qint64 inSub = *feeds.addFeed(
            Feed{.folderId = sub, .url = QUrl(QStringLiteral("https://sub.example.test/f"))});
        const qint64 inOther = *feeds.addFeed(
            Feed{.folderId = other, .url = QUrl(QStringLiteral("https://other.example.test/f"))});
        const qint64 saved = *feeds.savedPagesFeedId();
        ArticleStore articles(*m_db);
        const QDateTime old = QDateTime::currentDateTimeUtc().addDays(-10);
        QHash<qint64, QList<qint64>> byFeed;
        QList<qint64> recent;
        for (qint64 feed : {inTop, inSub, inOther, saved}) {
            for (int i = 0; i < 5; ++i) {
                Article a = article(QStringLiteral("%1-%2").arg(feed).arg(i),
                                    QStringLiteral("Story %1").arg(i), QStringLiteral("<p>x</p>"));
                a.feedId = feed;
                a.published = i < 4 ? old.addSecs(i) : QDateTime::currentDateTimeUtc();
                const qint64 id = articles.save(a).id;
                QVERIFY(id > 0);
                byFeed[feed] << id;
                if (i == 4)
                    recent << id;
            }
        }
        auto idsOf = [&](const ArticleQuery &q) {
            QSet<qint64> out;
            for (const ArticlePageRow &row : articles.list(q))
                out.insert(row.summary.id);
            return out;
        };
        auto set = [](const QList<qint64> &ids) { return QSet<qint64>(ids.cbegin(), ids.cend()); };
        ArticleQuery folder;
        folder.folderId = top; // with its subfolder
        QCOMPARE(idsOf(folder), set(byFeed[inTop] + byFeed[inSub]));
        QCOMPARE(articles.count(folder), 10);
        folder.folderId = sub;
        QCOMPARE(idsOf(folder), set(byFeed[inSub]));
        ArticleQuery savedPages;
        savedPages.savedPages = true;
        QCOMPARE(idsOf(savedPages), set(byFeed[saved]));
        ArticleQuery today;
        today.since = QDateTime::currentDateTimeUtc().addSecs(-3600).toSecsSinceEpoch();
        QCOMPARE(idsOf(today), set(recent));
        QCOMPARE(articles.count(today), 4);

        LabelStore labels(*m_db);
        const qint64 label = *labels.create(QStringLiteral("later"));
        const QList<qint64> labelled = {byFeed[inTop][0], byFeed[inOther][1], byFeed[saved][2]};
        QCOMPARE(labels.assign(QStringLiteral("later"), labelled), 3);
        QCOMPARE(StatusStore(*m_db).setRead({byFeed[inOther][1]}, true), 1);
        ArticleQuery byLabel;
        byLabel.labelId = label;
        QCOMPARE(idsOf(byLabel), set(labelled));
        byLabel.unreadOnly = true;
        QCOMPARE(articles.count(byLabel), 2);
        QCOMPARE(labels.unreadCounts().value(label), 2);
        // Conditions combine: the label inside a folder.
        byLabel.unreadOnly = false;
        byLabel.folderId = top;
        QCOMPARE(idsOf(byLabel), set({byFeed[inTop][0]}));

        // Rows by id keep the order asked for and skip unknown ids.
        const QList<qint64> wanted = {byFeed[inSub][3], 999999, byFeed[inTop][1]};
        const auto rows = articles.rows(wanted);
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows[0].summary.id, byFeed[inSub][3]);
        QCOMPARE(rows[1].summary.id, byFeed[inTop][1]);
        QCOMPARE(rows[1].summary.feedId, inTop);
        QCOMPARE(articles.maxArticleId(), byFeed[saved].last());
    }

    void statusFiltersAndCounts()
    {
        ArticleStore articles(*m_db);
        StatusStore status(*m_db);
        QList<Article> batch;
        for (int i = 0; i < 10; ++i)
            batch << article(QStringLiteral("s%1").arg(i), QStringLiteral("T%1").arg(i),
                             QStringLiteral("x"));
        QList<ArticleStore::SaveResult> r;
        QVERIFY(articles.saveAll(batch, &r));
        QCOMPARE(status.setRead({r[0].id, r[1].id, r[2].id}, true), 3);
        QCOMPARE(status.setRead({r[0].id}, true), 0); // already read: nothing changes
        QCOMPARE(status.setStarred({r[5].id}, true), 1);
        QCOMPARE(status.unreadCount(m_feed), 7);
        QCOMPARE(status.unreadCounts().value(m_feed), 7);
        QCOMPARE(status.starredCount(), 1);
        ArticleQuery unread;
        unread.unreadOnly = true;
        QCOMPARE(articles.count(unread), 7);
        ArticleQuery starred;
        starred.starredOnly = true;
        QCOMPARE(articles.list(starred).size(), 1);
        QCOMPARE(status.markFeedRead(m_feed), 7);
        QCOMPARE(status.unreadCount(m_feed), 0);
        QCOMPARE(status.setRead({r[9].id}, false), 1);
        QCOMPARE(status.unreadCount(m_feed), 1);
    }

    void markReadByScope()
    {
        FeedStore feeds(*m_db);
        const auto parent = feeds.folderId(QStringLiteral("News"));
        QVERIFY(parent);
        const auto child = feeds.folderId(QStringLiteral("World"), *parent);
        QVERIFY(child);
        Feed inChild;
        inChild.url = QUrl(QStringLiteral("https://world.example.test/rss"));
        inChild.folderId = *child;
        const auto childFeed = feeds.addFeed(inChild);
        QVERIFY(childFeed);

        ArticleStore articles(*m_db);
        StatusStore status(*m_db);
        // Five articles in the top-level feed, five in the subfolder's feed; the last one of
        // each is old (not "today").
        QList<Article> batch;
        for (int i = 0; i < 10; ++i) {
            Article a = article(QStringLiteral("m%1").arg(i), QStringLiteral("M%1").arg(i),
                                QStringLiteral("x"));
            if (i >= 5)
                a.feedId = *childFeed;
            if (i == 4 || i == 9)
                a.published = QDateTime::currentDateTimeUtc().addDays(-30);
            batch << a;
        }
        QList<ArticleStore::SaveResult> r;
        QVERIFY(articles.saveAll(batch, &r));
        const auto unreadTotal = [&] {
            const auto counts = status.unreadCounts();
            qint64 n = 0;
            for (qint64 c : counts)
                n += c;
            return n;
        };

        // Folder: the parent folder takes in the subfolder's feed, and only articles up to
        // maxArticleId.
        ReadScope folder;
        folder.kind = ReadScope::Kind::Folder;
        folder.id = *parent;
        folder.maxArticleId = r[7].id;
        QCOMPARE(status.markRead(folder), 3); // r5, r6, r7
        QCOMPARE(status.unreadCount(*childFeed), 2);
        QCOMPARE(status.unreadCount(m_feed), 5);

        ReadScope today;
        today.kind = ReadScope::Kind::Today;
        today.since = QDateTime::currentDateTimeUtc().addDays(-1).toSecsSinceEpoch();
        QCOMPARE(status.markRead(today), 5); // r0..r3 and r8
        QCOMPARE(unreadTotal(), 2);          // the two old ones

        QVERIFY(status.setRead({r[0].id, r[1].id}, false) == 2);
        QCOMPARE(status.setStarred({r[0].id}, true), 1);
        ReadScope starred;
        starred.kind = ReadScope::Kind::Starred;
        QCOMPARE(status.markRead(starred), 1);

        ReadScope list;
        list.kind = ReadScope::Kind::Articles;
        list.articleIds = {r[1].id, r[4].id, r[9].id};
        list.maxArticleId = r[4].id; // r9 arrived after the view was shown
        QCOMPARE(status.markRead(list), 2);
        QCOMPARE(unreadTotal(), 1);

        ReadScope feed;
        feed.kind = ReadScope::Kind::Feed;
        feed.id = m_feed;
        QCOMPARE(status.markRead(feed), 0); // nothing unread left there
        ReadScope all;
        QCOMPARE(status.markRead(all), 1);
        QCOMPARE(unreadTotal(), 0);

        QString error;
        auto reader = Database::openReader(m_db->path(), &error);
        QVERIFY(reader);
        QCOMPARE(StatusStore(*reader).markRead(all), -1); // the reader connection cannot write
    }

    void readerCannotWriteThroughStores()
    {
        QString error;
        auto reader = Database::openReader(m_db->path(), &error);
        QVERIFY(reader);
        ArticleStore articles(*reader);
        QCOMPARE(
            articles.save(article(QStringLiteral("r"), QStringLiteral("R"), QStringLiteral("x")))
                .outcome,
            ArticleStore::SaveOutcome::Failed);
        QVERIFY(reader->lastError().contains(QLatin1String("read-only")));
        QCOMPARE(StatusStore(*reader).setRead({1}, true), -1);
        QVERIFY(!FeedStore(*reader).folderId(QStringLiteral("New")));
    }

    void userTextIsBoundNotSpliced()
    {
        ArticleStore articles(*m_db);
        const QString evil = QStringLiteral("x'); DROP TABLE articles; --");
        const auto r = articles.save(article(evil, evil, evil));
        QCOMPARE(r.outcome, ArticleStore::SaveOutcome::Inserted);
        QCOMPARE(articles.article(r.id)->title, evil);
        QVERIFY(FeedStore(*m_db).folderId(evil));
        QCOMPARE(FeedStore(*m_db).folders().first().name, evil);
    }
};

QTEST_GUILESS_MAIN(TestStores)
#include "test_stores.moc"
