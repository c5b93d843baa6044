#include "offline/MediaCache.h"

#include "store/Database.h"
#include "store/SettingsStore.h"
#include "store/SqlQuery.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSet>

namespace bs
{

namespace
{

constexpr qint64 kMiB = 1024 * 1024;

bool isSha256Hex(const QString &name)
{
    if (name.size() != 64)
        return false;
    for (QChar c : name)
        if (!((c >= QLatin1Char('0') && c <= QLatin1Char('9')) ||
              (c >= QLatin1Char('a') && c <= QLatin1Char('f'))))
            return false;
    return true;
}

// Files of a hash: one query, so a removal can tell whether another URL still names them.
bool hashReferenced(Database &db, const QString &sha256)
{
    SqlQuery q(db);
    q.prepare(QStringLiteral("SELECT 1 FROM media_cache WHERE sha256 = ? LIMIT 1"));
    q.bind(sha256);
    return q.exec() && q.next();
}

// Entries linked to a starred article are pinned.
const char *const kUnpinned = "NOT EXISTS (SELECT 1 FROM article_media am JOIN article_status s "
                              "ON s.article_id = am.article_id WHERE am.media_id = m.id AND "
                              "s.starred = 1)";

} // namespace

MediaCache::MediaCache(Database &db, QString directory) : m_db(db), m_dir(std::move(directory)) {}

QString MediaCache::directoryFor(const QString &databasePath)
{
    return QFileInfo(databasePath).absolutePath() + QStringLiteral("/media");
}

MediaCache::Limits MediaCache::limits(Database &db)
{
    SettingsStore settings(db);
    Limits l;
    const qint64 image = settings.number(QLatin1String(SettingsStore::kMediaMaxImageMb), 5);
    const qint64 budget = settings.number(QLatin1String(SettingsStore::kMediaBudgetMb), 512);
    if (image > 0)
        l.maxImageBytes = image * kMiB;
    if (budget >= 0)
        l.budgetBytes = budget * kMiB;
    return l;
}

QString MediaCache::sniffImageType(const QByteArray &b)
{
    if (b.startsWith("\x89PNG\r\n\x1a\n"))
        return QStringLiteral("image/png");
    if (b.startsWith("\xff\xd8\xff"))
        return QStringLiteral("image/jpeg");
    if (b.startsWith("GIF87a") || b.startsWith("GIF89a"))
        return QStringLiteral("image/gif");
    if (b.size() >= 12 && b.startsWith("RIFF") && b.mid(8, 4) == "WEBP")
        return QStringLiteral("image/webp");
    if (b.size() >= 12 && b.mid(4, 4) == "ftyp" && (b.mid(8, 4) == "avif" || b.mid(8, 4) == "avis"))
        return QStringLiteral("image/avif");
    return {};
}

QString MediaCache::filePath(const QString &sha256) const
{
    return m_dir + QLatin1Char('/') + sha256.left(2) + QLatin1Char('/') + sha256;
}

std::optional<qint64> MediaCache::store(qint64 articleId, const QUrl &url, const QByteArray &bytes,
                                        const QString &contentType, qint64 maxBytes, QString *error)
{
    auto fail = [error](const QString &why) -> std::optional<qint64> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (!m_db.requireWriter())
        return fail(m_db.lastError());
    const QString declared = contentType.section(QLatin1Char(';'), 0, 0).trimmed().toLower();
    if (!declared.startsWith(QLatin1String("image/")))
        return fail(QStringLiteral("not an image (Content-Type %1)")
                        .arg(declared.isEmpty() ? QStringLiteral("missing") : declared));
    if (maxBytes > 0 && bytes.size() > maxBytes)
        return fail(QStringLiteral("image larger than %1 bytes").arg(maxBytes));
    const QString mime = sniffImageType(bytes);
    if (mime.isEmpty())
        return fail(QStringLiteral("the bytes are not a PNG, JPEG, GIF, WebP or AVIF image"));

    const QString sha =
        QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    const QString path = filePath(sha);
    // The file first (temporary name, then rename), the row after: never a row without a file.
    if (QFileInfo(path).size() != bytes.size()) {
        if (!QDir().mkpath(QFileInfo(path).absolutePath()))
            return fail(QStringLiteral("cannot create %1").arg(QFileInfo(path).absolutePath()));
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
            return fail(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    }
    Transaction tx(m_db);
    if (!tx.isActive())
        return fail(m_db.lastError());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    SqlQuery upsert(m_db);
    upsert.prepare(QStringLiteral(
        "INSERT INTO media_cache(url, sha256, mime_type, size, fetched_at, last_access) "
        "VALUES (?,?,?,?,?,?) ON CONFLICT (url) DO UPDATE SET sha256 = excluded.sha256, "
        "mime_type = excluded.mime_type, size = excluded.size, fetched_at = excluded.fetched_at, "
        "last_access = excluded.last_access RETURNING id"));
    upsert.bind(url.toString(QUrl::FullyEncoded))
        .bind(sha)
        .bind(mime)
        .bind(qint64(bytes.size()))
        .bind(now)
        .bind(now);
    if (!upsert.exec() || !upsert.next())
        return fail(upsert.errorText());
    const qint64 id = upsert.value(0).toLongLong();
    upsert.finish();
    SqlQuery link(m_db);
    link.prepare(
        QStringLiteral("INSERT OR IGNORE INTO article_media(article_id, media_id) VALUES (?, ?)"));
    link.bind(articleId).bind(id);
    if (!link.exec() || !tx.commit())
        return fail(m_db.lastError().isEmpty() ? link.errorText() : m_db.lastError());
    return id;
}

bool MediaCache::linkExisting(qint64 articleId, const QUrl &url)
{
    if (!m_db.requireWriter())
        return false;
    SqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT OR IGNORE INTO article_media(article_id, media_id) "
                             "SELECT ?, id FROM media_cache WHERE url = ?"));
    q.bind(articleId).bind(url.toString(QUrl::FullyEncoded));
    if (!q.exec())
        return false;
    SqlQuery check(m_db);
    check.prepare(QStringLiteral("SELECT 1 FROM media_cache WHERE url = ?"));
    check.bind(url.toString(QUrl::FullyEncoded));
    return check.exec() && check.next();
}

