#include "store/BookmarkStore.h"

#include "store/ArticleStore.h"
#include "store/Database.h"
#include "store/FeedStore.h"
#include "store/LabelStore.h"
#include "store/NoteStore.h"
#include "store/SqlQuery.h"

#include <QHash>
#include <QSet>
#include <QUrl>

namespace bs
{

bool BookmarkStore::fail(const QString &message)
{
    m_db.setLastError(message);
    return false;
}

std::optional<QList<Bookmark>> BookmarkStore::exportAll(int *withoutAddress)
{
    const QString saved = QStringLiteral(
        "(s.starred = 1 OR EXISTS (SELECT 1 FROM article_labels al WHERE al.article_id = a.id) "
        "OR n.article_id IS NOT NULL)");
    QHash<qint64, QStringList> labels;
    SqlQuery lq(m_db);
    if (!lq.exec(QStringLiteral("SELECT al.article_id, l.name FROM article_labels al JOIN labels "
                                "l ON l.id = al.label_id ORDER BY al.article_id, lower(l.name), "
                                "l.id"))) {
        fail(lq.errorText());
        return std::nullopt;
    }
    while (lq.next())
        labels[lq.value(0).toLongLong()] << lq.value(1).toString();

    SqlQuery q(m_db);
    if (!q.exec(QStringLiteral(
                    "SELECT a.id, a.url, a.title, ifnull(f.title, ''), a.published, s.starred, "
                    "s.starred_at, n.note, n.updated_at FROM articles a JOIN article_status s ON "
                    "s.article_id = a.id LEFT JOIN feeds f ON f.id = a.feed_id LEFT JOIN "
                    "article_notes n "
                    "ON n.article_id = a.id WHERE %1 ORDER BY CASE WHEN s.starred = 1 THEN "
                    "s.starred_at "
                    "ELSE a.sort_time END DESC, a.url, a.id")
                    .arg(saved))) {
        fail(q.errorText());
        return std::nullopt;
    }
    QList<Bookmark> out;
    int missing = 0;
    while (q.next()) {
        Bookmark b;
        b.url = q.value(1).toString();
        if (b.url.isEmpty()) {
            ++missing;
            continue;
        }
        b.title = q.value(2).toString();
        b.feed = q.value(3).toString();
        b.published = q.dateValue(4);
        b.starred = q.value(5).toBool();
        b.starredAt = b.starred ? q.dateValue(6) : QDateTime();
        b.labels = labels.value(q.value(0).toLongLong());
        b.note = q.value(7).toString();
        b.noteUpdated = b.note.isEmpty() ? QDateTime() : q.dateValue(8);
        out.append(b);
    }
    if (withoutAddress)
        *withoutAddress = missing;
    return out;
}

std::optional<BookmarkImportCounts> BookmarkStore::import(const BookmarkDocument &document)
{
    if (!m_db.requireWriter())
        return std::nullopt;
    BookmarkImportCounts counts;
    counts.skippedAddresses = document.skippedAddresses;
    counts.invalidEntries = document.invalidEntries;
    Transaction tx(m_db);
    if (!tx.isActive())
        return std::nullopt;
    LabelStore labelStore(m_db);
    ArticleStore articles(m_db);
    std::optional<qint64> savedPages;
    QHash<QString, qint64> labelIds; // lower-case name -> id
    QSet<QString> seen;
    const QDateTime now = QDateTime::currentDateTimeUtc();

    SqlQuery find(m_db);
    find.prepare(QStringLiteral("SELECT min(id) FROM articles WHERE url = ?"));
    SqlQuery star(m_db);
    star.prepare(QStringLiteral("UPDATE article_status SET starred = 1, starred_at = ? WHERE "
                                "article_id = ? AND starred = 0"));
    // Prepared once for the whole file (a file may hold 100,000 entries).
    SqlQuery assign(m_db);
    assign.prepare(
        QStringLiteral("INSERT OR IGNORE INTO article_labels(article_id, label_id) VALUES (?, ?)"));
    SqlQuery setNote(m_db);
    setNote.prepare(QStringLiteral("INSERT INTO article_notes(article_id, note, updated_at) "
                                   "VALUES (?, ?, ?) ON CONFLICT (article_id) DO UPDATE SET "
                                   "note = excluded.note, updated_at = excluded.updated_at"));
    const auto failed = [&](const QString &why) {
        fail(QStringLiteral("Nothing was imported: %1").arg(why));
        return std::nullopt;
    };
    for (const Bookmark &b : document.bookmarks) {
        const QString url = QUrl(b.url.trimmed(), QUrl::TolerantMode).toString();
        if (seen.contains(url)) {
            ++counts.duplicates;
            continue;
        }
        seen.insert(url);
        find.bind(url);
        if (!find.exec() || !find.next())
            return failed(find.errorText());
        qint64 id = find.value(0).toLongLong();
        find.finish();
        if (id > 0) {
            ++counts.matched;
        } else {
            if (!savedPages)
                savedPages = FeedStore(m_db).savedPagesFeedId();
            if (!savedPages)
                return failed(m_db.lastError());
            Article a;
            a.feedId = *savedPages;
            a.guid = url;
            a.url = QUrl(url);
            a.title = b.title.isEmpty() ? url : b.title;
            a.published = b.published;
            a.fetchedAt = now;
            QList<ArticleStore::SaveResult> results;
            if (!articles.saveInTransaction({a}, &results) || results.isEmpty())
                return failed(m_db.lastError());
            id = results.first().id;
            ++counts.created;
        }
        if (b.starred) {
            star.bind(b.starredAt.isValid() ? b.starredAt : now).bind(id);
            if (!star.exec())
                return failed(star.errorText());
        }
        for (const QString &name : b.labels) {
            if (!LabelStore::nameProblem(name).isEmpty()) {
                ++counts.labelsSkipped;
                continue;
            }
            const QString key = name.trimmed().toLower();
            qint64 labelId = labelIds.value(key);
            if (!labelId) {
                const bool existed = labelStore.find(name).has_value();
                const auto created = labelStore.ensureInTransaction(name);
                if (!created)
                    return failed(m_db.lastError());
                labelId = *created;
                labelIds.insert(key, labelId);
                counts.labelsCreated += existed ? 0 : 1;
            }
            assign.bind(id).bind(labelId);
            if (!assign.exec())
                return failed(assign.errorText());
        }
        if (!b.note.isEmpty()) {
            if (const QString why = NoteStore::textProblem(b.note); !why.isEmpty())
                return failed(QStringLiteral("the note on %1: %2").arg(url, why));
            setNote.bind(id)
                .bind(b.note.trimmed())
                .bind(b.noteUpdated.isValid() ? b.noteUpdated : now);
            if (!setNote.exec())
                return failed(setNote.errorText());
        }
    }
    if (!tx.commit())
        return failed(m_db.lastError());
    return counts;
}

} // namespace bs
