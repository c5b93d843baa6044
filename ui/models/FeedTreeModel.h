#pragma once

#include "model/Feed.h"

#include <QHash>
#include <QSet>
#include <QStandardItemModel>

namespace bs
{

class BackgroundReader;
class Database;
class MediaCache;

// The feed tree: smart views (All, Unread, Today, Starred, Saved pages), labels, saved
// searches, then folders and feeds, each with its unread count. reload() reads the rows (feeds,
// folders, labels, saved searches: small tables); the counts come from a handful of indexed
// queries run on a BackgroundReader when one is set (the per-feed unread count walks every
// unread article, ~1 s at a million), else on the reader connection at once; saved searches'
// live counts (they run the search) likewise, as a second job. countsChanged() says they
// arrived.
// Feed and folder rows can be dragged, folders and the top level take drops (the drop itself
// is handled by the view); smart rows neither.
class FeedTreeModel : public QStandardItemModel
{
    Q_OBJECT
public:
    enum Role {
        FeedIdRole = Qt::UserRole + 1,
        FolderIdRole,
        UnreadRole,
        ViewKindRole,
        ViewIdRole,
        NameRole,       // the row's name without its count
        QueryRole,      // a saved search's query text
        SearchSortRole, // a saved search's SearchOptions::Sort (int)
    };
    // What a row of the tree shows (ViewKindRole); ViewIdRole carries the feed, folder, label
    // or saved search id where the kind has one.
    enum class ViewKind {
        All,
        Unread,
        Today,
        Starred,
        SavedPages,
        Label,
        SavedSearch,
        Folder,
        Feed,
    };
    Q_ENUM(ViewKind)

    FeedTreeModel(Database &reader, QObject *parent = nullptr);
    // Saved searches' counts are then counted there (asynchronously).
    void setBackgroundReader(BackgroundReader *background) { m_background = background; }

    void reload();
    // Re-reads one feed (title, error, unread count) and updates its folders and the totals
    // from memory: two one-row queries on the reader connection, at once; no reload.
    void refreshFeed(qint64 feedId);
    // Re-reads every count (per-feed unread, Today, Starred, labels, saved searches) without
    // rebuilding the rows: after a mark-all-read.
    void refreshCounts();
    // Re-reads the Today, Starred, labels' and saved searches' counts only (bounded by those
    // articles): after a sync pass, whose feeds refreshFeed has re-read.
    void refreshViewCounts();

    QStandardItem *feedItem(qint64 feedId) const { return m_feedItems.value(feedId); }
    QStandardItem *folderItem(qint64 folderId) const { return m_folderItems.value(folderId); }
    QStandardItem *labelItem(qint64 labelId) const { return m_labelItems.value(labelId); }
    QStandardItem *savedSearchItem(qint64 id) const { return m_searchItems.value(id); }
    // The smart view row of this kind (All .. SavedPages), else null.
    QStandardItem *viewItem(ViewKind kind) const { return m_views.value(int(kind)); }
    // The first row showing this kind and id, or an invalid index.
    QModelIndex indexOfView(ViewKind kind, qint64 id = 0) const;

    // Local midnight of today as seconds since the epoch: where "Today" starts.
    static qint64 startOfToday();

signals:
    // The counts asked for by reload/refreshCounts/refreshViewCounts are shown.
    void countsChanged();

private:
    struct Counts {
        bool withFeeds = true;
        QHash<qint64, qint64> feeds; // feed id -> unread
        qint64 today = 0;
        qint64 starred = 0;
        QHash<qint64, qint64> labels;
    };
    static Counts readCounts(Database &db, bool withFeeds, qint64 since);
    void requestCounts(bool withFeeds);
    void applyCounts(Counts counts);

    QStandardItem *addView(ViewKind kind, const QString &name, const QIcon &icon);
    void setFeedText(QStandardItem *item, const Feed &feed, qint64 unread);
    static void setCount(QStandardItem *item, qint64 unread);
    void updateFolders(QStandardItem *from);
    qint64 folderTotal(QStandardItem *folder) const;
    void setTotals();
    void countSavedSearches();
    static QIcon feedIcon(MediaCache &cache, const Feed &feed);

    Database &m_reader;
    BackgroundReader *m_background = nullptr;
    QHash<int, QStandardItem *> m_views;
    QHash<qint64, QStandardItem *> m_feedItems;
    QHash<qint64, QStandardItem *> m_folderItems;
    QHash<qint64, QStandardItem *> m_labelItems;
    QHash<qint64, QStandardItem *> m_searchItems;
    QHash<qint64, qint64> m_unread;
    QSet<qint64> m_freshFeeds; // re-read by refreshFeed since the last count was asked for
    qint64 m_savedPagesFeedId = 0;
    int m_countGeneration = 0;
};

} // namespace bs
