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
    std::optional<Folder> folder(qint64 folderId);

    // Editing the tree (writer connection; each call is one transaction, and on failure
    // nothing changed and lastError() says why).
    // A new folder under parentId; refuses a name that is empty or already there.
    std::optional<qint64> createFolder(const QString &name, qint64 parentId = 0);
    bool renameFolder(qint64 folderId, const QString &name);
    // Refuses moving a folder into itself or into one of its subfolders, and a name clash.
    bool moveFolder(qint64 folderId, qint64 parentId);
    // What happens to what a removed folder holds: its feeds (and subfolders' feeds) are
    // deleted with their articles, or its feeds and subfolders move up to its parent (a
    // subfolder whose name is taken there is merged into the folder of that name).
    enum class FolderContents { Delete, MoveUp };
    bool removeFolder(qint64 folderId, FolderContents contents);
    bool moveFeed(qint64 feedId, qint64 folderId);

    // Adds a feed; fails with a clear message when the URL is already subscribed.
    std::optional<qint64> addFeed(const Feed &feed);
    bool updateFeed(const Feed &feed);
    // Deletes the feed with its articles (their search entries, content, status, labels).
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
    // The folder, or nullopt with "There is no folder N." as the last error.
    std::optional<Folder> existingFolder(qint64 folderId);
    bool removeFeedsWhere(const QString &condition, qint64 id);
    bool moveContents(qint64 fromFolder, qint64 toFolder);
    bool folderNameTaken(const QString &name, qint64 parentId, qint64 exceptId);

    Database &m_db;
};

} // namespace bs
