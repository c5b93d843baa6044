// The main window on a real profile, offscreen.

#include "MainWindow.h"
#include "ReaderTesting.h"
#include "TestData.h"
#include "TestHttpServer.h"
#include "models/ArticleListModel.h"
#include "models/FeedTreeModel.h"
#include "reader/ReaderInterceptor.h"
#include "reader/ReaderView.h"
#include "store/ArticleStore.h"
#include "store/Database.h"
#include "store/FeedStore.h"
#include "sync/SyncService.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QBuffer>
#include <QLabel>
#include <QProgressBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeView>
#include <QtTest>

using namespace bs;

namespace
{

QByteArray rss(const QString &title, const QString &prefix, int items)
{
    QString out = QStringLiteral("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
                                 "<title>%1</title><link>http://site.test/</link>")
                      .arg(title);
    for (int i = 0; i < items; ++i)
        out += QStringLiteral("<item><guid>%1-%2</guid><title>%1 story %2</title>"
                              "<pubDate>Mon, 06 Sep 2021 %3:00:00 GMT</pubDate>"
                              "<description>Text of %1 story %2</description></item>")
                   .arg(prefix)
                   .arg(i)
                   .arg(i % 24, 2, 10, QLatin1Char('0'));
    return (out + QStringLiteral("</channel></rss>")).toUtf8();
}

void saveShot(QWidget &w, const QString &name)
{
    const QImage shot = w.grab().toImage();
    QVERIFY(!shot.isNull());
    if (!qEnvironmentVariableIsEmpty("BROADSHEET_SCREENSHOT_DIR"))
        shot.save(qEnvironmentVariable("BROADSHEET_SCREENSHOT_DIR") + QLatin1Char('/') + name);
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_path;
    qint64 m_feedA = 0, m_feedB = 0;

private slots:
    void initTestCase()
    {
        m_path = m_dir.filePath(QStringLiteral("ui.sqlite"));
        QString error;
        auto db = Database::openWriter(m_path, &error);
        QVERIFY2(db, qPrintable(error));
        FeedStore feeds(*db);
        const auto folder = feeds.folderId(QStringLiteral("World"));
        m_feedA = *feeds.addFeed(Feed{.folderId = *folder,
                                      .url = QUrl(QStringLiteral("https://a.example.test/rss")),
                                      .title = QStringLiteral("Alpha News")});
        m_feedB = *feeds.addFeed(Feed{.url = QUrl(QStringLiteral("https://b.example.test/rss")),
                                      .title = QStringLiteral("南湖日报")});
        test::ArticleGenerator gen;
        QList<Article> batch;
        for (int i = 0; i < 1200; ++i)
            batch << gen.make(i % 3 ? m_feedA : m_feedB, i, 40);
        QVERIFY(ArticleStore(*db).saveAll(batch));
    }

    void showsFeedsAndPagesArticles()
    {
        QString error;
        auto reader = Database::openReader(m_path, &error);
        QVERIFY(reader);
        MainWindow w(*reader);
        QAbstractItemModelTester feedTester(w.feedModel());
        QAbstractItemModelTester articleTester(w.articleModel());
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));

        // The smart views ("All articles" first), the folder (with Alpha inside) and 南湖日报
        // at the top level.
        QCOMPARE(w.feedModel()->rowCount(), 7);
        QTRY_VERIFY(w.feedModel()->item(0)->text().contains(QLatin1String("1200")));
        QCOMPARE(w.feedModel()->feedItem(m_feedA)->parent()->text(), QStringLiteral("World (800)"));

        // The list pages: it holds a page or so, not all 1200 rows.
        QTRY_VERIFY(w.articleModel()->rowCount() > 0);
        const int firstLoad = w.articleModel()->rowCount();
        QVERIFY2(firstLoad < 1200, qPrintable(QString::number(firstLoad)));
        w.articleView()->scrollToBottom();
        QTRY_VERIFY(w.articleModel()->rowCount() > firstLoad);

        // Selecting a feed filters the list.
        const QModelIndex beiwei = w.feedModel()->index(6, 0);
        QCOMPARE(beiwei.data(FeedTreeModel::FeedIdRole).toLongLong(), m_feedB);
        w.feedView()->setCurrentIndex(beiwei);
        QTRY_VERIFY(w.articleModel()->rowCount() > 0);
        for (int r = 0; r < w.articleModel()->rowCount(); ++r) {
            const qint64 id =
                w.articleModel()->index(r, 0).data(ArticleListModel::ArticleIdRole).toLongLong();
            QCOMPARE(ArticleStore(*reader).article(id)->feedId, m_feedB);
        }
        // Unread articles are bold.
        QVERIFY(w.articleModel()->index(0, 0).data(Qt::FontRole).value<QFont>().bold());

