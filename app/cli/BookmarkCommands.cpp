#include "cli/BookmarkCommands.h"

#include "cli/CliArgs.h"
#include "cli/CliContext.h"
#include "cli/SearchCommand.h"
#include "feeds/BookmarkFile.h"
#include "search/SavedSearchStore.h"
#include "store/BookmarkStore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace bs
{

namespace
{

const char kSavedSearchHelp[] =
    "Usage: broadsheet-cli saved-search add NAME QUERY [--sort relevance|date]\n"
    "       broadsheet-cli saved-search list [--json]\n"
    "       broadsheet-cli saved-search run NAME [--json] [--limit N] [--offset N]\n"
    "       broadsheet-cli saved-search rename OLD NEW\n"
    "       broadsheet-cli saved-search update NAME QUERY [--sort relevance|date]\n"
    "       broadsheet-cli saved-search remove NAME\n\n"
    "A saved search is a smart folder: its query (the search syntax, see 'search --help') runs\n"
    "again whenever it is listed or opened, so counts are live and after:7d moves with the\n"
    "clock. A malformed query is refused when it is saved.\n"
    "  list   name, matches, unread matches and query; --json prints\n"
    "         [{id, name, query, sort, total, unread, problem}] (problem: why a stored query\n"
    "         cannot run, else null)\n"
    "  run    the matches in the search's order, as 'search' prints them (--json: [{id, title,\n"
    "         feed, published, snippet, score}]); --limit N (default 20), --offset N\n";

const char kBookmarksHelp[] =
    "Usage: broadsheet-cli bookmarks export [--format html|json] [FILE]\n"
    "       broadsheet-cli bookmarks import FILE\n\n"
    "export  writes the starred, labelled and noted articles (stdout without FILE) as a\n"
    "        Netscape bookmark file (html, the default; browsers import it: labels become\n"
    "        TAGS, notes <DD>) or as JSON (a FILE ending in .json picks json): {version,\n"
    "        exported, bookmarks: [{url, title, feed, published, starred_at, labels[], note}]}\n"
    "import  reads either format back, all or nothing: an address that is an article here\n"
    "        marks it (starred, labels, note); another address becomes an article of the\n"
    "        'Saved pages' feed (not fetched). Only http(s) addresses are read (javascript:\n"
    "        and others are counted and skipped); files over 32 MB are refused.\n";

int help(CliContext &ctx, const char *text)
{
    ctx.out() << text;
    ctx.out().flush();
    return 0;
}

void printJson(CliContext &ctx, const QJsonArray &array)
{
    ctx.out() << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
    ctx.out().flush();
}

std::optional<SearchOptions::Sort> sortOption(CliContext &ctx, const CliArgs &args)
{
    const QString value = args.values.value(QStringLiteral("sort"), QStringLiteral("relevance"));
    const auto sort = SavedSearchStore::sortFromName(value);
    if (!sort)
        ctx.usage(QStringLiteral("--sort takes relevance or date."));
    return sort;
}

int savedSearchList(CliContext &ctx, const CliArgs &args)
{
    Database *db = ctx.reader();
    if (!db)
        return 1;
    QString error;
    const auto searches = SavedSearchStore(*db).listWithCounts(&error);
    if (!searches)
        return ctx.fail(error);
    if (args.has(QStringLiteral("json"))) {
        QJsonArray array;
        for (const SavedSearchCounts &c : *searches)
            array.append(QJsonObject{
                {QStringLiteral("id"), c.search.id},
                {QStringLiteral("name"), c.search.name},
                {QStringLiteral("query"), c.search.query},
                {QStringLiteral("sort"), SavedSearchStore::sortName(c.search.sort)},
                {QStringLiteral("total"), c.total},
                {QStringLiteral("unread"), c.unread},
                {QStringLiteral("problem"),
                 c.problem.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(c.problem)}});
        printJson(ctx, array);
        return 0;
    }
    for (const SavedSearchCounts &c : *searches) {
        ctx.out() << c.search.name << '\t' << c.total << " match(es)\t" << c.unread << " unread\t"
                  << c.search.query << Qt::endl;
        if (!c.problem.isEmpty())
            ctx.err() << "broadsheet-cli: the saved search '" << c.search.name
                      << "' cannot run: " << c.problem << Qt::endl;
    }
    if (searches->isEmpty())
        ctx.err() << "No saved searches yet (saved-search add NAME QUERY)." << Qt::endl;
    return 0;
}

int savedSearchRun(CliContext &ctx, const CliArgs &args)
{
    if (args.words.size() != 1)
        return ctx.usage(QStringLiteral("saved-search run takes one name."));
    bool ok = true;
    const int limit = args.values.value(QStringLiteral("limit"), QStringLiteral("20")).toInt(&ok);
    if (!ok || limit < 1 || limit > 10000)
        return ctx.usage(QStringLiteral("--limit takes a number from 1 to 10000."));
    const int offset = args.values.value(QStringLiteral("offset"), QStringLiteral("0")).toInt(&ok);
    if (!ok || offset < 0)
        return ctx.usage(QStringLiteral("--offset takes a number (0 or more)."));
    Database *db = ctx.reader();
    if (!db)
        return 1;
    QString error;
    const auto hits = SavedSearchStore(*db).run(args.words.first(), limit, offset, &error);
    if (!hits)
        return ctx.fail(error);
    printSearchHits(ctx, *hits, args.has(QStringLiteral("json")));
    return 0;
}

} // namespace

int savedSearchCommand(CliContext &ctx, const QStringList &arguments)
{
    const auto args =
        CliArgs::read(ctx, QStringLiteral("saved-search"), arguments,
                      {QStringLiteral("json"), QStringLiteral("help")},
                      {QStringLiteral("sort"), QStringLiteral("limit"), QStringLiteral("offset")});
    if (!args)
        return 2;
    if (args->has(QStringLiteral("help")) ||
        (!args->words.isEmpty() && args->words.first() == QLatin1String("help")))
        return help(ctx, kSavedSearchHelp);
    if (args->words.isEmpty())
        return ctx.usage(QStringLiteral("saved-search needs a subcommand: add, list, run, "
                                        "rename, update or remove ('saved-search --help')."));
    CliArgs rest = *args;
    const QString sub = rest.words.takeFirst();
    const QStringList &w = rest.words;
    if (sub == QLatin1String("list"))
        return w.isEmpty() ? savedSearchList(ctx, rest)
                           : ctx.usage(QStringLiteral("saved-search list takes no names."));
    if (sub == QLatin1String("run"))
        return savedSearchRun(ctx, rest);
    if (sub == QLatin1String("add") || sub == QLatin1String("update")) {
        if (w.size() < 2)
            return ctx.usage(QStringLiteral("saved-search %1 takes a name and a query.").arg(sub));
        const auto sort = sortOption(ctx, rest);
        if (!sort)
            return 2;
        const QString query = w.mid(1).join(QLatin1Char(' '));
        Database *db = ctx.writer();
        if (!db)
            return 1;
        SavedSearchStore store(*db);
        if (sub == QLatin1String("add")) {
            if (!store.add(w[0], query, *sort))
                return ctx.fail(db->lastError());
            ctx.out() << "Saved search '" << w[0].trimmed() << "' added." << Qt::endl;
        } else {
            if (!store.updateQuery(w[0], query) ||
                (rest.values.contains(QStringLiteral("sort")) && !store.setSort(w[0], *sort)))
                return ctx.fail(db->lastError());
            ctx.out() << "Saved search '" << w[0].trimmed() << "' updated." << Qt::endl;
        }
        return 0;
    }
    if (sub == QLatin1String("rename") || sub == QLatin1String("remove")) {
        const bool rename = sub == QLatin1String("rename");
        if (w.size() != (rename ? 2 : 1))
            return ctx.usage(rename ? QStringLiteral("saved-search rename takes the old and the "
                                                     "new name.")
                                    : QStringLiteral("saved-search remove takes one name."));
        Database *db = ctx.writer();
        if (!db)
            return 1;
        SavedSearchStore store(*db);
        if (rename ? !store.rename(w[0], w[1]) : !store.remove(w[0]))
            return ctx.fail(db->lastError());
        ctx.out() << "Saved search '" << w[0].trimmed() << "' "
                  << (rename ? "renamed." : "removed.") << Qt::endl;
        return 0;
    }
    return ctx.usage(QStringLiteral("saved-search: unknown subcommand '%1' (add, list, run, "
                                    "rename, update, remove).")
                         .arg(sub));
}

namespace
{

int exportBookmarks(CliContext &ctx, const CliArgs &args)
{
    if (args.words.size() > 1)
        return ctx.usage(QStringLiteral("bookmarks export takes at most one file name."));
    const QString path = args.words.value(0);
    QString format = args.values.value(QStringLiteral("format"));
    if (format.isEmpty())
        format = path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive)
                     ? QStringLiteral("json")
                     : QStringLiteral("html");
    if (format != QLatin1String("html") && format != QLatin1String("json"))
        return ctx.usage(QStringLiteral("--format takes html or json."));
    Database *db = ctx.reader();
    if (!db)
        return 1;
    int withoutAddress = 0;
    const auto bookmarks = BookmarkStore(*db).exportAll(&withoutAddress);
    if (!bookmarks)
        return ctx.fail(db->lastError());
    const QByteArray data =
        format == QLatin1String("json")
            ? BookmarkFile::writeJson(*bookmarks, QDateTime::currentDateTimeUtc())
            : BookmarkFile::writeHtml(*bookmarks);
    if (withoutAddress > 0)
        ctx.err() << withoutAddress << " saved article(s) without an address were left out."
                  << Qt::endl;
    if (path.isEmpty()) {
        ctx.out() << QString::fromUtf8(data);
        ctx.out().flush();
        return 0;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit())
        return ctx.fail(QStringLiteral("Cannot write %1: %2.").arg(path, file.errorString()));
    ctx.out() << "Exported " << bookmarks->size() << " bookmark(s) to " << path << Qt::endl;
    return 0;
}

int importBookmarks(CliContext &ctx, const CliArgs &args)
{
    if (args.words.size() != 1)
        return ctx.usage(QStringLiteral("bookmarks import takes one file."));
    const QString path = args.words.first();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return ctx.fail(QStringLiteral("Cannot read %1: %2.").arg(path, file.errorString()));
    if (file.size() > BookmarkFile::kMaxFileBytes)
        return ctx.fail(QStringLiteral("%1 is %2 MB; bookmark files up to %3 MB are read.")
                            .arg(path)
                            .arg(file.size() / (1024 * 1024))
                            .arg(BookmarkFile::kMaxFileBytes / (1024 * 1024)));
    const QByteArray data = file.read(BookmarkFile::kMaxFileBytes + 1);
    QString error;
    const auto document = BookmarkFile::parse(data, &error);
    if (!document)
        return ctx.fail(QStringLiteral("%1: %2").arg(path, error));
    Database *db = ctx.writer();
    if (!db)
        return 1;
    const auto counts = BookmarkStore(*db).import(*document);
    if (!counts)
        return ctx.fail(db->lastError());
    ctx.out() << "Matched articles: " << counts->matched << '\n'
              << "Saved pages created: " << counts->created << '\n'
              << "Labels created: " << counts->labelsCreated << '\n'
              << "Duplicates skipped: " << counts->duplicates << '\n'
              << "Addresses skipped (not http/https): " << counts->skippedAddresses << '\n'
              << "Invalid entries skipped: " << counts->invalidEntries << '\n';
    if (counts->labelsSkipped)
        ctx.out() << "Label names skipped: " << counts->labelsSkipped << '\n';
    ctx.out().flush();
    return 0;
}

} // namespace

int bookmarksCommand(CliContext &ctx, const QStringList &arguments)
{
    const auto args = CliArgs::read(ctx, QStringLiteral("bookmarks"), arguments,
                                    {QStringLiteral("help")}, {QStringLiteral("format")});
    if (!args)
        return 2;
    if (args->has(QStringLiteral("help")) ||
        (!args->words.isEmpty() && args->words.first() == QLatin1String("help")))
        return help(ctx, kBookmarksHelp);
    if (args->words.isEmpty())
        return ctx.usage(QStringLiteral("bookmarks needs a subcommand: export or import "
                                        "('bookmarks --help')."));
    CliArgs rest = *args;
    const QString sub = rest.words.takeFirst();
    if (sub == QLatin1String("export"))
        return exportBookmarks(ctx, rest);
    if (sub == QLatin1String("import")) {
        if (rest.values.contains(QStringLiteral("format")))
            return ctx.usage(QStringLiteral("bookmarks import finds the format itself."));
        return importBookmarks(ctx, rest);
    }
    return ctx.usage(
        QStringLiteral("bookmarks: unknown subcommand '%1' (export, import).").arg(sub));
}

} // namespace bs
