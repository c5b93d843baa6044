#include "store/ArticleIdentityStore.h"

#include "store/Database.h"
#include "store/SqlQuery.h"

namespace bs
{

// Prepared once per store: the merge asks these for every entry of a feed.
struct ArticleIdentityStore::Statements {
    explicit Statements(Database &db) : touchTombstone(db), byUrl(db)
    {
        touchTombstone.prepare(QStringLiteral(
            "UPDATE article_tombstones SET seen_at = ? WHERE feed_id = ? AND guid = ?"));
        byUrl.prepare(QStringLiteral("SELECT id, guid FROM articles WHERE feed_id = ? AND url = ? "
                                     "AND max(sort_time, fetched_at) >= ? LIMIT 2"));
    }
    SqlQuery touchTombstone, byUrl;
};

ArticleIdentityStore::ArticleIdentityStore(Database &db) : m_db(db) {}
ArticleIdentityStore::~ArticleIdentityStore() = default;

bool ArticleIdentityStore::hasTombstones(qint64 feedId)
{
    SqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT 1 FROM article_tombstones WHERE feed_id = ? LIMIT 1"));
    q.bind(feedId);
    return q.exec() && q.next();
}

bool ArticleIdentityStore::isTombstone(qint64 feedId, const QString &guid, const QDateTime &now)
{
    if (!m_st)
        m_st = std::make_unique<Statements>(m_db);
    m_st->touchTombstone.bind(now).bind(feedId).bind(guid);
    return m_st->touchTombstone.exec() && m_st->touchTombstone.rowsAffected() > 0;
}

bool ArticleIdentityStore::addTombstone(qint64 feedId, const QString &guid, const QDateTime &now)
{
    if (!m_db.requireWriter())
        return false;
    SqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO article_tombstones(feed_id, guid, deleted_at, seen_at) "
                             "VALUES (?, ?, ?, ?) ON CONFLICT (feed_id, guid) DO NOTHING"));
    q.bind(feedId).bind(guid).bind(now).bind(now);
    return q.exec();
}

int ArticleIdentityStore::pruneTombstones(const QDateTime &before)
{
    if (!m_db.requireWriter())
        return -1;
    SqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM article_tombstones WHERE seen_at < ?"));
    q.bind(before);
    return q.exec() ? q.rowsAffected() : -1;
}

std::optional<ArticleIdentityStore::Match>
ArticleIdentityStore::soleArticleWithUrl(qint64 feedId, const QString &url, const QDateTime &since)
{
    if (!m_st)
        m_st = std::make_unique<Statements>(m_db);
    SqlQuery &q = m_st->byUrl;
    q.bind(feedId).bind(url).bind(since);
    if (!q.exec() || !q.next())
        return std::nullopt;
    Match m{q.value(0).toLongLong(), q.value(1).toString()};
    const bool more = q.next();
    q.finish();
    if (more)
        return std::nullopt;
    return m;
}

bool ArticleIdentityStore::hasGuid(qint64 feedId, const QString &guid)
{
    SqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT 1 FROM articles WHERE feed_id = ? AND guid = ?"));
    q.bind(feedId).bind(guid);
    return q.exec() && q.next();
}

bool ArticleIdentityStore::setGuid(qint64 articleId, const QString &guid)
{
    if (!m_db.requireWriter())
        return false;
    SqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE articles SET guid = ? WHERE id = ?"));
    q.bind(guid).bind(articleId);
    return q.exec() && q.rowsAffected() == 1;
}

} // namespace bs
