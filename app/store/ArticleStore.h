#pragma once

#include "model/Article.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace bs
{

class Database;
class SqlQuery;

// Which articles a listing shows, and where a page starts. The conditions combine (AND).
struct ArticleQuery {
    qint64 feedId = 0;   // 0: every feed
    qint64 folderId = 0; // 0: any; else the feeds of this folder and of every folder below it
    qint64 labelId = 0;  // 0: any; else the articles carrying this label
    std::optional<qint64> since; // sort time at or after this (seconds since the epoch, UTC)
    bool savedPages = false;     // only the built-in "Saved pages" feed
    bool unreadOnly = false;
    bool starredOnly = false;
    bool oldestFirst = false; // order by (sort time, id) ascending instead of descending
    int limit = 200;
    // Keyset paging: the (sortTime, id) of the last row of the previous page, in the order
    // asked for.
    std::optional<std::pair<qint64, qint64>> after;
};

// What the full-article download read from an article's web page (the offline copy).
struct ArticlePage {
    QString fullText; // sanitized HTML of the article body
    QString leadImage;
    QString lang;
    QString dir;
    QString relatedJson = QStringLiteral("[]"); // [{title, url, snippet}]: the page's own list
    // What the page says of the article; each fills the article's own only where it has none
    // (a page feed's list may show no date or author).
    QDateTime published;
    QString byline;
    QDateTime extractedAt;
    QString extractError; // why the last download failed; empty when it worked
    QString mediaError;   // images that were refused, one "URL: reason" a line
};

struct ArticlePageRow {
    ArticleSummary summary;
    qint64 sortTime = 0;
};

// Article content and identity, and the search index kept in step with it.
// Writes need the writer connection; batch them with saveAll (one transaction).
class ArticleStore
{
public:
    enum class SaveOutcome { Inserted, Updated, Unchanged, Failed };
    struct SaveResult {
        qint64 id = 0;
        SaveOutcome outcome = SaveOutcome::Failed;
    };

    explicit ArticleStore(Database &db);
    ~ArticleStore();

    // Inserts the article, or updates it when (feedId, guid) exists and its content changed.
    // Status (read, starred) is never touched by an update.
    SaveResult save(const Article &article);
    // Saves every article in one transaction; all or nothing.
    bool saveAll(const QList<Article> &articles, QList<SaveResult> *results = nullptr);
    // The same inside a transaction the caller holds (a feed merge writes more than articles).
    bool saveInTransaction(const QList<Article> &articles, QList<SaveResult> *results = nullptr);

    // Drops the article's content and its search entry; identity and status stay.
    bool purgeContent(qint64 articleId);
    // Deletes the article entirely (search entry, content, status, enclosures, labels) inside
    // a transaction the caller holds. Retention uses it.
    bool removeInTransaction(qint64 articleId);

    // The downloaded page of an article: full text (the index then reads its plain text instead
    // of the feed's body) and metadata, in one transaction. False when the article is gone.
    bool savePage(qint64 articleId, const ArticlePage &page);
    // A failed download: the reason and the time; the feed's own content stays as it is.
    bool savePageError(qint64 articleId, const QString &error, const QDateTime &when);
    bool saveMediaError(qint64 articleId, const QString &error);
    // What savePage/savePageError stored; nullopt when the article has no content row.
    std::optional<ArticlePage> page(qint64 articleId);

    std::optional<Article> article(qint64 articleId);
    // Publication times of the feed's newest articles (for its posting rate), newest first.
    QList<QDateTime> recentPublished(qint64 feedId, int limit);
    // The addresses of a feed's newest articles (a page feed finds its list again by them).
    QList<QUrl> recentUrls(qint64 feedId, int limit);
    QList<ArticlePageRow> list(const ArticleQuery &query);
    qint64 count(const ArticleQuery &query);
    // The listing rows of these articles (at most a few thousand ids), in the order given;
    // ids that do not exist are left out.
    QList<ArticlePageRow> rows(const QList<qint64> &articleIds);
    // The highest article id stored (0 when there is none): an article stored later has a
    // higher one.
    qint64 maxArticleId();

    static QByteArray contentHash(const Article &article);
    // The guid an article is stored under: its guid, else its link, else its content hash.
    static QString identity(const Article &article);

private:
    struct Statements;
    SaveResult saveOne(const Article &article);
    void prepareStatements();
    bool removeFromIndex(qint64 articleId);
    bool addToIndex(qint64 articleId, const Article &article, const QString &feedTitle,
                    const QString &summary, const QString &text);
    bool saveEnclosures(qint64 articleId, const Article &article);

    Database &m_db;
    std::unique_ptr<Statements> m_st;
};

} // namespace bs
