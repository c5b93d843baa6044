#pragma once

#include <QDateTime>
#include <QString>
#include <QUrl>

namespace bs
{

// How a feed's article pages are downloaded for offline reading.
enum class FullTextMode { Off = 0, On = 1, Automatic = 2 };

// What a feed's address answers with: a feed document, or a web page whose list of stories
// (addressed by a CSS selector, see pages/PageLists.h) becomes the feed's articles.
enum class FeedKind { Document = 0, Page = 1 };

struct Folder {
    qint64 id = 0;
    qint64 parentId = 0; // 0: top level
    QString name;
    int position = 0;
};

struct Feed {
    qint64 id = 0;
    qint64 folderId = 0; // 0: no folder
    QUrl url;
    QString title;
    bool titleLocked = false; // the title was set by hand: a sync does not replace it
    QUrl siteUrl;
    QString description;
    QUrl iconUrl;
    // HTTP validators for conditional GET.
    QString etag;
    QString lastModified;
    QDateTime lastFetch;
    QDateTime nextFetch;
    int fetchIntervalSecs = 0; // 0: the application default
    int errorCount = 0;
    QString lastError;
    QDateTime lastErrorAt;
    FullTextMode fullText = FullTextMode::Automatic;
    int retentionDays = 0; // 0: the application default; negative: keep forever
    bool disabled = false;
    QDateTime createdAt;
    QByteArray contentHash; // SHA-1 of the last body fetched
    // What the feed says about its own schedule (seconds; 0: nothing): RSS <ttl> (never fetch
    // more often) and sy:updatePeriod / sy:updateFrequency (how often it publishes).
    int ttlSecs = 0;
    int updatePeriodSecs = 0;
    FeedKind kind = FeedKind::Document;
    QString pageSelector; // a page feed's list: CSS selecting one element per story
};

} // namespace bs
