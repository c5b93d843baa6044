#pragma once

#include "model/Article.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace bs
{

class Database;

struct LabelCount {
    qint64 id = 0;
    QString name;
    qint64 articles = 0;
};

// Labels and their assignment to articles (`labels`, `article_labels`). Names are compared
// without regard to ASCII case (as the search's label: filter does), trimmed, at most
// kMaxNameLength characters, without commas (bookmark files list labels separated by commas)
// or control characters. Deleting a label removes its assignments, never an article. Writes
// need the writer connection; each call is one transaction. On failure the calls return
// nothing / -1 / false and Database::lastError() holds a sentence for a person.
class LabelStore
{
public:
    static constexpr int kMaxNameLength = 100;

    explicit LabelStore(Database &db) : m_db(db) {}

    std::optional<qint64> create(const QString &name);
    bool rename(const QString &oldName, const QString &newName);
    bool remove(const QString &name);

    std::optional<Label> find(const QString &name);
    // Every label by name, with how many articles carry it.
    QList<LabelCount> list();
    // Label id -> how many of its articles are unread (labels without unread ones are absent).
    QHash<qint64, qint64> unreadCounts();
    QList<Label> labelsOf(qint64 articleId);

    // Assigns (or removes) the label on every article named, in one transaction. An id that
    // is not an article refuses the whole call (nothing changes). Returns how many
    // assignments changed, or -1.
    int assign(const QString &name, const QList<qint64> &articleIds);
    int unassign(const QString &name, const QList<qint64> &articleIds);

    // The label's id, created when missing, inside a transaction the caller holds (import).
    std::optional<qint64> ensureInTransaction(const QString &name);

    // Why a name cannot be a label name, or empty when it can (after trimming).
    static QString nameProblem(const QString &name);

private:
    int change(const QString &name, const QList<qint64> &articleIds, bool assign);
    bool fail(const QString &message);

    Database &m_db;
};

} // namespace bs
