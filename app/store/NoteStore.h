#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace bs
{

class Database;

struct ArticleNote {
    qint64 articleId = 0;
    QString text;
    QDateTime updatedAt;
};

// A person's note on an article (`article_notes`). Notes belong to saved articles: setting a
// note on an article that is not starred stars it (clearing the note leaves the star). A noted
// article is never purged by retention and counts as saved (is:saved). The text is kept
// trimmed, at most kMaxLength characters. Writes need the writer connection; each call is one
// transaction. On failure Database::lastError() holds a sentence for a person.
class NoteStore
{
public:
    static constexpr int kMaxLength = 65536;

    explicit NoteStore(Database &db) : m_db(db) {}

    bool set(qint64 articleId, const QString &text);
    // 1 when a note was removed, 0 when the article had none, -1 on error.
    int clear(qint64 articleId);
    // The note, or nothing when the article has none (or does not exist).
    std::optional<ArticleNote> note(qint64 articleId);

    // Sets the text as is (no starring) inside a transaction the caller holds (import).
    bool setInTransaction(qint64 articleId, const QString &text, const QDateTime &updatedAt);

    static QString textProblem(const QString &text);

private:
    bool articleExists(qint64 articleId);
    bool fail(const QString &message);

    Database &m_db;
};

} // namespace bs
