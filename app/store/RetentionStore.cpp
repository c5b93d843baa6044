#include "store/RetentionStore.h"

#include "store/Database.h"
#include "store/SqlQuery.h"

#include <sqlite3.h>

namespace bs
{

namespace
{

const char kExpiredWhere[] =
    " FROM articles a JOIN article_status s ON s.article_id = a.id WHERE a.feed_id = ? AND "
    "a.sort_time < ? AND s.read = 1 AND s.starred = 0 AND NOT EXISTS (SELECT 1 FROM "
    "article_labels l WHERE l.article_id = a.id) AND NOT EXISTS (SELECT 1 FROM article_notes n "
    "WHERE n.article_id = a.id)";

} // namespace

QList<RetentionStore::Expired> RetentionStore::expired(qint64 feedId, const QDateTime &cutoff,
                                                       int limit, qint64 afterTime, qint64 afterId)
{
    QList<Expired> rows;
    SqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT a.id, a.guid, a.sort_time") + QLatin1String(kExpiredWhere) +
              QStringLiteral(" AND (a.sort_time, a.id) > (?, ?) ORDER BY a.sort_time, a.id "
                             "LIMIT ?"));
    q.bind(feedId).bind(cutoff).bind(afterTime).bind(afterId).bind(qint64(limit));
    if (!q.exec())
        return rows;
    while (q.next())
        rows.append(
            Expired{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toLongLong()});
    return rows;
}

qint64 RetentionStore::countExpired(qint64 feedId, const QDateTime &cutoff)
{
    SqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT count(*)") + QLatin1String(kExpiredWhere));
    q.bind(feedId).bind(cutoff);
    if (q.exec() && q.next())
        return q.value(0).toLongLong();
    return -1;
}

qint64 RetentionStore::freePages()
{
    SqlQuery q(m_db);
    if (q.exec(QStringLiteral("PRAGMA freelist_count")) && q.next())
        return q.value(0).toLongLong();
    return -1;
}

qint64 RetentionStore::pageSize()
{
    SqlQuery q(m_db);
    if (q.exec(QStringLiteral("PRAGMA page_size")) && q.next())
        return q.value(0).toLongLong();
    return -1;
}

bool RetentionStore::incrementalVacuum(int pages)
{
    if (!m_db.requireWriter())
        return false;
    // Each result row of this pragma frees one page: sqlite3_exec steps it to the end.
    const QByteArray sql =
        QByteArrayLiteral("PRAGMA incremental_vacuum(") + QByteArray::number(pages) + ')';
    char *message = nullptr;
    if (sqlite3_exec(m_db.handle(), sql.constData(), nullptr, nullptr, &message) != SQLITE_OK) {
        m_db.setLastError(QString::fromUtf8(message ? message : "incremental vacuum failed"));
        sqlite3_free(message);
        return false;
    }
    return true;
}

bool RetentionStore::checkpoint()
{
    SqlQuery q(m_db);
    return q.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)"));
}

} // namespace bs
