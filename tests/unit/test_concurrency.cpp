// One writer thread inserting 10,000 articles while a reader on the main thread pages through
// them: no "database is locked", and every read sees a whole transaction (no torn reads).

#include "TestData.h"
#include "store/ArticleStore.h"
#include "store/Database.h"
#include "store/FeedStore.h"
#include "store/SqlQuery.h"

#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <atomic>

using namespace bs;

class TestConcurrency : public QObject
{
    Q_OBJECT
private slots:
    void writerAndReaderTogether()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("c.sqlite"));
        constexpr int kTotal = 10000;
        constexpr int kBatch = 100;
        QString error;
        {
            auto db = Database::openWriter(path, &error); // create and migrate
            QVERIFY2(db, qPrintable(error));
        }

        std::atomic<bool> done{false};
        std::atomic<int> committed{0};
        QString writerError;
        QThread *writer = QThread::create([&] {
            QString e;
            auto db = Database::openWriter(path, &e);
            if (!db) {
                writerError = e;
                done = true;
                return;
            }
            Feed f;
            f.url = QUrl(QStringLiteral("https://example.test/feed"));
            const auto feedId = FeedStore(*db).addFeed(f);
            ArticleStore store(*db);
            test::ArticleGenerator gen;
            for (int i = 0; i < kTotal && feedId; i += kBatch) {
                QList<Article> batch;
                for (int j = i; j < i + kBatch; ++j)
                    batch << gen.make(*feedId, j, 60);
                if (!store.saveAll(batch)) {
                    writerError = db->lastError();
                    break;
                }
                committed += kBatch;
            }
            done = true;
        });
        writer->start();

        auto reader = Database::openReader(path, &error);
        QVERIFY2(reader, qPrintable(error));
        ArticleStore articles(*reader);
        int passes = 0;
        qint64 lastSeen = 0;
        while (!done || passes == 0) {
            // Page through everything, newest first.
            ArticleQuery q;
            q.limit = 500;
            qint64 paged = 0;
            for (;;) {
                const auto page = articles.list(q);
                if (page.isEmpty())
                    break;
                paged += page.size();
                q.after = std::make_pair(page.last().sortTime, page.last().summary.id);
            }
            // One snapshot: the three tables written together agree, and a whole batch shows.
            SqlQuery snap(*reader);
            QVERIFY2(snap.exec(QStringLiteral(
                         "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM "
                         "article_status), (SELECT count(*) FROM article_content)")),
                     qPrintable(snap.errorText()));
            QVERIFY(snap.next());
            const qint64 a = snap.value(0).toLongLong();
            QCOMPARE(snap.value(1).toLongLong(), a);
            QCOMPARE(snap.value(2).toLongLong(), a);
            QCOMPARE(a % kBatch, 0);
            QVERIFY(a >= lastSeen); // never goes back
            QVERIFY(paged >= lastSeen);
            lastSeen = a;
            QVERIFY2(reader->lastError().isEmpty(), qPrintable(reader->lastError()));
            ++passes;
        }
        writer->wait();
        delete writer;
        QVERIFY2(writerError.isEmpty(), qPrintable(writerError));
        QCOMPARE(committed.load(), kTotal);
        QCOMPARE(articles.count({}), kTotal);
        qInfo("reader made %d full passes while the writer ran", passes);
        QVERIFY(passes > 1);
    }
};

QTEST_GUILESS_MAIN(TestConcurrency)
#include "test_concurrency.moc"
