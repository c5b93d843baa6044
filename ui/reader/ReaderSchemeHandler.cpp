#include "ReaderSchemeHandler.h"

#include "store/ArticleStore.h"
#include "store/Database.h"
#include "store/FeedStore.h"

#include <QBuffer>
#include <QFile>
#include <QWebEngineUrlRequestJob>

namespace bs
{

ReaderSchemeHandler::ReaderSchemeHandler(Database &reader, const ReaderOptions &options,
                                         QObject *parent)
    : QWebEngineUrlSchemeHandler(parent), m_reader(reader), m_options(options)
{
}

void ReaderSchemeHandler::requestStarted(QWebEngineUrlRequestJob *job)
{
    if (job->requestMethod() != QByteArrayLiteral("GET")) {
        job->fail(QWebEngineUrlRequestJob::RequestDenied);
        return;
    }
    const QUrl url = job->requestUrl();
    if (const qint64 id = readerArticleId(url)) {
        serveArticle(job, id);
        return;
    }
    if (url == readerBlankUrl()) {
        auto *buffer = new QBuffer(job);
        buffer->setData(readerBlankDocument(m_options));
        buffer->open(QIODevice::ReadOnly);
        job->reply(QByteArrayLiteral("text/html;charset=utf-8"), buffer);
        return;
    }
    const QUrl original = readerMediaOriginal(url);
    if (original.isValid()) {
        serveMedia(job, original);
        return;
    }
    job->fail(QWebEngineUrlRequestJob::UrlNotFound);
}

void ReaderSchemeHandler::serveArticle(QWebEngineUrlRequestJob *job, qint64 id)
{
    const auto article = ArticleStore(m_reader).article(id);
    if (!article) {
        job->fail(QWebEngineUrlRequestJob::UrlNotFound);
        return;
    }
    const auto feed = FeedStore(m_reader).feed(article->feedId);
    const QString feedTitle =
        feed ? (feed->title.isEmpty() ? feed->url.host() : feed->title) : QString();
    auto isCached = [this](const QUrl &url) { return m_resolver && m_resolver(url).has_value(); };
    auto *buffer = new QBuffer(job);
    buffer->setData(readerDocument(*article, feedTitle, m_options, isCached));
    buffer->open(QIODevice::ReadOnly);
    job->reply(QByteArrayLiteral("text/html;charset=utf-8"), buffer);
}

void ReaderSchemeHandler::serveMedia(QWebEngineUrlRequestJob *job, const QUrl &original)
{
    const std::optional<ReaderMedia> media = m_resolver ? m_resolver(original) : std::nullopt;
    const QString type = media ? media->mimeType.toLower() : QString();
    const bool servable = type.startsWith(QLatin1String("image/")) ||
                          type.startsWith(QLatin1String("audio/")) ||
                          type.startsWith(QLatin1String("video/"));
    if (!media || !servable) {
        ++m_mediaMissing;
        job->fail(QWebEngineUrlRequestJob::UrlNotFound);
        return;
    }
    QIODevice *device = nullptr;
    if (!media->data.isEmpty()) {
        auto *buffer = new QBuffer(job);
        buffer->setData(media->data);
        device = buffer;
    } else {
        device = new QFile(media->filePath, job);
    }
    if (!device->open(QIODevice::ReadOnly)) {
        ++m_mediaMissing;
        job->fail(QWebEngineUrlRequestJob::UrlNotFound);
        return;
    }
    ++m_mediaServed;
    job->reply(type.toLatin1(), device);
}

} // namespace bs
