#include "search/RelatedStories.h"

#include "search/SearchEngine.h"
#include "search/SearchQuery.h"
#include "store/Database.h"
#include "store/SearchTokenizer.h"
#include "store/SqlQuery.h"

#include <QHash>

#include <algorithm>
#include <cmath>

namespace bs
{

namespace
{

constexpr double kTitleWeight = 3.0;
constexpr double kLeadWeight = 2.0;
constexpr int kLeadPositions = 60;     // the text's first positions count as lead
constexpr int kTextCharacters = 10000; // enough text to know what an article is about
constexpr int kQueryTerms = 16;
constexpr int kMinCandidates = 20;
constexpr double kTitleShare = 0.25; // of the final score
// Terms counted for document frequency: all of the title's, and the most frequent (title and
// lead weighted) up to this many in all.
constexpr int kCountedTerms = 40;
// A term in at least this share of the articles (within the caps) is too common to count.
constexpr double kCommonShare = 0.02;
constexpr qint64 kMinCommonCap = 200;
constexpr qint64 kMaxCommonCap = 400;

using Vector = QHash<QByteArray, double>;

struct Document {
    qint64 id = 0;
    Vector frequency;   // weighted term frequency (title, lead, body)
    Vector titleTerms;  // term -> 1
    Vector vector;      // normalized weights
    Vector titleVector; // normalized
    int titleTermCount = 0;
};

// A token worth keeping as a term: words of two or more characters, and the CJK bigrams
// (the tokenizer's colocated tokens); single CJK characters are too common to say much.
bool keep(const SearchTokenizer::Token &token)
{
    if (token.colocated)
        return true;
    int codePoints = 0; // UTF-8 lead bytes
    for (const char c : token.text)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80 && ++codePoints >= 2)
            return true;
    return false;
}

void addTokens(sqlite3 *handle, const QString &text, double weight, int leadPositions,
               Document *doc, bool title)
{
    if (text.isEmpty())
        return;
    const auto tokens =
        SearchTokenizer::tokenize(handle, text.left(kTextCharacters).toUtf8(), false);
    if (!tokens)
        return;
    int position = -1;
    for (const SearchTokenizer::Token &t : *tokens) {
        if (!t.colocated)
            ++position;
        if (!keep(t))
            continue;
        const double w = position < leadPositions ? kLeadWeight : weight;
        doc->frequency[t.text] += w;
        if (title)
            doc->titleTerms.insert(t.text, 1.0);
    }
}

Document analyze(sqlite3 *handle, qint64 id, const QString &title, const QString &summary,
                 const QString &text)
{
    Document doc;
    doc.id = id;
    addTokens(handle, title, kTitleWeight, -1, &doc, true);
    addTokens(handle, summary, kLeadWeight, -1, &doc, false);
    addTokens(handle, text, 1.0, kLeadPositions, &doc, false);
    doc.titleTermCount = int(doc.titleTerms.size());
    return doc;
}

void normalize(Vector *v)
{
    double sum = 0;
    for (double w : std::as_const(*v))
        sum += w * w;
    if (sum <= 0)
        return;
    const double norm = std::sqrt(sum);
    for (double &w : *v)
        w /= norm;
}

double dot(const Vector &a, const Vector &b)
{
    const Vector &small = a.size() <= b.size() ? a : b;
    const Vector &large = a.size() <= b.size() ? b : a;
    double sum = 0;
    for (auto it = small.cbegin(); it != small.cend(); ++it) {
        const auto other = large.constFind(it.key());
        if (other != large.cend())
            sum += it.value() * other.value();
    }
    return sum;
}

// Weights from frequency and inverse document frequency: terms counted as too common are left
// out, terms that were not counted get unknownIdf.
void weigh(Document *doc, const QHash<QByteArray, double> &idf,
           const QHash<QByteArray, qint64> &counted, double unknownIdf)
{
    doc->vector.clear();
    doc->titleVector.clear();
    for (auto it = doc->frequency.cbegin(); it != doc->frequency.cend(); ++it) {
        const auto known = idf.constFind(it.key());
        if (known == idf.cend() && counted.contains(it.key()))
            continue;
        const double termIdf = known != idf.cend() ? known.value() : unknownIdf;
        doc->vector.insert(it.key(), (1.0 + std::log(it.value())) * termIdf);
        if (doc->titleTerms.contains(it.key()))
            doc->titleVector.insert(it.key(), termIdf);
    }
    normalize(&doc->vector);
    normalize(&doc->titleVector);
}

bool sameStoryCopy(const Document &a, const Document &b)
{
    if (dot(a.vector, b.vector) >= RelatedStories::kDuplicateText)
        return true;
    return std::min(a.titleTermCount, b.titleTermCount) >= RelatedStories::kDuplicateTitleTerms &&
           dot(a.titleVector, b.titleVector) >= RelatedStories::kDuplicateTitle;
}

bool fail(Database &db, const QString &message, QString *error)
{
    db.setLastError(message);
    if (error)
        *error = message;
    return false;
}

} // namespace

