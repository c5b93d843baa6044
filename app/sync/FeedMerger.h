#pragma once

#include "feeds/FeedParser.h"
#include "net/FetchResult.h"
#include "sync/Scheduler.h"

namespace bs
{

class Database;

// What one feed's sync changed.
struct MergeResult {
    bool ok = false;
    QString error;         // why the feed failed, for the person and the feed's stored error
    QList<qint64> added;   // new article ids
    QList<qint64> updated; // articles whose content changed (or whose guid was replaced)
    qint64 unread = -1;    // the feed's unread articles afterwards (-1 when it failed)
    int skipped = 0;       // entries retention deleted before (tombstones), not brought back
    QString notice;        // worked, with something to say (a page feed's list moved)
};

// What one answer gave to merge, whatever its format (a feed document or a page's list).
struct MergeSource {
    QString error;           // the answer could not be used (the feed is marked failing)
    bool read = false;       // the answer was fetched and read: the fields below apply
    bool cut = false;        // a document that ended early: keep no validators or hash
    Feed info;               // title, site, description, icon when the answer says them
    ScheduleHints hints;     // what the answer says of its own schedule
    QList<Article> articles; // the entries, as articles of the feed
    QString pageSelector;    // a page feed's list moved: the selector that found it (else empty)
    QString notice;          // what the person should know although it worked
};

// Writes one fetch (and its parse) of one feed into the store, all in one transaction: the
// feed's HTTP validators, content hash, address (permanent redirects), title/site/icon when
// the feed says them, fetch times and error state, and its articles (deduplicated by guid,
// then link, then content hash; updates keep read/starred; items a feed drops stay), and when
// it is fetched next (Scheduler: its interval after a good answer, backoff after an error).
//
// Two identity rules beyond the store's (feed, guid):
// - An entry whose guid is a tombstone (retention deleted that article) is skipped, so an item
//   the feed still carries does not come back as new and unread.
// - An entry with a guid the feed has never used, whose link matches exactly one article of
//   the same feed seen within kRelinkWindowDays, takes that article over (its guid is replaced
//   and its content updated; status kept) instead of becoming a duplicate. Guarded against
//   feeds that reuse one link for many items: the link must appear once in this document,
//   exactly once among the feed's recent articles, and the old article's guid must not still
//   be in the document.
class FeedMerger
{
public:
    static constexpr int kRelinkWindowDays = 30;

    explicit FeedMerger(Database &writer, SchedulePolicy policy = {})
        : m_db(writer), m_policy(policy)
    {
    }

    MergeResult merge(qint64 feedId, const FetchResult &fetch, const ParsedFeed *parsed,
                      const QDateTime &now);
    // The same for an answer already read into articles (page feeds).
    MergeResult merge(qint64 feedId, const FetchResult &fetch, const MergeSource &source,
                      const QDateTime &now);

private:
    // Drops tombstoned entries and re-points changed guids; returns the entries to save.
    bool prepareArticles(qint64 feedId, QList<Article> &articles, const QDateTime &now,
                         MergeResult &result);

    Database &m_db;
    SchedulePolicy m_policy;
};

} // namespace bs
