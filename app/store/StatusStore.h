#pragma once

#include "model/Article.h"

#include <QHash>
#include <QList>

#include <optional>

namespace bs
{

class Database;

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

    std::optional<ArticleStatus> status(qint64 articleId);
    qint64 unreadCount(qint64 feedId);
    QHash<qint64, qint64> unreadCounts(); // feed id -> unread articles
    qint64 starredCount();

private:
    int update(const QString &sql, const QList<qint64> &articleIds, bool on);

    Database &m_db;
};

} // namespace bs
