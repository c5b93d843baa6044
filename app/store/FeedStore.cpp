#include "store/FeedStore.h"

#include "store/Database.h"
#include "store/SqlQuery.h"

namespace bs
{

namespace
{

const char kFeedColumns[] =
    "id, ifnull(folder_id, 0), url, title, site_url, description, icon_url, etag, last_modified, "
    "last_fetch, next_fetch, fetch_interval, error_count, last_error, last_error_at, "
    "full_text_mode, retention_days, disabled, created_at, content_hash, ttl_secs, "
    "update_period_secs, title_locked, kind, page_selector";

Feed readFeed(const SqlQuery &q)
{
    Feed f;
    f.id = q.value(0).toLongLong();
    f.folderId = q.value(1).toLongLong();
    f.url = QUrl(q.value(2).toString());
    f.title = q.value(3).toString();
    f.siteUrl = QUrl(q.value(4).toString());
    f.description = q.value(5).toString();
    f.iconUrl = QUrl(q.value(6).toString());
    f.etag = q.value(7).toString();
    f.lastModified = q.value(8).toString();
    f.lastFetch = q.dateValue(9);
    f.nextFetch = q.dateValue(10);
    f.fetchIntervalSecs = q.value(11).toInt();
    f.errorCount = q.value(12).toInt();
    f.lastError = q.value(13).toString();
    f.lastErrorAt = q.dateValue(14);
    f.fullText = static_cast<FullTextMode>(q.value(15).toInt());
    f.retentionDays = q.value(16).toInt();
    f.disabled = q.value(17).toBool();
    f.createdAt = q.dateValue(18);
    f.contentHash = q.value(19).toByteArray();
    f.ttlSecs = q.value(20).toInt();
    f.updatePeriodSecs = q.value(21).toInt();
    f.titleLocked = q.value(22).toBool();
    f.kind = q.value(23).toInt() == int(FeedKind::Page) ? FeedKind::Page : FeedKind::Document;
    f.pageSelector = q.value(24).toString();
    return f;
}

QVariant nullableId(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant();
}

} // namespace

std::optional<qint64> FeedStore::findFolder(const QString &name, qint64 parentId)
{
    SqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id FROM folders WHERE ifnull(parent_id, 0) = ? AND name = ?"));
    q.bind(parentId).bind(name);
    if (q.exec() && q.next())
        return q.value(0).toLongLong();
    return std::nullopt;
}

std::optional<qint64> FeedStore::folderId(const QString &name, qint64 parentId)
{
    if (const auto existing = findFolder(name, parentId))
        return existing;
    if (!m_db.requireWriter())
        return std::nullopt;
    if (name.trimmed().isEmpty()) {
        m_db.setLastError(QStringLiteral("A folder needs a name."));
        return std::nullopt;
    }
    SqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO folders(parent_id, name, position) VALUES (?, ?, "
                             "(SELECT ifnull(max(position), -1) + 1 FROM folders))"));
    q.bind(nullableId(parentId)).bind(name.trimmed());
    if (!q.exec())
        return std::nullopt;
    return q.lastInsertId();
}

QList<Folder> FeedStore::folders()
{
    QList<Folder> result;
    SqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT id, ifnull(parent_id, 0), name, position FROM folders ORDER "
                               "BY position, name")))
        return result;
    while (q.next())
        result.append(Folder{q.value(0).toLongLong(), q.value(1).toLongLong(),
                             q.value(2).toString(), q.value(3).toInt()});
    return result;
}

