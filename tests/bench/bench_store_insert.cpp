// Insert N articles (title ~10 words, body ~300 words, 10% Chinese) through the store API with
// the search index maintained, next to raw SQLite (sqlite3 C API, prepared statements, the same
// schema and search index (FTS5, broadsheet tokenizer), 1,000 rows per transaction) in the same
// run.
//
//   bench_store_insert [N]      (default 100000)

#include "TestData.h"
#include "html/HtmlText.h"
#include "store/ArticleStore.h"
#include "store/Database.h"
#include "store/FeedStore.h"
#include "store/SearchTokenizer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>

#include <cstdio>
#include <sqlite3.h>

using namespace bs;

namespace
{

constexpr int kBatch = 1000;

qint64 databaseBytes(const QString &path)
{
    qint64 total = 0;
    for (const char *suffix : {"", "-wal"})
        total += QFileInfo(path + QLatin1String(suffix)).size();
    return total;
}

struct Row {
    const char *name;
    int count;
    double seconds;
    qint64 bytes;
};

bool check(int rc, sqlite3 *db)
{
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
        std::fprintf(stderr, "sqlite: %s\n", sqlite3_errmsg(db));
        return false;
    }
    return true;
}

// The reference: what a hand-written loader over the same schema costs.
double rawInsert(const QString &path, const QList<Article> &articles, const QStringList &texts)
{
    sqlite3 *db = nullptr;
    sqlite3_open(path.toUtf8().constData(), &db);
    if (!SearchTokenizer::registerOn(db, nullptr))
        return -1;
    sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
                 nullptr, nullptr, nullptr);
    sqlite3_exec(db, "INSERT INTO feeds(id, url, created_at) VALUES (1, 'https://raw.test/', 0)",
                 nullptr, nullptr, nullptr);
    sqlite3_stmt *art = nullptr, *content = nullptr, *status = nullptr, *fts = nullptr;
    sqlite3_prepare_v2(
        db,
        "INSERT INTO articles(feed_id, guid, url, title, author, published, "
        "sort_time, language, content_hash, fetched_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
        -1, &art, nullptr);
    sqlite3_prepare_v2(db, "INSERT INTO article_content(article_id, content, text) VALUES (?,?,?)",
                       -1, &content, nullptr);
    sqlite3_prepare_v2(db, "INSERT INTO article_status(article_id) VALUES (?)", -1, &status,
                       nullptr);
    sqlite3_prepare_v2(db,
                       "INSERT INTO article_fts(rowid, title, author, feed, summary, text) "
                       "VALUES (?,?,?,'','',?)",
                       -1, &fts, nullptr);
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < articles.size(); ++i) {
        if (i % kBatch == 0)
            sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
        const Article &a = articles[i];
        const QByteArray guid = a.guid.toUtf8(), url = a.url.toString().toUtf8(),
                         title = a.title.toUtf8(), author = a.author.toUtf8(),
                         lang = a.language.toUtf8(), html = a.content.toUtf8(),
                         text = texts[i].toUtf8();
        const QByteArray hash = ArticleStore::contentHash(a);
        const qint64 when = a.published.toSecsSinceEpoch();
        sqlite3_bind_int64(art, 1, 1);
        sqlite3_bind_text(art, 2, guid.constData(), int(guid.size()), SQLITE_STATIC);
        sqlite3_bind_text(art, 3, url.constData(), int(url.size()), SQLITE_STATIC);
        sqlite3_bind_text(art, 4, title.constData(), int(title.size()), SQLITE_STATIC);
        sqlite3_bind_text(art, 5, author.constData(), int(author.size()), SQLITE_STATIC);
        sqlite3_bind_int64(art, 6, when);
        sqlite3_bind_int64(art, 7, when);
        sqlite3_bind_text(art, 8, lang.constData(), int(lang.size()), SQLITE_STATIC);
        sqlite3_bind_blob(art, 9, hash.constData(), int(hash.size()), SQLITE_STATIC);
        sqlite3_bind_int64(art, 10, when);
        if (!check(sqlite3_step(art), db))
            return -1;
        sqlite3_reset(art);
        const sqlite3_int64 id = sqlite3_last_insert_rowid(db);
        sqlite3_bind_int64(content, 1, id);
        sqlite3_bind_text(content, 2, html.constData(), int(html.size()), SQLITE_STATIC);
        sqlite3_bind_text(content, 3, text.constData(), int(text.size()), SQLITE_STATIC);
        check(sqlite3_step(content), db);
        sqlite3_reset(content);
        sqlite3_bind_int64(status, 1, id);
        check(sqlite3_step(status), db);
        sqlite3_reset(status);
        sqlite3_bind_int64(fts, 1, id);
        sqlite3_bind_text(fts, 2, title.constData(), int(title.size()), SQLITE_STATIC);
        sqlite3_bind_text(fts, 3, author.constData(), int(author.size()), SQLITE_STATIC);
        sqlite3_bind_text(fts, 4, text.constData(), int(text.size()), SQLITE_STATIC);
        check(sqlite3_step(fts), db);
        sqlite3_reset(fts);
        if (i % kBatch == kBatch - 1 || i + 1 == articles.size())
            sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    }
    const double seconds = timer.nsecsElapsed() / 1e9;
    for (sqlite3_stmt *s : {art, content, status, fts})
        sqlite3_finalize(s);
    sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    return seconds;
}

