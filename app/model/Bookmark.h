#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace bs
{

// One saved article as a bookmark file carries it (export and import).
struct Bookmark {
    QString url;
    QString title;
    QString feed;         // the feed's title in the profile that exported it
    QDateTime published;  // UTC; invalid when unknown
    bool starred = false; // a browser's bookmark is always starred
    QDateTime starredAt;  // when starred; invalid when unknown or not starred
    QStringList labels;
    QString note;          // empty when none
    QDateTime noteUpdated; // invalid when unknown
    bool operator==(const Bookmark &) const = default;
};

// What a bookmark file held: the entries worth importing, and what was left out.
struct BookmarkDocument {
    QList<Bookmark> bookmarks;
    int skippedAddresses = 0; // not http(s): javascript:, data:, place:, file:, ...
    int invalidEntries = 0;   // no address, or not an entry at all
};

} // namespace bs
