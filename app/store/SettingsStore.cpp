#include "store/SettingsStore.h"

#include "store/Database.h"
#include "store/SqlQuery.h"

namespace bs
{

QString SettingsStore::value(const QString &key, const QString &fallback)
{
    SqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT value FROM settings WHERE key = ?"));
    q.bind(key);
    if (q.exec() && q.next())
        return q.value(0).toString();
    return fallback;
}

qint64 SettingsStore::number(const QString &key, qint64 fallback)
{
    bool ok = false;
    const qint64 n = value(key).toLongLong(&ok);
    return ok ? n : fallback;
}

bool SettingsStore::setValue(const QString &key, const QString &value)
{
    if (!m_db.requireWriter())
        return false;
    SqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO settings(key, value) VALUES (?, ?) "
                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    q.bind(key).bind(value);
    return q.exec();
}

} // namespace bs
