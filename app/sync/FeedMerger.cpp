#include "sync/FeedMerger.h"

#include "store/ArticleStore.h"
#include "store/Database.h"
#include "store/FeedStore.h"

namespace bs
{

namespace
{

// A failing feed waits longer each time: 15 min, 30, 1 h, ... up to a day.
QDateTime backoff(const QDateTime &now, int errors, const QDateTime &retryAfter)
{
    const qint64 secs = std::min<qint64>(qint64(15 * 60) << std::min(errors - 1, 7), 24 * 3600);
    const QDateTime next = now.addSecs(secs);
    return retryAfter.isValid() && retryAfter > next ? retryAfter : next;
}

} // namespace

MergeResult FeedMerger::merge(qint64 feedId, const FetchResult &fetch, const ParsedFeed *parsed,
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
    const int interval = feed->fetchIntervalSecs > 0 ? feed->fetchIntervalSecs : 3600;

    QString error;
    if (fetch.outcome == FetchResult::Failed) {
        error = fetch.error;
    } else if (fetch.outcome == FetchResult::Gone) {
        error = QStringLiteral("The server says this feed is gone for good (HTTP 410); it is no "
                               "longer fetched.");
        feed->disabled = true;
    } else if (fetch.outcome == FetchResult::Fetched && parsed && parsed->version.isEmpty() &&
               parsed->entries.size() == 0) {
        error = parsed->bozo ? QStringLiteral("This is not a feed: %1").arg(parsed->bozoReason)
                             : QStringLiteral("This is not a feed (no RSS, Atom or JSON Feed "
                                              "content).");
    }

    if (!error.isEmpty()) {
        ++feed->errorCount;
        feed->lastError = error;
        feed->lastErrorAt = now;
        feed->nextFetch = backoff(now, feed->errorCount, fetch.retryAfter);
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
    const bool cut = parsed && parsed->truncated;
    feed->etag = cut ? QString() : fetch.newValidators.etag;
    feed->lastModified = cut ? QString() : fetch.newValidators.lastModified;
    if (fetch.permanentRedirect && fetch.finalUrl.isValid() && fetch.finalUrl != feed->url &&
        !feeds.feedByUrl(fetch.finalUrl))
        feed->url = fetch.finalUrl;
    feed->errorCount = 0;
    feed->lastError.clear();
    feed->lastErrorAt = QDateTime();
    feed->nextFetch = now.addSecs(interval);

    if (fetch.outcome == FetchResult::Fetched && parsed) {
        feed->contentHash = cut ? QByteArray() : fetch.contentHash;
        const Feed info = parsed->feedInfo();
        if (!info.title.isEmpty())
            feed->title = info.title;
        if (!info.siteUrl.isEmpty())
            feed->siteUrl = info.siteUrl;
        if (!info.description.isEmpty())
            feed->description = info.description;
        if (!info.iconUrl.isEmpty())
            feed->iconUrl = info.iconUrl;
        QList<ArticleStore::SaveResult> saved;
        if (!ArticleStore(m_db).saveInTransaction(parsed->articles(feedId, now), &saved)) {
            result.error = m_db.lastError();
            return result; // rolled back: the feed is left as it was
        }
        for (const auto &s : saved) {
            if (s.outcome == ArticleStore::SaveOutcome::Inserted)
                result.added.append(s.id);
            else if (s.outcome == ArticleStore::SaveOutcome::Updated)
                result.updated.append(s.id);
        }
    }
    if (!feeds.updateFeed(*feed) || !tx.commit()) {
        result.error = m_db.lastError();
        result.added.clear();
        result.updated.clear();
        return result;
    }
    result.ok = true;
    return result;
}

} // namespace bs
