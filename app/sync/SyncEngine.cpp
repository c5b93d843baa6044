#include "sync/SyncEngine.h"

#include "feeds/FeedParser.h"
#include "net/Fetcher.h"
#include "offline/ArticleDownloader.h"
#include "offline/MediaCache.h"
#include "store/ArticleStore.h"
#include "store/Database.h"
#include "store/FeedStore.h"
#include "store/SettingsStore.h"
#include "sync/FeedMerger.h"
#include "sync/PageFeedSource.h"

#include <QNetworkAccessManager>
#include <QTimer>

namespace bs
{

namespace
{

QString titleOf(const Feed &feed)
{
    return feed.title.isEmpty() ? feed.url.toString() : feed.title;
}

} // namespace

SyncEngine::SyncEngine(QString databasePath, FetchPolicy policy, QObject *parent)
    : QObject(parent), m_path(std::move(databasePath)), m_policy(std::move(policy))
{
}

SyncEngine::~SyncEngine()
{
    // The downloader's fetchers use m_network: they go first.
    m_downloader.reset();
}

bool SyncEngine::isDownloading() const
{
    return m_downloader && !m_downloader->isIdle();
}

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
    m_downloader = std::make_unique<ArticleDownloader>(*m_db, *m_network,
                                                       MediaCache::directoryFor(m_path), m_policy);
    connect(m_downloader.get(), &ArticleDownloader::articleContentChanged, this,
            &SyncEngine::articleContentChanged);
    connect(m_downloader.get(), &ArticleDownloader::idle, this,
            [this](const ArticleDownloader::Report &r) {
                emit downloadsFinished(r.pagesStored, r.pageErrors, r.imagesStored, r.imageErrors);
            });
    return true;
}

void SyncEngine::touchMedia(const QList<qint64> &mediaIds)
{
    if (mediaIds.isEmpty() || (!m_db && !open()))
        return;
    MediaCache(*m_db, MediaCache::directoryFor(m_path))
        .touch(mediaIds, QDateTime::currentDateTimeUtc());
}

void SyncEngine::syncAll()
{
    syncFeeds({});
}

void SyncEngine::syncFeeds(const QList<qint64> &feedIds)
{
    if (!m_db && !open())
        return;
    QList<Feed> chosen;
    for (const Feed &feed : FeedStore(*m_db).feeds())
        if (feedIds.isEmpty() || feedIds.contains(feed.id))
            chosen.append(feed);
    enqueue(chosen);
}

void SyncEngine::syncFolder(qint64 folderId)
{
    if (!m_db && !open())
        return;
    FeedStore store(*m_db);
    const QList<qint64> inFolder = store.feedIdsInFolder(folderId);
    const QSet<qint64> ids(inFolder.cbegin(), inFolder.cend());
    QList<Feed> chosen;
    for (const Feed &feed : store.feeds())
        if (ids.contains(feed.id))
            chosen.append(feed);
    enqueue(chosen);
}

void SyncEngine::syncDue()
{
    if (!m_db && !open())
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<Feed> chosen;
    for (const Feed &feed : FeedStore(*m_db).feeds())
        if (Scheduler::isDue(feed, now))
            chosen.append(feed);
    enqueue(chosen);
}

void SyncEngine::readSettings()
{
    SettingsStore settings(*m_db);
    const qint64 minutes = settings.number(QLatin1String(SettingsStore::kSyncIntervalMinutes), 60);
    if (minutes > 0)
        m_schedulePolicy.defaultIntervalSecs = int(std::min<qint64>(minutes, 7 * 24 * 60) * 60);
    m_retentionPolicy.defaultDays =
        int(settings.number(QLatin1String(SettingsStore::kRetentionDays), 90));
    if (m_downloader)
        m_downloader->readSettings();
}

