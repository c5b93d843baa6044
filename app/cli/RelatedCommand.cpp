#include "cli/RelatedCommand.h"

#include "cli/CliContext.h"
#include "search/RelatedStories.h"
#include "store/ArticleStore.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace bs
{

namespace
{

// The list the article's page carried (stored by the full-article download or save).
int pageRelated(CliContext &ctx, Database &db, qint64 id, bool json, int limit)
{
    ArticleStore store(db);
    if (!store.article(id))
        return ctx.fail(QStringLiteral("There is no article %1.").arg(id));
    const std::optional<ArticlePage> page = store.page(id);
    QJsonArray array;
    if (page) {
        const QJsonArray stored = QJsonDocument::fromJson(page->relatedJson.toUtf8()).array();
        for (const QJsonValue &v : stored)
            if (array.size() < limit)
                array.append(v);
    }
    if (json) {
        ctx.out() << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        ctx.out().flush();
        return 0;
    }
    for (const QJsonValue &v : array) {
        const QJsonObject o = v.toObject();
        ctx.out() << o.value(QStringLiteral("title")).toString() << '\t'
                  << o.value(QStringLiteral("url")).toString() << '\n';
        const QString snippet = o.value(QStringLiteral("snippet")).toString();
        if (!snippet.isEmpty())
            ctx.out() << "    " << snippet << '\n';
    }
    if (array.isEmpty())
        ctx.err() << (page && page->extractedAt.isValid()
                          ? "The article's page has no related-stories list."
                          : "The article's page has not been downloaded.")
                  << Qt::endl;
    ctx.out().flush();
    return 0;
}

} // namespace

int relatedCommand(CliContext &ctx, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(
        {QStringLiteral("json"),
         QStringLiteral("Print a JSON array of {id, title, feed, score, duplicates}.")});
    parser.addOption({QStringLiteral("limit"), QStringLiteral("At most N stories (default 10)."),
                      QStringLiteral("N"), QStringLiteral("10")});
    parser.addOption(
        {QStringLiteral("page"),
         QStringLiteral("The related-stories list of the article's own page "
                        "(downloaded for offline reading): [{title, url, snippet}].")});
    if (!ctx.parseOptions(parser, "related", arguments))
        return 2;
    if (parser.positionalArguments().size() != 1)
        return ctx.usage(QStringLiteral("related takes one article id."));
    bool ok = false;
    const qint64 id = parser.positionalArguments().first().toLongLong(&ok);
    if (!ok || id <= 0)
        return ctx.usage(QStringLiteral("'%1' is not an article id (a positive number).")
                             .arg(parser.positionalArguments().first()));
    const int limit = parser.value(QStringLiteral("limit")).toInt(&ok);
    if (!ok || limit < 1 || limit > 100)
        return ctx.usage(QStringLiteral("--limit takes a number from 1 to 100."));
    Database *db = ctx.reader();
    if (!db)
        return 1;
    if (parser.isSet(QStringLiteral("page")))
        return pageRelated(ctx, *db, id, parser.isSet(QStringLiteral("json")), limit);
    QString error;
    const auto result = RelatedStories(*db).related(id, limit, &error);
    if (!result)
        return ctx.fail(error);
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const RelatedStory &s : result->stories) {
            QJsonArray duplicates;
            for (qint64 d : s.duplicates)
                duplicates.append(d);
            array.append(QJsonObject{{QStringLiteral("id"), s.id},
                                     {QStringLiteral("title"), s.title},
                                     {QStringLiteral("feed"), s.feedTitle},
                                     {QStringLiteral("score"), s.score},
                                     {QStringLiteral("duplicates"), duplicates}});
        }
        ctx.out() << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        ctx.out().flush();
        return 0;
    }
    auto joined = [](const QList<qint64> &ids) {
        QStringList parts;
        for (qint64 d : ids)
            parts << QString::number(d);
        return parts.join(QLatin1Char(' '));
    };
    if (!result->copiesOfArticle.isEmpty())
        ctx.out() << "Also carried as: " << joined(result->copiesOfArticle) << '\n';
    for (const RelatedStory &s : result->stories) {
        ctx.out() << s.id << '\t' << QString::number(s.score, 'f', 3) << '\t' << s.feedTitle << '\t'
                  << s.title << '\n';
        if (!s.duplicates.isEmpty())
            ctx.out() << "    also: " << joined(s.duplicates) << '\n';
    }
    if (result->stories.isEmpty())
        ctx.err() << "No related articles." << Qt::endl;
    ctx.out().flush();
    return 0;
}

} // namespace bs
