#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace bs
{

class Database;

struct RelatedStory {
    qint64 id = 0;
    QString title;
    QString feedTitle;
    // Higher is more similar: about 0..1 (a content cosine plus a share for the title).
    double score = 0;
    // The same story carried by other feeds (near-identical title or text), most similar first.
    QList<qint64> duplicates;
};

struct RelatedResult {
    QList<RelatedStory> stories; // best first
    // Copies of the article itself in other feeds (not listed as stories).
    QList<qint64> copiesOfArticle;
};

// "Related stories" for one cached article, from the local FTS5 index only (a reader
// connection; no network):
//
// 1. The article's title, summary and text go through the index's own tokenizer; CJK runs count
//    by their bigrams. Each term is weighted by its frequency (title x3, lead -- the summary and
//    the first 60 positions of the text -- x2, the rest x1, sublinear) times its inverse document
//    frequency. Document frequencies are counted in article_fts up to a cap (2% of the
//    articles, within 200..400) for the title's terms and the 40 most frequent; a term at the
//    cap counts as a stop word (fts5vocab gives exact counts but walks each term's whole
//    doclist, about 400 ms per article at 100,000 articles).
// 2. The 16 heaviest terms found in another article too become an OR query
//    (SearchQuery::anyOf) ranked by bm25 with the title weighted (SearchEngine); the best
//    max(20, limit + 10) candidates are fetched.
// 3. Each candidate is tokenized the same way and re-scored: the cosine of the weighted term
//    vectors plus a share for the cosine of the titles' terms.
// 4. Candidates whose text or title is nearly the same as a story already listed become that
//    story's duplicates; copies of the article itself are reported apart.
class RelatedStories
{
public:
    explicit RelatedStories(Database &db);

    // Nothing (and *error set) when the article does not exist or SQLite fails.
    std::optional<RelatedResult> related(qint64 articleId, int limit, QString *error);

    // Cosine of the weighted term vectors at or above which two articles are the same text.
    static constexpr double kDuplicateText = 0.85;
    // Cosine of the title terms at or above which two titles are the same (with at least
    // kDuplicateTitleTerms terms).
    static constexpr double kDuplicateTitle = 0.9;
    static constexpr int kDuplicateTitleTerms = 4;

private:
    Database &m_db;
};

} // namespace bs
