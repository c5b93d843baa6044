#include "ProfileGenerator.h"

#include "SearchCorpus.h"
#include "store/ArticleStore.h"
#include "store/Database.h"
#include "store/Migrations.h"
#include "store/SqlQuery.h"

#include <QFileInfo>

#include <sqlite3.h>

namespace bs::bench
{

namespace
{

constexpr qint64 kStart = 1700000000;         // 2023-11-14, the oldest article
constexpr qint64 kSpan = 2 * 365 * 24 * 3600; // two years of articles
constexpr qint64 kFarFuture = 4102444800;     // 2100-01-01: never due

const char *const kFirstNames[] = {"Ada",  "Ben",  "Chen", "Dana",  "Eli",   "Fatima", "Gus",
                                   "Hana", "Ivan", "Jia",  "Kofi",  "Lena",  "Mateo",  "Nora",
                                   "Omar", "Pia",  "Quan", "Rosa",  "Sven",  "Tara",   "Uma",
                                   "Vik",  "Wen",  "Xiu",  "Yusuf", "Zelda", "Li",     "Wang"};
const char *const kLastNames[] = {"Abbott", "Brandt", "Costa",  "Dube",   "Evans", "Fischer",
                                  "Garcia", "Huang",  "Ito",    "Jensen", "Kim",   "Larsen",
                                  "Moreau", "Novak",  "Okafor", "Patel",  "Quinn", "Rossi",
                                  "Sato",   "Tanaka", "Usman",  "Varga",  "Weber", "Zhang"};

// A prepared statement on the raw handle: the generator writes millions of rows, and the
// QVariant round trip of QSqlQuery would be most of its time. Every value is bound.
class Statement
{
public:
    Statement(sqlite3 *db, const char *sql) : m_db(db)
    {
        if (sqlite3_prepare_v2(db, sql, -1, &m_stmt, nullptr) != SQLITE_OK)
            m_stmt = nullptr;
    }
    ~Statement() { sqlite3_finalize(m_stmt); }
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    bool ok() const { return m_stmt != nullptr; }
    Statement &bind(qint64 v)
    {
        sqlite3_bind_int64(m_stmt, ++m_index, v);
        return *this;
    }
    Statement &bind(const QByteArray &utf8)
    {
        sqlite3_bind_text(m_stmt, ++m_index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Statement &bindBlob(const QByteArray &bytes)
    {
        sqlite3_bind_blob(m_stmt, ++m_index, bytes.constData(), int(bytes.size()),
                          SQLITE_TRANSIENT);
        return *this;
    }
    Statement &bindNull()
    {
        sqlite3_bind_null(m_stmt, ++m_index);
        return *this;
    }
    bool run()
    {
        const int rc = sqlite3_step(m_stmt);
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
        m_index = 0;
        return rc == SQLITE_DONE;
    }

private:
    sqlite3 *m_db;
    sqlite3_stmt *m_stmt = nullptr;
    int m_index = 0;
};

// Counts every feed's unread articles again, with the per-row count trigger held meanwhile.
const char *const kRecount =
    "DELETE FROM feed_unread_hold; DELETE FROM feed_unread; "
    "INSERT INTO feed_unread(feed_id, unread) SELECT a.feed_id, count(*) FROM article_status s "
    "CROSS JOIN articles a ON a.id = s.article_id WHERE s.read = 0 GROUP BY a.feed_id";

bool exec(sqlite3 *db, const char *sql, QString *error)
{
    char *message = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &message) == SQLITE_OK)
        return true;
    if (error)
        *error = QString::fromUtf8(message ? message : "unknown error");
    sqlite3_free(message);
    return false;
}

QString feedTitle(int feed)
{
    static const char *const topics[] = {"World",  "Tech",    "Science", "Culture",  "Business",
                                         "Sports", "Climate", "Health",  "Politics", "Travel"};
    return QStringLiteral("%1 Daily %2").arg(QLatin1String(topics[feed % 10])).arg(feed + 1);
}

} // namespace

QString ProfileGenerator::marker() const
{
    return QStringLiteral("generator=1;articles=%1;feeds=%2;folders=%3;words=%4;seed=%5")
        .arg(m_options.articles)
        .arg(m_options.feeds)
        .arg(m_options.folders)
        .arg(m_options.summaryWords)
        .arg(m_options.seed);
}

bool ProfileGenerator::reusable(const QString &path) const
{
    if (!QFileInfo::exists(path))
        return false;
    QString error;
    {
        auto db = Database::openReader(path, &error);
        if (!db || db->schemaVersion() > Migrations::latestVersion())
            return false;
        SqlQuery q(*db);
        q.prepare(QStringLiteral("SELECT value FROM settings WHERE key = 'bench.profile'"));
        if (!q.exec() || !q.next() || q.value(0).toString() != marker())
            return false;
        if (db->schemaVersion() == Migrations::latestVersion())
            return true;
    }
    // An older schema: migrated as the app would on start.
    auto writer = Database::openWriter(path, &error);
    return writer && writer->schemaVersion() == Migrations::latestVersion();
}

bool ProfileGenerator::generate(const QString &path, QString *error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    if (QFileInfo::exists(path)) {
        if (error)
            *error = QStringLiteral("%1 exists already").arg(path);
        return false;
    }
    auto db = Database::openWriter(path, error);
    if (!db)
        return false;
    sqlite3 *h = db->handle();
    // A profile that can be regenerated: no need for durability while it is written.
    if (!exec(h, "PRAGMA synchronous = OFF; PRAGMA cache_size = -262144", error))
        return false;

    const qint64 now = QDateTime::currentSecsSinceEpoch();
    if (!exec(h, "BEGIN IMMEDIATE", error))
        return false;
    // The unread counts (feed_unread) are counted once at the end, as StatusStore::markRead does
    // for a bulk change, rather than by the per-row trigger.
    if (!exec(h, "INSERT INTO feed_unread_hold(held) VALUES (1)", error))
        return false;
    {
        Statement folder(h,
                         "INSERT INTO folders(id, parent_id, name, position) VALUES (?,NULL,?,?)");
        Statement feed(h, "INSERT INTO feeds(id, folder_id, url, title, site_url, description, "
                          "next_fetch, full_text_mode, retention_days, position, created_at) "
                          "VALUES (?,?,?,?,?,?,?,0,-1,?,?)");
        if (!folder.ok() || !feed.ok()) {
            *error = QString::fromUtf8(sqlite3_errmsg(h));
            return false;
        }
        for (int f = 0; f < m_options.folders; ++f)
            if (!folder.bind(f + 1)
                     .bind(QStringLiteral("Folder %1").arg(f + 1).toUtf8())
                     .bind(f)
                     .run())
                return (*error = QString::fromUtf8(sqlite3_errmsg(h))), false;
        for (int f = 0; f < m_options.feeds; ++f) {
            feed.bind(f + 1);
            if (m_options.folders > 0)
                feed.bind(qint64(f % m_options.folders) + 1);
            else
                feed.bindNull();
            feed.bind(QStringLiteral("https://feed%1.bench.invalid/rss.xml").arg(f + 1).toUtf8())
                .bind(feedTitle(f).toUtf8())
                .bind(QStringLiteral("https://feed%1.bench.invalid/").arg(f + 1).toUtf8())
                .bind(QStringLiteral("Generated feed %1").arg(f + 1).toUtf8())
                .bind(kFarFuture)
                .bind(f)
                .bind(now);
            if (!feed.run())
                return (*error = QString::fromUtf8(sqlite3_errmsg(h))), false;
        }
    }

    Statement article(h, "INSERT INTO articles(id, feed_id, guid, url, title, author, published, "
                         "updated, sort_time, language, content_hash, fetched_at) "
                         "VALUES (?,?,?,?,?,?,?,NULL,?,?,?,?)");
    Statement content(h, "INSERT INTO article_content(article_id, summary, content, full_text, "
                         "text, summary_text, feed_title) VALUES (?,?,'','',?,'',?)");
    Statement status(h, "INSERT INTO article_status(article_id, read, read_at, starred, "
                        "starred_at) VALUES (?,?,?,?,?)");
    if (!article.ok() || !content.ok() || !status.ok()) {
        *error = QString::fromUtf8(sqlite3_errmsg(h));
        return false;
    }
    QList<QByteArray> feedTitles;
    for (int f = 0; f < m_options.feeds; ++f)
        feedTitles << feedTitle(f).toUtf8();
    QList<QByteArray> authors;
    for (const char *first : kFirstNames)
        for (const char *last : kLastNames)
            authors << QByteArray(first) + ' ' + last;

    SearchCorpus corpus(m_options.seed);
    const int n = m_options.articles;
    const qint64 step = std::max<qint64>(1, kSpan / std::max(1, n));
    for (int i = 0; i < n; ++i) {
        const qint64 id = i + 1;
        // Feeds post at different rates: a few busy ones carry most articles.
        const qint64 feedIndex = (i % 3 == 0)
                                     ? (qint64(i / 3) * 7919) % std::max(1, m_options.feeds / 20)
                                     : (qint64(i) * 104729) % m_options.feeds;
        Article a =
            corpus.make(feedIndex + 1, i, SearchCorpus::Shape::Summaries, m_options.summaryWords);
        const qint64 published = kStart + i * step + (i * 37) % step;
        a.published = QDateTime::fromSecsSinceEpoch(published, Qt::UTC);
        a.author = QString::fromUtf8(authors.at((i * 31) % authors.size()));
        a.guid = QStringLiteral("https://feed%1.bench.invalid/a/%2").arg(feedIndex + 1).arg(id);
        a.url = QUrl(a.guid);
        const QByteArray hash = ArticleStore::contentHash(a);
        // The summary is the body (one paragraph of plain words): its plain text is the words.
        const QString text = a.summary.mid(3, a.summary.size() - 7);
        article.bind(id)
            .bind(feedIndex + 1)
            .bind(a.guid.toUtf8())
            .bind(a.guid.toUtf8())
            .bind(a.title.toUtf8())
            .bind(a.author.toUtf8())
            .bind(published)
            .bind(published)
            .bind(a.language.toUtf8())
            .bindBlob(hash)
            .bind(published + 600);
        content.bind(id)
            .bind(a.summary.toUtf8())
            .bind(text.toUtf8())
            .bind(feedTitles.at(feedIndex));
        const bool read = isGeneratedRead(id), starred = isGeneratedStarred(id);
        status.bind(id).bind(qint64(read));
        if (read)
            status.bind(published + 3600);
        else
            status.bindNull();
        status.bind(qint64(starred));
        if (starred)
            status.bind(published + 7200);
        else
            status.bindNull();
        if (!article.run() || !content.run() || !status.run()) {
            *error = QString::fromUtf8(sqlite3_errmsg(h));
            exec(h, "ROLLBACK", nullptr);
            return false;
        }
        if (id % 50000 == 0 && (!exec(h, "COMMIT", error) || !exec(h, "BEGIN IMMEDIATE", error)))
            return false;
    }
    // The search index from its external content, then the marker; a checkpoint so that the
    // app does not start by replaying a large write-ahead log.
    Statement mark(h, "INSERT OR REPLACE INTO settings(key, value) VALUES ('bench.profile', ?)");
    if (!exec(h, kRecount, error) ||
        !exec(h, "INSERT INTO article_fts(article_fts) VALUES ('rebuild')", error) || !mark.ok() ||
        !mark.bind(marker().toUtf8()).run() || !exec(h, "COMMIT", error) ||
        !exec(h, "PRAGMA wal_checkpoint(TRUNCATE)", error))
        return false;
    return true;
}

bool ProfileGenerator::restoreReadState(const QString &path, QString *error)
{
    auto db = Database::openWriter(path, error);
    if (!db)
        return false;
    sqlite3 *h = db->handle();
    if (!exec(h, "BEGIN IMMEDIATE", error) ||
        !exec(h, "INSERT INTO feed_unread_hold(held) VALUES (1)", error) ||
        !exec(h,
              "UPDATE article_status SET read = (article_id % 10 < 3), read_at = CASE WHEN "
              "article_id % 10 < 3 THEN ifnull(read_at, 0) END WHERE read <> (article_id % 10 < 3)",
              error) ||
        !exec(h, kRecount, error) || !exec(h, "COMMIT", error)) {
        exec(h, "ROLLBACK", nullptr);
        return false;
    }
    exec(h, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr);
    return true;
}

} // namespace bs::bench