        // Selecting an article shows its text.
        w.articleView()->setCurrentIndex(w.articleModel()->index(0, 0));
        const QString title = w.articleModel()->index(0, 0).data().toString();
        // ... in the reader view, from the reader scheme.
        QCOMPARE(w.readerView()->articleId(),
                 w.articleModel()->index(0, 0).data(ArticleListModel::ArticleIdRole).toLongLong());
        QTRY_VERIFY_WITH_TIMEOUT(test::pageText(w.readerView()->page()).contains(title), 20000);

        const QImage shot = w.grab().toImage();
        QVERIFY(!shot.isNull());
        if (!qEnvironmentVariableIsEmpty("BROADSHEET_SCREENSHOT_DIR"))
            shot.save(qEnvironmentVariable("BROADSHEET_SCREENSHOT_DIR") +
                      QStringLiteral("/mainwindow.png"));
    }

    // The article pane is the reader view: an English and a Chinese article from the profile,
    // with a cached image, chosen in the list.
    void readerShowsSelectedArticles()
    {
        const QString path = m_dir.filePath(QStringLiteral("ui-reader.sqlite"));
        const QString image = QStringLiteral("https://pics.example.test/lighthouse.png");
        qint64 english = 0, chinese = 0;
        {
            QString error;
            auto db = Database::openWriter(path, &error);
            QVERIFY2(db, qPrintable(error));
            FeedStore feeds(*db);
            const qint64 feed =
                *feeds.addFeed(Feed{.url = QUrl(QStringLiteral("https://coast.example.test/rss")),
                                    .title = QStringLiteral("Coastal Courier")});
            const qint64 cnFeed =
                *feeds.addFeed(Feed{.url = QUrl(QStringLiteral("https://cn.example.test/rss")),
                                    .title = QStringLiteral("海港晚报")});
            ArticleStore store(*db);
            english =
                store
                    .save(Article{
                        .feedId = feed,
                        .guid = QStringLiteral("en-1"),
                        .url = QUrl(QStringLiteral("https://coast.example.test/lighthouse")),
                        .title = QStringLiteral("The lighthouse keeper's last winter"),
                        .author = QStringLiteral("Ines Marlow"),
                        .published = QDateTime(QDate(2026, 1, 5), QTime(7, 0), Qt::UTC),
                        .content = QStringLiteral(
                                       "<p>For thirty years the lamp on the point was lit by hand. "
                                       "This winter, the keeper says, is the last one.</p>"
                                       "<figure><img src=\"%1\" alt=\"Lighthouse\"><figcaption>The "
                                       "point at first light.</figcaption></figure>"
                                       "<p>The council voted in autumn to automate the light, and "
                                       "the cottage will become a small museum of the coast.</p>"
                                       "<blockquote>The sea does not care who turns the lamp on."
                                       "</blockquote>")
                                       .arg(image)})
                    .id;
            chinese =
                store
                    .save(Article{.feedId = cnFeed,
                                  .guid = QStringLiteral("zh-1"),
                                  .url = QUrl(QStringLiteral("https://cn.example.test/a/1")),
                                  .title = QStringLiteral("夜航渡轮重新启航"),
                                  .author = QStringLiteral("林晓"),
                                  .published = QDateTime(QDate(2026, 2, 1), QTime(12, 0), Qt::UTC),
                                  .content = QStringLiteral(
                                      "<p>经过四个冬天的维修，连接两岸的夜航渡轮昨晚重新启航。"
                                      "码头上聚集了许多市民，等待第一班船靠岸。</p>"
                                      "<p>船长说，新的发动机更安静，航程也缩短了十分钟。</p>")})
                    .id;
            QVERIFY(english > 0 && chinese > 0);
        }
        QString error;
        auto reader = Database::openReader(path, &error);
        QVERIFY(reader);
        MainWindow w(*reader);
        QImage picture(320, 180, QImage::Format_RGB32);
        picture.fill(QColor(70, 110, 160));
        QByteArray png;
        {
            QBuffer buffer(&png);
            buffer.open(QIODevice::WriteOnly);
            picture.save(&buffer, "PNG");
        }
        w.readerView()->setMediaResolver([&](const QUrl &url) -> std::optional<ReaderMedia> {
            if (url == QUrl(image))
                return ReaderMedia{.data = png, .mimeType = QStringLiteral("image/png")};
            return std::nullopt;
        });
        w.readerView()->setTheme(ReaderView::Theme::Light);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTRY_VERIFY(w.articleModel()->rowCount() == 2);

        for (const qint64 id : {english, chinese}) {
            const int row = w.articleModel()->rowOf(id);
            QVERIFY(row >= 0);
            QSignalSpy loaded(w.readerView(), &ReaderView::articleLoaded);
            w.articleView()->setCurrentIndex(w.articleModel()->index(row, 0));
            QCOMPARE(w.readerView()->articleId(), id);
            QVERIFY(loaded.wait(20000));
            const QString text = test::pageText(w.readerView()->page());
            if (id == english) {
                QVERIFY2(text.contains(QLatin1String("lighthouse keeper's last winter")),
                         qPrintable(text));
                QTRY_COMPARE_WITH_TIMEOUT(
                    test::evalInPage(w.readerView()->page(),
                                     QStringLiteral("document.querySelector('img').naturalWidth"))
                        .toInt(),
                    320, 10000);
            } else {
                QVERIFY2(text.contains(QStringLiteral("夜航渡轮重新启航")), qPrintable(text));
                QVERIFY2(text.contains(QStringLiteral("新的发动机更安静")), qPrintable(text));
                QCOMPARE(test::evalInPage(w.readerView()->page(),
                                          QStringLiteral("document.documentElement.lang"))
                             .toString(),
                         QStringLiteral("zh"));
            }
            QTest::qWait(300); // let the compositor paint before the picture is taken
            saveShot(w, id == english ? QStringLiteral("reader-en.png")
                                      : QStringLiteral("reader-zh.png"));
        }
        // The dark theme, for the picture.
        w.readerView()->setTheme(ReaderView::Theme::Dark);
        QTRY_COMPARE(test::evalInPage(w.readerView()->page(),
                                      QStringLiteral("getComputedStyle(document.documentElement)"
                                                     ".backgroundColor"))
                         .toString(),
                     QStringLiteral("rgb(30, 31, 34)"));
        QTest::qWait(300);
        saveShot(w, QStringLiteral("reader-dark.png"));
        for (const auto &r : w.readerView()->interceptor()->log())
            QCOMPARE(r.url.scheme(), QStringLiteral("bsreader"));
    }

    // "Sync now" runs the engine on its thread against a loopback server; each synced feed
    // updates its unread count and the list while the run is still going.
    void syncUpdatesCountsLive()
    {
        test::TestHttpServer server;
        QVERIFY(server.listen());
        server.route("/alpha.xml", test::HttpResponse::ok(rss(QStringLiteral("Alpha Wire"),
                                                              QStringLiteral("alpha"), 30),
                                                          "application/rss+xml"));
        server.route("/beta.xml", test::HttpResponse::ok(
                                      rss(QStringLiteral("Beta Daily"), QStringLiteral("beta"), 20),
                                      "application/rss+xml"));
        test::HttpResponse slow = test::HttpResponse::ok(
            rss(QStringLiteral("Gamma Slow"), QStringLiteral("gamma"), 10), "application/rss+xml");
        slow.delayMs = 2500; // keeps the run going while the window is checked
        server.route("/gamma.xml", slow);

        const QString path = m_dir.filePath(QStringLiteral("ui-sync.sqlite"));
        qint64 alpha = 0, beta = 0, missing = 0, gamma = 0;
        {
            QString error;
            auto db = Database::openWriter(path, &error);
            QVERIFY2(db, qPrintable(error));
            FeedStore feeds(*db);
            alpha = *feeds.addFeed(Feed{.url = server.url(QStringLiteral("/alpha.xml"))});
            beta = *feeds.addFeed(Feed{.url = server.url(QStringLiteral("/beta.xml"))});
            missing = *feeds.addFeed(Feed{.url = server.url(QStringLiteral("/missing.xml"))});
            gamma = *feeds.addFeed(Feed{.url = server.url(QStringLiteral("/gamma.xml"))});
        }
        QString error;
        auto reader = Database::openReader(path, &error);
        QVERIFY(reader);
        SyncService sync(path);
        MainWindow w(*reader, &sync);
        QAbstractItemModelTester feedTester(w.feedModel());
        QAbstractItemModelTester articleTester(w.articleModel());
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.syncAction()->isEnabled());
        QVERIFY(!w.cancelSyncAction()->isEnabled());
        QVERIFY(!w.syncProgress()->isVisible());

        // Show Alpha's (still empty) list, then sync with R from the tree.
        QStandardItem *alphaItem = w.feedModel()->feedItem(alpha);
        QVERIFY(alphaItem);
        w.feedView()->setCurrentIndex(alphaItem->index());
        QCOMPARE(w.articleModel()->rowCount(), 0);
        w.feedView()->setFocus();
        QTest::keyClick(w.feedView(), Qt::Key_R);
        QVERIFY(!w.syncAction()->isEnabled());
        QVERIFY(w.cancelSyncAction()->isEnabled());

        // Alpha and Beta arrive while Gamma is still on its way: counts and list update live.
        QTRY_VERIFY_WITH_TIMEOUT(alphaItem->text() == QLatin1String("Alpha Wire (30)") &&
                                     w.feedModel()->feedItem(beta)->text() ==
                                         QLatin1String("Beta Daily (20)"),
                                 10000);
        QTRY_VERIFY_WITH_TIMEOUT(w.syncError()->isVisible(), 10000); // the 404
        QVERIFY(w.syncError()->text().contains(QLatin1String("missing.xml")));
        QVERIFY(!w.feedModel()->feedItem(missing)->toolTip().isEmpty());
        QVERIFY(sync.isSyncing());
        QVERIFY(w.syncProgress()->isVisible());
        QCOMPARE(w.syncProgress()->maximum(), 4);
        QTRY_COMPARE(w.syncProgress()->value(), 3);
        QVERIFY(w.syncStatus()->text().contains(QLatin1String("3 of 4")));
        QTRY_COMPARE(w.articleModel()->rowCount(), 30);
        QSet<QString> titles;
        for (int r = 0; r < w.articleModel()->rowCount(); ++r)
            titles.insert(w.articleModel()->index(r, 0).data().toString());
        for (int i = 0; i < 30; ++i)
            QVERIFY(titles.contains(QStringLiteral("alpha story %1").arg(i)));
        QVERIFY(w.feedModel()->item(0)->text().contains(QLatin1String("(50)")));
        QCOMPARE(w.feedModel()->feedItem(gamma)->text(),
                 server.url(QStringLiteral("/gamma.xml")).toString());
        saveShot(w, QStringLiteral("mainwindow-syncing.png"));

        // The end of the run.
        QTRY_VERIFY_WITH_TIMEOUT(!sync.isSyncing(), 15000);
        QTRY_COMPARE(w.feedModel()->feedItem(gamma)->text(), QStringLiteral("Gamma Slow (10)"));
        QVERIFY(w.feedModel()->item(0)->text().contains(QLatin1String("(60)")));
        QVERIFY(!w.syncProgress()->isVisible());
        QVERIFY(w.syncAction()->isEnabled());
        QVERIFY(!w.cancelSyncAction()->isEnabled());
        QVERIFY2(w.syncStatus()->text().contains(QLatin1String("Synced 4 feeds")),
                 qPrintable(w.syncStatus()->text()));
        QVERIFY(w.syncStatus()->text().contains(QLatin1String("1 with errors")));
        QCOMPARE(w.articleModel()->rowCount(), 30); // Gamma is not the feed shown
        saveShot(w, QStringLiteral("mainwindow-synced.png"));

        // Selecting an article, then syncing again (all unchanged): the selection stays.
        w.articleView()->setCurrentIndex(w.articleModel()->index(3, 0));
        const QString title = w.articleModel()->index(3, 0).data().toString();
        w.syncAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!sync.isSyncing(), 15000);
        QCOMPARE(w.articleView()->currentIndex().data().toString(), title);

        // Cancel Sync while Gamma is on its way: the run ends early and says so.
        w.syncAction()->trigger();
        QTRY_COMPARE(w.syncProgress()->value(), 3);
        QVERIFY(w.cancelSyncAction()->isEnabled());
        w.cancelSyncAction()->trigger();
        QTRY_VERIFY(!sync.isSyncing());
        QVERIFY2(w.syncStatus()->text().contains(QLatin1String("cancelled")),
                 qPrintable(w.syncStatus()->text()));
        QVERIFY(!w.syncProgress()->isVisible());
        QVERIFY(w.syncAction()->isEnabled());
    }
};

BROADSHEET_READER_TEST_MAIN(TestMainWindow)
#include "test_mainwindow.moc"
