#include "search/SavedSearchStore.h"

#include "search/SearchQuery.h"
#include "store/Database.h"
#include "store/SqlQuery.h"

namespace bs
{

namespace
{

const char kColumns[] = "id, name, query, sort, position, created_at";

SavedSearch readSearch(SqlQuery &q)
{
    SavedSearch s;
    s.id = q.value(0).toLongLong();
    s.name = q.value(1).toString();
    s.query = q.value(2).toString();
    s.sort = SavedSearchStore::sortFromName(q.value(3).toString())
                 .value_or(SearchOptions::Sort::Relevance);
    s.position = q.value(4).toInt();
    s.createdAt = q.dateValue(5);
    return s;
}

} // namespace

QString SavedSearchStore::sortName(SearchOptions::Sort sort)
{
    return sort == SearchOptions::Sort::Date ? QStringLiteral("date") : QStringLiteral("relevance");
}

std::optional<SearchOptions::Sort> SavedSearchStore::sortFromName(const QString &name)
{
    if (name == QLatin1String("relevance"))
        return SearchOptions::Sort::Relevance;
    if (name == QLatin1String("date"))
        return SearchOptions::Sort::Date;
    return std::nullopt;
}

bool SavedSearchStore::fail(const QString &message)
{
    m_db.setLastError(message);
    return false;
}

bool SavedSearchStore::checkName(const QString &name)
{
    const QString n = name.trimmed();
    if (n.isEmpty())
        return fail(QStringLiteral("A saved search needs a name."));
    if (n.size() > kMaxNameLength)
        return fail(
            QStringLiteral("A saved search's name is at most %1 characters.").arg(kMaxNameLength));
    for (QChar c : n)
        if (c.category() == QChar::Other_Control)
            return fail(QStringLiteral("A saved search's name cannot contain control characters."));
    return true;
}

bool SavedSearchStore::checkQuery(const QString &query)
{
    if (query.trimmed().isEmpty())
        return fail(QStringLiteral("A saved search needs a query (for everything saved: "
                                   "is:saved)."));
    if (query.size() > kMaxQueryLength)
        return fail(QStringLiteral("A saved search's query is at most %1 characters.")
                        .arg(kMaxQueryLength));
    QString error;
    if (!SearchQuery::parse(query, &error))
        return fail(error);
    return true;
}

std::optional<SavedSearch> SavedSearchStore::find(const QString &name)
{
    SqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM saved_searches WHERE lower(name) = lower(?)")
                  .arg(QLatin1String(kColumns)));
    q.bind(name.trimmed());
    if (!q.exec() || !q.next())
        return std::nullopt;
    return readSearch(q);
}

QList<SavedSearch> SavedSearchStore::list()
{
    QList<SavedSearch> out;
    SqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT %1 FROM saved_searches ORDER BY position, lower(name), id")
                    .arg(QLatin1String(kColumns))))
        return out;
    while (q.next())
        out.append(readSearch(q));
    return out;
}

std::optional<qint64> SavedSearchStore::add(const QString &name, const QString &query,
                                            SearchOptions::Sort sort)
{
    if (!m_db.requireWriter() || !checkName(name) || !checkQuery(query))
        return std::nullopt;
    Transaction tx(m_db);
    if (!tx.isActive())
        return std::nullopt;
    if (const auto existing = find(name)) {
        fail(QStringLiteral("There is already a saved search '%1'.").arg(existing->name));
        return std::nullopt;
    }
    SqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO saved_searches(name, query, sort, position, created_at) "
                             "VALUES (?, ?, ?, (SELECT ifnull(max(position), -1) + 1 FROM "
                             "saved_searches), ?)"));
    q.bind(name.trimmed())
        .bind(query.trimmed())
        .bind(sortName(sort))
        .bind(QDateTime::currentDateTimeUtc());
    if (!q.exec() || !tx.commit()) {
        fail(QStringLiteral("The search could not be saved: %1").arg(q.errorText()));
        return std::nullopt;
    }
    return q.lastInsertId();
}

bool SavedSearchStore::updateOne(const QString &name, const QString &sql, const QVariant &value)
{
    return changeOne(name, sql, value, QStringLiteral("The saved search could not be changed: %1"));
}

bool SavedSearchStore::changeOne(const QString &name, const QString &sql, const QVariant &value,
                                 const QString &failure)
{
    Transaction tx(m_db);
    if (!tx.isActive())
        return false;
    const auto search = find(name);
    if (!search)
        return fail(QStringLiteral("There is no saved search '%1'.").arg(name.trimmed()));
    SqlQuery q(m_db);
    q.prepare(sql);
    if (value.isValid())
        q.bind(value);
    q.bind(search->id);
    if (!q.exec() || !tx.commit())
        return fail(failure.arg(q.errorText()));
    return true;
}

bool SavedSearchStore::rename(const QString &oldName, const QString &newName)
{
    if (!m_db.requireWriter() || !checkName(newName))
        return false;
    const auto search = find(oldName);
    if (!search)
        return fail(QStringLiteral("There is no saved search '%1'.").arg(oldName.trimmed()));
    if (const auto clash = find(newName); clash && clash->id != search->id)
        return fail(QStringLiteral("There is already a saved search '%1'.").arg(clash->name));
    return updateOne(oldName, QStringLiteral("UPDATE saved_searches SET name = ? WHERE id = ?"),
                     newName.trimmed());
}

bool SavedSearchStore::updateQuery(const QString &name, const QString &query)
{
    if (!m_db.requireWriter() || !checkQuery(query))
        return false;
    return updateOne(name, QStringLiteral("UPDATE saved_searches SET query = ? WHERE id = ?"),
                     query.trimmed());
}

bool SavedSearchStore::setSort(const QString &name, SearchOptions::Sort sort)
{
    if (!m_db.requireWriter())
        return false;
    return updateOne(name, QStringLiteral("UPDATE saved_searches SET sort = ? WHERE id = ?"),
                     sortName(sort));
}

bool SavedSearchStore::remove(const QString &name)
{
    if (!m_db.requireWriter())
        return false;
    return changeOne(name, QStringLiteral("DELETE FROM saved_searches WHERE id = ?"), QVariant(),
                     QStringLiteral("The saved search could not be removed: %1"));
}

std::optional<QList<SavedSearchCounts>> SavedSearchStore::listWithCounts(QString *error)
{
    QList<SavedSearchCounts> out;
    SearchEngine engine(m_db);
    for (const SavedSearch &s : list()) {
        QString why;
        const auto query = SearchQuery::parse(s.query, &why);
        if (!query) {
            out.append({s, 0, 0, why});
            continue;
        }
        SearchOptions options;
        const auto total = engine.count(*query, options, error);
        options.unreadOnly = true;
        const auto unread = total ? engine.count(*query, options, error) : std::nullopt;
        if (!total || !unread)
            return std::nullopt;
        out.append({s, *total, *unread, {}});
    }
    return out;
}

std::optional<QList<SearchHit>> SavedSearchStore::run(const QString &name, int limit, int offset,
                                                      QString *error)
{
    const auto search = find(name);
    if (!search) {
        if (error)
            *error = QStringLiteral("There is no saved search '%1'.").arg(name.trimmed());
        return std::nullopt;
    }
    const auto query = SearchQuery::parse(search->query, error);
    if (!query)
        return std::nullopt;
    SearchOptions options;
    options.sort = search->sort;
    options.limit = limit;
    options.offset = offset;
    return SearchEngine(m_db).search(*query, options, error);
}

} // namespace bs
