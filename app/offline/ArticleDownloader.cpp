#include "offline/ArticleDownloader.h"

#include "html/Extractor.h"
#include "html/HtmlText.h"
#include "net/Fetcher.h"
#include "offline/MediaCache.h"
#include "store/ArticleStore.h"
#include "store/Database.h"
#include "store/FeedStore.h"
#include "store/SqlQuery.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTimer>

namespace bs
{

namespace
{

constexpr qint64 kMaxPageBytes = 8LL * 1024 * 1024;
constexpr int kMaxImagesPerArticle = 40;
constexpr int kMaxMediaErrorLines = 20;

bool isWeb(const QUrl &url)
{
    return url.isValid() && !url.host().isEmpty() &&
           (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"));
}

// text/html, application/xhtml+xml, or nothing said and the bytes look like markup.
bool isHtml(const QString &contentType, const QByteArray &body)
{
    const QString type = contentType.section(QLatin1Char(';'), 0, 0).trimmed().toLower();
    if (type == QLatin1String("text/html") || type == QLatin1String("application/xhtml+xml"))
        return true;
    if (!type.isEmpty())
        return false;
    const QByteArray head = body.left(512).trimmed();
    return head.startsWith('<') || head.startsWith("\xef\xbb\xbf<");
}

QString failureOf(const FetchResult &r)
{
    if (!r.error.isEmpty())
        return r.error;
    if (r.outcome == FetchResult::Gone)
        return QStringLiteral("The page is gone (HTTP 410).");
    return QStringLiteral("The page could not be fetched (HTTP %1).").arg(r.httpStatus);
}

} // namespace

ArticleDownloader::ArticleDownloader(Database &writer, QNetworkAccessManager &network,
                                     QString mediaDirectory, const FetchPolicy &base,
                                     QObject *parent)
    : QObject(parent), m_db(writer), m_network(network), m_mediaDir(std::move(mediaDirectory)),
      m_base(base), m_cache(std::make_unique<MediaCache>(writer, m_mediaDir))
{
    qRegisterMetaType<bs::ArticleDownloader::Report>();
    FetchPolicy pages = m_base;
    pages.maxBodyBytes = std::min(m_base.maxBodyBytes, kMaxPageBytes);
    pages.perHostConcurrency = 2;
    pages.globalConcurrency = 4;
    pages.retries = std::min(m_base.retries, 1);
    m_pages = std::make_unique<Fetcher>(m_network, pages);
    connect(m_pages.get(), &Fetcher::finished, this, &ArticleDownloader::pageDone);
    readSettings();
}

ArticleDownloader::~ArticleDownloader() = default;

bool ArticleDownloader::wantsFullText(FullTextMode mode, const QString &summaryHtml,
                                      const QString &contentHtml)
{
    switch (mode) {
    case FullTextMode::Off:
        return false;
    case FullTextMode::On:
        return true;
    case FullTextMode::Automatic:
        break;
    }
    const QString &body = contentHtml.isEmpty() ? summaryHtml : contentHtml;
    return htmlToPlainText(body).trimmed().size() < kSummaryChars;
}

QString ArticleDownloader::relatedJson(const ExtractedArticle &page)
{
    QJsonArray array;
    for (const RelatedLink &r : page.related)
        array.append(QJsonObject{{QStringLiteral("title"), r.title},
                                 {QStringLiteral("url"), r.url.toString()},
                                 {QStringLiteral("snippet"), r.snippet}});
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

ArticlePage ArticleDownloader::pageOf(const ExtractedArticle &page)
{
    ArticlePage p;
    p.fullText = page.contentHtml;
    p.leadImage = page.leadImage.toString();
    p.lang = page.lang;
    p.dir = page.dir;
    p.relatedJson = relatedJson(page);
    p.published = page.published;
    p.byline = page.byline;
    p.extractedAt = QDateTime::currentDateTimeUtc();
    return p;
}

QList<QUrl> ArticleDownloader::imagesOf(const QString &leadImage, const QString &contentHtml)
{
    // The sanitizer writes attributes double-quoted with & as &amp;.
    static const QRegularExpression img(QStringLiteral("<img\\b[^>]*?\\ssrc=\"([^\"]*)\""),
                                        QRegularExpression::CaseInsensitiveOption);
    QList<QUrl> out;
    auto add = [&out](const QString &text) {
        QString t = text.trimmed();
        t.replace(QLatin1String("&amp;"), QLatin1String("&"));
        const QUrl url(t);
        if (isWeb(url) && !out.contains(url) && out.size() < kMaxImagesPerArticle)
            out.append(url);
    };
    if (!leadImage.isEmpty())
        add(leadImage);
    for (auto it = img.globalMatch(contentHtml); it.hasNext();)
        add(it.next().captured(1));
    return out;
}

void ArticleDownloader::readSettings()
{
    const MediaCache::Limits limits = MediaCache::limits(m_db);
    m_budgetBytes = limits.budgetBytes;
    if (limits.maxImageBytes != m_maxImageBytes || !m_images) {
        m_maxImageBytes = limits.maxImageBytes;
        bool imagesRunning = false;
        for (const Job &job : std::as_const(m_jobs))
            imagesRunning = imagesRunning || job.kind == Job::Image;
        if (!imagesRunning)
            makeImageFetcher();
    }
}

void ArticleDownloader::makeImageFetcher()
{
    FetchPolicy images = m_base;
    images.maxBodyBytes = m_maxImageBytes; // a bigger body fails as too large, unread

    images.perHostConcurrency = 4;
    images.globalConcurrency = 6;
    images.retries = std::min(m_base.retries, 1);
    m_images = std::make_unique<Fetcher>(m_network, images);
    connect(m_images.get(), &Fetcher::finished, this, &ArticleDownloader::imageDone);
}

int ArticleDownloader::enqueueFeed(qint64 feedId, const QList<qint64> &articleIds)
{
    if (articleIds.isEmpty())
        return 0;
    const std::optional<Feed> feed = FeedStore(m_db).feed(feedId);
    if (!feed || feed->fullText == FullTextMode::Off || FeedStore::isBuiltIn(*feed))
        return 0;
    SqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "SELECT a.url, c.summary, c.content, c.full_text FROM articles a JOIN article_content c "
        "ON c.article_id = a.id WHERE a.id = ?"));
    int queued = 0;
    for (qint64 id : articleIds) {
        q.bind(id);
        if (!q.exec() || !q.next())
            continue;
        const QUrl url(q.value(0).toString());
        const bool hasPage = !q.value(3).toString().isEmpty();
        const bool wanted =
            !hasPage && isWeb(url) &&
            wantsFullText(feed->fullText, q.value(1).toString(), q.value(2).toString());
        q.finish();
        if (!wanted)
            continue;
        enqueuePage(id, url);
        ++queued;
    }
    return queued;
}

void ArticleDownloader::enqueuePage(qint64 articleId, const QUrl &url)
{
    const int tag = m_nextTag++;
    m_jobs.insert(tag, Job{Job::Page, articleId, url});
    FetchRequest request;
    request.url = url;
    request.feedId = tag;
    m_pages->enqueue(request);
}

int ArticleDownloader::enqueueMedia(qint64 articleId)
{
    const std::optional<ArticlePage> page = ArticleStore(m_db).page(articleId);
    if (!page)
        return 0;
    int queued = 0;
    for (const QUrl &url : imagesOf(page->leadImage, page->fullText)) {
        if (m_cache->linkExisting(articleId, url))
            continue; // cached for another article (or an earlier save): linked, not fetched
        enqueueImage(articleId, url);
        ++queued;
    }
    return queued;
}

void ArticleDownloader::enqueueImage(qint64 articleId, const QUrl &url)
{
    if (!m_images)
        makeImageFetcher();
    const int tag = m_nextTag++;
    m_jobs.insert(tag, Job{Job::Image, articleId, url});
    ++m_imagesPending[articleId];
    FetchRequest request;
    request.url = url;
    request.feedId = tag;
    m_images->enqueue(request);
}

void ArticleDownloader::pageDone(const FetchResult &result)
{
    const auto it = m_jobs.constFind(result.feedId);
    if (it == m_jobs.constEnd() || it->kind != Job::Page)
        return;
    const Job job = *it;
    m_jobs.erase(it);
    ArticleStore articles(m_db);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QString error;
    if (result.outcome != FetchResult::Fetched) {
        error = failureOf(result);
    } else if (!isHtml(result.contentType, result.body)) {
        error = QStringLiteral("Not a web page (Content-Type %1).").arg(result.contentType);
    } else {
        const QUrl base = result.finalUrl.isValid() ? result.finalUrl : job.url;
        const ExtractedArticle extracted = extractArticle(result.body, base, result.contentType);
        if (!extracted.ok())
            error = extracted.error;
        else if (extracted.text.trimmed().isEmpty())
            error = QStringLiteral("No article text found on the page.");
        else if (articles.savePage(job.articleId, pageOf(extracted))) {
            ++m_report.pagesStored;
            emit articleContentChanged(job.articleId);
            enqueueMedia(job.articleId);
        } else {
            error = m_db.lastError();
        }
    }
    if (!error.isEmpty()) {
        ++m_report.pageErrors;
        articles.savePageError(job.articleId, error, now);
    }
    finishIfIdle();
}

void ArticleDownloader::imageDone(const FetchResult &result)
{
    const auto it = m_jobs.constFind(result.feedId);
    if (it == m_jobs.constEnd() || it->kind != Job::Image)
        return;
    const Job job = *it;
    m_jobs.erase(it);
    QString error;
    if (result.outcome != FetchResult::Fetched) {
        error = failureOf(result);
    } else if (m_cache->store(job.articleId, job.url, result.body, result.contentType,
                              m_maxImageBytes, &error)) {
        ++m_report.imagesStored;
        ++m_imagesStored[job.articleId];
    }
    if (!error.isEmpty()) {
        ++m_report.imageErrors;
        QStringList &errors = m_imageErrs[job.articleId];
        if (errors.size() < kMaxMediaErrorLines)
            errors.append(job.url.toString() + QStringLiteral(": ") + error);
    }
    imageFinishedFor(job.articleId);
    finishIfIdle();
}

void ArticleDownloader::imageFinishedFor(qint64 articleId)
{
    if (--m_imagesPending[articleId] > 0)
        return;
    m_imagesPending.remove(articleId);
    const QStringList errors = m_imageErrs.take(articleId);
    if (!errors.isEmpty())
        ArticleStore(m_db).saveMediaError(articleId, errors.join(QLatin1Char('\n')));
    if (m_imagesStored.take(articleId) > 0)
        emit articleContentChanged(articleId);
}

void ArticleDownloader::finishIfIdle()
{
    if (!m_jobs.isEmpty())
        return;
    m_report.evicted = m_cache->enforceBudget(m_budgetBytes).entries;
    const Report done = std::exchange(m_report, Report{});
    emit idle(done);
}

void ArticleDownloader::cancel()
{
    if (m_jobs.isEmpty())
        return;
    m_pages->cancelAll();
    if (m_images)
        m_images->cancelAll();
    m_jobs.clear();
    m_imagesPending.clear();
    m_imageErrs.clear();
    m_imagesStored.clear();
    const Report done = std::exchange(m_report, Report{});
    emit idle(done);
}

} // namespace bs
