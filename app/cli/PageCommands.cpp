#include "cli/PageCommands.h"

#include "cli/CliArgs.h"
#include "cli/CliContext.h"
#include "cli/ExtractCommand.h"
#include "feeds/FeedDiscovery.h"
#include "pages/PageLists.h"
#include "store/FeedStore.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>

namespace bs
{

namespace
{

QString shown(const QDateTime &when)
{
    if (!when.isValid())
        return QStringLiteral("          ");
    return when.time() == QTime(12, 0) && when.offsetFromUtc() == 0
               ? when.date().toString(Qt::ISODate)
               : when.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

void printLists(CliContext &ctx, const PageListsResult &result, int limit)
{
    QTextStream &out = ctx.out();
    if (!result.title.isEmpty())
        out << result.title << Qt::endl;
    int rank = 0;
    for (const PageList &list : result.lists) {
        if (rank >= limit)
            break;
        out << Qt::endl
            << '#' << ++rank << "  score " << QString::number(list.score, 'f', 1) << "  "
            << list.items.size() << " stories  " << list.selector << Qt::endl;
        int shownItems = 0;
        for (const PageListItem &i : list.items) {
            if (++shownItems > 5) {
                out << "    ..." << Qt::endl;
                break;
            }
            out << "    " << shown(i.published) << "  " << i.title << Qt::endl
                << "                " << i.url.toString() << Qt::endl;
        }
    }
}

// Runs a discovery on a private network manager and waits for it.
void discover(FeedDiscovery &discovery, const QUrl &url)
{
    QEventLoop loop;
    QObject::connect(&discovery, &FeedDiscovery::finished, &loop, &QEventLoop::quit);
    discovery.start(url);
    if (discovery.isRunning())
        loop.exec();
}

int addPageFeed(CliContext &ctx, Feed feed, const PageList &list, const QString &why)
{
    Database *db = ctx.writer();
    if (!db)
        return 1;
    feed.kind = FeedKind::Page;
    feed.pageSelector = list.selector;
    // A page feed reads offline from its story pages: the lists give only titles and teasers.
    feed.fullText = FullTextMode::On;
    const auto id = FeedStore(*db).addFeed(feed);
    if (!id)
        return ctx.fail(db->lastError());
    if (!why.isEmpty())
        ctx.out() << why << Qt::endl;
    ctx.out() << "Added page feed " << *id << ": " << feed.url.toString() << Qt::endl
              << "  selector: " << list.selector << Qt::endl
              << "  " << list.items.size() << " stories; the first:" << Qt::endl;
    for (qsizetype i = 0; i < list.items.size() && i < 3; ++i)
        ctx.out() << "  - " << list.items.at(i).title << Qt::endl;
    return 0;
}

} // namespace

int pageListsCommand(CliContext &ctx, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("url"),
                      QStringLiteral("The address the page came from (resolves relative links)."),
                      QStringLiteral("BASE")});
    parser.addOption({QStringLiteral("content-type"),
                      QStringLiteral("The HTTP Content-Type the page was served with."),
                      QStringLiteral("TYPE")});
    parser.addOption({QStringLiteral("json"),
                      QStringLiteral("Print [{score, selector, items: [{title, url, published, "
                                     "snippet, image}]}].")});
    parser.addOption({QStringLiteral("now"),
                      QStringLiteral("When the page was fetched (ISO 8601; default: now), for "
                                     "\"3 hours ago\" and dates without a year."),
                      QStringLiteral("WHEN")});
    parser.addOption({QStringLiteral("limit"),
                      QStringLiteral("Lists shown without --json (default 3)."),
                      QStringLiteral("N"), QStringLiteral("3")});
    parser.addOption({QStringLiteral("selector"),
                      QStringLiteral("Only the stories this CSS selector addresses."),
                      QStringLiteral("CSS")});
    if (!ctx.parseOptions(parser, "page-lists", arguments))
        return 2;
    if (parser.positionalArguments().size() != 1)
        return ctx.usage(QStringLiteral("page-lists takes one file or http(s) address."));
    bool ok = false;
    const int limit = parser.value(QStringLiteral("limit")).toInt(&ok);
    if (!ok || limit <= 0)
        return ctx.usage(QStringLiteral("--limit takes a positive number."));
    PageListOptions options;
    if (parser.isSet(QStringLiteral("now"))) {
        options.now = QDateTime::fromString(parser.value(QStringLiteral("now")), Qt::ISODate);
        if (!options.now.isValid())
            return ctx.usage(QStringLiteral("--now takes an ISO 8601 date and time."));
    }
    const QString source = parser.positionalArguments().first();
    int exitCode = 0;
    const std::optional<PageInput> page = readPageInput(ctx, parser, source, &exitCode);
    if (!page)
        return exitCode;
    const PageListsResult result =
        parser.isSet(QStringLiteral("selector"))
            ? readPageList(page->bytes, page->url, parser.value(QStringLiteral("selector")),
                           page->contentType, options)
            : findPageLists(page->bytes, page->url, page->contentType, options);
    if (!result.ok())
        return ctx.fail(QStringLiteral("%1: %2").arg(source, result.error));
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const PageList &list : result.lists)
            array.append(list.toJson());
        ctx.out() << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        ctx.out().flush();
    } else {
        printLists(ctx, result, limit);
    }
    return 0;
}