double storeInsert(const QString &path, QList<Article> articles)
{
    QString error;
    auto db = Database::openWriter(path, &error);
    if (!db) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return -1;
    }
    const auto feedId =
        FeedStore(*db).addFeed(Feed{.url = QUrl(QStringLiteral("https://s.test/"))});
    for (Article &a : articles)
        a.feedId = *feedId;
    ArticleStore store(*db);
    QElapsedTimer timer;
    timer.start();
    for (qsizetype i = 0; i < articles.size(); i += kBatch) {
        if (!store.saveAll(articles.mid(i, kBatch))) {
            std::fprintf(stderr, "%s\n", qPrintable(db->lastError()));
            return -1;
        }
    }
    const double seconds = timer.nsecsElapsed() / 1e9;
    db.reset();
    sqlite3 *raw = nullptr;
    sqlite3_open(path.toUtf8().constData(), &raw);
    sqlite3_exec(raw, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
    sqlite3_close(raw);
    return seconds;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int n = argc > 1 ? std::atoi(argv[1]) : 100000;
    test::ArticleGenerator gen;
    QList<Article> articles;
    articles.reserve(n);
    qint64 textBytes = 0;
    for (int i = 0; i < n; ++i) {
        articles << gen.make(1, i, 300);
        textBytes +=
            articles.last().title.toUtf8().size() + articles.last().content.toUtf8().size();
    }
    // The raw loader gets its plain text ready-made; the store derives it from the HTML itself.
    QStringList texts;
    texts.reserve(n);
    for (const Article &a : articles)
        texts << htmlToPlainText(a.content);

    QTemporaryDir dir;
    const QString rawPath = dir.filePath(QStringLiteral("raw.sqlite"));
    const QString storePath = dir.filePath(QStringLiteral("store.sqlite"));
    {
        QString error;
        auto schema = Database::openWriter(rawPath, &error); // same schema for the reference
        if (!schema) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
    }
    const double raw = rawInsert(rawPath, articles, texts);
    const double ours = storeInsert(storePath, articles);
    if (raw < 0 || ours < 0)
        return 1;

    const Row rows[] = {{"raw sqlite3 (reference)", n, raw, databaseBytes(rawPath)},
                        {"ArticleStore::saveAll", n, ours, databaseBytes(storePath)}};
    std::printf("\n%d articles, %.1f MB of title+HTML, batches of %d, FTS5 index (broadsheet "
                "tokenizer) maintained\n\n",
                n, textBytes / 1e6, kBatch);
    std::printf("| %-26s | %9s | %9s | %12s | %15s |\n", "variant", "articles", "seconds",
                "articles/s", "DB bytes/article");
    std::printf("|%s|%s|%s|%s|%s|\n", "----------------------------", "-----------", "-----------",
                "--------------", "-----------------");
    for (const Row &r : rows)
        std::printf("| %-26s | %9d | %9.2f | %12.0f | %16.0f |\n", r.name, r.count, r.seconds,
                    r.count / r.seconds, double(r.bytes) / r.count);
    std::printf("\nstore/raw speed ratio: %.2f (aim >= 0.70)\n", raw / ours);
    return 0;
}
