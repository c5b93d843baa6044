#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <limits>

namespace bs
{

class Database;

// The SQL retention needs: which articles have expired, and giving freed pages back to the
// file system. Deleting an article goes through ArticleStore (its search entry goes too).
class RetentionStore
{
public:
    struct Expired {
        qint64 id = 0;
        QString guid;
        qint64 sortTime = 0;
    };

    explicit RetentionStore(Database &db) : m_db(db) {}

    // Read, unstarred, unlabelled, un-noted articles of the feed listed before `cutoff`, oldest
    // first, after the keyset cursor (sortTime, id) when given.
    QList<Expired> expired(qint64 feedId, const QDateTime &cutoff, int limit,
                           qint64 afterTime = std::numeric_limits<qint64>::min(),
                           qint64 afterId = 0);
    qint64 countExpired(qint64 feedId, const QDateTime &cutoff);

    // Pages on the free list (what an incremental vacuum can give back).
    qint64 freePages();
    qint64 pageSize();
    // PRAGMA incremental_vacuum(pages), run to its end.
    bool incrementalVacuum(int pages);
    // A passive WAL checkpoint, so the main file shrinks once the vacuum is checkpointed.
    bool checkpoint();

private:
    Database &m_db;
};

} // namespace bs
