#include "cli/CliCommands.h"

#include "cli/BookmarkCommands.h"
#include "cli/CliArgs.h"
#include "cli/CliContext.h"
#include "cli/ExtractCommand.h"
#include "cli/LabelCommands.h"
#include "cli/OfflineCommands.h"
#include "cli/PageCommands.h"
#include "cli/RelatedCommand.h"
#include "cli/SearchCommand.h"
#include "cli/SyncCommand.h"
#include "feeds/FeedDiscovery.h"
#include "feeds/FeedParser.h"
#include "feeds/Opml.h"
#include "feeds/OpmlImport.h"
#include "store/ArticleStore.h"
#include "store/FeedStore.h"
#include "store/StatusStore.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSaveFile>
#include <QTimeZone>

namespace bs
{

namespace
{

QString isoUtc(const QDateTime &when)
{
    return when.isValid() ? when.toUTC().toString(Qt::ISODate) : QString();
}

void printJson(CliContext &ctx, const QJsonArray &array)
{
    ctx.out() << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
    ctx.out().flush();
}

int listFeeds(CliContext &ctx, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("errors"),
                      QStringLiteral("Only failing feeds, with error count, time and message.")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print a JSON array.")});
    if (!ctx.parseOptions(parser, "feeds", arguments))
        return 2;
    const bool errorsOnly = parser.isSet(QStringLiteral("errors"));
    Database *db = ctx.reader();
    if (!db)
        return 1;
    FeedStore store(*db);
    StatusStore status(*db);
    const QHash<qint64, qint64> unread = status.unreadCounts();
    QHash<qint64, QString> folderNames;
    for (const Folder &f : store.folders())
        folderNames.insert(f.id, f.name);
    QList<Feed> feeds = store.feeds();
    if (errorsOnly)
        feeds.removeIf([](const Feed &f) { return f.errorCount == 0 && f.lastError.isEmpty(); });
    if (parser.isSet(QStringLiteral("json"))) {
        const auto date = [](const QDateTime &when) {
            return when.isValid() ? QJsonValue(isoUtc(when)) : QJsonValue(QJsonValue::Null);
        };
        QJsonArray array;
        for (const Feed &f : feeds)
            array.append(QJsonObject{
                {QStringLiteral("id"), f.id},
                {QStringLiteral("url"), f.url.toString()},
                {QStringLiteral("title"), f.title},
                {QStringLiteral("folder"), folderNames.value(f.folderId)},
                {QStringLiteral("kind"),
                 f.kind == FeedKind::Page ? QStringLiteral("page") : QStringLiteral("feed")},
                {QStringLiteral("selector"), f.kind == FeedKind::Page
                                                 ? QJsonValue(f.pageSelector)
                                                 : QJsonValue(QJsonValue::Null)},
                {QStringLiteral("unread"), unread.value(f.id)},
                {QStringLiteral("disabled"), f.disabled},
                {QStringLiteral("error_count"), f.errorCount},
                {QStringLiteral("last_error"), f.lastError},
                {QStringLiteral("last_error_at"), date(f.lastErrorAt)},
                {QStringLiteral("last_fetch"), date(f.lastFetch)},
                {QStringLiteral("next_fetch"), date(f.nextFetch)}});
        printJson(ctx, array);
        return 0;
    }
    for (const Feed &f : feeds) {
        const QString title = f.title.isEmpty() ? f.url.toString() : f.title;
        if (errorsOnly) {
            ctx.out() << f.id << '\t' << f.errorCount << " error(s)\t" << isoUtc(f.lastErrorAt)
                      << '\t' << title << '\t' << f.lastError
                      << (f.disabled ? QStringLiteral(" (disabled)") : QString()) << Qt::endl;
            continue;
        }
        ctx.out() << f.id << '\t' << unread.value(f.id) << " unread\t" << title;
        if (f.folderId)
            ctx.out() << "\t[" << folderNames.value(f.folderId) << ']';
        if (f.kind == FeedKind::Page)
            ctx.out() << "\t(page: " << f.pageSelector << ')';
        ctx.out() << Qt::endl;
    }
    return 0;
}

int listArticles(CliContext &ctx, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(
        {QStringLiteral("feed"), QStringLiteral("Only this feed."), QStringLiteral("ID")});
    parser.addOption({QStringLiteral("unread"), QStringLiteral("Only unread articles.")});
    parser.addOption({QStringLiteral("starred"), QStringLiteral("Only starred articles.")});
    parser.addOption({QStringLiteral("limit"), QStringLiteral("At most N articles (default 100)."),
                      QStringLiteral("N"), QStringLiteral("100")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print a JSON array.")});
    if (!ctx.parseOptions(parser, "list-articles", arguments))
        return 2;
    ArticleQuery query;
    bool ok = true;
    if (parser.isSet(QStringLiteral("feed"))) {
        query.feedId = parser.value(QStringLiteral("feed")).toLongLong(&ok);
        if (!ok || query.feedId <= 0)
            return ctx.usage(QStringLiteral("--feed takes a feed id (see feeds)."));
    }
    query.limit = parser.value(QStringLiteral("limit")).toInt(&ok);
    if (!ok || query.limit <= 0)
        return ctx.usage(QStringLiteral("--limit takes a positive number."));
    query.unreadOnly = parser.isSet(QStringLiteral("unread"));
    query.starredOnly = parser.isSet(QStringLiteral("starred"));
    Database *db = ctx.reader();
    if (!db)
        return 1;
    if (query.feedId && !FeedStore(*db).feed(query.feedId))
        return ctx.fail(QStringLiteral("There is no feed %1 (see feeds).").arg(query.feedId));
    const QList<ArticlePageRow> rows = ArticleStore(*db).list(query);
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const ArticlePageRow &row : rows) {
            const ArticleSummary &a = row.summary;
            array.append(QJsonObject{{QStringLiteral("id"), a.id},
                                     {QStringLiteral("feed_id"), a.feedId},
                                     {QStringLiteral("title"), a.title},
                                     {QStringLiteral("url"), a.url.toString()},
                                     {QStringLiteral("author"), a.author},
                                     {QStringLiteral("published"),
                                      a.published.isValid() ? QJsonValue(isoUtc(a.published))
                                                            : QJsonValue(QJsonValue::Null)},
                                     {QStringLiteral("read"), a.read},
                                     {QStringLiteral("starred"), a.starred}});
        }
        printJson(ctx, array);
        return 0;
    }
    for (const ArticlePageRow &row : rows) {
        const ArticleSummary &a = row.summary;
        ctx.out() << a.id << '\t' << (a.read ? ' ' : 'N') << (a.starred ? '*' : ' ') << '\t'
                  << isoUtc(a.published) << '\t' << a.title << Qt::endl;
    }
    return 0;
}

// mark-read and star: one flag set (or cleared with the inverse option) on many articles.
int setArticleFlag(CliContext &ctx, const QStringList &arguments, const char *verb,
                   const QString &inverseOption, const QString &inverseHelp,
                   int (StatusStore::*apply)(const QList<qint64> &, bool))
{
    QCommandLineParser parser;
    parser.addOption({inverseOption, inverseHelp});
    if (!ctx.parseOptions(parser, verb, arguments))
        return 2;
    const auto ids = readArticleIds(ctx, parser.positionalArguments());
    if (!ids)
        return 2;
    Database *db = ctx.writer();
    if (!db)
        return 1;
    StatusStore status(*db);
    const int changed = (status.*apply)(*ids, !parser.isSet(inverseOption));
    if (changed < 0)
        return ctx.fail(db->lastError());
    ctx.out() << changed << " article(s) changed." << Qt::endl;
    return 0;
}

int markRead(CliContext &ctx, const QStringList &arguments)
{
    return setArticleFlag(ctx, arguments, "mark-read", QStringLiteral("unread"),
                          QStringLiteral("Mark as unread instead."), &StatusStore::setRead);
}

int star(CliContext &ctx, const QStringList &arguments)
{
    return setArticleFlag(ctx, arguments, "star", QStringLiteral("unstar"),
                          QStringLiteral("Remove the star instead."), &StatusStore::setStarred);
}

int parseFeedFile(CliContext &ctx, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("url"),
                      QStringLiteral("The URL the file came from (base for links)."),
                      QStringLiteral("URL")});
    parser.addOption({QStringLiteral("content-type"),
                      QStringLiteral("The HTTP Content-Type it was served with."),
                      QStringLiteral("TYPE")});
    parser.addOption({QStringLiteral("zone"),
                      QStringLiteral("Time zone for dates written without one (default UTC)."),
                      QStringLiteral("IANA-ID")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print the whole result as JSON.")});
    if (!ctx.parseOptions(parser, "parse-feed", arguments))
        return 2;
    if (parser.positionalArguments().size() != 1)
        return ctx.usage(QStringLiteral("parse-feed takes one file."));
    QFile file(parser.positionalArguments().first());
    if (!file.open(QIODevice::ReadOnly))
        return ctx.fail(
            QStringLiteral("Cannot read %1: %2").arg(file.fileName(), file.errorString()));
    FeedSource source;
    source.url = QUrl(parser.value(QStringLiteral("url")));
    source.contentType = parser.value(QStringLiteral("content-type"));
    if (parser.isSet(QStringLiteral("zone"))) {
        source.zonelessZone = QTimeZone(parser.value(QStringLiteral("zone")).toUtf8());
        if (!source.zonelessZone.isValid())
            return ctx.usage(
                QStringLiteral("--zone takes an IANA time zone such as Asia/Shanghai."));
    }
    const ParsedFeed feed = parseFeed(file.readAll(), source);
    if (parser.isSet(QStringLiteral("json"))) {
        ctx.out() << QString::fromUtf8(
            QJsonDocument(feed.toJson()).toJson(QJsonDocument::Indented));
        return 0;
    }
    const Feed info = feed.feedInfo();
    ctx.out() << "version: " << (feed.version.isEmpty() ? QStringLiteral("unknown") : feed.version)
              << "\nencoding: " << feed.encoding << "\ntitle: " << info.title << '\n';
    if (feed.bozo)
        ctx.out() << "not well-formed: " << feed.bozoReason << '\n';
    const QList<Article> articles = feed.articles(0);
    ctx.out() << articles.size() << " entries\n";
    for (const Article &a : articles)
        ctx.out() << "  " << isoUtc(a.published) << "  " << a.title << '\n';
    ctx.out().flush();
    return 0;
}

int importOpml(CliContext &ctx, const QStringList &arguments)
{
    QCommandLineParser parser;
    if (!ctx.parseOptions(parser, "import-opml", arguments))
        return 2;
    if (parser.positionalArguments().size() != 1)
        return ctx.usage(QStringLiteral("import-opml takes one OPML file."));
    const QString path = parser.positionalArguments().first();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return ctx.fail(QStringLiteral("Cannot read %1: %2.").arg(path, file.errorString()));
    QString error;
    const auto document = parseOpml(file.readAll(), &error);
    if (!document)
        return ctx.fail(QStringLiteral("%1: %2").arg(path, error));
    Database *db = ctx.writer();
    if (!db)
        return 1;
    const auto counts = OpmlImport::apply(*db, *document);
    if (!counts)
        return ctx.fail(QStringLiteral("Nothing was imported: %1").arg(db->lastError()));
    for (const QString &problem : counts->problems)
        ctx.err() << "broadsheet-cli: " << problem << Qt::endl;
    ctx.out() << "Folders created: " << counts->foldersCreated << '\n'
              << "Feeds added: " << counts->feedsAdded << '\n'
              << "Duplicates skipped: " << counts->duplicatesSkipped << '\n'
              << "Invalid skipped: " << counts->invalidSkipped << Qt::endl;
    return 0;
}

int exportOpml(CliContext &ctx, const QStringList &arguments)
{
    QCommandLineParser parser;
    if (!ctx.parseOptions(parser, "export-opml", arguments))
        return 2;
    if (parser.positionalArguments().size() > 1)
        return ctx.usage(QStringLiteral("export-opml takes at most one file name."));
    Database *db = ctx.reader();
    if (!db)
        return 1;
    const OpmlDocument document = OpmlExport::fromStore(*db);
    const QByteArray opml = writeOpml(document);
    if (parser.positionalArguments().isEmpty()) {
        ctx.out() << QString::fromUtf8(opml);
        ctx.out().flush();
        return 0;
    }
    const QString path = parser.positionalArguments().first();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(opml) != opml.size() || !file.commit())
        return ctx.fail(QStringLiteral("Cannot write %1: %2.").arg(path, file.errorString()));
    ctx.out() << "Exported " << document.root.feedCount() << " feed(s) to " << path << Qt::endl;
    return 0;
}

int discover(CliContext &ctx, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print a JSON array.")});
    parser.addOption({QStringLiteral("timeout"), QStringLiteral("Give up after SECONDS (20)."),
                      QStringLiteral("SECONDS"), QStringLiteral("20")});
    if (!ctx.parseOptions(parser, "discover", arguments))
        return 2;
    if (parser.positionalArguments().size() != 1)
        return ctx.usage(QStringLiteral("discover takes one site address."));
    bool ok = false;
    const double timeout = parser.value(QStringLiteral("timeout")).toDouble(&ok);
    if (!ok || timeout <= 0)
        return ctx.usage(QStringLiteral("--timeout takes a positive number of seconds."));
    const QUrl url = webUrl(parser.positionalArguments().first());

    QNetworkAccessManager network;
    FeedDiscovery discovery(network);
    discovery.setTimeout(int(timeout * 1000));
    QEventLoop loop;
    QObject::connect(&discovery, &FeedDiscovery::finished, &loop, &QEventLoop::quit);
    discovery.start(url);
    loop.exec();
    if (!discovery.errorString().isEmpty())
        return ctx.fail(discovery.errorString());

    const QList<DiscoveredFeed> feeds = discovery.feeds();
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const DiscoveredFeed &f : feeds)
            array.append(QJsonObject{{QStringLiteral("url"), f.url.toString()},
                                     {QStringLiteral("title"), f.title},
                                     {QStringLiteral("type"), f.type}});
        printJson(ctx, array);
    } else {
        for (const DiscoveredFeed &f : feeds)
            ctx.out() << f.url.toString() << '\t' << f.type << '\t' << f.title << Qt::endl;
    }
    if (feeds.isEmpty())
        return ctx.fail(QStringLiteral("No feed found at %1.").arg(url.toString()));
    return 0;
}