std::optional<MediaCache::Entry> MediaCache::lookup(const QUrl &originalUrl)
{
    SqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, sha256, mime_type, size FROM media_cache WHERE url = ?"));
    q.bind(originalUrl.toString(QUrl::FullyEncoded));
    if (!q.exec() || !q.next())
        return std::nullopt;
    const qint64 id = q.value(0).toLongLong();
    Entry e{filePath(q.value(1).toString()), q.value(2).toString(), q.value(3).toLongLong()};
    q.finish();
    if (QFileInfo(e.filePath).size() != e.size)
        return std::nullopt; // evicted meanwhile by the writer, or damaged
    if (m_db.isWriter())
        touch({id}, QDateTime::currentDateTimeUtc());
    else if (!m_accessed.contains(id))
        m_accessed.append(id);
    return e;
}

QList<qint64> MediaCache::takeAccessed()
{
    return std::exchange(m_accessed, {});
}

bool MediaCache::touch(const QList<qint64> &mediaIds, const QDateTime &when)
{
    if (!m_db.requireWriter())
        return false;
    SqlQuery q(m_db);
    q.prepare(
        QStringLiteral("UPDATE media_cache SET last_access = max(last_access, ?) WHERE id = ?"));
    for (qint64 id : mediaIds) {
        q.bind(when).bind(id);
        if (!q.exec())
            return false;
    }
    return true;
}

MediaCache::Stats MediaCache::stats()
{
    Stats s;
    SqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "SELECT (SELECT count(*) FROM media_cache), count(*), ifnull(sum(size), 0) FROM "
        "(SELECT sha256, max(size) AS size FROM media_cache GROUP BY sha256)"));
    if (q.exec() && q.next()) {
        s.entries = q.value(0).toLongLong();
        s.files = q.value(1).toLongLong();
        s.bytes = q.value(2).toLongLong();
    }
    SqlQuery p(m_db);
    p.prepare(QStringLiteral("SELECT ifnull(sum(size), 0) FROM (SELECT sha256, max(size) AS size "
                             "FROM media_cache m WHERE NOT ") +
              QLatin1String(kUnpinned) + QStringLiteral(" GROUP BY sha256)"));
    if (p.exec() && p.next())
        s.pinnedBytes = p.value(0).toLongLong();
    return s;
}

MediaCache::Eviction MediaCache::enforceBudget(qint64 budgetBytes)
{
    Eviction out;
    if (!m_db.requireWriter())
        return out;
    qint64 total = stats().bytes;
    if (total <= budgetBytes)
        return out;
    QStringList freed;
    {
        Transaction tx(m_db);
        if (!tx.isActive())
            return out;
        SqlQuery pick(m_db);
        pick.prepare(QStringLiteral("SELECT id, sha256, size FROM media_cache m WHERE ") +
                     QLatin1String(kUnpinned) + QStringLiteral(" ORDER BY last_access, id"));
        if (!pick.exec())
            return out;
        struct Row {
            qint64 id;
            QString sha;
            qint64 size;
        };
        QList<Row> rows;
        while (pick.next())
            rows.append(Row{pick.value(0).toLongLong(), pick.value(1).toString(),
                            pick.value(2).toLongLong()});
        pick.finish();
        SqlQuery del(m_db);
        del.prepare(QStringLiteral("DELETE FROM media_cache WHERE id = ?"));
        for (const Row &r : rows) {
            if (total <= budgetBytes)
                break;
            del.bind(r.id);
            if (!del.exec())
                return Eviction{};
            ++out.entries;
            if (!hashReferenced(m_db, r.sha)) { // the last URL of these bytes: the file goes
                total -= r.size;
                out.bytes += r.size;
                ++out.files;
                freed.append(r.sha);
            }
        }
        if (!tx.commit())
            return Eviction{};
    }
    for (const QString &sha : freed)
        QFile::remove(filePath(sha));
    return out;
}

int MediaCache::removeOrphans()
{
    if (!m_db.requireWriter())
        return 0;
    SqlQuery q(m_db);
    if (!q.exec(QStringLiteral("DELETE FROM media_cache WHERE NOT EXISTS (SELECT 1 FROM "
                               "article_media am WHERE am.media_id = media_cache.id)")))
        return 0;
    QSet<QString> known;
    SqlQuery all(m_db);
    if (!all.exec(QStringLiteral("SELECT DISTINCT sha256 FROM media_cache")))
        return 0;
    while (all.next())
        known.insert(all.value(0).toString());
    int removed = 0;
    QDirIterator it(m_dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString name = it.fileName();
        if (isSha256Hex(name) && known.contains(name))
            continue;
        if (QFile::remove(path))
            ++removed;
    }
    return removed;
}

} // namespace bs
