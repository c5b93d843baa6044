#include "store/StatusStore.h"

#include "store/Database.h"
#include "store/SqlQuery.h"

namespace bs
{

int StatusStore::update(const QString &sql, const QList<qint64> &articleIds, bool on)
{
    if (!m_db.requireWriter())
        return -1;
    Transaction tx(m_db);
    if (!tx.isActive())
        return -1;
    SqlQuery q(m_db);
    if (!q.prepare(sql))
        return -1;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    int changed = 0;
    for (qint64 id : articleIds) {
        q.bind(qint64(on))
            .bind(on ? SqlQuery::fromDate(now) : QVariant())
            .bind(id)
            .bind(qint64(on));
        if (!q.exec())
            return -1;
        changed += q.rowsAffected();
    }
    return tx.commit() ? changed : -1;
}

int StatusStore::setRead(const QList<qint64> &articleIds, bool read)
{
    return update(QStringLiteral("UPDATE article_status SET read = ?, read_at = ? "
                                 "WHERE article_id = ? AND read <> ?"),
                  articleIds, read);
}

int StatusStore::setStarred(const QList<qint64> &articleIds, bool starred)
{
    return update(QStringLiteral("UPDATE article_status SET starred = ?, starred_at = ? "
                                 "WHERE article_id = ? AND starred <> ?"),
                  articleIds, starred);
}

int StatusStore::markFeedRead(qint64 feedId)
{
    if (!m_db.requireWriter())
        return -1;
    Transaction tx(m_db);
    SqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "UPDATE article_status SET read = 1, read_at = ? WHERE read = 0 AND article_id IN "
        "(SELECT id FROM articles WHERE feed_id = ?)"));
    q.bind(QDateTime::currentDateTimeUtc()).bind(feedId);
    if (!tx.isActive() || !q.exec())
        return -1;
    const int changed = q.rowsAffected();
    return tx.commit() ? changed : -1;
}

int StatusStore::markRead(const ReadScope &scope)
{
    if (scope.kind == ReadScope::Kind::Articles) {
        QList<qint64> ids = scope.articleIds;
        if (scope.maxArticleId)
            ids.removeIf([max = *scope.maxArticleId](qint64 id) { return id > max; });
        return setRead(ids, true);
    }
    if (!m_db.requireWriter())
        return -1;
    // The articles of the scope, as a condition on article_status.article_id.
    QString which;
    switch (scope.kind) {
    case ReadScope::Kind::All:
        which = QStringLiteral("1");
        break;
    case ReadScope::Kind::Feed:
        which = QStringLiteral("article_id IN (SELECT id FROM articles WHERE feed_id = ?)");
        break;
    case ReadScope::Kind::Folder:
        which = QStringLiteral(
            "article_id IN (SELECT a.id FROM articles a JOIN feeds f ON f.id = a.feed_id WHERE "
            "f.folder_id IN (WITH RECURSIVE tree(id) AS (SELECT ? UNION SELECT d.id FROM "
            "folders d JOIN tree ON d.parent_id = tree.id) SELECT id FROM tree))");
        break;
    case ReadScope::Kind::Label:
        which = QStringLiteral(
            "article_id IN (SELECT article_id FROM article_labels WHERE label_id = ?)");
        break;
    case ReadScope::Kind::Starred:
        which = QStringLiteral("starred = 1");
        break;
    case ReadScope::Kind::Today:
        which = QStringLiteral("article_id IN (SELECT id FROM articles WHERE sort_time >= ?)");
        break;
    case ReadScope::Kind::Articles:
        return -1; // handled above
    }
    QString sql = QStringLiteral("UPDATE article_status SET read = 1, read_at = ? "
                                 "WHERE read = 0 AND ") +
                  which;
    if (scope.maxArticleId)
        sql += QStringLiteral(" AND article_id <= ?");
    Transaction tx(m_db);
    if (!tx.isActive())
        return -1;
    // Every article: the per-row trigger that keeps feed_unread is held, and the counts are
    // recounted afterwards from what stays unread (only articles above maxArticleId, through the
    // unread partial index), instead of one count update per article marked.
    const bool holdCounts = scope.kind == ReadScope::Kind::All;
    SqlQuery hold(m_db);
    if (holdCounts && !hold.exec(QStringLiteral("INSERT INTO feed_unread_hold(held) VALUES (1)")))
        return -1;
    SqlQuery q(m_db);
    if (!q.prepare(sql))
        return -1;
    q.bind(QDateTime::currentDateTimeUtc());
    if (scope.kind == ReadScope::Kind::Feed || scope.kind == ReadScope::Kind::Folder ||
        scope.kind == ReadScope::Kind::Label)
        q.bind(scope.id);
    else if (scope.kind == ReadScope::Kind::Today)
        q.bind(scope.since);
    if (scope.maxArticleId)
        q.bind(*scope.maxArticleId);
    if (!q.exec())
        return -1;
    const int changed = q.rowsAffected();
    if (holdCounts) {
        SqlQuery recount(m_db);
        if (!recount.exec(QStringLiteral("DELETE FROM feed_unread_hold")) ||
            !recount.exec(QStringLiteral("DELETE FROM feed_unread")) ||
            !recount.exec(QStringLiteral(
                "INSERT INTO feed_unread(feed_id, unread) SELECT a.feed_id, count(*) FROM "
                "article_status s CROSS JOIN articles a ON a.id = s.article_id WHERE s.read = 0 "
                "GROUP BY a.feed_id")))
            return -1;
    }
    return tx.commit() ? changed : -1;
}

std::optional<ArticleStatus> StatusStore::status(qint64 articleId)
{
    SqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT read, read_at, starred, starred_at FROM article_status "
                             "WHERE article_id = ?"));
    q.bind(articleId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    ArticleStatus s;
    s.articleId = articleId;
    s.read = q.value(0).toBool();
    s.readAt = q.dateValue(1);
    s.starred = q.value(2).toBool();
    s.starredAt = q.dateValue(3);
    return s;
}

qint64 StatusStore::unreadCount(qint64 feedId)
{
    // feed_unread is kept by triggers (schema v10); a feed without a row has none unread.
    SqlQuery q(m_db);
    q.prepare(
        QStringLiteral("SELECT ifnull((SELECT unread FROM feed_unread WHERE feed_id = ?), 0)"));
    q.bind(feedId);
    if (q.exec() && q.next())
        return q.value(0).toLongLong();
    return -1;
}

QHash<qint64, qint64> StatusStore::unreadCounts()
{
    QHash<qint64, qint64> counts;
    SqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT feed_id, unread FROM feed_unread WHERE unread > 0")))
        return counts;
    while (q.next())
        counts.insert(q.value(0).toLongLong(), q.value(1).toLongLong());
    return counts;
}

QHash<qint64, qint64> StatusStore::countUnreadByFeed()
{
    // CROSS JOIN keeps article_status outside, read through its unread partial index: left to
    // itself the planner walks every article in feed order to save the GROUP BY's sort.
    QHash<qint64, qint64> counts;
    SqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT a.feed_id, count(*) FROM article_status s CROSS JOIN "
                               "articles a ON a.id = s.article_id WHERE s.read = 0 "
                               "GROUP BY a.feed_id")))
        return counts;
    while (q.next())
        counts.insert(q.value(0).toLongLong(), q.value(1).toLongLong());
    return counts;
}

qint64 StatusStore::starredCount()
{
    SqlQuery q(m_db);
    if (q.exec(QStringLiteral("SELECT count(*) FROM article_status WHERE starred = 1")) && q.next())
        return q.value(0).toLongLong();
    return -1;
}

} // namespace bs
