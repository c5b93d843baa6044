#include "cli/SearchCommand.h"

#include "cli/CliContext.h"
#include "search/SearchEngine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace bs
{

void printSearchHits(CliContext &ctx, const QList<SearchHit> &hits, bool json)
{
    const auto isoUtc = [](const QDateTime &when) {
        return when.isValid() ? when.toUTC().toString(Qt::ISODate) : QString();
    };
    if (json) {
        QJsonArray array;
        for (const SearchHit &h : hits)
            array.append(
                QJsonObject{{QStringLiteral("id"), h.id},
                            {QStringLiteral("title"), h.title},
                            {QStringLiteral("feed"), h.feedTitle},
                            {QStringLiteral("published"), h.published.isValid()
                                                              ? QJsonValue(isoUtc(h.published))
                                                              : QJsonValue(QJsonValue::Null)},
                            {QStringLiteral("snippet"), SearchEngine::snippetHtml(h.snippet)},
                            {QStringLiteral("score"), h.score}});
        ctx.out() << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        ctx.out().flush();
        return;
    }
    for (const SearchHit &h : hits) {
        ctx.out() << h.id << '\t' << isoUtc(h.published) << '\t' << h.feedTitle << '\t' << h.title
                  << '\n';
        if (!h.snippet.isEmpty())
            ctx.out() << "    "
                      << SearchEngine::markSnippet(h.snippet, QStringLiteral("["),
                                                   QStringLiteral("]"))
                      << '\n';
    }
    if (hits.isEmpty())
        ctx.err() << "No articles match." << Qt::endl;
    ctx.out().flush();
}

// search: options are read by hand, because a query word may start with "-" (-word excludes).
int searchCommand(CliContext &ctx, const QStringList &arguments)
{
    SearchOptions options;
    options.limit = 20;
    bool json = false;
    QStringList words;
    bool optionsEnded = false;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &arg = arguments[i];
        if (optionsEnded || !arg.startsWith(QLatin1String("--"))) {
            words << arg;
            continue;
        }
        QString name = arg.mid(2);
        QString value;
        bool hasValue = false;
        if (const qsizetype eq = name.indexOf(QLatin1Char('=')); eq >= 0) {
            value = name.mid(eq + 1);
            name = name.left(eq);
            hasValue = true;
        }
        auto takeValue = [&]() {
            if (!hasValue && i + 1 < arguments.size()) {
                value = arguments[++i];
                hasValue = true;
            }
            return hasValue;
        };
        auto positive = [&](int *out, bool allowZero) {
            bool ok = false;
            const int n = value.toInt(&ok);
            if (!ok || n < 0 || (n == 0 && !allowZero))
                return false;
            *out = n;
            return true;
        };
        if (name.isEmpty()) {
            optionsEnded = true;
        } else if (name == QLatin1String("help")) {
            ctx.out() << "Usage: broadsheet-cli search QUERY [--json] [--limit N] [--offset N] "
                         "[--sort relevance|date] [--feed ID | --folder ID | --bookmarks]\n\n"
                      << SearchQuery::syntaxHelp()
                      << "\nOptions:\n"
                         "  --json          print a JSON array of {id, title, feed, published, "
                         "snippet, score}, best first\n"
                         "                  (snippet is HTML: text escaped, matches in <b>)\n"
                         "  --limit N       at most N results (default 20)\n"
                         "  --offset N      skip the first N results (paging)\n"
                         "  --sort S        relevance (default; title hits weigh most, newer "
                         "first among equals) or date\n"
                         "  --feed ID, --folder ID, --bookmarks   search only there\n"
                         "  --              everything after it is query text\n";
            ctx.out().flush();
            return 0;
        } else if (name == QLatin1String("json")) {
            json = true;
        } else if (name == QLatin1String("bookmarks")) {
            options.scope = SearchOptions::Scope::Bookmarks;
        } else if (name == QLatin1String("limit")) {
            if (!takeValue() || !positive(&options.limit, false) || options.limit > 10000)
                return ctx.usage(QStringLiteral("--limit takes a number from 1 to 10000."));
        } else if (name == QLatin1String("offset")) {
            if (!takeValue() || !positive(&options.offset, true))
                return ctx.usage(QStringLiteral("--offset takes a number (0 or more)."));
        } else if (name == QLatin1String("sort")) {
            if (!takeValue() ||
                (value != QLatin1String("relevance") && value != QLatin1String("date")))
                return ctx.usage(QStringLiteral("--sort takes relevance or date."));
            options.sort = value == QLatin1String("date") ? SearchOptions::Sort::Date
                                                          : SearchOptions::Sort::Relevance;
        } else if (name == QLatin1String("feed") || name == QLatin1String("folder")) {
            bool ok = false;
            options.scopeId = takeValue() ? value.toLongLong(&ok) : 0;
            if (!ok || options.scopeId <= 0)
                return ctx.usage(QStringLiteral("--%1 takes a %1 id.").arg(name));
            options.scope = name == QLatin1String("feed") ? SearchOptions::Scope::Feed
                                                          : SearchOptions::Scope::Folder;
        } else {
            return ctx.usage(QStringLiteral("search: unknown option --%1 (to search for it, put "
                                            "it after --).")
                                 .arg(name));
        }
    }
    QString error;
    const auto query = SearchQuery::parse(words.join(QLatin1Char(' ')), &error);
    if (!query)
        return ctx.usage(error);
    Database *db = ctx.reader();
    if (!db)
        return 1;
    const auto hits = SearchEngine(*db).search(*query, options, &error);
    if (!hits)
        return ctx.fail(error);
    printSearchHits(ctx, *hits, json);
    return 0;
}

} // namespace bs
