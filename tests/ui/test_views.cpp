// The main window's views on a real profile, offscreen: the feed tree's smart views and counts,
// the article list's views, paging, order and filters, the search field and the related pane.

#include "MainWindow.h"
#include "ReaderTesting.h"
#include "TestData.h"
#include "models/ArticleListModel.h"
#include "models/BackgroundReader.h"
#include "models/FeedTreeModel.h"
#include "models/RelatedStoriesModel.h"
#include "reader/ReaderView.h"
#include "search/SavedSearchStore.h"
#include "store/ArticleStore.h"
#include "store/Database.h"
#include "store/FeedStore.h"
#include "store/LabelStore.h"
#include "store/StatusStore.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QListView>
#include <QSet>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeView>
#include <QtTest>

using namespace bs;

namespace
{

using Kind = FeedTreeModel::ViewKind;

// Stories about one event, told alike: "related stories" of each other.
const char *const kFerryStories[] = {
    "The night ferry returns to the harbour after four winters of engine repairs; the captain "
    "says the crossing is quieter and ten minutes shorter.",
    "Night ferry crossing resumes: harbour crowds watched the repaired ferry dock as the captain "
    "praised the quieter engine.",
    "After engine repairs the harbour night ferry is back, its captain promising a quieter and "
    "shorter crossing for commuters.",
    "Commuters cheer as the repaired night ferry completes its first harbour crossing in four "
    "winters, captain at the wheel.",
};

QString words(int seed, int n)
{
    static const QStringList pool = {
        QStringLiteral("orchard"),  QStringLiteral("council"),  QStringLiteral("market"),
        QStringLiteral("railway"),  QStringLiteral("library"),  QStringLiteral("festival"),
        QStringLiteral("weather"),  QStringLiteral("budget"),   QStringLiteral("school"),
        QStringLiteral("museum"),   QStringLiteral("hospital"), QStringLiteral("stadium"),
        QStringLiteral("bakery"),   QStringLiteral("bridge"),   QStringLiteral("theatre"),
        QStringLiteral("election"), QStringLiteral("garden"),   QStringLiteral("river"),
        QStringLiteral("mountain"), QStringLiteral("village"),  QStringLiteral("factory"),
        QStringLiteral("concert"),  QStringLiteral("airport"),  QStringLiteral("forest"),
    };
    QStringList out;
    for (int i = 0; i < n; ++i)
        out << pool.at((seed * 7 + i * 13 + i * i) % pool.size());
    return out.join(QLatin1Char(' '));
}

QList<qint64> allIds(ArticleListModel &model)
{
    while (model.canFetchMore({}))
        model.fetchMore({});
    QList<qint64> ids;
    for (int r = 0; r < model.rowCount(); ++r)
        ids << model.index(r, 0).data(ArticleListModel::ArticleIdRole).toLongLong();
    return ids;
}

// Saves a picture of the window when BROADSHEET_SCREENSHOT_DIR names a folder.
void saveShot(QWidget &w, const QString &name)
{
    const QImage shot = w.grab().toImage();
    QVERIFY(!shot.isNull());
    if (!qEnvironmentVariableIsEmpty("BROADSHEET_SCREENSHOT_DIR"))
        shot.save(qEnvironmentVariable("BROADSHEET_SCREENSHOT_DIR") + QLatin1Char('/') + name);
}

QSet<qint64> asSet(const QList<qint64> &ids)
{
    return QSet<qint64>(ids.cbegin(), ids.cend());
}

} // namespace

class TestViews : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_path;
    qint64 m_world = 0, m_europe = 0;
    qint64 m_alpha = 0, m_beta = 0, m_gamma = 0, m_saved = 0;
    qint64 m_label = 0, m_savedSearch = 0;
    QList<qint64> m_alphaIds, m_betaIds, m_gammaIds, m_savedIds, m_todayIds, m_ferryIds;
    QList<qint64> m_starred, m_labelled;
    QSet<qint64> m_read;
    static constexpr int kGamma = 5000;

    qint64 unreadOf(const QList<qint64> &ids) const
    {
        qint64 n = 0;
        for (qint64 id : ids)
            n += m_read.contains(id) ? 0 : 1;
        return n;
    }

