#include "sync/FeedMerger.h"

#include "store/ArticleIdentityStore.h"
#include "store/ArticleStore.h"
#include "store/Database.h"
#include "store/FeedStore.h"
#include "store/StatusStore.h"

#include <QHash>
#include <QSet>

namespace bs
{

bool FeedMerger::prepareArticles(qint64 feedId, QList<Article> &articles, const QDateTime &now,
                                 MergeResult &result)
{
    ArticleIdentityStore identities(m_db);
    QSet<QString> guids;
    QHash<QString, int> links;
    for (const Article &a : articles) {
        guids.insert(ArticleStore::identity(a));
        if (!a.url.isEmpty())
            ++links[a.url.toString()];
    }
    const bool tombstones = identities.hasTombstones(feedId);
    const QDateTime since = now.addDays(-kRelinkWindowDays);
    QList<Article> kept;
    kept.reserve(articles.size());
    for (Article &a : articles) {
        const QString guid = ArticleStore::identity(a);
        if (tombstones && identities.isTombstone(feedId, guid, now)) {
            ++result.skipped;
            continue;
        }
        if (!a.guid.isEmpty() && !a.url.isEmpty()) {
            const QString link = a.url.toString();
            if (links.value(link) == 1) {
                const auto match = identities.soleArticleWithUrl(feedId, link, since);
                if (match && match->guid != guid && !guids.contains(match->guid) &&
                    !identities.hasGuid(feedId, guid)) {
                    if (!identities.setGuid(match->id, guid))
                        return false;
                    result.updated.append(match->id);
                }
            }
        }
        kept.append(std::move(a));
    }
    articles = std::move(kept);
    return true;
}

MergeResult FeedMerger::merge(qint64 feedId, const FetchResult &fetch, const ParsedFeed *parsed,
                              const QDateTime &now)
{
    MergeSource source;
    if (fetch.outcome == FetchResult::Fetched && parsed && parsed->version.isEmpty() &&
        parsed->entries.size() == 0) {
        source.error = parsed->bozo
                           ? QStringLiteral("This is not a feed: %1").arg(parsed->bozoReason)
                           : QStringLiteral("This is not a feed (no RSS, Atom or JSON Feed "
                                            "content).");
    } else if (fetch.outcome == FetchResult::Fetched && parsed) {
        source.read = true;
        source.cut = parsed->truncated;
        source.info = parsed->feedInfo();
        source.hints = Scheduler::hints(parsed->feed);
        source.articles = parsed->articles(feedId, now);
    }
    return merge(feedId, fetch, source, now);
}

MergeResult FeedMerger::merge(qint64 feedId, const FetchResult &fetch, const MergeSource &source,
                              const QDateTime &now)
{
    MergeResult result;
    Transaction tx(m_db);
    if (!tx.isActive()) {
        result.error = m_db.lastError();
        return result;
    }
    FeedStore feeds(m_db);
    auto feed = feeds.feed(feedId);
    if (!feed) {
        result.error = QStringLiteral("The feed %1 no longer exists.").arg(feedId);
        return result;
    }
    feed->lastFetch = now;

    QString error;
    if (fetch.outcome == FetchResult::Failed) {
        error = fetch.error;
    } else if (fetch.outcome == FetchResult::Gone) {
        error = QStringLiteral("The server says this feed is gone for good (HTTP 410); it is no "
                               "longer fetched.");
        feed->disabled = true;
    } else if (fetch.outcome == FetchResult::Fetched && !source.error.isEmpty()) {
        error = source.error;
    }

    if (!error.isEmpty()) {
        ++feed->errorCount;
        feed->lastError = error;
        feed->lastErrorAt = now;
        feed->nextFetch =
            Scheduler::nextAfterFailure(now, feed->errorCount, fetch.retryAfter, m_policy);
        if (!feeds.updateFeed(*feed) || !tx.commit()) {
            result.error = m_db.lastError();
            return result;
        }
        result.error = error;
        return result;
    }

    // A good answer: validators, address, content. A cut-off document (Qt cannot always tell
    // a reset connection from the end of a chunked body) keeps what it had, but not its
    // validators or hash, so the next sync fetches the whole feed again instead of a 304.
    const bool cut = source.read && source.cut;
    feed->etag = cut ? QString() : fetch.newValidators.etag;
    feed->lastModified = cut ? QString() : fetch.newValidators.lastModified;
    if (fetch.permanentRedirect && fetch.finalUrl.isValid() && fetch.finalUrl != feed->url &&
        !feeds.feedByUrl(fetch.finalUrl))
        feed->url = fetch.finalUrl;
    feed->errorCount = 0;
    feed->lastError.clear();
    feed->lastErrorAt = QDateTime();
    if (!source.pageSelector.isEmpty())
        feed->pageSelector = source.pageSelector;

    ArticleStore articles(m_db);
    if (fetch.outcome == FetchResult::Fetched && source.read) {
        feed->contentHash = cut ? QByteArray() : fetch.contentHash;
        const Feed &info = source.info;
        if (!info.title.isEmpty() && !feed->titleLocked)
            feed->title = info.title;
        if (!info.siteUrl.isEmpty())
            feed->siteUrl = info.siteUrl;
        if (!info.description.isEmpty())
            feed->description = info.description;
        if (!info.iconUrl.isEmpty())
            feed->iconUrl = info.iconUrl;
        feed->ttlSecs = source.hints.ttlSecs;
        feed->updatePeriodSecs = source.hints.updatePeriodSecs;
        QList<Article> entries = source.articles;
        QList<ArticleStore::SaveResult> saved;
        if (!prepareArticles(feedId, entries, now, result) ||
            !articles.saveInTransaction(entries, &saved)) {
            result.error = m_db.lastError();
            result.updated.clear();
            return result; // rolled back: the feed is left as it was
        }
        for (const auto &s : saved) {
            if (s.outcome == ArticleStore::SaveOutcome::Inserted)
                result.added.append(s.id);
            else if (s.outcome == ArticleStore::SaveOutcome::Updated &&
                     !result.updated.contains(s.id))
                result.updated.append(s.id);
        }
    }
    const qint64 gap =
        Scheduler::observedGapSecs(articles.recentPublished(feedId, m_policy.sampleSize), now);
    feed->nextFetch =
        Scheduler::nextAfterSuccess(now, Scheduler::intervalSecs(*feed, gap, m_policy));
    result.unread = StatusStore(m_db).unreadCount(feedId);
    if (!feeds.updateFeed(*feed) || !tx.commit()) {
        result.error = m_db.lastError();
        result.added.clear();
        result.updated.clear();
        result.unread = -1;
        return result;
    }
    result.ok = true;
    result.notice = source.notice;
    return result;
}

} // namespace bs
