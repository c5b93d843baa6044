#include "cli/OfflineCommands.h"

#include "cli/CliContext.h"
#include "cli/ExtractCommand.h"
#include "html/Extractor.h"
#include "offline/ArticleDownloader.h"
#include "offline/MediaCache.h"
#include "offline/PageSaver.h"
#include "pages/PageLists.h"
#include "store/ArticleStore.h"
#include "store/FeedStore.h"
#include "store/StatusStore.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>

namespace bs
{

namespace
{

QString megabytes(qint64 bytes)
{
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'f', 1) + QStringLiteral(" MB");
}

void printObject(CliContext &ctx, const QJsonObject &object)
{
    ctx.out() << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
    ctx.out().flush();
}

} // namespace

int saveCommand(CliContext &ctx, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print {id, title, url}.")});
    if (!ctx.parseOptions(parser, "save", arguments))
        return 2;
    if (parser.positionalArguments().size() != 1)
        return ctx.usage(QStringLiteral("save takes one web address."));
    const QString text = parser.positionalArguments().first().trimmed();
    const QUrl url = savablePageAddress(text);
    if (!url.isValid())
        return ctx.fail(
            QStringLiteral("'%1' is not a web address (http:// or https://).").arg(text));
    QString error;
    if (!ctx.profile().ensureExists(&error))
        return ctx.fail(error);
    Database *db = ctx.writer();
    if (!db)
        return 1;

    const SavedPage saved = storeSavedPage(*db, url, fetchWebPage(url));
    if (saved.id <= 0)
        return ctx.fail(saved.error);

    // Its images, for offline reading.
    QNetworkAccessManager network;
    ArticleDownloader downloader(*db, network, ctx.profile().mediaDirectory());
    ArticleDownloader::Report report;
    QEventLoop loop;
    QObject::connect(&downloader, &ArticleDownloader::idle, &loop,
                     [&](const ArticleDownloader::Report &r) {
                         report = r;
                         loop.quit();
                     });
    if (downloader.enqueueMedia(saved.id) > 0)
        loop.exec();

    if (parser.isSet(QStringLiteral("json"))) {
        printObject(ctx, QJsonObject{{QStringLiteral("id"), saved.id},
                                     {QStringLiteral("title"), saved.title},
                                     {QStringLiteral("url"), saved.url.toString()}});
    } else {
        ctx.out() << saved.id << Qt::endl;
        ctx.err() << (saved.inserted ? "Saved" : "Updated") << " \"" << saved.title << "\"";
        if (report.imagesStored || report.imageErrors)
            ctx.err() << "; " << report.imagesStored << " image(s) cached, " << report.imageErrors
                      << " refused";
        ctx.err() << '.' << Qt::endl;
    }
    return 0;
}