private slots:
    void initTestCase()
    {
        // The article pane shows plain text: these tests are about the panes around it.
        qputenv("BROADSHEET_DISABLE_WEBENGINE", "1");
        m_path = m_dir.filePath(QStringLiteral("views.sqlite"));
        QString error;
        auto db = Database::openWriter(m_path, &error);
        QVERIFY2(db, qPrintable(error));
        FeedStore feeds(*db);
        m_world = *feeds.folderId(QStringLiteral("World"));
        m_europe = *feeds.folderId(QStringLiteral("Europe"), m_world);
        m_alpha = *feeds.addFeed(Feed{.folderId = m_world,
                                      .url = QUrl(QStringLiteral("https://alpha.example.test/rss")),
                                      .title = QStringLiteral("Alpha Wire")});
        m_beta = *feeds.addFeed(Feed{.folderId = m_europe,
                                     .url = QUrl(QStringLiteral("https://beta.example.test/rss")),
                                     .title = QStringLiteral("Beta Daily")});
        m_gamma = *feeds.addFeed(Feed{.url = QUrl(QStringLiteral("https://gamma.example.test/rss")),
                                      .title = QStringLiteral("Gamma Archive")});
        m_saved = *feeds.savedPagesFeedId();

        ArticleStore store(*db);
        const QDateTime base(QDate(2024, 3, 1), QTime(8, 0), Qt::UTC);
        auto add = [&](qint64 feed, const QString &guid, const QString &title, const QString &text,
                       const QDateTime &when) {
            const auto saved =
                store.save(Article{.feedId = feed,
                                   .guid = guid,
                                   .url = QUrl(QStringLiteral("https://site.test/") + guid),
                                   .title = title,
                                   .author = QStringLiteral("Desk"),
                                   .published = when,
                                   .content = QStringLiteral("<p>%1</p>").arg(text)});
            return saved.id;
        };
        for (int i = 0; i < 40; ++i)
            m_alphaIds << add(m_alpha, QStringLiteral("alpha-%1").arg(i),
                              QStringLiteral("Alpha item %1 %2").arg(i).arg(words(i, 3)),
                              words(i, 40), base.addSecs(i * 3600));
        for (int i = 0; i < 4; ++i) {
            m_ferryIds << add(
                m_alpha, QStringLiteral("ferry-%1").arg(i), QStringLiteral("Night ferry %1").arg(i),
                QString::fromUtf8(kFerryStories[i]) + QLatin1Char(' ') + words(100 + i, 10),
                base.addDays(3).addSecs(i * 60));
            m_alphaIds << m_ferryIds.last();
        }
        for (int i = 0; i < 25; ++i)
            m_betaIds << add(m_beta, QStringLiteral("beta-%1").arg(i),
                             QStringLiteral("Beta report %1").arg(i), words(50 + i, 40),
                             base.addSecs(-i * 7200));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (int i = 0; i < 3; ++i) {
            m_todayIds << add(m_beta, QStringLiteral("today-%1").arg(i),
                              QStringLiteral("Today's bulletin %1").arg(i), words(70 + i, 30),
                              now.addSecs(-i));
            m_betaIds << m_todayIds.last();
        }
        for (int i = 0; i < 2; ++i)
            m_savedIds << add(m_saved, QStringLiteral("saved-%1").arg(i),
                              QStringLiteral("Saved page %1").arg(i), words(90 + i, 30),
                              base.addDays(-30 + i));
        test::ArticleGenerator gen;
        QList<Article> batch;
        QList<ArticleStore::SaveResult> results;
        for (int i = 0; i < kGamma; ++i)
            batch << gen.make(m_gamma, i, 30);
        QVERIFY(store.saveAll(batch, &results));
        for (const auto &r : results)
            m_gammaIds << r.id;
        QCOMPARE(m_gammaIds.size(), kGamma);

        // The first ferry story's own page lists two related links (one not on the web).
        ArticlePage page;
        page.fullText = QStringLiteral("<p>%1</p>").arg(QString::fromUtf8(kFerryStories[0]));
        page.relatedJson = QStringLiteral(
            "[{\"title\":\"Timetable for the new crossing\",\"url\":\"https://port.example.test/"
            "timetable\",\"snippet\":\"Departures every hour\"},"
            "{\"title\":\"Bad link\",\"url\":\"javascript:alert(1)\",\"snippet\":\"\"},"
            "{\"title\":\"Ferry history\",\"url\":\"https://port.example.test/history\","
            "\"snippet\":\"\"}]");
        page.extractedAt = now;
        QVERIFY(store.savePage(m_ferryIds[0], page));

        StatusStore status(*db);
        QList<qint64> read = m_betaIds.mid(0, 10);
        read << m_alphaIds[5] << m_gammaIds[1] << m_todayIds[2];
        QCOMPARE(status.setRead(read, true), int(read.size()));
        m_read = asSet(read);
        m_starred = {m_alphaIds[5], m_alphaIds[6], m_alphaIds[7]};
        QCOMPARE(status.setStarred(m_starred, true), 3);

        LabelStore labels(*db);
        m_label = *labels.create(QStringLiteral("keep"));
        m_labelled = {m_alphaIds[1], m_alphaIds[5], m_gammaIds[1], m_gammaIds[2]};
        QCOMPARE(labels.assign(QStringLiteral("keep"), m_labelled), 4);
        m_savedSearch =
            *SavedSearchStore(*db).add(QStringLiteral("Ferries"), QStringLiteral("ferry"));
    }

    // The tree: smart views, labels, saved searches, folders and feeds with unread counts;
    // drag and drop flags; counts updated by refreshFeed and refreshCounts.
    void treeShowsViewsWithCounts()
    {
        QString error;
        auto reader = Database::openReader(m_path, &error);
        QVERIFY(reader);
        BackgroundReader background(m_path);
        FeedTreeModel model(*reader);
        model.setBackgroundReader(&background);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy counted(&model, &FeedTreeModel::countsChanged);
        model.reload();
        // The rows are there at once; the counts come from the background thread.
        QTRY_COMPARE(counted.size(), 1);

        const QList<Kind> top = {Kind::All,         Kind::Unread,     Kind::Today,
                                 Kind::Starred,     Kind::SavedPages, Kind::Label,
                                 Kind::SavedSearch, Kind::Folder,     Kind::Feed};
        QCOMPARE(model.rowCount(), int(top.size()));
        for (int r = 0; r < model.rowCount(); ++r)
            QCOMPARE(model.index(r, 0).data(FeedTreeModel::ViewKindRole).value<Kind>(), top[r]);

        const qint64 allUnread = unreadOf(m_alphaIds) + unreadOf(m_betaIds) + unreadOf(m_gammaIds) +
                                 unreadOf(m_savedIds);
        auto unread = [&](Kind kind, qint64 id = 0) {
            return model.indexOfView(kind, id).data(FeedTreeModel::UnreadRole).toLongLong();
        };
        QCOMPARE(unread(Kind::All), allUnread);
        QCOMPARE(unread(Kind::Unread), allUnread);
        QCOMPARE(unread(Kind::Today), unreadOf(m_todayIds));
        QCOMPARE(unread(Kind::Today), 2);
        QCOMPARE(unread(Kind::Starred), unreadOf(m_starred));
        QCOMPARE(unread(Kind::SavedPages), 2);
        QCOMPARE(unread(Kind::Label, m_label), unreadOf(m_labelled));
        QCOMPARE(unread(Kind::Feed, m_alpha), unreadOf(m_alphaIds));
        QCOMPARE(unread(Kind::Feed, m_beta), unreadOf(m_betaIds));
        QCOMPARE(unread(Kind::Feed, m_gamma), unreadOf(m_gammaIds));
        QCOMPARE(unread(Kind::Folder, m_europe), unreadOf(m_betaIds));
        QCOMPARE(unread(Kind::Folder, m_world), unreadOf(m_alphaIds) + unreadOf(m_betaIds));
        QCOMPARE(model.indexOfView(Kind::Folder, m_world).data().toString(),
                 QStringLiteral("World (%1)").arg(unreadOf(m_alphaIds) + unreadOf(m_betaIds)));
        QCOMPARE(
            model.indexOfView(Kind::Label, m_label).data(FeedTreeModel::ViewIdRole).toLongLong(),
            m_label);
        // The saved search is counted on the background thread: 4 ferry stories, all unread.
        QTRY_COMPARE(unread(Kind::SavedSearch, m_savedSearch), 4);
        QVERIFY(
            model.savedSearchItem(m_savedSearch)->toolTip().contains(QLatin1String("4 articles")));

        // The built-in feed is a smart view, not a feed row.
        QVERIFY(!model.feedItem(m_saved));
        // Europe sits inside World, Beta inside Europe.
        QCOMPARE(model.feedItem(m_beta)->parent(), model.folderItem(m_europe));
        QCOMPARE(model.folderItem(m_europe)->parent(), model.folderItem(m_world));
        QVERIFY(!model.feedItem(m_alpha)->icon().isNull());

        // Drag and drop: feeds and folders drag, folders and the top level take drops.
        const Qt::ItemFlags feedFlags = model.flags(model.indexOfView(Kind::Feed, m_gamma));
        QVERIFY(feedFlags & Qt::ItemIsDragEnabled);
        QVERIFY(!(feedFlags & Qt::ItemIsDropEnabled));
        const Qt::ItemFlags folderFlags = model.flags(model.indexOfView(Kind::Folder, m_world));
        QVERIFY(folderFlags & Qt::ItemIsDragEnabled);
        QVERIFY(folderFlags & Qt::ItemIsDropEnabled);
        QVERIFY(model.flags(QModelIndex()) & Qt::ItemIsDropEnabled);
        for (Kind kind : {Kind::All, Kind::Unread, Kind::Today, Kind::Starred, Kind::SavedPages}) {
            const Qt::ItemFlags flags = model.flags(model.indexOfView(kind));
            QVERIFY(!(flags & Qt::ItemIsDragEnabled));
            QVERIFY(!(flags & Qt::ItemIsDropEnabled));
        }

        // Another connection writes; refreshFeed re-reads one feed and its folders, and the
        // totals; refreshCounts the smart views.
        {
            auto writer = Database::openWriter(m_path, &error);
            QVERIFY2(writer, qPrintable(error));
            QCOMPARE(StatusStore(*writer).setRead({m_betaIds[12], m_todayIds[0]}, true), 2);
        }
        model.refreshFeed(m_beta);
        QCOMPARE(unread(Kind::Feed, m_beta), unreadOf(m_betaIds) - 2);
        QCOMPARE(unread(Kind::Folder, m_europe), unreadOf(m_betaIds) - 2);
        QCOMPARE(unread(Kind::Folder, m_world), unreadOf(m_alphaIds) + unreadOf(m_betaIds) - 2);
        QCOMPARE(unread(Kind::All), allUnread - 2);
        QCOMPARE(unread(Kind::Today), 2); // not re-read by refreshFeed
        model.refreshCounts();
        QTRY_COMPARE(counted.size(), 2);
        QCOMPARE(unread(Kind::Today), 1);
        QCOMPARE(unread(Kind::Feed, m_beta), unreadOf(m_betaIds) - 2);
        {
            auto writer = Database::openWriter(m_path, &error);
            QVERIFY2(writer, qPrintable(error));
            QCOMPARE(StatusStore(*writer).setRead({m_betaIds[12], m_todayIds[0]}, false), 2);
        }
        model.refreshViewCounts(); // Today and the rest, not the feeds
        QTRY_COMPARE(counted.size(), 3);
        QCOMPARE(unread(Kind::Today), 2);
        QCOMPARE(unread(Kind::Feed, m_beta), unreadOf(m_betaIds) - 2);
        model.refreshCounts();
        QTRY_COMPARE(counted.size(), 4);
        QCOMPARE(unread(Kind::All), allUnread);
    }

    // Each view lists exactly its articles, newest first, and its count agrees.
    void listShowsEachView()
    {
        QString error;
        auto reader = Database::openReader(m_path, &error);
        QVERIFY(reader);
        ArticleListModel model(*reader);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        ArticleStore store(*reader);

        struct Case {
            const char *name;
            ArticleQuery query;
            QList<qint64> expected;
        };
        ArticleQuery today;
        today.since = FeedTreeModel::startOfToday();
        ArticleQuery starred;
        starred.starredOnly = true;
        ArticleQuery saved;
        saved.savedPages = true;
        ArticleQuery label;
        label.labelId = m_label;
        ArticleQuery world;
        world.folderId = m_world;
        ArticleQuery europe;
        europe.folderId = m_europe;
        ArticleQuery unreadBeta;
        unreadBeta.feedId = m_beta;
        unreadBeta.unreadOnly = true;
        QList<qint64> unreadBetaIds;
        for (qint64 id : std::as_const(m_betaIds))
            if (!m_read.contains(id))
                unreadBetaIds << id;
        const QList<Case> cases = {
            {"today", today, m_todayIds},
            {"starred", starred, m_starred},
            {"saved pages", saved, m_savedIds},
            {"label", label, m_labelled},
            {"folder with subfolder", world, m_alphaIds + m_betaIds},
            {"subfolder", europe, m_betaIds},
            {"unread of a feed", unreadBeta, unreadBetaIds},
        };
        for (const Case &c : cases) {
            model.setQuery(c.query);
            const QList<qint64> ids = allIds(model);
            QVERIFY2(asSet(ids) == asSet(c.expected), c.name);
            QCOMPARE(ids.size(), c.expected.size());
            QCOMPARE(store.count(c.query), qint64(c.expected.size()));
            // Newest first.
            for (int r = 1; r < ids.size(); ++r)
                QVERIFY2(store.article(ids[r - 1])->published >= store.article(ids[r])->published,
                         c.name);
        }
        // Columns: title, feed, author, date, star.
        model.setQuery(starred);
        QCOMPARE(model.columnCount(), 5);
        const int row = model.rowOf(m_alphaIds[5]);
        QVERIFY(row >= 0);
        QCOMPARE(model.index(row, ArticleListModel::Feed).data().toString(),
                 QStringLiteral("Alpha Wire"));
        QCOMPARE(model.index(row, ArticleListModel::Author).data().toString(),
                 QStringLiteral("Desk"));
        QVERIFY(!model.index(row, ArticleListModel::Published).data().toString().isEmpty());
        QCOMPARE(model.index(row, ArticleListModel::Star).data().toString(),
                 QStringLiteral("\u2605"));
        QCOMPARE(model.index(row, 0).data(ArticleListModel::FeedIdRole).toLongLong(), m_alpha);
        QCOMPARE(model.index(row, 0).data(ArticleListModel::UrlRole).toUrl(),
                 QUrl(QStringLiteral("https://site.test/alpha-5")));
        QVERIFY(!model.index(row, 0).data(Qt::FontRole).value<QFont>().bold()); // read
    }

    // 5,000 articles: the list holds what it paged in, a page at a time, both date orders.
    void pagesThroughFiveThousand()
    {
        QString error;
        auto reader = Database::openReader(m_path, &error);
        QVERIFY(reader);
        ArticleListModel model(*reader);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        ArticleQuery gamma;
        gamma.feedId = m_gamma;
        model.setQuery(gamma);
        QCOMPARE(model.rowCount(), gamma.limit);
        QList<qint64> seen;
        int pages = 1;
        while (model.canFetchMore({})) {
            const int before = model.rowCount();
            model.fetchMore({});
            QVERIFY(model.rowCount() - before <= gamma.limit);
            ++pages;
        }
        QCOMPARE(model.rowCount(), kGamma);
        QCOMPARE(pages, kGamma / gamma.limit + 1); // the last fetch finds the end
        for (int r = 0; r < model.rowCount(); ++r)
            seen << model.index(r, 0).data(ArticleListModel::ArticleIdRole).toLongLong();
        QCOMPARE(asSet(seen), asSet(m_gammaIds));
        // The generator's articles are a minute apart, the last one newest.
        QCOMPARE(seen.first(), m_gammaIds.last());
        QCOMPARE(seen.last(), m_gammaIds.first());

        // Oldest first through the header's order; paging keeps going the same way.
        model.sort(ArticleListModel::Published, Qt::AscendingOrder);
        QCOMPARE(model.sortOrder(), Qt::AscendingOrder);
        QCOMPARE(model.rowCount(), gamma.limit);
        model.fetchMore({});
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 3 * gamma.limit);
        for (int r = 0; r < model.rowCount(); ++r)
            QCOMPARE(model.index(r, 0).data(ArticleListModel::ArticleIdRole).toLongLong(),
                     m_gammaIds[r]);
        // Another column does not sort.
        model.sort(ArticleListModel::Title, Qt::DescendingOrder);
        QCOMPARE(model.sortOrder(), Qt::AscendingOrder);
        model.setSortOrder(Qt::DescendingOrder);
        QCOMPARE(model.index(0, 0).data(ArticleListModel::ArticleIdRole).toLongLong(),
                 m_gammaIds.last());
    }

    // The unread and starred filters narrow a view and a search.
    void filtersNarrowTheView()
    {
        QString error;
        auto reader = Database::openReader(m_path, &error);
        QVERIFY(reader);
        ArticleListModel model(*reader);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        ArticleQuery beta;
        beta.feedId = m_beta;
        model.setQuery(beta);
        QCOMPARE(allIds(model).size(), m_betaIds.size());
        model.setFilter(ArticleListModel::Filter::Unread);
        const QList<qint64> unread = allIds(model);
        QCOMPARE(unread.size(), unreadOf(m_betaIds));
        for (int r = 0; r < model.rowCount(); ++r)
            QVERIFY(!model.index(r, 0).data(ArticleListModel::ReadRole).toBool());
        model.setFilter(ArticleListModel::Filter::Starred);
        QCOMPARE(model.rowCount(), 0);
        model.setQuery(ArticleQuery{}); // the filter stays across views
        QCOMPARE(asSet(allIds(model)), asSet(m_starred));

        // A search with a filter: the ferry stories, none starred, all unread.
        model.setFilter(ArticleListModel::Filter::All);
        QVERIFY(model.setSearch(QStringLiteral("ferry"), SearchOptions{}));
        QCOMPARE(asSet(allIds(model)), asSet(m_ferryIds));
        model.setFilter(ArticleListModel::Filter::Starred);
        QCOMPARE(model.rowCount(), 0);
        model.setFilter(ArticleListModel::Filter::Unread);
        QCOMPARE(model.rowCount(), 4);
    }

    // readScope names the view for "mark all read"; updateStatus changes one row in place.
    void readScopeAndStatusUpdates()
    {
        QString error;
        auto reader = Database::openReader(m_path, &error);
        QVERIFY(reader);
        ArticleListModel model(*reader);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const qint64 newest = ArticleStore(*reader).maxArticleId();
        QVERIFY(newest >= m_gammaIds.last());

        ArticleQuery q;
        q.folderId = m_world;
        model.setQuery(q);
        ReadScope scope = model.readScope();
        QCOMPARE(scope.kind, ReadScope::Kind::Folder);
        QCOMPARE(scope.id, m_world);
        QCOMPARE(scope.maxArticleId, std::optional<qint64>(newest));
        q = {};
        q.labelId = m_label;
        model.setQuery(q);
        QCOMPARE(model.readScope().kind, ReadScope::Kind::Label);
        QCOMPARE(model.readScope().id, m_label);
        q = {};
        q.since = FeedTreeModel::startOfToday();
        model.setQuery(q);
        QCOMPARE(model.readScope().kind, ReadScope::Kind::Today);
        QCOMPARE(model.readScope().since, *q.since);
        q = {};
        q.savedPages = true;
        model.setQuery(q);
        QCOMPARE(model.readScope().kind, ReadScope::Kind::Feed);
        QCOMPARE(model.readScope().id, m_saved);
        q = {};
        q.starredOnly = true;
        model.setQuery(q);
        QCOMPARE(model.readScope().kind, ReadScope::Kind::Starred);
        q = {};
        q.feedId = m_alpha;
        model.setQuery(q);
        QCOMPARE(model.readScope().kind, ReadScope::Kind::Feed);
        QCOMPARE(model.readScope().id, m_alpha);
        // A starred filter inside a feed: exactly the articles listed.
        model.setFilter(ArticleListModel::Filter::Starred);
        scope = model.readScope();
        QCOMPARE(scope.kind, ReadScope::Kind::Articles);
        QCOMPARE(asSet(scope.articleIds), asSet(m_starred));
        model.setFilter(ArticleListModel::Filter::All);
        model.setQuery(ArticleQuery{});
        QCOMPARE(model.readScope().kind, ReadScope::Kind::All);
        // Search results: their ids.
        QVERIFY(model.setSearch(QStringLiteral("ferry"), SearchOptions{}));
        scope = model.readScope();
        QCOMPARE(scope.kind, ReadScope::Kind::Articles);
        QCOMPARE(asSet(scope.articleIds), asSet(m_ferryIds));
        QCOMPARE(scope.maxArticleId, std::optional<qint64>(newest));

        // A status change updates its row without a reset.
        const int row = model.rowOf(m_ferryIds[2]);
        QVERIFY(row >= 0);
        QVERIFY(model.index(row, 0).data(Qt::FontRole).value<QFont>().bold());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.updateStatus(m_ferryIds[2], true, true);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), row);
        QCOMPARE(reset.size(), 0);
        QVERIFY(model.index(row, 0).data(ArticleListModel::ReadRole).toBool());
        QVERIFY(model.index(row, 0).data(ArticleListModel::StarredRole).toBool());
        QVERIFY(!model.index(row, 0).data(Qt::FontRole).value<QFont>().bold());
        QCOMPARE(model.index(row, ArticleListModel::Star).data().toString(),
                 QStringLiteral("\u2605"));
        model.updateStatus(m_ferryIds[2], true, true); // no change, no signal
        model.updateStatus(-5, true, true);            // not listed
        QCOMPARE(changed.size(), 1);
    }

    // The window: tree views choose the list; the search field filters it (debounced), a bad
    // query says why in the status bar, Esc returns to the view; the header orders by date.
    void searchFieldFiltersTheList()
    {
        QString error;
        auto reader = Database::openReader(m_path, &error);
        QVERIFY(reader);
        MainWindow w(*reader);
        QAbstractItemModelTester feedTester(w.feedModel(),
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester articleTester(
            w.articleModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.findChild<QSplitter *>(QStringLiteral("mainSplitter")));
        QVERIFY(w.findChild<QSplitter *>(QStringLiteral("readerSplitter")));
        QCOMPARE(w.articleView()->selectionMode(), QAbstractItemView::ExtendedSelection);
        QVERIFY(w.searchField()->toolTip().contains(QLatin1String("title:")));

        // The Starred view, then the label view, from the tree.
        w.feedView()->setCurrentIndex(w.feedModel()->indexOfView(Kind::Starred));
        QCOMPARE(w.articleModel()->rowCount(), int(m_starred.size()));
        w.feedView()->setCurrentIndex(w.feedModel()->indexOfView(Kind::Label, m_label));
        QCOMPARE(asSet(allIds(*w.articleModel())), asSet(m_labelled));
        // The saved search shows its results.
        w.feedView()->setCurrentIndex(w.feedModel()->indexOfView(Kind::SavedSearch, m_savedSearch));
        QVERIFY(w.articleModel()->isSearch());
        QCOMPARE(asSet(allIds(*w.articleModel())), asSet(m_ferryIds));

        // Alpha Wire, then type a search: after the pause the list shows the results.
        w.feedView()->setCurrentIndex(w.feedModel()->indexOfView(Kind::Feed, m_alpha));
        QCOMPARE(w.articleModel()->rowCount(), int(m_alphaIds.size()));
        w.searchField()->setFocus();
        QTest::keyClicks(w.searchField(), QStringLiteral("harbour captain"));
        QCOMPARE(w.articleModel()->rowCount(), int(m_alphaIds.size())); // not yet: debounced
        QTRY_VERIFY(w.articleModel()->isSearch());
        QCOMPARE(asSet(allIds(*w.articleModel())), asSet(m_ferryIds));
        for (int r = 0; r < w.articleModel()->rowCount(); ++r)
            QVERIFY(w.articleModel()->index(r, 0).data().toString().startsWith(
                QLatin1String("Night ferry")));
        QVERIFY(!w.articleView()->horizontalHeader()->isSortIndicatorShown());
        saveShot(w, QStringLiteral("views-search.png"));

        // A malformed query: the status bar says why, the list stays.
        QTest::keyClick(w.searchField(), Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(w.searchField(), QStringLiteral("is:purple"));
        QTRY_VERIFY(w.statusBar()->currentMessage().contains(QLatin1String("is:purple")));
        QCOMPARE(asSet(allIds(*w.articleModel())), asSet(m_ferryIds));

        // Inside the Beta feed nothing matches.
        QTest::keyClick(w.searchField(), Qt::Key_Escape);
        QVERIFY(!w.articleModel()->isSearch());
        QCOMPARE(w.articleModel()->rowCount(), int(m_alphaIds.size()));
        QVERIFY(w.searchField()->text().isEmpty());
        w.feedView()->setCurrentIndex(w.feedModel()->indexOfView(Kind::Feed, m_beta));
        w.searchField()->setFocus();
        QTest::keyClicks(w.searchField(), QStringLiteral("ferry"));
        QTRY_VERIFY(w.articleModel()->isSearch());
        QCOMPARE(w.articleModel()->rowCount(), 0);
        // Esc: back to Beta Daily's list.
        QTest::keyClick(w.searchField(), Qt::Key_Escape);
        QVERIFY(!w.articleModel()->isSearch());
        QCOMPARE(w.articleModel()->query().feedId, m_beta);
        QCOMPARE(allIds(*w.articleModel()).size(), m_betaIds.size());

        // The filter combo, and the date header's order.
        QVERIFY(w.articleView()->horizontalHeader()->isSortIndicatorShown());
        w.articleFilter()->setCurrentIndex(1);
        QCOMPARE(w.articleModel()->filter(), ArticleListModel::Filter::Unread);
        QCOMPARE(allIds(*w.articleModel()).size(), unreadOf(m_betaIds));
        w.articleFilter()->setCurrentIndex(0);
        QHeaderView *header = w.articleView()->horizontalHeader();
        const QList<qint64> newestFirst = allIds(*w.articleModel());
        header->setSortIndicator(ArticleListModel::Published, Qt::AscendingOrder);
        QList<qint64> oldestFirst = allIds(*w.articleModel());
        std::reverse(oldestFirst.begin(), oldestFirst.end());
        QCOMPARE(oldestFirst, newestFirst);
        header->setSortIndicator(ArticleListModel::Title, Qt::DescendingOrder);
        QCOMPARE(header->sortIndicatorSection(), int(ArticleListModel::Published));
        QCOMPARE(w.articleModel()->sortOrder(), Qt::AscendingOrder);
    }

    // The related pane fills for the selected article, off the GUI thread: cached stories and
    // the page's own list; activating them opens the story or the browser; a stale answer is
    // dropped.
    void relatedPaneFillsForSelection()
    {
        QString error;
        auto reader = Database::openReader(m_path, &error);
        QVERIFY(reader);
        MainWindow w(*reader);
        QList<QUrl> opened;
        w.setExternalUrlOpener([&](const QUrl &url) { opened << url; });
        QAbstractItemModelTester relatedTester(
            w.relatedModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.feedView()->setCurrentIndex(w.feedModel()->indexOfView(Kind::Feed, m_alpha));
        const int row = w.articleModel()->rowOf(m_ferryIds[0]);
        QVERIFY(row >= 0);
        QSignalSpy loaded(w.relatedModel(), &RelatedStoriesModel::loaded);
        w.articleView()->setCurrentIndex(w.articleModel()->index(row, 0));
        QCOMPARE(w.relatedModel()->articleId(), m_ferryIds[0]);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 10000);
        QCOMPARE(loaded.first().at(0).toLongLong(), m_ferryIds[0]);

        RelatedStoriesModel *model = w.relatedModel();
        QSet<qint64> cached;
        QList<QUrl> links;
        int pageHeading = -1, firstLink = -1, firstCached = -1;
        for (int r = 0; r < model->rowCount(); ++r) {
            const QModelIndex i = model->index(r, 0);
            switch (i.data(RelatedStoriesModel::KindRole).value<RelatedStoriesModel::Kind>()) {
            case RelatedStoriesModel::Kind::Cached:
                cached.insert(i.data(RelatedStoriesModel::ArticleIdRole).toLongLong());
                if (firstCached < 0)
                    firstCached = r;
                break;
            case RelatedStoriesModel::Kind::Page:
                links << i.data(RelatedStoriesModel::UrlRole).toUrl();
                if (firstLink < 0)
                    firstLink = r;
                break;
            case RelatedStoriesModel::Kind::Heading:
                QVERIFY(!(model->flags(i) & Qt::ItemIsSelectable));
                pageHeading = r;
                break;
            }
        }
        // The other ferry stories are related; the article itself is not listed.
        QVERIFY2(cached.contains(m_ferryIds[1]) && cached.contains(m_ferryIds[2]) &&
                     cached.contains(m_ferryIds[3]),
                 qPrintable(QString::number(cached.size())));
        QVERIFY(!cached.contains(m_ferryIds[0]));
        // The page's web links, the javascript: one left out.
        QCOMPARE(links, (QList<QUrl>{QUrl(QStringLiteral("https://port.example.test/timetable")),
                                     QUrl(QStringLiteral("https://port.example.test/history"))}));
        QVERIFY(pageHeading >= 0 && pageHeading < firstLink);
        w.feedView()->expandAll();
        saveShot(w, QStringLiteral("views-related.png"));

        // A cached story opens in the reader; a page link goes to the browser.
        const qint64 story =
            model->index(firstCached, 0).data(RelatedStoriesModel::ArticleIdRole).toLongLong();
        emit w.relatedView()->activated(model->index(firstCached, 0));
        QCOMPARE(w.readerView()->articleId(), story);
        emit w.relatedView()->activated(model->index(firstLink, 0));
        QCOMPARE(opened, QList<QUrl>{QUrl(QStringLiteral("https://port.example.test/timetable"))});

        // Moving on before the answer: only the last article's list arrives.
        loaded.clear();
        model->setArticle(m_ferryIds[0]);
        model->setArticle(m_alphaIds[3]);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 10000);
        QCOMPARE(loaded.first().at(0).toLongLong(), m_alphaIds[3]);
        QTest::qWait(200);
        QCOMPARE(loaded.size(), 1);
        for (int r = 0; r < model->rowCount(); ++r)
            QVERIFY(model->index(r, 0)
                        .data(RelatedStoriesModel::KindRole)
                        .value<RelatedStoriesModel::Kind>() != RelatedStoriesModel::Kind::Page);
        model->setArticle(0);
        QCOMPARE(model->rowCount(), 0);
    }
};

BROADSHEET_READER_TEST_MAIN(TestViews)
#include "test_views.moc"
