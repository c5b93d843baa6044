#pragma once

#include "feeds/FeedLinks.h"
#include "pages/PageLists.h"

#include <QList>
#include <QObject>
#include <QTimer>
#include <QUrl>

#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace bs
{

// Finds the feeds of a site. Fetches the URL (following redirects); when the answer is itself a
// feed (by Content-Type or by how the body starts) that is the result; otherwise the page's
// <link rel="alternate"> feeds; when it has none, the well-known paths (/feed, /rss, /rss.xml,
// /atom.xml, /feed.xml, /index.xml, /feed.json, next to the page and at the site root) that
// answer 200 with a feed. Runs on the caller's event loop with the caller's network manager.
//
// When the address answers with a web page, that page is kept (page()) and its lists of stories
// are found (pageLists(), pages/PageLists.h) whether or not it links a feed: a site without a
// feed can be followed as a page feed, and a person can choose one where a feed exists.
class FeedDiscovery : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDefaultTimeoutMs = 20000;
    static constexpr qint64 kDefaultMaxBytes = 5 * 1024 * 1024;

    explicit FeedDiscovery(QNetworkAccessManager &network, QObject *parent = nullptr);

    // Why a page fetch failed, in a sentence: "<url> answered HTTP 404 (Not Found)." or
    // "Could not fetch <url>: <reason>." (also for other fetches of pages on the worker).
    static QString describeReplyError(QNetworkReply *reply);
    ~FeedDiscovery() override;

    // The whole discovery gives up after this long (probes that answered still count).
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    // Pages and feeds larger than this are not read.
    void setMaxBytes(qint64 bytes) { m_maxBytes = bytes; }

    // Starts looking (stopping a discovery still running); finished() follows exactly once.
    void start(const QUrl &url);
    void abort();
    bool isRunning() const { return m_running; }

    QList<DiscoveredFeed> feeds() const { return m_feeds; }
    // Why the discovery failed (network error, HTTP status, timeout, size); empty when it
    // worked, including when the site simply has no feed.
    QString errorString() const { return m_error; }

    // The web page the address answered with (empty bytes when it answered with a feed or
    // failed), for a page feed's preview without fetching it again.
    struct Page {
        QByteArray bytes;
        QUrl url; // after redirects
        QString contentType;
    };
    const Page &page() const { return m_page; }
    // The page's lists of stories, best first (error set when it holds none or is no page).
    const PageListsResult &pageLists() const { return m_pageLists; }

signals:
    void finished(const QList<DiscoveredFeed> &feeds);

private:
    QNetworkReply *get(const QUrl &url);
    void pageFinished(QNetworkReply *reply);
    void probe(const QUrl &pageUrl);
    void probeFinished(QNetworkReply *reply, int index);
    void collectProbes(bool timedOut);
    void finish(const QList<DiscoveredFeed> &feeds, const QString &error = {});
    void dropReplies();

    QNetworkAccessManager &m_network;
    QTimer m_timer;
    int m_timeoutMs = kDefaultTimeoutMs;
    qint64 m_maxBytes = kDefaultMaxBytes;
    bool m_running = false;
    QUrl m_url;
    QList<QNetworkReply *> m_replies;
    QList<std::optional<DiscoveredFeed>> m_probeResults;
    int m_probesPending = 0;
    QList<DiscoveredFeed> m_feeds;
    QString m_error;
    Page m_page;
    PageListsResult m_pageLists;
};

} // namespace bs
