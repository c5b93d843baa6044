#pragma once

#include "feeds/FeedDiscovery.h"
#include "feeds/FeedLinks.h"
#include "feeds/FirstRun.h"
#include "feeds/OpmlImport.h"
#include "model/Feed.h"
#include "net/FetchPolicy.h"
#include "offline/PageSaver.h"
#include "pages/PageLists.h"
#include "store/StatusStore.h"
#include "sync/SyncEngine.h"

#include <QObject>
#include <QThread>
#include <QTimer>

#include <functional>

namespace bs
{

class PageCache;

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

    // ---- Managing feeds and folders (SyncServiceFeeds.cpp) ---------------------------------
    // Each call runs on the worker with the writer connection (FeedStore, OpmlImport,
    // SettingsStore, FeedDiscovery) and reports back with queued signals: on success the call's
    // own signal, then feedsChanged() when the tree changed; on failure feedError(message)
    // (feedAddFailed for addFeed, discovered(..., error) for discover), with nothing written.
public:
    // New feeds (addFeed, importOpml) are fetched right away (syncFeeds / syncDue); on by
    // default.
    void setSyncNewFeeds(bool on) { m_syncNewFeeds = on; }

public slots:
    // Subscribes to url in folderId (0: top level) or, when newFolder is given, in a folder of
    // that name under folderId (created when missing). Refuses an address already subscribed.
    void addFeed(const QUrl &url, const QString &title = {}, qint64 folderId = 0,
                 bs::FullTextMode fullText = bs::FullTextMode::Automatic,
                 const QString &newFolder = {});
    // Applies what the properties dialog edits: URL (a new address is fetched afresh), title
    // (a title set by hand stays through syncs; an empty one goes back to the feed's own),
    // update interval, full-article mode, retention days, and a page feed's selector (refused
    // when not valid; a new one reads the page afresh). Other fields are left as stored.
    void updateFeed(const bs::Feed &feed);
    // Only the title (empty: the feed's own title again at the next sync).
    void renameFeed(qint64 feedId, const QString &title);
    void removeFeed(qint64 feedId);
    void moveFeed(qint64 feedId, qint64 folderId);
    void createFolder(const QString &name, qint64 parentId = 0);
    void renameFolder(qint64 folderId, const QString &name);
    void moveFolder(qint64 folderId, qint64 parentId);
    // deleteFeeds: its feeds (and its subfolders') go with it; otherwise they move up.
    void removeFolder(qint64 folderId, bool deleteFeeds);
    // Reads and applies an OPML file on the worker (the CLI's import-opml core).
    void importOpml(const QString &path);
    void exportOpml(const QString &path);
    // A database setting the worker reads (SettingsStore keys).
    void setSetting(const QString &key, const QString &value);
    // Finds the feeds of a page or feed address on the worker's network stack.
    void discover(const QUrl &url, int timeoutMs = bs::FeedDiscovery::kDefaultTimeoutMs);
    void cancelDiscovery();

signals:
    void feedsChanged();
    void feedAdded(qint64 feedId, const QUrl &url);
    void feedAddFailed(const QUrl &url, const QString &error);
    void feedUpdated(qint64 feedId);
    void folderCreated(qint64 folderId, const QString &name);
    void feedError(const QString &error);
    void opmlImported(const QString &path, const bs::OpmlImportCounts &counts);
    void opmlExported(const QString &path, int feeds);
    void settingChanged(const QString &key, const QString &value);
    void discovered(const QUrl &url, const QList<bs::DiscoveredFeed> &feeds, const QString &error);

private:
    // Runs work(writer) on the worker; an empty answer is success (then onSuccess runs on this
    // object's thread), otherwise the answer is the error for feedError().
    void postWrite(std::function<QString(Database &)> work, std::function<void()> onSuccess);
    // Worker side of addFeed / addPageFeed: stores `feed` (in a new folder newFolder under
    // feed.folderId when given) unless its address is subscribed, then reports feedAdded (and
    // syncs it) or feedAddFailed(asked, error).
    void insertFeed(SyncEngine *engine, Feed feed, const QString &newFolder, const QUrl &asked);
    bool m_syncNewFeeds = true;
    // Worker-thread only (created there, children of the engine).
    FeedDiscovery *m_discovery = nullptr;
    // ---- end of managing feeds and folders ------------------------------------------------

    // ---- Page feeds: following a web page's list of stories (SyncServicePages.cpp) --------
    // A page feed is a web page whose list of stories (the items a CSS selector addresses,
    // pages/PageLists.h) becomes the feed's articles. discover() also reports the lists of the
    // page it fetched (pageListsFound, right after discovered()); the worker keeps that page so
    // that previews of a selector on it do not fetch it again.
public slots:
    // Applies readPageList(selector) to the page at url: the page the last discovery fetched
    // when url is its address (as asked or after redirects), else the page fetched now on the
    // worker's network stack (redirects followed, size-capped like discovery; it is then the
    // kept page). Exactly one selectorPreview() answers each call; failures are result.error.
    void previewSelector(const QUrl &url, const QString &selector);
    // Like addFeed, for a page feed (kind Page) reading the items `selector` addresses on the
    // page at url; an invalid selector or an address already subscribed is refused
    // (feedAddFailed). The new feed is synced at once.
    void addPageFeed(const QUrl &url, const QString &selector, const QString &title = {},
                     qint64 folderId = 0, bs::FullTextMode fullText = bs::FullTextMode::Automatic,
                     const QString &newFolder = {});

signals:
    // The lists of stories on the web page the address `url` (as given to discover()) answered
    // with, best first; result.error says why there is none. Not emitted when the address
    // answered with a feed or failed.
    void pageListsFound(const QUrl &url, const bs::PageListsResult &result);
    void selectorPreview(const QUrl &url, const QString &selector,
                         const bs::PageListsResult &result);

private:
    // Worker side of discover(): keeps the discovery's page for previews.
    void keepDiscoveredPage(SyncEngine *engine, const QUrl &asked, const FeedDiscovery::Page &page);
    // Worker side of the destructor: the page cache goes before the engine's network stack.
    void dropPageCache();
    // Worker-thread only: the kept page and the fetches under way (SyncServicePages.cpp).
    PageCache *m_pageCache = nullptr;
    // ---- end of page feeds ----------------------------------------------------------------

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

Q_DECLARE_METATYPE(bs::PageListsResult)
