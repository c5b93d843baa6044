// ArticleStore: the offline copy of an article's page (full-article download, saved pages).

#include "html/HtmlText.h"
#include "store/ArticleStore.h"
#include "store/Database.h"
#include "store/SqlQuery.h"

namespace bs
{

bool ArticleStore::savePage(qint64 articleId, const ArticlePage &page)
{
    if (!m_db.requireWriter())
        return false;
    Transaction tx(m_db);
    if (!tx.isActive())
        return false;
    SqlQuery row(m_db);
    row.prepare(QStringLiteral(
        "SELECT a.title, a.author, c.feed_title, c.summary FROM articles a JOIN article_content c "
        "ON c.article_id = a.id WHERE a.id = ?"));
    row.bind(articleId);
    if (!row.exec() || !row.next()) {
        m_db.setLastError(QStringLiteral("Article %1 has no stored content.").arg(articleId));
        return false;
    }
    Article a;
    a.title = row.value(0).toString();
    a.author = row.value(1).toString();
    const QString feedTitle = row.value(2).toString();
    const QString summary = row.value(3).toString();
    row.finish();

    // The page's date and byline where the article has none (page feeds' lists often show
    // neither): the list then sorts by the date the story was published.
    if (page.published.isValid()) {
        SqlQuery date(m_db);
        date.prepare(QStringLiteral("UPDATE articles SET published = ?, sort_time = ? WHERE id = "
                                    "? AND published IS NULL"));
        date.bind(page.published).bind(page.published).bind(articleId);
        if (!date.exec())
            return false;
    }
    if (!page.byline.isEmpty() && a.author.isEmpty()) {
        SqlQuery author(m_db);
        author.prepare(QStringLiteral("UPDATE articles SET author = ? WHERE id = ?"));
        author.bind(page.byline.left(200)).bind(articleId);
        if (!author.exec())
            return false;
        a.author = page.byline.left(200);
    }

    // The same rule as a save: with a body present, the summary is indexed apart.
    const QString text = htmlToPlainText(page.fullText);
    const QString summaryText = summary.isEmpty() ? QString() : htmlToPlainText(summary);
    prepareStatements();
    if (!removeFromIndex(articleId))
        return false;
    SqlQuery update(m_db);
    update.prepare(QStringLiteral(
        "UPDATE article_content SET full_text = ?, text = ?, summary_text = ?, lead_image = ?, "
        "lang = ?, dir = ?, page_related = ?, extracted_at = ?, extract_error = '' "
        "WHERE article_id = ?"));
    update.bind(page.fullText)
        .bind(text)
        .bind(summaryText)
        .bind(page.leadImage)
        .bind(page.lang)
        .bind(page.dir)
        .bind(page.relatedJson.isEmpty() ? QStringLiteral("[]") : page.relatedJson)
        .bind(page.extractedAt.isValid() ? page.extractedAt : QDateTime::currentDateTimeUtc())
        .bind(articleId);
    return update.exec() && addToIndex(articleId, a, feedTitle, summaryText, text) && tx.commit();
}

bool ArticleStore::savePageError(qint64 articleId, const QString &error, const QDateTime &when)
{
    if (!m_db.requireWriter())
        return false;
    SqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE article_content SET extract_error = ?, extracted_at = ? "
                             "WHERE article_id = ?"));
    q.bind(error.isEmpty() ? QStringLiteral("failed") : error).bind(when).bind(articleId);
    return q.exec();
}

bool ArticleStore::saveMediaError(qint64 articleId, const QString &error)
{
    if (!m_db.requireWriter())
        return false;
    SqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE article_content SET media_error = ? WHERE article_id = ?"));
    q.bind(error).bind(articleId);
    return q.exec();
}

std::optional<ArticlePage> ArticleStore::page(qint64 articleId)
{
    SqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT full_text, lead_image, lang, dir, page_related, "
                             "extracted_at, extract_error, media_error FROM article_content "
                             "WHERE article_id = ?"));
    q.bind(articleId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    ArticlePage p;
    p.fullText = q.value(0).toString();
    p.leadImage = q.value(1).toString();
    p.lang = q.value(2).toString();
    p.dir = q.value(3).toString();
    p.relatedJson = q.value(4).toString();
    p.extractedAt = q.dateValue(5);
    p.extractError = q.value(6).toString();
    p.mediaError = q.value(7).toString();
    return p;
}

} // namespace bs
