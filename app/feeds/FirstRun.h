#pragma once

#include "feeds/OpmlImport.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QUrl>

#include <optional>

namespace bs
{

class Database;

// A feed shipped with the application: its document is parsed with the project's FeedParser
// and stored under a built-in address (the broadsheet: scheme), so it is never fetched.
struct BundledFeed {
    QUrl url;
    QString title; // used when the document names none
    QByteArray document;
};

// What a new profile starts with: subscriptions (OPML) and a feed readable offline.
struct FirstRunContent {
    QByteArray opml;
    BundledFeed demo;
};

struct FirstRunReport {
    bool ran = false;      // the content was imported now
    QString skipped;       // why not, when it did not run
    OpmlImportCounts opml; // the subscriptions imported
    qint64 demoFeedId = 0; // the bundled feed
    int demoArticles = 0;  // its articles stored
    QString error;         // a part that failed (the rest stays)
};

namespace FirstRun
{

// The settings key that records that a profile had its first run (value "1").
inline constexpr const char *kDoneSetting = "first_run.done";

// The demo feed's built-in address.
const QUrl &demoFeedUrl();

// On a profile that never had a first run and has no feeds: stores the bundled feed, imports
// the subscriptions and records that the first run happened. A profile that has feeds, or
// had its first run (even if every feed was deleted since), is left as it is (its first run
// is recorded). Needs the writer connection.
FirstRunReport run(Database &writer, const FirstRunContent &content,
                   const QDateTime &now = QDateTime::currentDateTimeUtc());

// Parses the feed's document and stores its entries as articles of a built-in feed at
// feed.url (created when missing: disabled, kept forever, no full-article download), in one
// transaction, deduplicated by guid like a sync. The number of articles stored (inserted or
// updated), or nullopt with *error set.
std::optional<int> importBundledFeed(Database &writer, const BundledFeed &feed,
                                     const QDateTime &now, qint64 *feedId, QString *error);

} // namespace FirstRun

} // namespace bs
