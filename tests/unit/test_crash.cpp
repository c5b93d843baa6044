// A writer process killed with SIGKILL mid-transaction leaves an intact database holding
// exactly the committed batches, with every committed star in place.

#include "store/ArticleStore.h"
#include "store/Database.h"
#include "store/SqlQuery.h"
#include "store/StatusStore.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

using namespace bs;

class TestCrash : public QObject
{
    Q_OBJECT
private slots:
    void sigkillMidWrite()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("crash.sqlite"));
        QRandomGenerator random(20261128);
        qint64 reported = 0;       // highest "committed N" printed so far
        qint64 printedBatches = 0; // batches whose stars were committed before the print
        qint64 previousCount = 0;
        constexpr int kRounds = 12;
        for (int round = 0; round < kRounds; ++round) {
            QProcess child;
            child.setProcessChannelMode(QProcess::SeparateChannels);
            child.start(QStringLiteral(CRASH_WRITER), {path});
            QVERIFY2(child.waitForStarted(), qPrintable(child.errorString()));
            // Wait for at least one commit of this round, then a random extra time.
            QByteArray out;
            while (!out.contains("committed") && child.state() == QProcess::Running) {
                child.waitForReadyRead(5000);
                out += child.readAllStandardOutput();
            }
            QVERIFY2(out.contains("committed"), child.readAllStandardError().constData());
            QTest::qWait(int(random.bounded(5, 400)));
            child.kill(); // SIGKILL
            QVERIFY(child.waitForFinished());
            out += child.readAllStandardOutput();
            for (const QByteArray &line : out.split('\n'))
                if (line.startsWith("committed ")) {
                    reported = std::max(reported, line.mid(10).toLongLong());
                    ++printedBatches;
                }

            QString error;
            auto db = Database::openReader(path, &error);
            QVERIFY2(db, qPrintable(error));
            SqlQuery q(*db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
            const qint64 count = ArticleStore(*db).count({});
            // Everything reported is there; at most the one batch whose commit raced the
            // print is extra; never a part of a batch.
            QVERIFY2(count >= reported,
                     qPrintable(QStringLiteral("%1 < %2").arg(count).arg(reported)));
            QVERIFY(count >= previousCount);
            QVERIFY(count <= std::max(reported, previousCount) + 250);
            QCOMPARE(count % 250, 0);
            // Stars of every reported batch are there.
            const qint64 starred = StatusStore(*db).starredCount();
            QVERIFY(starred >= printedBatches * 36);
            previousCount = count;
        }
        qInfo("%d kills; %lld articles committed in the end", kRounds, previousCount);
    }
};

QTEST_GUILESS_MAIN(TestCrash)
#include "test_crash.moc"
