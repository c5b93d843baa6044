#pragma once

#include "model/Feed.h"
#include "net/FetchPolicy.h"
#include "net/FetchResult.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;

namespace bs
{

class Database;
class Fetcher;
class MediaCache;
struct ExtractedArticle;
struct ArticlePage;

// Downloads articles for offline reading on the sync worker's thread: the article's web page
// (fetched, extracted, stored as full text with its metadata and related list, which puts its
// words in the search index) and then its images (lead and inline) into the MediaCache.
// Asynchronous through Fetchers on the caller's QNetworkAccessManager: pages at most 2 per
// host and 4 at once, images 4 per host and 6 at once, each page at most 8 MiB and each image
// at most the media.max_image_mb setting. Failures are recorded per article
// (article_content.extract_error, media_error); the feed's own summary/content stays.
//
// What is fetched: enqueueFeed() decides per article from the feed's full_text_mode: Off
// never, On always, Automatic when the feed gave only a summary (see wantsFullText). An
// article that already has full text is never fetched again; an article whose download failed
// is not retried by later syncs (only new articles are queued).
class ArticleDownloader : public QObject
{
    Q_OBJECT
public:
    struct Report {
        int pagesStored = 0;
        int pageErrors = 0;
        int imagesStored = 0;
        int imageErrors = 0;
        int evicted = 0; // cache entries evicted to keep the budget
    };

    ArticleDownloader(Database &writer, QNetworkAccessManager &network, QString mediaDirectory,
                      const FetchPolicy &base = {}, QObject *parent = nullptr);
    ~ArticleDownloader() override;

    // Automatic mode's rule: the feed carries only a summary when the text it gives for the
    // entry (its content: content:encoded, atom:content, content_html; else its summary) is
    // under kSummaryChars characters once the HTML is turned into plain text. Readability's
    // own threshold for "too short to be an article" is the same 500 characters.
    static constexpr int kSummaryChars = 500;
    static bool wantsFullText(FullTextMode mode, const QString &summaryHtml,
                              const QString &contentHtml);
    // The JSON array [{title, url, snippet}] stored as page_related.
    static QString relatedJson(const ExtractedArticle &page);
    static ArticlePage pageOf(const ExtractedArticle &page);
    // Addresses of the images an extracted article shows: lead image, then each <img src>.
    static QList<QUrl> imagesOf(const QString &leadImage, const QString &contentHtml);

    // Re-reads the media limits from the settings (the next queued image uses them).
    void readSettings();
    // After a feed's merge: queues the pages of these (new) articles that the feed's mode asks
    // for. Returns how many were queued.
    int enqueueFeed(qint64 feedId, const QList<qint64> &articleIds);
    // Queues the images of an article's stored page (already cached URLs are only linked).
    int enqueueMedia(qint64 articleId);
    // Drops everything queued and aborts what runs; nothing is stored for those.
    void cancel();
    bool isIdle() const { return m_jobs.isEmpty(); }
    // What happened since the last idle().
    const Report &report() const { return m_report; }

signals:
    // The article's stored content changed: its page was stored (full text readable), or its
    // images finished downloading (the reader can show them from the cache).
    void articleContentChanged(qint64 articleId);
    // The queue ran empty (after at least one job); the cache budget has been enforced.
    void idle(const bs::ArticleDownloader::Report &report);

private:
    struct Job {
        enum Kind { Page, Image } kind = Page;
        qint64 articleId = 0;
        QUrl url;
    };

    void enqueuePage(qint64 articleId, const QUrl &url);
    void enqueueImage(qint64 articleId, const QUrl &url);
    void pageDone(const FetchResult &result);
    void imageDone(const FetchResult &result);
    void imageFinishedFor(qint64 articleId);
    void finishIfIdle();
    void makeImageFetcher();

    Database &m_db;
    QNetworkAccessManager &m_network;
    QString m_mediaDir;
    FetchPolicy m_base;
    std::unique_ptr<MediaCache> m_cache;
    std::unique_ptr<Fetcher> m_pages;
    std::unique_ptr<Fetcher> m_images;
    qint64 m_maxImageBytes = 0;
    qint64 m_budgetBytes = 0;
    int m_nextTag = 1;
    QHash<int, Job> m_jobs;
    QHash<qint64, int> m_imagesPending;     // article -> images in flight
    QHash<qint64, QStringList> m_imageErrs; // article -> refused images
    QHash<qint64, int> m_imagesStored;      // article -> images stored
    Report m_report;
};

} // namespace bs

Q_DECLARE_METATYPE(bs::ArticleDownloader::Report)
