#include "store/ArticleStore.h"

#include "html/HtmlText.h"
#include "store/Database.h"
#include "store/FeedStore.h"
#include "store/SqlQuery.h"

#include <QCryptographicHash>
#include <QHash>

namespace bs
{

// Statements prepared once per store and reused across a batch.
struct ArticleStore::Statements {
    explicit Statements(Database &db)
        : find(db), insertArticle(db), insertContent(db), insertStatus(db), updateArticle(db),
          replaceContent(db), indexInsert(db), indexDelete(db), insertEnclosure(db),
          deleteEnclosures(db), feedTitle(db), storedFullText(db)
    {
        find.prepare(
            QStringLiteral("SELECT id, content_hash FROM articles WHERE feed_id = ? AND guid = ?"));
        // New articles are the common case: insert first, look up only on conflict.
        insertArticle.prepare(QStringLiteral(
            "INSERT INTO articles(feed_id, guid, url, title, author, published, updated, "
            "sort_time, language, content_hash, fetched_at) VALUES (?,?,?,?,?,?,?,?,?,?,?) "
            "ON CONFLICT (feed_id, guid) DO NOTHING"));
        insertContent.prepare(
            QStringLiteral("INSERT INTO article_content(article_id, summary, content, full_text, "
                           "text, summary_text, feed_title) VALUES (?,?,?,?,?,?,?)"));
        insertStatus.prepare(
            QStringLiteral("INSERT OR IGNORE INTO article_status(article_id) VALUES (?)"));
        updateArticle.prepare(QStringLiteral(
            "UPDATE articles SET url = ?, title = ?, author = ?, published = ?, updated = ?, "
            "sort_time = ?, language = ?, content_hash = ?, fetched_at = ? WHERE id = ?"));
        // An upsert, so what the full-article download added (metadata columns) stays.
        replaceContent.prepare(QStringLiteral(
            "INSERT INTO article_content(article_id, summary, content, full_text, "
            "text, summary_text, feed_title) VALUES (?,?,?,?,?,?,?) ON CONFLICT (article_id) DO "
            "UPDATE SET summary = excluded.summary, content = excluded.content, full_text = "
            "excluded.full_text, text = excluded.text, summary_text = excluded.summary_text, "
            "feed_title = excluded.feed_title"));
        storedFullText.prepare(
            QStringLiteral("SELECT full_text FROM article_content WHERE article_id = ?"));
        // The index reads what article_search_source shows; a removal must name exactly the
        // values that were added, so both go through the same stored columns.
        indexInsert.prepare(QStringLiteral("INSERT INTO article_fts(rowid, title, author, feed, "
                                           "summary, text) VALUES (?,?,?,?,?,?)"));
        indexDelete.prepare(QStringLiteral(
            "INSERT INTO article_fts(article_fts, rowid, title, author, feed, summary, text) "
            "SELECT 'delete', id, title, author, feed, summary, text FROM article_search_source "
            "WHERE id = ?"));
        feedTitle.prepare(QStringLiteral("SELECT title FROM feeds WHERE id = ?"));
        insertEnclosure.prepare(QStringLiteral("INSERT INTO enclosures(article_id, url, mime_type, "
                                               "length, title) VALUES (?,?,?,?,?)"));
        deleteEnclosures.prepare(QStringLiteral("DELETE FROM enclosures WHERE article_id = ?"));
    }
    SqlQuery find, insertArticle, insertContent, insertStatus, updateArticle, replaceContent,
        indexInsert, indexDelete, insertEnclosure, deleteEnclosures, feedTitle, storedFullText;
    // Feed titles looked up during one save call (a batch is usually one feed).
    QHash<qint64, QString> feedTitles;
};

ArticleStore::ArticleStore(Database &db) : m_db(db) {}
ArticleStore::~ArticleStore() = default;

void ArticleStore::prepareStatements()
{
    if (!m_st)
        m_st = std::make_unique<Statements>(m_db);
}

QByteArray ArticleStore::contentHash(const Article &a)
{
    QCryptographicHash h(QCryptographicHash::Sha1);
    for (const QString &part :
         {a.title, a.url.toString(), a.author, a.summary, a.content, a.fullText}) {
        h.addData(part.toUtf8());
        h.addData(QByteArrayView("\0", 1));
    }
    return h.result();
}

namespace
{

QString effectiveGuid(const Article &a, const QByteArray &hash)
{
    if (!a.guid.isEmpty())
        return a.guid;
    if (!a.url.isEmpty())
        return a.url.toString();
    return QString::fromLatin1(hash.toHex());
}

QDateTime sortTime(const Article &a, const QDateTime &fetched)
{
    if (a.published.isValid())
        return a.published;
    if (a.updated.isValid())
        return a.updated;
    return fetched;
}

// What the index reads: the body's plain text, and the summary's when it is not the body.
struct IndexedText {
    QString text;
    QString summary;
};

IndexedText indexedText(const Article &a)
{
    const bool hasBody = !a.fullText.isEmpty() || !a.content.isEmpty();
    const QString &body = !a.fullText.isEmpty() ? a.fullText : (hasBody ? a.content : a.summary);
    IndexedText out;
    out.text = htmlToPlainText(body);
    if (hasBody && !a.summary.isEmpty())
        out.summary = htmlToPlainText(a.summary);
    return out;
}

} // namespace

ArticleStore::SaveResult ArticleStore::save(const Article &article)
{
    if (!m_db.requireWriter())
        return {};
    Transaction tx(m_db);
    if (!tx.isActive())
        return {};
    if (m_st)
        m_st->feedTitles.clear();
    SaveResult r = saveOne(article);
    if (r.outcome == SaveOutcome::Failed || !tx.commit())
        return {};
    return r;
}

bool ArticleStore::saveAll(const QList<Article> &articles, QList<SaveResult> *results)
{
    if (!m_db.requireWriter())
        return false;
    Transaction tx(m_db);
    return tx.isActive() && saveInTransaction(articles, results) && tx.commit();
}

bool ArticleStore::saveInTransaction(const QList<Article> &articles, QList<SaveResult> *results)
{
    if (!m_db.requireWriter())
        return false;
    if (m_st)
        m_st->feedTitles.clear();
    QList<SaveResult> out;
    out.reserve(articles.size());
    for (const Article &a : articles) {
        const SaveResult r = saveOne(a);
        if (r.outcome == SaveOutcome::Failed)
            return false;
        out.append(r);
    }
    if (results)
        *results = std::move(out);
    return true;
}

ArticleStore::SaveResult ArticleStore::saveOne(const Article &a)
{
    if (!m_db.requireWriter())
        return {};
    if (!m_st)
        m_st = std::make_unique<Statements>(m_db);
    Statements &st = *m_st;

    const QByteArray hash = a.contentHash.isEmpty() ? contentHash(a) : a.contentHash;
    const QString guid = effectiveGuid(a, hash);
    const QDateTime fetched = a.fetchedAt.isValid() ? a.fetchedAt : QDateTime::currentDateTimeUtc();
    auto title = st.feedTitles.constFind(a.feedId);
    if (title == st.feedTitles.constEnd()) {
        st.feedTitle.bind(a.feedId);
        QString found;
        if (st.feedTitle.exec() && st.feedTitle.next())
            found = st.feedTitle.value(0).toString();
        st.feedTitle.finish();
        title = st.feedTitles.insert(a.feedId, found);
    }
    const QString &feedTitle = *title;

    st.insertArticle.bind(a.feedId)
        .bind(guid)
        .bind(a.url.toString())
        .bind(a.title)
        .bind(a.author)
        .bind(a.published)
        .bind(a.updated)
        .bind(sortTime(a, fetched))
        .bind(a.language)
        .bind(QVariant(hash))
        .bind(fetched);
    if (!st.insertArticle.exec())
        return {};
    if (st.insertArticle.rowsAffected() == 1) {
        const qint64 id = st.insertArticle.lastInsertId();
        const IndexedText text = indexedText(a);
        st.insertContent.bind(id)
            .bind(a.summary)
            .bind(a.content)
            .bind(a.fullText)
            .bind(text.text)
            .bind(text.summary)
            .bind(feedTitle);
        st.insertStatus.bind(id);
        if (!st.insertContent.exec() || !st.insertStatus.exec() ||
            !addToIndex(id, a, feedTitle, text.summary, text.text) || !saveEnclosures(id, a))
            return {};
        return {id, SaveOutcome::Inserted};
    }

    // Known (feed, guid): update when the content changed; status stays as it is.
    st.find.bind(a.feedId).bind(guid);
    if (!st.find.exec() || !st.find.next())
        return {};
    const qint64 id = st.find.value(0).toLongLong();
    const QByteArray oldHash = st.find.value(1).toByteArray();
    st.find.finish();
    if (oldHash == hash)
        return {id, SaveOutcome::Unchanged};
    // A feed's update carries no full text: the downloaded page stays (it is not fetched
    // again), and the index goes on reading it.
    Article stored = a;
    if (stored.fullText.isEmpty()) {
        st.storedFullText.bind(id);
        if (st.storedFullText.exec() && st.storedFullText.next())
            stored.fullText = st.storedFullText.value(0).toString();
        st.storedFullText.finish();
    }
    // The plain text for the index only when it is written (an unchanged article is the
    // common case of a re-fetched feed, and HTML to text is not free).
    const IndexedText text = indexedText(stored);
    if (!removeFromIndex(id))
        return {};
    st.updateArticle.bind(a.url.toString())
        .bind(a.title)
        .bind(a.author)
        .bind(a.published)
        .bind(a.updated)
        .bind(sortTime(a, fetched))
        .bind(a.language)
        .bind(QVariant(hash))
        .bind(fetched)
        .bind(id);
    st.replaceContent.bind(id)
        .bind(a.summary)
        .bind(a.content)
        .bind(stored.fullText)
        .bind(text.text)
        .bind(text.summary)
        .bind(feedTitle);
    st.deleteEnclosures.bind(id);
    if (!st.updateArticle.exec() || !st.replaceContent.exec() || !st.deleteEnclosures.exec() ||
        !addToIndex(id, a, feedTitle, text.summary, text.text) || !saveEnclosures(id, a))
        return {};
    return {id, SaveOutcome::Updated};
}

bool ArticleStore::saveEnclosures(qint64 articleId, const Article &a)
{
    for (const Enclosure &e : a.enclosures) {
        m_st->insertEnclosure.bind(articleId)
            .bind(e.url.toString())
            .bind(e.mimeType)
            .bind(e.length)
            .bind(e.title);
        if (!m_st->insertEnclosure.exec())
            return false;
    }
    return true;
}

bool ArticleStore::removeFromIndex(qint64 articleId)
{
    m_st->indexDelete.bind(articleId);
    return m_st->indexDelete.exec();
}

bool ArticleStore::addToIndex(qint64 articleId, const Article &a, const QString &feedTitle,
                              const QString &summary, const QString &text)
{
    m_st->indexInsert.bind(articleId)
        .bind(a.title)
        .bind(a.author)
        .bind(feedTitle)
        .bind(summary)
        .bind(text);
    return m_st->indexInsert.exec();
}

bool ArticleStore::purgeContent(qint64 articleId)
{
    if (!m_db.requireWriter())
        return false;
    if (!m_st)
        m_st = std::make_unique<Statements>(m_db);
    Transaction tx(m_db);
    if (!tx.isActive() || !removeFromIndex(articleId))
        return false;
    SqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM article_content WHERE article_id = ?"));
    q.bind(articleId);
    return q.exec() && tx.commit();
}

bool ArticleStore::removeInTransaction(qint64 articleId)
{
    if (!m_db.requireWriter())
        return false;
    if (!m_st)
        m_st = std::make_unique<Statements>(m_db);
    if (!removeFromIndex(articleId))
        return false;
    SqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM articles WHERE id = ?"));
    q.bind(articleId);
    return q.exec();
}

QList<QDateTime> ArticleStore::recentPublished(qint64 feedId, int limit)
{
    QList<QDateTime> times;
    SqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT published FROM articles WHERE feed_id = ? AND published IS "
                             "NOT NULL ORDER BY sort_time DESC, id DESC LIMIT ?"));
    q.bind(feedId).bind(qint64(limit));
    if (q.exec())
        while (q.next())
            times.append(q.dateValue(0));
    return times;
}

