// Page feeds in the main window, offscreen, on a real profile with the real sync worker and the
// loopback HTTP server: the add-feed dialog lists a feedless page's lists of stories (the best
// chosen, with a preview) and subscribes to one; the new feed syncs into articles; the
// properties dialog previews an edited selector live and refuses an invalid one; a page without
// a list says why; the worker's preview and add calls answer once each. The pages are written
// here (an imaginary harbour town's paper).

#include "FeedTreeView.h"
#include "MainWindow.h"
#include "Preferences.h"
#include "ReaderTesting.h"
#include "TestHttpServer.h"
#include "dialogs/AddFeedDialog.h"
#include "dialogs/FeedPropertiesDialog.h"
#include "models/FeedTreeModel.h"
#include "pages/PageLists.h"
#include "store/ArticleStore.h"
#include "store/Database.h"
#include "store/FeedStore.h"
#include "sync/SyncService.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QTreeWidget>
#include <QtTest>

#include <functional>

using namespace bs;
using namespace bs::test;

namespace
{

const QStringList kStories = {
    QStringLiteral("Winter ferry timetable starts on Monday"),
    QStringLiteral("Lighthouse keepers' cottage opens as a museum"),
    QStringLiteral("Fish market moves to the north quay for repairs"),
    QStringLiteral("School choir wins the regional song contest"),
    QStringLiteral("New bus line links the station and the hospital"),
    QStringLiteral("Storm damage: sea wall path closed until spring"),
    QStringLiteral("Library extends its opening hours on Thursdays"),
    QStringLiteral("Rowing club celebrates its hundredth regatta"),
    QStringLiteral("Harbour office publishes the tide tables for next year"),
    QStringLiteral("Volunteers plant four hundred trees on the dunes"),
};
const QStringList kPopular = {
    QStringLiteral("Letters: the parking question again"),
    QStringLiteral("Recipe of the week: smoked mackerel pie"),
    QStringLiteral("Photo gallery: the autumn fair"),
    QStringLiteral("Obituary: a boat builder remembered"),
};
const QStringList kSport = {
    QStringLiteral("Rovers draw at home in the rain"),
    QStringLiteral("Harbour swim moved to August"),
    QStringLiteral("Junior sailing week fully booked"),
    QStringLiteral("Cycling club's coast ride raises funds for the lifeboat"),
    QStringLiteral("Bowls: veterans keep the county shield"),
};
const QString kPopularSelector = QStringLiteral("ol.popular > li");

// A news page without any feed: a menu, the main list of stories (title link, date, teaser),
// and a short "most read" list beside it.
QByteArray newsPage(bool withFeedLink = false)
{
    QString html =
        QStringLiteral("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                       "<title>Harbour Town Gazette</title>%1</head><body>"
                       "<header><nav><ul class=\"menu\"><li><a href=\"/\">Home</a></li>"
                       "<li><a href=\"/news/\">News</a></li><li><a href=\"/sport/\">Sport</a></li>"
                       "<li><a href=\"/weather/\">Weather</a></li></ul></nav></header>"
                       "<main><h1>Latest news</h1><ul class=\"stories\">")
            .arg(withFeedLink ? QStringLiteral("<link rel=\"alternate\" "
                                               "type=\"application/rss+xml\" "
                                               "title=\"Gazette\" href=\"/blog.xml\">")
                              : QString());
    for (int i = 0; i < kStories.size(); ++i)
        html += QStringLiteral("<li class=\"story\"><h2><a href=\"/news/story-%1.html\">%2</a></h2>"
                               "<time datetime=\"2024-11-%3T08:30:00+01:00\">%3 November 2024"
                               "</time><p>%4 The town council will say more at its next "
                               "meeting, and the paper will report on it.</p></li>")
                    .arg(i)
                    .arg(kStories[i])
                    .arg(20 - i, 2, 10, QLatin1Char('0'))
                    .arg(QStringLiteral("Story number %1 of this week's news.").arg(i + 1));
    html += QStringLiteral("</ul><section class=\"sport\"><h2>Sport</h2>");
    for (int i = 0; i < kSport.size(); ++i)
        html += QStringLiteral("<article><h3><a href=\"/sport/result-%1.html\">%2</a></h3>"
                               "<span class=\"date\">2024-11-%3</span></article>")
                    .arg(i)
                    .arg(kSport[i])
                    .arg(18 - i);
    html += QStringLiteral("</section></main><aside><h3>Most read</h3><ol class=\"popular\">");
    for (int i = 0; i < kPopular.size(); ++i)
        html += QStringLiteral("<li><a href=\"/news/popular-%1.html\">%2</a></li>")
                    .arg(i)
                    .arg(kPopular[i]);
    html += QStringLiteral("</ol></aside><footer><p>Harbour Town Gazette, Quay Street 1.</p>"
                           "</footer></body></html>");
    return html.toUtf8();
}

// One article, no list of stories.
QByteArray plainPage()
{
    return QByteArrayLiteral(
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>About us</title></head>"
        "<body><h1>About the Gazette</h1><p>The Gazette has been printed on Quay Street since "
        "the year the railway came to town. Three reporters and one photographer write it "
        "every week.</p><p>Letters to the editor are welcome at the office.</p></body></html>");
}

QByteArray rss(const QString &title)
{
    return QStringLiteral("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>%1</title>"
                          "<link>http://site.test/</link><item><guid>b1</guid><title>Only item"
                          "</title></item></channel></rss>")
        .arg(title)
        .toUtf8();
}

// Saves a picture of the widget when BROADSHEET_SCREENSHOT_DIR names a folder.
void saveShot(QWidget *w, const QString &name)
{
    const QImage shot = w->grab().toImage();
    QVERIFY(!shot.isNull());
    if (!qEnvironmentVariableIsEmpty("BROADSHEET_SCREENSHOT_DIR"))
        QVERIFY(
            shot.save(qEnvironmentVariable("BROADSHEET_SCREENSHOT_DIR") + QLatin1Char('/') + name));
}

// Acts on the next modal dialog of type T as soon as it shows (the caller then opens it).
template <typename T> void whenModal(std::function<void(T *)> act)
{
    auto *timer = new QTimer;
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, act] {
        if (auto *dialog = qobject_cast<T *>(QApplication::activeModalWidget())) {
            timer->stop();
            timer->deleteLater();
            act(dialog);
        }
    });
    timer->start();
}