std::optional<qint64> FeedStore::addFeed(const Feed &feed)
{
    if (!m_db.requireWriter())
        return std::nullopt;
    if (!feed.url.isValid() || feed.url.scheme().isEmpty() || feed.url.host().isEmpty()) {
        m_db.setLastError(QStringLiteral("'%1' is not a feed address (expected something like "
                                         "https://example.org/feed.xml).")
                              .arg(feed.url.toString()));
        return std::nullopt;
    }
    if (const auto existing = feedByUrl(feed.url)) {
        m_db.setLastError(QStringLiteral("Already subscribed to %1 (feed %2).")
                              .arg(feed.url.toString())
                              .arg(existing->id));
        return std::nullopt;
    }
    SqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "INSERT INTO feeds(folder_id, url, title, site_url, description, icon_url, "
        "fetch_interval, full_text_mode, retention_days, disabled, position, created_at, "
        "title_locked, kind, page_selector) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "(SELECT ifnull(max(position), -1) + 1 FROM feeds), ?, ?, ?, ?)"));
    q.bind(nullableId(feed.folderId))
        .bind(feed.url.toString())
        .bind(feed.title)
        .bind(feed.siteUrl.toString())
        .bind(feed.description)
        .bind(feed.iconUrl.toString())
        .bind(qint64(feed.fetchIntervalSecs))
        .bind(qint64(feed.fullText))
        .bind(qint64(feed.retentionDays))
        .bind(qint64(feed.disabled))
        .bind(feed.createdAt.isValid() ? feed.createdAt : QDateTime::currentDateTimeUtc())
        .bind(qint64(feed.titleLocked))
        .bind(qint64(feed.kind))
        .bind(feed.pageSelector);
    if (!q.exec())
        return std::nullopt;
    return q.lastInsertId();
}

bool FeedStore::updateFeed(const Feed &feed)
{
    if (!m_db.requireWriter())
        return false;
    SqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "UPDATE feeds SET folder_id = ?, url = ?, title = ?, site_url = ?, description = ?, "
        "icon_url = ?, etag = ?, last_modified = ?, last_fetch = ?, next_fetch = ?, "
        "fetch_interval = ?, error_count = ?, last_error = ?, last_error_at = ?, "
        "full_text_mode = ?, retention_days = ?, disabled = ?, content_hash = ?, ttl_secs = ?, "
        "update_period_secs = ?, title_locked = ?, kind = ?, page_selector = ? WHERE id = ?"));
    q.bind(nullableId(feed.folderId))
        .bind(feed.url.toString())
        .bind(feed.title)
        .bind(feed.siteUrl.toString())
        .bind(feed.description)
        .bind(feed.iconUrl.toString())
        .bind(feed.etag)
        .bind(feed.lastModified)
        .bind(feed.lastFetch)
        .bind(feed.nextFetch)
        .bind(qint64(feed.fetchIntervalSecs))
        .bind(qint64(feed.errorCount))
        .bind(feed.lastError)
        .bind(feed.lastErrorAt)
        .bind(qint64(feed.fullText))
        .bind(qint64(feed.retentionDays))
        .bind(qint64(feed.disabled))
        .bind(feed.contentHash.isEmpty() ? QVariant() : QVariant(feed.contentHash))
        .bind(qint64(feed.ttlSecs))
        .bind(qint64(feed.updatePeriodSecs))
        .bind(qint64(feed.titleLocked))
        .bind(qint64(feed.kind))
        .bind(feed.pageSelector)
        .bind(feed.id);
    return q.exec() && q.rowsAffected() == 1;
}

bool FeedStore::removeFeed(qint64 feedId)
{
    if (!m_db.requireWriter())
        return false;
    Transaction tx(m_db);
    if (!tx.isActive())
        return false;
    if (!feed(feedId)) {
        m_db.setLastError(QStringLiteral("There is no feed %1.").arg(feedId));
        return false;
    }
    return removeFeedsWhere(QStringLiteral("id = ?"), feedId) && tx.commit();
}

bool FeedStore::removeFeedsWhere(const QString &condition, qint64 id)
{
    // The search index has external content: its entries go first, named by what was indexed
    // (article_search_source), then the feeds; articles, content, status, labels and
    // enclosures follow by cascade.
    SqlQuery index(m_db);
    index.prepare(
        QStringLiteral("INSERT INTO article_fts(article_fts, rowid, title, author, feed, summary, "
                       "text) SELECT 'delete', id, title, author, feed, summary, text FROM "
                       "article_search_source WHERE id IN (SELECT a.id FROM articles a WHERE "
                       "a.feed_id IN (SELECT id FROM feeds WHERE %1))")
            .arg(condition));
    index.bind(id);
    if (!index.exec())
        return false;
    SqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM feeds WHERE %1").arg(condition));
    q.bind(id);
    return q.exec();
}

std::optional<Folder> FeedStore::folder(qint64 folderId)
{
    SqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "SELECT id, ifnull(parent_id, 0), name, position FROM folders WHERE id = ?"));
    q.bind(folderId);
    if (q.exec() && q.next())
        return Folder{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(),
                      q.value(3).toInt()};
    return std::nullopt;
}

