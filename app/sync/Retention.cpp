#include "sync/Retention.h"

#include "store/ArticleIdentityStore.h"
#include "store/ArticleStore.h"
#include "store/Database.h"
#include "store/FeedStore.h"
#include "store/RetentionStore.h"

namespace bs
{

Retention::Retention(Database &writer, RetentionPolicy policy, const QDateTime &now)
    : m_db(writer), m_policy(policy), m_now(now)
{
}

bool Retention::fail()
{
    m_error = m_db.lastError();
    m_phase = Phase::Done;
    return false;
}

bool Retention::loadFeeds()
{
    m_loaded = true;
    for (const Feed &feed : FeedStore(m_db).feeds()) {
        const int days = feed.retentionDays != 0 ? feed.retentionDays : m_policy.defaultDays;
        if (days <= 0)
            continue; // kept forever
        m_feeds.append(FeedCutoff{feed.id, m_now.addDays(-days)});
    }
    return true;
}

RetentionReport Retention::plan()
{
    if (!m_loaded)
        loadFeeds();
    RetentionReport report;
    RetentionStore store(m_db);
    for (const FeedCutoff &f : m_feeds) {
        const qint64 n = store.countExpired(f.feedId, f.cutoff);
        if (n > 0) {
            report.removedPerFeed.insert(f.feedId, n);
            report.articlesRemoved += n;
        }
    }
    return report;
}

bool Retention::deleteBatch()
{
    Transaction tx(m_db);
    if (!tx.isActive())
        return fail();
    RetentionStore store(m_db);
    ArticleStore articles(m_db);
    ArticleIdentityStore identities(m_db);
    int budget = m_policy.batchSize;
    qint64 removed = 0;
    QHash<qint64, qint64> perFeed;
    while (budget > 0 && m_next < m_feeds.size()) {
        FeedCutoff &f = m_feeds[m_next];
        const QList<RetentionStore::Expired> rows =
            store.expired(f.feedId, f.cutoff, budget, f.afterTime, f.afterId);
        for (const RetentionStore::Expired &row : rows) {
            if (!articles.removeInTransaction(row.id) ||
                !identities.addTombstone(f.feedId, row.guid, m_now))
                return fail();
            f.afterTime = row.sortTime;
            f.afterId = row.id;
        }
        budget -= int(rows.size());
        removed += rows.size();
        if (!rows.isEmpty())
            perFeed[f.feedId] += rows.size();
        if (budget > 0)
            ++m_next; // this feed has nothing more
    }
    if (removed == 0)
        return true;
    if (!tx.commit())
        return fail();
    ++m_report.batches;
    m_report.articlesRemoved += removed;
    for (auto it = perFeed.cbegin(); it != perFeed.cend(); ++it)
        m_report.removedPerFeed[it.key()] += it.value();
    return true;
}

bool Retention::step()
{
    if (!m_loaded)
        loadFeeds();
    switch (m_phase) {
    case Phase::Delete:
        if (!deleteBatch())
            return false;
        if (m_next >= m_feeds.size())
            m_phase = Phase::Prune;
        return true;
    case Phase::Prune: {
        const int pruned =
            ArticleIdentityStore(m_db).pruneTombstones(m_now.addDays(-m_policy.tombstoneDays));
        if (pruned < 0)
            return fail();
        m_report.tombstonesPruned = pruned;
        m_report.pageSize = RetentionStore(m_db).pageSize();
        m_phase = Phase::Vacuum;
        return true;
    }
    case Phase::Vacuum: {
        RetentionStore store(m_db);
        const qint64 before = store.freePages();
        if (before < 0)
            return fail();
        if (before == 0) {
            store.checkpoint();
            m_phase = Phase::Done;
            return false;
        }
        if (!store.incrementalVacuum(m_policy.vacuumPages))
            return fail();
        const qint64 after = store.freePages();
        m_report.pagesFreed += before - std::max<qint64>(after, 0);
        if (after >= before) { // nothing more will come back
            store.checkpoint();
            m_phase = Phase::Done;
            return false;
        }
        return true;
    }
    case Phase::Done:
        return false;
    }
    return false;
}

bool Retention::run()
{
    while (step()) {
    }
    return m_error.isEmpty();
}

} // namespace bs