int feedSetCommand(CliContext &ctx, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("full-text"),
                      QStringLiteral("Download article pages for offline reading: off, on, or "
                                     "auto (when the feed gives only summaries)."),
                      QStringLiteral("MODE")});
    parser.addOption({QStringLiteral("selector"),
                      QStringLiteral("The list a page feed follows: a CSS selector matching one "
                                     "element per story (checked against the page first)."),
                      QStringLiteral("CSS")});
    if (!ctx.parseOptions(parser, "feed-set", arguments))
        return 2;
    if (parser.positionalArguments().size() != 1)
        return ctx.usage(QStringLiteral("feed-set takes one feed id."));
    bool ok = false;
    const qint64 id = parser.positionalArguments().first().toLongLong(&ok);
    if (!ok || id <= 0)
        return ctx.usage(QStringLiteral("'%1' is not a feed id (a positive number).")
                             .arg(parser.positionalArguments().first()));
    const bool setMode = parser.isSet(QStringLiteral("full-text"));
    const bool setSelector = parser.isSet(QStringLiteral("selector"));
    if (!setMode && !setSelector)
        return ctx.usage(
            QStringLiteral("feed-set: say what to set (--full-text off|on|auto, --selector CSS)."));
    const QString mode = parser.value(QStringLiteral("full-text")).toLower();
    FullTextMode chosen = FullTextMode::Automatic;
    if (!setMode || mode == QLatin1String("auto") || mode == QLatin1String("automatic"))
        chosen = FullTextMode::Automatic;
    else if (mode == QLatin1String("off"))
        chosen = FullTextMode::Off;
    else if (mode == QLatin1String("on"))
        chosen = FullTextMode::On;
    else
        return ctx.usage(QStringLiteral("--full-text takes off, on or auto."));
    const QString selector = parser.value(QStringLiteral("selector")).trimmed();
    if (setSelector) {
        const QString why = pageSelectorError(selector);
        if (!why.isEmpty())
            return ctx.usage(why);
    }
    std::optional<Feed> feed;
    {
        Database *reader = ctx.reader();
        if (!reader)
            return 1;
        feed = FeedStore(*reader).feed(id);
    }
    if (!feed)
        return ctx.fail(QStringLiteral("There is no feed %1 (see feeds).").arg(id));
    if (setSelector) {
        if (feed->kind != FeedKind::Page)
            return ctx.fail(QStringLiteral("Feed %1 is a feed document, not a page feed: a "
                                           "selector does not apply to it.")
                                .arg(id));
        // Checked against the page as it is now, so a typo does not silence the feed.
        const FetchResult fetched = fetchWebPage(feed->url);
        if (fetched.outcome != FetchResult::Fetched)
            return ctx.fail(QStringLiteral("Could not check the selector: %1")
                                .arg(fetched.error.isEmpty()
                                         ? QStringLiteral("HTTP %1").arg(fetched.httpStatus)
                                         : fetched.error));
        const PageListsResult check =
            readPageList(fetched.body, fetched.finalUrl.isValid() ? fetched.finalUrl : feed->url,
                         selector, fetched.contentType);
        if (!check.ok())
            return ctx.fail(check.error);
        ctx.out() << "The selector finds " << check.lists.first().items.size() << " stories."
                  << Qt::endl;
    }
    Database *db = ctx.writer();
    if (!db)
        return 1;
    FeedStore feeds(*db);
    feed = feeds.feed(id);
    if (!feed)
        return ctx.fail(QStringLiteral("There is no feed %1 (see feeds).").arg(id));
    if (setMode)
        feed->fullText = chosen;
    if (setSelector)
        feed->pageSelector = selector;
    if (!feeds.updateFeed(*feed))
        return ctx.fail(db->lastError());
    const QString name = feed->title.isEmpty() ? feed->url.toString() : feed->title;
    if (setMode)
        ctx.out() << name << ": full-article download " << mode << Qt::endl;
    if (setSelector)
        ctx.out() << name << ": selector " << selector << Qt::endl;
    return 0;
}

int mediaCommand(CliContext &ctx, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("json"),
                      QStringLiteral("Print {entries, files, bytes, pinned_bytes, budget_bytes, "
                                     "max_image_bytes, directory}.")});
    parser.addOption({QStringLiteral("clean"),
                      QStringLiteral("Remove images no article uses and evict down to the "
                                     "budget first.")});
    if (!ctx.parseOptions(parser, "media", arguments))
        return 2;
    if (!parser.positionalArguments().isEmpty())
        return ctx.usage(QStringLiteral("media takes no arguments."));
    const bool clean = parser.isSet(QStringLiteral("clean"));
    Database *db = clean ? ctx.writer() : ctx.reader();
    if (!db)
        return 1;
    MediaCache cache(*db, ctx.profile().mediaDirectory());
    const MediaCache::Limits limits = MediaCache::limits(*db);
    if (clean) {
        const int orphans = cache.removeOrphans();
        const MediaCache::Eviction evicted = cache.enforceBudget(limits.budgetBytes);
        ctx.err() << "Removed " << orphans << " unused file(s); evicted " << evicted.entries
                  << " image(s) (" << megabytes(evicted.bytes) << ")." << Qt::endl;
    }
    const MediaCache::Stats s = cache.stats();
    if (parser.isSet(QStringLiteral("json"))) {
        printObject(ctx, QJsonObject{{QStringLiteral("entries"), s.entries},
                                     {QStringLiteral("files"), s.files},
                                     {QStringLiteral("bytes"), s.bytes},
                                     {QStringLiteral("pinned_bytes"), s.pinnedBytes},
                                     {QStringLiteral("budget_bytes"), limits.budgetBytes},
                                     {QStringLiteral("max_image_bytes"), limits.maxImageBytes},
                                     {QStringLiteral("directory"), cache.directory()}});
        return 0;
    }
    ctx.out() << s.entries << " image(s) in " << s.files << " file(s), " << megabytes(s.bytes)
              << " of a " << megabytes(limits.budgetBytes) << " budget ("
              << megabytes(s.pinnedBytes) << " pinned by starred articles); images up to "
              << megabytes(limits.maxImageBytes) << ". " << cache.directory() << Qt::endl;
    return 0;
}

} // namespace bs