std::optional<Folder> FeedStore::existingFolder(qint64 folderId)
{
    auto found = folder(folderId);
    if (!found)
        m_db.setLastError(QStringLiteral("There is no folder %1.").arg(folderId));
    return found;
}

bool FeedStore::folderNameTaken(const QString &name, qint64 parentId, qint64 exceptId)
{
    const auto existing = findFolder(name, parentId);
    if (existing && *existing != exceptId) {
        m_db.setLastError(QStringLiteral("There is already a folder named '%1' there.").arg(name));
        return true;
    }
    return false;
}

std::optional<qint64> FeedStore::createFolder(const QString &name, qint64 parentId)
{
    if (!m_db.requireWriter())
        return std::nullopt;
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty()) {
        m_db.setLastError(QStringLiteral("A folder needs a name."));
        return std::nullopt;
    }
    Transaction tx(m_db);
    if (!tx.isActive())
        return std::nullopt;
    if (parentId != 0 && !existingFolder(parentId))
        return std::nullopt;
    if (folderNameTaken(trimmed, parentId, 0))
        return std::nullopt;
    const auto id = folderId(trimmed, parentId);
    if (!id || !tx.commit())
        return std::nullopt;
    return id;
}

bool FeedStore::renameFolder(qint64 folderId, const QString &name)
{
    if (!m_db.requireWriter())
        return false;
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty()) {
        m_db.setLastError(QStringLiteral("A folder needs a name."));
        return false;
    }
    Transaction tx(m_db);
    if (!tx.isActive())
        return false;
    const auto current = existingFolder(folderId);
    if (!current)
        return false;
    if (folderNameTaken(trimmed, current->parentId, folderId))
        return false;
    SqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE folders SET name = ? WHERE id = ?"));
    q.bind(trimmed).bind(folderId);
    return q.exec() && tx.commit();
}

bool FeedStore::moveFolder(qint64 folderId, qint64 parentId)
{
    if (!m_db.requireWriter())
        return false;
    Transaction tx(m_db);
    if (!tx.isActive())
        return false;
    const auto current = existingFolder(folderId);
    if (!current)
        return false;
    if (current->parentId == parentId)
        return true; // already there
    if (parentId != 0) {
        if (!existingFolder(parentId))
            return false;
        SqlQuery inside(m_db);
        inside.prepare(QStringLiteral(
            "WITH RECURSIVE tree(id) AS (SELECT ? UNION SELECT f.id FROM folders f JOIN tree ON "
            "f.parent_id = tree.id) SELECT count(*) FROM tree WHERE id = ?"));
        inside.bind(folderId).bind(parentId);
        if (!inside.exec() || !inside.next())
            return false;
        if (inside.value(0).toLongLong() > 0) {
            m_db.setLastError(QStringLiteral("The folder '%1' cannot move into itself or into one "
                                             "of its subfolders.")
                                  .arg(current->name));
            return false;
        }
    }
    if (folderNameTaken(current->name, parentId, folderId))
        return false;
    SqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE folders SET parent_id = ? WHERE id = ?"));
    q.bind(nullableId(parentId)).bind(folderId);
    return q.exec() && tx.commit();
}

bool FeedStore::moveContents(qint64 fromFolder, qint64 toFolder)
{
    SqlQuery feedsUp(m_db);
    feedsUp.prepare(QStringLiteral("UPDATE feeds SET folder_id = ? WHERE folder_id = ?"));
    feedsUp.bind(nullableId(toFolder)).bind(fromFolder);
    if (!feedsUp.exec())
        return false;
    QList<Folder> children;
    SqlQuery list(m_db);
    list.prepare(QStringLiteral("SELECT id, name FROM folders WHERE parent_id = ? ORDER BY id"));
    list.bind(fromFolder);
    if (!list.exec())
        return false;
    while (list.next())
        children.append(Folder{list.value(0).toLongLong(), fromFolder, list.value(1).toString()});
    for (const Folder &child : children) {
        if (const auto same = findFolder(child.name, toFolder)) {
            // The name is taken where it goes: merge into that folder.
            if (!moveContents(child.id, *same))
                return false;
            SqlQuery drop(m_db);
            drop.prepare(QStringLiteral("DELETE FROM folders WHERE id = ?"));
            drop.bind(child.id);
            if (!drop.exec())
                return false;
            continue;
        }
        SqlQuery up(m_db);
        up.prepare(QStringLiteral("UPDATE folders SET parent_id = ? WHERE id = ?"));
        up.bind(nullableId(toFolder)).bind(child.id);
        if (!up.exec())
            return false;
    }
    return true;
}

