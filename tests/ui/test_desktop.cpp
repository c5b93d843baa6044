// Desktop habits on real widgets (offscreen) over real profiles: icons, translations, window
// state, the tray's unread badge and closing to the tray, batched notifications after a real
// sync against the loopback server, single instance over a real local socket, and the first
// run through the sync worker with the bundled resources.

#include "Icons.h"
#include "MainWindow.h"
#include "Preferences.h"
#include "TestHttpServer.h"
#include "Translations.h"
#include "desktop/BundledContent.h"
#include "desktop/DesktopIntegration.h"
#include "desktop/NewArticleBatcher.h"
#include "desktop/SingleInstance.h"
#include "desktop/WindowState.h"
#include "models/ArticleListModel.h"
#include "models/FeedTreeModel.h"
#include "store/ArticleStore.h"
#include "store/Database.h"
#include "store/FeedStore.h"
#include "store/StatusStore.h"
#include "sync/SyncService.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QLibraryInfo>
#include <QLocalSocket>
#include <QMenu>
#include <QMenuBar>
#include <QPainter>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeView>
#include <QWindow>
#include <QtTest>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <thread>

// The window manager's close button, as the platform plugin reports it: a spontaneous close
// event (QWindow::close() and QWidget::close() are the program's own). Declared here because
// Debian ships no Qt private headers; the function is exported by QtGui.
class QWindowSystemInterface
{
public:
    struct SynchronousDelivery {
    };
    template <typename Delivery> static bool handleCloseEvent(QWindow *window);
};

using namespace bs;

namespace
{

void closeFromWindowManager(QWidget &widget)
{
    QWindowSystemInterface::handleCloseEvent<QWindowSystemInterface::SynchronousDelivery>(
        widget.windowHandle());
}

QByteArray rss(const QString &title, const QString &prefix, int items)
{
    QString out = QStringLiteral("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
                                 "<title>%1</title><link>http://site.test/</link>")
                      .arg(title);
    for (int i = 0; i < items; ++i)
        out += QStringLiteral("<item><guid>%1-%2</guid><title>%1 story %2</title>"
                              "<description>Text of %1 story %2</description></item>")
                   .arg(prefix)
                   .arg(i);
    return (out + QStringLiteral("</channel></rss>")).toUtf8();
}

// Share of the image's pixels that are not transparent, and their mean grey level.
QPair<double, double> ink(const QImage &image)
{
    int opaque = 0;
    double grey = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (c.alpha() > 128) {
                ++opaque;
                grey += qGray(c.rgb());
            }
        }
    return {double(opaque) / (image.width() * image.height()), opaque ? grey / opaque : 0};
}

// Saves an image for a person to look at when BROADSHEET_SCREENSHOT_DIR is set.
void saveShot(const QImage &image, const QString &name)
{
    QVERIFY(!image.isNull());
    if (!qEnvironmentVariableIsEmpty("BROADSHEET_SCREENSHOT_DIR"))
        image.save(qEnvironmentVariable("BROADSHEET_SCREENSHOT_DIR") + QLatin1Char('/') + name);
}

QStringList menuTitles(const QMainWindow &w)
{
    QStringList titles;
    for (QAction *action : w.menuBar()->actions())
        titles.append(action->text());
    return titles;
}

} // namespace

class TestDesktop : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    int m_n = 0;

    QString newProfile() { return m_dir.filePath(QStringLiteral("d%1.sqlite").arg(++m_n)); }

    // A profile with feeds at the loopback server's /a.xml and /b.xml ("Alpha", "Beta").
    QString profileWithFeeds(const test::TestHttpServer &server, QList<qint64> *ids)
    {
        const QString path = newProfile();
        QString error;
        auto db = Database::openWriter(path, &error);
        if (!db)
            return {};
        FeedStore feeds(*db);
        for (const char *name : {"/a.xml", "/b.xml", "/c.xml"})
            ids->append(*feeds.addFeed(Feed{.url = server.url(QString::fromLatin1(name))}));
        return path;
    }

