#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <limits>

namespace bs
{

class Database;

// How long articles are kept, and how much one step may do.
struct RetentionPolicy {
    int defaultDays = 90;   // setting retention.days; 0 or less there: keep forever
    int batchSize = 500;    // articles deleted per transaction
    int vacuumPages = 1024; // pages given back per incremental-vacuum step
    // A tombstone is forgotten once its feed has not carried the entry for this long.
    int tombstoneDays = 30;
};

struct RetentionReport {
    qint64 articlesRemoved = 0;
    QHash<qint64, qint64> removedPerFeed; // feed id -> articles removed (or, dry run, expired)
    int batches = 0;                      // transactions that deleted articles
    int tombstonesPruned = 0;
    qint64 pagesFreed = 0; // pages the incremental vacuum gave back
    qint64 pageSize = 0;
};

// Deletes read, unstarred articles older than their feed's retention (feeds.retention_days;
// 0: the default; negative: keep forever) by publication time (sort_time), never starred
// articles nor articles with a label (saved items). Each deletion removes the article's row,
// content, search entry, status and enclosures, and leaves a tombstone (feed, guid) so that an
// entry the feed still carries does not come back as new and unread (FeedMerger skips
// tombstoned guids and refreshes their seen_at; a tombstone not seen for tombstoneDays is
// forgotten). Unread articles are kept whatever their age.
//
// The work is cut into steps so the writer is never held long: one step is one transaction of
// at most batchSize deletions, then one tombstone prune, then incremental-vacuum steps of
// vacuumPages pages each until the free list is empty (the database is in
// auto_vacuum=INCREMENTAL mode), then a passive WAL checkpoint. SyncEngine runs one step per
// event-loop turn; run() does them all in a row.
class Retention
{
public:
    Retention(Database &writer, RetentionPolicy policy, const QDateTime &now);

    // Runs the next step; false when there is nothing left to do (or after an error).
    bool step();
    bool run();
    // How many articles a run would delete, per feed, without deleting anything.
    RetentionReport plan();

    const RetentionReport &report() const { return m_report; }
    QString error() const { return m_error; }

private:
    struct FeedCutoff {
        qint64 feedId = 0;
        QDateTime cutoff;
        qint64 afterTime = std::numeric_limits<qint64>::min();
        qint64 afterId = 0;
    };
    enum class Phase { Delete, Prune, Vacuum, Done };

    bool loadFeeds();
    bool deleteBatch();
    bool fail();

    Database &m_db;
    RetentionPolicy m_policy;
    QDateTime m_now;
    QList<FeedCutoff> m_feeds;
    qsizetype m_next = 0;
    bool m_loaded = false;
    Phase m_phase = Phase::Delete;
    RetentionReport m_report;
    QString m_error;
};

} // namespace bs
