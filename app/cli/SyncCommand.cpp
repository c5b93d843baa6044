#include "cli/SyncCommand.h"

#include "cli/CliContext.h"
#include "cli/SignalBridge.h"
#include "offline/MediaCache.h"
#include "store/FeedStore.h"
#include "store/SettingsStore.h"
#include "sync/Retention.h"
#include "sync/SyncEngine.h"

#include <QCommandLineParser>
#include <QEventLoop>

#include <csignal>
#include <sys/ioctl.h>
#include <unistd.h>

namespace bs
{

QString humanBytes(qint64 bytes)
{
    if (bytes < 1000)
        return QStringLiteral("%1 B").arg(bytes);
    if (bytes < 1000 * 1000)
        return QStringLiteral("%1 kB").arg(double(bytes) / 1e3, 0, 'f', 1);
    if (bytes < 1000LL * 1000 * 1000)
        return QStringLiteral("%1 MB").arg(double(bytes) / 1e6, 0, 'f', 1);
    return QStringLiteral("%1 GB").arg(double(bytes) / 1e9, 0, 'f', 1);
}

QString progressBarLine(const SyncProgress &p, int width)
{
    constexpr int kCells = 10;
    const int filled = p.feedsTotal > 0 ? kCells * p.feedsDone / p.feedsTotal : 0;
    QString line = QLatin1Char('[') + QString(filled, QLatin1Char('#')) +
                   QString(kCells - filled, QLatin1Char('.')) +
                   QStringLiteral("] %1/%2 feeds  %3")
                       .arg(p.feedsDone)
                       .arg(p.feedsTotal)
                       .arg(humanBytes(p.bytes));
    if (p.errors)
        line += QStringLiteral("  %1 error%2").arg(p.errors).arg(p.errors == 1 ? "" : "s");
    if (!p.currentFeedTitle.isEmpty())
        line += QStringLiteral("  ") + p.currentFeedTitle;
    if (width > 1 && line.size() >= width)
        line = line.left(width - 2) + QChar(0x2026);
    return line;
}

namespace
{

int terminalWidth()
{
    winsize size{};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
        return size.ws_col;
    return 80;
}

// Feed ids named by --feed and --folder (folders with their subfolders); false after printing
// why when a name or id does not exist.
bool selectFeeds(CliContext &ctx, const QCommandLineParser &parser, QList<qint64> *ids,
                 QHash<qint64, QString> *names)
{
    QList<qint64> wanted;
    for (const QString &v : parser.values(QStringLiteral("feed"))) {
        bool ok = false;
        const qint64 id = v.toLongLong(&ok);
        if (!ok || id <= 0) {
            ctx.usage(QStringLiteral("--feed takes a feed id (see feeds)."));
            return false;
        }
        wanted.append(id);
    }
    Database *db = ctx.reader();
    if (!db)
        return false;
    FeedStore store(*db);
    for (const Feed &f : store.feeds())
        names->insert(f.id, f.title.isEmpty() ? f.url.toString() : f.title);
    for (qint64 id : wanted) {
        if (!names->contains(id)) {
            ctx.fail(QStringLiteral("There is no feed %1 (see feeds).").arg(id));
            return false;
        }
        if (!ids->contains(id))
            ids->append(id);
    }
    const QList<Folder> folders = store.folders();
    for (const QString &name : parser.values(QStringLiteral("folder"))) {
        bool found = false;
        for (const Folder &folder : folders) {
            if (folder.name != name)
                continue;
            found = true;
            for (qint64 id : store.feedIdsInFolder(folder.id))
                if (!ids->contains(id))
                    ids->append(id);
        }
        if (!found) {
            ctx.fail(QStringLiteral("There is no folder named '%1'.").arg(name));
            return false;
        }
    }
    return true;
}

} // namespace

int syncCommand(CliContext &ctx, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("feed"), QStringLiteral("Only this feed (repeatable)."),
                      QStringLiteral("ID")});
    parser.addOption({QStringLiteral("folder"),
                      QStringLiteral("Only the feeds of this folder and its subfolders."),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("due"), QStringLiteral("Only feeds whose time has come.")});
    parser.addOption({QStringLiteral("progress"), QStringLiteral("Show progress.")});
    if (!ctx.parseOptions(parser, "sync", arguments))
        return 2;
    const bool due = parser.isSet(QStringLiteral("due"));
    const bool scoped =
        parser.isSet(QStringLiteral("feed")) || parser.isSet(QStringLiteral("folder"));
    if (due && scoped)
        return ctx.usage(QStringLiteral("sync: --due goes alone (it picks the feeds itself)."));
    QString error;
    if (!ctx.profile().ensureExists(&error))
        return ctx.fail(error);
    QList<qint64> ids;
    QHash<qint64, QString> names;
    if (!selectFeeds(ctx, parser, &ids, &names))
        return 1;
    if (scoped && ids.isEmpty()) {
        ctx.out() << "No feeds in that selection." << Qt::endl;
        return 0;
    }
    ctx.closeDatabases(); // the sync engine takes the writer

    const bool progress = parser.isSet(QStringLiteral("progress"));
    const bool tty = progress && ::isatty(STDOUT_FILENO);
    SyncEngine engine(ctx.profile().databasePath());
    QEventLoop loop;
    int failures = 0;
    int caught = 0;
    SignalBridge signalBridge({SIGINT, SIGTERM});
    QObject::connect(&signalBridge, &SignalBridge::raised, &loop, [&](int signalNumber) {
        if (!caught)
            caught = signalNumber;
        engine.cancel();
    });
    QObject::connect(&engine, &SyncEngine::failed, &loop, [&](const QString &message) {
        ctx.fail(message);
        ++failures;
        loop.quit();
    });
    int done = 0;
    int total = 0;
    QObject::connect(&engine, &SyncEngine::feedSynced, &loop,
                     [&](qint64 feedId, const QList<qint64> &added, const QList<qint64> &updated,
                         const QString &err) {
                         ++done;
                         if (tty)
                             return; // the bar shows it
                         if (progress)
                             ctx.out() << '[' << done << '/' << total << "] ";
                         ctx.out() << names.value(feedId) << ": ";
                         if (err.isEmpty())
                             ctx.out() << added.size() << " new, " << updated.size() << " updated";
                         else
                             ctx.out() << "error: " << err;
                         ctx.out() << Qt::endl;
                     });
    QObject::connect(&engine, &SyncEngine::progressChanged, &loop,
                     [&](const SyncProgress &p) { total = p.feedsTotal; });
    if (tty)
        QObject::connect(&engine, &SyncEngine::progressChanged, &loop, [&](const SyncProgress &p) {
            ctx.out() << "\r\x1b[2K" << progressBarLine(p, terminalWidth());
            ctx.out().flush();
        });
    SyncProgress last;
    bool merged = false;
    // The pass is over once every feed is merged and the article pages and images it queued
    // are downloaded (or the run was cancelled).
    QObject::connect(&engine, &SyncEngine::finished, &loop, [&](const SyncProgress &p) {
        last = p;
        merged = true;
        if (!engine.isDownloading() || p.cancelled)
            loop.quit();
        else if (progress && !tty)
            ctx.out() << "Downloading article pages and images..." << Qt::endl;
    });
    int pages = 0, pageErrors = 0, images = 0, imageErrors = 0;
    QObject::connect(&engine, &SyncEngine::downloadsFinished, &loop,
                     [&](int stored, int failedPages, int storedImages, int failedImages) {
                         pages += stored;
                         pageErrors += failedPages;
                         images += storedImages;
                         imageErrors += failedImages;
                         if (merged)
                             loop.quit();
                     });
    if (!engine.open())
        return 1;
    QMetaObject::invokeMethod(
        &engine,
        [&] {
            if (due)
                engine.syncDue();
            else
                engine.syncFeeds(ids);
        },
        Qt::QueuedConnection);
    loop.exec();
    if (tty)
        ctx.out() << "\r\x1b[2K";
    if (failures)
        return 1;
    if (tty)
        for (const SyncFailure &f : last.failures)
            ctx.out() << f.feedTitle << ": error: " << f.message << '\n';
    ctx.out() << last.feedsDone << " feed(s) synced, " << last.errors << " with errors, "
              << last.bytes << " bytes, " << last.articlesAdded << " new article(s)";
    if (last.articlesRemoved)
        ctx.out() << ", " << last.articlesRemoved << " old article(s) removed";
    ctx.out() << '.' << Qt::endl;
    if (pages || pageErrors || images || imageErrors)
        ctx.out() << pages << " article page(s) downloaded, " << pageErrors << " failed; " << images
                  << " image(s) cached, " << imageErrors << " refused." << Qt::endl;
    if (last.cancelled || caught) {
        ctx.fail(QStringLiteral("Sync cancelled%1: %2 of %3 feed(s) done; the others were left "
                                "as they were.")
                     .arg(caught ? QStringLiteral(" by signal %1").arg(caught) : QString())
                     .arg(last.feedsDone)
                     .arg(last.feedsTotal));
        return caught ? 128 + caught : 1;
    }
    return last.errors ? 1 : 0;
}

