// SyncService: page feeds. The page the last discovery fetched is kept on the worker, so that
// previews of a list's selector read it without fetching it again; a page that is not kept is
// fetched on the worker's network stack (redirects followed, size-capped like discovery).

#include "pages/PageLists.h"
#include "sync/SyncService.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>

#include <utility>

namespace bs
{

namespace
{

// A kept page serves previews for this long; after that it is fetched again.
constexpr qint64 kKeepSecs = 10 * 60;
constexpr int kTimeoutMs = 30000;
constexpr int kMaxRedirects = 10;
const char kTooLarge[] = "bs_tooLarge";

PageListsResult failure(const QString &error)
{
    PageListsResult result;
    result.error = error;
    return result;
}

QString describeFailure(QNetworkReply *reply, const QUrl &url)
{
    if (reply->property(kTooLarge).toBool())
        return QStringLiteral("The page at %1 is larger than %2 MB; not reading it.")
            .arg(url.toString())
            .arg(FeedDiscovery::kDefaultMaxBytes / (1024 * 1024));
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status < 400 && reply->error() == QNetworkReply::OperationCanceledError)
        return QStringLiteral("Gave up on %1 after %2 seconds.")
            .arg(url.toString())
            .arg(kTimeoutMs / 1000);
    return FeedDiscovery::describeReplyError(reply);
}

} // namespace

// Worker-thread only: the kept page, and the page fetches under way with the previews that
// wait for each (one fetch per address at a time).
class PageCache : public QObject
{
public:
    using Answer = std::function<void(const PageListsResult &)>;

    explicit PageCache(QObject *parent) : QObject(parent) {}
    ~PageCache() override
    {
        for (const Fetch &fetch : std::as_const(m_fetches)) {
            if (QNetworkReply *reply = fetch.reply) {
                disconnect(reply, nullptr, this, nullptr);
                reply->abort();
                reply->deleteLater();
            }
        }
    }

    void keep(const QUrl &asked, const FeedDiscovery::Page &page)
    {
        m_asked = asked;
        m_page = page;
        m_keptAt = QDateTime::currentSecsSinceEpoch();
    }

    void preview(QNetworkAccessManager &network, const QUrl &url, const QString &selector,
                 Answer answer)
    {
        if (const QString bad = pageSelectorError(selector); !bad.isEmpty()) {
            answer(failure(bad));
            return;
        }
        const bool fresh = QDateTime::currentSecsSinceEpoch() - m_keptAt < kKeepSecs;
        if (fresh && m_page.url.isValid() && (url == m_asked || url == m_page.url)) {
            answer(readPageList(m_page.bytes, m_page.url, selector, m_page.contentType));
            return;
        }
        for (Fetch &fetch : m_fetches) {
            if (fetch.url == url) {
                fetch.waiting.append({selector, std::move(answer)});
                return;
            }
        }
        const QString scheme = url.scheme().toLower();
        if (!url.isValid() || url.host().isEmpty() ||
            (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
            answer(failure(QStringLiteral("'%1' is not a web address (expected http or https).")
                               .arg(url.toString())));
            return;
        }
        QNetworkReply *reply = get(network, url);
        m_fetches.append(Fetch{url, reply, {{selector, std::move(answer)}}});
        connect(reply, &QNetworkReply::finished, this, [this, reply] { fetched(reply); });
    }

private:
    struct Waiting {
        QString selector;
        Answer answer;
    };
    struct Fetch {
        QUrl url;
        QPointer<QNetworkReply> reply;
        QList<Waiting> waiting;
    };

    QNetworkReply *get(QNetworkAccessManager &network, const QUrl &url)
    {
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                             QNetworkRequest::NoLessSafeRedirectPolicy);
        request.setMaximumRedirectsAllowed(kMaxRedirects);
        request.setTransferTimeout(kTimeoutMs);
        request.setHeader(QNetworkRequest::UserAgentHeader,
                          QByteArray("Broadsheet/" BROADSHEET_VERSION " (page feed)"));
        request.setRawHeader("Accept", "text/html, application/xhtml+xml, */*;q=0.8");
        QNetworkReply *reply = network.get(request);
        connect(reply, &QNetworkReply::downloadProgress, this,
                [reply](qint64 received, qint64 total) {
                    if (received > FeedDiscovery::kDefaultMaxBytes ||
                        total > FeedDiscovery::kDefaultMaxBytes) {
                        reply->setProperty(kTooLarge, true);
                        reply->abort();
                    }
                });
        return reply;
    }

    void fetched(QNetworkReply *reply)
    {
        reply->deleteLater();
        Fetch fetch;
        for (qsizetype i = 0; i < m_fetches.size(); ++i) {
            if (m_fetches[i].reply == reply) {
                fetch = m_fetches.takeAt(i);
                break;
            }
        }
        if (reply->error() != QNetworkReply::NoError || reply->property(kTooLarge).toBool()) {
            const PageListsResult result = failure(describeFailure(reply, fetch.url));
            for (const Waiting &waiting : std::as_const(fetch.waiting))
                waiting.answer(result);
            return;
        }
        keep(fetch.url,
             FeedDiscovery::Page{reply->readAll(), reply->url(),
                                 reply->header(QNetworkRequest::ContentTypeHeader).toString()});
        for (const Waiting &waiting : std::as_const(fetch.waiting))
            waiting.answer(
                readPageList(m_page.bytes, m_page.url, waiting.selector, m_page.contentType));
    }

    QUrl m_asked;
    FeedDiscovery::Page m_page;
    qint64 m_keptAt = 0;
    QList<Fetch> m_fetches;
};

void SyncService::keepDiscoveredPage(SyncEngine *engine, const QUrl &asked,
                                     const FeedDiscovery::Page &page)
{
    if (!page.url.isValid())
        return; // no page this time: the one kept before stays
    if (!m_pageCache)
        m_pageCache = new PageCache(engine);
    m_pageCache->keep(asked, page);
}

void SyncService::dropPageCache()
{
    // Its fetches use the engine's network stack: it goes before the engine.
    delete std::exchange(m_pageCache, nullptr);
}

void SyncService::previewSelector(const QUrl &url, const QString &selector)
{
    post([this, url, selector](SyncEngine *engine) {
        const auto answer = [this, url, selector](const PageListsResult &result) {
            reply([this, url, selector, result] { emit selectorPreview(url, selector, result); });
        };
        engine->writer(); // opens the engine's network stack when it is not yet
        QNetworkAccessManager *network = engine->network();
        if (!network) {
            answer(failure(QStringLiteral("The sync worker's network is not available.")));
            return;
        }
        if (!m_pageCache)
            m_pageCache = new PageCache(engine);
        m_pageCache->preview(*network, url, selector.trimmed(), answer);
    });
}

} // namespace bs
