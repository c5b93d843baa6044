#pragma once

#include "model/Article.h"

#include <QHash>
#include <QList>

#include <optional>

namespace bs
{

class Database;

// Which articles a "mark all read" covers: one of the reader's views. Articles stored after
// the view was shown (id above maxArticleId, when set) are left unread, so a sync that lands
// while the user reads is not marked unseen.
struct ReadScope {
    enum class Kind {
        All,      // every article
        Feed,     // id: a feed
        Folder,   // id: a folder, its subfolders included
        Label,    // id: a label
        Starred,  // starred articles
        Today,    // sort time at or after since (seconds since the epoch, UTC)
        Articles, // exactly articleIds (a search's or saved search's results)
    };
    Kind kind = Kind::All;
    qint64 id = 0;
    qint64 since = 0;
    QList<qint64> articleIds;
    std::optional<qint64> maxArticleId;
};

// Read and starred state, kept apart from content. Writes need the writer connection; each
// call is one transaction however many articles it names.
class StatusStore
{
public:
    explicit StatusStore(Database &db) : m_db(db) {}

    // Returns how many articles changed state, or -1 on error.
    int setRead(const QList<qint64> &articleIds, bool read);
    int setStarred(const QList<qint64> &articleIds, bool starred);
    int markFeedRead(qint64 feedId);
    // Marks every unread article of the scope read in one transaction; returns how many
    // changed, or -1 on error.
    int markRead(const ReadScope &scope);

    std::optional<ArticleStatus> status(qint64 articleId);
    // Unread counts come from feed_unread, which triggers keep (schema v10): one small read
    // however many articles there are.
    qint64 unreadCount(qint64 feedId);
    QHash<qint64, qint64> unreadCounts(); // feed id -> unread articles (feeds with some)
    // The same counted from article_status itself (a join over every unread article: slow at a
    // million; for checks).
    QHash<qint64, qint64> countUnreadByFeed();
    qint64 starredCount();

private:
    int update(const QString &sql, const QList<qint64> &articleIds, bool on);

    Database &m_db;
};

} // namespace bs
