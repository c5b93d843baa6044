#pragma once

#include <QDateTime>
#include <QString>

#include <memory>
#include <optional>

namespace bs
{

class Database;

// Article identities beyond (feed, guid): tombstones of articles retention deleted, and the
// lookup that lets an entry whose guid changed update the article it replaces. Used by the
// feed merge and by retention, on the writer connection, inside their transactions.
class ArticleIdentityStore
{
public:
    struct Match {
        qint64 id = 0;
        QString guid;
    };

    explicit ArticleIdentityStore(Database &db);
    ~ArticleIdentityStore();

    // Tombstones: (feed, guid) of a deleted article, with when its feed last carried it.
    bool hasTombstones(qint64 feedId);
    // True when (feed, guid) is a tombstone; its seen_at moves to now (the feed still has it).
    bool isTombstone(qint64 feedId, const QString &guid, const QDateTime &now);
    bool addTombstone(qint64 feedId, const QString &guid, const QDateTime &now);
    // Forgets tombstones their feed has not carried since `before`; returns how many, or -1.
    int pruneTombstones(const QDateTime &before);

    // The one article of the feed with this link that is newer than `since` (by publication
    // or fetch time). Nothing when there is none, or when two or more share the link (a feed
    // that reuses one link for many items).
    std::optional<Match> soleArticleWithUrl(qint64 feedId, const QString &url,
                                            const QDateTime &since);
    bool hasGuid(qint64 feedId, const QString &guid);
    bool setGuid(qint64 articleId, const QString &guid);

private:
    struct Statements;
    Database &m_db;
    std::unique_ptr<Statements> m_st;
};

} // namespace bs
