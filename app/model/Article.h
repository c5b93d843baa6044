#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QUrl>

namespace bs
{

struct Enclosure {
    QUrl url;
    QString mimeType;
    qint64 length = 0;
    QString title;
};

// An article as a feed (or a saved page) carries it. Identity is (feedId, guid).
struct Article {
    qint64 id = 0;
    qint64 feedId = 0;
    QString guid;
    QUrl url;
    QString title;
    QString author;
    QDateTime published; // UTC; invalid when the feed gave none that parses
    QDateTime updated;
    QString summary;  // sanitized HTML
    QString content;  // sanitized HTML
    QString fullText; // sanitized HTML of the extracted page, when downloaded
    QString language;
    QByteArray contentHash;
    QDateTime fetchedAt;
    QList<Enclosure> enclosures;
};

// What the reader decided about an article; kept apart from content so it outlives a purge.
struct ArticleStatus {
    qint64 articleId = 0;
    bool read = false;
    bool starred = false;
    QDateTime starredAt;
    QDateTime readAt;
};

struct Label {
    qint64 id = 0;
    QString name;
};

// One row of an article listing: what a list view or `list-articles` shows.
struct ArticleSummary {
    qint64 id = 0;
    qint64 feedId = 0;
    QString title;
    QUrl url;
    QString author;
    QDateTime published;
    bool read = false;
    bool starred = false;
};

} // namespace bs