int addFeedCommand(CliContext &ctx, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("folder"), QStringLiteral("Put the feed in this folder."),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("title"), QStringLiteral("Title until the first sync."),
                      QStringLiteral("TITLE")});
    parser.addOption({QStringLiteral("page"),
                      QStringLiteral("Follow the page's own list of stories even where the site "
                                     "has a feed.")});
    parser.addOption({QStringLiteral("selector"),
                      QStringLiteral("Follow the stories this CSS selector addresses on the "
                                     "page (see page-lists)."),
                      QStringLiteral("CSS")});
    parser.addOption({QStringLiteral("no-check"),
                      QStringLiteral("Store the feed address without fetching it first.")});
    if (!ctx.parseOptions(parser, "add-feed", arguments))
        return 2;
    if (parser.positionalArguments().size() != 1)
        return ctx.usage(QStringLiteral("add-feed takes one feed URL."));
    const QString text = parser.positionalArguments().first().trimmed();
    const QUrl url = webUrl(text);
    const bool web =
        url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https");
    if (!url.isValid() || !web || url.host().isEmpty())
        return ctx.fail(QStringLiteral("'%1' is not a feed address (expected an http or https "
                                       "URL such as https://example.org/feed.xml).")
                            .arg(text));
    const bool noCheck = parser.isSet(QStringLiteral("no-check"));
    const QString selector = parser.value(QStringLiteral("selector"));
    if (noCheck && (parser.isSet(QStringLiteral("page")) || !selector.isEmpty()))
        return ctx.usage(QStringLiteral("--no-check adds a feed address as it is; a page feed "
                                        "needs its page."));
    if (!selector.isEmpty()) {
        const QString why = pageSelectorError(selector);
        if (!why.isEmpty())
            return ctx.usage(why);
    }
    Database *db = ctx.writer();
    if (!db)
        return 1;
    Feed feed;
    feed.url = url;
    feed.title = parser.value(QStringLiteral("title"));
    {
        FeedStore feeds(*db);
        if (const auto existing = feeds.feedByUrl(url))
            return ctx.fail(QStringLiteral("Already subscribed to %1 (feed %2).")
                                .arg(url.toString())
                                .arg(existing->id));
        if (parser.isSet(QStringLiteral("folder"))) {
            // Created only once the address has been checked.
            if (const auto folder = feeds.findFolder(parser.value(QStringLiteral("folder"))))
                feed.folderId = *folder;
        }
    }
    const auto placeInFolder = [&]() -> bool {
        if (!parser.isSet(QStringLiteral("folder")) || feed.folderId)
            return true;
        const auto folder = FeedStore(*db).folderId(parser.value(QStringLiteral("folder")));
        if (!folder)
            return false;
        feed.folderId = *folder;
        return true;
    };
    if (noCheck) {
        if (!placeInFolder())
            return ctx.fail(db->lastError());
        const auto id = FeedStore(*db).addFeed(feed);
        if (!id)
            return ctx.fail(db->lastError());
        ctx.out() << "Added feed " << *id << ": " << url.toString() << Qt::endl;
        return 0;
    }

    QNetworkAccessManager network;
    FeedDiscovery discovery(network);
    discover(discovery, url);
    if (!discovery.errorString().isEmpty())
        return ctx.fail(QStringLiteral("%1 Nothing was added (--no-check adds the address "
                                       "without fetching it).")
                            .arg(discovery.errorString()));
    const PageListsResult &lists = discovery.pageLists();
    if (!selector.isEmpty()) {
        const FeedDiscovery::Page &page = discovery.page();
        if (page.bytes.isEmpty())
            return ctx.fail(QStringLiteral("%1 is a feed, not a web page: a selector does not "
                                           "apply to it.")
                                .arg(url.toString()));
        const PageListsResult chosen =
            readPageList(page.bytes, page.url, selector, page.contentType);
        if (!chosen.ok())
            return ctx.fail(chosen.error);
        if (feed.title.isEmpty())
            feed.title = chosen.title;
        if (!placeInFolder())
            return ctx.fail(db->lastError());
        return addPageFeed(ctx, feed, chosen.lists.first(), {});
    }
    const QList<DiscoveredFeed> found = discovery.feeds();
    if (!found.isEmpty() && !parser.isSet(QStringLiteral("page"))) {
        const DiscoveredFeed &chosen = found.first();
        feed.url = chosen.url;
        if (chosen.url != url) {
            if (const auto existing = FeedStore(*db).feedByUrl(chosen.url))
                return ctx.fail(QStringLiteral("%1 offers the feed %2, already subscribed (feed "
                                               "%3).")
                                    .arg(url.toString(), chosen.url.toString())
                                    .arg(existing->id));
        }
        if (feed.title.isEmpty())
            feed.title = chosen.title;
        if (!placeInFolder())
            return ctx.fail(db->lastError());
        const auto id = FeedStore(*db).addFeed(feed);
        if (!id)
            return ctx.fail(db->lastError());
        if (chosen.url != url)
            ctx.out() << url.toString() << " offers a feed: " << chosen.url.toString() << Qt::endl;
        ctx.out() << "Added feed " << *id << ": " << chosen.url.toString() << Qt::endl;
        return 0;
    }
    if (!lists.ok()) {
        if (found.isEmpty())
            return ctx.fail(
                QStringLiteral("%1 offers no feed, and %2").arg(url.toString(), lists.error));
        return ctx.fail(lists.error);
    }
    if (feed.title.isEmpty())
        feed.title = lists.title;
    if (!placeInFolder())
        return ctx.fail(db->lastError());
    const QString why = found.isEmpty()
                            ? QStringLiteral("%1 offers no feed: following the page's list of "
                                             "stories instead.")
                                  .arg(url.toString())
                            : QString();
    feed.url = discovery.page().url.isValid() ? discovery.page().url : url;
    return addPageFeed(ctx, feed, lists.lists.first(), why);
}

} // namespace bs