QList<QUrl> ArticleStore::recentUrls(qint64 feedId, int limit)
{
    QList<QUrl> urls;
    SqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT url FROM articles WHERE feed_id = ? AND url <> '' ORDER BY "
                             "sort_time DESC, id DESC LIMIT ?"));
    q.bind(feedId).bind(qint64(limit));
    if (q.exec())
        while (q.next())
            urls.append(QUrl(q.value(0).toString()));
    return urls;
}

QString ArticleStore::identity(const Article &article)
{
    return effectiveGuid(article, article.contentHash.isEmpty() ? contentHash(article)
                                                                : article.contentHash);
}

std::optional<Article> ArticleStore::article(qint64 articleId)
{
    SqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "SELECT a.id, a.feed_id, a.guid, a.url, a.title, a.author, a.published, a.updated, "
        "a.language, a.content_hash, a.fetched_at, ifnull(c.summary, ''), ifnull(c.content, ''), "
        "ifnull(c.full_text, '') FROM articles a LEFT JOIN article_content c "
        "ON c.article_id = a.id WHERE a.id = ?"));
    q.bind(articleId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    Article a;
    a.id = q.value(0).toLongLong();
    a.feedId = q.value(1).toLongLong();
    a.guid = q.value(2).toString();
    a.url = QUrl(q.value(3).toString());
    a.title = q.value(4).toString();
    a.author = q.value(5).toString();
    a.published = q.dateValue(6);
    a.updated = q.dateValue(7);
    a.language = q.value(8).toString();
    a.contentHash = q.value(9).toByteArray();
    a.fetchedAt = q.dateValue(10);
    a.summary = q.value(11).toString();
    a.content = q.value(12).toString();
    a.fullText = q.value(13).toString();
    q.finish();

    SqlQuery e(m_db);
    e.prepare(QStringLiteral(
        "SELECT url, mime_type, length, title FROM enclosures WHERE article_id = ? ORDER BY id"));
    e.bind(articleId);
    if (e.exec())
        while (e.next())
            a.enclosures.append(Enclosure{QUrl(e.value(0).toString()), e.value(1).toString(),
                                          e.value(2).toLongLong(), e.value(3).toString()});
    return a;
}

