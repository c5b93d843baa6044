#include "store/LabelStore.h"

#include "store/Database.h"
#include "store/SqlQuery.h"

#include <QSet>

namespace bs
{

bool LabelStore::fail(const QString &message)
{
    m_db.setLastError(message);
    return false;
}

QString LabelStore::nameProblem(const QString &name)
{
    const QString n = name.trimmed();
    if (n.isEmpty())
        return QStringLiteral("A label needs a name.");
    if (n.size() > kMaxNameLength)
        return QStringLiteral("A label name is at most %1 characters.").arg(kMaxNameLength);
    if (n.contains(QLatin1Char(',')))
        return QStringLiteral("A label name cannot contain a comma ('%1').").arg(n);
    for (QChar c : n)
        if (c.category() == QChar::Other_Control)
            return QStringLiteral("A label name cannot contain control characters.");
    return {};
}

std::optional<Label> LabelStore::find(const QString &name)
{
    SqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, name FROM labels WHERE lower(name) = lower(?)"));
    q.bind(name.trimmed());
    if (!q.exec() || !q.next())
        return std::nullopt;
    return Label{q.value(0).toLongLong(), q.value(1).toString()};
}

std::optional<qint64> LabelStore::create(const QString &name)
{
    if (!m_db.requireWriter())
        return std::nullopt;
    if (const QString why = nameProblem(name); !why.isEmpty()) {
        fail(why);
        return std::nullopt;
    }
    Transaction tx(m_db);
    if (!tx.isActive())
        return std::nullopt;
    if (const auto existing = find(name)) {
        fail(QStringLiteral("There is already a label '%1'.").arg(existing->name));
        return std::nullopt;
    }
    SqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO labels(name) VALUES (?)"));
    q.bind(name.trimmed());
    if (!q.exec() || !tx.commit()) {
        fail(QStringLiteral("The label could not be created: %1").arg(q.errorText()));
        return std::nullopt;
    }
    return q.lastInsertId();
}

bool LabelStore::rename(const QString &oldName, const QString &newName)
{
    if (!m_db.requireWriter())
        return false;
    if (const QString why = nameProblem(newName); !why.isEmpty())
        return fail(why);
    Transaction tx(m_db);
    if (!tx.isActive())
        return false;
    const auto label = find(oldName);
    if (!label)
        return fail(QStringLiteral("There is no label '%1'.").arg(oldName.trimmed()));
    if (const auto clash = find(newName); clash && clash->id != label->id)
        return fail(QStringLiteral("There is already a label '%1'.").arg(clash->name));
    SqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE labels SET name = ? WHERE id = ?"));
    q.bind(newName.trimmed()).bind(label->id);
    if (!q.exec() || !tx.commit())
        return fail(QStringLiteral("The label could not be renamed: %1").arg(q.errorText()));
    return true;
}

bool LabelStore::remove(const QString &name)
{
    if (!m_db.requireWriter())
        return false;
    Transaction tx(m_db);
    if (!tx.isActive())
        return false;
    const auto label = find(name);
    if (!label)
        return fail(QStringLiteral("There is no label '%1'.").arg(name.trimmed()));
    // article_labels rows go with it (ON DELETE CASCADE); articles stay.
    SqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM labels WHERE id = ?"));
    q.bind(label->id);
    if (!q.exec() || !tx.commit())
        return fail(QStringLiteral("The label could not be deleted: %1").arg(q.errorText()));
    return true;
}

QList<LabelCount> LabelStore::list()
{
    QList<LabelCount> out;
    SqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT l.id, l.name, (SELECT count(*) FROM article_labels al "
                               "WHERE al.label_id = l.id) FROM labels l ORDER BY lower(l.name), "
                               "l.id")))
        return out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toLongLong()});
    return out;
}

QHash<qint64, qint64> LabelStore::unreadCounts()
{
    QHash<qint64, qint64> out;
    SqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT al.label_id, count(*) FROM article_labels al JOIN "
                               "article_status s ON s.article_id = al.article_id WHERE s.read = 0 "
                               "GROUP BY al.label_id")))
        return out;
    while (q.next())
        out.insert(q.value(0).toLongLong(), q.value(1).toLongLong());
    return out;
}

QList<Label> LabelStore::labelsOf(qint64 articleId)
{
    QList<Label> out;
    SqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT l.id, l.name FROM article_labels al JOIN labels l ON l.id = "
                             "al.label_id WHERE al.article_id = ? ORDER BY lower(l.name), l.id"));
    q.bind(articleId);
    if (!q.exec())
        return out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toString()});
    return out;
}

int LabelStore::assign(const QString &name, const QList<qint64> &articleIds)
{
    return change(name, articleIds, true);
}

int LabelStore::unassign(const QString &name, const QList<qint64> &articleIds)
{
    return change(name, articleIds, false);
}

int LabelStore::change(const QString &name, const QList<qint64> &articleIds, bool assign)
{
    if (!m_db.requireWriter())
        return -1;
    Transaction tx(m_db);
    if (!tx.isActive())
        return -1;
    const auto label = find(name);
    if (!label) {
        fail(QStringLiteral("There is no label '%1' (create it with: label create NAME).")
                 .arg(name.trimmed()));
        return -1;
    }
    SqlQuery exists(m_db);
    exists.prepare(QStringLiteral("SELECT 1 FROM articles WHERE id = ?"));
    QStringList unknown;
    QSet<qint64> seen;
    for (qint64 id : articleIds) {
        exists.bind(id);
        if (!exists.exec()) {
            fail(exists.errorText());
            return -1;
        }
        if (!exists.next() && !seen.contains(id))
            unknown << QString::number(id);
        seen.insert(id);
        exists.finish();
    }
    if (!unknown.isEmpty()) {
        fail(QStringLiteral("No article has the id %1; nothing was changed.")
                 .arg(unknown.join(QStringLiteral(", "))));
        return -1;
    }
    SqlQuery q(m_db);
    q.prepare(assign ? QStringLiteral("INSERT OR IGNORE INTO article_labels(article_id, label_id) "
                                      "VALUES (?, ?)")
                     : QStringLiteral("DELETE FROM article_labels WHERE article_id = ? AND "
                                      "label_id = ?"));
    int changed = 0;
    for (qint64 id : articleIds) {
        q.bind(id).bind(label->id);
        if (!q.exec()) {
            fail(QStringLiteral("The labels could not be changed: %1").arg(q.errorText()));
            return -1;
        }
        changed += q.rowsAffected();
    }
    return tx.commit() ? changed : -1;
}

std::optional<qint64> LabelStore::ensureInTransaction(const QString &name)
{
    if (const QString why = nameProblem(name); !why.isEmpty()) {
        fail(why);
        return std::nullopt;
    }
    if (const auto existing = find(name))
        return existing->id;
    SqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO labels(name) VALUES (?)"));
    q.bind(name.trimmed());
    if (!q.exec()) {
        fail(QStringLiteral("The label could not be created: %1").arg(q.errorText()));
        return std::nullopt;
    }
    return q.lastInsertId();
}

} // namespace bs
