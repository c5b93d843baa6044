#pragma once

#include "model/Bookmark.h"

#include <optional>

namespace bs
{

class Database;

struct BookmarkImportCounts {
    int matched = 0;          // entries whose address is an article already here
    int created = 0;          // new articles in the "Saved pages" feed
    int duplicates = 0;       // the same address again in the file
    int skippedAddresses = 0; // not http(s) (javascript:, ...), from the file
    int invalidEntries = 0;   // from the file
    int labelsCreated = 0;
    int labelsSkipped = 0; // names a label cannot have (too long, control characters)
};

// The saved articles (starred, labelled or noted) as bookmarks, and bookmarks back into the
// profile. Export lists articles with an address, the most recently starred first (by
// publication time when not starred), then by address. Import runs in one transaction (all or
// nothing): an entry whose address is an article's (the oldest such article) marks it
// starred (when the entry is), adds its labels (created as needed) and sets its note; an
// unknown address becomes an article of the built-in "Saved pages" feed (no fetching) with the
// same marks. Star and note times come from the file when it has them.
class BookmarkStore
{
public:
    explicit BookmarkStore(Database &db) : m_db(db) {}

    // withoutAddress (optional) receives how many saved articles have no address to export.
    std::optional<QList<Bookmark>> exportAll(int *withoutAddress = nullptr);
    std::optional<BookmarkImportCounts> import(const BookmarkDocument &document);

private:
    bool fail(const QString &message);

    Database &m_db;
};

} // namespace bs
