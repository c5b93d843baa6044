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

    // The built-in "Saved pages" feed that holds pages saved by address (save URL, bookmark
    // import), created on first use. It is never fetched (disabled), kept forever, and not
    // exported to OPML.
    std::optional<qint64> savedPagesFeedId();
    static const QUrl &savedPagesUrl();
    // True for the application's own feeds (the broadsheet: scheme), which sync never fetches.
    static bool isBuiltIn(const Feed &feed);

private:
    Database &m_db;
};

} // namespace bs
