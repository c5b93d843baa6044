// broadsheet: the desktop reader.

#include "MainWindow.h"
#include "Preferences.h"
#include "ScreenshotTour.h"
#include "dialogs/AboutDialog.h"
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
#include <QTimer>

#include <memory>

int main(int argc, char **argv)
{
    bs::registerReaderScheme(); // before the QApplication exists
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("broadsheet"));
    QApplication::setApplicationDisplayName(QStringLiteral("Broadsheet"));
    QApplication::setApplicationVersion(QStringLiteral(BROADSHEET_VERSION));
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
    sync.setAutoSync(60 * 1000); // every minute, fetch the feeds whose time has come
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
    bs::addAboutActions(&window, *reader);
    window.show();
    std::unique_ptr<bs::ScreenshotTour> tour;
    if (parser.isSet(tourOption)) {
        tour = std::make_unique<bs::ScreenshotTour>(&window, parser.value(tourOption));
        QObject::connect(tour.get(), &bs::ScreenshotTour::finished, &app,
                         [](int failures) { QCoreApplication::exit(failures == 0 ? 0 : 1); });
        tour->start();
    }
    return app.exec();
}
