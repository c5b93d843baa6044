#include "offline/PageSaver.h"

#include "html/Extractor.h"
#include "net/Fetcher.h"
#include "offline/ArticleDownloader.h"
#include "store/ArticleStore.h"
#include "store/Database.h"
#include "store/FeedStore.h"
#include "store/StatusStore.h"

#include <QTimer>

namespace bs
{

namespace
{

SavedPage failure(const QString &error)
{
    SavedPage page;
    page.error = error;
    return page;
}

} // namespace

QUrl savablePageAddress(const QString &text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return {};
    return url;
}

SavedPage storeSavedPage(Database &writer, const QUrl &requested, const FetchResult &fetched)
{
    const QString text = requested.toString();
    if (fetched.outcome != FetchResult::Fetched)
        return failure(QStringLiteral("Could not fetch %1: %2")
                           .arg(text, fetched.error.isEmpty()
                                          ? QStringLiteral("HTTP %1.").arg(fetched.httpStatus)
                                          : fetched.error));
    const QString type = fetched.contentType.section(QLatin1Char(';'), 0, 0).trimmed().toLower();
    if (type != QLatin1String("text/html") && type != QLatin1String("application/xhtml+xml"))
        return failure(QStringLiteral("%1 is not a web page (Content-Type %2).")
                           .arg(text, type.isEmpty() ? QStringLiteral("missing") : type));
    const QUrl finalUrl = fetched.finalUrl.isValid() ? fetched.finalUrl : requested;
    const ExtractedArticle page = extractArticle(fetched.body, finalUrl, fetched.contentType);
    if (!page.ok() || page.text.trimmed().isEmpty())
        return failure(
            QStringLiteral("No article found at %1%2")
                .arg(text, page.ok() ? QStringLiteral(".") : QStringLiteral(": ") + page.error));

    const std::optional<qint64> feedId = FeedStore(writer).savedPagesFeedId();
    if (!feedId)
        return failure(writer.lastError());
    Article article;
    article.feedId = *feedId;
    article.guid =
        requested.toString(QUrl::FullyEncoded); // the address saved: saving it again updates
    article.url = finalUrl;
    article.title = page.title.isEmpty() ? finalUrl.toString() : page.title;
    article.author = page.byline;
    article.published = page.published;
    article.summary = page.excerpt.toHtmlEscaped();
    article.fullText = page.contentHtml;
    article.language = page.lang;
    ArticleStore articles(writer);
    const ArticleStore::SaveResult stored = articles.save(article);
    if (stored.outcome == ArticleStore::SaveOutcome::Failed)
        return failure(QStringLiteral("Could not store the page: %1").arg(writer.lastError()));
    if (!articles.savePage(stored.id, ArticleDownloader::pageOf(page)) ||
        StatusStore(writer).setStarred({stored.id}, true) < 0)
        return failure(QStringLiteral("Could not store the page: %1").arg(writer.lastError()));
    SavedPage result;
    result.id = stored.id;
    result.inserted = stored.outcome == ArticleStore::SaveOutcome::Inserted;
    result.title = article.title;
    result.url = finalUrl;
    return result;
}

PageSaver::PageSaver(Database &writer, QNetworkAccessManager &network,
                     ArticleDownloader *downloader, QObject *parent)
    : QObject(parent), m_db(writer), m_downloader(downloader),
      m_fetcher(std::make_unique<Fetcher>(network))
{
    connect(m_fetcher.get(), &Fetcher::finished, this, &PageSaver::fetched);
}

PageSaver::~PageSaver() = default;

int PageSaver::save(const QUrl &url)
{
    const int tag = m_nextTag++;
    const QUrl address = savablePageAddress(url.toString());
    if (!address.isValid()) {
        const SavedPage refused = failure(
            QStringLiteral("'%1' is not a web address (http:// or https://).").arg(url.toString()));
        QTimer::singleShot(0, this, [this, tag, url, refused] { emit saved(tag, url, refused); });
        return tag;
    }
    m_requests.insert(tag, address);
    FetchRequest request;
    request.url = address;
    request.feedId = tag;
    m_fetcher->enqueue(request);
    return tag;
}

void PageSaver::cancel()
{
    m_fetcher->cancelAll();
    m_requests.clear();
}

void PageSaver::fetched(const FetchResult &result)
{
    const int tag = result.feedId;
    const QUrl requested = m_requests.take(tag);
    if (!requested.isValid())
        return;
    const SavedPage page = storeSavedPage(m_db, requested, result);
    if (page.id > 0 && m_downloader)
        m_downloader->enqueueMedia(page.id);
    emit saved(tag, requested, page);
}

} // namespace bs
