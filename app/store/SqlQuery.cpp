#include "store/SqlQuery.h"

#include "store/Database.h"

#include <QSqlError>

namespace bs
{

SqlQuery::SqlQuery(Database &db) : m_db(db), m_query(db.sql())
{
    m_query.setForwardOnly(true);
}

bool SqlQuery::prepare(const QString &sql)
{
    m_nextBind = 0;
    if (!m_query.prepare(sql)) {
        m_db.setLastError(errorText());
        return false;
    }
    return true;
}

SqlQuery &SqlQuery::bind(const QVariant &value)
{
    m_query.bindValue(m_nextBind++, value);
    return *this;
}

SqlQuery &SqlQuery::bind(const QDateTime &when)
{
    return bind(fromDate(when));
}

SqlQuery &SqlQuery::bind(const QString &text)
{
    // A null QString would bind as SQL NULL; text columns hold '' instead.
    return bind(QVariant(text.isNull() ? QStringLiteral("") : text));
}

SqlQuery &SqlQuery::bind(qint64 number)
{
    return bind(QVariant(number));
}

bool SqlQuery::exec()
{
    m_nextBind = 0;
    if (!m_query.exec()) {
        m_db.setLastError(errorText());
        return false;
    }
    return true;
}

bool SqlQuery::exec(const QString &sql)
{
    m_nextBind = 0;
    if (!m_query.exec(sql)) {
        m_db.setLastError(errorText());
        return false;
    }
    return true;
}

QDateTime SqlQuery::dateValue(int column) const
{
    return toDate(m_query.value(column));
}

QString SqlQuery::errorText() const
{
    const QSqlError e = m_query.lastError();
    return e.databaseText().isEmpty() ? e.text() : e.databaseText();
}

QVariant SqlQuery::fromDate(const QDateTime &when)
{
    return when.isValid() ? QVariant(when.toSecsSinceEpoch()) : QVariant();
}

QDateTime SqlQuery::toDate(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QDateTime::fromSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

} // namespace bs
