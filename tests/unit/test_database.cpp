// The database layer: creation, pragmas, reopening, migrations from every earlier version,
// the one-writer rule and refusal of databases it cannot read.

#include "store/Database.h"
#include "store/Migrations.h"
#include "store/SqlQuery.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace bs;

namespace
{

QVariant scalar(Database &db, const QString &sql)
{
    SqlQuery q(db);
    if (!q.exec(sql) || !q.next())
        return {};
    return q.value(0);
}

QStringList schemaOf(Database &db)
{
    QStringList rows;
    SqlQuery q(db);
    q.exec(QStringLiteral("SELECT type, name, ifnull(sql, '') FROM sqlite_master "
                          "ORDER BY type, name"));
    while (q.next())
        rows << q.value(0).toString() + QLatin1Char(' ') + q.value(1).toString() +
                    QLatin1Char(' ') + q.value(2).toString().simplified();
    return rows;
}

// Puts a feed and an article into a database at the given schema version, with plain SQL of
// that version, so that migrating from it has data to carry.
void seedAtVersion(Database &db, int version)
{
    if (version < 1)
        return;
    SqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("INSERT INTO feeds(id, url, title, created_at) VALUES "
                                  "(1, 'https://example.test/feed.xml', 'Example', 1700000000)")));
    QVERIFY(q.exec(QStringLiteral(
        "INSERT INTO articles(id, feed_id, guid, title, author, sort_time, fetched_at) VALUES "
        "(1, 1, 'g1', 'Harbour bridge reopens', 'Ann Lee', 1700000000, 1700000000)")));
    QVERIFY(q.exec(QStringLiteral(
        "INSERT INTO article_content(article_id, text) VALUES (1, '新型天然气水合物 bridge')")));
    QVERIFY(q.exec(
        QStringLiteral("INSERT INTO article_status(article_id, read, starred) VALUES (1, 1, 1)")));
    if (version >= 2 && version < 6)
        QVERIFY(
            q.exec(QStringLiteral("INSERT INTO article_fts(rowid, title, author, text) "
                                  "SELECT id, title, author, text FROM article_search_source")));
    if (version >= 6) {
        // What ArticleStore writes from v6 on: the feed title the index reads.
        QVERIFY(q.exec(QStringLiteral(
            "UPDATE article_content SET feed_title = 'Example' WHERE article_id = 1")));
        QVERIFY(q.exec(QStringLiteral(
            "INSERT INTO article_fts(rowid, title, author, feed, summary, text) "
            "SELECT id, title, author, feed, summary, text FROM article_search_source")));
    }
}

} // namespace