constexpr CliCommand kCommands[] = {
    {"add-feed", "URL [--folder NAME] [--title TITLE] [--page] [--selector CSS] [--no-check]",
     "Subscribe to a feed. The address may be a feed or a page that links one; a page that "
     "offers no feed is followed through its list of stories (a page feed; --page: even where a "
     "feed exists; --selector: the stories this CSS selector addresses). --no-check stores the "
     "address without fetching it.",
     addFeedCommand},
    {"feeds", "[--errors] [--json]",
     "List subscribed feeds with unread counts; --errors: only failing feeds, with error count, "
     "time and message.",
     listFeeds},
    {"list-feeds", "[--errors] [--json]", "The same as feeds.", listFeeds},
    {"list-articles", "[--feed ID] [--unread] [--starred] [--limit N] [--json]",
     "List articles, newest first.", listArticles},
    {"mark-read", "ID... [--unread]", "Mark articles read (or unread).", markRead},
    {"star", "ID... [--unstar]", "Star articles (or remove the star).", star},
    {"parse-feed", "FILE [--url URL] [--content-type TYPE] [--zone TZ] [--json]",
     "Parse a feed file and print what it holds; --json prints a feedparser-shaped object: "
     "bozo, bozo_reason, encoding, version, namespaces, feed{title, title_detail{type, "
     "language, base, value}, subtitle, link, links[{rel, type, href, title, length}], "
     "language, updated, published (ISO 8601 UTC; the feed's own text in *_raw, struct time "
     "in *_parsed), authors[{name, email, href}], rights, generator, icon, image, tags[{term, "
     "scheme, label}], ...}, entries[{id, title, link, links[], summary, content[{type, value, "
     "base, language}], published, updated, authors[], tags[], enclosures[{href, type, "
     "length}], comments, source}].",
     parseFeedFile},
    {"import-opml", "FILE", "Import folders and feeds from an OPML file.", importOpml},
    {"export-opml", "[FILE]", "Export folders and feeds as OPML 2.0 (stdout without FILE).",
     exportOpml},
    {"sync", "[--feed ID]... [--folder NAME]... [--due] [--progress]",
     "Fetch feeds now (all, these, or a folder with its subfolders; --due: only those whose "
     "time has come) and store what is new. Ctrl-C cancels: merged feeds stay.",
     syncCommand},
    {"purge", "[--dry-run]",
     "Delete read, unstarred, unlabelled, un-noted articles older than their feed's retention "
     "(default "
     "90 days) and give the space back.",
     purgeCommand},
    {"config", "[KEY [VALUE]]",
     "Show or set the sync interval (sync.interval_minutes, default 60) and how long read "
     "articles are kept (retention.days, default 90).",
     configCommand},
    {"discover", "URL [--json] [--timeout SECONDS]", "Find the feeds a web site offers.", discover},
    {"search", "QUERY [--json] [--limit N] [--offset N] [--sort relevance|date]",
     "Search cached articles: words, \"phrase\", word*, -word, a OR b, title:, author:, feed:, "
     "folder:, is:unread|read|starred|saved, label:, before:/after:YYYY-MM-DD or 7d; any "
     "language, CJK by characters. 'search --help' explains the syntax.",
     searchCommand},
    {"label", "create|rename|delete|list|assign|unassign ...",
     "Labels on articles: label create NAME, label rename OLD NEW, label delete NAME (articles "
     "stay), label list [--json], label assign NAME ID..., label unassign NAME ID... (all or "
     "nothing). 'label --help' says more.",
     labelCommand},
    {"note", "ID [TEXT... | --clear]",
     "Print, set or remove the note on an article. Setting a note on an article that is not "
     "starred stars it (notes belong to saved articles).",
     noteCommand},
    {"saved-search", "add|list|run|rename|update|remove ...",
     "Saved searches (smart folders with live counts): saved-search add NAME QUERY [--sort "
     "relevance|date], list [--json], run NAME [--json] [--limit N], rename OLD NEW, update "
     "NAME QUERY, remove NAME. 'saved-search --help' says more.",
     savedSearchCommand},
    {"bookmarks", "export [--format html|json] [FILE] | import FILE",
     "Export the starred, labelled and noted articles as a Netscape bookmark file (browsers "
     "read it) or JSON (stdout without FILE), or import either format back.",
     bookmarksCommand},
    {"extract", "FILE|URL [--url BASE] [--content-type TYPE] [--json]",
     "Read the article out of a web page: title, byline, published, site_name, lang, dir, "
     "excerpt, lead_image, content_html, text, related [{title, url, snippet}], feeds [{title, "
     "url, type}], confidence {text, related} (0-1: how much to trust the text and the related "
     "list).",
     extractCommand},
    {"related", "ID [--json] [--limit N] [--page]",
     "The cached articles most similar to one article (title and lead weighted; from the local "
     "index), the same story from other feeds grouped as duplicates; --json prints an array of "
     "{id, title, feed, score, duplicates: [ids]}. --page: the related-stories list of the "
     "article's own downloaded page instead ([{title, url, snippet}] with --json).",
     relatedCommand},
    {"save", "URL [--json]",
     "Save a web page for offline reading: fetch it, extract the article, store it starred in "
     "the \"Saved pages\" feed with its images cached; prints the article id (--json: {id, "
     "title, url}). Saving the same address again updates it.",
     saveCommand},
    {"feed-set", "ID [--full-text off|on|auto] [--selector CSS]",
     "Choose whether sync downloads a feed's article pages and images for offline reading "
     "(auto, the default: when the feed gives only summaries); --selector: the list a page feed "
     "follows (checked against the page first).",
     feedSetCommand},
    {"page-lists", "FILE|URL [--url BASE] [--json] [--now WHEN] [--limit N] [--selector CSS]",
     "The lists of stories on a web page, best first, each with the CSS selector that "
     "addresses it; --json prints [{score, selector, items: [{title, url, published (ISO 8601 "
     "or null), snippet, image}]}]; --selector: only what that selector addresses.",
     pageListsCommand},
    {"media", "[--json] [--clean]",
     "The offline image cache: images, files, size, budget (config media.budget_mb) and the "
     "per-image cap (media.max_image_mb); --clean removes unused files and evicts to the "
     "budget.",
     mediaCommand},
};

} // namespace

std::span<const CliCommand> cliCommands()
{
    return kCommands;
}

} // namespace bs