QModelIndex findFeedRow(QAbstractItemModel *model, qint64 id, const QModelIndex &parent = {})
{
    for (int r = 0; r < model->rowCount(parent); ++r) {
        const QModelIndex index = model->index(r, 0, parent);
        if (index.data(FeedTreeModel::ViewKindRole).value<FeedTreeModel::ViewKind>() ==
                FeedTreeModel::ViewKind::Feed &&
            index.data(FeedTreeModel::ViewIdRole).toLongLong() == id)
            return index;
        if (const QModelIndex below = findFeedRow(model, id, index); below.isValid())
            return below;
    }
    return {};
}

QStringList previewTitles(const QTreeWidget *preview, int count)
{
    QStringList titles;
    for (int i = 0; i < preview->topLevelItemCount() && i < count; ++i)
        titles << preview->topLevelItem(i)->text(0);
    return titles;
}

} // namespace

class TestPageFeedsUi : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    TestHttpServer m_server;
    QString m_path;
    std::unique_ptr<Database> m_reader;
    std::unique_ptr<SyncService> m_sync;
    std::unique_ptr<MainWindow> m_window;
    qint64 m_pageFeed = 0;

    FeedTreeView *tree() const { return m_window->feedTree(); }

private slots:
    void initTestCase()
    {
        qputenv("BROADSHEET_DISABLE_WEBENGINE", "1");
        QVERIFY(m_dir.isValid());
        prefs::setFilePath(m_dir.filePath(QStringLiteral("broadsheet.ini")));
        prefs::open()->setValue(QLatin1String(prefs::kFullTextDefault), QStringLiteral("off"));
        QVERIFY(m_server.listen());
        m_server.route("/news/", HttpResponse::ok(newsPage(), "text/html; charset=utf-8"));
        m_server.route("/other/", HttpResponse::ok(newsPage(), "text/html; charset=utf-8"));
        m_server.route("/blog/", HttpResponse::ok(newsPage(true), "text/html; charset=utf-8"));
        m_server.route("/blog.xml",
                       HttpResponse::ok(rss(QStringLiteral("Gazette")), "application/rss+xml"));
        m_server.route("/about/", HttpResponse::ok(plainPage(), "text/html; charset=utf-8"));

        m_path = m_dir.filePath(QStringLiteral("pages.sqlite"));
        QString error;
        Database::openWriter(m_path, &error).reset();
        m_reader = Database::openReader(m_path, &error);
        QVERIFY2(m_reader, qPrintable(error));
        m_sync = std::make_unique<SyncService>(m_path);
        m_window = std::make_unique<MainWindow>(*m_reader, m_sync.get());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_sync.reset();
        m_reader.reset();
    }

    void addPageFeedFromDialog()
    {
        QAbstractItemModelTester tester(tree()->model());
        FeedStore store(*m_reader);
        const QUrl news = m_server.url(QStringLiteral("/news/"));
        QPointer<AddFeedDialog> dialog = m_window->addFeed(news);
        QVERIFY(dialog && dialog->isVisible());
        QVERIFY(!dialog->pagePanel()->isVisible());
        QTest::mouseClick(dialog->addButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->pageListView()->topLevelItemCount() > 0, 15000);
        QVERIFY(!dialog->isBusy());
        QVERIFY(dialog->pagePanel()->isVisible());
        QVERIFY(!dialog->feedList()->isVisible());
        QVERIFY2(dialog->pageNote()->text().contains(QLatin1String("publishes no feed")),
                 qPrintable(dialog->pageNote()->text()));
        QVERIFY(dialog->pageNote()->text().contains(QLatin1String("Harbour Town Gazette")));

        // The best list is chosen: the stories, with their first titles in the candidate's
        // text and in the preview (with dates); its selector is the candidate's tooltip.
        QTreeWidget *lists = dialog->pageListView();
        QVERIFY2(lists->topLevelItemCount() >= 2, "the stories and the sport results");
        QCOMPARE(lists->currentItem(), lists->topLevelItem(0));
        const QString best = lists->topLevelItem(0)->text(0);
        QVERIFY2(best.startsWith(QLatin1String("10 stories")), qPrintable(best));
        for (int i = 0; i < 3; ++i)
            QVERIFY2(best.contains(kStories[i]), qPrintable(best));
        const QString selector = lists->topLevelItem(0)->data(0, Qt::UserRole).toString();
        QVERIFY(!selector.isEmpty());
        QVERIFY(lists->topLevelItem(0)->toolTip(0).contains(selector));
        QVERIFY(best.endsWith(QLatin1Char('\n') + selector));
        QTreeWidget *preview = dialog->pagePreview();
        QCOMPARE(preview->topLevelItemCount(), 10);
        QCOMPARE(previewTitles(preview, 3), kStories.mid(0, 3));
        QVERIFY(!preview->topLevelItem(0)->text(1).isEmpty()); // the date
        // Another candidate previews its own stories.
        for (int row = 1; row < lists->topLevelItemCount(); ++row) {
            lists->setCurrentItem(lists->topLevelItem(row));
            QVERIFY(preview->topLevelItemCount() > 0);
            QVERIFY(!lists->topLevelItem(row)->text(0).isEmpty());
        }
        lists->setCurrentItem(lists->topLevelItem(0));
        QCOMPARE(previewTitles(preview, 1), kStories.mid(0, 1));
        QVERIFY(store.feeds().isEmpty()); // nothing added before Add
        dialog->resize(860, 600);
        QApplication::processEvents();
        saveShot(dialog, QStringLiteral("addfeed-pagelists.png"));

        QTest::mouseClick(dialog->addButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog, 10000); // accepted and closed
        QCOMPARE(store.feeds().size(), 1);
        const Feed feed = store.feeds().first();
        m_pageFeed = feed.id;
        QCOMPARE(feed.kind, FeedKind::Page);
        QCOMPARE(feed.pageSelector, selector);
        QCOMPARE(feed.url, news);
        QCOMPARE(feed.title, QStringLiteral("Harbour Town Gazette"));
        QCOMPARE(feed.fullText, FullTextMode::Off);

        // In the tree, with its list as tooltip; synced at once into articles.
        QTRY_VERIFY(findFeedRow(tree()->model(), feed.id).isValid());
        QVERIFY(findFeedRow(tree()->model(), feed.id)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("Page feed: %1").arg(selector)));
        ArticleQuery query;
        query.feedId = feed.id;
        QTRY_COMPARE_WITH_TIMEOUT(ArticleStore(*m_reader).count(query), qint64(10), 15000);
        QStringList titles;
        for (const ArticlePageRow &row : ArticleStore(*m_reader).list(query))
            titles << row.summary.title;
        titles.sort();
        QStringList expected = kStories;
        expected.sort();
        QCOMPARE(titles, expected);
        QTRY_VERIFY(!m_sync->isSyncing());
    }

    void propertiesPreviewTheSelector()
    {
        QVERIFY(m_pageFeed != 0);
        FeedStore store(*m_reader);
        const Feed feed = *store.feed(m_pageFeed);
        QVERIFY(!pageSelectorError(QStringLiteral("li[")).isEmpty());
        QVERIFY(pageSelectorError(kPopularSelector).isEmpty());
        const int pageHits = m_server.hits("/news/");

        bool done = false;
        int hitsBeforeSave = -1;
        whenModal<FeedPropertiesDialog>([&](FeedPropertiesDialog *d) {
            auto close = qScopeGuard([d] { d->reject(); }); // a failed check ends the dialog
            QVERIFY(d->selectorEdit());
            QCOMPARE(d->selectorEdit()->text(), feed.pageSelector);
            // The stored selector's stories, at once.
            QTRY_COMPARE_WITH_TIMEOUT(d->selectorPreview()->count(), 8, 10000);
            QVERIFY2(d->selectorStatus()->text().contains(QLatin1String("10 stories")),
                     qPrintable(d->selectorStatus()->text()));
            QVERIFY(d->selectorPreview()->item(0)->text().startsWith(kStories[0]));

            // Another list: previewed once typing has paused (debounced), not before.
            d->selectorEdit()->setText(kPopularSelector);
            QCOMPARE(d->selectorPreview()->count(), 0);
            QVERIFY(d->okButton()->isEnabled());
            QTRY_COMPARE_WITH_TIMEOUT(d->selectorPreview()->count(), int(kPopular.size()), 10000);
            QVERIFY2(d->selectorStatus()->text().contains(QLatin1String("4 stories")),
                     qPrintable(d->selectorStatus()->text()));
            QCOMPARE(d->selectorPreview()->item(0)->text(), kPopular[0]);

            // Not a selector: said at once, OK disabled.
            d->selectorEdit()->setText(QStringLiteral("li["));
            QVERIFY(!d->okButton()->isEnabled());
            QCOMPARE(d->selectorStatus()->text(), pageSelectorError(QStringLiteral("li[")));
            QCOMPARE(d->selectorPreview()->count(), 0);
            saveShot(d, QStringLiteral("page-feed-properties-invalid.png"));
            QTest::qWait(500);
            QVERIFY(!d->okButton()->isEnabled());

            // A valid selector that matches nothing: the finder's reason, OK stays possible.
            d->selectorEdit()->setText(QStringLiteral("table.none > tr"));
            QVERIFY(d->okButton()->isEnabled());
            QTRY_VERIFY_WITH_TIMEOUT(
                d->selectorStatus()->styleSheet().contains(QLatin1String("color")), 10000);
            QVERIFY(!d->selectorStatus()->text().isEmpty());
            QCOMPARE(d->selectorPreview()->count(), 0);

            d->selectorEdit()->setText(QStringLiteral("  ") + kPopularSelector);
            QTRY_COMPARE_WITH_TIMEOUT(d->selectorPreview()->count(), int(kPopular.size()), 10000);
            saveShot(d, QStringLiteral("page-feed-properties.png"));
            hitsBeforeSave = m_server.hits("/news/");
            close.dismiss();
            done = true;
            d->accept();
        });
        tree()->showProperties(findFeedRow(tree()->model(), m_pageFeed));
        QVERIFY(done);
        // Saved: the new selector (trimmed); the previews read the page the discovery kept.
        QTRY_COMPARE(store.feed(m_pageFeed)->pageSelector, kPopularSelector);
        QCOMPARE(hitsBeforeSave, pageHits);
        QTRY_VERIFY(findFeedRow(tree()->model(), m_pageFeed)
                        .data(Qt::ToolTipRole)
                        .toString()
                        .contains(kPopularSelector));
        QTRY_VERIFY(!m_sync->isSyncing());
    }

    void pageWithoutListSaysWhy()
    {
        const QUrl about = m_server.url(QStringLiteral("/about/"));
        const PageListsResult expected =
            findPageLists(plainPage(), about, QStringLiteral("text/html; charset=utf-8"));
        QVERIFY(expected.lists.isEmpty());
        QVERIFY(!expected.error.isEmpty());

        QPointer<AddFeedDialog> dialog = m_window->addFeed(about);
        QTest::mouseClick(dialog->addButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), 15000);
        QTRY_VERIFY(dialog->messageLabel()->isVisible());
        const QString message = dialog->messageLabel()->text();
        QVERIFY2(message.contains(QLatin1String("No feed was found")), qPrintable(message));
        QVERIFY2(message.contains(expected.error), qPrintable(message));
        QVERIFY(!dialog->pagePanel()->isVisible());
        QVERIFY(dialog->isVisible());
        saveShot(dialog, QStringLiteral("addfeed-nolist.png"));
        dialog->reject();
        QTRY_VERIFY(!dialog);
    }

    void followThePageOfASiteWithAFeed()
    {
        FeedStore store(*m_reader);
        const qsizetype before = store.feeds().size();
        QPointer<AddFeedDialog> dialog = m_window->addFeed(m_server.url(QStringLiteral("/blog/")));
        dialog->followPageBox()->setChecked(true);
        QTest::mouseClick(dialog->addButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->pageListView()->topLevelItemCount() > 0, 15000);
        QVERIFY2(dialog->pageNote()->text().contains(QLatin1String("instead of its feed")),
                 qPrintable(dialog->pageNote()->text()));
        QCOMPARE(previewTitles(dialog->pagePreview(), 2), kStories.mid(0, 2));
        // Unticking goes back to the feed: the choice shown is dropped.
        dialog->followPageBox()->setChecked(false);
        QVERIFY(!dialog->pagePanel()->isVisible());
        QTest::mouseClick(dialog->addButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog, 10000);
        const auto feed = store.feedByUrl(m_server.url(QStringLiteral("/blog.xml")));
        QVERIFY(feed);
        QCOMPARE(feed->kind, FeedKind::Document);
        QCOMPARE(store.feeds().size(), before + 1);
        QTRY_VERIFY(!m_sync->isSyncing());

        // A feed's own address has no page to follow: said in the dialog, nothing added.
        dialog = m_window->addFeed(m_server.url(QStringLiteral("/blog.xml")));
        dialog->followPageBox()->setChecked(true);
        QTest::mouseClick(dialog->addButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), 15000);
        QTRY_VERIFY(dialog->messageLabel()->text().contains(QLatin1String("is a feed")));
        QVERIFY(!dialog->pagePanel()->isVisible());
        QCOMPARE(store.feeds().size(), before + 1);
        dialog->reject();
        QTRY_VERIFY(!dialog);
    }

    void workerPreviewAndAdd()
    {
        // Two previews of a page nobody discovered: one fetch, one answer each.
        const QUrl other = m_server.url(QStringLiteral("/other/"));
        QSignalSpy previews(m_sync.get(), &SyncService::selectorPreview);
        m_sync->previewSelector(other, kPopularSelector);
        m_sync->previewSelector(other, QStringLiteral("ul.stories > li"));
        QTRY_COMPARE_WITH_TIMEOUT(previews.size(), 2, 10000);
        QCOMPARE(m_server.hits("/other/"), 1);
        for (const QList<QVariant> &answer : std::as_const(previews)) {
            QCOMPARE(answer.at(0).toUrl(), other);
            const auto result = answer.at(2).value<PageListsResult>();
            QVERIFY2(result.ok(), qPrintable(result.error));
            QCOMPARE(result.lists.first().items.size(), answer.at(1).toString() == kPopularSelector
                                                            ? kPopular.size()
                                                            : kStories.size());
        }
        // The fetched page is kept: another preview reads it again without a fetch.
        m_sync->previewSelector(other, kPopularSelector);
        QTRY_COMPARE(previews.size(), 3);
        QCOMPARE(m_server.hits("/other/"), 1);
        // An invalid selector and a missing page: an answer with the reason.
        m_sync->previewSelector(other, QStringLiteral("li["));
        QTRY_COMPARE(previews.size(), 4);
        QVERIFY(!previews.at(3).at(2).value<PageListsResult>().ok());
        m_sync->previewSelector(m_server.url(QStringLiteral("/gone/")), kPopularSelector);
        QTRY_COMPARE_WITH_TIMEOUT(previews.size(), 5, 10000);
        QVERIFY2(previews.at(4).at(2).value<PageListsResult>().error.contains(QLatin1String("404")),
                 qPrintable(previews.at(4).at(2).value<PageListsResult>().error));

        // addPageFeed refuses an invalid selector and an address already subscribed.
        QSignalSpy failed(m_sync.get(), &SyncService::feedAddFailed);
        m_sync->addPageFeed(other, QStringLiteral("li["));
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(failed.at(0).at(1).toString(), pageSelectorError(QStringLiteral("li[")));
        m_sync->addPageFeed(m_server.url(QStringLiteral("/news/")), kPopularSelector);
        QTRY_COMPARE(failed.size(), 2);
        QVERIFY(failed.at(1).at(1).toString().contains(QLatin1String("already subscribed")));
        QVERIFY(!FeedStore(*m_reader).feedByUrl(other));
    }
};

BROADSHEET_READER_TEST_MAIN(TestPageFeedsUi)
#include "test_page_feeds_ui.moc"
