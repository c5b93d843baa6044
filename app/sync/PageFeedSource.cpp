#include "sync/PageFeedSource.h"

#include "pages/PageLists.h"

#include <QSet>

namespace bs
{

namespace
{

QString summaryOf(const PageListItem &item)
{
    QString html;
    if (item.image.isValid())
        html += QStringLiteral("<p><img src=\"%1\" alt=\"\"></p>")
                    .arg(item.image.toString(QUrl::FullyEncoded).toHtmlEscaped());
    if (!item.snippet.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(item.snippet.toHtmlEscaped());
    return html;
}

// The first path segment: where on the site a story lives ("/news/...", "/2024/...").
QString placeOf(const QUrl &url)
{
    const QString path = url.path();
    return url.host().toLower() + QLatin1Char('/') +
           path.section(QLatin1Char('/'), 1, 1, QString::SectionSkipEmpty);
}

// The list of the same kind as the one the feed followed: the one holding most stories the
// feed already has, else the one whose stories live where the feed's did (at least half of
// them). A feed with no stories yet takes the best list. None: null.
const PageList *sameKind(const PageListsResult &found, const QList<QUrl> &known)
{
    if (found.lists.isEmpty())
        return nullptr;
    if (known.isEmpty())
        return &found.lists.first();
    const QSet<QUrl> knownSet(known.cbegin(), known.cend());
    QSet<QString> places;
    for (const QUrl &u : known)
        places.insert(placeOf(u));
    const PageList *best = nullptr;
    double bestValue = 0;
    for (const PageList &list : found.lists) {
        if (list.items.isEmpty())
            continue;
        int shared = 0;
        int samePlace = 0;
        for (const PageListItem &i : list.items) {
            shared += knownSet.contains(i.url);
            samePlace += places.contains(placeOf(i.url));
        }
        const double placeShare = double(samePlace) / list.items.size();
        if (shared == 0 && placeShare < 0.5)
            continue;
        const double value = shared * 1000.0 + 100.0 * placeShare;
        if (value > bestValue) {
            best = &list;
            bestValue = value;
        }
    }
    return best;
}

} // namespace

MergeSource readPageFeed(const Feed &feed, const FetchResult &fetch,
                         const std::function<QList<QUrl>()> &knownUrls, const QDateTime &now)
{
    MergeSource source;
    if (fetch.outcome != FetchResult::Fetched)
        return source;
    const QUrl pageUrl = fetch.finalUrl.isValid() ? fetch.finalUrl : feed.url;
    PageListOptions options;
    options.now = now;
    PageListsResult result =
        readPageList(fetch.body, pageUrl, feed.pageSelector, fetch.contentType, options);
    const PageList *list = result.ok() ? &result.lists.first() : nullptr;
    PageListsResult again;
    if (!list) {
        again = findPageLists(fetch.body, pageUrl, fetch.contentType, options);
        if (!again.ok()) {
            source.error = QStringLiteral("The page no longer shows the list this feed follows "
                                          "(%1), and no other list of stories was found: %2")
                               .arg(result.error, again.error);
            return source;
        }
        list = sameKind(again, knownUrls());
        if (!list) {
            source.error = QStringLiteral("The page no longer shows the list this feed follows "
                                          "(%1); its other lists hold none of the feed's stories "
                                          "(best: %2). Choose a list in the feed's properties.")
                               .arg(result.error, again.lists.first().selector);
            return source;
        }
        source.pageSelector = list->selector;
        source.notice = QStringLiteral("The page's layout changed: now following %1 (was %2).")
                            .arg(list->selector, feed.pageSelector);
        result.title = again.title;
    }
    source.read = true;
    source.info.title = result.title;
    source.info.siteUrl = pageUrl;
    for (const PageListItem &item : list->items) {
        Article a;
        a.feedId = feed.id;
        a.guid = item.url.toString();
        a.url = item.url;
        a.title = item.title;
        a.published = item.published.isValid() ? item.published.toUTC() : QDateTime();
        a.summary = summaryOf(item);
        a.fetchedAt = now;
        source.articles.append(std::move(a));
    }
    return source;
}

} // namespace bs
