#include "search/SearchEngine.h"

#include "store/Database.h"
#include "store/SearchTokenizer.h"
#include "store/SqlQuery.h"

#include <algorithm>
#include <cmath>

namespace bs
{

namespace
{

// bm25 (as bs_bm25, SearchRank.h: document frequencies counted up to 2,000 rows, estimated
// beyond) with column weights in the index's column order: title, author, feed, summary, text.
const char kRank[] = "bs_bm25(article_fts, 2000, (SELECT min(id) FROM articles), (SELECT "
                     "max(id) FROM articles), 10.0, 4.0, 1.0, 2.0, 1.0)";
// The same without IDF (every phrase's IDF 1), for a query of one phrase: SearchEngine applies
// the phrase's IDF afterwards from the matches it ranked.
const char kRankWithoutIdf[] = "bs_bm25(article_fts, 0, 0, 0, 10.0, 4.0, 1.0, 2.0, 1.0)";
// A query without filters that matches more rows than this is ranked among its newest this
// many matches (FTS5 walks them in rowid order and stops), so a word or phrase found in most
// articles costs what a rarer one does. Below it every match is ranked.
constexpr qint64 kRankedCandidates = 2000;
constexpr int kSnippetTokens = 24;
constexpr int kLeadCharacters = 200;

struct Conditions {
    QStringList sql;
    QVariantList values;
    bool needsStatus = false; // a condition reads article_status (s)
};

// The filters, the scope and the exclusions as SQL over `articles a` and `article_status s`.
Conditions conditionsFor(const SearchQuery &query, const SearchOptions &options)
{
    Conditions c;
    const SearchQuery::SqlFilter filter = query.sqlFilter();
    if (!filter.sql.isEmpty()) {
        c.sql << filter.sql;
        c.values << filter.values;
    }
    for (const SearchQuery::Filter &f : query.filters()) {
        using K = SearchQuery::FilterKind;
        if (f.kind == K::Unread || f.kind == K::Read || f.kind == K::Starred || f.kind == K::Saved)
            c.needsStatus = true;
    }
    switch (options.scope) {
    case SearchOptions::Scope::All:
        break;
    case SearchOptions::Scope::Feed:
        c.sql << QStringLiteral("a.feed_id = ?");
        c.values << options.scopeId;
        break;
    case SearchOptions::Scope::Folder:
        c.sql << QStringLiteral(
            "a.feed_id IN (SELECT id FROM feeds WHERE folder_id IN (WITH RECURSIVE sub(id) AS "
            "(SELECT ? UNION SELECT c.id FROM folders c JOIN sub ON c.parent_id = sub.id) "
            "SELECT id FROM sub))");
        c.values << options.scopeId;
        break;
    case SearchOptions::Scope::Bookmarks:
        c.needsStatus = true;
        c.sql << QStringLiteral("(s.starred = 1 OR EXISTS (SELECT 1 FROM article_labels al "
                                "WHERE al.article_id = a.id) OR EXISTS (SELECT 1 FROM "
                                "article_notes an WHERE an.article_id = a.id))");
        break;
    }
    if (options.unreadOnly) {
        c.needsStatus = true;
        c.sql << QStringLiteral("s.read = 0");
    }
    if (options.excludeArticleId > 0) {
        c.sql << QStringLiteral("a.id != ?");
        c.values << options.excludeArticleId;
    }
    const QString excludedOnly = query.ftsExcludedOnly();
    if (!excludedOnly.isEmpty()) {
        c.sql << QStringLiteral(
            "a.id NOT IN (SELECT rowid FROM article_fts WHERE article_fts MATCH ?)");
        c.values << excludedOnly;
    }
    return c;
}

QString andClause(const QStringList &conditions, bool leadingAnd)
{
    if (conditions.isEmpty())
        return {};
    return (leadingAnd ? QStringLiteral(" AND ") : QStringLiteral(" WHERE ")) +
           conditions.join(QLatin1String(" AND "));
}

void bindAll(SqlQuery &q, const QVariantList &values)
{
    for (const QVariant &v : values)
        q.bind(v);
}

bool failed(Database &db, const SqlQuery &q, QString *error)
{
    if (error)
        *error = QStringLiteral("The search could not run: %1").arg(q.errorText());
    db.setLastError(q.errorText());
    return false;
}

// The code point at text[i] and its length in UTF-16 units.
char32_t codePointAt(const QString &text, qsizetype i, qsizetype *length)
{
    if (text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
        *length = 2;
        return QChar::surrogateToUcs4(text[i], text[i + 1]);
    }
    *length = 1;
    return text[i].unicode();
}

char32_t lastCodePoint(const QString &text)
{
    if (text.isEmpty())
        return 0;
    const qsizetype n = text.size();
    if (n >= 2 && text[n - 1].isLowSurrogate() && text[n - 2].isHighSurrogate())
        return QChar::surrogateToUcs4(text[n - 2], text[n - 1]);
    return text[n - 1].unicode();
}

// FTS5 ends a highlight at the first token of the last matched position; for a CJK match that
// is the unigram, one character short of the bigram that matched. A highlight that ends on a
// CJK character is extended by the next character when the two together are part of a term.
QString completeCjkHighlights(const QString &snippet, const QStringList &terms)
{
    if (terms.isEmpty() || !snippet.contains(SearchEngine::kMarkClose))
        return snippet;
    QString out;
    out.reserve(snippet.size() + 2);
    qsizetype openAt = -1;
    for (qsizetype i = 0; i < snippet.size(); ++i) {
        const QChar c = snippet[i];
        if (c == SearchEngine::kMarkOpen) {
            out += c;
            openAt = out.size();
            continue;
        }
        if (c == SearchEngine::kMarkClose && openAt >= 0 && i + 1 < snippet.size()) {
            const QString marked = out.mid(openAt);
            qsizetype length = 1;
            const char32_t next = codePointAt(snippet, i + 1, &length);
            if (SearchTokenizer::isCjk(lastCodePoint(marked)) && SearchTokenizer::isCjk(next)) {
                const QString longer = marked + snippet.mid(i + 1, length);
                for (const QString &term : terms) {
                    if (term.contains(longer, Qt::CaseInsensitive)) {
                        out += snippet.mid(i + 1, length);
                        i += length;
                        break;
                    }
                }
            }
            out += c;
            openAt = -1;
            continue;
        }
        out += c;
    }
    return out;
}

// bm25's IDF of a phrase from the newest matches ranked: all of them when fewer than the window
// (the count is then exact), else the count scaled by how far back in the rowid range
// [minId, maxId] the oldest of them lies (as bs_bm25 estimates, SearchRank.h).
double phraseIdf(qint64 candidates, qint64 oldestCandidate, qint64 rows, qint64 minId, qint64 maxId)
{
    double hits = double(candidates);
    if (candidates >= kRankedCandidates && maxId > minId) {
        const double seen = double(maxId - std::clamp(oldestCandidate, minId, maxId) + 1) /
                            double(maxId - minId + 1);
        hits = std::clamp(hits / std::max(seen, 1e-9), hits, double(std::max(rows, candidates)));
    }
    const double idf = std::log((double(rows) - hits + 0.5) / (hits + 0.5));
    return idf <= 0.0 ? 1e-6 : idf;
}

} // namespace

SearchEngine::SearchEngine(Database &db) : m_db(db) {}

std::optional<QList<SearchHit>> SearchEngine::search(const SearchQuery &query,
                                                     const SearchOptions &options, QString *error)
{
    const QString match = query.ftsMatch();
    const Conditions where = conditionsFor(query, options);
    const bool byDate = options.sort == SearchOptions::Sort::Date;
    const QString columns = QStringLiteral(
        "a.feed_id, a.title, ifnull(f.title, ''), a.url, a.published, s.read, s.starred");
    SqlQuery q(m_db);
    if (!match.isEmpty()) {
        // Rank every match, keep one page, and only then make snippets for that page.
        const QString order = byDate ? QStringLiteral("a.sort_time DESC, a.id DESC")
                                     : QStringLiteral("rank_value, a.sort_time DESC, a.id DESC");
        const QString outerOrder =
            byDate ? QStringLiteral("h.sort_time DESC, h.id DESC")
                   : QStringLiteral("h.rank_value, h.sort_time DESC, h.id DESC");
        // Ranking reads bm25 for every match; with nothing to filter it stays inside FTS5
        // (joining articles for every match doubled the time of common words). Then the page
        // is chosen among equal scores by rowid, newest stored first, and ordered by date
        // within the page below.
        QString sql;
        const bool unfiltered = where.sql.isEmpty() && !byDate;
        // The candidates: the newest matches, up to the window (FTS5 walks the doclists from
        // the newest rowid and stops there), each ranked as it is read; then the page.
        const qint64 window =
            std::max<qint64>(kRankedCandidates, qint64(options.offset) + options.limit);
        // One phrase (one term, nothing excluded): its IDF scales every score alike, so it is
        // left out of the ranking and computed below from the candidates (bm25 would walk every
        // row of the phrase once more to count them: for a phrase of common words, a second
        // full scan).
        const bool onePhrase = unfiltered && query.groups().size() == 1 &&
                               query.groups().front().size() == 1 && query.excluded().isEmpty();
        QString idfColumns = QStringLiteral(", NULL, NULL, NULL, NULL, NULL");
        if (onePhrase)
            idfColumns = QStringLiteral(
                ", (SELECT count(*) FROM candidates), (SELECT min(id) FROM candidates), (SELECT "
                "max(n_rows) FROM candidates), (SELECT min(id) FROM articles), (SELECT max(id) "
                "FROM articles)");
        if (unfiltered)
            sql = QStringLiteral("WITH candidates AS MATERIALIZED (SELECT article_fts.rowid AS "
                                 "id, %1 AS rank_value%2 FROM article_fts WHERE article_fts "
                                 "MATCH ? ORDER BY article_fts.rowid DESC LIMIT ?), hits AS "
                                 "MATERIALIZED (SELECT h.id, h.rank_value, a.sort_time AS "
                                 "sort_time FROM (SELECT id, rank_value FROM candidates ORDER BY "
                                 "rank_value, id DESC LIMIT ? OFFSET ?) h JOIN articles a ON "
                                 "a.id = h.id) ")
                      .arg(QLatin1String(onePhrase ? kRankWithoutIdf : kRank),
                           onePhrase ? QStringLiteral(", bs_rows(article_fts) AS n_rows")
                                     : QString());
        else
            sql = QStringLiteral("WITH hits AS MATERIALIZED (SELECT a.id AS id, %1 AS "
                                 "rank_value, a.sort_time AS sort_time FROM article_fts CROSS "
                                 "JOIN articles a ON a.id = article_fts.rowid%4 WHERE "
                                 "article_fts MATCH ?%2 ORDER BY %3 LIMIT ? OFFSET ?) ")
                      .arg(QLatin1String(kRank), andClause(where.sql, true), order,
                           where.needsStatus ? QStringLiteral(" JOIN article_status s ON "
                                                              "s.article_id = a.id")
                                             : QString());
        // Snippets for the page in one more pass over the matches within the page's rowid
        // range (a seek per row would set the whole query up again for every row). The "+"
        // keeps the IN test away from FTS5, which would otherwise run it once per value.
        if (options.snippets)
            sql += QStringLiteral(
                       ", snips AS MATERIALIZED (SELECT article_fts.rowid AS id, "
                       "snippet(article_fts, -1, char(2), char(3), '…', %2) AS snip FROM "
                       "article_fts WHERE article_fts MATCH ? AND article_fts.rowid >= (SELECT "
                       "min(id) FROM hits) AND article_fts.rowid <= (SELECT max(id) FROM hits) "
                       "AND +article_fts.rowid IN (SELECT id FROM hits)) "
                       "SELECT h.id, -h.rank_value, %1, ifnull(n.snip, '')%4 FROM hits h "
                       "JOIN articles a ON a.id = h.id JOIN article_status s ON s.article_id = "
                       "a.id LEFT JOIN feeds f ON f.id = a.feed_id LEFT JOIN snips n ON n.id = "
                       "h.id ORDER BY %3")
                       .arg(columns)
                       .arg(kSnippetTokens)
                       .arg(outerOrder, idfColumns);
        else
            sql += QStringLiteral("SELECT h.id, -h.rank_value, %1, ''%3 FROM hits h JOIN "
                                  "articles a ON a.id = h.id JOIN article_status s ON "
                                  "s.article_id = a.id LEFT JOIN feeds f ON f.id = a.feed_id "
                                  "ORDER BY %2")
                       .arg(columns, outerOrder, idfColumns);
        if (!q.prepare(sql)) {
            failed(m_db, q, error);
            return std::nullopt;
        }
        q.bind(match);
        if (unfiltered)
            q.bind(window);
        bindAll(q, where.values);
        q.bind(qint64(options.limit)).bind(qint64(options.offset));
        if (options.snippets)
            q.bind(match);
    } else {
        const QString sql =
            QStringLiteral("SELECT a.id, 0.0, %1, substr(ifnull(nullif(c.summary_text, ''), "
                           "ifnull(c.text, '')), 1, %2), NULL, NULL, NULL, NULL, NULL FROM "
                           "articles a JOIN article_status s ON "
                           "s.article_id = a.id LEFT JOIN feeds f ON f.id = a.feed_id LEFT JOIN "
                           "article_content c ON c.article_id = a.id%3 ORDER BY a.sort_time "
                           "DESC, a.id DESC LIMIT ? OFFSET ?")
                .arg(columns)
                .arg(kLeadCharacters)
                .arg(andClause(where.sql, false));
        if (!q.prepare(sql)) {
            failed(m_db, q, error);
            return std::nullopt;
        }
        bindAll(q, where.values);
        q.bind(qint64(options.limit)).bind(qint64(options.offset));
    }
    if (!q.exec()) {
        failed(m_db, q, error);
        return std::nullopt;
    }
    QStringList terms;
    for (const SearchQuery::Group &g : query.groups())
        for (const SearchQuery::Term &t : g)
            terms << t.text;
    QList<SearchHit> hits;
    double idf = 1.0; // the one phrase's IDF when the ranking left it out
    bool idfKnown = false;
    while (q.next()) {
        if (!idfKnown) {
            idfKnown = true;
            if (!q.value(10).isNull())
                idf = phraseIdf(q.value(10).toLongLong(), q.value(11).toLongLong(),
                                q.value(12).toLongLong(), q.value(13).toLongLong(),
                                q.value(14).toLongLong());
        }
        SearchHit h;
        h.id = q.value(0).toLongLong();
        h.score = q.value(1).toDouble() * idf;
        h.feedId = q.value(2).toLongLong();
        h.title = q.value(3).toString();
        h.feedTitle = q.value(4).toString();
        h.url = QUrl(q.value(5).toString());
        h.published = q.dateValue(6);
        h.read = q.value(7).toBool();
        h.starred = q.value(8).toBool();
        h.snippet = completeCjkHighlights(q.value(9).toString().simplified(), terms);
        hits.append(h);
    }
    return hits;
}

std::optional<qint64> SearchEngine::count(const SearchQuery &query, const SearchOptions &options,
                                          QString *error)
{
    const QString match = query.ftsMatch();
    const Conditions where = conditionsFor(query, options);
    SqlQuery q(m_db);
    bool prepared = false;
    if (!match.isEmpty()) {
        prepared = q.prepare(
            where.sql.isEmpty()
                ? QStringLiteral("SELECT count(*) FROM article_fts WHERE article_fts MATCH ?")
                : QStringLiteral("SELECT count(*) FROM article_fts CROSS JOIN articles a ON a.id "
                                 "= article_fts.rowid JOIN article_status s ON s.article_id = "
                                 "a.id WHERE article_fts MATCH ?") +
                      andClause(where.sql, true));
        q.bind(match);
    } else {
        prepared = q.prepare(QStringLiteral("SELECT count(*) FROM articles a JOIN article_status "
                                            "s ON s.article_id = a.id") +
                             andClause(where.sql, false));
    }
    if (!prepared) {
        failed(m_db, q, error);
        return std::nullopt;
    }
    bindAll(q, where.values);
    if (!q.exec() || !q.next()) {
        failed(m_db, q, error);
        return std::nullopt;
    }
    return q.value(0).toLongLong();
}

QString SearchEngine::markSnippet(const QString &snippet, const QString &open, const QString &close)
{
    QString out = snippet;
    out.replace(kMarkOpen, open);
    out.replace(kMarkClose, close);
    return out;
}

QString SearchEngine::snippetHtml(const QString &snippet)
{
    return markSnippet(snippet.toHtmlEscaped(), QStringLiteral("<b>"), QStringLiteral("</b>"));
}

} // namespace bs
