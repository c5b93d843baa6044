// broadsheet: the desktop reader.

#include "Icons.h"
#include "MainWindow.h"
#include "Preferences.h"
#include "ScreenshotTour.h"
#include "StartupProbe.h"
#include "Translations.h"
#include "desktop/BundledContent.h"
#include "desktop/DesktopIntegration.h"
#include "desktop/SingleInstance.h"
#include "dialogs/AboutDialog.h"
#include "models/ArticleListModel.h"
#include "models/FeedTreeModel.h"
#include "offline/MediaCache.h"
#include "reader/ReaderScheme.h"
#include "reader/ReaderView.h"
#include "store/Database.h"
#include "store/Profile.h"
#include "sync/SyncService.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>
#include <QMessageBox>
#include <QTableView>
#include <QTimer>
#include <QTreeView>

namespace
{

// A feed address from a "subscribe" link or a second start: the window's add-feed flow when it
// has one, else a question and a plain subscription through the sync worker.
template <typename Window>
void requestAddFeed(Window &window, bs::SyncService &sync, const QUrl &url)
{
    if constexpr (requires { window.addFeed(url); }) {
        window.addFeed(url);
    } else {
        const auto answer = QMessageBox::question(
            &window, QCoreApplication::translate("main", "Subscribe"),
            QCoreApplication::translate("main", "Subscribe to %1?").arg(url.toDisplayString()));
        if (answer == QMessageBox::Yes)
            sync.subscribe(url);
    }
}

} // namespace

#include <memory>

