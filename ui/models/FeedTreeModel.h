#pragma once

#include "model/Feed.h"

#include <QStandardItemModel>

namespace bs
{

class Database;

// Folders and feeds with unread counts, read from the store.
class FeedTreeModel : public QStandardItemModel
{
    Q_OBJECT
public:
    enum Role { FeedIdRole = Qt::UserRole + 1, FolderIdRole, UnreadRole, ViewKindRole, ViewIdRole };
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
    void reload();
    // Re-reads one feed (title, error, unread count) and the "All articles" total: two bounded
    // queries, no reload of the tree.
    void refreshFeed(qint64 feedId);
    QStandardItem *feedItem(qint64 feedId) const { return m_feedItems.value(feedId); }

private:
    void setFeedText(QStandardItem *item, const Feed &feed, qint64 unread);
    void setTotalText();

    Database &m_reader;
    QStandardItem *m_all = nullptr;
    QHash<qint64, QStandardItem *> m_feedItems;
    QHash<qint64, qint64> m_unread;
};

} // namespace bs
