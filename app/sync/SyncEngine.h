#pragma once

#include "model/Feed.h"
#include "net/FetchPolicy.h"
#include "net/FetchResult.h"
#include "sync/FeedMerger.h"
#include "sync/Retention.h"
#include "sync/Scheduler.h"
#include "sync/SyncProgress.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimeZone>

#include <memory>

class QNetworkAccessManager;

namespace bs
{

class ArticleDownloader;
class Database;
class Fetcher;
struct Feed;

// The background sync worker. It owns the profile's single writer connection, its own
// QNetworkAccessManager and Fetcher, and lives on the thread that calls open() (move it to a
// QThread and invoke open() there; the GUI then talks to it only through queued calls).
// Each feed's answer is parsed and merged in one transaction; what changed is reported.
//
// A pass (syncDue, syncAll, syncFeeds, syncFolder) queues feeds; when the last one is merged,
// retention runs (at most every retentionEverySecs, one bounded step per event-loop turn) and
// finished() reports the pass. The default interval and retention days are read from the
// profile's settings at the start of each pass.
//
// Offline content: after a feed is merged (and feedSynced emitted, so new articles are listed
// first), its new articles go to an ArticleDownloader on this thread, which fetches their
// pages and images as the feed's full_text_mode says. finished() does not wait for those
// downloads: it means every feed of the pass is merged (and retention ran). The downloads go
// on; articleContentChanged(id) names each article whose page or images were stored, and
// downloadsFinished() reports when the queue ran empty. cancel() stops both.
class SyncEngine : public QObject
{
    Q_OBJECT
public:
    using Progress = SyncProgress;

    explicit SyncEngine(QString databasePath, FetchPolicy policy = {}, QObject *parent = nullptr);
    ~SyncEngine() override;

    // Dates without a zone in feeds are read in this zone (default: the system's).
    void setZonelessZone(const QTimeZone &zone) { m_zone = zone; }
    // Retention after a pass: off, or at most once per this many seconds (default 6 h; 0: after
    // every pass).
    void setRetentionAfterSync(bool on, int everySecs = 6 * 3600)
    {
        m_retentionOn = on;
        m_retentionEverySecs = everySecs;
    }
    void setRetentionPolicy(const RetentionPolicy &policy) { m_retentionPolicy = policy; }
    void setSchedulePolicy(const SchedulePolicy &policy) { m_schedulePolicy = policy; }
    // Full-article and image downloads after merges (on by default; per feed full_text_mode).
    void setDownloadsEnabled(bool on) { m_downloadsOn = on; }
    // Pages or images still queued or running.
    bool isDownloading() const;
    // For the work SyncService runs on this thread besides syncing (first run, status writes,
    // labels, saved pages): the writer connection (opened when needed; nullptr when it cannot
    // be opened), the network stack and the download queue (null before open()). Use them only
    // on this engine's thread.
    Database *writer() { return (m_db || open()) ? m_db.get() : nullptr; }
    QNetworkAccessManager *network() const { return m_network.get(); }
    ArticleDownloader *downloader() const { return m_downloader.get(); }

public slots:
    // Opens the writer connection and the network stack on the current thread.
    bool open();
    // Fetches every enabled feed (or just these), whether due or not.
    void syncAll();
    void syncFeeds(const QList<qint64> &feedIds);
    // Fetches the enabled feeds of this folder and of its subfolders, whether due or not.
    void syncFolder(qint64 folderId);
    // Fetches the enabled feeds whose next fetch time is unset or past.
    void syncDue();
    // Stops the pass: feeds already merged stay, feeds in flight are left untouched.
    void cancel();
    // Records that the reader view showed these cached images now (MediaCache::touch on the
    // writer), so the budget's least-recently-used order follows reading.
    void touchMedia(const QList<qint64> &mediaIds);

signals:
    void feedSynced(qint64 feedId, const QList<qint64> &added, const QList<qint64> &updated,
                    const QString &error);
    // After a feed is merged: its unread count now (emitted before feedSynced).
    void unreadCountChanged(qint64 feedId, qint64 unread);
    void progressChanged(const bs::SyncEngine::Progress &progress);
    void finished(const bs::SyncEngine::Progress &progress);
    void failed(const QString &error);
    // An article's stored page (full text) or its cached images changed.
    void articleContentChanged(qint64 articleId);
    // The download queue ran empty: pages stored / failed, images stored / refused.
    void downloadsFinished(int pagesStored, int pageErrors, int imagesStored, int imageErrors);

private:
    void enqueue(const QList<Feed> &feeds);
    void readSettings();
    void handle(const FetchResult &result);
    MergeResult mergeDocument(const FetchResult &fetch, const QDateTime &now);
    void finishFeed(const FetchResult &fetch, const MergeResult &merged);
    void finishIfDone();
    void startRetention();
    void retentionStep();

    QString m_path;
    FetchPolicy m_policy;
    SchedulePolicy m_schedulePolicy;
    RetentionPolicy m_retentionPolicy;
    bool m_retentionOn = true;
    int m_retentionEverySecs = 6 * 3600;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
    std::unique_ptr<Database> m_db;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<Fetcher> m_fetcher;
    std::unique_ptr<Retention> m_retention;
    std::unique_ptr<ArticleDownloader> m_downloader;
    bool m_downloadsOn = true;
    QSet<qint64> m_pending;
    QHash<qint64, QString> m_titles;
    QHash<qint64, Feed> m_pageFeeds; // page feeds of this pass: read by their selector
    bool m_passMerged = false;       // a feed of this pass was merged: retention may follow
    Progress m_progress;
};

} // namespace bs