int purgeCommand(CliContext &ctx, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(
        {QStringLiteral("dry-run"), QStringLiteral("Only count what would be removed.")});
    if (!ctx.parseOptions(parser, "purge", arguments))
        return 2;
    if (!parser.positionalArguments().isEmpty())
        return ctx.usage(QStringLiteral("purge takes no arguments."));
    Database *db = ctx.writer();
    if (!db)
        return 1;
    QHash<qint64, QString> names;
    for (const Feed &f : FeedStore(*db).feeds())
        names.insert(f.id, f.title.isEmpty() ? f.url.toString() : f.title);
    RetentionPolicy policy;
    policy.defaultDays =
        int(SettingsStore(*db).number(QLatin1String(SettingsStore::kRetentionDays), 90));
    Retention retention(*db, policy, QDateTime::currentDateTimeUtc());
    const bool dryRun = parser.isSet(QStringLiteral("dry-run"));
    if (!dryRun && !retention.run())
        return ctx.fail(QStringLiteral("Purge stopped: %1").arg(retention.error()));
    const RetentionReport report = dryRun ? retention.plan() : retention.report();
    const int mediaFiles =
        dryRun ? 0 : MediaCache(*db, ctx.profile().mediaDirectory()).removeOrphans();
    QList<qint64> feeds = report.removedPerFeed.keys();
    std::sort(feeds.begin(), feeds.end());
    for (qint64 id : feeds)
        ctx.out() << names.value(id) << ": " << report.removedPerFeed.value(id)
                  << (dryRun ? " would be removed" : " removed") << '\n';
    if (dryRun) {
        ctx.out() << "Would remove " << report.articlesRemoved << " article(s) (read, not "
                  << "starred, older than the feed's retention)." << Qt::endl;
        return 0;
    }
    ctx.out() << "Removed " << report.articlesRemoved << " article(s) in " << report.batches
              << " batch(es); gave back " << humanBytes(report.pagesFreed * report.pageSize)
              << " to the file system." << Qt::endl;
    if (mediaFiles)
        ctx.out() << "Removed " << mediaFiles << " cached image file(s) no article uses."
                  << Qt::endl;
    return 0;
}

