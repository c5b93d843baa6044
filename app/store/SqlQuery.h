#pragma once

#include <QDateTime>
#include <QSqlQuery>
#include <QVariant>

namespace bs
{

class Database;

// A prepared statement on one connection. Values are always bound, never spliced into SQL.
// Dates travel as integer seconds since the epoch (UTC); an invalid date is NULL.
class SqlQuery
{
public:
    explicit SqlQuery(Database &db);

    bool prepare(const QString &sql);
    SqlQuery &bind(const QVariant &value);
    SqlQuery &bind(const QDateTime &when);
    SqlQuery &bind(const QString &text);
    SqlQuery &bind(qint64 number);
    // Runs the prepared statement with the values bound since the last run.
    bool exec();
    // Runs one statement without parameters.
    bool exec(const QString &sql);

    bool next() { return m_query.next(); }
    QVariant value(int column) const { return m_query.value(column); }
    QDateTime dateValue(int column) const;
    qint64 lastInsertId() const { return m_query.lastInsertId().toLongLong(); }
    int rowsAffected() const { return m_query.numRowsAffected(); }
    QString errorText() const;
    void finish() { m_query.finish(); }

    static QVariant fromDate(const QDateTime &when);
    static QDateTime toDate(const QVariant &value);

private:
    Database &m_db;
    QSqlQuery m_query;
    int m_nextBind = 0;
};

} // namespace bs
