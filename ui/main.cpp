// broadsheet: the desktop reader.

#include "MainWindow.h"
#include "Preferences.h"
#include "StartupProbe.h"
#include "offline/MediaCache.h"
#include "reader/ReaderScheme.h"
#include "reader/ReaderView.h"
#include "store/Database.h"
#include "store/Profile.h"
#include "sync/SyncService.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QMessageBox>
#include <QTableView>
#include <QTimer>

int main(int argc, char **argv)
{
    bs::registerReaderScheme(); // before the QApplication exists
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("broadsheet"));
    QApplication::setApplicationDisplayName(QStringLiteral("Broadsheet"));
    QApplication::setApplicationVersion(QStringLiteral(BROADSHEET_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Broadsheet, a desktop news reader."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("profile"),
                      QStringLiteral("Use the profile in DIR (default: %1).")
                          .arg(bs::Profile::defaultDirectory()),
                      QStringLiteral("DIR")});
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
    bs::installStartupProbe(window.articleView()); // BROADSHEET_STARTUP_PROBE only
    window.show();
    return app.exec();
}
