#pragma once

#include "model/Feed.h"

#include <QList>

#include <optional>

namespace bs
{

class Database;

// Folders and feeds. Reads work on any connection; writes need the writer connection.
class FeedStore
{
public:
    explicit FeedStore(Database &db) : m_db(db) {}

    // Folder by name under parentId (0: top level), created when missing.
    std::optional<qint64> folderId(const QString &name, qint64 parentId = 0);
    std::optional<qint64> findFolder(const QString &name, qint64 parentId = 0);
    QList<Folder> folders();

    // Adds a feed; fails with a clear message when the URL is already subscribed.
    std::optional<qint64> addFeed(const Feed &feed);
    bool updateFeed(const Feed &feed);
    bool removeFeed(qint64 feedId);
    std::optional<Feed> feed(qint64 feedId);
    std::optional<Feed> feedByUrl(const QUrl &url);
    QList<Feed> feeds();
    // The feeds in this folder and in every folder below it.
    QList<qint64> feedIdsInFolder(qint64 folderId);

private:
    Database &m_db;
};

} // namespace bs
