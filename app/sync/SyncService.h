#pragma once

#include "net/FetchPolicy.h"
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
    // "Mark all read" for a view, on the worker (StatusStore::markRead on the writer);
    // markedRead reports how many articles changed (-1: failed). SyncServiceStatus.cpp.
    void markRead(const bs::ReadScope &scope);

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
    void markedRead(int changed);

private:
    void post(std::function<void(SyncEngine *)> call);

    QThread m_thread;
    SyncEngine *m_engine; // lives on m_thread; deleted there when the thread finishes
    bool m_syncing = false;
    QTimer m_autoSync;
};

} // namespace bs
