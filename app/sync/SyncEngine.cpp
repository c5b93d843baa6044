#include "sync/SyncEngine.h"

#include "feeds/FeedParser.h"
#include "net/Fetcher.h"
#include "store/Database.h"
#include "store/FeedStore.h"
#include "sync/FeedMerger.h"

#include <QNetworkAccessManager>

namespace bs
{

SyncEngine::SyncEngine(QString databasePath, FetchPolicy policy, QObject *parent)
    : QObject(parent), m_path(std::move(databasePath)), m_policy(std::move(policy))
{
}

SyncEngine::~SyncEngine() = default;

bool SyncEngine::open()
{
    QString error;
    m_db = Database::openWriter(m_path, &error);
    if (!m_db) {
        emit failed(error);
        return false;
    }
    m_network = std::make_unique<QNetworkAccessManager>();
    m_fetcher = std::make_unique<Fetcher>(*m_network, m_policy);
    connect(m_fetcher.get(), &Fetcher::finished, this, &SyncEngine::handle);
    return true;
}

void SyncEngine::syncAll()
{
    syncFeeds({});
}

void SyncEngine::syncFeeds(const QList<qint64> &feedIds)
{
    if (!m_db && !open())
        return;
    FeedStore feeds(*m_db);
    int queued = 0;
    for (const Feed &feed : feeds.feeds()) {
        if (feed.disabled || (!feedIds.isEmpty() && !feedIds.contains(feed.id)) ||
            m_pending.contains(feed.id))
            continue;
        FetchRequest request;
        request.url = feed.url;
        request.validators = HttpCacheInfo{feed.etag, feed.lastModified};
        request.previousContentHash = feed.contentHash;
        request.feedId = int(feed.id);
        m_pending.insert(feed.id);
        m_fetcher->enqueue(request);
        ++queued;
    }
    m_progress.feedsTotal += queued;
    emit progressChanged(m_progress);
    finishIfDone();
}

void SyncEngine::cancel()
{
    if (m_fetcher)
        m_fetcher->cancelAll();
    m_pending.clear();
    finishIfDone();
}

void SyncEngine::handle(const FetchResult &fetch)
{
    const qint64 feedId = fetch.feedId;
    if (!m_pending.remove(feedId))
        return; // cancelled meanwhile
    std::unique_ptr<ParsedFeed> parsed;
    if (fetch.outcome == FetchResult::Fetched) {
        FeedSource source;
        source.url = fetch.finalUrl.isValid() ? fetch.finalUrl : fetch.url;
        source.contentType = fetch.contentType;
        source.contentLocation = fetch.contentLocation;
        source.contentLanguage = fetch.contentLanguage;
        source.zonelessZone = m_zone;
        parsed = std::make_unique<ParsedFeed>(parseFeed(fetch.body, source));
    }
    const MergeResult merged =
        FeedMerger(*m_db).merge(feedId, fetch, parsed.get(), QDateTime::currentDateTimeUtc());
    ++m_progress.feedsDone;
    m_progress.bytes += fetch.bytes;
    m_progress.currentFeed = feedId;
    if (!merged.ok)
        ++m_progress.errors;
    emit feedSynced(feedId, merged.added, merged.updated, merged.error);
    emit progressChanged(m_progress);
    finishIfDone();
}

void SyncEngine::finishIfDone()
{
    if (!m_pending.isEmpty())
        return;
    const Progress done = m_progress;
    m_progress = Progress{};
    emit finished(done);
}

} // namespace bs
