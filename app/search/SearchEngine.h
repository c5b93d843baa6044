#pragma once

#include "search/SearchQuery.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

namespace bs
{

class Database;

struct SearchOptions {
    enum class Sort { Relevance, Date };
    // Where to look: everything, one folder (with its subfolders), one feed, or the
    // bookmarks (starred, labelled or noted articles).
    enum class Scope { All, Folder, Feed, Bookmarks };
    Sort sort = Sort::Relevance;
    Scope scope = Scope::All;
    qint64 scopeId = 0; // the folder or feed id
    int limit = 50;
    int offset = 0;
    bool snippets = true;
    qint64 excludeArticleId = 0; // e.g. the article a "related" lookup starts from
    bool unreadOnly = false;     // only unread matches (a saved search's unread count)
};

struct SearchHit {
    qint64 id = 0;
    qint64 feedId = 0;
    QString title;
    QString feedTitle;
    QUrl url;
    QDateTime published; // invalid when the feed gave none
    bool read = false;
    bool starred = false;
    // Plain text around the best match, the matched words between kMarkOpen and kMarkClose.
    QString snippet;
    // Higher is better (the negated bm25 with the title weighted); 0 without search words.
    double score = 0;
};

// Runs SearchQuery against the FTS5 index on one connection (a reader, normally).
// Results are ranked by bm25 with column weights (title 10, author 4, feed 1, summary 2, text
// 1) and newer first among equal scores, or by date; pages by limit/offset. Without filters the
// ranking stays inside FTS5 for speed: equal scores straddling a page boundary are then split
// by storage order (newest stored first) and ordered by date within the page.
class SearchEngine
{
public:
    static constexpr QChar kMarkOpen = QChar(0x2);
    static constexpr QChar kMarkClose = QChar(0x3);

    explicit SearchEngine(Database &db);

    std::optional<QList<SearchHit>> search(const SearchQuery &query, const SearchOptions &options,
                                           QString *error);
    // How many articles match (for saved searches' live counts).
    std::optional<qint64> count(const SearchQuery &query, const SearchOptions &options,
                                QString *error);

    // A snippet with its marks turned into open/close text (e.g. "[" "]").
    static QString markSnippet(const QString &snippet, const QString &open, const QString &close);
    // A snippet as HTML: text escaped, matches in <b>...</b>.
    static QString snippetHtml(const QString &snippet);

private:
    Database &m_db;
};

} // namespace bs
