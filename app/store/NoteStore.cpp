#include "store/NoteStore.h"

#include "store/Database.h"
#include "store/SqlQuery.h"

namespace bs
{

bool NoteStore::fail(const QString &message)
{
    m_db.setLastError(message);
    return false;
}

QString NoteStore::textProblem(const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return QStringLiteral("A note needs some text (to remove a note, clear it).");
    if (t.size() > kMaxLength)
        return QStringLiteral("A note is at most %1 characters.").arg(kMaxLength);
    return {};
}

bool NoteStore::articleExists(qint64 articleId)
{
    SqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT 1 FROM articles WHERE id = ?"));
    q.bind(articleId);
    if (q.exec() && q.next())
        return true;
    return fail(QStringLiteral("There is no article %1.").arg(articleId));
}

bool NoteStore::set(qint64 articleId, const QString &text)
{
    if (!m_db.requireWriter())
        return false;
    if (const QString why = textProblem(text); !why.isEmpty())
        return fail(why);
    Transaction tx(m_db);
    if (!tx.isActive() || !articleExists(articleId))
        return false;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!setInTransaction(articleId, text.trimmed(), now))
        return false;
    SqlQuery star(m_db);
    star.prepare(QStringLiteral("UPDATE article_status SET starred = 1, starred_at = ? WHERE "
                                "article_id = ? AND starred = 0"));
    star.bind(now).bind(articleId);
    if (!star.exec())
        return fail(QStringLiteral("The article could not be starred: %1").arg(star.errorText()));
    return tx.commit();
}

int NoteStore::clear(qint64 articleId)
{
    if (!m_db.requireWriter())
        return -1;
    Transaction tx(m_db);
    if (!tx.isActive() || !articleExists(articleId))
        return -1;
    SqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM article_notes WHERE article_id = ?"));
    q.bind(articleId);
    if (!q.exec()) {
        fail(QStringLiteral("The note could not be removed: %1").arg(q.errorText()));
        return -1;
    }
    const int removed = q.rowsAffected();
    return tx.commit() ? removed : -1;
}

std::optional<ArticleNote> NoteStore::note(qint64 articleId)
{
    SqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT note, updated_at FROM article_notes WHERE article_id = ?"));
    q.bind(articleId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return ArticleNote{articleId, q.value(0).toString(), q.dateValue(1)};
}

bool NoteStore::setInTransaction(qint64 articleId, const QString &text, const QDateTime &updatedAt)
{
    SqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO article_notes(article_id, note, updated_at) VALUES "
                             "(?, ?, ?) ON CONFLICT (article_id) DO UPDATE SET note = "
                             "excluded.note, updated_at = excluded.updated_at"));
    q.bind(articleId).bind(text).bind(updatedAt);
    if (!q.exec())
        return fail(QStringLiteral("The note could not be saved: %1").arg(q.errorText()));
    return true;
}

} // namespace bs