int main(int argc, char **argv)
{
    bs::registerReaderScheme(); // before the QApplication exists
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("broadsheet"));
    QApplication::setApplicationDisplayName(QStringLiteral("Broadsheet"));
    QApplication::setApplicationVersion(QStringLiteral(BROADSHEET_VERSION));
    bs::installTranslators(QLocale::system());
    // The desktop entry's name (Wayland app id) and the themed icon, the built-in one else.
    QGuiApplication::setDesktopFileName(QStringLiteral(BROADSHEET_APP_ID));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral(BROADSHEET_APP_ID),
                                                 QIcon(QStringLiteral(":/icons/broadsheet.svg"))));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Broadsheet, a desktop news reader."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("profile"),
                      QStringLiteral("Use the profile in DIR (default: %1).")
                          .arg(bs::Profile::defaultDirectory()),
                      QStringLiteral("DIR")});
    // packaging/screenshots.sh: drive the window through its screenshot scenes, save PNGs, quit.
    QCommandLineOption tourOption(QStringLiteral("screenshot-tour"),
                                  QStringLiteral("Save screenshots to DIR and quit."),
                                  QStringLiteral("DIR"));
    tourOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(tourOption);
    parser.addOption({QStringLiteral("no-first-run"),
                      QStringLiteral("Do not import the default subscriptions and the demo feed "
                                     "into an empty profile (also: BROADSHEET_NO_FIRST_RUN=1).")});
    parser.addPositionalArgument(
        QStringLiteral("url"),
        QStringLiteral("Feed addresses to subscribe to (http(s)://, feed://, feed:https://)."),
        QStringLiteral("[url...]"));
    // For benchmarks and tests: no scheduled syncing (nothing is fetched unless asked).
    QCommandLineOption noSync(QStringLiteral("no-sync"),
                              QStringLiteral("Do not sync feeds in the background."));
    noSync.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(noSync);
    parser.process(app);

    const bs::Profile profile = bs::Profile::fromOption(parser.value(QStringLiteral("profile")));
    QString error;
    if (!profile.ensureExists(&error)) {
        QMessageBox::critical(nullptr, QStringLiteral("Broadsheet"), error);
        return 1;
    }
    bs::prefs::setFilePath(QDir(profile.directory()).filePath(QStringLiteral("broadsheet.ini")));
    // One app per profile: a second start hands its arguments to the first one and ends.
    bs::SingleInstance instance(profile.directory());
    const QStringList arguments = parser.positionalArguments();
    if (instance.sendToRunning(arguments))
        return 0;
    if (!instance.listen(&error)) {
        if (instance.sendToRunning(arguments)) // another start won the race
            return 0;
        qWarning("broadsheet: %s", qPrintable(error)); // run without the single-instance socket
    }
    // Create and migrate the database; the writer connection itself belongs to the sync worker.
    if (!bs::Database::openWriter(profile.databasePath(), &error) &&
        !error.contains(QLatin1String("already open"))) {
        QMessageBox::critical(nullptr, QStringLiteral("Broadsheet"), error);
        return 1;
    }
    auto reader = bs::Database::openReader(profile.databasePath(), &error);
    if (!reader) {
        QMessageBox::critical(nullptr, QStringLiteral("Broadsheet"), error);
        return 1;
    }
    // The sync worker: its own thread, its own network stack, the profile's writer connection.
    bs::SyncService sync(profile.databasePath());
    if (!parser.isSet(noSync))
        sync.setAutoSync(60 * 1000); // every minute, fetch the feeds whose time has come
    // The article list paints first; the reader pane's web engine starts right after.
    bs::ReaderView::setDeferWebEngine(true);
    bs::MainWindow window(*reader, &sync);
    // The reader view's images come from the profile's media cache, read on the GUI's
    // read-only connection; what it showed is handed to the writer now and then so the
    // cache's least-recently-used order follows reading.
    bs::MediaCache media(*reader, bs::MediaCache::directoryFor(profile.databasePath()));
    window.readerView()->setMediaResolver(
        [&media](const QUrl &original) -> std::optional<bs::ReaderMedia> {
            const auto entry = media.lookup(original);
            if (!entry)
                return std::nullopt;
            return bs::ReaderMedia{{}, entry->filePath, entry->mimeType};
        });
    QTimer mediaTouch;
    QObject::connect(&mediaTouch, &QTimer::timeout, &sync,
                     [&media, &sync] { sync.touchMedia(media.takeAccessed()); });
    mediaTouch.start(30 * 1000);

    // Tray, notifications, closing to the tray, window state.
    bs::DesktopIntegration desktop(&window, *reader, &sync,
                                   {.trayAvailable = QSystemTrayIcon::isSystemTrayAvailable()});
    QObject::connect(&instance, &bs::SingleInstance::activationRequested, &desktop,
                     &bs::DesktopIntegration::raiseWindow);
    QObject::connect(&instance, &bs::SingleInstance::feedUrlRequested, &window,
                     [&window, &sync](const QUrl &url) { requestAddFeed(window, sync, url); });
    const auto reloadFeeds = [&window] {
        window.feedModel()->reload();
        window.feedView()->expandAll();
        window.articleModel()->setQuery(bs::ArticleQuery(window.articleModel()->query()));
    };
    QObject::connect(&sync, &bs::SyncService::subscribed, &window,
                     [reloadFeeds](qint64 feedId, const QString &why) {
                         if (feedId != 0)
                             reloadFeeds();
                         else
                             qWarning("broadsheet: %s", qPrintable(why));
                     });
    // First run: an empty profile gets the default subscriptions and the demo feed (once).
    if (!parser.isSet(QStringLiteral("no-first-run")) &&
        qEnvironmentVariableIsEmpty("BROADSHEET_NO_FIRST_RUN")) {
        QObject::connect(&sync, &bs::SyncService::firstRunFinished, &window,
                         [reloadFeeds](const bs::FirstRunReport &report) {
                             if (!report.error.isEmpty())
                                 qWarning("broadsheet: first run: %s", qPrintable(report.error));
                             if (report.ran)
                                 reloadFeeds();
                         });
        sync.runFirstRun(bs::bundledFirstRunContent());
    }
    bs::addAboutActions(&window, *reader);
    bs::installStartupProbe(window.articleView()); // BROADSHEET_STARTUP_PROBE only
    desktop.start();
    // This start's own feed addresses, once the event loop runs.
    QTimer::singleShot(0, &instance, [&instance, arguments] {
        if (!arguments.isEmpty())
            instance.handleArguments(arguments);
    });
    std::unique_ptr<bs::ScreenshotTour> tour;
    if (parser.isSet(tourOption)) {
        tour = std::make_unique<bs::ScreenshotTour>(&window, parser.value(tourOption));
        QObject::connect(tour.get(), &bs::ScreenshotTour::finished, &app,
                         [](int failures) { QCoreApplication::exit(failures == 0 ? 0 : 1); });
        tour->start();
    }
    return app.exec();
}
