#include "feeds/FeedDiscovery.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>

#include <utility>

namespace bs
{

namespace
{

const char kTooLarge[] = "bs_tooLarge";

const char *const kWellKnownPaths[] = {"feed",     "rss",       "rss.xml",  "atom.xml",
                                       "feed.xml", "index.xml", "feed.json"};

} // namespace

QString FeedDiscovery::describeReplyError(QNetworkReply *reply)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status >= 400) {
        const QString reason =
            reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
        return QStringLiteral("%1 answered HTTP %2%3.")
            .arg(reply->url().toString())
            .arg(status)
            .arg(reason.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(reason));
    }
    return QStringLiteral("Could not fetch %1: %2.")
        .arg(reply->request().url().toString(), reply->errorString());
}

FeedDiscovery::FeedDiscovery(QNetworkAccessManager &network, QObject *parent)
    : QObject(parent), m_network(network)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] { collectProbes(true); });
}

FeedDiscovery::~FeedDiscovery()
{
    dropReplies();
}

void FeedDiscovery::start(const QUrl &url)
{
    abort();
    m_running = true;
    m_url = url;
    m_feeds.clear();
    m_error.clear();
    m_page = Page{};
    m_pageLists = PageListsResult{};
    m_pageLists.error = QStringLiteral("The address did not answer with a web page.");
    m_probeResults.clear();
    m_probesPending = 0;
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() ||
        (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
        // Reported from the event loop, like every other outcome.
        QTimer::singleShot(0, this, [this, url] {
            finish({}, QStringLiteral("'%1' is not a web address (expected http or https).")
                           .arg(url.toString()));
        });
        return;
    }
    m_timer.start(m_timeoutMs);
    QNetworkReply *reply = get(url);
    connect(reply, &QNetworkReply::finished, this, [this, reply] { pageFinished(reply); });
}

void FeedDiscovery::abort()
{
    if (!m_running)
        return;
    dropReplies();
    m_timer.stop();
    m_running = false;
}

QNetworkReply *FeedDiscovery::get(const QUrl &url)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setMaximumRedirectsAllowed(10);
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      QByteArray("Broadsheet/" BROADSHEET_VERSION " (feed discovery)"));
    request.setRawHeader("Accept", "text/html, application/xhtml+xml, application/rss+xml, "
                                   "application/atom+xml, application/feed+json, "
                                   "application/json;q=0.9, */*;q=0.8");
    QNetworkReply *reply = m_network.get(request);
    m_replies.append(reply);
    const auto checkSize = [this, reply](qint64 received, qint64 total) {
        if (received > m_maxBytes || total > m_maxBytes) {
            reply->setProperty(kTooLarge, true);
            reply->abort();
        }
    };
    connect(reply, &QNetworkReply::downloadProgress, this, checkSize);
    return reply;
}

void FeedDiscovery::pageFinished(QNetworkReply *reply)
{
    m_replies.removeOne(reply);
    reply->deleteLater();
    if (reply->property(kTooLarge).toBool()) {
        finish({}, QStringLiteral("The page at %1 is larger than %2 MB; not reading it.")
                       .arg(reply->url().toString())
                       .arg(m_maxBytes / (1024 * 1024)));
        return;
    }
    if (reply->error() != QNetworkReply::NoError) {
        finish({}, describeReplyError(reply));
        return;
    }
    const QByteArray body = reply->readAll();
    const QUrl finalUrl = reply->url();
    const QByteArray contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    QString title;
    const QString type = sniffFeed(body, contentType, &title);
    if (!type.isEmpty()) {
        finish({DiscoveredFeed{finalUrl, title, type}});
        return;
    }
    m_page = Page{body, finalUrl, QString::fromLatin1(contentType)};
    m_pageLists = findPageLists(body, finalUrl, m_page.contentType);
    const QList<DiscoveredFeed> links = feedLinksInPage(body, finalUrl, contentType);
    if (!links.isEmpty()) {
        finish(links);
        return;
    }
    probe(finalUrl);
}

void FeedDiscovery::probe(const QUrl &pageUrl)
{
    // Next to the page first (a blog under /blog/), then at the root of the site.
    QList<QUrl> candidates;
    for (const QString &base : {QStringLiteral("./"), QStringLiteral("/")}) {
        for (const char *path : kWellKnownPaths) {
            QUrl url = pageUrl.resolved(QUrl(base + QLatin1String(path)));
            url.setQuery(QString());
            url.setFragment(QString());
            if (!candidates.contains(url))
                candidates.append(url);
        }
    }
    m_probeResults.resize(candidates.size());
    m_probesPending = int(candidates.size());
    for (int i = 0; i < candidates.size(); ++i) {
        QNetworkReply *reply = get(candidates[i]);
        connect(reply, &QNetworkReply::finished, this,
                [this, reply, i] { probeFinished(reply, i); });
    }
}

void FeedDiscovery::probeFinished(QNetworkReply *reply, int index)
{
    m_replies.removeOne(reply);
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() == QNetworkReply::NoError && status == 200) {
        QString title;
        const QByteArray body = reply->readAll();
        // A probe must look like a feed whatever its Content-Type says: many sites answer
        // every path with their home page.
        const QString type = sniffFeed(body, {}, &title);
        if (!type.isEmpty())
            m_probeResults[index] = DiscoveredFeed{reply->url(), title, type};
    }
    if (--m_probesPending == 0)
        collectProbes(false);
}

void FeedDiscovery::collectProbes(bool timedOut)
{
    if (!m_running)
        return;
    QList<DiscoveredFeed> found;
    QSet<QUrl> seen;
    for (const auto &result : std::as_const(m_probeResults)) {
        if (result && !seen.contains(result->url)) {
            seen.insert(result->url);
            found.append(*result);
        }
    }
    // After a timeout, the probes that answered in time still count.
    if (!found.isEmpty() || !timedOut) {
        finish(found);
        return;
    }
    finish({}, QStringLiteral("Gave up on %1 after %2 seconds.")
                   .arg(m_url.toString())
                   .arg(m_timeoutMs / 1000.0));
}

void FeedDiscovery::finish(const QList<DiscoveredFeed> &feeds, const QString &error)
{
    if (!m_running)
        return;
    dropReplies();
    m_timer.stop();
    m_running = false;
    m_feeds = feeds;
    m_error = error;
    emit finished(m_feeds);
}

void FeedDiscovery::dropReplies()
{
    const QList<QNetworkReply *> replies = std::exchange(m_replies, {});
    for (QNetworkReply *reply : replies) {
        disconnect(reply, nullptr, this, nullptr);
        reply->abort();
        reply->deleteLater();
    }
}

} // namespace bs