void SyncEngine::enqueue(const QList<Feed> &feeds)
{
    if (m_pending.isEmpty() && !m_retention)
        readSettings();
    int queued = 0;
    for (const Feed &feed : feeds) {
        if (feed.disabled || m_pending.contains(feed.id))
            continue;
        FetchRequest request;
        request.url = feed.url;
        request.validators = HttpCacheInfo{feed.etag, feed.lastModified};
        request.previousContentHash = feed.contentHash;
        request.feedId = int(feed.id);
        m_pending.insert(feed.id);
        m_titles.insert(feed.id, titleOf(feed));
        if (feed.kind == FeedKind::Page)
            m_pageFeeds.insert(feed.id, feed);
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
    if (m_downloader)
        m_downloader->cancel();
    if (!m_pending.isEmpty() || m_retention)
        m_progress.cancelled = true;
    m_pending.clear();
    m_pageFeeds.clear();
    m_retention.reset();
    m_passMerged = false;
    finishIfDone();
}

void SyncEngine::handle(const FetchResult &fetch)
{
    const qint64 feedId = fetch.feedId;
    if (!m_pending.remove(feedId))
        return; // cancelled meanwhile
    const QDateTime now = QDateTime::currentDateTimeUtc();
    MergeResult merged;
    if (const auto page = m_pageFeeds.constFind(feedId); page != m_pageFeeds.cend()) {
        const Feed feed = *page;
        m_pageFeeds.erase(page);
        const auto known = [this, feedId] { return ArticleStore(*m_db).recentUrls(feedId, 100); };
        merged = FeedMerger(*m_db, m_schedulePolicy)
                     .merge(feedId, fetch, readPageFeed(feed, fetch, known, now), now);
    } else {
        merged = mergeDocument(fetch, now);
    }
    finishFeed(fetch, merged);
}

MergeResult SyncEngine::mergeDocument(const FetchResult &fetch, const QDateTime &now)
{
    const qint64 feedId = fetch.feedId;
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
    return FeedMerger(*m_db, m_schedulePolicy).merge(feedId, fetch, parsed.get(), now);
}

void SyncEngine::finishFeed(const FetchResult &fetch, const MergeResult &merged)
{
    const qint64 feedId = fetch.feedId;
    m_passMerged = true;
    ++m_progress.feedsDone;
    m_progress.bytes += fetch.bytes;
    m_progress.currentFeed = feedId;
    m_progress.currentFeedTitle = m_titles.value(feedId);
    m_progress.articlesAdded += merged.added.size();
    if (!merged.ok) {
        ++m_progress.errors;
        m_progress.failures.append(SyncFailure{feedId, m_titles.value(feedId), merged.error});
    }
    if (merged.ok && merged.unread >= 0)
        emit unreadCountChanged(feedId, merged.unread);
    emit feedSynced(feedId, merged.added, merged.updated, merged.error);
    emit progressChanged(m_progress);
    if (merged.ok && m_downloadsOn && m_downloader)
        m_downloader->enqueueFeed(feedId, merged.added);
    finishIfDone();
}

void SyncEngine::finishIfDone()
{
    if (!m_pending.isEmpty() || m_retention)
        return;
    if (std::exchange(m_passMerged, false) && m_retentionOn && m_db) {
        const qint64 last =
            SettingsStore(*m_db).number(QLatin1String(SettingsStore::kRetentionLastRun), 0);
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        if (now - last >= m_retentionEverySecs) {
            startRetention();
            return;
        }
    }
    const Progress done = m_progress;
    m_progress = Progress{};
    m_titles.clear();
    emit finished(done);
}

void SyncEngine::startRetention()
{
    m_retention =
        std::make_unique<Retention>(*m_db, m_retentionPolicy, QDateTime::currentDateTimeUtc());
    QTimer::singleShot(0, this, &SyncEngine::retentionStep);
}

void SyncEngine::retentionStep()
{
    if (!m_retention)
        return; // cancelled
    if (m_retention->step()) {
        QTimer::singleShot(0, this, &SyncEngine::retentionStep);
        return;
    }
    if (!m_retention->error().isEmpty())
        emit failed(QStringLiteral("Retention stopped: %1").arg(m_retention->error()));
    else
        SettingsStore(*m_db).setValue(QLatin1String(SettingsStore::kRetentionLastRun),
                                      QString::number(QDateTime::currentSecsSinceEpoch()));
    // Images of deleted articles: rows no article links, then files no row names.
    if (m_retention->report().articlesRemoved > 0)
        MediaCache(*m_db, MediaCache::directoryFor(m_path)).removeOrphans();
    m_progress.articlesRemoved = m_retention->report().articlesRemoved;
    m_retention.reset();
    finishIfDone();
}

} // namespace bs
