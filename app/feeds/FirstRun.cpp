#include "feeds/FirstRun.h"

#include "feeds/FeedParser.h"
#include "feeds/Opml.h"
#include "store/ArticleStore.h"
#include "store/Database.h"
#include "store/FeedStore.h"
#include "store/SettingsStore.h"

namespace bs
{

namespace FirstRun
{

const QUrl &demoFeedUrl()
{
    static const QUrl url(QStringLiteral("broadsheet://demo"));
    return url;
}

std::optional<int> importBundledFeed(Database &writer, const BundledFeed &bundled,
                                     const QDateTime &now, qint64 *feedId, QString *error)
{
    const auto fail = [error](const QString &message) -> std::optional<int> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (bundled.url.scheme() != FeedStore::savedPagesUrl().scheme())
        return fail(QStringLiteral("A bundled feed needs a built-in address, not %1.")
                        .arg(bundled.url.toString()));
    FeedSource source;
    source.url = bundled.url;
    const ParsedFeed parsed = parseFeed(bundled.document, source);
    if (parsed.version.isEmpty() || parsed.entries.size() == 0)
        return fail(QStringLiteral("The bundled feed %1 could not be read: %2")
                        .arg(bundled.url.toString(), parsed.bozoReason));

    FeedStore feeds(writer);
    qint64 id = 0;
    if (const auto existing = feeds.feedByUrl(bundled.url)) {
        id = existing->id;
    } else {
        Feed feed = parsed.feedInfo();
        feed.id = 0;
        feed.folderId = 0;
        feed.url = bundled.url;
        if (feed.title.isEmpty())
            feed.title = bundled.title;
        feed.fullText = FullTextMode::Off;
        feed.retentionDays = -1;
        feed.disabled = true; // never fetched
        const auto added = feeds.addFeed(feed);
        if (!added)
            return fail(writer.lastError());
        id = *added;
    }
    if (feedId)
        *feedId = id;
    QList<ArticleStore::SaveResult> results;
    if (!ArticleStore(writer).saveAll(parsed.articles(id, now), &results))
        return fail(writer.lastError());
    int stored = 0;
    for (const auto &r : results)
        if (r.outcome != ArticleStore::SaveOutcome::Failed)
            ++stored;
    return stored;
}

FirstRunReport run(Database &writer, const FirstRunContent &content, const QDateTime &now)
{
    FirstRunReport report;
    SettingsStore settings(writer);
    const QString done = QLatin1String(kDoneSetting);
    if (settings.value(done) == QLatin1String("1")) {
        report.skipped = QStringLiteral("the profile had its first run");
        return report;
    }
    if (!FeedStore(writer).feeds().isEmpty()) {
        report.skipped = QStringLiteral("the profile has feeds");
        settings.setValue(done, QStringLiteral("1"));
        return report;
    }

    QStringList errors;
    QString error;
    if (const auto stored =
            importBundledFeed(writer, content.demo, now, &report.demoFeedId, &error))
        report.demoArticles = *stored;
    else
        errors.append(error);

    error.clear();
    if (const auto document = parseOpml(content.opml, &error)) {
        if (const auto counts = OpmlImport::apply(writer, *document))
            report.opml = *counts;
        else
            errors.append(writer.lastError());
    } else {
        errors.append(error);
    }
    report.error = errors.join(QLatin1Char('\n'));
    report.ran = true;
    settings.setValue(done, QStringLiteral("1"));
    return report;
}

} // namespace FirstRun

} // namespace bs