RelatedStories::RelatedStories(Database &db) : m_db(db) {}

std::optional<RelatedResult> RelatedStories::related(qint64 articleId, int limit, QString *error)
{
    if (limit <= 0)
        return RelatedResult{};
    sqlite3 *handle = m_db.handle();

    // The article itself.
    Document source;
    {
        SqlQuery q(m_db);
        if (!q.prepare(QStringLiteral(
                "SELECT title, summary, text FROM article_search_source WHERE id = ?"))) {
            fail(m_db, q.errorText(), error);
            return std::nullopt;
        }
        q.bind(articleId);
        if (!q.exec()) {
            fail(m_db, q.errorText(), error);
            return std::nullopt;
        }
        if (!q.next()) {
            fail(m_db, QStringLiteral("There is no article with id %1.").arg(articleId), error);
            return std::nullopt;
        }
        source = analyze(handle, articleId, q.value(0).toString(), q.value(1).toString(),
                         q.value(2).toString());
    }
    if (source.frequency.isEmpty())
        return RelatedResult{};

    // How many articles hold each term, counted in the index but only up to a cap: counting
    // every occurrence of a common word (as fts5vocab does) walks its whole doclist, which
    // cost hundreds of milliseconds per article at 100,000 articles. A term at the cap is too
    // common to say what a story is about and is left out, like a stop word. Only the terms
    // that can matter are counted: the title's, and the most frequent with title and lead weighted.
    double total = 0;
    {
        SqlQuery q(m_db);
        if (!q.exec(QStringLiteral("SELECT count(*) FROM articles")) || !q.next()) {
            fail(m_db, q.errorText(), error);
            return std::nullopt;
        }
        total = std::max(1.0, q.value(0).toDouble());
    }
    const qint64 cap =
        std::clamp<qint64>(qint64(total * kCommonShare), kMinCommonCap, kMaxCommonCap);
    QList<QPair<double, QByteArray>> byFrequency;
    for (auto it = source.frequency.cbegin(); it != source.frequency.cend(); ++it)
        byFrequency.append({it.value(), it.key()});
    std::sort(byFrequency.begin(), byFrequency.end(), [](const auto &a, const auto &b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    QHash<QByteArray, double> idf;
    QHash<QByteArray, qint64> df;
    {
        SqlQuery q(m_db);
        if (!q.prepare(QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM article_fts WHERE "
                                      "article_fts MATCH ? LIMIT ?)"))) {
            fail(m_db, q.errorText(), error);
            return std::nullopt;
        }
        for (qsizetype i = 0; i < byFrequency.size(); ++i) {
            const QByteArray &term = byFrequency[i].second;
            if (i >= kCountedTerms && !source.titleTerms.contains(term))
                continue;
            const QString match = SearchQuery::anyOf({QString::fromUtf8(term)}).ftsMatch();
            if (match.isEmpty())
                continue;
            q.bind(match).bind(cap);
            if (!q.exec() || !q.next()) {
                fail(m_db, q.errorText(), error);
                return std::nullopt;
            }
            const qint64 n = std::max<qint64>(1, q.value(0).toLongLong());
            q.finish();
            df.insert(term, n);
            if (n < cap)
                idf.insert(term, std::log(1.0 + (total - double(n) + 0.5) / (double(n) + 0.5)));
        }
    }
    // Terms counted as common are left out of every vector; terms not counted weigh the median
    // idf in every vector alike, so that two copies of one text stay identical.
    if (idf.isEmpty())
        return RelatedResult{};
    QList<double> idfs = idf.values();
    std::sort(idfs.begin(), idfs.end());
    const double unknownIdf = idfs.isEmpty() ? 1.0 : idfs[idfs.size() / 2];
    weigh(&source, idf, df, unknownIdf);

    // The most distinctive terms that some other article has too.
    QList<QPair<double, QByteArray>> ranked;
    for (auto it = source.vector.cbegin(); it != source.vector.cend(); ++it)
        if (df.value(it.key()) >= 2)
            ranked.append({it.value(), it.key()});
    std::sort(ranked.begin(), ranked.end(), [](const auto &a, const auto &b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    QStringList terms;
    for (qsizetype i = 0; i < ranked.size() && terms.size() < kQueryTerms; ++i)
        terms << QString::fromUtf8(ranked[i].second);
    if (terms.isEmpty())
        return RelatedResult{};

    // Candidates by bm25 (title weighted); the article itself is dropped afterwards rather
    // than filtered in SQL, which keeps the ranking inside FTS5.
    SearchOptions options;
    options.limit = std::max(kMinCandidates, limit + 10) + 1;
    options.snippets = false;
    const auto hits = SearchEngine(m_db).search(SearchQuery::anyOf(terms), options, error);
    if (!hits)
        return std::nullopt;
    QHash<qint64, const SearchHit *> hitById;
    QStringList placeholders;
    QList<qint64> ids;
    for (const SearchHit &h : *hits) {
        if (h.id == articleId)
            continue;
        hitById.insert(h.id, &h);
        ids << h.id;
        placeholders << QStringLiteral("?");
    }
    if (ids.isEmpty())
        return RelatedResult{};

    QList<Document> candidates;
    {
        SqlQuery q(m_db);
        if (!q.prepare(QStringLiteral("SELECT id, title, summary, text FROM article_search_source "
                                      "WHERE id IN (%1)")
                           .arg(placeholders.join(QLatin1Char(','))))) {
            fail(m_db, q.errorText(), error);
            return std::nullopt;
        }
        for (qint64 id : ids)
            q.bind(id);
        if (!q.exec()) {
            fail(m_db, q.errorText(), error);
            return std::nullopt;
        }
        while (q.next()) {
            Document d = analyze(handle, q.value(0).toLongLong(), q.value(1).toString(),
                                 q.value(2).toString(), q.value(3).toString());
            weigh(&d, idf, df, unknownIdf);
            candidates.append(std::move(d));
        }
    }

    struct Scored {
        const Document *doc;
        double score;
        int bm25Rank;
    };
    QList<Scored> scored;
    for (const Document &d : candidates) {
        const double content = dot(source.vector, d.vector);
        const double title = dot(source.titleVector, d.titleVector);
        scored.append(
            {&d, (1.0 - kTitleShare) * content + kTitleShare * title, int(ids.indexOf(d.id))});
    }
    std::sort(scored.begin(), scored.end(), [](const Scored &a, const Scored &b) {
        return a.score != b.score ? a.score > b.score : a.bm25Rank < b.bm25Rank;
    });

    RelatedResult result;
    QList<const Document *> leaders;
    for (const Scored &s : scored) {
        if (sameStoryCopy(source, *s.doc)) {
            result.copiesOfArticle << s.doc->id;
            continue;
        }
        bool grouped = false;
        for (qsizetype i = 0; i < leaders.size(); ++i) {
            if (sameStoryCopy(*leaders[i], *s.doc)) {
                result.stories[i].duplicates << s.doc->id;
                grouped = true;
                break;
            }
        }
        if (grouped || result.stories.size() >= limit)
            continue;
        const SearchHit *hit = hitById.value(s.doc->id);
        RelatedStory story;
        story.id = s.doc->id;
        story.title = hit->title;
        story.feedTitle = hit->feedTitle;
        story.score = s.score;
        result.stories << story;
        leaders << s.doc;
    }
    return result;
}

} // namespace bs