bool FeedStore::removeFolder(qint64 folderId, FolderContents contents)
{
    if (!m_db.requireWriter())
        return false;
    Transaction tx(m_db);
    if (!tx.isActive())
        return false;
    const auto current = existingFolder(folderId);
    if (!current)
        return false;
    if (contents == FolderContents::Delete) {
        if (!removeFeedsWhere(QStringLiteral("folder_id IN (WITH RECURSIVE tree(id) AS (SELECT ? "
                                             "UNION SELECT f.id FROM folders f JOIN tree ON "
                                             "f.parent_id = tree.id) SELECT id FROM tree)"),
                              folderId))
            return false;
    } else if (!moveContents(folderId, current->parentId)) {
        return false;
    }
    // Subfolders (now empty of feeds, or moved away) go with it by cascade.
    SqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM folders WHERE id = ?"));
    q.bind(folderId);
    return q.exec() && tx.commit();
}

bool FeedStore::moveFeed(qint64 feedId, qint64 folderId)
{
    if (!m_db.requireWriter())
        return false;
    Transaction tx(m_db);
    if (!tx.isActive())
        return false;
    if (!feed(feedId)) {
        m_db.setLastError(QStringLiteral("There is no feed %1.").arg(feedId));
        return false;
    }
    if (folderId != 0 && !existingFolder(folderId))
        return false;
    SqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE feeds SET folder_id = ? WHERE id = ?"));
    q.bind(nullableId(folderId)).bind(feedId);
    return q.exec() && tx.commit();
}

std::optional<Feed> FeedStore::feed(qint64 feedId)
{
    SqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM feeds WHERE id = ?").arg(QLatin1String(kFeedColumns)));
    q.bind(feedId);
    if (q.exec() && q.next())
        return readFeed(q);
    return std::nullopt;
}

std::optional<Feed> FeedStore::feedByUrl(const QUrl &url)
{
    SqlQuery q(m_db);
    q.prepare(
        QStringLiteral("SELECT %1 FROM feeds WHERE url = ?").arg(QLatin1String(kFeedColumns)));
    q.bind(url.toString());
    if (q.exec() && q.next())
        return readFeed(q);
    return std::nullopt;
}

QList<Feed> FeedStore::feeds()
{
    QList<Feed> result;
    SqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT %1 FROM feeds ORDER BY position, id")
                    .arg(QLatin1String(kFeedColumns))))
        return result;
    while (q.next())
        result.append(readFeed(q));
    return result;
}

QList<qint64> FeedStore::feedIdsInFolder(qint64 folderId)
{
    QList<qint64> ids;
    SqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "WITH RECURSIVE tree(id) AS (SELECT ? UNION SELECT f.id FROM folders f JOIN tree ON "
        "f.parent_id = tree.id) SELECT id FROM feeds WHERE folder_id IN tree ORDER BY position, "
        "id"));
    q.bind(folderId);
    if (q.exec())
        while (q.next())
            ids.append(q.value(0).toLongLong());
    return ids;
}

const QUrl &FeedStore::savedPagesUrl()
{
    static const QUrl url(QStringLiteral("broadsheet://saved-pages"));
    return url;
}

bool FeedStore::isBuiltIn(const Feed &feed)
{
    return feed.url.scheme() == savedPagesUrl().scheme();
}

std::optional<qint64> FeedStore::savedPagesFeedId()
{
    if (const auto existing = feedByUrl(savedPagesUrl()))
        return existing->id;
    Feed feed;
    feed.url = savedPagesUrl();
    feed.title = QStringLiteral("Saved pages");
    feed.description = QStringLiteral("Pages saved by address, readable offline.");
    feed.fullText = FullTextMode::Off;
    feed.retentionDays = -1;
    feed.disabled = true;
    return addFeed(feed);
}

} // namespace bs