namespace
{

// The WHERE clause is assembled from fixed fragments only; every value is bound, in the order
// of the fragments.
struct WhereClause {
    QString sql;
    QVariantList values;
};

WhereClause whereClause(const ArticleQuery &query, bool withCursor)
{
    QStringList conditions;
    QVariantList values;
    if (query.feedId > 0) {
        conditions << QStringLiteral("a.feed_id = ?");
        values << query.feedId;
    }
    if (query.folderId > 0) {
        conditions << QStringLiteral(
            "a.feed_id IN (SELECT f.id FROM feeds f WHERE f.folder_id IN (WITH RECURSIVE "
            "tree(id) AS (SELECT ? UNION SELECT d.id FROM folders d JOIN tree ON d.parent_id = "
            "tree.id) SELECT id FROM tree))");
        values << query.folderId;
    }
    if (query.labelId > 0) {
        conditions << QStringLiteral(
            "a.id IN (SELECT l.article_id FROM article_labels l WHERE l.label_id = ?)");
        values << query.labelId;
    }
    if (query.since) {
        conditions << QStringLiteral("a.sort_time >= ?");
        values << *query.since;
    }
    if (query.savedPages) {
        conditions << QStringLiteral("a.feed_id = (SELECT f.id FROM feeds f WHERE f.url = ?)");
        values << FeedStore::savedPagesUrl().toString();
    }
    if (query.unreadOnly)
        conditions << QStringLiteral("s.read = 0");
    if (query.starredOnly)
        conditions << QStringLiteral("s.starred = 1");
    if (withCursor && query.after) {
        conditions << (query.oldestFirst ? QStringLiteral("(a.sort_time, a.id) > (?, ?)")
                                         : QStringLiteral("(a.sort_time, a.id) < (?, ?)"));
        values << query.after->first << query.after->second;
    }
    if (conditions.isEmpty())
        return {};
    return {QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND ")), values};
}

void bindWhere(SqlQuery &q, const WhereClause &where)
{
    for (const QVariant &value : where.values)
        q.bind(value);
}

ArticlePageRow readRow(const SqlQuery &q)
{
    ArticlePageRow row;
    row.summary.id = q.value(0).toLongLong();
    row.summary.feedId = q.value(1).toLongLong();
    row.summary.title = q.value(2).toString();
    row.summary.url = QUrl(q.value(3).toString());
    row.summary.author = q.value(4).toString();
    row.summary.published = q.dateValue(5);
    row.summary.read = q.value(6).toBool();
    row.summary.starred = q.value(7).toBool();
    row.sortTime = q.value(8).toLongLong();
    return row;
}

const QString kListColumns =
    QStringLiteral("SELECT a.id, a.feed_id, a.title, a.url, a.author, a.published, "
                   "s.read, s.starred, a.sort_time FROM articles a JOIN article_status s "
                   "ON s.article_id = a.id");

} // namespace

QList<ArticlePageRow> ArticleStore::list(const ArticleQuery &query)
{
    QList<ArticlePageRow> rows;
    const WhereClause where = whereClause(query, true);
    SqlQuery q(m_db);
    q.prepare(kListColumns + where.sql +
              (query.oldestFirst
                   ? QStringLiteral(" ORDER BY a.sort_time ASC, a.id ASC LIMIT ?")
                   : QStringLiteral(" ORDER BY a.sort_time DESC, a.id DESC LIMIT ?")));
    bindWhere(q, where);
    q.bind(qint64(query.limit));
    if (!q.exec())
        return rows;
    while (q.next())
        rows.append(readRow(q));
    return rows;
}

qint64 ArticleStore::count(const ArticleQuery &query)
{
    const WhereClause where = whereClause(query, false);
    SqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT count(*) FROM articles a JOIN article_status s "
                             "ON s.article_id = a.id") +
              where.sql);
    bindWhere(q, where);
    if (q.exec() && q.next())
        return q.value(0).toLongLong();
    return -1;
}

