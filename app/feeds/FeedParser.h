#pragma once

#include "feeds/FeedValue.h"
#include "model/Article.h"
#include "model/Feed.h"

#include <QByteArray>
#include <QJsonObject>
#include <QTimeZone>
#include <QUrl>

namespace bs
{

// What the transport said about a document (all optional for a local file).
struct FeedSource {
    QUrl url;                // where the document came from: base for relative URLs
    QString contentType;     // HTTP Content-Type
    QString contentLocation; // HTTP Content-Location
    QString contentLanguage; // HTTP Content-Language
    // Dates without a zone (as Chinese portals write pubDate) are read in this zone.
    QTimeZone zonelessZone = QTimeZone::utc();
};

// The result of parsing a feed: a tree shaped like feedparser's result (feed, entries, ...)
// plus typed views for the store.
struct ParsedFeed {
    bool bozo = false;      // the document was not well-formed or its encoding was wrong
    QString bozoReason;     // why, in a sentence
    bool truncated = false; // an XML document whose root element never ended (cut off)
    QString encoding;       // the character encoding used
    QString version; // rss20, rss10, rss090, rss091u, ..., atom10, atom03, json11, "" unknown
    FeedValue feed = FeedValue::dict();
    FeedValue entries = FeedValue::list();
    FeedValue namespaces = FeedValue::dict();

    // feedparser-shaped JSON: dates as ISO 8601 UTC (raw text in *_raw, struct time in
    // *_parsed), enclosures and license derived from links.
    QJsonObject toJson() const;
    // Feed metadata as the store keeps it.
    Feed feedInfo() const;
    // Entries as articles of the given feed; fetchedAt is used where a feed gives no date.
    QList<Article> articles(qint64 feedId, const QDateTime &fetchedAt = {}) const;
};

// Parses RSS 0.9x/1.0/2.0, Atom 0.3/1.0, CDF and JSON Feed 1.0/1.1. Never throws and never
// fails outright: a broken document gives what could be recovered, with bozo set. No network
// access and no external entities, whatever the document asks for.
ParsedFeed parseFeed(const QByteArray &bytes, const FeedSource &source = {});

} // namespace bs