private slots:
    void init()
    {
        // Each test function starts with fresh preferences.
        prefs::setFilePath(m_dir.filePath(QStringLiteral("prefs-%1.ini").arg(++m_n)));
        installTranslators(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void bundledIconsRenderAtAnySize()
    {
        // Qt's SVG image plugin reads the resources too (what QIcon(":/icons/x.svg") needs).
        QVERIFY(!QImage(QStringLiteral(":/icons/star.svg")).isNull());
        const QStringList names = {QStringLiteral("sync"),      QStringLiteral("cancel"),
                                   QStringLiteral("star"),      QStringLiteral("star-filled"),
                                   QStringLiteral("mark-read"), QStringLiteral("add-feed"),
                                   QStringLiteral("folder"),    QStringLiteral("feed"),
                                   QStringLiteral("search"),    QStringLiteral("open-in-browser"),
                                   QStringLiteral("tray"),      QStringLiteral("broadsheet")};
        for (const QString &name : names) {
            const QIcon icon = bundledIcon(name);
            QVERIFY2(!icon.isNull(), qPrintable(name));
            QVERIFY(!bs::icon(name).isNull());
            const QPixmap small = icon.pixmap(QSize(16, 16), 1.0);
            QCOMPARE(small.size(), QSize(16, 16));
            // HiDPI: drawn at twice the pixels, not scaled up.
            const QPixmap sharp = icon.pixmap(QSize(24, 24), 2.0);
            QCOMPARE(sharp.size(), QSize(48, 48));
            QCOMPARE(sharp.devicePixelRatio(), 2.0);
            const auto [share, grey] = ink(sharp.toImage());
            QVERIFY2(share > 0.04, qPrintable(name));
        }
        QVERIFY(bundledIcon(QStringLiteral("no-such-icon")).isNull());

        // A sheet of every icon at 16, 24 and 48 px on a light and a dark background.
        QImage sheet(names.size() * 56, 2 * 56, QImage::Format_ARGB32);
        const QPalette saved = QGuiApplication::palette();
        for (int row = 0; row < 2; ++row) {
            QPalette palette = saved;
            palette.setColor(QPalette::WindowText,
                             row ? QColor(235, 235, 235) : QColor(30, 30, 30));
            QGuiApplication::setPalette(palette);
            QPainter painter(&sheet);
            painter.fillRect(0, row * 56, sheet.width(), 56, row ? QColor(40, 40, 40) : Qt::white);
            for (int i = 0; i < names.size(); ++i) {
                const QIcon icon = bundledIcon(names.at(i));
                painter.drawPixmap(i * 56 + 2, row * 56 + 2, icon.pixmap(QSize(16, 16), 1.0));
                painter.drawPixmap(i * 56 + 22, row * 56 + 2, icon.pixmap(QSize(24, 24), 1.0));
                painter.drawPixmap(QRect(i * 56 + 4, row * 56 + 28, 26, 26),
                                   icon.pixmap(QSize(26, 26), 2.0));
            }
        }
        QGuiApplication::setPalette(saved);
        saveShot(sheet, QStringLiteral("icons.png"));
    }

    void glyphsFollowThePalette()
    {
        const QPalette saved = QGuiApplication::palette();
        QPalette dark = saved;
        dark.setColor(QPalette::WindowText, QColor(240, 240, 240));
        QGuiApplication::setPalette(dark);
        const double onDark =
            ink(bundledIcon(QStringLiteral("search")).pixmap(QSize(32, 32), 1.0).toImage()).second;
        QPalette light = saved;
        light.setColor(QPalette::WindowText, QColor(20, 20, 20));
        QGuiApplication::setPalette(light);
        const double onLight =
            ink(bundledIcon(QStringLiteral("search")).pixmap(QSize(32, 32), 1.0).toImage()).second;
        QGuiApplication::setPalette(saved);
        QVERIFY2(onDark > 200 && onLight < 60,
                 qPrintable(QStringLiteral("%1 %2").arg(onDark).arg(onLight)));
    }

    void menusInSimplifiedChinese()
    {
        const QString path = newProfile();
        QString error;
        QVERIFY(Database::openWriter(path, &error));
        auto reader = Database::openReader(path, &error);
        QVERIFY(reader);

        QVERIFY(installTranslators(QLocale(QLocale::Chinese, QLocale::China)));
        // Qt's own strings (standard buttons) too, when Qt's translations are installed.
        if (QFile::exists(QLibraryInfo::path(QLibraryInfo::TranslationsPath) +
                          QStringLiteral("/qtbase_zh_CN.qm")))
            QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"),
                     QStringLiteral("取消"));
        {
            MainWindow w(*reader);
            const QStringList titles = menuTitles(w);
            QVERIFY2(titles.contains(QStringLiteral("文件(&F)")), qPrintable(titles.join(',')));
            QVERIFY(titles.contains(QStringLiteral("视图(&V)")));
            QVERIFY(titles.contains(QStringLiteral("订阅(&E)")));
            QCOMPARE(w.syncAction()->text(), QStringLiteral("立即同步(&S)"));
            QCOMPARE(w.feedModel()->item(0)->text(), QStringLiteral("全部文章"));
            QCOMPARE(
                NewArticleBatcher::message(12, 3, {QStringLiteral("甲"), QStringLiteral("乙")}),
                QStringLiteral("3 个订阅源有 12 篇新文章：甲、乙 等"));
        }
        // The system locale decides: a locale without a translation gets the English text.
        installTranslators(QLocale(QLocale::German, QLocale::Germany));
        {
            MainWindow w(*reader);
            QVERIFY(menuTitles(w).contains(QStringLiteral("&File")));
        }
        QVERIFY(installTranslators(QLocale(QLocale::English, QLocale::UnitedKingdom)));
        MainWindow w(*reader);
        QVERIFY(menuTitles(w).contains(QStringLiteral("&File")));
    }

    void batcherCountsAPass()
    {
        NewArticleBatcher batcher([](qint64 id) {
            return id == 1 ? QStringLiteral("Alpha") : id == 2 ? QStringLiteral("Beta") : QString();
        });
        QSignalSpy ready(&batcher, &NewArticleBatcher::batchReady);
        batcher.feedSynced(2, {10});
        batcher.feedSynced(1, {});
        batcher.feedSynced(1, {11, 12});
        batcher.feedSynced(3, {13});
        batcher.feedSynced(1, {14});
        QCOMPARE(batcher.pendingArticles(), 5);
        QVERIFY(ready.isEmpty()); // nothing until the pass ends
        batcher.finished();
        QCOMPARE(ready.size(), 1);
        QCOMPARE(ready.at(0).at(0).toInt(), 5);
        QCOMPARE(ready.at(0).at(1).toInt(), 3);
        // The busiest first; a feed without a title is named by its id.
        QCOMPARE(ready.at(0).at(2).toStringList(),
                 (QStringList{QStringLiteral("Alpha"), QStringLiteral("Beta"),
                              QStringLiteral("Feed 3")}));
        // A pass that added nothing reports nothing.
        batcher.feedSynced(1, {});
        batcher.finished();
        QCOMPARE(ready.size(), 1);
        batcher.setNamedFeeds(2);
        batcher.feedSynced(1, {1});
        batcher.feedSynced(2, {2});
        batcher.feedSynced(3, {3});
        batcher.finished();
        QCOMPARE(ready.size(), 2);
        QCOMPARE(ready.at(1).at(2).toStringList().size(), 2);

        QCOMPARE(NewArticleBatcher::message(1, 1, {QStringLiteral("Alpha")}),
                 QStringLiteral("1 new article in Alpha"));
        QCOMPARE(NewArticleBatcher::message(7, 1, {QStringLiteral("Alpha")}),
                 QStringLiteral("7 new articles in Alpha"));
        QCOMPARE(
            NewArticleBatcher::message(12, 3, {QStringLiteral("Feed A"), QStringLiteral("Feed B")}),
            QStringLiteral("12 new articles in 3 feeds: Feed A, Feed B, …"));
        QCOMPARE(NewArticleBatcher::message(4, 2, {QStringLiteral("A%1"), QStringLiteral("B")}),
                 QStringLiteral("4 new articles in 2 feeds: A%1, B"));
    }

    // A real sync pass: one notification naming the feeds that got articles; none for a pass
    // that found nothing new, none while notifications are off.
    void syncPassNotifiesOnce()
    {
        test::TestHttpServer server;
        QVERIFY(server.listen());
        server.route("/a.xml",
                     test::HttpResponse::ok(rss(QStringLiteral("Alpha"), QStringLiteral("a"), 5),
                                            "application/rss+xml"));
        server.route("/b.xml",
                     test::HttpResponse::ok(rss(QStringLiteral("Beta"), QStringLiteral("b"), 2),
                                            "application/rss+xml"));
        server.route("/c.xml", test::HttpResponse::error(500));
        QList<qint64> ids;
        const QString path = profileWithFeeds(server, &ids);
        QVERIFY(!path.isEmpty());
        QString error;
        auto reader = Database::openReader(path, &error);
        QVERIFY(reader);
        SyncService sync(path);
        MainWindow window(*reader, &sync);
        DesktopIntegration desktop(&window, *reader, &sync, {.trayAvailable = true});
        QVERIFY(desktop.trayIcon());
        QVERIFY(!window.isActiveWindow()); // not shown: the person is elsewhere
        QSignalSpy shown(&desktop, &DesktopIntegration::notificationShown);
        QSignalSpy finished(&sync, &SyncService::finished);

        sync.syncAll();
        QVERIFY(finished.wait(30000));
        QTRY_COMPARE(shown.size(), 1);
        QCOMPARE(shown.at(0).at(0).toString(), QStringLiteral("New articles"));
        QCOMPARE(shown.at(0).at(1).toString(),
                 QStringLiteral("7 new articles in 2 feeds: Alpha, Beta"));

        // Nothing new: no notification.
        sync.syncAll();
        QVERIFY(finished.wait(30000));
        QTest::qWait(50);
        QCOMPARE(shown.size(), 1);

        // New articles with notifications turned off: none either.
        server.route("/a.xml",
                     test::HttpResponse::ok(rss(QStringLiteral("Alpha"), QStringLiteral("a2"), 3),
                                            "application/rss+xml"));
        prefs::open()->setValue(QLatin1String(prefs::kNotifications), false);
        sync.syncAll();
        QVERIFY(finished.wait(30000));
        QTest::qWait(50);
        QCOMPARE(shown.size(), 1);

        // The tray's count is the tree's total, and follows it.
        window.feedModel()->reload();
        QTRY_COMPARE(desktop.unreadTotal(), qint64(10));
        QVERIFY(desktop.trayIcon()->toolTip().contains(QLatin1String("10 unread articles")));

        // Notifications on, but the person is looking at the window: none.
        prefs::open()->setValue(QLatin1String(prefs::kNotifications), true);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        server.route("/b.xml",
                     test::HttpResponse::ok(rss(QStringLiteral("Beta"), QStringLiteral("b2"), 4),
                                            "application/rss+xml"));
        sync.syncAll();
        QVERIFY(finished.wait(30000));
        QTest::qWait(50);
        QCOMPARE(shown.size(), 1);
        // In the background again: the next pass with new articles notifies.
        window.hide();
        server.route("/b.xml",
                     test::HttpResponse::ok(rss(QStringLiteral("Beta"), QStringLiteral("b3"), 1),
                                            "application/rss+xml"));
        sync.syncAll();
        QVERIFY(finished.wait(30000));
        QTRY_COMPARE(shown.size(), 2);
        QCOMPARE(shown.at(1).at(1).toString(), QStringLiteral("1 new article in Beta"));
    }

    // A subscribe link handed over without the add-feed dialog: stored and fetched on the
    // worker.
    void subscribeThroughTheWorker()
    {
        test::TestHttpServer server;
        QVERIFY(server.listen());
        server.route("/new.xml",
                     test::HttpResponse::ok(rss(QStringLiteral("Fresh"), QStringLiteral("f"), 3),
                                            "application/rss+xml"));
        const QString path = newProfile();
        QString error;
        QVERIFY(Database::openWriter(path, &error));
        auto reader = Database::openReader(path, &error);
        SyncService sync(path);
        QSignalSpy subscribed(&sync, &SyncService::subscribed);
        QSignalSpy finished(&sync, &SyncService::finished);
        sync.subscribe(server.url(QStringLiteral("/new.xml")));
        QVERIFY(subscribed.wait(30000));
        const qint64 id = subscribed.at(0).at(0).toLongLong();
        QVERIFY2(id > 0, qPrintable(subscribed.at(0).at(1).toString()));
        QVERIFY(finished.wait(30000));
        QCOMPARE(server.hits("/new.xml"), 1);
        QCOMPARE(StatusStore(*reader).unreadCount(id), qint64(3));
        // The same address again: refused with a reason.
        sync.subscribe(server.url(QStringLiteral("/new.xml")));
        QVERIFY(subscribed.wait(30000));
        QCOMPARE(subscribed.at(1).at(0).toLongLong(), qint64(0));
        QVERIFY(!subscribed.at(1).at(1).toString().isEmpty());
    }

    void trayBadgeAndMenu()
    {
        const QString path = newProfile();
        QString error;
        {
            auto db = Database::openWriter(path, &error);
            QVERIFY(db);
            const qint64 feed =
                *FeedStore(*db).addFeed(Feed{.url = QUrl(QStringLiteral("https://x.test/f"))});
            QList<Article> batch;
            for (int i = 0; i < 120; ++i)
                batch.append(Article{.feedId = feed,
                                     .guid = QString::number(i),
                                     .title = QStringLiteral("Story %1").arg(i)});
            QVERIFY(ArticleStore(*db).saveAll(batch));
        }
        auto reader = Database::openReader(path, &error);
        QVERIFY(reader);
        MainWindow window(*reader);
        DesktopIntegration desktop(&window, *reader, nullptr, {.trayAvailable = true});
        // The tree reads its counts in the background; the tray follows them.
        QTRY_COMPARE(desktop.unreadTotal(), qint64(120));
        QTRY_VERIFY(desktop.trayIcon()->toolTip().contains(QLatin1String("120")));
        // The menu: Show/Hide, Sync Now (the window's action), Quit.
        QStringList entries;
        for (QAction *action : desktop.trayMenu()->actions())
            if (!action->isSeparator())
                entries.append(action->text());
        QCOMPARE(entries, (QStringList{QStringLiteral("&Show Broadsheet"),
                                       window.syncAction()->text(), QStringLiteral("&Quit")}));

        // The badge is drawn onto the icon's lower right; the upper left stays as it was.
        QCOMPARE(DesktopIntegration::badgeText(7), QStringLiteral("7"));
        QCOMPARE(DesktopIntegration::badgeText(120), QStringLiteral("99+"));
        const QIcon base = bundledIcon(QStringLiteral("tray"));
        const QImage plain =
            base.pixmap(QSize(32, 32), 1.0).toImage().convertToFormat(QImage::Format_ARGB32);
        const QImage badged = DesktopIntegration::badgedIcon(base, 7)
                                  .pixmap(QSize(32, 32), 1.0)
                                  .toImage()
                                  .convertToFormat(QImage::Format_ARGB32);
        QCOMPARE(badged.size(), QSize(32, 32));
        QCOMPARE(badged.pixelColor(8, 8), plain.pixelColor(8, 8));
        int changed = 0;
        for (int y = 16; y < 32; ++y)
            for (int x = 16; x < 32; ++x)
                changed += badged.pixel(x, y) != plain.pixel(x, y);
        QVERIFY2(changed > 40, qPrintable(QString::number(changed)));
        QCOMPARE(DesktopIntegration::badgedIcon(base, 0).cacheKey(), base.cacheKey());
        saveShot(DesktopIntegration::badgedIcon(base, 120).pixmap(QSize(64, 64), 1.0).toImage(),
                 QStringLiteral("tray-badge-64.png"));
        saveShot(badged, QStringLiteral("tray-badge-32.png"));

        // Fewer unread articles: the count follows the tree.
        {
            auto db = Database::openWriter(path, &error);
            ReadScope scope;
            scope.kind = ReadScope::Kind::All;
            QCOMPARE(StatusStore(*db).markRead(scope), 120);
        }
        window.feedModel()->reload();
        QTRY_COMPARE(desktop.unreadTotal(), qint64(0));
        QVERIFY(desktop.trayIcon()->toolTip().contains(QLatin1String("no unread")));
    }

    // The window manager's close button hides to the tray (saying so once); a close from the
    // program (File > Quit) really closes. Both save the window state.
    void closeHidesToTray()
    {
        const QString path = newProfile();
        QString error;
        QVERIFY(Database::openWriter(path, &error));
        auto reader = Database::openReader(path, &error);
        MainWindow window(*reader);
        DesktopIntegration desktop(&window, *reader, nullptr, {.trayAvailable = true});
        QSignalSpy shown(&desktop, &DesktopIntegration::notificationShown);
        desktop.start();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(desktop.showHideAction()->text(), QStringLiteral("&Hide Broadsheet"));

        closeFromWindowManager(window);
        QVERIFY(!window.isVisible());
        QCOMPARE(shown.size(), 1); // "still running in the tray", once
        QCOMPARE(desktop.showHideAction()->text(), QStringLiteral("&Show Broadsheet"));
        QVERIFY(prefs::open()->contains(QLatin1String(prefs::kGeometry)));

        desktop.toggleWindow(); // a click on the tray icon
        QVERIFY(window.isVisible());
        closeFromWindowManager(window);
        QVERIFY(!window.isVisible());
        QCOMPARE(shown.size(), 1);
        desktop.raiseWindow(); // another start of the app
        QVERIFY(window.isVisible());

        // File > Quit closes the window for real (the app would end; not here).
        QApplication::setQuitOnLastWindowClosed(true);
        QVERIFY(window.close());
        QVERIFY(!window.isVisible());
        QCOMPARE(shown.size(), 1);

        // Without a tray, the window manager's close closes.
        MainWindow plain(*reader);
        DesktopIntegration noTray(&plain, *reader, nullptr, {.trayAvailable = false});
        noTray.start();
        QVERIFY(QTest::qWaitForWindowExposed(&plain));
        closeFromWindowManager(plain);
        QVERIFY(!plain.isVisible());
    }

    void startMinimizedStaysInTray()
    {
        const QString path = newProfile();
        QString error;
        QVERIFY(Database::openWriter(path, &error));
        auto reader = Database::openReader(path, &error);
        prefs::open()->setValue(QLatin1String(prefs::kStartMinimized), true);
        {
            MainWindow window(*reader);
            DesktopIntegration desktop(&window, *reader, nullptr, {.trayAvailable = true});
            desktop.start();
            QVERIFY(!window.isVisible());
            QVERIFY(desktop.trayIcon()->isVisible());
            desktop.toggleWindow();
            QVERIFY(window.isVisible());
        }
        // Without a tray there is nowhere to hide: the window shows; no tray icon.
        {
            MainWindow window(*reader);
            DesktopIntegration desktop(&window, *reader, nullptr, {.trayAvailable = false});
            QVERIFY(!desktop.trayIcon());
            desktop.start();
            QVERIFY(window.isVisible());
        }
        // The tray turned off in the preferences: the same.
        prefs::open()->setValue(QLatin1String(prefs::kTrayIcon), false);
        MainWindow window(*reader);
        DesktopIntegration desktop(&window, *reader, nullptr, {.trayAvailable = true});
        QVERIFY(!desktop.trayIcon());
        QApplication::setQuitOnLastWindowClosed(true);
    }

    void windowAndSplittersRestored()
    {
        const QString path = newProfile();
        QString error;
        QVERIFY(Database::openWriter(path, &error));
        auto reader = Database::openReader(path, &error);
        QSettings settings(m_dir.filePath(QStringLiteral("state.ini")), QSettings::IniFormat);
        QHash<QString, QList<int>> sizes;
        {
            MainWindow w(*reader);
            w.resize(1000, 640);
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            const auto splitters = w.findChildren<QSplitter *>();
            QVERIFY(splitters.size() >= 2);
            for (QSplitter *s : splitters) {
                QVERIFY(!s->objectName().isEmpty());
                QList<int> want = s->sizes();
                const int total = std::accumulate(want.begin(), want.end(), 0);
                want = {total / 5, total - total / 5};
                while (want.size() < s->count())
                    want.append(0);
                s->setSizes(want.mid(0, s->count()));
                sizes.insert(s->objectName(), s->sizes());
            }
            WindowState::save(w, settings);
        }
        QVERIFY(settings.contains(QLatin1String(prefs::kGeometry)));
        QVERIFY(settings.contains(QLatin1String(prefs::kWindowState)));
        MainWindow w(*reader);
        WindowState::restore(w, settings);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.size(), QSize(1000, 640));
        for (QSplitter *s : w.findChildren<QSplitter *>())
            QTRY_COMPARE(s->sizes(), sizes.value(s->objectName()));
    }

    void feedArguments()
    {
        QCOMPARE(SingleInstance::feedUrlFromArgument(QStringLiteral("https://example.org/rss")),
                 QUrl(QStringLiteral("https://example.org/rss")));
        QCOMPARE(SingleInstance::feedUrlFromArgument(QStringLiteral("feed://example.org/rss")),
                 QUrl(QStringLiteral("http://example.org/rss")));
        QCOMPARE(SingleInstance::feedUrlFromArgument(
                     QStringLiteral("feed:https://example.org/a.xml?x=1")),
                 QUrl(QStringLiteral("https://example.org/a.xml?x=1")));
        QCOMPARE(SingleInstance::feedUrlFromArgument(QStringLiteral("FEED:http://e.org/f")),
                 QUrl(QStringLiteral("http://e.org/f")));
        for (const char *bad : {"ftp://example.org/rss", "file:///etc/passwd", "--profile",
                                "example.org/rss", "feed:", "javascript:alert(1)", "https://"})
            QVERIFY2(!SingleInstance::feedUrlFromArgument(QString::fromLatin1(bad)).isValid(), bad);
    }

    void singleInstancePerProfile()
    {
        QTemporaryDir a, b;
        const QString nameA = SingleInstance::serverNameFor(a.path());
        QCOMPARE(SingleInstance::serverNameFor(a.path() + QStringLiteral("/../") +
                                               QFileInfo(a.path()).fileName()),
                 nameA);
        QVERIFY(SingleInstance::serverNameFor(b.path()) != nameA);
        // In the user's runtime directory when there is one.
        const QString runtime = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
        if (!runtime.isEmpty())
            QCOMPARE(QFileInfo(nameA).absolutePath(), QFileInfo(runtime).absoluteFilePath());

        SingleInstance first(a.path());
        // Nobody runs yet: a second start finds no one and would go on.
        QVERIFY(!first.sendToRunning({}, 500));
        QVERIFY(first.listen());
        SingleInstance otherProfile(b.path());
        QVERIFY(otherProfile.listen()); // two profiles run at once

        QSignalSpy activated(&first, &SingleInstance::activationRequested);
        QSignalSpy urls(&first, &SingleInstance::feedUrlRequested);
        QSignalSpy otherActivated(&otherProfile, &SingleInstance::activationRequested);
        // The second start runs in another thread (it blocks; this thread answers).
        bool handedOver = false;
        std::thread second([&] {
            SingleInstance again(a.path());
            handedOver = again.sendToRunning({QStringLiteral("feed:https://example.org/a.xml"),
                                              QStringLiteral("not a url"),
                                              QStringLiteral("https://example.org/b.xml")});
        });
        QTRY_COMPARE(activated.size(), 1);
        second.join();
        QVERIFY(handedOver);
        QCOMPARE(urls.size(), 2);
        QCOMPARE(urls.at(0).at(0).toUrl(), QUrl(QStringLiteral("https://example.org/a.xml")));
        QCOMPARE(urls.at(1).at(0).toUrl(), QUrl(QStringLiteral("https://example.org/b.xml")));
        QCOMPARE(otherActivated.size(), 0);

        // While it runs, another instance of that profile cannot listen.
        SingleInstance third(a.path());
        QString error;
        QVERIFY(!third.listen(&error));
        QVERIFY(!error.isEmpty());
    }

    // A crashed first instance leaves its socket file behind: the next start takes it over.
    void staleSocketDoesNotBlock()
    {
        QTemporaryDir profile;
        const QString name = SingleInstance::serverNameFor(profile.path());
        const QString socketPath =
            QDir::isAbsolutePath(name) ? name : QDir(QDir::tempPath()).filePath(name);
        const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
        QVERIFY(fd >= 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        const QByteArray native = QFile::encodeName(socketPath);
        QVERIFY(size_t(native.size()) < sizeof(address.sun_path));
        memcpy(address.sun_path, native.constData(), size_t(native.size()));
        QCOMPARE(::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)), 0);
        ::close(fd); // bound, never listening, file left: what a killed process leaves
        QVERIFY(QFileInfo::exists(socketPath));

        SingleInstance start(profile.path());
        QVERIFY(!start.sendToRunning({}, 500));
        QString error;
        QVERIFY2(start.listen(&error), qPrintable(error));
        QVERIFY(start.isListening());
        QLocalSocket client;
        client.connectToServer(name);
        QVERIFY(client.waitForConnected(2000));
    }

    // First run through the sync worker with the resources built into the app.
    void firstRunThroughTheWorker()
    {
        const FirstRunContent content = bundledFirstRunContent();
        QVERIFY(!content.opml.isEmpty());
        QVERIFY(!content.demo.document.isEmpty());
        const int items = int(content.demo.document.count("<item>"));
        const QString path = newProfile();
        QString error;
        QVERIFY(Database::openWriter(path, &error));
        auto reader = Database::openReader(path, &error);
        QVERIFY(reader);
        {
            SyncService sync(path);
            QSignalSpy done(&sync, &SyncService::firstRunFinished);
            sync.runFirstRun(content);
            QVERIFY(done.wait(30000));
            const auto report = done.at(0).at(0).value<FirstRunReport>();
            QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
            QVERIFY(report.ran);
            QCOMPARE(report.demoArticles, items);
            QVERIFY(report.opml.feedsAdded >= 8);
        }
        MainWindow w(*reader);
        QAbstractItemModelTester tester(w.feedModel());
        const auto demo = FeedStore(*reader).feedByUrl(FirstRun::demoFeedUrl());
        QVERIFY(demo);
        QStandardItem *item = w.feedModel()->feedItem(demo->id);
        QVERIFY(item);
        QTRY_COMPARE(item->data(FeedTreeModel::UnreadRole).toLongLong(), qint64(items));
        QStringList folders;
        for (int row = 0; row < w.feedModel()->rowCount(); ++row)
            if (w.feedModel()->item(row)->data(FeedTreeModel::FolderIdRole).toLongLong() > 0)
                folders.append(w.feedModel()->item(row)->text());
        QCOMPARE(folders, (QStringList{QStringLiteral("News"), QStringLiteral("Tech"),
                                       QStringLiteral("中文")}));
        // The demo article shows in the window (plain-text pane here).
        w.resize(1100, 700);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.feedView()->expandAll();
        w.feedView()->setCurrentIndex(item->index());
        QTRY_VERIFY(w.articleModel()->rowCount() == items);
        w.articleView()->setCurrentIndex(w.articleModel()->index(0, 0));
        QTest::qWait(100);
        saveShot(w.grab().toImage(), QStringLiteral("first-run.png"));

        // The next start imports nothing.
        const qsizetype feedCount = FeedStore(*reader).feeds().size();
        SyncService again(path);
        QSignalSpy done(&again, &SyncService::firstRunFinished);
        again.runFirstRun(content);
        QVERIFY(done.wait(30000));
        QVERIFY(!done.at(0).at(0).value<FirstRunReport>().ran);
        QCOMPARE(FeedStore(*reader).feeds().size(), feedCount);
    }
};

int main(int argc, char **argv)
{
    // The article pane as plain text: these tests are about the window around it.
    qputenv("BROADSHEET_DISABLE_WEBENGINE", "1");
    QApplication app(argc, argv);
    app.setAttribute(Qt::AA_Use96Dpi, true);
    TestDesktop tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}

#include "test_desktop.moc"