QList<ArticlePageRow> ArticleStore::rows(const QList<qint64> &articleIds)
{
    QList<ArticlePageRow> out;
    if (articleIds.isEmpty())
        return out;
    // The ids go in as one bound JSON array, so the statement text stays fixed.
    QStringList ids;
    ids.reserve(articleIds.size());
    for (qint64 id : articleIds)
        ids << QString::number(id);
    SqlQuery q(m_db);
    q.prepare(kListColumns + QStringLiteral(" WHERE a.id IN (SELECT value FROM json_each(?))"));
    q.bind(QStringLiteral("[") + ids.join(QLatin1Char(',')) + QStringLiteral("]"));
    if (!q.exec())
        return out;
    QHash<qint64, ArticlePageRow> byId;
    while (q.next()) {
        const ArticlePageRow row = readRow(q);
        byId.insert(row.summary.id, row);
    }
    for (qint64 id : articleIds)
        if (const auto it = byId.constFind(id); it != byId.cend())
            out.append(*it);
    return out;
}

qint64 ArticleStore::maxArticleId()
{
    SqlQuery q(m_db);
    if (q.exec(QStringLiteral("SELECT ifnull(max(id), 0) FROM articles")) && q.next())
        return q.value(0).toLongLong();
    return 0;
}

} // namespace bs
