#pragma once

#include "feeds/FirstRun.h"
#include "net/FetchPolicy.h"
#include "offline/PageSaver.h"
#include "store/StatusStore.h"
#include "sync/SyncEngine.h"

#include <QObject>
#include <QThread>
#include <QTimer>

#include <functional>

namespace bs
{

// Hosts a SyncEngine on a thread of its own, so that no network, parsing or merge work runs on
// the owner's (the GUI's) thread. The engine and its writer connection are created, opened,
// used and destroyed on that worker thread; requests go to it as queued calls and its signals
// come back queued on the owner's thread. The destructor cancels what is in flight, stops the
// thread and waits for it (a merge under way finishes its transaction first).
class SyncService : public QObject
{
    Q_OBJECT
public:
    explicit SyncService(QString databasePath, FetchPolicy policy = {}, QObject *parent = nullptr);
    ~SyncService() override;

    // True from a sync request until the engine reports that it has finished.
    bool isSyncing() const { return m_syncing; }
    // The worker thread (for tests and diagnostics; never call into the engine directly).
    const QThread *workerThread() const { return &m_thread; }

    // Scheduled syncing: every `checkMs` (and once shortly after this call) the engine is asked
    // to fetch the feeds that are due (SyncEngine::syncDue), unless a sync is running. These
    // background passes do not emit syncStarted(). checkMs <= 0 turns it off.
    void setAutoSync(int checkMs);

public slots:
    void syncAll();
    void syncFeeds(const QList<qint64> &feedIds);
    // The feeds of a folder and its subfolders.
    void syncFolder(qint64 folderId);
    // Only the feeds whose next fetch time has come (a background pass).
    void syncDue();
    void cancel();
    // Hands the ids of cached images the reader showed to the writer (SyncEngine::touchMedia).
    void touchMedia(const QList<qint64> &mediaIds);
    // A new profile's first run (FirstRun::run) on the worker; firstRunFinished reports it.
    void runFirstRun(const bs::FirstRunContent &content);
    // Subscribes to a feed address (no folder) and fetches it; subscribed() reports the new
    // feed's id, or 0 and why not.
    void subscribe(const QUrl &url);

signals:
    void syncStarted();
    void feedSynced(qint64 feedId, const QList<qint64> &added, const QList<qint64> &updated,
                    const QString &error);
    void unreadCountChanged(qint64 feedId, qint64 unread);
    void progressChanged(const bs::SyncEngine::Progress &progress);
    void finished(const bs::SyncEngine::Progress &progress);
    void failed(const QString &error);
    void articleContentChanged(qint64 articleId);
    void downloadsFinished(int pagesStored, int pageErrors, int imagesStored, int imageErrors);
    void firstRunFinished(const bs::FirstRunReport &report);
    void subscribed(qint64 feedId, const QString &error);

    // ---- Article status, labels, saved pages and bookmark export (SyncServiceStatus.cpp) ----
    // Each call runs on the worker in one transaction on the writer connection; its result
    // comes back as one queued signal below. Failures report writeFailed() (and, for markRead,
    // markedRead with changed -1). Unread counts of the feeds a change touched follow as
    // unreadCountChanged().
public slots:
    void setRead(const QList<qint64> &articleIds, bool read);
    void setStarred(const QList<qint64> &articleIds, bool starred);
    void markRead(const bs::ReadScope &scope);
    // Creates the label when it does not exist yet.
    void assignLabel(const QString &label, const QList<qint64> &articleIds);
    void unassignLabel(const QString &label, const QList<qint64> &articleIds);
    // Fetches the page, stores it in the "Saved pages" feed (starred), then its images.
    void savePage(const QUrl &url);
    // Writes the saved articles as a bookmark file (Netscape HTML, or JSON when json is set).
    void exportBookmarks(const QString &path, bool json);

signals:
    // changed: how many of the articles changed state (unknown ids and no-ops do not count).
    void readChanged(const QList<qint64> &articleIds, bool read, int changed);
    void starredChanged(const QList<qint64> &articleIds, bool starred, int changed);
    void markedRead(const bs::ReadScope &scope, int changed);
    void labelsChanged(const QString &label, const QList<qint64> &articleIds, int changed);
    // articleId 0 and an error when it failed.
    void pageSaved(const QUrl &url, qint64 articleId, const QString &error);
    void bookmarksExported(const QString &path, int count, const QString &error);
    void writeFailed(const QString &error);
    // ---- end of the status block ----

private:
    // Runs `work` on the worker with the open writer (reports writeFailed when it cannot open).
    void write(std::function<void(SyncEngine *, Database &)> work);
    // Queues `report` to run on this object's thread.
    void reply(std::function<void()> report);
    // Emits unreadCountChanged for each (feed, unread) pair (on this object's thread).
    void emitUnreadCounts(const QList<std::pair<qint64, qint64>> &counts);

    void post(std::function<void(SyncEngine *)> call);

    QThread m_thread;
    SyncEngine *m_engine; // lives on m_thread; deleted there when the thread finishes
    bool m_syncing = false;
    QTimer m_autoSync;
};

} // namespace bs