class TestDatabase : public QObject
{
    Q_OBJECT
private slots:
    void createsSchemaAndPragmas()
    {
        QTemporaryDir dir;
        QString error;
        auto db = Database::openWriter(dir.filePath(QStringLiteral("a.sqlite")), &error);
        QVERIFY2(db, qPrintable(error));
        QCOMPARE(db->schemaVersion(), Migrations::latestVersion());
        QCOMPARE(scalar(*db, QStringLiteral("PRAGMA journal_mode")).toString(),
                 QStringLiteral("wal"));
        QCOMPARE(scalar(*db, QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
        QCOMPARE(scalar(*db, QStringLiteral("PRAGMA auto_vacuum")).toInt(), 2); // incremental
        QVERIFY(scalar(*db, QStringLiteral("PRAGMA busy_timeout")).toInt() >= 5000);
        for (const char *table :
             {"folders", "feeds", "articles", "article_content", "article_status", "labels",
              "article_labels", "enclosures", "media_cache", "article_fts", "settings",
              "article_tombstones", "article_notes", "saved_searches"}) {
            SqlQuery q(*db);
            q.prepare(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = ?"));
            q.bind(QString::fromLatin1(table));
            QVERIFY(q.exec() && q.next());
            QVERIFY2(q.value(0).toInt() == 1, table);
        }
        QCOMPARE(scalar(*db, QStringLiteral("PRAGMA integrity_check")).toString(),
                 QStringLiteral("ok"));
    }

    void reopenKeepsData()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.sqlite"));
        QString error;
        {
            auto db = Database::openWriter(path, &error);
            QVERIFY2(db, qPrintable(error));
            seedAtVersion(*db, Migrations::latestVersion());
        }
        auto again = Database::openWriter(path, &error);
        QVERIFY2(again, qPrintable(error));
        QCOMPARE(
            scalar(*again, QStringLiteral("SELECT title FROM articles WHERE id = 1")).toString(),
            QStringLiteral("Harbour bridge reopens"));
    }

    void migratesFromEveryEarlierVersion_data()
    {
        QTest::addColumn<int>("from");
        QTest::addRow("from v0") << 0;
        for (int v : Migrations::versions())
            if (v < Migrations::latestVersion())
                QTest::addRow("from v%d", v) << v;
    }

    void migratesFromEveryEarlierVersion()
    {
        QFETCH(int, from);
        QTemporaryDir dir;
        QString error;
        QStringList freshSchema;
        {
            auto fresh = Database::openWriter(dir.filePath(QStringLiteral("fresh.sqlite")), &error);
            QVERIFY2(fresh, qPrintable(error));
            freshSchema = schemaOf(*fresh);
        }
        const QString path = dir.filePath(QStringLiteral("old.sqlite"));
        {
            auto old = Database::openWriterAtVersion(path, from, &error);
            QVERIFY2(old, qPrintable(error));
            QCOMPARE(old->schemaVersion(), from);
            seedAtVersion(*old, from);
        }
        auto db = Database::openWriter(path, &error);
        QVERIFY2(db, qPrintable(error));
        QCOMPARE(db->schemaVersion(), Migrations::latestVersion());
        QCOMPARE(schemaOf(*db), freshSchema);
        QCOMPARE(scalar(*db, QStringLiteral("PRAGMA integrity_check")).toString(),
                 QStringLiteral("ok"));
        if (from >= 1) {
            // Data carried over, status intact, and the search index covers the old article.
            QCOMPARE(scalar(*db, QStringLiteral("SELECT starred FROM article_status WHERE "
                                                "article_id = 1"))
                         .toInt(),
                     1);
            QCOMPARE(scalar(*db, QStringLiteral("SELECT rowid FROM article_fts WHERE article_fts "
                                                "MATCH '天然气'"))
                         .toLongLong(),
                     1);
            QCOMPARE(scalar(*db, QStringLiteral("SELECT rowid FROM article_fts WHERE article_fts "
                                                "MATCH 'harbour'"))
                         .toLongLong(),
                     1);
            // The feed's title is indexed too (from v6 on).
            QCOMPARE(scalar(*db, QStringLiteral("SELECT rowid FROM article_fts WHERE article_fts "
                                                "MATCH 'feed : example'"))
                         .toLongLong(),
                     1);
        }
    }

    void v5AddsSchedulingSettingsAndTombstones()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v4.sqlite"));
        QString error;
        {
            auto old = Database::openWriterAtVersion(path, 4, &error);
            QVERIFY2(old, qPrintable(error));
            seedAtVersion(*old, 4);
            SqlQuery q(*old);
            QVERIFY(q.exec(QStringLiteral("UPDATE feeds SET fetch_interval = 1800, next_fetch = "
                                          "1700003600 WHERE id = 1")));
        }
        auto db = Database::openWriter(path, &error);
        QVERIFY2(db, qPrintable(error));
        QCOMPARE(db->schemaVersion(), Migrations::latestVersion());
        // The feed keeps its schedule; the new hints start at "nothing said".
        QCOMPARE(scalar(*db, QStringLiteral("SELECT fetch_interval || '/' || next_fetch || '/' "
                                            "|| ttl_secs || '/' || update_period_secs FROM "
                                            "feeds WHERE id = 1"))
                     .toString(),
                 QStringLiteral("1800/1700003600/0/0"));
        SqlQuery q(*db);
        QVERIFY(q.exec(QStringLiteral("INSERT INTO settings(key, value) VALUES "
                                      "('sync.interval_minutes', '30')")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO article_tombstones(feed_id, guid, deleted_at, "
                                      "seen_at) VALUES (1, 'g0', 1700000000, 1700000000)")));
        // A duplicate tombstone is refused; deleting the feed takes its tombstones along.
        QVERIFY(!q.exec(QStringLiteral("INSERT INTO article_tombstones(feed_id, guid, "
                                       "deleted_at, seen_at) VALUES (1, 'g0', 1, 1)")));
        QVERIFY(q.exec(QStringLiteral("DELETE FROM feeds WHERE id = 1")));
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM article_tombstones")).toInt(), 0);
        // The due-feeds lookup has its index.
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = "
                                            "'feeds_next_fetch'"))
                     .toInt(),
                 1);
    }

    void v7AddsNotesAndSavedSearches()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v6.sqlite"));
        QString error;
        {
            auto old = Database::openWriterAtVersion(path, 6, &error);
            QVERIFY2(old, qPrintable(error));
            seedAtVersion(*old, 6);
            SqlQuery q(*old);
            QVERIFY(q.exec(QStringLiteral("INSERT INTO labels(id, name) VALUES (1, 'Harbours')")));
            QVERIFY(q.exec(
                QStringLiteral("INSERT INTO article_labels(article_id, label_id) VALUES (1, 1)")));
        }
        auto db = Database::openWriter(path, &error);
        QVERIFY2(db, qPrintable(error));
        QCOMPARE(db->schemaVersion(), Migrations::latestVersion());
        // What v6 held is intact: article, status, label and its assignment, index entry.
        QCOMPARE(scalar(*db, QStringLiteral("SELECT title FROM articles WHERE id = 1")).toString(),
                 QStringLiteral("Harbour bridge reopens"));
        QCOMPARE(scalar(*db, QStringLiteral("SELECT read || starred FROM article_status WHERE "
                                            "article_id = 1"))
                     .toString(),
                 QStringLiteral("11"));
        QCOMPARE(scalar(*db, QStringLiteral("SELECT l.name FROM article_labels al JOIN labels l "
                                            "ON l.id = al.label_id WHERE al.article_id = 1"))
                     .toString(),
                 QStringLiteral("Harbours"));
        QCOMPARE(scalar(*db, QStringLiteral("SELECT rowid FROM article_fts WHERE article_fts "
                                            "MATCH 'bridge'"))
                     .toLongLong(),
                 1);
        // The new tables work: a note per article, saved searches with unique names and the
        // default sort; deleting the article takes its note along.
        SqlQuery q(*db);
        QVERIFY(q.exec(QStringLiteral("INSERT INTO article_notes(article_id, note, updated_at) "
                                      "VALUES (1, 'ask about tolls', 1700000100)")));
        QVERIFY(!q.exec(QStringLiteral("INSERT INTO article_notes(article_id, note, updated_at) "
                                       "VALUES (1, 'twice', 1700000200)")));
        QVERIFY(!q.exec(QStringLiteral("INSERT INTO article_notes(article_id, note, updated_at) "
                                       "VALUES (99, 'no such article', 1700000200)")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO saved_searches(name, query, created_at) "
                                      "VALUES ('Bridges', 'bridge is:unread', 1700000000)")));
        QVERIFY(!q.exec(QStringLiteral("INSERT INTO saved_searches(name, query, created_at) "
                                       "VALUES ('Bridges', 'x', 1700000000)")));
        QCOMPARE(scalar(*db, QStringLiteral("SELECT sort FROM saved_searches")).toString(),
                 QStringLiteral("relevance"));
        QVERIFY(q.exec(QStringLiteral("DELETE FROM articles WHERE id = 1")));
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM article_notes")).toInt(), 0);
        QCOMPARE(scalar(*db, QStringLiteral("PRAGMA integrity_check")).toString(),
                 QStringLiteral("ok"));
    }

    void refusesNewerSchema()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.sqlite"));
        QString error;
        {
            auto db = Database::openWriter(path, &error);
            QVERIFY(db);
            SqlQuery q(*db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 999")));
        }
        QVERIFY(!Database::openWriter(path, &error));
        QVERIFY2(error.contains(QLatin1String("newer Broadsheet")), qPrintable(error));
        QVERIFY(!Database::openReader(path, &error));
        QVERIFY2(error.contains(QLatin1String("newer Broadsheet")), qPrintable(error));
    }

    void refusesFileThatIsNotADatabase()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.sqlite"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'x'));
        f.close();
        QString error;
        QVERIFY(!Database::openWriter(path, &error));
        QVERIFY2(!error.isEmpty(), "a message says why");
        QVERIFY(f.size() == 4096); // and the file is left as it was
    }

    void oneWriterManyReaders()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.sqlite"));
        QString error;
        auto writer = Database::openWriter(path, &error);
        QVERIFY2(writer, qPrintable(error));
        QVERIFY(writer->isWriter());

        auto second = Database::openWriter(path, &error);
        QVERIFY(!second);
        QVERIFY2(error.contains(QLatin1String("already open for writing")), qPrintable(error));

        auto r1 = Database::openReader(path, &error);
        auto r2 = Database::openReader(path, &error);
        QVERIFY(r1 && r2);
        QVERIFY(!r1->isWriter());
        QVERIFY(!r1->requireWriter());
        // Even raw SQL cannot write through a reader.
        SqlQuery q(*r1);
        QVERIFY(!q.exec(QStringLiteral("INSERT INTO labels(name) VALUES ('x')")));

        writer.reset();
        auto third = Database::openWriter(path, &error);
        QVERIFY2(third, "the lock is released when the writer closes");
    }

    void readerOfMissingFileFails()
    {
        QTemporaryDir dir;
        QString error;
        QVERIFY(!Database::openReader(dir.filePath(QStringLiteral("none.sqlite")), &error));
        QVERIFY(error.contains(QLatin1String("No database")));
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "test_database.moc"
