#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

namespace bs
{

class Database;

// The profile's cache of article images for offline reading. Files are content-addressed:
// `<profile>/media/ab/<sha256>` (ab: the hash's first two hex digits), so identical bytes from
// several addresses are stored once. Rows: `media_cache` (one per original URL: hash, type,
// size, fetched_at, last_access) and `article_media` (which articles use it).
//
// Write safety: a file is written to a temporary name and renamed (QSaveFile) before the row
// that names it commits, so a killed process can leave a file without a row (removeOrphans
// sweeps it) but never a row without a file. Removal deletes rows first, files after commit.
//
// Limits: an image is accepted only with an image/* Content-Type and bytes that start like
// PNG, JPEG, GIF, WebP or AVIF (the stored type comes from the bytes), and at most
// maxImageBytes (setting media.max_image_mb, default 5). The whole cache is kept under a
// budget (setting media.budget_mb, default 512) by evicting the least recently used entries
// (last_access), never one linked to a starred article (starred and saved pages are pinned).
//
// Threads: one MediaCache per connection, used on that connection's thread. On the writer,
// lookup() moves last_access at once; on a read-only connection it cannot, so it remembers the
// ids it served: takeAccessed() hands them to whoever holds the writer, which calls touch().
class MediaCache
{
public:
    struct Entry {
        QString filePath;
        QString mimeType;
        qint64 size = 0;
    };
    struct Limits {
        qint64 maxImageBytes = 5LL * 1024 * 1024;
        qint64 budgetBytes = 512LL * 1024 * 1024;
    };
    struct Stats {
        qint64 entries = 0;     // rows (original URLs)
        qint64 files = 0;       // distinct hashes
        qint64 bytes = 0;       // bytes of the distinct files
        qint64 pinnedBytes = 0; // of those, linked to starred articles
    };
    struct Eviction {
        int entries = 0;
        int files = 0;
        qint64 bytes = 0;
    };

    MediaCache(Database &db, QString directory);

    // <directory of the database>/media, the profile's media folder.
    static QString directoryFor(const QString &databasePath);
    // The limits from the profile's settings.
    static Limits limits(Database &db);
    // The image type the bytes start with ("image/png", ...), or empty.
    static QString sniffImageType(const QByteArray &bytes);

    // Checks and stores an image downloaded from `url` and links it to the article. The
    // media id, or nullopt with a reason in *error.
    std::optional<qint64> store(qint64 articleId, const QUrl &url, const QByteArray &bytes,
                                const QString &contentType, qint64 maxBytes, QString *error);
    // Links an already cached URL to the article; false when the URL is not cached.
    bool linkExisting(qint64 articleId, const QUrl &url);

    // The cached copy of an image by its original address (the reader view's question).
    std::optional<Entry> lookup(const QUrl &originalUrl);
    QList<qint64> takeAccessed();
    bool touch(const QList<qint64> &mediaIds, const QDateTime &when);

    // Evicts least recently used, unpinned entries until the files fit the budget.
    Eviction enforceBudget(qint64 budgetBytes);
    // Deletes rows no article links any more (their articles were deleted), then every file
    // in the folder whose hash no row names (and leftovers of interrupted writes). Returns
    // the files removed.
    int removeOrphans();
    Stats stats();

    QString filePath(const QString &sha256) const;
    QString directory() const { return m_dir; }

private:
    Database &m_db;
    QString m_dir;
    QList<qint64> m_accessed;
};

} // namespace bs
