#pragma once

#include "feeds/FeedParser.h"
#include "net/FetchResult.h"

namespace bs
{

class Database;

// What one feed's sync changed.
struct MergeResult {
    bool ok = false;
    QString error;         // why the feed failed, for the person and the feed's stored error
    QList<qint64> added;   // new article ids
    QList<qint64> updated; // articles whose content changed
};

// Writes one fetch (and its parse) of one feed into the store, all in one transaction: the
// feed's HTTP validators, content hash, address (permanent redirects), title/site/icon when
// the feed says them, fetch times and error state, and its articles (deduplicated by guid,
// then link, then content hash; updates keep read/starred; items a feed drops stay).
class FeedMerger
{
public:
    explicit FeedMerger(Database &writer) : m_db(writer) {}

    MergeResult merge(qint64 feedId, const FetchResult &fetch, const ParsedFeed *parsed,
                      const QDateTime &now);

private:
    Database &m_db;
};

} // namespace bs
