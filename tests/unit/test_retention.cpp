// Retention on real SQLite files: which articles go (read, unstarred, unlabelled, un-noted, older
// than their feed's days), that their content and search entries go with them, batches of bounded
// size, per-feed overrides, tombstones, and the file giving space back.

#include "store/ArticleIdentityStore.h"
#include "store/ArticleStore.h"
#include "store/Database.h"
#include "store/FeedStore.h"
#include "store/NoteStore.h"
#include "store/SqlQuery.h"
#include "store/StatusStore.h"
#include "sync/Retention.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

using namespace bs;

namespace
{

const QDateTime kNow = QDateTime::currentDateTimeUtc();

qint64 scalar(Database &db, const QString &sql)
{
    SqlQuery q(db);
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

qint64 addFeed(Database &db, const QString &name, int retentionDays = 0)
{
    Feed f;
    f.url = QUrl(QStringLiteral("https://%1.example/feed.xml").arg(name));
    f.title = name;
    f.retentionDays = retentionDays;
    return FeedStore(db).addFeed(f).value_or(0);
}

// `count` articles of the feed published `ageDays` ago, each with a searchable word and a
// body of `bodyBytes`; returns their ids.
QList<qint64> addArticles(Database &db, qint64 feedId, int count, int ageDays, const QString &word,
                          int bodyBytes = 200)
{
    QList<Article> batch;
    for (int i = 0; i < count; ++i) {
        Article a;
        a.feedId = feedId;
        a.guid = QStringLiteral("%1-%2-%3").arg(word).arg(ageDays).arg(i);
        a.url = QUrl(QStringLiteral("https://example.org/%1").arg(a.guid));
        a.title = QStringLiteral("%1 report %2").arg(word).arg(i);
        a.published = kNow.addDays(-ageDays).addSecs(-i);
        a.content =
            QStringLiteral("<p>%1 %2</p>").arg(word, QString(bodyBytes, QLatin1Char('a' + i % 26)));
        batch.append(a);
    }
    QList<ArticleStore::SaveResult> saved;
    if (!ArticleStore(db).saveAll(batch, &saved))
        return {};
    QList<qint64> ids;
    for (const auto &s : saved)
        ids.append(s.id);
    return ids;
}

qint64 matches(Database &db, const QString &word)
{
    SqlQuery q(db);
    q.prepare(QStringLiteral("SELECT count(*) FROM article_fts WHERE article_fts MATCH ?"));
    q.bind(word);
    if (!q.exec() || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

} // namespace

class TestRetention : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    int m_round = 0;

    std::unique_ptr<Database> open()
    {
        QString error;
        auto db = Database::openWriter(
            m_dir.filePath(QStringLiteral("retention-%1.sqlite").arg(++m_round)), &error);
        if (!db)
            qWarning() << error;
        return db;
    }

private slots:
    void keepsStarredLabelledUnreadAndRecent()
    {
        auto db = open();
        QVERIFY(db);
        const qint64 feed = addFeed(*db, QStringLiteral("harbour"));
        const QList<qint64> old = addArticles(*db, feed, 8, 200, QStringLiteral("ferries"));
        const QList<qint64> recent = addArticles(*db, feed, 2, 10, QStringLiteral("lighthouse"));
        QCOMPARE(old.size(), 8);
        StatusStore status(*db);
        QCOMPARE(status.setRead(old.mid(0, 7) + recent, true), 9); // old[7] stays unread
        QCOMPARE(status.setStarred({old[0]}, true), 1);
        SqlQuery q(*db);
        QVERIFY(q.exec(QStringLiteral("INSERT INTO labels(id, name) VALUES (1, 'saved')")));
        q.prepare(QStringLiteral("INSERT INTO article_labels(article_id, label_id) VALUES (?, 1)"));
        q.bind(old[1]);
        QVERIFY(q.exec());
        QCOMPARE(matches(*db, QStringLiteral("ferries")), 8);

        Retention retention(*db, RetentionPolicy{}, kNow);
        QVERIFY2(retention.run(), qPrintable(retention.error()));
        QCOMPARE(retention.report().articlesRemoved, 5); // old[2..6]
        QCOMPARE(retention.report().removedPerFeed.value(feed), 5);
        ArticleStore articles(*db);
        for (qint64 id : {old[0], old[1], old[7], recent[0], recent[1]})
            QVERIFY2(articles.article(id).has_value(), qPrintable(QString::number(id)));
        for (qint64 id : old.mid(2, 5))
            QVERIFY(!articles.article(id).has_value());
        // Content, status, index entries and enclosures went with them; nothing dangles.
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM article_content")), 5);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM article_status")), 5);
        QCOMPARE(matches(*db, QStringLiteral("ferries")), 3);
        QCOMPARE(matches(*db, QStringLiteral("lighthouse")), 2);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM article_tombstones")), 5);
        QCOMPARE(StatusStore(*db).status(old[0])->starred, true);
        SqlQuery check(*db);
        QVERIFY(check.exec(QStringLiteral("INSERT INTO article_fts(article_fts) VALUES "
                                          "('integrity-check')")));
        QVERIFY(check.exec(QStringLiteral("PRAGMA integrity_check")) && check.next());
        QCOMPARE(check.value(0).toString(), QStringLiteral("ok"));
    }

    void keepsNotedArticles()
    {
        auto db = open();
        QVERIFY(db);
        const qint64 feed = addFeed(*db, QStringLiteral("noted"));
        const QList<qint64> old = addArticles(*db, feed, 3, 200, QStringLiteral("quay"));
        QCOMPARE(old.size(), 3);
        StatusStore status(*db);
        QCOMPARE(status.setRead(old, true), 3);
        // A note stars the article; take the star away again: the note alone must keep it.
        QVERIFY2(NoteStore(*db).set(old[0], QStringLiteral("check the quay timetable")),
                 qPrintable(db->lastError()));
        QCOMPARE(status.status(old[0])->starred, true);
        QCOMPARE(status.setStarred({old[0]}, false), 1);

        Retention retention(*db, RetentionPolicy{}, kNow);
        QVERIFY2(retention.run(), qPrintable(retention.error()));
        QCOMPARE(retention.report().articlesRemoved, 2);
        QVERIFY(ArticleStore(*db).article(old[0]));
        QVERIFY(!ArticleStore(*db).article(old[1]));
        QCOMPARE(NoteStore(*db).note(old[0])->text, QStringLiteral("check the quay timetable"));
        QCOMPARE(matches(*db, QStringLiteral("quay")), 1);
    }

    void deletesInBoundedBatches()
    {
        auto db = open();
        QVERIFY(db);
        const qint64 a = addFeed(*db, QStringLiteral("alpha"));
        const qint64 b = addFeed(*db, QStringLiteral("beta"));
        QList<qint64> ids = addArticles(*db, a, 700, 120, QStringLiteral("tides"));
        ids += addArticles(*db, b, 500, 120, QStringLiteral("winds"));
        QCOMPARE(StatusStore(*db).setRead(ids, true), 1200);
        RetentionPolicy policy;
        policy.batchSize = 500;
        Retention retention(*db, policy, kNow);
        const RetentionReport planned = retention.plan();
        QCOMPARE(planned.articlesRemoved, 1200);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM articles")), 1200);
        qint64 before = 1200;
        int steps = 0;
        while (retention.step()) {
            const qint64 now = scalar(*db, QStringLiteral("SELECT count(*) FROM articles"));
            QVERIFY2(before - now <= 500, "one step deletes at most one batch");
            before = now;
            QVERIFY(++steps < 100);
        }
        QVERIFY(retention.error().isEmpty());
        QCOMPARE(before, 0);
        QCOMPARE(retention.report().articlesRemoved, 1200);
        QCOMPARE(retention.report().batches, 3); // 500 + 500 + 200 (across both feeds)
        QCOMPARE(retention.report().removedPerFeed.value(a), 700);
        QCOMPARE(retention.report().removedPerFeed.value(b), 500);
        QCOMPARE(matches(*db, QStringLiteral("tides")), 0);
    }

    void perFeedDays()
    {
        auto db = open();
        QVERIFY(db);
        const qint64 shortLived = addFeed(*db, QStringLiteral("short"), 10);
        const qint64 normal = addFeed(*db, QStringLiteral("normal"));
        const qint64 keepAll = addFeed(*db, QStringLiteral("forever"), -1);
        QList<qint64> ids = addArticles(*db, shortLived, 3, 30, QStringLiteral("quick"));
        ids += addArticles(*db, normal, 3, 30, QStringLiteral("middle"));
        ids += addArticles(*db, normal, 2, 100, QStringLiteral("older"));
        ids += addArticles(*db, keepAll, 4, 1000, QStringLiteral("archive"));
        QCOMPARE(StatusStore(*db).setRead(ids, true), 12);
        RetentionPolicy policy;
        policy.defaultDays = 90;
        Retention retention(*db, policy, kNow);
        QVERIFY(retention.run());
        QCOMPARE(retention.report().removedPerFeed.value(shortLived), 3);
        QCOMPARE(retention.report().removedPerFeed.value(normal), 2);
        QCOMPARE(retention.report().removedPerFeed.value(keepAll), 0);
        QCOMPARE(matches(*db, QStringLiteral("middle")), 3);
        QCOMPARE(matches(*db, QStringLiteral("archive")), 4);
        QCOMPARE(matches(*db, QStringLiteral("quick")), 0);

        // A default of 0 or less keeps everything that has no override.
        auto other = open();
        const qint64 feed = addFeed(*other, QStringLiteral("kept"));
        QCOMPARE(StatusStore(*other).setRead(
                     addArticles(*other, feed, 2, 5000, QStringLiteral("ancient")), true),
                 2);
        policy.defaultDays = 0;
        Retention none(*other, policy, kNow);
        QVERIFY(none.run());
        QCOMPARE(none.report().articlesRemoved, 0);
    }

    void tombstonesAreForgottenOnceTheFeedDropsTheEntry()
    {
        auto db = open();
        QVERIFY(db);
        const qint64 feed = addFeed(*db, QStringLiteral("stones"));
        ArticleIdentityStore ids(*db);
        QVERIFY(ids.addTombstone(feed, QStringLiteral("kept"), kNow.addDays(-60)));
        QVERIFY(ids.addTombstone(feed, QStringLiteral("dropped"), kNow.addDays(-60)));
        QVERIFY(ids.hasTombstones(feed));
        // The feed still carries "kept": seen now.
        QVERIFY(ids.isTombstone(feed, QStringLiteral("kept"), kNow));
        QVERIFY(!ids.isTombstone(feed, QStringLiteral("other"), kNow));
        Retention retention(*db, RetentionPolicy{}, kNow);
        QVERIFY(retention.run());
        QCOMPARE(retention.report().tombstonesPruned, 1);
        QVERIFY(ids.isTombstone(feed, QStringLiteral("kept"), kNow));
        QVERIFY(!ids.isTombstone(feed, QStringLiteral("dropped"), kNow));
    }

    void fileShrinksAfterABigPurge()
    {
        const QString path = m_dir.filePath(QStringLiteral("shrink.sqlite"));
        QString error;
        qint64 full = 0;
        {
            auto db = Database::openWriter(path, &error);
            QVERIFY2(db, qPrintable(error));
            const qint64 feed = addFeed(*db, QStringLiteral("bulk"));
            QList<qint64> ids;
            for (int round = 0; round < 3; ++round)
                ids += addArticles(*db, feed, 500, 200 + round, QStringLiteral("bulk"), 4000);
            addArticles(*db, feed, 20, 1, QStringLiteral("fresh"), 4000);
            QCOMPARE(StatusStore(*db).setRead(ids, true), 1500);
        }
        full = QFileInfo(path).size(); // closed: checkpointed into the main file
        QVERIFY2(full > 8'000'000, qPrintable(QString::number(full)));
        {
            auto db = Database::openWriter(path, &error);
            QVERIFY2(db, qPrintable(error));
            RetentionPolicy policy;
            policy.vacuumPages = 512;
            Retention retention(*db, policy, kNow);
            QElapsedTimer timer;
            timer.start();
            QVERIFY2(retention.run(), qPrintable(retention.error()));
            qInfo() << "removed" << retention.report().articlesRemoved << "articles in"
                    << retention.report().batches << "batches and gave back"
                    << retention.report().pagesFreed << "pages in" << timer.elapsed() << "ms";
            QCOMPARE(retention.report().articlesRemoved, 1500);
            QVERIFY(retention.report().pagesFreed > 0);
            QCOMPARE(scalar(*db, QStringLiteral("PRAGMA freelist_count")), 0);
        }
        const qint64 after = QFileInfo(path).size();
        qInfo() << "database file" << full << "bytes before the purge," << after << "after";
        QVERIFY2(after < full / 4, qPrintable(QStringLiteral("%1 -> %2").arg(full).arg(after)));
        auto db = Database::openReader(path, &error);
        QCOMPARE(matches(*db, QStringLiteral("fresh")), 20);
    }
};

QTEST_GUILESS_MAIN(TestRetention)
#include "test_retention.moc"
