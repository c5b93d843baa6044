#pragma once

#include "search/SearchEngine.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace bs
{

class Database;

struct SavedSearch {
    qint64 id = 0;
    QString name;
    QString query;                                             // as the person typed it
    SearchOptions::Sort sort = SearchOptions::Sort::Relevance; // stored as 'relevance'/'date'
    int position = 0;
    QDateTime createdAt;
};

struct SavedSearchCounts {
    SavedSearch search;
    qint64 total = 0;
    qint64 unread = 0;
    // Why the stored query cannot run (it was saved by a build that read it differently);
    // counts are 0 then. Empty normally.
    QString problem;
};

// Saved searches (`saved_searches`): smart folders whose contents are the query run again
// whenever they are listed or opened, so counts are live and relative dates (after:7d) move
// with the clock. A query is checked with SearchQuery::parse when it is stored; a malformed
// one is refused with the parser's sentence. Names are unique regardless of ASCII case.
// Writes need the writer connection. On failure Database::lastError() (and *error, where the
// call takes one) hold a sentence for a person.
class SavedSearchStore
{
public:
    static constexpr int kMaxNameLength = 100;
    static constexpr int kMaxQueryLength = 2000;

    explicit SavedSearchStore(Database &db) : m_db(db) {}

    std::optional<qint64> add(const QString &name, const QString &query,
                              SearchOptions::Sort sort = SearchOptions::Sort::Relevance);
    bool rename(const QString &oldName, const QString &newName);
    bool updateQuery(const QString &name, const QString &query);
    bool setSort(const QString &name, SearchOptions::Sort sort);
    bool remove(const QString &name);

    std::optional<SavedSearch> find(const QString &name);
    QList<SavedSearch> list();
    // Every saved search with how many articles match it now, and how many of those are
    // unread (counted in the index, without snippets). A search whose query no longer parses
    // is listed with its problem; an SQL failure fails the call.
    std::optional<QList<SavedSearchCounts>> listWithCounts(QString *error);
    // The search's results in its sort order, one page.
    std::optional<QList<SearchHit>> run(const QString &name, int limit, int offset, QString *error);

    static QString sortName(SearchOptions::Sort sort);
    static std::optional<SearchOptions::Sort> sortFromName(const QString &name);

private:
    bool fail(const QString &message);
    bool checkName(const QString &name);
    bool checkQuery(const QString &query);
    bool updateOne(const QString &name, const QString &sql, const QVariant &value);
    // In one transaction: finds the search by name, runs sql with value (when valid) and its
    // id bound, and reports `failure` (with %1 the SQL error) when that fails.
    bool changeOne(const QString &name, const QString &sql, const QVariant &value,
                   const QString &failure);

    Database &m_db;
};

} // namespace bs