namespace
{

struct SettingInfo {
    const char *key;
    qint64 fallback;
    qint64 min;
    qint64 max;
    const char *meaning;
};

constexpr SettingInfo kSettings[] = {
    {SettingsStore::kSyncIntervalMinutes, 60, 10, 7 * 24 * 60,
     "minutes between fetches of a feed that sets nothing itself (adapted to its posting rate)"},
    {SettingsStore::kRetentionDays, 90, -1, 100 * 365,
     "days read articles are kept (feeds may override; 0 or -1: keep forever)"},
    {SettingsStore::kMediaBudgetMb, 512, 0, 1024 * 1024,
     "MB of article images kept for offline reading (least recently used go first; starred "
     "articles' images stay)"},
    {SettingsStore::kMediaMaxImageMb, 5, 1, 1024, "MB at most per cached image"},
};

} // namespace

int configCommand(CliContext &ctx, const QStringList &arguments)
{
    QCommandLineParser parser;
    if (!ctx.parseOptions(parser, "config", arguments))
        return 2;
    const QStringList words = parser.positionalArguments();
    if (words.size() > 2)
        return ctx.usage(QStringLiteral("config takes at most a key and a value."));
    const SettingInfo *chosen = nullptr;
    if (!words.isEmpty()) {
        for (const SettingInfo &s : kSettings)
            if (words.first() == QLatin1String(s.key))
                chosen = &s;
        if (!chosen)
            return ctx.usage(QStringLiteral("config: unknown key '%1' (run config alone for the "
                                            "list).")
                                 .arg(words.first()));
    }
    Database *db = words.size() == 2 ? ctx.writer() : ctx.reader();
    if (!db)
        return 1;
    SettingsStore settings(*db);
    if (words.size() == 2) {
        bool ok = false;
        const qint64 value = words[1].toLongLong(&ok);
        if (!ok || value < chosen->min || value > chosen->max)
            return ctx.usage(QStringLiteral("config: %1 takes a number from %2 to %3.")
                                 .arg(QLatin1String(chosen->key))
                                 .arg(chosen->min)
                                 .arg(chosen->max));
        if (!settings.setValue(QLatin1String(chosen->key), QString::number(value)))
            return ctx.fail(db->lastError());
    }
    for (const SettingInfo &s : kSettings) {
        if (chosen && chosen != &s)
            continue;
        ctx.out() << s.key << " = " << settings.number(QLatin1String(s.key), s.fallback) << "\t# "
                  << s.meaning << '\n';
    }
    ctx.out().flush();
    return 0;
}

} // namespace bs
