#include "store/Migrations.h"

#include "store/Database.h"

#include <sqlite3.h>

namespace bs::Migrations
{

namespace
{

struct Migration {
    int version;
    const char *description;
    const char *sql;
};

// Never edit a migration that has shipped: add a new one.
constexpr Migration kMigrations[] = {
    {1, "folders, feeds, articles with content and status apart, labels, enclosures", R"sql(
CREATE TABLE folders (
    id INTEGER PRIMARY KEY,
    parent_id INTEGER REFERENCES folders(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX folders_name ON folders(ifnull(parent_id, 0), name);

CREATE TABLE feeds (
    id INTEGER PRIMARY KEY,
    folder_id INTEGER REFERENCES folders(id) ON DELETE SET NULL,
    url TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL DEFAULT '',
    site_url TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    icon_url TEXT NOT NULL DEFAULT '',
    etag TEXT NOT NULL DEFAULT '',
    last_modified TEXT NOT NULL DEFAULT '',
    last_fetch INTEGER,
    next_fetch INTEGER,
    fetch_interval INTEGER NOT NULL DEFAULT 0,
    error_count INTEGER NOT NULL DEFAULT 0,
    last_error TEXT NOT NULL DEFAULT '',
    last_error_at INTEGER,
    full_text_mode INTEGER NOT NULL DEFAULT 2,
    retention_days INTEGER NOT NULL DEFAULT 0,
    disabled INTEGER NOT NULL DEFAULT 0,
    position INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
);
CREATE INDEX feeds_folder ON feeds(folder_id);

-- Identity and listing fields. A row outlives a content purge so that an item which reappears
-- in its feed is recognised (and keeps its status).
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
    guid TEXT NOT NULL,
    url TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    author TEXT NOT NULL DEFAULT '',
    published INTEGER,
    updated INTEGER,
    sort_time INTEGER NOT NULL,
    language TEXT NOT NULL DEFAULT '',
    content_hash BLOB,
    fetched_at INTEGER NOT NULL,
    UNIQUE (feed_id, guid)
);
CREATE INDEX articles_feed_time ON articles(feed_id, sort_time DESC, id DESC);
CREATE INDEX articles_time ON articles(sort_time DESC, id DESC);
CREATE INDEX articles_feed_url ON articles(feed_id, url);
CREATE INDEX articles_hash ON articles(feed_id, content_hash);

-- Content: purgeable. text is the plain text the search index and snippets read.
CREATE TABLE article_content (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    summary TEXT NOT NULL DEFAULT '',
    content TEXT NOT NULL DEFAULT '',
    full_text TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL DEFAULT ''
);

-- Status: what the reader decided; never touched by a content purge.
CREATE TABLE article_status (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    read INTEGER NOT NULL DEFAULT 0,
    read_at INTEGER,
    starred INTEGER NOT NULL DEFAULT 0,
    starred_at INTEGER
);
CREATE INDEX article_status_unread ON article_status(article_id) WHERE read = 0;
CREATE INDEX article_status_starred ON article_status(starred_at) WHERE starred = 1;

CREATE TABLE labels (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
CREATE TABLE article_labels (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    label_id INTEGER NOT NULL REFERENCES labels(id) ON DELETE CASCADE,
    PRIMARY KEY (article_id, label_id)
) WITHOUT ROWID;
CREATE INDEX article_labels_label ON article_labels(label_id);

CREATE TABLE enclosures (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    url TEXT NOT NULL,
    mime_type TEXT NOT NULL DEFAULT '',
    length INTEGER NOT NULL DEFAULT 0,
    title TEXT NOT NULL DEFAULT ''
);
CREATE INDEX enclosures_article ON enclosures(article_id);
)sql"},
    {2, "full-text search index over title, author and text (CJK via trigrams)", R"sql(
CREATE VIEW article_search_source AS
    SELECT a.id AS id, a.title AS title, a.author AS author, c.text AS text
    FROM articles a JOIN article_content c ON c.article_id = a.id;
CREATE VIRTUAL TABLE article_fts USING fts5(
    title, author, text,
    content = 'article_search_source', content_rowid = 'id',
    tokenize = 'trigram');
INSERT INTO article_fts(article_fts) VALUES ('rebuild');
)sql"},
    {3, "media cache entries", R"sql(
CREATE TABLE media_cache (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,
    sha256 TEXT NOT NULL,
    mime_type TEXT NOT NULL DEFAULT '',
    size INTEGER NOT NULL DEFAULT 0,
    fetched_at INTEGER NOT NULL,
    last_access INTEGER NOT NULL
);
CREATE INDEX media_cache_lru ON media_cache(last_access);
CREATE TABLE article_media (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    media_id INTEGER NOT NULL REFERENCES media_cache(id) ON DELETE CASCADE,
    PRIMARY KEY (article_id, media_id)
) WITHOUT ROWID;
CREATE INDEX article_media_media ON article_media(media_id);
)sql"},
    {4, "the hash of each feed's last body, so an unchanged 200 skips parsing", R"sql(
ALTER TABLE feeds ADD COLUMN content_hash BLOB;
)sql"},
    {5, "scheduling hints, settings, and tombstones of articles retention removed", R"sql(
-- What the feed itself says about how often to fetch it (seconds; 0: it says nothing):
-- RSS <ttl> is a floor, sy:updatePeriod/sy:updateFrequency the publishing period.
ALTER TABLE feeds ADD COLUMN ttl_secs INTEGER NOT NULL DEFAULT 0;
ALTER TABLE feeds ADD COLUMN update_period_secs INTEGER NOT NULL DEFAULT 0;
CREATE INDEX feeds_next_fetch ON feeds(next_fetch);

CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- An article retention deleted, remembered while its feed still carries it, so it does not
-- come back as new. seen_at moves on each fetch that still carries the entry.
CREATE TABLE article_tombstones (
    feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
    guid TEXT NOT NULL,
    deleted_at INTEGER NOT NULL,
    seen_at INTEGER NOT NULL,
    PRIMARY KEY (feed_id, guid)
) WITHOUT ROWID;
CREATE INDEX article_tombstones_seen ON article_tombstones(seen_at);

)sql"},
    {6,
     "search index with the broadsheet tokenizer (words + CJK bigrams) over title, author, "
     "feed, summary and text",
     R"sql(
DROP TABLE article_fts;
DROP VIEW article_search_source;
-- What the index read when the article was indexed: the summary's plain text (empty when the
-- summary is also the body) and the feed's title at that time. Kept here so that removing an
-- entry from the external-content index always sees exactly what was added.
ALTER TABLE article_content ADD COLUMN summary_text TEXT NOT NULL DEFAULT '';
ALTER TABLE article_content ADD COLUMN feed_title TEXT NOT NULL DEFAULT '';
UPDATE article_content SET
    summary_text = CASE WHEN content != '' OR full_text != '' THEN bs_plain_text(summary)
                        ELSE '' END,
    feed_title = ifnull((SELECT f.title FROM articles a JOIN feeds f ON f.id = a.feed_id
                         WHERE a.id = article_content.article_id), '');
CREATE VIEW article_search_source AS
    SELECT a.id AS id, a.title AS title, a.author AS author, c.feed_title AS feed,
           c.summary_text AS summary, c.text AS text
    FROM articles a JOIN article_content c ON c.article_id = a.id;
CREATE VIRTUAL TABLE article_fts USING fts5(
    title, author, feed, summary, text,
    content = 'article_search_source', content_rowid = 'id',
    tokenize = 'broadsheet');
INSERT INTO article_fts(article_fts) VALUES ('rebuild');
)sql"},
    {7, "notes on saved articles, saved searches", R"sql(
-- A person's note on an article they keep (a noted article is never purged).
CREATE TABLE article_notes (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    note TEXT NOT NULL,
    updated_at INTEGER NOT NULL
);
-- Smart folders: the query text is parsed again each time, so relative dates stay relative.
CREATE TABLE saved_searches (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    query TEXT NOT NULL,
    sort TEXT NOT NULL DEFAULT 'relevance',
    position INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
);
-- Bookmark import finds the article a saved address belongs to.
CREATE INDEX articles_url ON articles(url);
)sql"},
    {8,
     "offline content: the extracted page's metadata and related list, download errors, media "
     "lookups by hash",
     R"sql(
-- What the full-article download read from the article's page (full_text and text hold its
-- HTML and plain text). page_related is a JSON array of {title, url, snippet}: the page's own
-- related-stories list. extracted_at is set on every attempt; extract_error says why the last
-- one failed (empty: it worked), media_error which images were refused.
ALTER TABLE article_content ADD COLUMN lead_image TEXT NOT NULL DEFAULT '';
ALTER TABLE article_content ADD COLUMN lang TEXT NOT NULL DEFAULT '';
ALTER TABLE article_content ADD COLUMN dir TEXT NOT NULL DEFAULT '';
ALTER TABLE article_content ADD COLUMN page_related TEXT NOT NULL DEFAULT '[]';
ALTER TABLE article_content ADD COLUMN extracted_at INTEGER;
ALTER TABLE article_content ADD COLUMN extract_error TEXT NOT NULL DEFAULT '';
ALTER TABLE article_content ADD COLUMN media_error TEXT NOT NULL DEFAULT '';
-- Identical bytes share one file: the cache looks rows up by hash when it removes files.
CREATE INDEX media_cache_sha256 ON media_cache(sha256);
)sql"},
    {9, "a feed's title chosen by the user", R"sql(
-- 1: the title was set by hand (rename, feed properties); a sync leaves it as it is.
ALTER TABLE feeds ADD COLUMN title_locked INTEGER NOT NULL DEFAULT 0;
)sql"},
    {10, "unread counts per feed kept by triggers, so the feed tree's counts are a small read",
     R"sql(
-- Unread articles per feed. Kept by the triggers below, so reading every feed's count is one
-- small table, not a join over every unread article. A feed without a row has none unread.
CREATE TABLE feed_unread (
    feed_id INTEGER PRIMARY KEY REFERENCES feeds(id) ON DELETE CASCADE,
    unread INTEGER NOT NULL DEFAULT 0
);
INSERT INTO feed_unread(feed_id, unread)
    SELECT a.feed_id, count(*) FROM article_status s CROSS JOIN articles a ON a.id = s.article_id
    WHERE s.read = 0 GROUP BY a.feed_id;
-- While a row is here, a statement that changes read state keeps feed_unread itself (one
-- recount instead of a trigger per row: marking a million articles read); see StatusStore.
CREATE TABLE feed_unread_hold (held INTEGER NOT NULL);
CREATE TRIGGER feed_unread_status_insert AFTER INSERT ON article_status WHEN NEW.read = 0
BEGIN
    INSERT INTO feed_unread(feed_id, unread)
        SELECT feed_id, 1 FROM articles WHERE id = NEW.article_id
        ON CONFLICT (feed_id) DO UPDATE SET unread = unread + 1;
END;
CREATE TRIGGER feed_unread_status_update AFTER UPDATE OF read ON article_status
WHEN (NEW.read = 0) <> (OLD.read = 0) AND NOT EXISTS (SELECT 1 FROM feed_unread_hold)
BEGIN
    INSERT INTO feed_unread(feed_id, unread)
        SELECT feed_id, CASE WHEN NEW.read = 0 THEN 1 ELSE -1 END FROM articles
        WHERE id = NEW.article_id
        ON CONFLICT (feed_id) DO UPDATE SET unread = unread + excluded.unread;
END;
-- An article's status goes with the article (ON DELETE CASCADE): count it out before.
CREATE TRIGGER feed_unread_article_delete BEFORE DELETE ON articles
WHEN EXISTS (SELECT 1 FROM article_status WHERE article_id = OLD.id AND read = 0)
BEGIN
    UPDATE feed_unread SET unread = unread - 1 WHERE feed_id = OLD.feed_id;
END;
)sql"},
    {11, "page feeds: a feed read from a web page's list of stories", R"sql(
-- 0: a feed document (RSS, Atom, JSON Feed); 1: a web page whose list of stories (the items
-- page_selector addresses, a CSS selector) are the feed's articles.
ALTER TABLE feeds ADD COLUMN kind INTEGER NOT NULL DEFAULT 0;
ALTER TABLE feeds ADD COLUMN page_selector TEXT NOT NULL DEFAULT '';
)sql"},
};

bool execScript(sqlite3 *handle, const char *sql, QString *error)
{
    char *message = nullptr;
    if (sqlite3_exec(handle, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        if (error)
            *error = QString::fromUtf8(message ? message : "unknown error");
        sqlite3_free(message);
        return false;
    }
    return true;
}

} // namespace

int latestVersion()
{
    return std::end(kMigrations)[-1].version;
}

QList<int> versions()
{
    QList<int> out;
    for (const Migration &m : kMigrations)
        out.append(m.version);
    return out;
}

bool migrate(Database &db, int targetVersion, QString *error)
{
    sqlite3 *handle = db.handle();
    if (!handle) {
        if (error)
            *error = QStringLiteral("The SQLite driver gave no native handle.");
        return false;
    }
    const int current = db.schemaVersion();
    if (current > latestVersion()) {
        if (error)
            *error = QStringLiteral("The database %1 was written by a newer Broadsheet (schema "
                                    "%2; this build knows up to %3).")
                         .arg(db.path())
                         .arg(current)
                         .arg(latestVersion());
        return false;
    }
    for (const Migration &m : kMigrations) {
        if (m.version <= current || m.version > targetVersion)
            continue;
        QString why;
        const QByteArray bump =
            QByteArrayLiteral("PRAGMA user_version = ") + QByteArray::number(m.version) + ';';
        if (!execScript(handle, "BEGIN IMMEDIATE", &why) || !execScript(handle, m.sql, &why) ||
            !execScript(handle, bump.constData(), &why) || !execScript(handle, "COMMIT", &why)) {
            execScript(handle, "ROLLBACK", nullptr);
            if (error)
                *error = QStringLiteral("Migration %1 (%2) failed: %3")
                             .arg(m.version)
                             .arg(QString::fromUtf8(m.description), why);
            return false;
        }
    }
    return true;
}

} // namespace bs::Migrations
